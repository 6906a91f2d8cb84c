"""Reading a partner page in any of NATO's layouts into the one canonical page text.

NATO's partner pages have come in several layouts since about 2008 (older paragraphs, accordion,
highlights and accordion, the current one; see ``docs/ingest.rst``) and reach users as text copied
from a browser, as the output of a text-extraction tool, or as saved HTML. Every reader turns its
input into :class:`Block` lines (text verbatim, indentation, bullet marker, and for HTML what the
markup says the line is); :func:`assemble` is the one place that decides what each line is (title,
"last updated" stamp, introduction, caption, heading, bullet, paragraph) and writes the page's
*canonical text*: title line, introduction line, then heading lines, ``- `` bullet lines and
paragraph lines, the plain format of the packaged sources. Evidence numbers the canonical text
(:func:`partnerdata._model.layout.layout`), so its locator is defined the same way for every layout,
and each sentence is still quoted verbatim from the page.
"""

import re
import warnings
from typing import NamedTuple

from partnerdata._ingest import cues
from partnerdata._model.errors import PartnerDataError
from partnerdata._model.layout import PARAGRAPH_END
from partnerdata._model.records import PartialDate
from partnerdata._model.text import fold

__all__ = [
    "MAX_BYTES",
    "Assembled",
    "Block",
    "PageError",
    "assemble",
    "decode",
    "language_of_title",
    "parse_stamp",
    "text_blocks",
]

# A saved NATO page weighs 50-300 KB; anything far larger is not a page, and reading it would only
# waste time and memory.
MAX_BYTES = 8 * 1024 * 1024


class PageError(PartnerDataError, ValueError):
    """A text that is not a partner page; the message says why (with the line number).

    ``kind`` names the reason for programs: ``"empty"``, ``"too-large"``, ``"encoding"``,
    ``"not-a-partner-page"``, ``"unsupported-language"``, ``"markup"`` or ``"format"``.

    >>> import partnerdata
    >>> try:
    ...     partnerdata.parse_page("Relations avec le Turkménistan")
    ... except partnerdata.PageError as exc:
    ...     print(exc)
    not a partner page: line 2 (the introduction) is missing: a page has a title line, then an introduction line
    """

    def __init__(self, reason: str, line: int | None = None, *, kind: str = "format") -> None:
        self.reason = reason
        self.line = line
        self.kind = kind
        # A file that cannot be read as text is not said to be "not a partner page": it may be one.
        unread = kind in ("encoding", "too-large", "file")
        super().__init__(f"{'cannot read the page' if unread else 'not a partner page'}: {reason}")


class Block(NamedTuple):
    """One line of a page as a reader sees it, before :func:`assemble` decides what it is.

    ``hint`` is what markup says the line is (``"title"``, ``"heading"``, ``"caption"``,
    ``"paragraph"``) or ``None`` for plain text; ``depth`` is the indentation (columns in text,
    list nesting in HTML); ``line`` the line number in the file (0 where unknown).
    """

    text: str
    line: int
    depth: int
    marker: bool
    hint: str | None = None


class Assembled(NamedTuple):
    """What :func:`assemble` made of the blocks."""

    text: str  # the canonical text
    lines: tuple[int, ...]  # per canonical line, the line in the file (0 where unknown)
    language: str
    stamp: str | None
    edition: PartialDate | None
    captions: tuple[str, ...]
    unplaced: tuple[tuple[int, str, str], ...]  # (line, text, why)


# --- bytes ---------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
_CHARSETS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "iso-8859-1": "cp1252",  # browsers read latin-1 as windows-1252 (WHATWG encoding standard)
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-15": "iso-8859-15",
}


def decode(data: bytes, name: str = "the page") -> tuple[str, str]:
    """``(text, encoding)`` of a page's bytes: a BOM, else a declared charset, else UTF-8, else windows-1252.

    >>> decode("Relations avec l’Arménie".encode("cp1252"))
    ('Relations avec l’Arménie', 'cp1252')
    >>> decode(b'<meta charset="utf-8">caf\\xc3\\xa9')[1]
    'utf-8'
    """
    if len(data) > MAX_BYTES:
        raise PageError(f"{name} holds {len(data):,} bytes: a partner page is far smaller", kind="too-large")
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name), "utf-16"
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        label = declared.group(1).decode("ascii").lower()
        encoding = _CHARSETS.get(label)
        if encoding is None:
            raise PageError(
                f"{name} declares the character set {label!r}: UTF-8 or windows-1252 expected", kind="encoding"
            )
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass  # a wrong declaration (a proxy re-encoded the page): sniff as if undeclared
    if _looks_utf16(data):
        raise PageError(
            f"{name} looks like UTF-16 without a byte order mark (every other byte is 0): save it as UTF-8",
            kind="encoding",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    if _UTF8_SEQUENCE.search(data) is not None:
        # UTF-8 elsewhere in the page: one bad byte is damage, not another encoding. Guessing
        # windows-1252 would turn every accented letter of the page into mojibake.
        raise PageError(f"{name} is UTF-8 text with an invalid byte 0x{data[bad]:02X} at offset {bad}", kind="encoding")
    # No UTF-8 at all and nothing declared: an old page saved in windows-1252. Said, not silent.
    warnings.warn(f"{name}: not UTF-8 and no character set declared; read as windows-1252", PageWarning, stacklevel=2)
    # Five byte values are undefined in windows-1252; a page holding them is no text we know.
    return _strict(data, "cp1252", name), "cp1252"


class PageWarning(UserWarning):
    """A page read by a rule the user may not expect (an undeclared windows-1252 encoding)."""


# A multi-byte UTF-8 sequence (2, 3 or 4 bytes); linear: fixed-length alternatives, no nesting.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _looks_utf16(data: bytes) -> bool:
    """Whether the bytes are UTF-16 text without a BOM: zeros in most odd (or even) places."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    pairs = len(sample) // 2
    zeros = max(sample[0::2].count(0), sample[1::2].count(0))
    return zeros >= pairs * 0.6


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PageError(
            f"{name} is not {encoding} text (byte 0x{data[exc.start]:02X} at offset {exc.start})", kind="encoding"
        ) from None


# --- plain text ----------------------------------------------------------------------------------

# Bullet glyphs of text extractions and browser copies; "-" alone on a line is an accordion marker.
_MARKER = re.compile(r"([ \t\u00a0]*)(?:([•*\-–▪◦·])(?:[ \t\u00a0]+|$))?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


# Text-extraction tools (lynx, w3m) wrap lines at about 76 columns; a line reaching this far without
# final punctuation, followed on the very next line by text at its own column, was wrapped.
_WRAPPED = 64


def text_blocks(text: str) -> list[Block]:
    """The non-blank lines of a text page as blocks: indentation, bullet marker, text verbatim.

    A line wrapped by a text-extraction tool is joined to its continuation (with one space).

    >>> [tuple(b) for b in text_blocks("Title\\r\\n\\n  • A fact.\\n    More.")]
    [('Title', 1, 0, False, None), ('A fact.', 3, 2, True, None), ('More.', 4, 4, False, None)]
    """
    out: list[Block] = []
    column = last = -1  # the text column and the last line of the block before
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = _CONTROL.sub("", raw) if _CONTROL.search(raw) else raw
        stripped = line.strip()
        if not stripped:  # also lines holding only U+00A0 (an empty <p>&nbsp;</p>)
            continue
        match = _MARKER.match(line)
        indent = match.group(1).replace("\t", "    ") if match is not None else ""
        marker = match is not None and match.group(2) is not None
        body = line[match.end() :].strip() if match is not None and marker else stripped
        if (
            out
            and not marker
            and number == last + 1
            and len(indent) == column
            and column + len(out[-1].text) >= _WRAPPED
            and not out[-1].text.endswith(PARAGRAPH_END)
            and not _STAMP_START.match(fold(body))
        ):
            out[-1] = out[-1]._replace(text=f"{out[-1].text} {body}")
            last = number
            continue
        # Where the text starts: after the indentation, and after the marker and its spaces.
        column = len(indent) + (match.end() - len(match.group(1)) if match is not None and marker else 0)
        last = number
        out.append(Block(body, number, len(indent), marker))
    return out


# --- the stamp, the title, the language -------------------------------------------------------------

_MONTHS = {
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)},
    **{m: i for i, m in enumerate("janv fevr mars avr mai juin juil aout sept oct nov dec".split(), start=1)},
    "sept": 9,
    "june": 6,
    "july": 7,
}
_STAMP = re.compile(
    r"(?:last updated|mis a jour le|derniere mise a jour)\s?:?\s?"
    r"(?:(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4})|(\d{4})-(\d{2})-(\d{2})|([a-z]{3,9})\.? (\d{1,2}),? (\d{4}))"
    r"(?:,? \d{1,2}[:h]\d{2})?\s?\Z"
)
_STAMP_START = re.compile(r"(?:last updated|mis a jour le|derniere mise a jour)\b")


def parse_stamp(line: str) -> PartialDate | None:
    """The edition date of a "last updated" line, or ``None`` if the line is no such stamp.

    >>> parse_stamp("Last updated: 02 Apr. 2019 10:15").isoformat()
    '2019-04-02'
    >>> parse_stamp("Mis à jour le: 23 May. 2022 15:38").isoformat()
    '2022-05-23'
    >>> parse_stamp("Last updated 14-Mar-2012 09:20").isoformat()
    '2012-03-14'
    >>> parse_stamp("Last updated: April 2, 2019").isoformat()
    '2019-04-02'
    """
    match = _STAMP.match(fold(line))
    if match is None:
        return None
    if match.group(4) is not None:
        year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
    elif match.group(7) is not None:  # "April 2, 2019"
        month_number = _MONTHS.get(match.group(7)) or _MONTHS.get(match.group(7)[:3])
        if month_number is None:
            return None
        year, month, day = int(match.group(9)), month_number, int(match.group(8))
    else:
        name = match.group(2)
        month_number = _MONTHS.get(name) or _MONTHS.get(name[:3])
        if month_number is None:
            return None
        year, month, day = int(match.group(3)), month_number, int(match.group(1))
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValueError:
        return None


# The titles NATO has given its partner pages, folded (lowercase, no accents, ' for ’), up to the
# partner's name: "Relations with", "NATO’s relations with", "NATO cooperation with", "Partnership
# with", "Relations between NATO and", and the French "Relations avec", "Les relations de l’OTAN
# avec", "Coopération entre l’OTAN et", "Partenariat avec". Fixed words only: linear on any title.
TITLE_PREFIXES = (
    (
        "en",
        re.compile(r"(?:nato(?:'s)? |deepening )?(?:relations|cooperation|partnership) (?:with|between nato and) "),
    ),
    (
        "fr",
        re.compile(
            r"(?:(?:les|la|le) )?(?:relations|cooperation|partenariat) (?:de l'otan )?avec "
            r"|(?:(?:les|la|le) )?(?:relations|cooperation|partenariat) entre l'otan et "
        ),
    ),
)


def title_prefix(folded: str) -> "re.Match[str] | None":
    """The words before the partner's name in a folded partner-page title, or ``None``."""
    for _, pattern in TITLE_PREFIXES:
        found = pattern.match(folded)
        if found is not None:
            return found
    return None


# Site chrome a copy may print before the title (folded: the hyphen is a space).
_CHROME = re.compile(
    r"(?:nato (?:north atlantic treaty organi[sz]ation|otan|organisation du traite de l'atlantique nord)|nato|otan)\Z"
)

_FRENCH = frozenset(
    ("le la les des du de d l et avec en au aux est sont une un pour dans qui sur par ont a été").split()
)
_ENGLISH = frozenset(("the and with of in to is are has have was were for by from its which that this an on").split())
_WORD = re.compile(r"\w+")


def language_of_title(title: str) -> str | None:
    """``"en"`` or ``"fr"`` if ``title`` is that of a partner page, else ``None``.

    >>> language_of_title("NATO’s relations with the Republic of Moldova"), language_of_title("Relations avec le Japon")
    ('en', 'fr')
    >>> language_of_title("NATO cooperation with Colombia"), language_of_title("Coopération entre l’OTAN et l’Irak")
    ('en', 'fr')
    >>> language_of_title("NATO Secretary General visits Kazakhstan") is None
    True
    """
    folded = fold(title)
    for lang, pattern in TITLE_PREFIXES:
        found = pattern.match(folded)
        if found is not None and folded[found.end() :].strip():  # a name must follow
            return lang
    return None


def function_words(text: str) -> tuple[int, int, int]:
    """``(French, English, all)`` word counts: how much of the text is French or English."""
    words = _WORD.findall(fold(text))
    return sum(w in _FRENCH for w in words), sum(w in _ENGLISH for w in words), len(words)


def _refuse_title(title: str, line: int, whole: str) -> PageError:
    french, english, total = function_words(whole)
    if total >= 12 and (french + english) < 0.06 * total:
        return PageError(
            f"the page is in another language than French or English (title {title!r})",
            line,
            kind="unsupported-language",
        )
    where = f"line {line}: " if line else ""
    return PageError(
        f"{where}the title {title!r} is not that of a partner page "
        "('Relations with …', 'NATO’s relations with …', 'NATO cooperation with …', 'Relations avec …', "
        "'Les relations de l’OTAN avec …', 'Coopération entre l’OTAN et …')",
        line,
        kind="not-a-partner-page",
    )


# --- assembling -------------------------------------------------------------------------------------

# Headings that open the page's body: never a caption, even when unpunctuated before a bullet.
_OPENING_HEADINGS = frozenset(
    fold(h)
    for h in (
        "Highlights",
        "Points saillants",
        "More background information",
        "Key areas of cooperation",
        "Principaux domaines de coopération",
        "Framework for cooperation",
        "Cadre de la coopération",
        "Political dialogue",
        "Dialogue politique",
    )
)


_CAPTION_START = re.compile(r"(?:from )?left to right\b|de gauche a droite\b|\(?l to r\)?\b")


def _punctuated(text: str) -> bool:
    return text.rstrip().endswith(PARAGRAPH_END)


def assemble(blocks: list[Block], whole: str) -> Assembled:
    """Decide what each block is and write the canonical text; raises :class:`PageError` if no partner page.

    ``whole`` is the page's text (for the language test of a refusal).
    """
    unplaced: list[tuple[int, str, str]] = []
    i = 0
    # The title: the first line (markup: the <h1>) after any site chrome.
    while i < len(blocks) and blocks[i].hint != "title" and _CHROME.match(fold(blocks[i].text)):
        unplaced.append((blocks[i].line, blocks[i].text, "site chrome before the title"))
        i += 1
    titled = [k for k, b in enumerate(blocks) if b.hint == "title"]
    if titled:
        i = titled[0]
        unplaced.extend((b.line, b.text, "before the title") for b in blocks[:i])
    if i >= len(blocks):
        raise PageError("the page has no title: it is empty but for site chrome", kind="empty")
    if not titled and language_of_title(blocks[i].text) is None:
        # A copy may carry more of the site before the title (a skip link, a breadcrumb).
        later = next((k for k in range(i + 1, min(i + 8, len(blocks))) if language_of_title(blocks[k].text)), None)
        if later is not None and not blocks[later].marker:
            unplaced.extend((b.line, b.text, "before the title") for b in blocks[i:later])
            i = later
    title = blocks[i]
    if title.marker:
        raise PageError(f"line {title.line} is a bullet: a page starts with its title", title.line)
    language = language_of_title(title.text)
    if language is None:
        raise _refuse_title(title.text, title.line, whole)
    rest = blocks[i + 1 :]

    stamp: str | None = None
    edition: PartialDate | None = None
    captions: list[str] = []
    content: list[Block] = []
    pending_marker = False
    for b in rest:
        folded = fold(b.text)
        if _STAMP_START.match(folded):
            date = parse_stamp(b.text)
            if date is not None and stamp is None:
                stamp, edition = b.text, date
                continue
            reason = "a second 'last updated' line" if date is not None else "a 'last updated' date not understood"
            unplaced.append((b.line, b.text, reason))
            continue
        if b.hint == "caption":
            captions.append(b.text)
            continue
        if (b.marker and not b.text) or b.text in {"-", "•", "*", "–"}:  # a marker alone marks the next line
            pending_marker = True
            continue
        if pending_marker:
            b = b._replace(marker=True)
            pending_marker = False
        content.append(b)
    if not content:
        raise PageError(f"the page has a title ({title.text!r}) but no introduction or content", title.line)

    # Older pages may show photos before the introduction: captions, unpunctuated (or naming the
    # people on the photo, or ending with the photo's date in brackets), followed by the
    # introduction's paragraph.
    while (
        len(content) > 1
        and content[0].hint is None
        and not content[0].marker
        and (
            not _punctuated(content[0].text)
            or _CAPTION_START.match(fold(content[0].text))
            or cues.DATED_CAPTION.search(fold(content[0].text).rstrip())
        )
        and fold(content[0].text) not in _OPENING_HEADINGS
        and not content[1].marker
        and content[1].hint in (None, "paragraph")
        and _punctuated(content[1].text)
    ):
        captions.append(content.pop(0).text)
    intro = content[0]
    body = content[1:]
    # An image caption: the unpunctuated line between the introduction and the first bullet.
    # A photo's names ("Left to right: ...") may end with a full stop; its wording tells it.
    if (
        body
        and not body[0].marker
        and body[0].hint is None
        and (not _punctuated(body[0].text) or _CAPTION_START.match(fold(body[0].text)))
    ):
        nxt = body[1] if len(body) > 1 else None
        first = body[0]
        if (
            fold(first.text) not in _OPENING_HEADINGS
            and nxt is not None
            and (nxt.marker or nxt.depth > first.depth or fold(nxt.text) in _OPENING_HEADINGS)
        ):
            captions.append(first.text)
            body = body[1:]

    out: list[str] = [title.text, intro.text]
    lines: list[int] = [title.line, intro.line]
    accordion: int | None = None  # depth of the bullet that heads the open accordion section
    for k, b in enumerate(body):
        nxt = body[k + 1] if k + 1 < len(body) else None
        punctuated = _punctuated(b.text)
        if b.hint in ("heading", "title"):
            kind = "paragraph" if punctuated else "heading"
            if b.depth <= (accordion if accordion is not None else -1):
                accordion = None
        elif b.marker:
            if accordion is not None and b.depth <= accordion:
                accordion = None
            if not punctuated and nxt is not None and nxt.depth > b.depth and not nxt.marker:
                kind, accordion = "heading", b.depth  # an accordion section's title
            else:
                kind = "bullet"
        elif accordion is not None and b.depth > accordion:
            kind = "paragraph" if punctuated else "heading"
        elif b.depth > 0 and b.hint is None:
            accordion = None
            kind = "bullet"  # a list copied without its markers: indentation only
        else:
            accordion = None
            kind = "paragraph" if punctuated else "heading"
        text = b.text
        if kind == "paragraph" and text.startswith("- "):
            kind, text = "bullet", text[2:].strip()
        if kind == "heading" and text.startswith("- "):
            text = text[2:].strip()
            kind = "paragraph" if _punctuated(text) else "heading"
        if not text:
            unplaced.append((b.line, b.text, "no text once its marks are removed"))
            continue
        out.append("- " + text if kind == "bullet" else text)
        lines.append(b.line)
    return Assembled(
        text="\n".join(out),
        lines=tuple(lines),
        language=language,
        stamp=stamp,
        edition=edition,
        captions=tuple(captions),
        unplaced=tuple(unplaced),
    )
