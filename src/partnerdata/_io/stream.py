"""A valid dataset document built one record at a time, as its text is read: the loader's quick way.

``json.loads`` makes the whole document before anything is built from it, so a load holds the
text, every object of the document and the records at once. Here the document's outer object is
read by hand and each item of its arrays parsed alone (by ``json``'s own scanner, objects left as
their pairs) and built at once by its class's pairs builder
(:func:`partnerdata._io.builders.pairs_builder`), which refuses a key written twice; only the
text and the records stay. The first thing that is not as a valid document has it (bad syntax, a
key twice, a record refused, a format 1 document) gives up: the caller then reads the document
whole, as it always did, and reports every problem with its place. A dataset that refuses the
records it is given (its whole-dataset checks) hands them back with its problems, to be placed.
"""

import json
import json.scanner
import re
import typing
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from partnerdata._io.builders import Invalid, pairs_builder
from partnerdata._model.errors import DataValidationError, FieldError

T = TypeVar("T")

__all__ = ["Refused", "build_document"]

_WHITE = re.compile(r"[ \t\n\r]*")  # what json.loads skips between tokens (its WHITESPACE), no more


class _GiveUp(Exception):
    """The text is not laid out as a valid document is: the whole-document path decides."""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _scanner() -> Callable[[str, int], tuple[Any, int]]:
    decoder = json.JSONDecoder(parse_constant=_refuse_constant, object_pairs_hook=tuple)
    return typing.cast(Callable[[str, int], tuple[Any, int]], json.scanner.make_scanner(typing.cast(Any, decoder)))


def _arrays(make: Any) -> dict[str, type] | None:
    """The fields of ``make`` that are tuples of records, by name; None if another kind is not a string."""
    found: dict[str, type] = {}
    for a in attrs.fields(make):
        t = a.type
        if typing.get_origin(t) is tuple and attrs.has(typing.get_args(t)[0]):
            found[a.name] = typing.get_args(t)[0]
        elif t is not str:
            return None
    return found


class Refused(Exception):
    """``make`` refused the records of a document that built: its own problems, and what it was given.

    ``fields`` are what the dataset class's builder would have kept (each array's records in the
    order of the document), so that the caller places the problems without building them again.
    """

    def __init__(self, error: DataValidationError, fields: dict[str, Any]) -> None:
        super().__init__(error)
        self.error, self.fields = error, fields


_STOPS = (_GiveUp, StopIteration, Invalid, FieldError, TypeError, ValueError, RecursionError)


def build_document(text: str, make: type[T]) -> T | None:
    """The ``make`` (a dataset class) of a valid document's ``text``, or None for the caller to read it whole.

    ``make``'s fields are tuples of records and strings; it is called with them, as its builder
    would call it. When it refuses them with its own checks, :class:`Refused` says so.
    """
    arrays = _arrays(make)
    if arrays is None:
        return None
    try:
        fields = _fields(text, arrays)
    except _STOPS:
        return None
    if fields.keys() != {a.name for a in attrs.fields(typing.cast(Any, make))}:
        return None
    try:
        return make(**fields)
    except DataValidationError as exc:
        raise Refused(exc, fields) from None
    except _STOPS:
        return None


def _fields(text: str, arrays: dict[str, type]) -> dict[str, Any]:
    """The outer object's members: each array of records built item by item, any other value as parsed."""
    scan = _scanner()
    memo: dict[Any, Any] = {}  # one for the document, as the builders share equal records
    fields: dict[str, Any] = {}
    i = _expect(text, _skip(text, 0), "{")
    if text.startswith("}", i):
        raise _GiveUp
    while True:
        if not text.startswith('"', i):
            raise _GiveUp
        key, i = scan(text, i)
        if key in fields:
            raise _GiveUp  # a key twice: the whole-document path names it
        i = _expect(text, i, ":")
        kind = arrays.get(key)
        if kind is not None and text.startswith("[", i):
            fields[key], i = _array(text, i + 1, scan, pairs_builder(kind), memo)
        else:
            fields[key], i = scan(text, i)
        i = _skip(text, i)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
        elif text.startswith("}", i):
            break
        else:
            raise _GiveUp
    if _skip(text, i + 1) != len(text):
        raise _GiveUp  # text after the document
    return fields


def _skip(text: str, i: int) -> int:
    """The position after the white space at ``i``."""
    found = _WHITE.match(text, i)
    assert found is not None  # a match of "*" never fails
    return found.end()


def _expect(text: str, i: int, mark: str) -> int:
    """The position after ``mark`` (at ``i``, after white space) and the white space that follows it."""
    i = _skip(text, i)
    if not text.startswith(mark, i):
        raise _GiveUp
    return _skip(text, i + 1)


def _array(
    text: str, i: int, scan: Callable[[str, int], tuple[Any, int]], build: Any, memo: dict[Any, Any]
) -> tuple[tuple[Any, ...], int]:
    """The records of an array whose ``[`` ends before ``i``, each built as soon as it is parsed."""
    i = _skip(text, i)
    if text.startswith("]", i):
        return (), i + 1
    items: list[Any] = []
    while True:
        item, i = scan(text, i)
        items.append(build(item, memo, None))
        del item  # its pairs go now, not with the next item's
        i = _skip(text, i)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
        elif text.startswith("]", i):
            return tuple(items), i + 1
        else:
            raise _GiveUp
