"""Step 2 of reading a sentence: its words (tokens) and the vocabulary names found in them (mentions).

Names are compared as words: folded (case, accents, apostrophes, hyphens), without articles, and
singular; acronyms are compared case-sensitively, exactly as written. A name inside a longer name
of the same kind is part of that name, not a mention of its own ("PPP" in "processus ... du PPP").
Offsets are those of the sentence: folding maps one character to one, so they hold in both.
"""

import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from partnerdata._model.records import Partner, Programme, Text, Topic
from partnerdata._model.text import fold_chars

__all__ = ["STOP", "Matcher", "Mention", "Token", "codes", "matcher", "tokens"]

# Articles and particles: skipped when names are compared ("le Partenariat pour la paix").
STOP = frozenset("le la les l un une des de du d au aux en a the an s".split())
# Possessives are skipped too, so that a page's "ses frontières" or "its border security" still
# names the topic; they never tell two names apart.
_POSSESSIVES = frozenset("son sa ses leur leurs its their".split())
_SKIPPED = STOP | _POSSESSIVES
_TOKEN = re.compile(r"\w+")


def norm(word: str) -> str:
    """A folded word without its plural ending ("forces" -> "force"), as names are compared."""
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "su":
        return word[:-1]
    return word


@frozen
class Token:
    """A word of a sentence: as written, folded and singular, and its character offsets."""

    raw: str
    norm: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """The words of a sentence, in order.

    >>> [(t.raw, t.norm, t.start) for t in tokens("Les Forces d’OTAN")]
    [('Les', 'les', 0), ('Forces', 'force', 4), ('d', 'd', 11), ('OTAN', 'otan', 13)]
    """
    low = fold_chars(text)
    return [Token(text[m.start() : m.end()], norm(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(low)]


@frozen
class Mention:
    """A vocabulary name found in a sentence: what it names, and where (tokens and characters)."""

    kind: str  # "programme", "topic" or "partner"
    code: str
    first: int  # token indices, end exclusive
    last: int
    start: int  # character offsets in the sentence
    end: int


# --- the vocabulary as surface forms -----------------------------------------------------------


def _acronym_like(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 12 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


class Matcher:
    """Every surface form of the vocabulary, ready for matching in a sentence's tokens."""

    def __init__(self, vocabulary: Any) -> None:
        self.partners: dict[str, Partner] = {p.alpha3: p for p in vocabulary.partners}
        self.programmes: dict[str, Programme] = {p.code: p for p in vocabulary.programmes}
        self.topics: dict[str, Topic] = {t.code: t for t in vocabulary.topics}
        # (kind, code, words, case-sensitive)
        self.forms: dict[str, list[tuple[str, str, tuple[str, ...], bool]]] = {}
        # (topic, words) of the names that are only a part of a topic's label (see _parts)
        self.parts: set[tuple[str, tuple[str, ...]]] = set()
        for p in self.programmes.values():
            names = [p.code, *_texts(p.name, p.acronym), *p.aliases]
            self._add("programme", p.code, names)
        for t in self.topics.values():
            labels = _texts(t.label)
            names = [t.code.replace("-", " "), *labels, *t.aliases]
            self._add("topic", t.code, names)
            whole = {_words(name) for name in names}
            for part in _parts(labels):
                if _words(part) not in whole:  # a part that is also a name of its own is a name
                    self.parts.add((t.code, _words(part)))
                    self._add("topic", t.code, [part])
        for pa in self.partners.values():
            self._add("partner", pa.alpha3, [*_texts(pa.name, pa.official_name), *pa.aliases])

    def _add(self, kind: str, code: str, names: Iterable[str]) -> None:
        seen: set[tuple[tuple[str, ...], bool]] = set()
        for name in names:
            exact = _acronym_like(name)
            if exact:
                words = tuple(m.group() for m in _TOKEN.finditer(name))
            else:
                words = tuple(t.norm for t in tokens(name) if t.norm not in _SKIPPED)
            if not words or (words, exact) in seen:
                continue
            seen.add((words, exact))
            self.forms.setdefault(words[0], []).append((kind, code, words, exact))

    def mentions(self, tokens: Sequence[Token]) -> list[Mention]:
        """The names of the vocabulary in a sentence's tokens, outermost only, in reading order."""
        content = [i for i, t in enumerate(tokens) if t.norm not in _SKIPPED]
        found: list[Mention] = []
        # Names: on content words (articles skipped), folded and singular.
        for ci, i in enumerate(content):
            for kind, code, words, exact in self.forms.get(tokens[i].norm, ()):
                if exact:
                    continue
                n = len(words)
                if ci + n <= len(content) and all(tokens[content[ci + k]].norm == words[k] for k in range(n)):
                    last = content[ci + n - 1] + 1
                    if (code, words) in self.parts and _names_a_kind(tokens, i, last):
                        continue
                    found.append(Mention(kind, code, i, last, tokens[i].start, tokens[last - 1].end))
        # Acronyms: on every word, exactly as written.
        for i, tok in enumerate(tokens):
            for kind, code, words, exact in self.forms.get(tok.raw, ()):
                n = len(words)
                if exact and i + n <= len(tokens) and all(tokens[i + k].raw == words[k] for k in range(n)):
                    found.append(Mention(kind, code, i, i + n, tok.start, tokens[i + n - 1].end))
        # A mention inside a longer one of the same kind is part of that name (PPP in "... du PPP").
        kept = outermost(found)
        unique: dict[tuple[str, str, int], Mention] = {}
        for m in sorted(kept, key=lambda m: (m.first, -m.last)):
            unique.setdefault((m.kind, m.code, m.first), m)
        return sorted(unique.values(), key=lambda m: (m.first, m.kind, m.code))


def outermost(found: list[Mention]) -> list[Mention]:
    """The mentions not strictly inside a longer one of the same kind (of the same topic), in one sorted sweep.

    A span is inside another if that one starts no later and ends no earlier; sorted by start, then
    by end descending, every container of a span comes before it (spans equal to it aside), so the
    largest end seen before is all that needs remembering. Comparing every pair was quadratic in
    the mentions of a sentence, and a hostile page can hold a sentence of thousands of names.
    """
    kept: list[Mention] = []
    # A topic inside the name of another topic is an area of its own ("cyber defence" in "cyber
    # defence exercises"): topics are compared with the names of the same topic only.
    by_kind: dict[tuple[str, str], list[Mention]] = {}
    for m in found:
        by_kind.setdefault((m.kind, m.code if m.kind == "topic" else ""), []).append(m)
    for mentions in by_kind.values():
        mentions.sort(key=lambda m: (m.first, -m.last))
        reach = -1  # the largest end among spans before the current group of equal spans
        i = 0
        while i < len(mentions):
            j = i
            span = (mentions[i].first, mentions[i].last)
            while j < len(mentions) and (mentions[j].first, mentions[j].last) == span:
                j += 1
            if reach < span[1]:
                kept.extend(mentions[i:j])
            reach = max(reach, span[1])
            i = j
    return kept


# A topic's label often lists several areas ("arms control, disarmament, non-proliferation",
# "maîtrise des armements, désarmement et non-prolifération"): a page names one of them alone.
_LIST_CUT = re.compile(r",\s*|\s+(?:and|et)\s+")


def _parts(labels: Iterable[str]) -> list[str]:
    """The parts of listing labels that are names on their own: two content words or more.

    A part that opens on an article or preposition leans on the part before ("et du secteur de la
    sécurité") and is left out; if it also carries a complement of its own, that complement is
    shared by every part ("établissement des plans et des budgets de défense") and the label gives
    no part at all.

    >>> _parts(["border security and control", "renforcement des capacités et de l'interopérabilité"])
    ['border security', 'renforcement des capacités']
    >>> _parts(["établissement des plans et des budgets de défense"])
    []
    """
    out: list[str] = []
    for label in labels:
        pieces = [[t.norm for t in tokens(piece)] for piece in _LIST_CUT.split(label)]
        if len(pieces) < 2 or not pieces[-1]:
            continue
        last = pieces[-1]
        if last[0] in _SKIPPED and sum(w not in _SKIPPED for w in last) >= 2:
            continue
        for words, piece in zip(pieces, _LIST_CUT.split(label), strict=True):
            if words and words[0] not in _SKIPPED and sum(w not in _SKIPPED for w in words) >= 2:
                out.append(piece)
    return out


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens(name) if t.norm not in _SKIPPED)


_KIND_NOUNS = frozenset({"programme", "program", "initiative"})


def _names_a_kind(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether the words ``first:last`` qualify a programme noun ("a capacity building programme",
    "un programme de renforcement des capacités"): they name a kind of programme, not a topic."""
    if last < len(tokens) and tokens[last].norm in _KIND_NOUNS:
        return True
    return first >= 2 and tokens[first - 1].norm in {"de", "d"} and tokens[first - 2].norm in _KIND_NOUNS


def _texts(*texts: Text | None) -> list[str]:
    return [s for t in texts if t is not None for s in (t.fr, t.en) if s is not None]


_matchers: dict[tuple[int, ...], tuple[Any, Matcher]] = {}
_matchers_lock = threading.Lock()


def matcher(vocabulary: Any) -> Matcher:
    """The :class:`Matcher` of a vocabulary, built once and kept for the next page."""
    key = (id(vocabulary.partners), id(vocabulary.programmes), id(vocabulary.topics))
    with _matchers_lock:
        found = _matchers.get(key)
        if found is not None and found[0] is vocabulary:
            return found[1]
        built = Matcher(vocabulary)
        if len(_matchers) > 8:
            _matchers.clear()
        _matchers[key] = (vocabulary, built)  # the reference keeps the ids from being reused
        return built


def codes(mentions: Iterable[Mention], kind: str) -> list[str]:
    """The codes of the mentions of one kind, each once, in order of first mention."""
    out: list[str] = []
    for m in mentions:
        if m.kind == kind and m.code not in out:
            out.append(m.code)
    return out
