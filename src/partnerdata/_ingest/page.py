"""Reading a page's plain text into its parts: head, sections, items and sentences.

The layout follows NATO's partner pages in plain text: the title line, the introduction line, then
heading lines, bullet lines (``- ``) and paragraph lines (ending in sentence punctuation). Evidence
points into this structure, so the numbering here is part of the data format (see
:class:`partnerdata.Evidence`): ``sections[0]`` is the head (item 0 the title, item 1 the
introduction) and ``sections[1:]`` are the page's sections in order.

Text is kept verbatim; matching is done on :func:`fold`-ed text (apostrophes, non-breaking spaces,
case and accents do not matter).
"""

import os
import re
from collections.abc import Iterator

from attrs import evolve, field, frozen

from partnerdata._ingest.html import html_blocks, looks_like_html
from partnerdata._ingest.reader import (
    _CHROME,
    _STAMP_START,
    MAX_BYTES,
    Assembled,
    PageError,
    assemble,
    decode,
    function_words,
    language_of_title,
    text_blocks,
)
from partnerdata._io.reading import UnreadableFileError, read_regular
from partnerdata._model.layout import layout
from partnerdata._model.records import PartialDate, invisible
from partnerdata._model.text import fold, fold_marks

__all__ = ["Page", "PageError", "PageItem", "PageLine", "PageSection", "parse", "parse_page", "read_page"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_MARKUP = re.compile(r"\s*<[!/?A-Za-z][^>]*>")


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
    page's canonical text (the plain format: title, introduction, headings, ``- `` bullets,
    paragraphs), which a :class:`partnerdata.Source` keeps and evidence numbers; a page in the
    plain format is its own canonical text. ``edition`` is the date of its "last updated" line
    (``stamp``) or ``None``; ``captions`` are image captions (not statements); ``unplaced`` holds
    the lines the reader could not place; ``layout`` says what was read (``"plain"``, ``"text"``
    or ``"html"``); ``url`` is the canonical address an HTML page names.

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
    edition: PartialDate | None = None
    stamp: str | None = None
    captions: tuple[str, ...] = ()
    unplaced: tuple["PageLine", ...] = ()
    url: str | None = None
    layout: str = "plain"

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
    lang = language_of_title(lines[0])
    if lang is not None:
        return lang, 100
    french, english, _ = function_words("\n".join(lines))
    return ("en" if english > french else "fr"), abs(english - french)


@frozen(kw_only=True)
class PageLine:
    """A line of a page that the reader could not place: its number in the file (0 if unknown), text and why.

    >>> import partnerdata
    >>> page = partnerdata.parse_page("NATO - OTAN\\nRelations with Georgia\\n\\nIntro.\\n\\n- A fact.")
    >>> page.unplaced
    (PageLine(line=1, text='NATO - OTAN', reason='site chrome before the title'),)
    """

    line: int
    text: str
    reason: str


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


def _plain(text: str) -> bool:
    """Whether ``text`` is in the plain format of the packaged sources (read exactly as it always was)."""
    if "\r" in text or text.startswith("\ufeff") or looks_like_html(text):
        return False
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        if not line.strip() or line[0] in " \t\u00a0•*" or (line.startswith("-") and not line.startswith("- ")):
            return False
        if _STAMP_START.match(fold(line)):
            return False
    return bool(lines) and _CHROME.match(fold(lines[0])) is None


def _from_assembled(found: Assembled, layout_name: str, url: str | None) -> Page:
    page = parse(found.text)
    where = found.lines

    def at(n: int | None) -> int | None:
        return None if n is None else where[n - 1]

    sections = tuple(
        PageSection(
            heading=s.heading,
            line=at(s.line),
            items=tuple(evolve(i, line=where[i.line - 1]) for i in s.items),
        )
        for s in page.sections
    )
    return Page(
        sections=sections,
        language=found.language,
        text=found.text,
        edition=found.edition,
        stamp=found.stamp,
        captions=found.captions,
        unplaced=tuple(PageLine(line=n, text=t, reason=r) for n, t, r in found.unplaced),
        url=url,
        layout=layout_name,
    )


def parse_page(text: str, *, url: str | None = None, parser: str | None = None) -> Page:
    """Read a partner page, as text in any of NATO's layouts or as saved HTML, into a :class:`Page`.

    The plain format (that of the packaged sources: title line, introduction line, heading lines,
    ``- `` bullet lines and paragraph lines ending in ``.``, ``!``, ``?``, ``…``, ``:`` or ``;``,
    no blank lines) is read line by line, as it always was. Anything else is read by the layout
    reader: blank lines, ``•``/``*``/``-`` bullets or indentation, a "Last updated" / "Mis à jour
    le" line (the page's ``edition``), image captions, accordion sections with sub-headings, the
    older "NATO’s relations with …" layout, CRLF, BOM and non-breaking spaces; HTML (as saved
    from NATO's site) is read by :mod:`partnerdata._ingest.html`. ``url`` is recorded on the
    page (an HTML page's own canonical link otherwise). A text that is no partner page in French
    or English raises :class:`PageError` saying why.

    >>> import partnerdata
    >>> page = partnerdata.parse_page(
    ...     "Relations avec le Turkménistan\\n"
    ...     "L’OTAN et le Turkménistan coopèrent.\\n"
    ...     "Highlights\\n"
    ...     "- Les relations ont débuté en 1992. Elles se sont développées."
    ... )
    >>> page.language, page.sections[1].heading, page.sections[1].items[0].sentences[1]
    ('fr', 'Highlights', 'Elles se sont développées.')
    >>> page = partnerdata.parse_page(
    ...     "Relations with Georgia\\r\\n\\r\\n  • Last updated: 04 Jul. 2019 12:30\\r\\n\\r\\n"
    ...     "NATO and Georgia cooperate.\\r\\n\\r\\nGeorgian officers in Tbilisi\\r\\n\\r\\n"
    ...     "  • Relations began in 1992.\\r\\n"
    ... )
    >>> page.edition.isoformat(), page.captions, page.layout
    ('2019-07-04', ('Georgian officers in Tbilisi',), 'text')
    >>> print(page.text)
    Relations with Georgia
    NATO and Georgia cooperate.
    - Relations began in 1992.
    """
    if not isinstance(text, str):
        raise TypeError(f"a page is a str, not {type(text).__name__} (read_page reads bytes and files)")
    if len(text) > MAX_BYTES:
        raise PageError(f"the text holds {len(text):,} characters: a partner page is far smaller", kind="too-large")
    if not text.strip("\ufeff \t\r\n\u00a0"):
        raise PageError("the text is empty", kind="empty")
    if looks_like_html(text):
        blocks, own_url = html_blocks(text, parser)
        if not blocks:
            raise PageError("the HTML page holds no text", kind="empty")
        # The language of a refusal is judged on the page's words, not on its markup and scripts.
        words = "\n".join(b.text for b in blocks)
        _refuse_hostile(words)
        return _checked(_from_assembled(assemble(blocks, words), "html", url or own_url))
    if not _plain(text):
        _refuse_hostile(text)
        blocks = text_blocks(text)
        if not blocks:
            raise PageError("the text is empty", kind="empty")
        return _checked(_from_assembled(assemble(blocks, text), "text", url))
    page = _checked(_parse_plain(text))
    return page if url is None else evolve(page, url=url)


def _at(line: int | None) -> str:
    """Where on the page, for a message: its line, or nothing where the layout has no lines (HTML)."""
    return f"line {line}: " if line else ""


def _checked(page: Page) -> Page:
    """The limits every layout shares: what evidence can number, and text that shows something."""
    _check_numbering(page)
    for section in page.sections:
        if section.heading is not None and invisible(section.heading):
            raise PageError(f"{_at(section.line)}a heading holds only invisible characters", section.line)
        for item in section.items:
            if invisible(item.text) or any(invisible(s) for s in item.sentences):
                raise PageError(f"{_at(item.line)}a line holds only invisible characters", item.line)
    return page


def read_page(source: "str | os.PathLike[str] | bytes", *, url: str | None = None, parser: str | None = None) -> Page:
    """Read a page from a file (``.txt``, ``.htm``, ``.html``) or from its bytes, whatever its encoding.

    The encoding is a BOM, else a ``<meta>`` charset, else UTF-8 if the bytes are valid UTF-8,
    else windows-1252. A :class:`PageError` names the file.

    >>> import partnerdata
    >>> data = "Relations avec l’Arménie\\n\\nL’Arménie coopère.\\n\\n* Un fait.".encode("cp1252")
    >>> page = partnerdata.read_page(data)
    >>> page.title, page.sections[1].items[0].text
    ('Relations avec l’Arménie', 'Un fait.')
    """
    if isinstance(source, bytes):
        name = "the page"
        data = source
    else:
        name = os.fspath(source)
        try:
            data = read_regular(name, MAX_BYTES)
        except UnreadableFileError as exc:
            too_large = "more than" in str(exc)
            reason = (
                f"{name} holds more than {MAX_BYTES:,} bytes: a partner page is far smaller" if too_large else str(exc)
            )
            raise PageError(reason, kind="too-large" if too_large else "file") from None
        except OSError as exc:
            raise PageError(f"{name}: cannot be read ({exc.strerror or exc})", kind="file") from None
    text, _ = decode(data, name)
    try:
        return parse_page(text, url=url, parser=parser)
    except PageError as exc:
        if isinstance(source, bytes):
            raise
        raise PageError(f"{name}: {exc.reason}", exc.line, kind=exc.kind) from None


# What no page's text may hold, whatever its layout: lone surrogates, control characters other
# than the line and page breaks of text extractions, direction overrides (the records refuse them
# too, so a page holding one could not be cited).
_HOSTILE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _refuse_hostile(text: str) -> None:
    bad = _HOSTILE.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        kind = "a lone surrogate" if "\ud800" <= bad.group() <= "\udfff" else "the control character"
        raise PageError(f"line {line} holds {kind} U+{ord(bad.group()):04X}", line)


def _parse_plain(text: str) -> Page:
    """The plain format, read with the checks it always had."""
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
        raise PageError("cannot tell whether the page is in French or in English", kind="unsupported-language")
    page = parse(text)
    _check_numbering(page)
    return page


# Evidence numbers sections, items and sentences from 0 to this; a page beyond it cannot be cited.
_MOST = 10_000


def _check_numbering(page: Page) -> None:
    if len(page.sections) > _MOST + 1:
        line = page.sections[_MOST + 1].line
        raise PageError(f"{_at(line)}more than {_MOST:,} sections: evidence cannot cite beyond that", line)
    for section in page.sections:
        if len(section.items) > _MOST + 1:
            line = section.items[_MOST + 1].line
            raise PageError(f"{_at(line)}more than {_MOST:,} items in one section", line)
        for item in section.items:
            if len(item.sentences) > _MOST + 1:
                raise PageError(f"{_at(item.line)}more than {_MOST:,} sentences in one line", item.line)


# Shown as partnerdata.PageError (its public path); __test__ keeps its example in this module's doctests.
__test__ = {"PageError": PageError}
PageError.__module__ = "partnerdata"
