"""Splitting a page's text into lines, sections and sentences: the numbering evidence points into.

Kept apart from the public page types (:mod:`partnerdata._ingest.page`) and free of attrs classes, so that
checking a dataset's evidence costs a plain split of each page and nothing more. The numbering is
part of the data format (see :class:`partnerdata.Evidence`): ``sections[0]`` is the head (item 0
the title, item 1 the introduction), ``sections[1:]`` the page's sections in order.
"""

import re

from partnerdata._model.text import fold

# An item: (kind, text without the bullet mark, line number from 1, sentences).
Item = tuple[str, str, int, tuple[str, ...]]
# A section: (heading or None, the heading's line number or None, items).
Section = tuple[str | None, int | None, tuple[Item, ...]]


# A sentence ends at . ! ? … (possibly followed by a closing quote or bracket) before white space
# and a capital letter, a digit or an opening quote.
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][»\"”)])|(?<=[.!?…]\s[»”]))"  # after end punctuation, maybe a closing quote
    r"\s+(?=[«\"“(]?\s?[A-ZÀ-ÖØ-Þ0-9])"  # white space, then a capital, a digit or an opening quote
)


# Words after which a full stop does not end a sentence (titles, initials, common abbreviations).
_ABBREVIATIONS = frozenset(
    fold(w)
    for w in (
        "M Mme Mmes MM Mr Mrs Ms Dr Pr Prof St Ste Gen Gén Lt Col Cdt Capt Maj Sgt Adm No Nos n° vs cf p pp art "
        "approx env Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec janv févr avr juil sept oct nov déc "
        "U.S U.K U.N e.g i.e Inc Ltd Co"
    ).split()
)
_MARK = re.compile("[.!?…]")  # the marks _SENTENCE_END looks behind for
PARAGRAPH_END = (".", "!", "?", "…", ":", ";")
_WINDOW = 64


def split_sentences(text: str) -> tuple[str, ...]:
    """Split a line into sentences at end punctuation followed by a capital or a digit.

    >>> split_sentences("Relations began in 1992. In 1994, it joined the PfP.")
    ('Relations began in 1992.', 'In 1994, it joined the PfP.')
    >>> split_sentences("Talks with Mr. Smith and Dr. Jones began.")
    ('Talks with Mr. Smith and Dr. Jones began.',)
    """
    stripped = text.strip()
    # Every sentence end follows a mark that has text after it: without one, the line is one
    # sentence, found without the costly search for ends (most lines of a page are one).
    if _MARK.search(stripped, 0, len(stripped) - 1) is None:
        return (stripped,) if stripped else ()
    return _split(stripped)


def _split(stripped: str) -> tuple[str, ...]:
    """The sentences of a stripped line, by the search for sentence ends."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(stripped):
        # The word before the stop, read from a window: the sentence so far can be long when many
        # stops in a row are not sentence ends ("A. B. C."), and reading it whole would be quadratic.
        window = max(start, match.start() - _WINDOW)
        tail = stripped[window : match.start()].rstrip('»"”) ')
        parts = tail.rsplit(None, 1)
        if not parts and window > start:  # only spaces and quotes in the window: look further back
            parts = stripped[start : match.start()].rstrip('»"”) ').rsplit(None, 1)
        if not parts:
            word = ""
        elif len(parts) == 1 and window > start and not stripped[window - 1].isspace():
            word = "-" * _WINDOW  # a word longer than the window: no abbreviation is that long
        else:
            word = parts[-1]
        word = word.rstrip(".!?…")
        if fold(word.lstrip('(«"“')) in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        out.append(stripped[start : match.start()])
        start = match.end()
    out.append(stripped[start:])
    return tuple(s for s in out if s)


def layout(text: str, *, sentences: bool = True) -> tuple[Section, ...]:
    """The sections of a page's text; raises ``ValueError`` if it has no title and introduction.

    Lines starting with ``- `` are bullets, lines ending in sentence punctuation are paragraphs,
    other non-blank lines are headings; bullets before any heading form a section without one.
    Without ``sentences``, items hold no sentences (``()``): :func:`sentence_at` then splits
    only the items it is asked about.
    """

    def _item(kind: str, text: str, line: int) -> Item:
        return (kind, text, line, split_sentences(text) if sentences else ())

    lines = text.split("\n")
    if len(lines) < 2 or not lines[0].strip() or not lines[1].strip():
        raise ValueError("a page starts with a title line and an introduction line")
    sections: list[Section] = [(None, None, (_item("title", lines[0], 1), _item("introduction", lines[1], 2)))]
    heading: str | None = None
    heading_line: int | None = None
    items: list[Item] = []
    started = False
    for number, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        if line.startswith("- "):
            items.append(_item("bullet", line[2:], number))
            started = True
        elif line.rstrip().endswith(PARAGRAPH_END):
            items.append(_item("paragraph", line, number))
            started = True
        else:
            if started:
                sections.append((heading, heading_line, tuple(items)))
            heading, heading_line, items, started = line, number, [], True
    if started:
        sections.append((heading, heading_line, tuple(items)))
    return tuple(sections)


def sentence_at(
    sections: tuple[Section, ...],
    section: int,
    item: int,
    sentence: int,
    split: "dict[tuple[int, int], tuple[str, ...]] | None" = None,
) -> str | None:
    """The sentence at that place, or ``None`` if there is no such place.

    For sections laid out without sentences, ``split`` keeps each item's sentences once split.
    """
    if min(section, item, sentence) < 0:
        return None
    try:
        found = sections[section][2][item]
        if split is None:
            return found[3][sentence]
        said = split.get((section, item))
        if said is None:
            said = split[section, item] = split_sentences(found[1])
        return said[sentence]
    except IndexError:
        return None
