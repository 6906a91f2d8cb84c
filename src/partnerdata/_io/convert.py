"""JSON and dict forms of the records: one strict cattrs converter, and problems with JSON paths.

cattrs and json are imported on first use, not at package import. Valid data takes one fast pass
(:mod:`partnerdata._io.structure`, which stops at the first defect); only bad data goes through
cattrs' detailed pass, whose exception tree becomes one :class:`Problem` per defect, each with its
JSON path.
"""

import functools
import re
import threading
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from partnerdata._io import structure as _structure
from partnerdata._model.errors import DataValidationError, FieldError, Problem
from partnerdata._model.records import show

T = TypeVar("T")

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

_lock = threading.Lock()


class _FieldsMismatch(ValueError):
    """Raised for a missing or unknown key of a JSON object."""


def _strict(kind: type, what: str) -> Callable[[Any, Any], Any]:
    # cattrs' default hooks call the type (``int("1994")``); these accept the exact type only,
    # which also keeps ``True`` out of integer fields.
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {what}, got {show(value)}")
        return value

    return hook


def _is_tuple_of(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_record_union(t: Any) -> bool:
    args = typing.get_args(t)
    return (
        typing.get_origin(t) in (typing.Union, types.UnionType)
        and len(args) > 1
        and all(isinstance(a, type) and attrs.has(a) for a in args)
    )


def _build() -> Any:
    import cattrs
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        IterableValidationError,
        IterableValidationNote,
    )
    from cattrs.gen import make_dict_structure_fn

    # Valid data never reaches cattrs' structuring (see _structure); it runs to report defects,
    # so it always runs in detailed mode.
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))

    def tuple_factory(t: Any) -> Callable[[Any, Any], Any]:
        item_type = typing.get_args(t)[0]
        item_hook = conv.get_structure_hook(item_type)

        def hook(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise TypeError(f"expected an array, got {show(value)}")
            out, errors = [], []
            for i, item in enumerate(value):
                try:
                    out.append(item_hook(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"@ index {i}", i, item_type),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"while structuring {t!r}", errors, t)
            return tuple(out)

        return hook

    conv.register_structure_hook_factory(_is_tuple_of, tuple_factory)

    def record_factory(cl: type) -> Callable[[Any, Any], Any]:
        base: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, conv)
        fields = attrs.fields(cl)
        names = frozenset(a.name for a in fields)
        types = {a.name: a.type for a in fields}

        def hook(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected an object for {cl.__name__}, got {show(value)}")
            if value.keys() != names:
                # Every field is written, null included, so a missing key is a defect, not a default.
                errors: list[Exception] = []
                for name in sorted(names - value.keys()):
                    exc = _FieldsMismatch("required field missing")
                    exc.__notes__ = [AttributeValidationNote(f"@ {name}", name, types[name])]
                    errors.append(exc)
                for name in sorted(value.keys() - names, key=str):
                    exc = _FieldsMismatch(f"unknown field (known: {', '.join(a.name for a in fields)})")
                    exc.__notes__ = [AttributeValidationNote(f"@ {name}", name, None)]
                    errors.append(exc)
                for name in sorted(names & value.keys()):
                    # Report the defects of the fields that are there too, not only the key set's.
                    try:
                        conv.structure(value[name], types[name])
                    except Exception as exc:
                        exc.__notes__ = [
                            *getattr(exc, "__notes__", []),
                            AttributeValidationNote(f"@ {name}", name, types[name]),
                        ]
                        errors.append(exc)
                raise ClassValidationError(f"while structuring {cl.__name__}", errors, cl)
            try:
                return base(value, cl)
            except FieldError as exc:
                raise _as_written(exc, cl, value, conv) from None
            except ClassValidationError as group:
                # cattrs wraps the record's own refusal (a FieldError without a field's note).
                refused = [
                    _as_written(e, cl, value, conv)
                    if isinstance(e, FieldError) and not getattr(e, "__notes__", None)
                    else e
                    for e in group.exceptions
                ]
                raise ClassValidationError(group.message, refused, cl) from None

        return hook

    conv.register_structure_hook_factory(attrs.has, record_factory)

    def either_factory(t: Any) -> Callable[[Any, Any], Any]:
        # Evidence is a quote or a citation: the object's keys say which; an object that fits
        # neither is reported against the kind it is closest to, so its paths name the keys.
        kinds = typing.get_args(t)
        fields = {k: frozenset(a.name for a in attrs.fields(k)) for k in kinds}

        def hook(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                names = " or ".join(k.__name__ for k in kinds)
                raise TypeError(f"expected an object ({names}), got {show(value)}")
            keys = frozenset(value)
            best = max(kinds, key=lambda k: (len(keys & fields[k]), -len(fields[k] ^ keys)))
            return conv.structure(value, best)

        return hook

    conv.register_structure_hook_factory(_is_record_union, either_factory)

    def dump_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [conv.unstructure(item) for item in value]

    conv.register_unstructure_hook_func(_is_tuple_of, dump_tuple)
    return conv


_ITEM = re.compile(r"(\w+)\[(\d+)\](.*)", re.DOTALL)


def _as_written(exc: FieldError, cl: type, value: dict[str, Any], conv: Any) -> FieldError:
    """``exc`` with its item index (``aliases[0]``) counted in the list as the file has it.

    A record keeps a set's items (aliases, codes, evidence, participations) sorted, and its
    validators count them in that order; a user fixing the file needs the position they wrote.
    Sorting keeps the very objects it sorts, so the item is found by identity among those
    structured from the file.
    """
    match = _ITEM.fullmatch(exc.field)
    if match is None:
        return exc
    name, index, rest = match.group(1), int(match.group(2)), match.group(3)
    attribute = getattr(attrs.fields(cl), name, None)
    written = value.get(name)
    if attribute is None or attribute.converter is None or type(written) is not list:
        return exc
    item_type = typing.get_args(attribute.type)[0]
    items = [conv.structure(item, item_type) for item in written]  # each did, before the record refused them
    ordered = attribute.converter(items)
    if index >= len(ordered):
        return exc
    position = next((k for k, item in enumerate(items) if item is ordered[index]), index)
    return FieldError(f"{name}[{position}]{rest}", exc.message)


@functools.cache
def _converter() -> Any:
    with _lock:  # two threads must not register hooks on one converter at the same time
        return _build()


def _key(note: object) -> str | None:
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    if isinstance(note, AttributeValidationNote):
        return f".{note.name}"
    if isinstance(note, IterableValidationNote):
        return f"[{note.index!r}]"
    return None


def _walk(exc: BaseException, path: str, out: list[tuple[str, str]]) -> None:
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            step = next((k for k in map(_key, getattr(sub, "__notes__", ())) if k is not None), "")
            _walk(sub, path + step, out)
    elif isinstance(exc, DataValidationError):
        # A dataset's own checks, raised inside cattrs: each problem at its path, not one at ``path``.
        out.extend((path + p.path[1:] if p.path.startswith("$") else p.path, p.message) for p in exc.problems)
    elif isinstance(exc, FieldError):
        out.append((f"{path}.{exc.field}", exc.message))
    elif isinstance(exc, TypeError | ValueError):
        out.append((path, str(exc)))
    else:
        out.append((path, f"{type(exc).__name__}: {exc}"))


def problems_of(exc: BaseException, file: str | None, root: str = "$") -> list[Problem]:
    """Turn a structuring exception tree into problems, one per leaf, with JSON paths."""
    pairs: list[tuple[str, str]] = []
    _walk(exc, root, pairs)
    return [Problem(file=file, path=path, message=message) for path, message in pairs]


def structure(
    data: Any,
    cl: type[T],
    *,
    file: str | None = None,
    root: str = "$",
    keep: dict[str, Any] | None = None,
    trusted: bool = False,
) -> T:
    """Build ``cl`` from JSON-like ``data``; every defect is reported in one :class:`DataValidationError`.

    ``keep`` (a record type only) receives the fields the fast pass built, records in the order of
    ``data``, whether or not ``cl`` then accepts them. ``trusted`` skips every check, for data
    known to be valid and canonical only (see :func:`partnerdata._io.structure.build_trusted`).
    """
    if trusted:
        memo: dict[Any, Any] = {}
        if _is_tuple_of(cl):
            item = typing.get_args(cl)[0]
            return typing.cast(T, tuple([_structure.build_trusted(item, one, memo) for one in data]))
        return typing.cast(T, _structure.build_trusted(cl, data, memo))
    try:
        try:
            return typing.cast(T, _fast(data, cl, keep))
        except DataValidationError:
            raise
        except (_structure.Invalid, FieldError, TypeError, ValueError, RecursionError):
            # The defects the fast pass stops at (its own Invalid, a record's refusal, too deep a
            # nesting): find every one, with its path, in cattrs' detailed pass. Anything else is a
            # bug of the fast pass and must not be hidden by the slow one.
            pass
        return _detailed(data, cl, file, "$")  # paths from "$": the handler below places them under root
    except DataValidationError as exc:
        # A dataset's own checks report paths from its root; place them in the file being read.
        raise DataValidationError([refile(p, file, root) for p in exc.problems]) from None


def _detailed(data: Any, cl: type[T], file: str | None, root: str) -> T:
    """cattrs' detailed pass: the record, or every defect with its path (the fast pass's twin)."""
    try:
        return typing.cast(T, _converter().structure(data, cl))
    except DataValidationError:
        raise
    except RecursionError:
        raise DataValidationError([Problem(file=file, path=root, message="nested too deeply")]) from None
    except Exception as exc:  # cattrs' exception groups, turned into problems; nothing is swallowed
        raise DataValidationError(problems_of(exc, file, root)) from None


def _fast(data: Any, cl: Any, keep: dict[str, Any] | None = None) -> Any:
    memo: dict[Any, Any] = {}
    if _is_tuple_of(cl):
        return _structure.build_all(typing.get_args(cl)[0], data, memo)
    return _structure.build(cl, data, memo, keep)


def refile(problem: Problem, file: str | None, root: str = "$") -> Problem:
    """``problem`` (found from a record's root) in ``file``, under ``root``: as :func:`structure` reports it."""
    path = root + problem.path[1:] if problem.path.startswith("$") else problem.path
    return Problem(file=file if problem.file is None else problem.file, path=path, message=problem.message)


def decode(data: bytes, *, file: str | None = None) -> str:
    """UTF-8 bytes as text; bytes that are not UTF-8 are a problem naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not UTF-8: byte {exc.object[exc.start]:#04x} at offset {exc.start}"
        raise DataValidationError([Problem(file=file, path="$", message=message)]) from None


def parse_json(data: str | bytes, *, file: str | None = None) -> Any:
    """``json.loads`` that reports bad bytes and bad syntax as problems and refuses NaN and Infinity."""
    import json

    if isinstance(data, bytes):
        data = decode(data, file=file)
    if not isinstance(data, str):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")

    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        found = dict(items)
        if len(found) != len(items):
            # json.loads keeps the last of equal keys without a word; mark the object, report later.
            duplicated = True
            return _Duplicated(items)
        return found

    try:
        value = json.loads(data, parse_constant=refuse, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        message = f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except RecursionError:
        message = "invalid JSON: nested too deeply"
    except ValueError as exc:  # NaN, Infinity, or an integer with too many digits
        message = f"invalid JSON: {exc}"
    else:
        if duplicated:
            raise DataValidationError(
                [
                    Problem(file=file, path=path, message=f"duplicate key {key!r}")
                    for path, key in _duplicates(value, "$")
                ]
            )
        return value
    raise DataValidationError([Problem(file=file, path="$", message=message)])


class _Duplicated(dict[str, Any]):
    """An object of the JSON text that holds a key twice; ``keys_seen`` keeps every key as written."""

    def __init__(self, items: list[tuple[str, Any]]) -> None:
        super().__init__(items)
        self.keys_seen = [key for key, _ in items]


def _duplicates(value: Any, path: str) -> list[tuple[str, str]]:
    """(path, key) of every repeated key in a parsed value, walking it without recursion."""
    found: list[tuple[str, str]] = []
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, _Duplicated):
            seen: set[str] = set()
            for key in item.keys_seen:
                if key in seen:
                    found.append((f"{where}.{key}", key))
                seen.add(key)
        if isinstance(item, dict):
            stack.extend((v, f"{where}.{k}") for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, f"{where}[{i}]") for i, v in reversed(list(enumerate(item))))
    return sorted(set(found), key=found.index)


# The record types, and Dataset (built on top of this layer, so named rather than imported).
_RECORD_MODULES = frozenset({"partnerdata._model.records", "partnerdata._query.dataset"})


def _check_type(cl: type) -> None:
    if not (isinstance(cl, type) and attrs.has(cl) and cl.__module__ in _RECORD_MODULES):
        raise TypeError(f"expected a partnerdata record type, got {cl!r}")


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready dict form of a record or dataset: every field, ``None`` kept, tuples as lists.

    >>> import partnerdata
    >>> partnerdata.to_dict(partnerdata.PartialDate(year=1994, month=1))
    {'year': 1994, 'month': 1, 'day': None}
    """
    _check_type(type(obj))
    return typing.cast(dict[str, Any], _converter().unstructure(obj))


def from_dict(cl: type[T], data: Any) -> T:
    """Build a record of type ``cl`` from its dict form, strictly: no coercion, no missing or extra keys.

    >>> import partnerdata
    >>> partnerdata.from_dict(partnerdata.PartialDate, {"year": 1994, "month": None, "day": None})
    PartialDate(year=1994, month=None, day=None)
    """
    _check_type(cl)
    return structure(data, cl)


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """The JSON text of a record or dataset, keys in field order, non-ASCII kept as is.

    >>> import partnerdata
    >>> print(partnerdata.to_json(partnerdata.Text(fr="cyberdéfense", en="cyber defence"), indent=None))
    {"fr": "cyberdéfense", "en": "cyber defence"}
    """
    import json

    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent) + ("\n" if indent is not None else "")


def from_json(cl: type[T], text: str | bytes) -> T:
    """Parse JSON text (or UTF-8 bytes) into a record of type ``cl``, as strictly as :func:`from_dict`.

    >>> import partnerdata
    >>> text = partnerdata.to_json(partnerdata.load().relation("TKM"))
    >>> partnerdata.from_json(partnerdata.Relation, text) == partnerdata.load().relation("TKM")
    True
    """
    _check_type(cl)
    return structure(parse_json(text), cl)
