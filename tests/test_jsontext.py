"""The quick JSON writer of built folders writes exactly what ``json.dumps(..., indent=2)`` writes.

:func:`partnerdata._io.jsontext.dumps` handles the types records become and hands anything else
to :func:`json.dumps`; both paths are compared here with the standard library on any JSON-like
value (floats, non-string keys and tuples included), and on the packaged records.
"""

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata._io import jsontext
from partnerdata._io.convert import to_dict


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


SCALARS = st.none() | st.booleans() | st.integers() | st.text() | st.floats()
KEYS = st.text() | st.integers() | st.booleans() | st.none()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple) | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=20,
)
RECORD_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(VALUES)
def test_any_json_like_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert jsontext.dumps(value) == reference(value)


@given(RECORD_LIKE)
def test_the_types_of_records_take_the_quick_path_and_match(value: Any) -> None:
    assert jsontext.dumps(value) == reference(value)


def test_by_hand() -> None:
    assert jsontext.dumps({"a": [], "b": {}, "c": [1, 'x\n"é\u2028']}) == (
        '{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    "x\\n\\"é\u2028"\n  ]\n}'
    )
    assert jsontext.dumps({1: 2.5}) == '{\n  "1": 2.5\n}'  # other keys and floats: the reference's text


def test_values_json_cannot_write_raise_as_json_dumps_does() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        jsontext.dumps(loop)
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"a": [object()]})


def test_packaged_records() -> None:
    ds = partnerdata.load()
    for value in [to_dict(r) for r in ds.relations] + [[to_dict(p) for p in ds.partners]]:
        assert jsontext.dumps(value) == reference(value)
