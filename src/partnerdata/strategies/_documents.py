"""Near-valid documents: the JSON text of a valid record or dataset with one defect, for testing error paths."""

import json
from collections.abc import Iterable
from typing import Any

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from partnerdata._io.convert import to_dict
from partnerdata._query.dataset import Dataset
from partnerdata.strategies._registry import strategy_for

DEFECTS = (
    "wrong-type",
    "missing-field",
    "unknown-field",
    "out-of-range",
    "blank-string",
    "huge-number",
    "not-a-number",
    "deep-nesting",
    "duplicate",
    "dangling-reference",
    "invalid-utf8",
    "truncated",
    "not-an-object",
)
"""Every kind of defect :func:`near_valid_documents` injects."""


@attrs.frozen(kw_only=True)
class NearValidDocument:
    """The JSON text of a valid record or dataset with one defect injected, and where it is.

    ``content`` is what to load (``bytes`` for the ``invalid-utf8`` defect, else ``str``);
    ``type`` the record type it is a document of; ``defect`` one of :data:`DEFECTS`;
    ``path`` a JSON path prefix: loading ``content`` raises
    :class:`~partnerdata.DataValidationError` with some problem at ``path`` or below it.
    ``valid`` is the document before the defect was injected.

    >>> from hypothesis import given, settings
    >>> import pytest
    >>> import partnerdata
    >>> from partnerdata.strategies import near_valid_documents
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(near_valid_documents(partnerdata.Partner))
    ... def test_defect_found(doc):
    ...     with pytest.raises(partnerdata.DataValidationError) as caught:
    ...         partnerdata.from_json(doc.type, doc.content)
    ...     assert any(p.path.startswith(doc.path) for p in caught.value.problems)
    >>> test_defect_found()
    """

    type: type
    content: str | bytes
    defect: str
    path: str
    valid: str

    def __repr__(self) -> str:
        return f"NearValidDocument(type={self.type.__name__}, defect={self.defect!r}, path={self.path!r})"


_SENTINEL = "\x00partnerdata-defect\x00"
_STRING_LISTS = frozenset({"aliases", "focus", "topics", "programmes", "partners"})


def _locations(value: Any, path: str, parent_key: str | None = None) -> list[tuple[str, Any, Any, str | None]]:
    """Every (path, container, key, name of the list it is in) inside a JSON value, root excluded."""
    out: list[tuple[str, Any, Any, str | None]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((f"{path}.{key}", value, key, None))
            out += _locations(item, f"{path}.{key}", key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.append((f"{path}[{i}]", value, i, parent_key))
            out += _locations(item, f"{path}[{i}]")
    return out


def _objects(value: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        out.append((path, value))
        for key, item in value.items():
            out += _objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _objects(item, f"{path}[{i}]")
    return out


def _where(path: str, in_list: str | None) -> str:
    """The path a value defect is reported at: a sorted list of codes reports at the list."""
    if in_list is not None and in_list in _STRING_LISTS and path.endswith("]"):
        return path[: path.rindex("[")]
    return path


def _wrong(value: Any) -> Any:
    """A JSON value of a type no field holding ``value`` accepts."""
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return 7
    return "not a list"


def _dangling(draw: st.DrawFn, data: dict[str, Any]) -> str | None:
    """Point one reference of a dataset document at nothing: the path reported, or ``None`` if none."""
    partners = {p["alpha3"] for p in data["partners"]}
    programmes = {p["code"] for p in data["programmes"]}
    unknown_partner = next(c for c in ("ZZZ", "ZZY", "ZYZ", "YZZ", "YYZ", "YYY") if c not in partners)
    unknown_programme = next(
        c for c in ("NOPE", "NOPE-1", "NOPE-2", "NOPE-3", "NOPE-4", "NOPE-5") if c not in programmes
    )
    options: list[tuple[str, dict[str, Any], str, Any]] = []  # path reported, object, key, new value
    for i, source in enumerate(data["sources"]):
        options.append((f"$.sources[{i}].partner", source, "partner", unknown_partner))
    for i, programme in enumerate(data["programmes"]):
        options.append((f"$.programmes[{i}].successor", programme, "successor", unknown_programme))
    for i, relation in enumerate(data["relations"]):
        where = f"$.relations[{i}]"  # a changed code may reorder the relation's lists
        for participation in relation["participations"]:
            options.append((where, participation, "programme", unknown_programme))
        for j, event in enumerate(relation["events"]):
            options.append((f"{where}.events[{j}]", event, "partners", [*event["partners"], unknown_partner]))
        for statement in relation["statements"]:
            evidence = statement["evidence"]
            options.append((where, evidence, "source", "no-such-page"))
            options.append((where, evidence, "quote", evidence["quote"] + " Bis."))
    if not options:
        return None
    path, obj, key, value = draw(st.sampled_from(options))
    obj[key] = value
    return str(path)


def _duplicate(draw: st.DrawFn, data: Any, cls: type) -> str | None:
    """Repeat one keyed item; the path the duplicate is reported at, or ``None`` if nothing is keyed."""
    options: list[tuple[str, list[Any]]] = []
    if cls is Dataset:
        for kind in ("partners", "programmes", "topics", "sources", "relations"):
            if data[kind]:
                options.append((f"$.{kind}", data[kind]))
    for path, container, key, _ in _locations(data, "$"):
        if not isinstance(key, str):
            continue
        value = container[key]
        codes = key in _STRING_LISTS and value and isinstance(value[0], str)
        if codes or (key in ("participations", "channels", "events", "statements") and value):
            options.append((path, value))
    if not options:
        return None
    path, items = draw(st.sampled_from(options))
    items.append(items[draw(st.integers(0, len(items) - 1))])
    return str(path)


@st.composite
def _near_valid(
    draw: st.DrawFn, cls: type, base: st.SearchStrategy[Any], defects: tuple[str, ...]
) -> NearValidDocument:
    record = draw(base)
    valid = json.dumps(to_dict(record), ensure_ascii=False, indent=2)
    data = json.loads(valid)
    locations = _locations(data, "$")
    objects = _objects(data, "$")
    ints = [loc for loc in locations if type(loc[1][loc[2]]) is int]
    strings = [loc for loc in locations if type(loc[1][loc[2]]) is str]
    possible = [
        d
        for d in defects
        if not (d in ("out-of-range", "huge-number") and not ints)
        and not (d == "blank-string" and not strings)
        and not (d == "wrong-type" and not locations)
        and not (d == "dangling-reference" and cls is not Dataset)
    ]
    if not possible:  # pragma: no cover - every record has a string or an integer
        possible = ["truncated"]
    defect = draw(st.sampled_from(possible))
    raw: str | None = None  # text replacing the sentinel, for what json.dumps cannot write
    path = "$"
    if defect == "wrong-type":
        path, container, key, in_list = draw(st.sampled_from(locations))
        container[key] = _wrong(container[key])  # refused before any sorting: the path is exact
    elif defect == "missing-field":
        path, obj = draw(st.sampled_from(objects))
        key = draw(st.sampled_from(sorted(obj)))
        del obj[key]
        path = f"{path}.{key}"
    elif defect == "unknown-field":
        path, obj = draw(st.sampled_from(objects))
        key = draw(st.from_regex(r"\A[a-z_]{1,12}\Z").filter(lambda k: k not in obj))
        obj[key] = draw(st.sampled_from([None, 0, "x", [], {}]))
        path = f"{path}.{key}"
    elif defect == "out-of-range":
        path, container, key, in_list = draw(st.sampled_from(ints))
        container[key] = draw(st.sampled_from([-1, 10**6, 2**63, -(2**64), 10**30]))
    elif defect == "blank-string":
        path, container, key, in_list = draw(st.sampled_from(strings))
        container[key] = draw(st.sampled_from(["", " ", "\u00a0", "\t\n"]))
        path = _where(path, in_list)
    elif defect == "huge-number":
        where, container, key, in_list = draw(st.sampled_from(ints))
        container[key] = _SENTINEL
        kind = draw(st.sampled_from(["digits", "exponent"]))
        raw = "9" * draw(st.integers(4400, 6000)) if kind == "digits" else "1e400"
        path = "$" if kind == "digits" else where  # too many digits is a syntax error; 1e400 a float
    elif defect == "not-a-number":
        __, container, key, in_list = draw(st.sampled_from(locations))
        container[key] = _SENTINEL
        raw = draw(st.sampled_from(["NaN", "Infinity", "-Infinity"]))
    elif defect == "deep-nesting":
        __, container, key, in_list = draw(st.sampled_from(locations))
        depth = draw(st.sampled_from([5_000, 100_000]))
        container[key] = _SENTINEL
        raw = "[" * depth + "]" * depth
    elif defect == "duplicate":
        found = _duplicate(draw, data, cls)
        if found is None:
            defect, data = "not-an-object", [data]
        else:
            path = found
    elif defect == "dangling-reference":
        found = _dangling(draw, data)
        if found is None:
            defect, data = "not-an-object", [data]
        else:
            path = found
    elif defect == "not-an-object":
        data = draw(st.sampled_from([[data], None, 1, "text", True]))
    text = json.dumps(data, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    if raw is not None:
        text = text.replace(json.dumps(_SENTINEL), raw)
    content: str | bytes = text
    if defect == "truncated":
        text = valid.rstrip()
        content = text[: draw(st.integers(0, len(text) - 1))]
    elif defect == "invalid-utf8":
        encoded = valid.encode("utf-8")
        at = draw(st.integers(0, len(encoded)))
        content = encoded[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"])) + encoded[at:]
    return NearValidDocument(type=cls, content=content, defect=defect, path=path, valid=valid)


def near_valid_documents(
    of: type = Dataset, *, defects: Iterable[str] = DEFECTS
) -> st.SearchStrategy[NearValidDocument]:
    """Documents of ``of`` (a record type or :class:`~partnerdata.Dataset`) with exactly one defect.

    ``defects`` picks the kinds to inject (default: all of :data:`DEFECTS`). References exist only
    in datasets: for a record type ``dangling-reference`` is never drawn. See
    :class:`NearValidDocument` for an example.
    """
    chosen = tuple(dict.fromkeys(defects))
    unknown = [d for d in chosen if d not in DEFECTS]
    if not chosen or unknown:
        raise InvalidArgument(f"defects must be a non-empty subset of DEFECTS, got {chosen!r}")
    if of is not Dataset and chosen == ("dangling-reference",):
        raise InvalidArgument("only a Dataset document has references to leave dangling")
    return _near_valid(of, strategy_for(of), chosen)
