"""Argument checks and small drawing helpers shared by every strategy module.

A bad argument is an error when the strategy is built, not when it is drawn.
"""

import functools
from collections.abc import Iterable
from typing import Any, TypeVar

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from partnerdata._model.records import LANGUAGES, MAX_YEAR, MIN_YEAR

T = TypeVar("T")

DEFAULT_MIN_YEAR = 1990
DEFAULT_MAX_YEAR = 2030


def check_languages(languages: Iterable[str]) -> tuple[str, ...]:
    if isinstance(languages, str):
        raise InvalidArgument(f"languages must be a sequence of language codes, not the string {languages!r}")
    chosen = tuple(dict.fromkeys(languages))
    if not chosen or any(lang not in LANGUAGES for lang in chosen):
        raise InvalidArgument(f"languages must be a non-empty subset of {LANGUAGES}, got {chosen!r}")
    return chosen


def check_years(min_year: int, max_year: int) -> None:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if type(value) is not int or not MIN_YEAR <= value <= MAX_YEAR:
            raise InvalidArgument(f"{name} must be an integer between {MIN_YEAR} and {MAX_YEAR}, got {value!r}")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


def check_size(name: str, value: int, minimum: int = 0) -> None:
    if type(value) is not int or value < minimum:
        raise InvalidArgument(f"{name} must be an integer of at least {minimum}, got {value!r}")


def check_sizes(low_name: str, low: int, high_name: str, high: int, minimum: int = 0) -> None:
    check_size(low_name, low, minimum)
    check_size(high_name, high, minimum)
    if low > high:
        raise InvalidArgument(f"{low_name}={low} is larger than {high_name}={high}")


def check_records(name: str, records: Iterable[Any] | None, cls: type) -> tuple[Any, ...] | None:
    if records is None:
        return None
    if isinstance(records, str):
        raise InvalidArgument(f"{name} must be a sequence of {cls.__name__} records, not a string")
    chosen = tuple(records)
    for record in chosen:
        if type(record) is not cls:
            raise InvalidArgument(f"{name} must hold {cls.__name__} records, got {record!r}")
    return chosen


def maybe(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T | None:
    """``None`` or a value of ``strategy`` (cheaper than building ``st.none() | strategy`` each time)."""
    return draw(strategy) if draw(st.booleans()) else None


# Cached: strategies are immutable, and building them anew for every draw is slow.
@functools.lru_cache(maxsize=1024)
def sampled(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(values)


@functools.lru_cache(maxsize=1024)
def unique_tuples(values: tuple[T, ...], min_size: int, max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    if not values:
        return st.just(())
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=max_size, unique=True).map(tuple)
