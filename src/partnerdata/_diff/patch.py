"""Diffs as data for other tools: an RFC 6902 JSON Patch and a plain JSON document of the changes."""

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from partnerdata._diff.schema import (
    _FIELDS,
    _KEYED,
    _KEYS,
    _SCHEMA,
    _SET,
    Change,
    DiffConflictError,
    _escape,
    _item_type,
    _trie,
)
from partnerdata._io.convert import to_dict

if TYPE_CHECKING:
    from partnerdata._diff.diff import Diff

# JSON


def _json(value: Any) -> Any:
    """The JSON form of a value as :func:`partnerdata.to_dict` writes it: records as objects, tuples as lists."""
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    if attrs.has(type(value)):
        return to_dict(value)
    return value


def document(d: "Diff") -> dict[str, Any]:
    """The plain JSON document of a diff's changes."""
    kind: str | None = None
    if isinstance(d.old, tuple):
        kind = "list"
    elif d.old is not None:
        kind = type(d.old).__name__
    return {
        "type": kind,
        "identity": d.identity,
        "changes": [
            {"path": list(c.path), "where": c.where, "kind": c.kind, "old": _json(c.old), "new": _json(c.new)}
            for c in d.changes
        ],
    }


def json_patch(d: "Diff", *, test: bool = False) -> list[dict[str, Any]]:
    """RFC 6902 operations turning the JSON form of ``d.old`` into that of ``d.new``."""
    ops: list[dict[str, Any]] = []
    if not d.changes:
        return ops
    if d.old is None or d.new is None:
        raise ValueError("a JSON Patch needs the diff's old and new values (a Diff made by partnerdata.diff)")
    trie = _trie(d.changes)
    if isinstance(d.old, tuple):
        item = _item_type(d.old, d.new)
        assert item is not None
        order = _KEYS[item][1]
        _patch_keyed(sorted(d.old, key=order), sorted(d.new, key=order), trie, item, "", ops, test)
    elif type(d.old) in _SCHEMA:
        _patch_record(d.old, d.new, trie, "", ops, test)
    else:
        for name, c in trie.items():
            _replace(c, f"/{_escape(name)}", ops, test)
    return ops


def _replace(c: Change, pointer: str, ops: list[dict[str, Any]], test: bool) -> None:
    if test:
        ops.append({"op": "test", "path": pointer, "value": _json(c.old)})
    ops.append({"op": "replace", "path": pointer, "value": _json(c.new)})


def _bad_path(pointer: str, message: str) -> DiffConflictError:
    # A hand-built Change may name anything; say where it stops matching the data.
    return DiffConflictError(f"{pointer or '/'}: {message}")


def _patch_record(a: Any, b: Any, node: dict[str, Any], pointer: str, ops: list[dict[str, Any]], test: bool) -> None:
    if type(a) not in _SCHEMA or type(b) is not type(a):
        raise _bad_path(pointer, f"is {type(a).__name__}, not a record the diff can change inside")
    fields = _FIELDS[type(a)]
    for name, sub in node.items():
        here = f"{pointer}/{_escape(name)}"
        if name not in fields:
            raise _bad_path(here, f"is not a field of {type(a).__name__}")
        mode, item = fields[name]
        if isinstance(sub, Change):
            _replace(sub, here, ops, test)
        elif mode == _KEYED:
            assert item is not None
            _patch_keyed(getattr(a, name), getattr(b, name), sub, item, here, ops, test)
        elif mode == _SET:
            _patch_codes(getattr(a, name), getattr(b, name), sub, here, ops, test)
        else:
            _patch_record(getattr(a, name), getattr(b, name), sub, here, ops, test)


def _patch_keyed(
    xs: Sequence[Any],
    ys: Sequence[Any],
    node: dict[str, Any],
    item: type,
    pointer: str,
    ops: list[dict[str, Any]],
    test: bool,
) -> None:
    # The JSON list holds the items in the record's order. Remove (from the end) what goes and
    # what moves, change the rest in place, then insert what comes and what moved (from the start).
    key, order = _KEYS[item]
    old_at = {key(x): i for i, x in enumerate(xs)}
    new_at = {key(y): i for i, y in enumerate(ys)}
    removals: list[tuple[int, Any]] = []
    additions: list[tuple[int, Any]] = []
    inner: list[tuple[int, Any, Any, dict[str, Any]]] = []
    for k, sub in node.items():
        for side, at in (("old", old_at), ("new", new_at)):
            needed = sub.kind != ("added" if side == "old" else "removed") if isinstance(sub, Change) else True
            if needed and k not in at:
                raise _bad_path(f"{pointer}/{_escape(k)}", f"names no {item.__name__} of the {side} value")
        if isinstance(sub, Change):
            if sub.kind != "added":
                removals.append((old_at[k], xs[old_at[k]]))
            if sub.kind != "removed":
                additions.append((new_at[k], ys[new_at[k]]))
            continue
        x, y = xs[old_at[k]], ys[new_at[k]]
        if order(x) != order(y):  # an event whose date changed moves in the list
            removals.append((old_at[k], x))
            additions.append((new_at[k], y))
        else:
            inner.append((old_at[k], x, y, sub))
    if test and any(isinstance(sub, Change) and sub.kind == "added" for sub in node.values()):
        # A new key has no old value to test; the list it goes into, as it was, guards it (an
        # add-only patch on another base would otherwise succeed and make a duplicate key). A
        # moved item needs nothing more: its removal is tested.
        ops.append({"op": "test", "path": pointer, "value": _json(list(xs))})
    removals.sort(key=lambda r: r[0], reverse=True)
    for i, x in removals:
        if test:
            ops.append({"op": "test", "path": f"{pointer}/{i}", "value": _json(x)})
        ops.append({"op": "remove", "path": f"{pointer}/{i}"})
    gone = sorted(i for i, _ in removals)
    inner.sort(key=lambda r: r[0])
    for i, x, y, sub in inner:
        _patch_record(x, y, sub, f"{pointer}/{i - bisect.bisect_left(gone, i)}", ops, test)
    additions.sort(key=lambda r: r[0])
    for i, y in additions:
        ops.append({"op": "add", "path": f"{pointer}/{i}", "value": _json(y)})


def _patch_codes(
    xs: tuple[str, ...], ys: tuple[str, ...], node: dict[str, Any], pointer: str, ops: list[dict[str, Any]], test: bool
) -> None:
    old_at = {x: i for i, x in enumerate(xs)}
    new_at = {y: i for i, y in enumerate(ys)}
    for k, c in node.items():
        if not isinstance(c, Change) or c.kind == "changed":
            raise _bad_path(f"{pointer}/{_escape(k)}", "a code of a set can only be added or removed")
        if k not in (old_at if c.kind == "removed" else new_at):
            raise _bad_path(f"{pointer}/{_escape(k)}", f"is not in the {'old' if c.kind == 'removed' else 'new'} set")
    if test and any(c.kind == "added" for c in node.values()):
        ops.append({"op": "test", "path": pointer, "value": list(xs)})  # guards the additions (see above)
    for i in sorted((old_at[k] for k, c in node.items() if c.kind == "removed"), reverse=True):
        if test:
            ops.append({"op": "test", "path": f"{pointer}/{i}", "value": xs[i]})
        ops.append({"op": "remove", "path": f"{pointer}/{i}"})
    for i in sorted(new_at[k] for k, c in node.items() if c.kind == "added"):
        ops.append({"op": "add", "path": f"{pointer}/{i}", "value": ys[i]})
