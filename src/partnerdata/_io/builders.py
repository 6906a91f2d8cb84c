"""Builders generated per record class: the checked pass of :mod:`partnerdata._io.structure`, fast.

A record's own ``__init__`` calls one validator per field, and most validators call another; on a
large load those calls cost more than the work they do. A builder does what ``build`` and
``__init__`` do together, in one function per class: it checks the object's exact keys, builds the
fields that hold records, runs the converters, makes the record, tests each value inline (as
:data:`partnerdata._model.records.INLINE` describes its validator) and calls the validator only
when that test says the value may be bad, so the validator alone still words every error. Type
checks of fields the builder made as their declared type are left out
(:func:`partnerdata._model.records.left_after_typing`). A text is tested by two C calls (printable
and not blank: every character the text validators refuse is unprintable but the space), a code
by a set of codes that passed, a tuple of records by keys made in C; a tuple of shared evidence is
put in order once per load.

Each class has two builders: of an object as a dict, and of an object as the tuple of its (key,
value) pairs (:func:`pairs_builder`), which the loader uses to build a document as it reads it
(:mod:`partnerdata._io.stream`) and which refuses a key written twice, as the loader always has.

The source is generated from the class definition alone, as attrs and cattrs generate theirs: the
only names written into it are the class's field names, as string literals; every value it uses
(validators, converters, sub-builders, bounds) is passed in its namespace. Nothing read from data
ever reaches the source. It is compiled once per class, when a process first checks that class.
"""

import operator
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from partnerdata._model import records

Builder = Callable[[Any, "dict[Any, Any] | None", "dict[str, Any] | None"], Any]

# Per class, its two builders: of an object as a dict, and as the tuple of its (key, value)
# pairs that ``json.loads(..., object_pairs_hook=tuple)`` makes (see :func:`pairs_builder`).
_builders: dict[type, tuple[Builder, Builder]] = {}
_LOCK = threading.Lock()


class Invalid(Exception):
    """The data does not fit; the detailed pass will say where and why."""


def _refuse(*_: Any) -> Any:
    raise Invalid


def _both(cls: type) -> tuple[Builder, Builder]:
    found = _builders.get(cls)
    if found is not None:
        return found
    with _LOCK:  # another thread may be making it: a builder is published only once wired up
        found = _builders.get(cls)
        if found is None:
            made: dict[type, tuple[Builder, Builder]] = {}
            found = _generate(cls, made)
            _builders.update(made)
    return found


def builder(cls: type) -> Builder:
    """The builder of ``cls``: ``builder(cls)(data, memo, keep)`` is ``structure.build(cls, data, memo, keep)``."""
    return _both(cls)[0]


def pairs_builder(cls: type) -> Builder:
    """The builder of ``cls`` from a document whose every object is the tuple of its (key, value) pairs.

    It builds what :func:`builder` builds from the same document parsed into dicts, and refuses
    (:class:`Invalid`) whatever that one refuses and an object that holds a key twice: a pair
    tuple keeps both, where a dict would keep the last. An object whose keys come in the order of
    the fields (as every file the package writes has them) is unpacked without making a dict.
    """
    return _both(cls)[1]


def _optional(t: Any) -> tuple[Any, bool]:
    """The type without ``None``, and whether ``None`` was allowed."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = typing.get_args(t)
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]), len(rest) < len(args)  # noqa: UP007
    return t, False


# How many codes a pattern's ``known`` set keeps (as the validator's own bound): a load checks
# each distinct code once, and memory stays bounded whatever the data (``add`` returns None: a
# code that passed never makes the test fire, whether or not it is kept).
_CAP = 4096


def _text(v: str, ns: dict[str, Any]) -> str:
    """An expression true when the string ``v`` may not be a text: empty, blank or unprintable.

    Every character the text validators refuse is unprintable but the space (see ``records``), so
    a printable string that is not blank passes them: two C calls instead of two regular expressions.
    """
    ns["_printable"], ns["_blank"] = str.isprintable, str.isspace
    return f"not {v} or not _printable({v}) or _blank({v})"


def _test(inline: tuple[Any, ...], v: str, i: int, ns: dict[str, Any]) -> str:
    """An expression true when ``v`` may fail the validator that ``inline`` describes.

    A code that passed once (in ``known``, shared with the validator) is not tested again.
    """
    kind, optional = inline[0], inline[-1]
    ns["_cap"] = _CAP
    if kind == "strs":  # a tuple of distinct strings, each tested at C speed by map()
        ns["_printable"], ns["_blank"] = str.isprintable, str.isspace
        texts = f"not _all({v}) or not _all(_map(_printable, {v})) or _any(_map(_blank, {v}))"
        head = f"{v} and (_set(_map(_type, {v})) != _only_str or _len(_set({v})) != _len({v})"
        if inline[1][0] != "pattern":
            return f"{head} or {texts})"
        ns[f"fit{i}"], ns[f"known{i}"] = inline[1][3], inline[1][4]
        return (
            f"{head} or not known{i}.issuperset({v}) and (not _all(_map(fit{i}, {v})) or {texts}"
            f" or _len(known{i}) < _cap and known{i}.update({v})))"
        )
    if kind == "str":
        test = f"_type({v}) is not _str or {_text(v, ns)}"
    elif kind == "pattern":
        ns[f"fit{i}"], ns[f"known{i}"] = inline[3], inline[4]
        test = (
            f"_type({v}) is not _str or {v} not in known{i} and (fit{i}({v}) is None or {_text(v, ns)}"
            f" or _len(known{i}) < _cap and known{i}.add({v}))"
        )
    elif kind == "int":
        ns[f"lo{i}"], ns[f"hi{i}"] = inline[1], inline[2]
        test = f"_type({v}) is not _int or not lo{i} <= {v} <= hi{i}"
    elif kind == "bool":
        test = f"_type({v}) is not _bool"
    elif kind == "nonempty":
        test = f"not {v}"
    elif kind == "unique":  # items the builder made, of the field's type: their keys, at C speed
        ns[f"key{i}"] = inline[1]
        test = f"_len({v}) > 1 and _len(_set(_map(key{i}, {v}))) != _len({v})"
    else:  # pragma: no cover - records.INLINE holds only the kinds above
        raise AssertionError(kind)
    return f"{v} is not None and ({test})" if optional else test


def _convert(i: int, converter: Any, made_tuple: bool) -> list[str]:
    """The lines that run field ``i``'s converter on ``v{i}`` (a tuple the builder made, if ``made_tuple``)."""
    if not (made_tuple and converter in records.ORDERING):
        return [f"    v{i} = c{i}(v{i})"]
    if converter in records.NATURAL:  # sorted() itself; a mixed tuple's TypeError is a refusal
        return [f"    if _len(v{i}) > 1:", f"        v{i} = _tuple(_sorted(v{i}))"]
    if converter not in records.REPEATED:
        return [f"    if _len(v{i}) > 1:", f"        v{i} = c{i}(v{i})"]
    # The same records in the same order (shared through the memo, alive as long as it is) are
    # ordered once per load: the memo keeps the result under their identities.
    return [
        f"    if _len(v{i}) > 1:",
        "        if memo is None:",
        f"            v{i} = c{i}(v{i})",
        "        else:",
        f"            key = (c{i}, *_map(_id, v{i}))",
        "            found = memo.get(key)",
        "            if found is None:",
        f"                found = memo[key] = c{i}(v{i})",
        f"            v{i} = found",
    ]


def _generate(cls: type, made: dict[type, tuple[Builder, Builder]]) -> tuple[Builder, Builder]:
    """The builders of ``cls``, and in ``made`` those of the classes it holds, not yet published."""
    every = attrs.fields(cls)
    ns: dict[str, Any] = {
        "Invalid": Invalid,
        "_refuse": _refuse,
        "_cls": cls,
        "_names": frozenset(a.name for a in every),
        "_size": len(every),
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
        "_sorted": sorted,
        "_id": id,
    }
    # Only the package's own records are made without their __init__: theirs does exactly what
    # a builder does (convert, set, validate, post-init) and nothing else.
    own = cls.__module__ == records.__name__
    extract = [f"    v{i} = data[{a.name!r}]" for i, a in enumerate(every)]
    lines = [
        "def build(data, memo, keep):",
        "    if _type(data) is not _dict or data.keys() != _names:",
        "        raise Invalid",
        *extract,
    ]
    targets = "".join(f"(n{i}, v{i}), " for i in range(len(every)))
    order = " or ".join(f"n{i} != {a.name!r}" for i, a in enumerate(every))
    pair_lines = [
        "def build_pairs(data, memo, keep):",
        "    if _type(data) is not _tuple or _len(data) != _size:",
        "        raise Invalid",
        f"    {targets}= data",
        f"    if {order}:",  # keys in another order: as a dict (the size's pairs, every name: none twice)
        "        data = _dict(data)",
        "        if data.keys() != _names:",
        "            raise Invalid",
        *["    " + line for line in extract],
    ]
    built: set[int] = set()
    tuples: set[int] = set()  # fields the builder makes a tuple of
    subs: list[tuple[int, type]] = []
    eithers: list[int] = []
    key: list[str] = []
    for i, a in enumerate(every):
        v = f"v{i}"
        t, optional = _optional(a.type)
        if attrs.has(t):
            built.add(i)
            subs.append((i, t))
            for out, prefix in ((lines, "b"), (pair_lines, "q")):
                call = f"{v} = {prefix}{i}({v}, memo, None)"
                out.append(f"    if {v} is not None:\n        {call}" if optional else f"    {call}")
            continue
        if typing.get_origin(t) is not tuple:
            if t is not str:  # True == 1 == 1.0 hash alike: a memo key tells them apart by type
                key.append(f"_type({v})")
            continue
        tuples.add(i)
        item = typing.get_args(t)[0]
        for out in (lines, pair_lines):
            out.append(f"    if _type({v}) is not _list:\n        raise Invalid")  # a string where an array goes
        if attrs.has(item):
            built.add(i)
            subs.append((i, item))
            lines.append(f"    {v} = _tuple([b{i}(x, memo, None) for x in {v}])")
            pair_lines.append(f"    {v} = _tuple([q{i}(x, memo, None) for x in {v}])")
        elif typing.get_origin(item) in (typing.Union, types.UnionType):
            built.add(i)
            eithers.append(i)
            kinds = typing.get_args(item)
            # A dict's key set names its kind (its size does, when the kinds' sizes differ: the
            # kind's builder then checks the keys); anything else, or an unknown set, is refused.
            sizes = {len(attrs.fields(k)) for k in kinds}
            by_size = len(sizes) == len(kinds)
            ns[f"k{i}"] = {
                len(attrs.fields(k)) if by_size else frozenset(f.name for f in attrs.fields(k)): k for k in kinds
            }
            ns[f"e{i}"], ns[f"f{i}"], ns["_first"] = {}, {}, operator.itemgetter(0)
            pick = f"e{i}.get({'_len(x)' if by_size else '_frozenset(x)'} if _type(x) is _dict else None, _refuse)"
            by = "_len(x)" if by_size else "_frozenset(_map(_first, x))"
            pair_pick = f"f{i}.get({by} if _type(x) is _tuple else None, _refuse)"
            lines.append(f"    {v} = _tuple([{pick}(x, memo, None) for x in {v}])")
            pair_lines.append(f"    {v} = _tuple([{pair_pick}(x, memo, None) for x in {v}])")
        else:
            for out in (lines, pair_lines):
                out.append(f"    {v} = _tuple({v})")
    rest: list[str] = []
    names = ", ".join(f"{a.name!r}: v{i}" for i, a in enumerate(every))
    rest.append(f"    if keep is not None:\n        keep.update({{{names}}})")
    leaf = not built and not any(typing.get_origin(_optional(a.type)[0]) is tuple for a in every)
    if leaf:
        values = ", ".join(f"v{i}" for i in range(len(every)))
        rest += [
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
                rest += _convert(i, a.converter, i in tuples)
        rest.append("    record = _new(_cls)")
        for i, a in enumerate(every):
            # A slot's own setter skips the look-up object.__setattr__ makes by name each time.
            slot = cls.__dict__.get(a.name)
            if isinstance(slot, types.MemberDescriptorType):
                ns[f"s{i}"] = slot.__set__
                rest.append(f"    s{i}(record, v{i})")
            else:
                rest.append(f"    _put(record, {a.name!r}, v{i})")
        for i, a in enumerate(every):
            check = records.left_after_typing(a.validator) if i in built else a.validator
            if check is None:
                continue
            ns[f"a{i}"], ns[f"check{i}"] = a, check
            call = f"check{i}(record, a{i}, v{i})"
            inline = records.INLINE.get(check)
            if inline is not None:
                rest.append(f"    if {_test(inline, f'v{i}', i, ns)}:\n        {call}")
            elif i in tuples and records.accepts_empty(check):
                rest.append(f"    if v{i}:\n        {call}")
            else:
                rest.append(f"    {call}")
        post = getattr(cls, "__attrs_post_init__", None)
        if post is not None:
            ns["_post"] = post
            rest.append("    _post(record)")
    else:
        given = ", ".join(f"{a.alias!r}: v{i}" for i, a in enumerate(every))
        rest.append(f"    record = _cls(**{{{given}}})")
    if leaf:
        rest.append("    if key is not None:\n        memo[key] = record")
    rest.append("    return record")
    source = "\n".join(lines + rest) + "\n\n" + "\n".join(pair_lines + rest) + "\n"
    exec(compile(source, f"<partnerdata builder of {cls.__qualname__}>", "exec"), ns)
    these: tuple[Builder, Builder] = (ns["build"], ns["build_pairs"])
    for this in these:
        this.__source__ = source  # type: ignore[attr-defined]  # for the test that reads it
    made[cls] = these  # before the sub-builders: a class may hold its own kind

    def sub_builders(sub: type) -> tuple[Builder, Builder]:
        return _builders.get(sub) or made.get(sub) or _generate(sub, made)

    for i, sub in subs:
        ns[f"b{i}"], ns[f"q{i}"] = sub_builders(sub)
    for i in eithers:
        for keys, kind in ns[f"k{i}"].items():
            ns[f"e{i}"][keys], ns[f"f{i}"][keys] = sub_builders(kind)
    return these
