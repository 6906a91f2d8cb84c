"""How records are compared: natural keys, the mode of each field, and the changes a diff is made of.

Shared by the diff itself (:mod:`partnerdata._diff.diff`) and its JSON Patch form
(:mod:`partnerdata._diff.patch`).
"""

import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import attrs
from attrs import field, frozen

from partnerdata._model.errors import PartnerDataError
from partnerdata._model.records import (
    Channel,
    CooperationPlan,
    Edition,
    Event,
    Milestone,
    Participation,
    Partner,
    Programme,
    Reference,
    Relation,
    Source,
    Stance,
    Statement,
    Topic,
    UnitDesignation,
    _sorted_strs,
    show,
)
from partnerdata._query.dataset import Dataset

Kind = Literal["added", "removed", "changed"]
_KINDS = ("added", "removed", "changed")
_INVERSE: dict[str, Kind] = {"added": "removed", "removed": "added", "changed": "changed"}

# How a field is compared: a single value (descended into when both sides are records of one
# type), a collection of records keyed by their natural key, or a set of codes.
_VALUE, _KEYED, _SET = 0, 1, 2


def _event_order(e: Event) -> tuple[Any, ...]:
    return (e.date.sort_key(), e.id)


def _statement_order(s: Statement) -> tuple[Any, ...]:
    ev = s.evidence
    return (ev.source, ev.section, ev.item, ev.sentence)


def _edition_key(e: Edition) -> str:
    return f"{e.partner}@{e.label}"


def _edition_order(e: Edition) -> tuple[Any, ...]:
    return (e.partner, e.sort_key())


# Natural key and sort order (as the record converters sort) of each keyed record type.
_KEYS: dict[type, tuple[Callable[[Any], str], Callable[[Any], Any]]] = {
    Partner: (operator.attrgetter("alpha3"), operator.attrgetter("alpha3")),
    Programme: (operator.attrgetter("code"), operator.attrgetter("code")),
    Topic: (operator.attrgetter("code"), operator.attrgetter("code")),
    Source: (operator.attrgetter("id"), operator.attrgetter("id")),
    Reference: (operator.attrgetter("id"), operator.attrgetter("id")),
    Relation: (operator.attrgetter("partner"), operator.attrgetter("partner")),
    Participation: (operator.attrgetter("programme"), operator.attrgetter("programme")),
    Channel: (operator.attrgetter("body"), operator.attrgetter("body")),
    Event: (operator.attrgetter("id"), _event_order),
    Statement: (operator.attrgetter("key"), _statement_order),
    Edition: (_edition_key, _edition_order),
}

_COLLECTIONS: dict[type, dict[str, type]] = {
    Dataset: {
        "partners": Partner,
        "programmes": Programme,
        "topics": Topic,
        "sources": Source,
        "references": Reference,
        "relations": Relation,
        "editions": Edition,
    },
    Relation: {"participations": Participation, "channels": Channel, "events": Event, "statements": Statement},
}

# Records the diff descends into; every other value (Text, PartialDate, Evidence, tuples of
# evidence or of unit designations, scalars) is compared whole.
_RECORDS: tuple[type, ...] = (
    Dataset,
    Partner,
    Programme,
    Topic,
    Source,
    Reference,
    Relation,
    Milestone,
    CooperationPlan,
    Participation,
    Stance,
    UnitDesignation,
    Channel,
    Event,
    Statement,
    Edition,
)

# Fields that name a record rather than describe it: comparing two partners leaves them out.
_IDENTITY: dict[type, frozenset[str]] = {
    Relation: frozenset({"partner", "statements"}),
    Partner: frozenset({"alpha3", "alpha2", "name", "official_name", "aliases"}),
    Programme: frozenset({"code", "name", "acronym", "aliases"}),
    Topic: frozenset({"code", "label", "aliases"}),
    Source: frozenset({"id", "partner", "title", "url", "text", "sha256"}),
    Reference: frozenset({"id", "url", "title"}),
}


def _schema(cls: type) -> tuple[tuple[str, int, type | None], ...]:
    out: list[tuple[str, int, type | None]] = []
    for a in attrs.fields(cls):
        item = _COLLECTIONS.get(cls, {}).get(a.name)
        if item is not None:
            out.append((a.name, _KEYED, item))
        elif a.converter is _sorted_strs:
            out.append((a.name, _SET, None))
        else:
            out.append((a.name, _VALUE, None))
    return tuple(out)


_SCHEMA: dict[type, tuple[tuple[str, int, type | None], ...]] = {cls: _schema(cls) for cls in _RECORDS}
_FIELDS: dict[type, dict[str, tuple[int, type | None]]] = {
    cls: {name: (mode, item) for name, mode, item in fields} for cls, fields in _SCHEMA.items()
}


class DiffConflictError(PartnerDataError, ValueError):
    """A diff applied to a record it does not fit: a value is not the one the diff expects to find.

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> kgz, tkm = ds.relation("KGZ"), ds.relation("TKM")
    >>> d = partnerdata.diff(kgz, tkm, identity=True)
    >>> try:
    ...     d.apply(tkm)
    ... except partnerdata.DiffConflictError as exc:
    ...     print(exc)
    the diff does not fit: partner is 'TKM', the diff expects 'KGZ'
    """


def _path(steps: Iterable[str]) -> tuple[str, ...]:
    # A path is field names and keys; a string would split into letters, a number has no name.
    if isinstance(steps, str | bytes) or not isinstance(steps, Iterable):
        raise TypeError(f"a change's path must be a sequence of strings (field names and keys), not {show(steps)}")
    path = tuple(steps)
    for i, step in enumerate(path):
        if type(step) is not str or not step:
            raise TypeError(f"a change's path holds {show(step)} at position {i}: every step is a non-empty string")
    return path


def _changes(changes: Iterable["Change"]) -> tuple["Change", ...]:
    return tuple(changes)


def _escape(step: str) -> str:
    return step.replace("~", "~0").replace("/", "~1")


@frozen(kw_only=True)
class Change:
    """One difference: where (``path``, natural keys and field names), what kind, the old and new value.

    ``kind`` is ``"added"`` or ``"removed"`` for an item of a keyed collection or a code of a set,
    ``"changed"`` for a field; ``old`` is ``None`` for an addition, ``new`` for a removal.

    >>> from partnerdata import Change
    >>> c = Change(path=("participations", "SPS", "since"), kind="changed", old=1993, new=1996)
    >>> c.where
    'participations/SPS/since'
    >>> c.invert()
    Change(path=('participations', 'SPS', 'since'), kind='changed', old=1996, new=1993)
    """

    path: tuple[str, ...] = field(converter=_path)
    kind: Kind = field()
    old: Any = None
    new: Any = None

    @kind.validator
    def _check_kind(self, _: Any, value: object) -> None:
        if value not in _KINDS:
            raise ValueError(f"kind must be 'added', 'removed' or 'changed', not {show(value)}")

    @property
    def where(self) -> str:
        """The path as one string, steps joined by ``/`` (``~`` and ``/`` escaped as in JSON Pointer)."""
        return "/".join(map(_escape, self.path))

    def invert(self) -> "Change":
        """The change that undoes this one: kind mirrored, old and new swapped."""
        return Change(path=self.path, kind=_INVERSE[self.kind], old=self.new, new=self.old)

    def __str__(self) -> str:
        if self.kind == "added":
            return f"+ {self.where}: {show(self.new)}"
        if self.kind == "removed":
            return f"- {self.where}: {show(self.old)}"
        return f"~ {self.where}: {show(self.old)} -> {show(self.new)}"


def _item_type(a: Sequence[Any], b: Sequence[Any]) -> type | None:
    types = {type(x) for x in a} | {type(x) for x in b}
    if not types:
        return None
    if len(types) > 1 or next(iter(types)) not in _KEYS or next(iter(types)) not in _SCHEMA:
        names = ", ".join(sorted(t.__name__ for t in types))
        raise TypeError(f"a collection to diff holds records of one keyed type (Relation, Partner, ...), not {names}")
    return next(iter(types))


def _conflict(path: tuple[str, ...], message: str) -> DiffConflictError:
    where = "/".join(map(_escape, path)) or "(root)"
    return DiffConflictError(f"the diff does not fit: {where} {message}".replace(" (root) ", " "))


def _trie(changes: Sequence[Change]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for c in changes:
        if not c.path:
            raise DiffConflictError("a change needs a path")
        node = root
        for i, step in enumerate(c.path[:-1]):
            node = node.setdefault(step, {})
            if isinstance(node, Change):
                raise DiffConflictError(f"two changes overlap at {'/'.join(c.path[: i + 1])}")
        if c.path[-1] in node:
            raise DiffConflictError(f"two changes overlap at {c.where}")
        node[c.path[-1]] = c
    return root


# Shown as partnerdata.DiffConflictError (its public path); __test__ keeps its example in the doctests.
__test__ = {"DiffConflictError": DiffConflictError}
DiffConflictError.__module__ = "partnerdata"
