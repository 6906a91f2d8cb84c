"""Reading a page's plain text into its parts: head, sections, items and sentences.

The layout follows the seed pages: the title line, the introduction line, then heading lines,
bullet lines (``- ``) and paragraph lines (ending in sentence punctuation). Evidence points into
this structure, so the numbering here is part of the data format (see :class:`Evidence`).
"""

import re

from attrs import frozen

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
_PARAGRAPH_END = (".", "!", "?", "…", ":", ";")


@frozen(kw_only=True)
class PageItem:
    kind: str  # "title", "introduction", "bullet" or "paragraph"
    text: str
    sentences: tuple[str, ...]


@frozen(kw_only=True)
class PageSection:
    heading: str | None
    items: tuple[PageItem, ...]


@frozen(kw_only=True)
class Page:
    sections: tuple[PageSection, ...]  # sections[0] is the head: title and introduction

    def sentence(self, section: int, item: int, sentence: int) -> str | None:
        """The sentence at that place, or ``None`` if the page has no such place."""
        try:
            return self.sections[section].items[item].sentences[sentence]
        except IndexError:
            return None


def split_sentences(text: str) -> tuple[str, ...]:
    """Split a line into sentences at end punctuation followed by a capital or a digit."""
    return tuple(s for s in _SENTENCE_END.split(text.strip()) if s)


def _item(kind: str, text: str) -> PageItem:
    return PageItem(kind=kind, text=text, sentences=split_sentences(text))


def parse(text: str) -> Page:
    """Split a page's text into head and sections; raises ``ValueError`` if it is no page."""
    lines = text.split("\n")
    if len(lines) < 2 or not lines[0].strip() or not lines[1].strip():
        raise ValueError("a page starts with a title line and an introduction line")
    head = PageSection(heading=None, items=(_item("title", lines[0]), _item("introduction", lines[1])))
    sections: list[PageSection] = [head]
    heading: str | None = None
    items: list[PageItem] = []
    started = False
    for line in lines[2:]:
        if not line.strip():
            continue
        if line.startswith("- "):
            items.append(_item("bullet", line[2:]))
            started = True
        elif line.rstrip().endswith(_PARAGRAPH_END):
            items.append(_item("paragraph", line))
            started = True
        else:
            if started:
                sections.append(PageSection(heading=heading, items=tuple(items)))
            heading, items, started = line, [], True
    if started:
        sections.append(PageSection(heading=heading, items=tuple(items)))
    return Page(sections=tuple(sections))
