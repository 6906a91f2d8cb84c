"""Records as flat rows: the columns a table, a CSV file or a pandas DataFrame gets.

The columns of a record's row are its attrs fields, in order, flattened:

- a :class:`Text` field ``name`` becomes two columns ``name_fr`` and ``name_en``, or one column
  ``name`` in the language asked for (``lang="fr"`` or ``"en"``, falling back to the other one);
- a tuple of codes becomes one string, the codes joined by ``"; "`` (``""`` when empty);
- ``evidence`` becomes ``evidence`` (the locators, ``source#section.item.sentence``, joined by
  ``"; "``) and ``quote`` (the quoted sentences joined by ``" | "``);
- strings, numbers, booleans and ``None`` stay as they are (``None`` is an empty CSV cell and a
  missing value in pandas).

pandas is imported only when a DataFrame is asked for.
"""

import typing
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from partnerdata._model.errors import ArgumentError
from partnerdata._model.records import Citation, Evidence, Support, Text


def _is_text(kind: Any) -> bool:
    return kind is Text or Text in typing.get_args(kind)


def columns(cls: type, lang: str | None = None) -> list[str]:
    """The column names of ``cls``'s rows.

    >>> from partnerdata._model.results import Membership
    >>> columns(Membership)
    ['partner', 'programme', 'since', 'until', 'suspended', 'resumed', 'focus', 'evidence', 'quote', 'cited']
    """
    out: list[str] = []
    for f in attrs.fields(cls):
        if f.name == "evidence":
            out += ["evidence", "quote", "cited"]
        elif _is_text(f.type) and lang is None:
            out += [f"{f.name}_fr", f"{f.name}_en"]
        else:
            out.append(f.name)
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, tuple):
        return "; ".join(v if isinstance(v, str) else str(v) for v in value)
    if attrs.has(type(value)):
        return str(value)
    return value


def row(record: Any, lang: str | None = None) -> dict[str, Any]:
    """One record as a flat dict (see the module's documentation for the columns).

    >>> import partnerdata
    >>> row(partnerdata.load().search("neutralité")[0], lang="en")["text"]
    'Turkmenistan, which has adopted a policy of permanent neutrality, ...'
    """
    out: dict[str, Any] = {}
    for f in attrs.fields(type(record)):
        value = getattr(record, f.name)
        if f.name == "evidence":
            items: tuple[Support, ...] = value if isinstance(value, tuple) else (value,)
            out["evidence"] = "; ".join(e.locator for e in items)
            # A quote is NATO's sentence; a citation's words are ours: never in one column.
            out["quote"] = " | ".join(e.quote for e in items if type(e) is Evidence)
            out["cited"] = " | ".join(str(e.says) for e in items if type(e) is Citation)
        elif _is_text(f.type):
            if lang is None:
                out[f"{f.name}_fr"] = value.fr if value is not None else None
                out[f"{f.name}_en"] = value.en if value is not None else None
            else:
                out[f.name] = value.get(lang) if value is not None else None
        else:
            out[f.name] = _cell(value)
    return out


def rows(records: Iterable[Any], lang: str | None = None) -> list[dict[str, Any]]:
    """Records as flat rows: ``list[dict]``, one dict per record, the same columns in each."""
    if lang is not None and lang not in ("fr", "en"):
        raise ArgumentError(f"lang must be 'fr', 'en' or None, not {lang!r}")
    return [row(r, lang) for r in records]


def frame(table: Sequence[dict[str, Any]], names: Sequence[str] | None = None) -> Any:
    """A pandas DataFrame of rows, with nullable dtypes (a missing year stays an integer column)."""
    import importlib

    try:
        pandas = importlib.import_module("pandas")  # optional: the ``pandas`` extra
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("to_pandas() needs pandas: pip install 'partnerdata[pandas]'") from None
    df = pandas.DataFrame(list(table), columns=list(names) if names is not None else None)
    return df.convert_dtypes()


def to_pandas(records: Sequence[Any], lang: str | None = None, cls: type | None = None) -> Any:
    """Records as a DataFrame; ``cls`` names the columns when there are no records."""
    kind = type(records[0]) if records else cls
    return frame(rows(records, lang), columns(kind, lang) if kind is not None else None)
