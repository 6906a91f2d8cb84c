"""Step 2 of reading a sentence: its words (tokens) and the vocabulary names found in them (mentions).

Names are compared as words: folded (case, accents, apostrophes, hyphens), without articles, and
singular; acronyms are compared case-sensitively, exactly as written. A name inside a longer name
of the same kind is part of that name, not a mention of its own ("PPP" in "processus ... du PPP").
Offsets are those of the sentence: folding maps one character to one, so they hold in both.
"""

import functools
import itertools
import operator
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

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


# A page repeats its words: each is made singular once. A pure function of the word, so the cache
# holds nothing of a page or a vocabulary; bounded, so a page of unique words cannot grow it.
_norm = functools.lru_cache(maxsize=1 << 14)(norm)


class Token(NamedTuple):
    """A word of a sentence: as written, folded and singular, and its character offsets.

    A named tuple rather than a record: a page makes hundreds of tokens, and a tuple is made
    about twice as fast as a frozen attrs instance.
    """

    raw: str
    norm: str
    start: int
    end: int


_new = tuple.__new__  # builds a named tuple without a Python-level __new__ call


def tokens(text: str, low: str | None = None) -> list[Token]:
    """The words of a sentence, in order; ``low`` is ``fold_chars(text)`` if the caller has it already.

    >>> [(t.raw, t.norm, t.start) for t in tokens("Les Forces d’OTAN")]
    [('Les', 'les', 0), ('Forces', 'force', 4), ('d', 'd', 11), ('OTAN', 'otan', 13)]
    """
    if low is None:
        low = fold_chars(text)
    out: list[Token] = []
    add = out.append
    for m in _TOKEN.finditer(low):
        start, end = m.span()
        add(_new(Token, (text[start:end], _norm(m.group()), start, end)))
    return out


class Mention(NamedTuple):
    """A vocabulary name found in a sentence: what it names, and where (tokens and characters).

    A named tuple, as :class:`Token` is: a sentence makes several.
    """

    kind: str  # "programme", "topic" or "partner"
    code: str
    first: int  # token indices, end exclusive
    last: int
    start: int  # character offsets in the sentence
    end: int


_RAW, _NORM = operator.itemgetter(0), operator.itemgetter(1)  # of a Token
_FIRST, _LAST = operator.itemgetter(2), operator.itemgetter(3)  # of a Mention
_IN_ORDER = operator.itemgetter(2, 0, 1)  # a Mention's first word, kind and code


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
        # By first word, (kind, code, words): the names, compared on content words folded and
        # singular, and the acronyms, compared on every word exactly as written. Words are lists,
        # compared at once with a slice of the sentence's.
        by_first: dict[str, list[tuple[str, str, list[str]]]] = {}
        self.acronyms: dict[str, list[tuple[str, str, list[str]]]] = {}
        self._forms = (by_first, self.acronyms)
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
        # (kind, code, words, part): whether the name is only a part of a topic's label, known
        # once every name is in.
        self.names: dict[str, list[tuple[str, str, list[str], bool]]] = {
            first: [(kind, code, words, (code, tuple(words)) in self.parts) for kind, code, words in forms]
            for first, forms in by_first.items()
        }

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
            self._forms[exact].setdefault(words[0], []).append((kind, code, list(words)))

    def mentions(self, tokens: Sequence[Token]) -> list[Mention]:
        """The names of the vocabulary in a sentence's tokens, outermost only, in reading order."""
        found: list[Mention] = []
        # Most words start no name: the loops below visit only the words that start one.
        names, acronyms = self.names, self.acronyms
        norms = list(map(_NORM, tokens))
        if not names.keys().isdisjoint(norms):
            # Names: on content words (articles skipped), folded and singular.
            content = [i for i, w in enumerate(norms) if w not in _SKIPPED]
            words = list(map(norms.__getitem__, content))
            for ci in [ci for ci, w in enumerate(words) if w in names]:
                i = content[ci]
                for kind, code, name, part in names[words[ci]]:
                    n = len(name)
                    if words[ci : ci + n] == name:
                        last = content[ci + n - 1] + 1
                        if part and _names_a_kind(tokens, i, last):
                            continue
                        found.append(_new(Mention, (kind, code, i, last, tokens[i].start, tokens[last - 1].end)))
        raws = list(map(_RAW, tokens))
        if not acronyms.keys().isdisjoint(raws):
            # Acronyms: on every word, exactly as written.
            for i in [i for i, w in enumerate(raws) if w in acronyms]:
                for kind, code, name in acronyms[raws[i]]:
                    n = len(name)
                    if raws[i : i + n] == name:
                        found.append(_new(Mention, (kind, code, i, i + n, tokens[i].start, tokens[i + n - 1].end)))
        if len(found) < 2:
            return found
        # In reading order: by first word, then the longest first (two stable sorts).
        found.sort(key=_LAST, reverse=True)
        found.sort(key=_FIRST)
        if all(a.last <= b.first for a, b in itertools.pairwise(found)):
            return found  # most sentences: no two names overlap, so none is inside another
        # A mention inside a longer one of the same kind is part of that name (PPP in "... du PPP").
        unique: dict[tuple[str, str, int], Mention] = {}
        for m in outermost(found):
            unique.setdefault((m.kind, m.code, m.first), m)
        return sorted(unique.values(), key=_IN_ORDER)


def outermost(found: Sequence[Mention]) -> list[Mention]:
    """The mentions not strictly inside a longer one of the same kind (of the same topic), in one sweep.

    ``found`` is in reading order: by first word, then by last word descending. A span is inside
    another if that one starts no later and ends no earlier; in that order every container of a
    span comes before it (spans equal to it aside), so the largest end seen before, per kind, is
    all that needs remembering. Comparing every pair was quadratic in the mentions of a sentence,
    and a hostile page can hold a sentence of thousands of names.
    """
    kept: list[Mention] = []
    # Per kind: the current run of equal spans (first, last), the largest end before the run, and
    # the largest end so far. A topic inside the name of another topic is an area of its own
    # ("cyber defence" in "cyber defence exercises"): topics are compared with the names of the
    # same topic only.
    runs: dict[tuple[str, str], tuple[int, int, int, int]] = {}
    for m in found:
        group = (m.kind, m.code if m.kind == "topic" else "")
        run = runs.get(group)
        if run is not None and run[0] == m.first and run[1] == m.last:
            before, reach = run[2], run[3]
        else:
            before = reach = -1 if run is None else run[3]
        if before < m.last:
            kept.append(m)
        runs[group] = (m.first, m.last, before, max(reach, m.last))
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
