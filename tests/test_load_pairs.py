"""The loader's quick ways build what the plain ways build, and refuse what they refuse (issue #18, speed).

A dataset document is built as it is read: each item of its arrays parsed alone, with every object
left as its (key, value) pairs, and built at once by its class's pairs builder; a document that
does not build so is read whole, as dicts, and takes the checked path that words its problems. The
builders test a text by two C calls (printable, not
blank) instead of the validators' regular expressions, a code by a set of codes that passed, a
tuple of records by C keys, and order a tuple of shared evidence once per load; a line without a
mark before its end is one sentence without the search for sentence ends. Each shortcut is
compared here with the path it stands for.
"""

import json
import random
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import Dataset, DataValidationError, Relation
from partnerdata._io import builders, stream
from partnerdata._io import convert as _convert
from partnerdata._io import structure as _structure
from partnerdata._model import layout, records
from partnerdata.strategies import datasets, near_valid_documents, relations

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- texts: printable and not blank passes the text validators -----------------------------------


def test_every_character_the_text_validators_refuse_is_unprintable_but_the_space() -> None:
    # What lets a builder test a text with str.isprintable and str.isspace: checked for every
    # code point, so a new Unicode version or a new refused character cannot slip through.
    invisible, forbidden = records._INVISIBLE.fullmatch, records._FORBIDDEN.search
    wrong = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if (c := chr(code)).isprintable() and (forbidden(c) is not None or (c != " " and invisible(c) is not None))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("value", "passes"),
    [
        ("Partnership for Peace", True),
        ("l’OTAN « défense »", True),
        ("a\u00a0b", True),  # unprintable (a no-break space) yet good: the validator says so
        ("   ", False),
        ("", False),
        ("a\u202eb", False),
        ("\u200b", False),
    ],
)
def test_a_text_the_quick_test_sends_to_the_validator_gets_its_answer(value: str, passes: bool) -> None:
    ns: dict[str, Any] = {"_type": type, "_str": str}
    fires = eval(builders._test(records.INLINE[records._check_str], "v", 0, ns), ns, {"v": value})
    check = records._check_str
    attribute = attrs.fields(partnerdata.Text).fr
    try:
        check(None, attribute, value)
        ok = True
    except partnerdata.FieldError:
        ok = False
    assert ok is passes
    assert fires or ok  # a value let through passes


# --- a tuple of records: C keys -------------------------------------------------------------------


def _evidence(quote: str, item: int = 0) -> partnerdata.Evidence:
    return partnerdata.Evidence(source="nato-x-fr", section=1, item=item, sentence=0, quote=quote)


def _statement(evidence: partnerdata.Evidence) -> partnerdata.Statement:
    return partnerdata.Statement(text=partnerdata.Text(fr=evidence.quote), evidence=evidence)


@pytest.mark.parametrize(
    ("quotes", "items", "fires"),
    [
        (("A.", "B."), (0, 1), False),
        (("A.", "B."), (0, 0), True),  # one place, two quotes: the same key
        (("A.", "A."), (0, 0), True),
    ],
)
def test_the_quick_test_of_distinct_statements_by_hand(
    quotes: tuple[str, ...], items: tuple[int, ...], fires: bool
) -> None:
    attribute = attrs.fields(Relation).statements
    check = records.left_after_typing(attribute.validator)
    value = tuple(_statement(_evidence(q, i)) for q, i in zip(quotes, items, strict=True))
    ns: dict[str, Any] = {"_len": len, "_set": set, "_map": map}
    assert bool(eval(builders._test(records.INLINE[check], "v", 0, ns), ns, {"v": value})) is fires
    if fires:
        with pytest.raises(partnerdata.FieldError, match=re.escape("duplicate statement 'nato-x-fr#1.0.0'")):
            check(None, attribute, value)
    else:
        check(None, attribute, value)


# --- sentences: one without a mark before its end -------------------------------------------------

_LINE = st.lists(st.sampled_from([*'ab AZ9.!?…»"”)«“(\n\t', "M.", "Dr.", " "]), max_size=20).map("".join)


@given(_LINE)
def test_splitting_a_line_takes_the_quick_way_only_where_the_search_finds_no_end(text: str) -> None:
    stripped = text.strip()
    assert layout.split_sentences(text) == tuple(s for s in layout._split(stripped) if s)


# --- building: the pairs builders against the dict builders ---------------------------------------


def _pairs(text: str) -> Any:
    """The document with every object as the tuple of its pairs, as the quick way parses an item."""
    return json.loads(text, object_pairs_hook=tuple)


def _build_pairs(cl: type, doc: Any) -> Any:
    return builders.pairs_builder(cl)(doc, {}, None)


def _reordered(value: Any, rng: random.Random) -> Any:
    """The JSON form of ``value`` with the keys of each object in a shuffled order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _reordered(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_reordered(v, rng) for v in value]
    return value


@SLOW
@given(relations(), st.randoms(use_true_random=False), st.booleans())
def test_the_pairs_builders_build_what_the_dict_builders_build(value: Any, rng: random.Random, shuffle: bool) -> None:
    form = json.loads(partnerdata.to_json(value))
    if shuffle:  # keys in another order than the fields': the builder reads such an object as a dict
        form = _reordered(form, rng)
    text = json.dumps(form, ensure_ascii=False)
    built = _build_pairs(Relation, _pairs(text))
    assert built == _convert._fast(_convert.parse_json(text), Relation) == value
    assert type(built) is Relation


def _refused(run: Any) -> Any:
    try:
        return ("built", run())
    except (_structure.Invalid, partnerdata.FieldError, TypeError, ValueError, RecursionError, DataValidationError):
        return ("refused", None)


@SLOW
@given(near_valid_documents(Relation))
def test_the_pairs_builders_refuse_what_the_checked_path_refuses(doc: Any) -> None:
    text = doc.content.decode("utf-8", "replace") if isinstance(doc.content, bytes) else doc.content
    try:
        pairs = _pairs(text)
    except (ValueError, RecursionError):
        return  # bad syntax or too deep: the quick way gives up before any builder
    paired = _refused(lambda: _build_pairs(Relation, pairs))
    checked = _refused(lambda: _convert.structure(_convert.parse_json(text), Relation))
    assert paired == checked


def test_a_key_written_twice_refuses_the_pairs_builder_even_with_one_value() -> None:
    text = partnerdata.to_json(partnerdata.load().relation("KGZ"))
    doubled = text.replace('{\n  "partner": "KGZ",', '{\n  "partner": "KGZ",\n  "partner": "KGZ",', 1)
    assert doubled != text
    with pytest.raises(_structure.Invalid):
        _build_pairs(Relation, _pairs(doubled))


# --- a dataset document, built as it is read --------------------------------------------------------


@SLOW
@given(datasets(max_partners=3), st.randoms(use_true_random=False), st.booleans(), st.sampled_from([None, 0, 2]))
def test_a_valid_document_is_built_as_it_is_read(ds: Dataset, rng: random.Random, shuffle: bool, indent: Any) -> None:
    form = json.loads(partnerdata.to_json(ds))
    if shuffle:
        form = _reordered(form, rng)
    text = " \n" + json.dumps(form, ensure_ascii=False, indent=indent) + "\r\n\t"
    assert stream.build_document(text, Dataset) == ds


def _whole(text: str) -> Any:
    """What the loader did with every document before the quick way, and does when it gives up."""
    try:
        return ("built", _convert.structure(_convert.parse_json(text), Dataset))
    except DataValidationError:
        return ("refused", None)


@SLOW
@given(near_valid_documents(Dataset))
def test_the_quick_way_refuses_what_the_whole_path_refuses_and_says_it_alike(doc: Any) -> None:
    text = doc.content.decode("utf-8", "replace") if isinstance(doc.content, bytes) else doc.content
    try:
        quick: Any = stream.build_document(text, Dataset)
    except stream.Refused:  # the dataset's own checks refused the records: so does the whole path
        quick = "refused by the dataset"
        assert _whole(text) == ("refused", None)
    if quick is not None and quick != "refused by the dataset":
        assert _whole(text) == ("built", quick)
    if doc.defect in ("truncated", "not-an-object"):
        assert quick is None
    if doc.defect == "dangling-reference":
        assert quick == "refused by the dataset"
    # What a user sees: the problems of the whole path, word for word and place for place (the
    # dataset's own placed with the records the quick way built).
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.json"
        path.write_bytes(doc.content if isinstance(doc.content, bytes) else doc.content.encode("utf-8"))
        quick_problems = _problems(path)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(stream, "build_document", lambda text, make: None)
            assert quick_problems == _problems(path)


_VALID = partnerdata.to_json(partnerdata.Dataset(data_version="x"), indent=None)


@pytest.mark.parametrize(
    "text",
    [
        _VALID + " x",  # text after the document
        _VALID.replace('{"data_version": "x",', '{"data_version": "x", "data_version": "x",'),
        "{}",
        "\ufeff" + _VALID,  # json.loads refuses a byte order mark; so must the quick way
        _VALID.replace('"x"', "NaN", 1),
        _VALID.replace('"partners": []', '"partners": [1, ]'),
        _VALID.replace('"partners": []', '"partners": null'),
        _VALID[:-1],
        "[]",
    ],
)
def test_the_quick_way_gives_up_on_what_is_not_a_valid_document(text: str) -> None:
    assert stream.build_document(text, Dataset) is None


def test_the_quick_way_builds_the_empty_dataset() -> None:
    assert stream.build_document(_VALID, Dataset) == partnerdata.Dataset(data_version="x")


def test_a_key_written_twice_in_a_dataset_document_is_still_named(tmp_path: Any) -> None:
    ds_text = partnerdata.to_json(partnerdata.load())
    ds_text = re.sub(r'(\n\s+"alpha3": "[A-Z]{3}",)', r"\1\1", ds_text, count=1)
    assert stream.build_document(ds_text, Dataset) is None
    path = tmp_path / "ds.json"
    path.write_text(ds_text, encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    assert [(p.file, p.path, p.message) for p in caught.value.problems] == [
        (str(path), "$.partners[0].alpha3", "duplicate key 'alpha3'")
    ]


@attrs.frozen(kw_only=True)
class _Left:
    x: int
    y: str


@attrs.frozen(kw_only=True)
class _Right:
    x: int
    z: str


@attrs.frozen(kw_only=True)
class _Holder:
    items: tuple[_Left | _Right, ...]


attrs.resolve_types(_Holder)


def test_kinds_of_one_size_are_told_apart_by_their_keys_in_both_builders() -> None:
    text = '{"items": [{"x": 1, "y": "a"}, {"z": "b", "x": 2}]}'
    expected = _Holder(items=(_Left(x=1, y="a"), _Right(x=2, z="b")))
    assert _structure.build(_Holder, json.loads(text), {}) == expected
    assert _build_pairs(_Holder, _pairs(text)) == expected
    for bad in ('{"items": [{"x": 1, "w": "a"}]}', '{"items": [[1]]}', '{"items": [{"x": 1, "y": "a", "x": 1}]}'):
        with pytest.raises(_structure.Invalid):
            _build_pairs(_Holder, _pairs(bad))


def test_a_dataset_document_loads_alike_whatever_the_order_of_its_keys(tmp_path: Any) -> None:
    ds = partnerdata.load()
    form = _reordered(json.loads(partnerdata.to_json(ds)), random.Random(7))
    path = tmp_path / "ds.json"
    path.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    assert partnerdata.load(path) == ds


def _problems(path: Any) -> list[tuple[str | None, str, str]]:
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    return [(p.file, p.path, p.message) for p in caught.value.problems]


def test_the_datasets_own_problems_are_placed_in_the_document_as_before(tmp_path: Any) -> None:
    form = json.loads(partnerdata.to_json(partnerdata.load()))
    # Unknown programmes in two relations, the document's order not the dataset's.
    form["relations"].reverse()
    changed = [r for r in form["relations"] if r["participations"]][:2]
    for r in changed:
        r["participations"][-1]["programme"] = "NOPE"
    path = tmp_path / "ds.json"
    path.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
    found = _problems(path)
    at = [form["relations"].index(r) for r in changed]
    last = [len(r["participations"]) - 1 for r in changed]
    assert sorted(found) == sorted(
        (str(path), f"$.relations[{i}].participations[{k}].programme", "unknown programme 'NOPE'")
        for i, k in zip(at, last, strict=True)
    )
