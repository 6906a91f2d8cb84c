"""Builders generated per record class: the checked pass of :mod:`partnerdata._io.structure`, fast.

A record's own ``__init__`` calls one validator per field, and most validators call another; on a
large load those calls cost more than the work they do. A builder does what ``build`` and
``__init__`` do together, in one function per class: it checks the object's exact keys, builds the
fields that hold records, runs the converters, makes the record, tests each value inline (as
:data:`partnerdata._model.records.INLINE` describes its validator) and calls the validator only
when that test says the value may be bad, so the validator alone still words every error. Type
checks of fields the builder made as their declared type are left out
(:func:`partnerdata._model.records.left_after_typing`).

The source is generated from the class definition alone, as attrs and cattrs generate theirs: the
only names written into it are the class's field names, as string literals; every value it uses
(validators, converters, sub-builders, bounds) is passed in its namespace. Nothing read from data
ever reaches the source. It is compiled once per class, when a process first checks that class.
"""

import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from partnerdata._model import records

Builder = Callable[[Any, "dict[Any, Any] | None", "dict[str, Any] | None"], Any]

_builders: dict[type, Builder] = {}
_LOCK = threading.Lock()


class Invalid(Exception):
    """The data does not fit; the detailed pass will say where and why."""


def _refuse(*_: Any) -> Any:
    raise Invalid


def builder(cls: type) -> Builder:
    """The builder of ``cls``: ``builder(cls)(data, memo, keep)`` is ``structure.build(cls, data, memo, keep)``."""
    found = _builders.get(cls)
    if found is not None:
        return found
    with _LOCK:  # another thread may be making it: a builder is published only once wired up
        found = _builders.get(cls)
        if found is None:
            made: dict[type, Builder] = {}
            found = _generate(cls, made)
            _builders.update(made)
    return found


def _optional(t: Any) -> tuple[Any, bool]:
    """The type without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = typing.get_args(t)
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), len(rest) < len(args)  # noqa: UP007
    return t, False


def _test(inline: tuple[Any, ...], v: str, i: int, ns: dict[str, Any]) -> str:
    """An expression true when ``v`` may fail the validator that ``inline`` describes."""
    kind, optional = inline[0], inline[-1]
    if kind == "strs":  # a tuple of distinct strings, each tested at C speed by map()
        ns[f"inv{i}"], ns[f"bad{i}"] = inline[1][1], inline[1][2]
        fit = ""
        if inline[1][0] == "pattern":
            ns[f"fit{i}"] = inline[1][3]
            fit = f" or not _all(_map(fit{i}, {v}))"
        return (
            f"{v} and (_set(_map(_type, {v})) != _only_str or _len(_set({v})) != _len({v}){fit}"
            f" or _any(_map(inv{i}, {v})) or _any(_map(bad{i}, {v})))"
        )
    if kind == "str":
        ns[f"inv{i}"], ns[f"bad{i}"] = inline[1], inline[2]
        test = f"_type({v}) is not _str or inv{i}({v}) is not None or bad{i}({v}) is not None"
    elif kind == "pattern":
        ns[f"inv{i}"], ns[f"bad{i}"], ns[f"fit{i}"] = inline[1], inline[2], inline[3]
        test = f"_type({v}) is not _str or fit{i}({v}) is None or inv{i}({v}) is not None or bad{i}({v}) is not None"
    elif kind == "int":
        ns[f"lo{i}"], ns[f"hi{i}"] = inline[1], inline[2]
        test = f"_type({v}) is not _int or not lo{i} <= {v} <= hi{i}"
    elif kind == "bool":
        test = f"_type({v}) is not _bool"
    else:  # pragma: no cover - records.INLINE holds only the kinds above
        raise AssertionError(kind)
    return f"{v} is not None and ({test})" if optional else test


def _generate(cls: type, made: dict[type, Builder]) -> Builder:
    """The builder of ``cls``, and in ``made`` those of the classes it holds, not yet published."""
    every = attrs.fields(cls)
    ns: dict[str, Any] = {
        "Invalid": Invalid,
        "_refuse": _refuse,
        "_cls": cls,
        "_names": frozenset(a.name for a in every),
        "_new": object.__new__,
        "_put": object.__setattr__,
        "_type": type,
        "_dict": dict,
        "_list": list,
        "_tuple": tuple,
        "_str": str,
        "_int": int,
        "_bool": bool,
        "_frozenset": frozenset,
        "_len": len,
        "_set": set,
        "_map": map,
        "_any": any,
        "_all": all,
        "_only_str": {str},
    }
    # Only the package's own records are made without their __init__: theirs does exactly what
    # a builder does (convert, set, validate, post-init) and nothing else.
    own = cls.__module__ == records.__name__
    lines = [
        "def build(data, memo, keep):",
        "    if _type(data) is not _dict or data.keys() != _names:",
        "        raise Invalid",
    ]
    lines += [f"    v{i} = data[{a.name!r}]" for i, a in enumerate(every)]
    built: set[int] = set()
    tuples: set[int] = set()  # fields the builder makes a tuple of
    subs: list[tuple[str, type]] = []
    key: list[str] = []
    for i, a in enumerate(every):
        v = f"v{i}"
        t, optional = _optional(a.type)
        if attrs.has(t):
            built.add(i)
            subs.append((f"b{i}", t))
            call = f"{v} = b{i}({v}, memo, None)"
            lines.append(f"    if {v} is not None:\n        {call}" if optional else f"    {call}")
            continue
        if typing.get_origin(t) is not tuple:
            if t is not str:  # True == 1 == 1.0 hash alike: a memo key tells them apart by type
                key.append(f"_type({v})")
            continue
        tuples.add(i)
        item = typing.get_args(t)[0]
        lines.append(f"    if _type({v}) is not _list:\n        raise Invalid")  # a string where an array goes
        if attrs.has(item):
            built.add(i)
            subs.append((f"b{i}", item))
            lines.append(f"    {v} = _tuple([b{i}(x, memo, None) for x in {v}])")
        elif typing.get_origin(item) in (typing.Union, types.UnionType):
            built.add(i)
            kinds = typing.get_args(item)
            # A dict's key set names its kind (its size does, when the kinds' sizes differ: the
            # kind's builder then checks the keys); anything else, or an unknown set, is refused.
            sizes = {len(attrs.fields(k)) for k in kinds}
            by = "_len(x)" if len(sizes) == len(kinds) else "_frozenset(x)"
            ns[f"k{i}"] = {
                len(attrs.fields(k)) if by == "_len(x)" else frozenset(f.name for f in attrs.fields(k)): k
                for k in kinds
            }
            ns[f"e{i}"] = {}
            pick = f"e{i}.get({by} if _type(x) is _dict else None, _refuse)"
            lines.append(f"    {v} = _tuple([{pick}(x, memo, None) for x in {v}])")
        else:
            lines.append(f"    {v} = _tuple({v})")
    names = ", ".join(f"{a.name!r}: v{i}" for i, a in enumerate(every))
    lines.append(f"    if keep is not None:\n        keep.update({{{names}}})")
    leaf = not built and not any(typing.get_origin(_optional(a.type)[0]) is tuple for a in every)
    if leaf:
        values = ", ".join(f"v{i}" for i in range(len(every)))
        lines += [
            "    if memo is not None:",
            "        try:",
            f"            key = (_cls, {values}, {', '.join(key)})" if key else f"            key = (_cls, {values})",
            "            found = memo.get(key)",
            "        except TypeError:  # an unhashable value: the validators refuse it",
            "            key = found = None",
            "        if found is not None:",
            "            return found",
            "    else:",
            "        key = None",
        ]
    if own:
        for i, a in enumerate(every):
            if a.converter is not None:
                ns[f"c{i}"] = a.converter
                convert = f"v{i} = c{i}(v{i})"
                ordering = i in tuples and a.converter in records.ORDERING
                lines.append(f"    if _len(v{i}) > 1:\n        {convert}" if ordering else f"    {convert}")
        lines.append("    record = _new(_cls)")
        lines += [f"    _put(record, {a.name!r}, v{i})" for i, a in enumerate(every)]
        for i, a in enumerate(every):
            check = records.left_after_typing(a.validator) if i in built else a.validator
            if check is None:
                continue
            ns[f"a{i}"], ns[f"check{i}"] = a, check
            call = f"check{i}(record, a{i}, v{i})"
            inline = records.INLINE.get(check)
            if inline is not None:
                lines.append(f"    if {_test(inline, f'v{i}', i, ns)}:\n        {call}")
            elif i in tuples and records.accepts_empty(check):
                lines.append(f"    if v{i}:\n        {call}")
            else:
                lines.append(f"    {call}")
        post = getattr(cls, "__attrs_post_init__", None)
        if post is not None:
            ns["_post"] = post
            lines.append("    _post(record)")
    else:
        given = ", ".join(f"{a.alias!r}: v{i}" for i, a in enumerate(every))
        lines.append(f"    record = _cls(**{{{given}}})")
    if leaf:
        lines.append("    if key is not None:\n        memo[key] = record")
    lines.append("    return record")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<partnerdata builder of {cls.__qualname__}>", "exec"), ns)
    this: Builder = ns["build"]
    this.__source__ = source  # type: ignore[attr-defined]  # for the test that reads it
    made[cls] = this  # before the sub-builders: a class may hold its own kind

    def sub_builder(sub: type) -> Builder:
        return _builders.get(sub) or made.get(sub) or _generate(sub, made)

    for name, sub in subs:
        ns[name] = sub_builder(sub)
    for i in range(len(every)):
        if f"e{i}" in ns:
            ns[f"e{i}"].update((keys, sub_builder(kind)) for keys, kind in ns[f"k{i}"].items())
    return this
