"""Full-text search: an inverted index of folded words, in French and English.

Texts and queries are folded with :func:`partnerdata._model.text.fold` (case, accents, apostrophes and
hyphens do not matter) and split into words. A query matches a text when every word of the query
begins a word of the text, in the same language: ``"cyber"`` finds "cyberdéfense" and "cyber
defence", ``"neutralite permanente"`` finds "neutralité permanente". The vocabulary is sorted,
so a word's prefix range is found by bisection and a search costs what its matches cost.
"""

import bisect
import re
from collections.abc import Iterable, Sequence

from partnerdata._model.errors import ArgumentError
from partnerdata._model.text import fold

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The folded words of ``text``.

    >>> words("L’OTAN et la cyberdéfense")
    ['l', 'otan', 'et', 'la', 'cyberdefense']
    """
    return _WORD.findall(fold(text))


class _Language:
    __slots__ = ("postings", "vocabulary")

    def __init__(self, texts: Iterable[tuple[int, str]]) -> None:
        postings: dict[str, set[int]] = {}
        for doc, text in texts:
            for word in words(text):
                postings.setdefault(word, set()).add(doc)
        self.postings = postings
        self.vocabulary = sorted(postings)

    def prefixed(self, prefix: str) -> set[int]:
        found: set[int] = set()
        i = bisect.bisect_left(self.vocabulary, prefix)
        while i < len(self.vocabulary) and self.vocabulary[i].startswith(prefix):
            found |= self.postings[self.vocabulary[i]]
            i += 1
        return found

    def find(self, terms: Sequence[str]) -> set[int]:
        result: set[int] | None = None
        for term in sorted(set(terms), key=len, reverse=True):  # longer words first: fewer matches
            docs = self.prefixed(term)
            result = docs if result is None else result & docs
            if not result:
                return set()
        return result or set()


class SearchIndex:
    """Documents (numbered from 0) with a French and an English text, searchable by word prefixes."""

    __slots__ = ("_languages",)

    def __init__(self, documents: Sequence[tuple[str | None, str | None]]) -> None:
        self._languages = {
            "fr": _Language((i, fr) for i, (fr, _) in enumerate(documents) if fr is not None),
            "en": _Language((i, en) for i, (_, en) in enumerate(documents) if en is not None),
        }

    def find(self, query: str, lang: str | None = None) -> list[int]:
        """The numbers of the documents that match ``query`` in ``lang`` (both when ``None``), sorted.

        >>> index = SearchIndex([("La cyberdéfense", "Cyber defence"), ("La paix", "Peace")])
        >>> index.find("CYBER"), index.find("cyberdefense"), index.find("PAIX", "fr"), index.find("paix", "en")
        ([0], [0], [1], [])
        """
        if lang is not None and lang not in self._languages:
            raise ArgumentError(f"lang must be 'fr', 'en' or None, not {lang!r}")
        terms = words(query)
        if not terms:
            raise ArgumentError(f"nothing to search for in {query!r}: give at least one word")
        found: set[int] = set()
        for name, language in self._languages.items():
            if lang is None or lang == name:
                found |= language.find(terms)
        return sorted(found)
