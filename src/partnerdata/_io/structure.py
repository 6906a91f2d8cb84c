"""Building records from JSON-like data, quickly: the pass that valid data takes.

Types and values are checked as the records' own validators check them, by a builder generated per
class (:mod:`partnerdata._io.builders`), which also checks what validators cannot see (an object's
exact key set, an array where a tuple goes). It stops at the first defect, and the caller then runs
cattrs' detailed pass to report every defect with its path, so this module never has to describe a
problem. The trusted pass (the tested packaged data only) follows a plan per class and generates
nothing, which keeps the first load of a process cheap.
"""

import types
import typing
from typing import Any

import attrs

from partnerdata._io.builders import Invalid, builder

__all__ = ["Invalid", "build", "build_all", "build_trusted"]

# Kinds of field that need work here; every other field is a scalar its validator checks.
# _EITHERS: a tuple whose items may be of several record types (evidence: a quote or a citation),
# told apart by their exact key sets.
_RECORD, _RECORDS, _VALUES, _EITHERS = 1, 2, 3, 4

# Per class, for the trusted pass: the fields that need work, the order of all fields (for memo
# keys and for setting them) and whether it is a leaf (scalar fields only).
_Plan = tuple[tuple[tuple[str, int, Any], ...], tuple[str, ...], bool]
_plans: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    found = _plans.get(cls)
    if found is not None:
        return found
    steps: list[tuple[str, int, Any]] = []
    for a in attrs.fields(cls):
        t = a.type
        if typing.get_origin(t) in (typing.Union, types.UnionType):
            t = next(arg for arg in typing.get_args(t) if arg is not type(None))
        if attrs.has(t):
            steps.append((a.name, _RECORD, t))
        elif typing.get_origin(t) is tuple:
            item = typing.get_args(t)[0]
            if typing.get_origin(item) in (typing.Union, types.UnionType):
                kinds = {frozenset(f.name for f in attrs.fields(k)): k for k in typing.get_args(item)}
                steps.append((a.name, _EITHERS, kinds))
            else:
                steps.append((a.name, _RECORDS if attrs.has(item) else _VALUES, item))
    order = tuple(a.name for a in attrs.fields(cls))
    plan = (tuple(steps), order, not steps)
    _plans[cls] = plan
    return plan


def build(cls: type, data: Any, memo: dict[Any, Any] | None = None, keep: dict[str, Any] | None = None) -> Any:
    """A ``cls`` from its dict form; raises :class:`Invalid` (or the record's own error) on any defect.

    ``memo`` shares equal leaf records (texts, dates, evidence) within one load: the same sentence
    is cited by a statement and by the facts read from it, and one immutable record serves both.
    ``keep`` receives the built fields of ``cls`` before it is made: when a dataset's own checks
    refuse them, the caller can place the problems without building every record again. The work
    is done by the class's generated builder (:mod:`partnerdata._io.builders`).
    """
    return builder(cls)(data, memo, keep)


def build_all(cls: type, data: Any, memo: dict[Any, Any] | None = None) -> tuple[Any, ...]:
    """A tuple of ``cls`` from a JSON array of dict forms."""
    if type(data) is not list:
        raise Invalid
    make = builder(cls)
    return tuple([make(item, memo, None) for item in data])


def _key(cls: type, data: dict[str, Any], order: tuple[str, ...]) -> tuple[Any, ...]:
    given = [data[name] for name in order]
    return (cls, *given, *[type(v) for v in given])


def build_trusted(cls: type, data: Any, memo: dict[Any, Any]) -> Any:
    """A ``cls`` from the dict form of a valid record in canonical order, without checking anything.

    Neither validators nor converters run: for the packaged data only, when its manifest is the
    one the test suite checked (see :func:`partnerdata._query.load.packaged_is_tested`), whose
    bytes the suite has built through :func:`build`. A test builds that data both ways and compares.
    """
    steps, order, leaf = _plans.get(cls) or _plan(cls)
    if leaf:
        key = _key(cls, data, order)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _made(cls, data, order)
        return found
    values = dict(data)
    for name, kind, sub in steps:
        value = values[name]
        if kind == _RECORD:
            if value is not None:
                values[name] = build_trusted(sub, value, memo)
        elif kind == _RECORDS:
            values[name] = tuple([build_trusted(sub, item, memo) for item in value])
        elif kind == _EITHERS:
            values[name] = tuple([build_trusted(sub[frozenset(item)], item, memo) for item in value])
        else:
            values[name] = tuple(value)
    return _made(cls, values, order)


def _made(cls: type, values: dict[str, Any], order: tuple[str, ...]) -> Any:
    record: Any = object.__new__(cls)
    for name in order:
        object.__setattr__(record, name, values[name])  # what a frozen record's __init__ does too
    return record
