"""Differences between two records, two datasets or two collections of records, matched by natural key.

Items of a collection are matched by their natural key at every level (partner code, programme
code, topic code, source id, event id, statement locator), never by position; sets of codes
(``focus``, ``topics``, ``aliases``, ...) are compared as sets. A :class:`Diff` keeps the old and
the new value of every change, so it can be applied (checked against what it expects to find) and
inverted (a pure swap).

Records compared in one pass: index both sides by key, ``==`` per pair of records (attrs equality
on frozen tuples), and descend only into the unequal pairs.
"""

from collections.abc import Iterator, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from partnerdata._diff.patch import document, json_patch
from partnerdata._diff.schema import (
    _FIELDS,
    _IDENTITY,
    _KEYED,
    _KEYS,
    _SCHEMA,
    _SET,
    Change,
    DiffConflictError,
    _changes,
    _conflict,
    _item_type,
    _trie,
)
from partnerdata._model.errors import DataValidationError
from partnerdata._model.records import show
from partnerdata._model.show import render

__all__ = ["Change", "Diff", "DiffConflictError", "diff"]


@frozen(kw_only=True)
class Diff:
    """What changed between two records (or datasets, or collections of records), by natural key.

    ``changes`` are in a canonical order (fields in declaration order, keys sorted), so that
    ``diff(a, b).invert() == diff(b, a)``. ``old`` and ``new`` are the compared values (kept by
    reference, not compared by ``==``); :meth:`to_json_patch` and :meth:`render` use them.
    ``identity`` says whether identity fields were compared (see :func:`diff`).

    >>> import attrs, partnerdata
    >>> kgz = partnerdata.load().relation("KGZ")
    >>> sps = attrs.evolve(kgz.participation("SPS"), since=1996)
    >>> edited = attrs.evolve(kgz, participations=[*kgz.participations[:-1], sps])
    >>> d = partnerdata.diff(kgz, edited)
    >>> d
    Diff(changes=(Change(path=('participations', 'SPS', 'since'), kind='changed', old=1993, new=1996),), identity=True)
    >>> d.apply(kgz) == edited, len(d), len(partnerdata.diff(kgz, kgz))
    (True, 1, 0)
    """

    changes: tuple[Change, ...] = field(converter=_changes)
    old: Any = field(default=None, eq=False, repr=False)
    new: Any = field(default=None, eq=False, repr=False)
    identity: bool = field(default=True, eq=False)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def invert(self) -> "Diff":
        """The diff from ``new`` back to ``old``: every change inverted, order kept.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> a, b = ds.relation("KGZ"), ds.relation("TKM")
        >>> partnerdata.diff(a, b).invert() == partnerdata.diff(b, a)
        True
        """
        return Diff(changes=tuple(c.invert() for c in self.changes), old=self.new, new=self.old, identity=self.identity)

    def apply(self, target: Any) -> Any:
        """Apply the changes to ``target`` and return the new record; ``target`` itself is not changed.

        Every change is checked against ``target``: the old value must be there, an added key must
        be absent and a removed key present; otherwise :class:`DiffConflictError` says where.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> a, b = ds.relation("KGZ"), ds.relation("TKM")
        >>> partnerdata.diff(a, b).apply(a) == b
        True
        """
        return _apply(self, target)

    def to_json_patch(self, *, test: bool = False) -> list[dict[str, Any]]:
        """An RFC 6902 JSON Patch that turns the JSON form of ``old`` into that of ``new`` exactly.

        The JSON form is what :func:`partnerdata.to_json` writes (a collection of records is a
        list sorted by key). With ``test``, each replacement and removal is preceded by a ``test``
        operation carrying the old value, and a list that gains a new key or code by a ``test`` of
        the whole list as it was, so that a patch applied to other data fails instead. A
        hand-built :class:`Change` whose path names nothing in ``old`` raises
        :class:`DiffConflictError` saying where.

        >>> import attrs, partnerdata
        >>> kgz = partnerdata.load().relation("KGZ")
        >>> sps = attrs.evolve(kgz.participation("SPS"), since=1996)
        >>> edited = attrs.evolve(kgz, participations=[*kgz.participations[:-1], sps])
        >>> partnerdata.diff(kgz, edited).to_json_patch()
        [{'op': 'replace', 'path': '/participations/7/since', 'value': 1996}]
        >>> partnerdata.diff(kgz, edited).to_json_patch(test=True)[0]
        {'op': 'test', 'path': '/participations/7/since', 'value': 1993}
        """
        return json_patch(self, test=test)

    def to_json(self, *, indent: int | None = 2) -> str:
        """A plain JSON document of the changes: each with its path, kind, old and new value (as JSON).

        >>> import partnerdata
        >>> a = partnerdata.PartialDate(year=1994)
        >>> print(partnerdata.diff(a, partnerdata.PartialDate(year=1995)).to_json())
        {
          "type": "PartialDate",
          "identity": true,
          "changes": [
            {
              "path": [
                "year"
              ],
              "where": "year",
              "kind": "changed",
              "old": 1994,
              "new": 1995
            }
          ]
        }
        <BLANKLINE>
        """
        import json

        return json.dumps(document(self), ensure_ascii=False, indent=indent) + ("\n" if indent is not None else "")

    def render(self, format: str = "text", *, lang: str = "en") -> str:
        """The changes in ``format`` (text, markdown, html, json or patch), labels in ``lang`` (en or fr).

        Changes are grouped by record (partner, programme, ...) and by item, with the evidence of
        what changed.

        >>> import attrs, partnerdata
        >>> kgz = partnerdata.load().relation("KGZ")
        >>> edited = attrs.evolve(kgz, relations_since=attrs.evolve(kgz.relations_since, via=None))
        >>> print(partnerdata.diff(kgz, edited).render(lang="fr"))
        Relation KGZ (Kirghizistan)
          Relations depuis
            ~ par : COCONA → —
                source : [nato-kgz-fr#1.0.0] « ... »
        <BLANKLINE>
        (1 modification)
        >>> print(partnerdata.diff(kgz, kgz).render("markdown"))
        No differences.
        """
        return render("diff", self, format=format, lang=lang)

    def __str__(self) -> str:
        return render("diff", self, format="text", lang="en")

    def _repr_html_(self) -> str:
        return render("diff", self, format="html", lang="en")


_MISSING: Any = object()


class _Differ:
    __slots__ = ("out", "skip")

    def __init__(self, skip: frozenset[tuple[type, str]]) -> None:
        self.out: list[Change] = []
        self.skip = skip

    def record(self, a: Any, b: Any, path: tuple[str, ...]) -> None:
        cls = type(a)
        skip = self.skip
        for name, mode, item in _SCHEMA[cls]:
            if skip and (cls, name) in skip:
                continue
            x = getattr(a, name)
            y = getattr(b, name)
            if x is y or x == y:
                continue
            if mode == _KEYED:
                assert item is not None
                self.keyed(x, y, item, (*path, name))
            elif mode == _SET:
                self.codes(x, y, (*path, name))
            else:
                self.value(x, y, (*path, name))

    def value(self, x: Any, y: Any, path: tuple[str, ...]) -> None:
        cls = type(x)
        if cls is type(y) and cls in _SCHEMA:
            self.record(x, y, path)
        else:
            self.out.append(Change(path=path, kind="changed", old=x, new=y))

    def keyed(self, xs: Sequence[Any], ys: Sequence[Any], item: type, path: tuple[str, ...]) -> None:
        key = _KEYS[item][0]
        old = {key(x): x for x in xs}
        new = {key(y): y for y in ys}
        hits: list[str] = []
        common = 0
        get = new.get
        for k, x in old.items():
            y = get(k, _MISSING)
            if y is _MISSING:
                hits.append(k)
            else:
                common += 1
                if x is not y and x != y:
                    hits.append(k)
        if common != len(new):
            hits.extend(k for k in new if k not in old)
        if not hits:
            return
        hits.sort()
        out = self.out
        for k in hits:
            x = old.get(k, _MISSING)
            y = get(k, _MISSING)
            if x is _MISSING:
                out.append(Change(path=(*path, k), kind="added", old=None, new=y))
            elif y is _MISSING:
                out.append(Change(path=(*path, k), kind="removed", old=x, new=None))
            else:
                self.record(x, y, (*path, k))

    def codes(self, xs: tuple[str, ...], ys: tuple[str, ...], path: tuple[str, ...]) -> None:
        old, new = set(xs), set(ys)
        for k in sorted(old ^ new):
            if k in old:
                self.out.append(Change(path=(*path, k), kind="removed", old=k, new=None))
            else:
                self.out.append(Change(path=(*path, k), kind="added", old=None, new=k))


def _identity_of(a: Any, b: Any) -> bool:
    keyed = _KEYS.get(type(a))
    if keyed is None or type(a) not in _IDENTITY:
        return True
    return bool(keyed[0](a) == keyed[0](b))


def diff(old: Any, new: Any, *, identity: bool | None = True) -> Diff:
    """What changed from ``old`` to ``new``: two records of one type, two datasets, or two collections.

    Items are matched by natural key at every level, so reordering is no change and a changed
    participation is one change of its fields. A collection (tuple or list) of relations,
    partners, programmes, topics or sources is keyed like a dataset's; paths then begin with the
    key.

    By default every field is compared, so that ``diff(a, b).apply(a) == b`` and
    ``diff(a, b).invert().apply(b) == a`` for any two records of one type, datasets or
    collections. ``identity=False`` asks for substance only: it leaves out the fields that name a
    record (a relation's partner code, a source's id and text, ...) and, since two pages' sentences
    never match, the statements and every ``evidence`` field; that is what to compare two
    different partners' relations with, and such a diff cannot be applied to turn one into the
    other. ``identity=None`` chooses: everything when both records have the same key (one partner
    in two editions), substance only when they name different things (what ``partnerdata diff``
    does with two partner codes).

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> a, b = ds.relation("KGZ"), ds.relation("TKM")
    >>> partnerdata.diff(a, b).apply(a) == b, partnerdata.diff(a, b).invert().apply(b) == a
    (True, True)
    >>> d = partnerdata.diff(a, b, identity=False)
    >>> [c.where for c in d if c.path[0] == "participations"][:4]
    ['participations/BI', 'participations/DEEP', 'participations/PARP', 'participations/PFP/focus/training-exercises']
    >>> d.changes[-1].where, d.changes[-1].kind
    ('events/2016-liaison-officer-visit-ashgabat', 'added')
    >>> partnerdata.diff(ds, ds).changes
    ()
    """
    if isinstance(old, list | tuple) and isinstance(new, list | tuple):
        item = _item_type(old, new)
        compare = True if identity is None else identity
        differ = _Differ(_skips(compare))
        if item is not None:
            differ.keyed(old, new, item, ())
        return Diff(changes=tuple(differ.out), old=tuple(old), new=tuple(new), identity=compare)
    cls = type(old)
    if cls is not type(new) or (cls not in _SCHEMA and not attrs.has(cls)):
        raise TypeError(f"diff compares two records of one type, not {type(old).__name__} and {type(new).__name__}")
    compare = _identity_of(old, new) if identity is None else identity
    differ = _Differ(_skips(compare))
    if cls in _SCHEMA:
        if old is not new and old != new:
            differ.record(old, new, ())
    elif old != new:
        # A value type (Text, PartialDate, Evidence): compared field by field, no descent.
        for a in attrs.fields(cls):
            x, y = getattr(old, a.name), getattr(new, a.name)
            if x != y:
                differ.out.append(Change(path=(a.name,), kind="changed", old=x, new=y))
    return Diff(changes=tuple(differ.out), old=old, new=new, identity=compare)


def _skips(identity: bool) -> frozenset[tuple[type, str]]:
    if identity:
        return frozenset()
    skip = {(cls, name) for cls, names in _IDENTITY.items() for name in names}
    skip |= {(cls, name) for cls, fields in _SCHEMA.items() for name, _, _ in fields if name == "evidence"}
    return frozenset(skip)


# Applying


def _apply(d: Diff, target: Any) -> Any:
    if isinstance(target, list | tuple):
        # A collection: the result is a tuple sorted by key, whatever the order of ``target``.
        added = tuple(c.new for c in d.changes if c.kind == "added" and len(c.path) == 1)
        item = _item_type(target, added)
        if item is None:
            return ()
        if not isinstance(d.old, tuple) and d.old is not None:
            raise DiffConflictError(f"the diff is of a {type(d.old).__name__}, not of a collection")
        result = _apply_keyed(target, _trie(d.changes), item, ()) if d.changes else tuple(target)
        return tuple(sorted(result, key=_KEYS[item][1]))
    if not d.changes:
        return target
    trie = _trie(d.changes)
    if d.old is not None and type(target) is not type(d.old):
        raise DiffConflictError(f"the diff is of a {type(d.old).__name__}, not of a {type(target).__name__}")
    if type(target) not in _SCHEMA:
        if not attrs.has(type(target)):
            raise TypeError(f"cannot apply a diff to {type(target).__name__}")
        updates: dict[str, Any] = {}
        for name, c in trie.items():
            if not isinstance(c, Change) or c.kind != "changed" or not hasattr(target, name):
                raise _conflict((name,), "is not a field to change")
            if getattr(target, name) != c.old:
                raise _conflict((name,), f"is {show(getattr(target, name))}, the diff expects {show(c.old)}")
            updates[name] = c.new
        return _evolve(target, updates, ())
    return _apply_record(target, trie, ())


def _evolve(obj: Any, updates: dict[str, Any], path: tuple[str, ...]) -> Any:
    try:
        return attrs.evolve(obj, **updates)
    except DataValidationError:
        raise
    except (TypeError, ValueError) as exc:  # a FieldError from a record's checks
        raise _conflict(path, f"would become an invalid {type(obj).__name__}: {exc}") from None


def _apply_record(obj: Any, node: dict[str, Any], path: tuple[str, ...]) -> Any:
    fields = _FIELDS[type(obj)]
    updates: dict[str, Any] = {}
    for name, sub in node.items():
        here = (*path, name)
        spec = fields.get(name)
        if spec is None:
            raise _conflict(here, f"is not a field of {type(obj).__name__}")
        mode, item = spec
        current = getattr(obj, name)
        if isinstance(sub, Change):
            if sub.kind != "changed":
                raise _conflict(here, f"is a field: it cannot be {sub.kind}")
            if current != sub.old:
                raise _conflict(here, f"is {show(current)}, the diff expects {show(sub.old)}")
            updates[name] = sub.new
        elif mode == _KEYED:
            assert item is not None
            updates[name] = _apply_keyed(current, sub, item, here)
        elif mode == _SET:
            updates[name] = _apply_codes(current, sub, here)
        elif type(current) in _SCHEMA:
            updates[name] = _apply_record(current, sub, here)
        else:
            raise _conflict(here, f"is {show(current)}, not a record the diff can change inside")
    return _evolve(obj, updates, path)


def _apply_keyed(items: Sequence[Any], node: dict[str, Any], item: type, path: tuple[str, ...]) -> tuple[Any, ...]:
    key = _KEYS[item][0]
    index = {key(x): x for x in items}
    for k, sub in node.items():
        here = (*path, k)
        current = index.get(k, _MISSING)
        if isinstance(sub, Change):
            if sub.kind == "added":
                if current is not _MISSING:
                    raise _conflict(here, "is already there, the diff would add it")
                if type(sub.new) is not item or key(sub.new) != k:
                    raise _conflict(here, f"would be added as {show(sub.new)}")
                index[k] = sub.new
            elif current is _MISSING:
                raise _conflict(
                    here, f"is not there, the diff would {'remove' if sub.kind == 'removed' else 'change'} it"
                )
            elif current != sub.old:
                raise _conflict(here, f"is {show(current)}, the diff expects {show(sub.old)}")
            elif sub.kind == "removed":
                del index[k]
            else:
                index[k] = sub.new
        else:
            if current is _MISSING:
                raise _conflict(here, "is not there, the diff would change it")
            index[k] = _apply_record(current, sub, here)
    return tuple(index.values())


def _apply_codes(codes: tuple[str, ...], node: dict[str, Any], path: tuple[str, ...]) -> tuple[str, ...]:
    found = set(codes)
    for k, sub in node.items():
        here = (*path, k)
        if not isinstance(sub, Change) or sub.kind == "changed":
            raise _conflict(here, "is a code of a set: it can only be added or removed")
        if sub.kind == "added":
            if k in found:
                raise _conflict(here, "is already there, the diff would add it")
            found.add(k)
        else:
            if k not in found:
                raise _conflict(here, "is not there, the diff would remove it")
            found.discard(k)
    return tuple(sorted(found))
