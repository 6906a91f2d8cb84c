"""Reading a page's plain text into its parts: head, sections, items and sentences.

The layout follows NATO's partner pages in plain text: the title line, the introduction line, then
heading lines, bullet lines (``- ``) and paragraph lines (ending in sentence punctuation). Evidence
points into this structure, so the numbering here is part of the data format (see
:class:`partnerdata.Evidence`): ``sections[0]`` is the head (item 0 the title, item 1 the
introduction) and ``sections[1:]`` are the page's sections in order.

Text is kept verbatim; matching is done on :func:`fold`-ed text (apostrophes, non-breaking spaces,
case and accents do not matter).
"""

import re
from collections.abc import Iterator

from attrs import field, frozen

from partnerdata._model.errors import PartnerDataError
from partnerdata._model.layout import layout
from partnerdata._model.text import fold, fold_marks

__all__ = ["Page", "PageError", "PageItem", "PageSection", "parse", "parse_page"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_MARKUP = re.compile(r"\s*<[!/?A-Za-z][^>]*>")

_FRENCH = frozenset(
    ("le la les des du de d l et avec en au aux est sont une un pour dans qui sur par ont a été").split()
)
_ENGLISH = frozenset(("the and with of in to is are has have was were for by from its which that this an on").split())
_WORD = re.compile(r"\w+")


class PageError(PartnerDataError, ValueError):
    """A text that is not a partner page; the message says why (with the line number).

    >>> import partnerdata
    >>> try:
    ...     partnerdata.parse_page("Relations avec le Turkménistan")
    ... except partnerdata.PageError as exc:
    ...     print(exc)
    not a partner page: line 2 (the introduction) is missing: a page has a title line, then an introduction line
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(f"not a partner page: {reason}")


@frozen(kw_only=True)
class PageItem:
    """One line of a page: its kind, its text verbatim (without the bullet mark) and its sentences.

    ``kind`` is ``"title"``, ``"introduction"``, ``"bullet"`` or ``"paragraph"``; ``line`` is the
    line's number in the page (from 1).

    >>> import partnerdata
    >>> page = partnerdata.parse_page("Relations with X\\nIntro. More.\\n- Relations began in 1992. They grew.")
    >>> item = page.sections[1].items[0]
    >>> item.kind, item.sentences, item.line
    ('bullet', ('Relations began in 1992.', 'They grew.'), 3)
    """

    kind: str
    text: str
    sentences: tuple[str, ...]
    line: int = 0

    @property
    def raw(self) -> str:
        """The line as it stands in the page (with its dash and space for a bullet)."""
        return "- " + self.text if self.kind == "bullet" else self.text

    @property
    def folded(self) -> str:
        """The text in the form matching is done on (see :func:`partnerdata._model.text.fold`)."""
        return fold(self.text)


@frozen(kw_only=True)
class PageSection:
    """A heading (or ``None``) and the items under it; ``sections[0]`` of a page is its head.

    >>> import partnerdata
    >>> page = partnerdata.parse_page("Relations with X\\nIntro.\\nHighlights\\n- A fact.\\nOther areas\\n- Another.")
    >>> [(s.heading, len(s.items)) for s in page.sections]
    [(None, 2), ('Highlights', 1), ('Other areas', 1)]
    """

    heading: str | None
    items: tuple[PageItem, ...]
    line: int | None = None

    @property
    def key(self) -> str | None:
        """The heading as the conventions compare it: ’ as ' and non-breaking spaces as spaces.

        >>> PageSection(heading="Autres domaines de l’OTAN", items=()).key
        "Autres domaines de l'OTAN"
        """
        if self.heading is None:
            return None
        return fold_marks(self.heading)


@frozen(kw_only=True)
class Page:
    """A partner page, parsed: title, language, introduction, sections, items and sentences.

    ``sections[0]`` is the head (item 0 the title, item 1 the introduction); ``sections[1:]`` are
    the page's sections, numbered as :class:`partnerdata.Evidence` numbers them. ``text`` is the
    page verbatim.

    >>> import partnerdata
    >>> page = partnerdata.parse_page("Relations with Georgia\\nNATO and Georgia cooperate.\\n- Relations began.")
    >>> page.title, page.language, page.introduction.text
    ('Relations with Georgia', 'en', 'NATO and Georgia cooperate.')
    >>> page.sentence(1, 0, 0)
    'Relations began.'
    """

    sections: tuple[PageSection, ...]
    language: str = "fr"
    text: str = field(default="", repr=False)

    @property
    def title(self) -> str:
        """The first line, verbatim."""
        return self.sections[0].items[0].text

    @property
    def introduction(self) -> PageItem:
        """The second line."""
        return self.sections[0].items[1]

    @property
    def head(self) -> PageSection:
        """Section 0: the title and the introduction."""
        return self.sections[0]

    @property
    def body(self) -> tuple[PageSection, ...]:
        """The page's sections proper (1, 2, ...), without the head."""
        return self.sections[1:]

    def sentence(self, section: int, item: int, sentence: int) -> str | None:
        """The sentence at that place, or ``None`` if the page has no such place."""
        if min(section, item, sentence) < 0:
            return None
        try:
            return self.sections[section].items[item].sentences[sentence]
        except IndexError:
            return None

    def sentences(self) -> Iterator[tuple[tuple[int, int, int], str]]:
        """Every ``((section, item, sentence), text)`` of the page in order, the title included.

        >>> import partnerdata
        >>> page = partnerdata.parse_page("Relations with X\\nIntro.\\n- One. Two.")
        >>> [place for place, _ in page.sentences()]
        [(0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 0, 1)]
        """
        for si, section in enumerate(self.sections):
            for ii, item in enumerate(section.items):
                for k, sentence in enumerate(item.sentences):
                    yield (si, ii, k), sentence

    def lines(self) -> list[str]:
        """The page's non-blank lines rebuilt from its parts, in order: equal to the text's own."""
        out: list[str] = []
        for section in self.sections:
            if section.heading is not None:
                out.append(section.heading)
            out.extend(item.raw for item in section.items)
        return out


def _language(lines: list[str]) -> tuple[str, int]:
    """``("fr" | "en", margin)``: the title's wording decides, else the commoner function words."""
    title = fold(lines[0])
    for lang, starts in (("fr", ("relations avec", "l'otan et")), ("en", ("relations with", "nato's relations"))):
        if title.startswith(starts):
            return lang, 100
    words = [w for line in lines for w in _WORD.findall(fold(line))]
    french = sum(w in _FRENCH for w in words)
    english = sum(w in _ENGLISH for w in words)
    return ("en" if english > french else "fr"), abs(english - french)


def parse(text: str) -> Page:
    """Split a page's text into head and sections; raises :class:`PageError` if it has no title and introduction.

    This is the lenient reader; :func:`parse_page` is the public, strict one.
    """
    try:
        sections = layout(text)
    except ValueError as exc:
        raise PageError(str(exc)) from None
    return Page(
        sections=tuple(
            PageSection(
                heading=heading,
                line=line,
                items=tuple(PageItem(kind=k, text=t, line=n, sentences=ss) for k, t, n, ss in items),
            )
            for heading, line, items in sections
        ),
        language=_language(text.split("\n"))[0],
        text=text,
    )


def parse_page(text: str) -> Page:
    """Read the text of a partner page (UTF-8, LF line ends) into a :class:`Page`.

    The first line is the title, the second the introduction; then come heading lines, bullet
    lines (``- ``) and paragraph lines (ending in ``.``, ``!``, ``?``, ``…``, ``:`` or ``;``).
    Bullets before any heading form a first section without heading. French and English pages
    are read alike. A text that is not such a page raises :class:`PageError` saying why.

    >>> import partnerdata
    >>> page = partnerdata.parse_page(
    ...     "Relations avec le Turkménistan\\n"
    ...     "L’OTAN et le Turkménistan coopèrent.\\n"
    ...     "Highlights\\n"
    ...     "- Les relations ont débuté en 1992. Elles se sont développées."
    ... )
    >>> page.language, page.sections[1].heading, page.sections[1].items[0].sentences[1]
    ('fr', 'Highlights', 'Elles se sont développées.')
    """
    if not isinstance(text, str):
        raise TypeError(f"a page is a str, not {type(text).__name__}")
    if not text.strip():
        raise PageError("the text is empty")
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if "\r" in line:
            raise PageError(f"line {number} holds a carriage return: the page format uses LF line ends only", number)
        bad = _CONTROL.search(line)
        if bad is not None:
            kind = "a lone surrogate" if "\ud800" <= bad.group() <= "\udfff" else "the control character"
            raise PageError(f"line {number} holds {kind} U+{ord(bad.group()):04X}", number)
        if _MARKUP.match(line):
            raise PageError(f"line {number} is markup (HTML or XML), not page text", number)
    if not lines[0].strip():
        raise PageError("line 1 (the title) is empty", 1)
    if lines[0].startswith("- "):
        raise PageError("line 1 is a bullet: a page starts with its title", 1)
    if len(lines) < 2:
        raise PageError("line 2 (the introduction) is missing: a page has a title line, then an introduction line", 2)
    if not lines[1].strip():
        raise PageError("line 2 (the introduction) is empty", 2)
    if lines[1].startswith("- "):
        raise PageError("line 2 is a bullet: the introduction comes before any bullet", 2)
    for number, line in enumerate(lines[2:], start=3):
        if line.startswith("- ") and not line[2:].strip():
            raise PageError(f"line {number} is an empty bullet", number)
        if line.strip() == "-":
            raise PageError(f"line {number} is a bullet mark without text", number)
    if not any(line.startswith("- ") for line in lines[2:]):
        raise PageError("no bullet line ('- '): a partner page lists its facts as bullets")
    if _language(lines)[1] == 0:
        raise PageError("cannot tell whether the page is in French or in English")
    page = parse(text)
    _check_numbering(page)
    return page


# Evidence numbers sections, items and sentences from 0 to this; a page beyond it cannot be cited.
_MOST = 10_000


def _check_numbering(page: Page) -> None:
    if len(page.sections) > _MOST + 1:
        line = page.sections[_MOST + 1].line
        raise PageError(f"line {line}: more than {_MOST:,} sections: evidence cannot cite beyond that", line)
    for section in page.sections:
        if len(section.items) > _MOST + 1:
            line = section.items[_MOST + 1].line
            raise PageError(f"line {line}: more than {_MOST:,} items in one section", line)
        for item in section.items:
            if len(item.sentences) > _MOST + 1:
                raise PageError(f"line {item.line}: more than {_MOST:,} sentences in one line", item.line)
