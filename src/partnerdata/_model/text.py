"""Text folding: the one place that says which differences of spelling do not matter.

The rules are written once, in :data:`_MARKS` and :func:`_fold_char`:

- apostrophes (’ ‘ ʼ ` ´) are ``'``;
- non-breaking, narrow and thin spaces (U+00A0, U+202F, U+2009, U+2007) are a space;
- hyphens and dashes (‐ ‑ ‒ – —) are ``-``;
- accents are dropped and letters are lower case (:func:`fold_chars`, :func:`fold`);
- in keys (:func:`fold`) hyphens are spaces and runs of white space are one space.

Three levels use them: :func:`fold_marks` (marks only: headings keep their case and accents),
:func:`fold_chars` (one character for one character, so that offsets found in the folded text
hold in the original: extraction), and :func:`fold` (the key form: lookups, search, headings).
Each is one ``str.translate`` over a table filled on first sight of each character.
"""

import unicodedata
from collections.abc import Callable

__all__ = ["fold", "fold_chars", "fold_marks"]

_MARKS = {
    **dict.fromkeys("\u2019\u2018\u02bc`\u00b4", "'"),
    **dict.fromkeys("\u00a0\u202f\u2009\u2007", " "),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014", "-"),
}


def _fold_char(c: str) -> str:
    """One character folded: its mark rule, else its base letter (accents dropped), lower case."""
    mark = _MARKS.get(c)
    if mark is not None:
        return mark
    base = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
    if len(base) != 1:
        base = c  # a ligature or a lone mark: kept, one character for one, so offsets hold
    low = base.lower()
    return low if len(low) == 1 else base


class _Table(dict[int, str]):
    """A ``str.translate`` table that computes a character's folding the first time it is seen."""

    def __init__(self, fold_char: Callable[[str], str], hyphen: str) -> None:
        super().__init__()
        self._fold = fold_char
        self._hyphen = hyphen

    def __missing__(self, code: int) -> str:
        c = chr(code)
        out = self._fold(c)
        if out == "-":
            out = self._hyphen
        self[code] = out
        return out


def _mark_only(c: str) -> str:
    return _MARKS.get(c, c)


_MARKS_TABLE = _Table(_mark_only, "-")
_CHARS_TABLE = _Table(_fold_char, "-")
_KEY_TABLE = _Table(_fold_char, " ")


def fold_marks(text: str) -> str:
    """Apostrophes, special spaces and dashes made plain; case and accents kept.

    >>> fold_marks("Autres domaines de l’OTAN\\u00a0: cyber\\u2011défense")
    "Autres domaines de l'OTAN : cyber-défense"
    """
    return text.translate(_MARKS_TABLE)


def fold_chars(text: str) -> str:
    """Lower case, no accents, plain marks; always the same length as ``text``.

    >>> fold_chars("L’intégrité\\u00a0«\\u202fdéfense\\u202f»")
    "l'integrite « defense »"
    """
    return text.translate(_CHARS_TABLE)


def fold(text: str) -> str:
    """The key form: case, accents, apostrophe style, hyphens and runs of spaces do not matter.

    >>> fold("  Bosnie-Herzégovine ") == fold("bosnie herzegovine")
    True
    >>> fold("L’OTAN\\u202fet  la cyber\\u2011défense")
    "l'otan et la cyber defense"
    """
    return " ".join(text.translate(_KEY_TABLE).split())
