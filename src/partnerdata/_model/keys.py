"""A name index: records by every folded name, alias and code, with suggestions on a miss."""

from collections.abc import Iterable
from typing import Generic, TypeVar

from partnerdata._model.errors import NotFoundError
from partnerdata._model.text import fold

R = TypeVar("R")


class NameIndex(Generic[R]):
    """Records by every folded name, alias and code; ``clashes`` lists names that point at two records."""

    __slots__ = ("_display", "_kind", "_map", "clashes")

    def __init__(self, kind: str, entries: Iterable[tuple[R, Iterable[str]]]) -> None:
        self._kind = kind
        self._map: dict[str, R] = {}
        self._display: dict[str, str] = {}
        self.clashes: list[tuple[str, R, R]] = []
        for record, names in entries:
            for name in names:
                key = fold(name)
                other = self._map.setdefault(key, record)
                if other is not record and other != record:
                    self.clashes.append((name, other, record))
                self._display.setdefault(key, name)
                self._map.setdefault(name, record)  # the exact spelling too, so codes hit without folding

    def get(self, key: str) -> R:
        """The record ``key`` names, or :class:`NotFoundError` with the closest names."""
        try:
            found = self._map.get(key)  # the hot path: a code or a name spelled as stored
        except TypeError:  # unhashable
            found = None
        if found is not None:
            return found
        if not isinstance(key, str):
            raise TypeError(f"a {self._kind} key is a string, not {type(key).__name__}")
        found = self._map.get(fold(key))
        if found is not None:
            return found
        import difflib

        close = difflib.get_close_matches(fold(key), self._display, n=3, cutoff=0.6)
        raise NotFoundError(self._kind, key, tuple(self._display[k] for k in close))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and fold(key) in self._map
