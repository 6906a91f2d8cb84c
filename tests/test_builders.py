"""The generated builders skip a validator only where the validator would pass (issue #18, speed).

A builder tests a value inline as ``records.INLINE`` describes its validator and calls the
validator only when that test fires; it skips an ordering converter on fewer than two items, a
validator that accepts an empty tuple on an empty one, and the type checks of fields it built
itself. Each shortcut is checked here against the validator or converter it stands for, on values
of every JSON kind, the bad ones included. (tests/test_fast_path.py checks whole documents: the
builders and cattrs' detailed pass agree on valid and near-valid ones.)
"""

import typing
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import FieldError
from partnerdata._io import builders
from partnerdata._model import records
from partnerdata.strategies import relations

# Every JSON value a field may be given, with the characters records refuse (controls, lone
# surrogates, direction overrides, zero-width spaces) and the shapes codes take.
_CHARS = st.characters(codec=None) | st.sampled_from(["\x00", "\x1f", "\u202e", "\u200b", "\ufeff", "\ud800", " "])
_STRINGS = st.text(_CHARS, max_size=12) | st.from_regex(r"[A-Z]{2,4}(-[A-Z0-9]+)?\Z") | st.from_regex(r"[a-z]+\Z")
_SCALARS = st.none() | st.booleans() | st.integers(-5, 12_000) | st.floats(allow_nan=False) | _STRINGS
_VALUES = _SCALARS | st.lists(_SCALARS, max_size=4).map(tuple)

_CLASSES = [getattr(records, name) for name in records.__all__]
_FIELDS = [(cls, a) for cls in _CLASSES for a in attrs.fields(cls)]
_INLINED = [(cls, a) for cls, a in _FIELDS if a.validator in records.INLINE]


def _fires(validator: Any, value: Any) -> bool:
    """Whether the builder's inline test of ``validator`` fires on ``value`` (then it calls it)."""
    ns: dict[str, Any] = {"_type": type, "_str": str, "_int": int, "_bool": bool, "_len": len, "_set": set}
    ns |= {"_map": map, "_any": any, "_all": all, "_only_str": {str}}
    expression = builders._test(records.INLINE[validator], "v", 0, ns)
    try:
        return bool(eval(expression, ns, {"v": value}))
    except TypeError:
        return True  # the builder's caller hands a TypeError to the detailed pass: a refusal


def _passes(validator: Any, attribute: Any, value: Any) -> bool:
    try:
        validator(None, attribute, value)
    except FieldError:
        return False
    return True


def test_every_string_int_and_bool_field_is_tested_inline() -> None:
    # The shortcut covers the fields a large load spends its time on; a new field added with
    # a validator of another kind would silently cost a call per value.
    kinds = {records.INLINE[a.validator][0] for _, a in _INLINED}
    assert kinds == {"str", "pattern", "int", "bool", "strs"}
    assert {a.name for _, a in _INLINED} >= {"fr", "en", "year", "quote", "source", "programme", "aliases"}


@pytest.mark.parametrize(("cls", "attribute"), _INLINED, ids=lambda x: getattr(x, "__name__", getattr(x, "name", "")))
@given(data=st.data())
def test_a_value_the_inline_test_lets_through_passes_the_validator(cls: type, attribute: Any, data: Any) -> None:
    # A tuple field's value is always a tuple by then: the builder made it one.
    tuples = records.INLINE[attribute.validator][0] == "strs"
    value = data.draw(st.lists(_SCALARS, max_size=4).map(tuple) if tuples else _VALUES)
    if not _fires(attribute.validator, value):
        assert _passes(attribute.validator, attribute, value), (cls.__name__, attribute.name, value)


@pytest.mark.parametrize(
    ("value", "fires"),
    [
        ("Partnership for Peace", False),
        ("", True),
        ("\u200b", True),
        ("a\x00b", True),
        (1, True),
        (None, False),  # the field is optional
    ],
)
def test_the_inline_test_of_an_optional_text_field_by_hand(value: Any, fires: bool) -> None:
    assert _fires(attrs.fields(partnerdata.Text).en.validator, value) is fires


@pytest.mark.parametrize(
    ("value", "fires"),
    [(1994, False), (1899, True), (2101, True), (True, True), (1994.0, True), ("1994", True), (None, True)],
)
def test_the_inline_test_of_a_year_by_hand(value: Any, fires: bool) -> None:
    assert _fires(attrs.fields(partnerdata.PartialDate).year.validator, value) is fires


@pytest.mark.parametrize(
    ("value", "fires"),
    [((), False), (("PFP", "SPS"), False), (("PFP", "PFP"), True), (("pfp",), True), (("PFP", 1), True)],
)
def test_the_inline_test_of_a_tuple_of_codes_by_hand(value: Any, fires: bool) -> None:
    assert _fires(attrs.fields(partnerdata.Partner).frameworks.validator, value) is fires


def _records(value: Any) -> Any:
    """Every record inside ``value``, itself included."""
    if attrs.has(type(value)):
        yield value
        for a in attrs.fields(type(value)):
            yield from _records(getattr(value, a.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _records(item)


@given(relations(), st.lists(_STRINGS, max_size=1).map(tuple))
def test_an_ordering_converter_leaves_fewer_than_two_items_as_they_are(
    relation: partnerdata.Relation, strings: tuple[str, ...]
) -> None:
    # What a builder hands a converter: a tuple of the field's own kind (records it built, or the
    # strings of the document, whatever they are).
    seen = 0
    for record in _records(relation):
        for a in attrs.fields(type(record)):
            if a.converter in records.ORDERING:
                value = getattr(record, a.name)
                holds_strings = typing.get_args(a.type)[0] is str
                given_items = strings if holds_strings else value
                assert a.converter(()) == ()
                assert a.converter(given_items[:1]) == given_items[:1]
                seen += 1
    assert seen


def test_the_validators_said_to_accept_an_empty_tuple_do() -> None:
    said = [(cls, a) for cls, a in _FIELDS if a.validator is not None and records.accepts_empty(a.validator)]
    assert len(said) >= 10
    for cls, a in said:
        assert _passes(a.validator, a, ()), (cls.__name__, a.name)
    evidence = attrs.fields(partnerdata.Participation).evidence
    assert not records.accepts_empty(evidence.validator)  # evidence needs at least one item


def test_what_is_left_after_typing_keeps_every_check_that_is_not_a_type_check() -> None:
    fields = {(cls.__name__, a.name): a.validator for cls, a in _FIELDS}
    assert records.left_after_typing(fields["Participation", "aim"]) is None  # Text | None
    assert records.left_after_typing(fields["Relation", "stance"]) is None  # Stance
    left = records.left_after_typing(fields["Participation", "evidence"])
    with pytest.raises(FieldError, match="at least one"):
        left(None, attrs.fields(partnerdata.Participation).evidence, ())
    left = records.left_after_typing(fields["Relation", "participations"])
    cite = partnerdata.Citation(source="x", says=partnerdata.Text(en="y"))
    pfp = partnerdata.Participation(programme="PFP", evidence=(cite,))
    with pytest.raises(FieldError, match="duplicate programme"):
        left(None, attrs.fields(partnerdata.Relation).participations, (pfp, pfp))
