"""Words, texts, slugs and partial dates; and the chooser that lets hypothesis drive the shared generator.

Texts are realistic French and English (the corpora of :mod:`partnerdata._query.synthetic`), with
some arbitrary Unicode letters mixed in.
"""

import functools
from collections.abc import Sequence
from typing import TypeVar

import attrs
import hypothesis.strategies as st

from partnerdata._model.records import LANGUAGES, PartialDate, Text
from partnerdata._query import synthetic as synth
from partnerdata.strategies._common import (
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    check_languages,
    check_years,
    sampled,
    unique_tuples,
)

T = TypeVar("T")

# Letters and digits of any script (no surrogates, no control characters): names and aliases
# may hold them, and JSON must carry them unchanged.
letters = st.characters(categories=("Lu", "Ll", "Lo", "Nd"), exclude_characters="\x85\u2028\u2029")


def _made(language: str, min_words: int, max_words: int) -> st.SearchStrategy[list[str]]:
    word = st.one_of(*[st.sampled_from(synth.WORDS[language])] * 3, st.text(letters, min_size=1, max_size=6))
    return st.lists(word, min_size=min_words, max_size=max_words)


# Built once: most texts come from the small corpus of realistic ones (cheap to draw), the rest are
# made of words and arbitrary letters of any script.
PHRASE: dict[str, st.SearchStrategy[str]] = {
    lang: st.one_of(*[st.sampled_from(synth.PHRASES[lang])] * 2, _made(lang, 1, 4).map(" ".join)) for lang in LANGUAGES
}
SENTENCE: dict[str, st.SearchStrategy[str]] = {
    lang: st.one_of(
        *[st.sampled_from(synth.SENTENCES[lang])] * 2,
        st.tuples(_made(lang, 2, 6), st.none() | st.integers(1990, 2030)).map(
            lambda t: synth.join_sentence([*t[0], str(t[1])] if t[1] is not None else t[0])
        ),
    )
    for lang in LANGUAGES
}

_slug_words = st.sampled_from(synth.SLUG_WORDS)
slugs = st.lists(
    st.one_of(_slug_words, _slug_words, st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)),
    min_size=1,
    max_size=3,
).map("-".join)


@attrs.frozen
class Draws:
    """A :class:`~partnerdata._query.synthetic.Chooser` over hypothesis's ``draw``, so that it shrinks."""

    draw: st.DrawFn

    def integer(self, low: int, high: int) -> int:
        return self.draw(st.integers(low, high))

    def boolean(self) -> bool:
        return self.draw(st.booleans())

    def choice(self, options: Sequence[T]) -> T:
        strategy: st.SearchStrategy[T] = sampled(tuple(options))  # the cache's wrapper loses the type
        return self.draw(strategy)

    def subset(self, options: Sequence[T], min_size: int, max_size: int) -> tuple[T, ...]:
        return self.draw(unique_tuples(tuple(options), min(min_size, len(options)), max_size))

    def phrase(self, language: str) -> str:
        return self.draw(PHRASE[language])

    def sentence(self, language: str) -> str:
        return self.draw(SENTENCE[language])

    def slug(self) -> str:
        return self.draw(slugs)


@functools.cache
def texts_in(languages: tuple[str, ...], kind: str) -> st.SearchStrategy[Text]:
    parts = PHRASE if kind == "phrase" else SENTENCE
    options = [st.builds(Text, **{lang: parts[lang] for lang in chosen}) for chosen in synth.language_sets(languages)]
    return st.one_of(options[0], *options)  # both languages twice as often as one


@functools.cache
def optional_texts_in(languages: tuple[str, ...], kind: str) -> st.SearchStrategy[Text | None]:
    return st.none() | texts_in(languages, kind)


def texts(*, languages: Sequence[str] = LANGUAGES, sentences: bool = False) -> st.SearchStrategy[Text]:
    """:class:`~partnerdata.Text` in the given ``languages`` (at least one present, never blank).

    With ``sentences``, every language holds a sentence (a capital, words, a full stop), else a
    label-like phrase.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import texts
    >>> @settings(max_examples=20, database=None)
    ... @given(texts(languages=["fr"]))
    ... def test_french_only(text):
    ...     assert text.fr and text.en is None
    >>> test_french_only()
    """
    chosen = check_languages(languages)
    return texts_in(chosen, "sentence" if sentences else "phrase")


@st.composite
def partial_dates_between(draw: st.DrawFn, min_year: int, max_year: int) -> PartialDate:
    return synth.partial_date(Draws(draw), min_year, max_year)


def partial_dates(
    *, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> st.SearchStrategy[PartialDate]:
    """:class:`~partnerdata.PartialDate` between ``min_year`` and ``max_year``; days exist in the calendar.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import partial_dates
    >>> @settings(max_examples=20, database=None)
    ... @given(partial_dates(min_year=1991, max_year=1999))
    ... def test_nineties(date):
    ...     assert date.isoformat().startswith("199")
    >>> test_nineties()
    """
    check_years(min_year, max_year)
    return partial_dates_between(min_year, max_year)
