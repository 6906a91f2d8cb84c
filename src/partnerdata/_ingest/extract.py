"""From a parsed page to draft records: the facts of ``extraction-conventions.md``, with evidence.

Recognition is driven by the vocabulary: programmes, partners and topics are found by their names,
acronyms and aliases in both languages (a new vocabulary entry is enough for the extractor to find
it). Names are compared as words: folded (case, accents, apostrophes, hyphens), without articles,
and singular; acronyms are compared case-sensitively. The rest is a handful of cue words in
French and English for what a sentence says: a start, a joining, a cycle, a refusal.
"""

import itertools
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from partnerdata._ingest import cues
from partnerdata._ingest.page import Page, parse_page
from partnerdata._io.load import quietly
from partnerdata._model.errors import NotFoundError
from partnerdata._model.records import (
    Channel,
    CooperationPlan,
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Relation,
    Source,
    Stance,
    Statement,
    Text,
    Topic,
    UnitDesignation,
)
from partnerdata._model.text import fold_chars, fold_marks

__all__ = ["Extraction", "extract"]

# Text is matched in its folded form (fold_chars: one character for one, so offsets hold).
plain = fold_chars


def _words(text: str) -> list[str]:
    return text.split()


_STOP = frozenset(_words("le la les l un une des de du d au aux en a the an s"))
_TOKEN = re.compile(r"\w+")


def _norm(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "su":
        return word[:-1]
    return word


@frozen
class _Token:
    raw: str
    norm: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    low = plain(text)
    return [_Token(text[m.start() : m.end()], _norm(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(low)]


@frozen
class _Mention:
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


class _Matcher:
    """Every surface form of the vocabulary, ready for matching in a sentence's tokens."""

    def __init__(self, vocabulary: Any) -> None:
        self.partners: dict[str, Partner] = {p.alpha3: p for p in vocabulary.partners}
        self.programmes: dict[str, Programme] = {p.code: p for p in vocabulary.programmes}
        self.topics: dict[str, Topic] = {t.code: t for t in vocabulary.topics}
        # (kind, code, words, case-sensitive)
        self.forms: dict[str, list[tuple[str, str, tuple[str, ...], bool]]] = {}
        for p in self.programmes.values():
            names = [p.code, *_texts(p.name, p.acronym), *p.aliases]
            self._add("programme", p.code, names)
        for t in self.topics.values():
            self._add("topic", t.code, [t.code.replace("-", " "), *_texts(t.label), *t.aliases])
        for pa in self.partners.values():
            self._add("partner", pa.alpha3, [*_texts(pa.name, pa.official_name), *pa.aliases])

    def _add(self, kind: str, code: str, names: Iterable[str]) -> None:
        seen: set[tuple[tuple[str, ...], bool]] = set()
        for name in names:
            exact = _acronym_like(name)
            if exact:
                words = tuple(m.group() for m in _TOKEN.finditer(name))
            else:
                words = tuple(t.norm for t in _tokens(name) if t.norm not in _STOP)
            if not words or (words, exact) in seen:
                continue
            seen.add((words, exact))
            self.forms.setdefault(words[0], []).append((kind, code, words, exact))

    def mentions(self, tokens: Sequence[_Token]) -> list[_Mention]:
        content = [i for i, t in enumerate(tokens) if t.norm not in _STOP]
        found: list[_Mention] = []
        # Names: on content words (articles skipped), folded and singular.
        for ci, i in enumerate(content):
            for kind, code, words, exact in self.forms.get(tokens[i].norm, ()):
                if exact:
                    continue
                n = len(words)
                if ci + n <= len(content) and all(tokens[content[ci + k]].norm == words[k] for k in range(n)):
                    last = content[ci + n - 1] + 1
                    found.append(_Mention(kind, code, i, last, tokens[i].start, tokens[last - 1].end))
        # Acronyms: on every word, exactly as written.
        for i, tok in enumerate(tokens):
            for kind, code, words, exact in self.forms.get(tok.raw, ()):
                n = len(words)
                if exact and i + n <= len(tokens) and all(tokens[i + k].raw == words[k] for k in range(n)):
                    found.append(_Mention(kind, code, i, i + n, tok.start, tokens[i + n - 1].end))
        # A mention inside a longer one of the same kind is part of that name (PPP in "... du PPP").
        kept = _outermost(found)
        unique: dict[tuple[str, str, int], _Mention] = {}
        for m in sorted(kept, key=lambda m: (m.first, -m.last)):
            unique.setdefault((m.kind, m.code, m.first), m)
        return sorted(unique.values(), key=lambda m: (m.first, m.kind, m.code))


def _outermost(found: list[_Mention]) -> list[_Mention]:
    """The mentions not strictly inside a longer one of the same kind, in one sorted sweep.

    A span is inside another if that one starts no later and ends no earlier; sorted by start, then
    by end descending, every container of a span comes before it (spans equal to it aside), so the
    largest end seen before is all that needs remembering. Comparing every pair was quadratic in
    the mentions of a sentence, and a hostile page can hold a sentence of thousands of names.
    """
    kept: list[_Mention] = []
    by_kind: dict[str, list[_Mention]] = {}
    for m in found:
        by_kind.setdefault(m.kind, []).append(m)
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


def _texts(*texts: Text | None) -> list[str]:
    return [s for t in texts if t is not None for s in (t.fr, t.en) if s is not None]


_matchers: dict[tuple[int, ...], tuple[Any, _Matcher]] = {}
_matchers_lock = threading.Lock()


def _matcher(vocabulary: Any) -> _Matcher:
    key = (id(vocabulary.partners), id(vocabulary.programmes), id(vocabulary.topics))
    with _matchers_lock:
        found = _matchers.get(key)
        if found is not None and found[0] is vocabulary:
            return found[1]
        matcher = _Matcher(vocabulary)
        if len(_matchers) > 8:
            _matchers.clear()
        _matchers[key] = (vocabulary, matcher)  # the reference keeps the ids from being reused
        return matcher


@frozen(kw_only=True)
class Extraction:
    """What :func:`extract` read from a page: the draft relation, its partner and source, and what it could not place.

    ``unplaced`` holds the evidence of every sentence (the title aside) in which the extractor
    recognised nothing: no fact, programme, partner or topic. Every sentence is also a statement
    of ``relation``, so nothing of the page is dropped.

    >>> import partnerdata
    >>> page = partnerdata.parse_page("Relations with Georgia\\nNATO and Georgia talk.\\n- Relations began in 1992.")
    >>> result = partnerdata.extract(page)
    >>> result.partner.alpha3, result.relation.relations_since.year
    ('GEO', 1992)
    >>> [ev.quote for ev in result.unplaced]
    ['NATO and Georgia talk.']
    """

    partner: Partner
    relation: Relation
    source: Source
    unplaced: tuple[Evidence, ...]


class _Sentence:
    """One sentence of the page with what was recognised in it."""

    def __init__(self, page: Page, place: tuple[int, int, int], text: str, matcher: _Matcher, source: str) -> None:
        self.place = place
        self.text = text
        self.low = plain(text)
        self.tokens = _tokens(text)
        self.mentions = matcher.mentions(self.tokens)
        self.heading = page.sections[place[0]].heading
        self.evidence = Evidence(source=source, section=place[0], item=place[1], sentence=place[2], quote=text)
        # A name inside a negated clause is not a cooperation ("ne met pas d'unités ... à disposition
        # d'opérations dirigées par l'OTAN"); a stance topic is the partner's stance, not a cooperation.
        self.negated = _negated_spans(self.low, self.tokens)
        self.affirmed = [
            m
            for m in self.mentions
            if not _within(m, self.negated) and not (m.kind == "topic" and m.code in cues.STANCE_TOPICS)
        ]
        self.named_programmes = _codes(self.mentions, "programme")
        self.stance_topics = [c for c in _codes(self.mentions, "topic") if c in cues.STANCE_TOPICS]
        self.own_programmes = _codes(self.affirmed, "programme")
        self.own_topics = _codes(self.affirmed, "topic")
        self.partners = _codes(self.mentions, "partner")
        self.programmes = list(self.own_programmes)
        self.topics = list(self.own_topics)
        self.years = [(int(m.group(1)), m.start(1)) for m in cues.YEAR.finditer(self.low)]
        self.used_years: set[int] = set()
        self.placed = any(m.kind != "partner" for m in self.mentions)

    def first_mention(self, code: str) -> _Mention | None:
        return next((m for m in self.mentions if m.kind == "programme" and m.code == code), None)


def _negated_spans(low: str, tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """The character spans of a sentence's negated clauses: from a negation cue to its clause's end.

    Cues: ne/n' ... pas (plus, jamais, aucun, rien, ni), ni, sans, aucun, jamais, not, n't, no,
    never, neither, nor, without, cannot; idioms that affirm ("sans oublier", "not only") are not
    cues. A clause ends at ``;``, ``:`` or a word that opens a clause of its own (mais, but, while).
    """
    words = [low[t.start : t.end] for t in tokens]
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, (word, token) in enumerate(zip(words, tokens, strict=True)):
        if opened is not None and (word in cues.CLAUSE_BREAK or _breaks(low[tokens[i - 1].end : token.start])):
            spans.append((opened, tokens[i - 1].end))
            opened = None
        if opened is None and _negation_cue(low, words, tokens, i):
            opened = token.start
    if opened is not None:
        spans.append((opened, len(low)))
    return spans


def _breaks(between: str) -> bool:
    return ";" in between or ":" in between


def _negation_cue(low: str, words: Sequence[str], tokens: Sequence[_Token], i: int) -> bool:
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in cues.NEGATION_WORDS:
        return (word, following) not in cues.NEGATION_IDIOMS
    if word == "ne" or (word == "n" and low[tokens[i].end : tokens[i].end + 1] == "'"):
        return any(w in cues.NEGATION_PAIRS for w in words[i + 1 : i + 1 + cues.NEGATION_PAIR_SPAN])
    # English "n't": the word before ends in n and an apostrophe joins them ("doesn't").
    return word == "t" and i > 0 and words[i - 1].endswith("n") and low[tokens[i - 1].end : tokens[i].start] == "'"


def _within(mention: _Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _codes(mentions: Iterable[_Mention], kind: str) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == kind and m.code not in out:
            out.append(m.code)
    return out


def _text(lang: str, value: str) -> Text:
    return Text(fr=value) if lang == "fr" else Text(en=value)


def _clean_clause(clause: str) -> str | None:
    clause = clause.strip().rstrip(".;:!?…").strip()
    clause = clause.rstrip(",").strip()
    return clause or None


def extract(
    page: Page | str, *, vocabulary: Any = None, source_id: str | None = None, url: str | None = None
) -> Extraction:
    """Read a partner page into a draft :class:`Relation`, following the extraction conventions.

    ``page`` is a :class:`Page` or the page's text; ``vocabulary`` is anything with ``partners``,
    ``programmes`` and ``topics`` (by default the packaged :class:`Dataset`); ``source_id`` names
    the page in the evidence (by default ``nato-<alpha3>-<language>``). Every sentence of the page
    but its title becomes a :class:`Statement` in the page's language; the facts (relations and
    PfP start, participations with start years, the cooperation plan, stance and units, dialogue
    channels, dated events) each cite the sentences they were read from. Raises
    :class:`NotFoundError` if the page names no partner of the vocabulary.

    >>> import partnerdata
    >>> text = (
    ...     "Relations avec le Kazakhstan\\n"
    ...     "L’OTAN et le Kazakhstan coopèrent dans plusieurs domaines.\\n"
    ...     "- Les relations ont débuté en 1992, quand le pays a rejoint le Conseil de coopération nord-atlantique.\\n"
    ...     "- Le Kazakhstan a adhéré au Partenariat pour la paix en 1995.\\n"
    ...     "- Le pays participe depuis 2002 au processus de planification et d'examen (PARP) du PPP."
    ... )
    >>> result = partnerdata.extract(text)
    >>> r = result.relation
    >>> r.partner, r.relations_since.year, r.relations_since.via, r.pfp_since, r.participation("PARP").since
    ('KAZ', 1992, 'NACC', 1995, 2002)
    >>> r.relations_since.evidence[0].locator
    'nato-kaz-fr#1.0.0'
    """
    if isinstance(page, str):
        page = parse_page(page)
    if vocabulary is None:
        from partnerdata._query.load import load

        vocabulary = load()
    matcher = _matcher(vocabulary)
    lang = page.language
    partner = _partner(page, matcher)
    source = source_id or f"nato-{partner.alpha3.lower()}-{lang}"
    # Tokens, mentions and sentences are many small objects without cycles: the cyclic GC walking
    # them again and again made the cost of a large page grow faster than its length.
    return quietly(lambda: _Extractor(page, matcher, partner, source, lang, url).run())


def _partner(page: Page, matcher: _Matcher) -> Partner:
    title = _tokens(page.title)
    in_title = _codes(matcher.mentions(title), "partner")
    if in_title:
        return matcher.partners[in_title[0]]
    counts: dict[str, int] = {}
    for _, sentence in page.sentences():
        for code in _codes(matcher.mentions(_tokens(sentence)), "partner"):
            counts[code] = counts.get(code, 0) + 1
    if counts:
        return matcher.partners[max(sorted(counts), key=lambda c: counts[c])]
    name = re.sub(
        r"^(?:NATO's\s+)?relations?\s+(?:with|avec)\s+(?:the\s+|la\s+|le\s+|l['’]\s*|les\s+)?",
        "",
        page.title,
        flags=re.I,
    )
    raise NotFoundError("partner", name)


class _Extractor:
    def __init__(
        self, page: Page, matcher: _Matcher, partner: Partner, source: str, lang: str, url: str | None
    ) -> None:
        self.page, self.m, self.partner, self.source, self.lang, self.url = page, matcher, partner, source, lang, url
        self.sentences = [
            _Sentence(page, place, text, matcher, source) for place, text in page.sentences() if place != (0, 0, 0)
        ]
        self.items: dict[tuple[int, int], list[_Sentence]] = {}
        for s in self.sentences:
            self.items.setdefault(s.place[:2], []).append(s)
        # (programme, year, sentence) for every statement of a start year, held once facts are known
        self.restated: list[tuple[str, int, _Sentence]] = []
        self._resolve_references()

    def kind(self, code: str) -> str:
        return self.m.programmes[code].kind

    def began_by(self, code: str, year: int) -> bool:
        founded = self.m.programmes[code].founded
        return founded is None or founded.year <= year

    def eligible(self, code: str) -> bool:
        return self.kind(code) not in cues.ELIGIBLE_EXCLUDED

    # Sentences that name nothing lean on the one before them in the same item.
    def _resolve_references(self) -> None:
        for sentences in self.items.values():
            previous: _Sentence | None = None
            for s in sentences:
                if previous is not None:
                    for match in cues.DEMONSTRATIVE.finditer(s.low):
                        wanted = cues.DEMONSTRATIVE_KINDS[match.group(1)]
                        for code in previous.programmes:
                            if wanted in self.kind(code) and code not in s.programmes:
                                s.programmes.append(code)
                    if not s.programmes:
                        s.programmes = list(previous.programmes)
                    if not s.topics:
                        s.topics = list(previous.topics)
                previous = s

    def run(self) -> Extraction:
        used: set[tuple[int, int, int]] = set()  # sentences that gave a fact
        relations_since = self._relations_since()
        cooperation_since = self._cooperation_since(relations_since)
        if relations_since and cooperation_since and cooperation_since[0].year < relations_since[0].year:
            cooperation_since = None
        since = self._participation_years()
        plan = self._plan(since)
        participations = self._participations(since, plan)
        self._hold_start_years(participations)
        stance = self._stance()
        channels = self._channels()
        for fact in (relations_since, cooperation_since):
            if fact is not None:
                fact[1].used_years.add(fact[0].year)
        for evs in (
            [relations_since[0]] if relations_since else [],
            [cooperation_since[0]] if cooperation_since else [],
            participations,
            [plan] if plan else [],
            channels,
            stance.designations,
            [stance] if stance.evidence else [],
        ):
            for record in evs:
                for ev in record.evidence:
                    if type(ev) is Evidence:  # an extraction quotes its page: never a citation
                        used.add((ev.section, ev.item, ev.sentence))
        events = self._events()
        for e in events:
            for ev in e.evidence:
                if type(ev) is Evidence:
                    used.add((ev.section, ev.item, ev.sentence))
        relation = Relation(
            partner=self.partner.alpha3,
            relations_since=relations_since[0] if relations_since else None,
            cooperation_since=cooperation_since[0] if cooperation_since else None,
            plan=plan,
            participations=participations,
            stance=stance,
            channels=channels,
            events=events,
            statements=[self._statement(s) for s in self.sentences],
        )
        unplaced = tuple(s.evidence for s in self.sentences if s.place not in used and not s.placed)
        source = Source.from_text(
            id=self.source,
            partner=self.partner.alpha3,
            language=self.lang,
            text=self.page.text or _rebuild(self.page),
            url=self.url,
            edition=self.page.edition,  # the page's "last updated" date, as the reader found it
        )
        return Extraction(partner=self.partner, relation=relation, source=source, unplaced=unplaced)

    def _statement(self, s: _Sentence) -> Statement:
        heading = None if s.place[0] == 0 or s.heading is None else _text(self.lang, s.heading)
        return Statement(
            text=_text(self.lang, s.text),
            heading=heading,
            topics=tuple(s.topics),
            programmes=tuple(s.programmes),
            evidence=s.evidence,
        )

    # --- milestones -------------------------------------------------------------------------

    def _relations_since(self) -> tuple[Milestone, _Sentence] | None:
        for s in self.sentences:
            if s.years and cues.RELATIONS.search(s.low) and cues.START.search(s.low):
                year = self._year_after(s, cues.START) or s.years[0][0]
                forums = [c for c in s.own_programmes if self.kind(c) == "forum" and self.began_by(c, year)]
                return Milestone(year=year, via=forums[0] if forums else None, evidence=(s.evidence,)), s
        for s in self.sentences:
            forums = [c for c in s.own_programmes if self.kind(c) == "forum"]
            forums = [c for c in forums if s.years and self.began_by(c, s.years[0][0])]
            if s.years and forums and cues.JOIN.search(s.low) and not cues.FRAMEWORK.search(s.low):
                return Milestone(year=s.years[0][0], via=forums[0], evidence=(s.evidence,)), s
        return None

    def _year_after(self, s: _Sentence, cue: "re.Pattern[str]") -> int | None:
        match = cue.search(s.low)
        if match is None:
            return None
        after = [y for y, at in s.years if at >= match.start()]
        return after[0] if after else None

    def _cooperation_since(self, relations: tuple[Milestone, _Sentence] | None) -> tuple[Milestone, _Sentence] | None:
        for s in self.sentences:
            if (relations is not None and s is relations[1]) or cues.RELATIONS.search(s.low):
                # One sentence for both starts ("Dialogue began in 1992 ..., and practical
                # cooperation followed when it joined the PfP in 1995"): the clause after the word.
                year = self._cooperation_clause_year(s)
                if year is None:
                    continue
            elif s.years and cues.COOPERATION.search(s.low) and cues.COOP_START.search(s.low):
                year = self._year_after(s, cues.COOP_START) or s.years[0][0]
            else:
                continue
            via = [c for c in s.own_programmes if self.kind(c) == "partnership-programme"]
            via = via or [c for c in s.own_programmes if self.eligible(c)]
            via = [c for c in via if self.began_by(c, year)]
            return Milestone(year=year, via=via[0] if via else None, evidence=(s.evidence,)), s
        return None

    def _cooperation_clause_year(self, s: _Sentence) -> int | None:
        """The year after "cooperation" began or followed, where the word is not part of a name."""
        # Names and words both come in order: one sweep, linear in the sentence.
        names = sorted((m.start, m.end) for m in s.mentions if m.kind == "programme")
        reach, n = -1, 0  # the furthest end among names starting before the current word
        for word in cues.COOPERATION.finditer(s.low):
            while n < len(names) and names[n][0] <= word.start():
                reach = max(reach, names[n][1])
                n += 1
            if word.start() < reach:
                continue  # the North Atlantic Cooperation Council is not cooperation starting
            if cues.COOP_START.search(s.low, word.end()) or cues.COOP_FOLLOW.search(s.low, word.end()):
                after = [y for y, at in s.years if at > word.end()]
                return after[0] if after else None
            return None  # the first free "cooperation" decides: searching on from each one is quadratic
        return None

    def _for_partner(self, s: _Sentence) -> bool:
        """Whether the sentence names this partner right after "for"/"pour" ("lancé pour la Moldavie")."""
        # A bounded look-behind: the preposition and an article fit in 12 characters.
        return any(
            m.kind == "partner"
            and m.code == self.partner.alpha3
            and cues.FOR_BEFORE.search(s.low[max(0, m.start - 12) : m.start])
            for m in s.mentions
        )

    def _participation_years(self) -> dict[str, tuple[int, _Sentence]]:
        """The start of this partner's participation in each programme, where the page gives it."""
        found: dict[str, tuple[int, _Sentence]] = {}
        for s in self.sentences:
            candidates = [m for m in s.affirmed if m.kind == "programme" and self.kind(m.code) != "forum"]
            candidates = [m for m in candidates if self.kind(m.code) not in {"organisation", "centre"}]
            if not candidates or not s.years:
                continue
            years: list[tuple[int, int]] = []
            for match in cues.SINCE.finditer(s.low):
                years.append((int(match.group(1)), match.start(1)))
            if not years and cues.JOIN.search(s.low):
                years = list(s.years)
            if not years and (cues.first_agreed(s.low) or cues.FIRST_AFTER_VERB.search(s.low)):
                years = list(s.years)
            if not years and cues.FORCES.search(s.low) and any(self.kind(m.code) == "operation" for m in candidates):
                # Troops in an operation "from 2004 to 2014": the range's first year starts the
                # participation (the range itself stays an event: its end is news).
                years = [(int(m.group(1)), m.start(1)) for m in cues.RANGE.finditer(s.low)]
            # "Allies launched for Moldova a capacity-building programme in 2014": a programme set up
            # for this partner starts its participation, even in the programme's founding year.
            for_partner = self._for_partner(s) and cues.LAUNCH.search(s.low) is not None
            if not years and for_partner:
                years = list(s.years)
            plans = any(self.kind(m.code) == "cooperation-plan" for m in candidates)
            if not years and plans and cues.FIRST_VERB.search(s.low) and not cues.RENEWAL.search(s.low):
                years = list(s.years)  # a plan adopted (not renewed) in a year: the partner's start in it
            for year, at in years:
                mention = min(candidates, key=lambda m: min(abs(m.start - at), abs(m.end - at)))
                programme = self.m.programmes[mention.code]
                founded = {programme.founded.year if programme.founded else None, programme.ended}
                if year in founded and cues.FRAMEWORK.search(s.low) and not for_partner:
                    continue
                if programme.founded is not None and year < programme.founded.year:
                    continue  # before the programme existed: not this partner's start in it
                if mention.code not in found:
                    found[mention.code] = (year, s)
                if found[mention.code][0] == year:
                    self.restated.append((mention.code, year, s))
        return found

    def _hold_start_years(self, participations: Sequence[Participation]) -> None:
        # A start year is no event only where a participation holds it: hosting a transit centre
        # for ISAF "since 2001" or a depository library "since 2010" gives no participation, so the
        # year stays an event rather than vanishing.
        held = {(p.programme, p.since) for p in participations if p.since is not None}
        for code, year, s in self.restated:
            if (code, year) in held:
                s.used_years.add(year)

    # --- plan, participations, channels --------------------------------------------------------

    def _plan(self, since: dict[str, tuple[int, _Sentence]]) -> CooperationPlan | None:
        # The plan named with its cycle wins; between plans equal on that, the one started last
        # (an IPCP from 2014, then an ITPP adopted in 2023: the ITPP is the plan now).
        best: tuple[tuple[int, int], str, _Sentence] | None = None
        for s in self.sentences:
            for code in s.own_programmes:
                if self.kind(code) != "cooperation-plan":
                    continue
                score = (2 if cues.CYCLE.search(s.low) else 1, since[code][0] if code in since else 0)
                if best is None or score > best[0]:
                    best = (score, code, s)
        if best is None:
            return None
        _, code, first = best
        evidence = [s for s in self.sentences if code in s.own_programmes]
        cycle: int | None = None
        renewal: Text | None = None
        # A sentence that opens on "the plan" continues the one before it ("... its first IPAP in
        # 2006. The plan is revised every two years."): its cycle is this plan's.
        places = {s.place for s in evidence}
        following = [
            nxt
            for item in self.items.values()
            for s, nxt in itertools.pairwise(item)
            if s.place in places and cues.PLAN_REFERENCE.match(nxt.low)
        ]
        for s in [first, *evidence, *following]:
            match = cues.CYCLE.search(s.low)
            if match is None:
                continue
            word = match.group(1) or match.group(2)
            cycle = int(word) if word.isdigit() else cues.CYCLE_WORDS.get(word)
            clause = cues.PLAN_CLAUSE.search(s.low)
            if clause is not None:
                text = _clean_clause(s.text[clause.end() :])
            else:
                start = s.low.rfind(",", 0, match.start()) + 1
                text = _clean_clause(s.text[start:])
            renewal = _text(self.lang, text) if text else None
            break
        return CooperationPlan(
            programme=code, cycle_years=cycle, renewal=renewal, evidence=tuple(s.evidence for s in evidence)
        )

    def _participations(
        self, since: dict[str, tuple[int, _Sentence]], plan: CooperationPlan | None
    ) -> list[Participation]:
        codes: list[str] = []
        for s in self.sentences:
            for code in s.own_programmes:
                if code in codes:
                    continue
                if self.kind(code) == "operation" and not (
                    cues.FORCES.search(s.low) and not cues.NEGATION.search(s.low)
                ):
                    continue  # transit or overflight for an operation is support, not participation
                if self.eligible(code) or (code in since and self.kind(code) == "cooperation-plan"):
                    codes.append(code)
        out: list[Participation] = []
        for code in codes:
            evidence = [s for s in self.sentences if code in s.programmes]
            if code in since and since[code][1] not in evidence:
                evidence.append(since[code][1])
                evidence.sort(key=lambda s: s.place)
            out.append(
                Participation(
                    programme=code,
                    since=since[code][0] if code in since else None,
                    focus=tuple(self._focus(code, evidence)),
                    aim=self._aim(code, evidence),
                    evidence=tuple(s.evidence for s in evidence),
                )
            )
        return out

    def _focus(self, code: str, evidence: list[_Sentence]) -> list[str]:
        outside: list[str] = []
        inside: list[str] = []
        for s in evidence:
            names = [m for m in s.mentions if m.kind == "programme" and m.code == code]
            own = [m for m in s.affirmed if m.kind == "topic"]
            for t in own:
                within = any(n.first <= t.first and t.last <= n.last for n in names)
                (inside if within else outside).append(t.code)
            if not own and code not in s.own_programmes:
                outside.extend(s.topics)
        chosen = outside or inside
        return sorted(set(chosen))

    def _aim(self, code: str, evidence: list[_Sentence]) -> Text | None:
        for s in evidence:
            others = [c for c in s.programmes if c != code and self.eligible(c)]
            if others:
                continue
            end = cues.aim_end(s.low)
            if end is not None:
                clause = _clean_clause(s.text[end:])
                if clause:
                    return _text(self.lang, clause)
        return None

    def _channels(self) -> list[Channel]:
        out: dict[str, Channel] = {}
        for s in self.sentences:
            for mention in s.affirmed:  # a negated clause names no channel
                if (
                    mention.kind != "programme"
                    or self.kind(mention.code) not in cues.CHANNEL_KINDS
                    or mention.code in out
                ):
                    continue
                evidence = [x.evidence for x in self.sentences if mention.code in x.own_programmes]
                out[mention.code] = Channel(
                    body=mention.code,
                    description=_text(self.lang, self._description(s, mention)),
                    host=self._host(s, mention),
                    evidence=tuple(evidence),
                )
        return list(out.values())

    def _description(self, s: _Sentence, mention: _Mention) -> str:
        before = s.low[: mention.start].strip()
        if before in {"", "le", "la", "les", "l'", "the", "a", "an"}:
            after = s.text[mention.end :]
            words = after.split()
            skip = 0
            while skip < len(words) - 1 and plain(words[skip]) in {
                "a",
                "has",
                "have",
                "is",
                "est",
                "ont",
                "also",
                "egalement",
                "regulierement",
                "regularly",
                "continues",
                "continue",
            }:
                skip += 1
            rest = " ".join(words[skip + 1 :])
            rest = cues.ARTICLE.sub("", rest, count=1)
            clause = _clean_clause(rest)
            if clause:
                return clause
        main = s.text.split(", ", 1)[0]
        return _clean_clause(main if len(main) >= 40 else s.text) or s.text

    def _host(self, s: _Sentence, mention: _Mention) -> Text | None:
        after_low = fold_marks(s.text[mention.end :]).lower()
        match = cues.HOST.match(after_low)
        if match is None:
            return None
        rest = s.text[mention.end + match.end() :]
        rest = re.split(r"[,;.(](?:\s|$)", rest, maxsplit=1)[0]
        rest = cues.HOST_END.split(rest, maxsplit=1)[0]
        rest = cues.ARTICLE.sub("", rest.strip(), count=1)
        clause = _clean_clause(rest)
        return _text(self.lang, clause) if clause else None

    # --- stance ---------------------------------------------------------------------------------

    def _stance(self) -> Stance:
        neutrality: bool | None = None
        forces: bool | None = None
        infrastructure: bool | None = None
        evidence: list[Evidence] = []
        designations: list[UnitDesignation] = []
        for s in self.sentences:
            hit = False
            negated = bool(cues.NEGATION.search(s.low))
            if "neutrality" in s.stance_topics:
                neutrality = True if neutrality is None else neutrality
                hit = True
            nato_led = bool(cues.NATO_LED.search(s.low)) or any(self.kind(c) == "operation" for c in s.named_programmes)
            if nato_led and cues.FORCES.search(s.low):
                value = not negated
                forces = value if forces is None else (forces or value)
                hit = True
            if nato_led and cues.INFRASTRUCTURE.search(s.low):
                value = not negated
                infrastructure = value if infrastructure is None else (infrastructure or value)
                hit = True
            if hit:
                evidence.append(s.evidence)
                continue
            units = cues.UNITS.search(s.low)
            cue = cues.DESIGNATE.search(s.low)
            if units and cue and not negated:
                start = min(units.start(), cue.start())
                purpose = _clean_clause(s.text[start:])
                if purpose:
                    organisations = [c for c in s.own_programmes if self.kind(c) == "organisation"]
                    designations.append(
                        UnitDesignation(
                            purpose=_text(self.lang, purpose),
                            organisation=organisations[0] if organisations else None,
                            topics=tuple(s.topics),
                            evidence=(s.evidence,),
                        )
                    )
        return Stance(
            permanent_neutrality=neutrality,
            contributes_forces=forces,
            contributes_infrastructure=infrastructure,
            designations=designations,
            evidence=evidence,
        )

    # --- events ---------------------------------------------------------------------------------

    def _events(self) -> list[Event]:
        events: list[Event] = []
        ids: set[str] = set()
        for s in self.sentences:
            date = self._date(s)
            if date is None:
                continue
            when, end = date
            group = [s]
            following = self.items[s.place[:2]]
            for nxt in following[following.index(s) + 1 :]:
                if nxt.years or not cues.ANAPHOR.match(nxt.low):
                    break
                group.append(nxt)
            programmes = sorted({c for g in group for c in g.own_programmes} or set(s.programmes))
            partners = sorted({c for g in group for c in g.partners} - {self.partner.alpha3})
            topics = sorted({t for g in group for t in g.topics})
            slug = (
                programmes[0].lower()
                if programmes
                else (partners[0].lower() if partners else "s{}-{}-{}".format(*s.place))
            )
            base = f"{when.year}-{slug}"
            event_id, n = base, 2
            while event_id in ids:
                event_id, n = f"{base}-{n}", n + 1
            ids.add(event_id)
            events.append(
                Event(
                    id=event_id,
                    date=when,
                    end=None if end is None else end.year,
                    end_month=None if end is None else end.month,
                    end_day=None if end is None else end.day,
                    text=_text(self.lang, " ".join(g.text for g in group)),
                    programmes=tuple(programmes),
                    topics=tuple(topics),
                    partners=tuple(partners),
                    evidence=tuple(g.evidence for g in group),
                )
            )
        return events

    def _date(self, s: _Sentence) -> tuple[PartialDate, PartialDate | None] | None:
        """The first date of the sentence that no other fact holds, with the end of its range if any."""
        ranges = {int(m.group(1)) for m in cues.RANGE.finditer(s.low) if int(m.group(2)) > int(m.group(1))}
        # A range keeps its event even when its first year is a start held elsewhere: the end is news.
        free = [(y, at) for y, at in s.years if y not in s.used_years or y in ranges]
        if not free:
            return None
        for y, _ in free:
            named = [self.m.programmes[c] for c in s.programmes]
            framework = {p.founded.year for p in named if p.founded} | {p.ended for p in named if p.ended}
            if y in framework and cues.FRAMEWORK.search(s.low):
                s.used_years.add(y)
        free = [(y, at) for y, at in free if y not in s.used_years or y in ranges]
        if not free:
            return None
        year, at = free[0]
        month = day = None
        for pattern, groups in ((cues.DAY_MONTH_YEAR, "dmy"), (cues.MONTH_DAY_YEAR, "mdy"), (cues.MONTH_YEAR, "my")):
            for match in pattern.finditer(s.low):
                if match.end() >= at + 4 >= match.start() and int(match.group(groups.index("y") + 1)) == year:
                    month = cues.MONTHS[match.group(groups.index("m") + 1)]
                    if "d" in groups:
                        d = int(match.group(groups.index("d") + 1))
                        day = d if 1 <= d <= 31 else None
                    break
            if month is not None:
                break
        end: int | None = None
        for match in cues.RANGE.finditer(s.low):
            first, last = int(match.group(1)), int(match.group(2))
            if first == year and last > year and match.start(1) == at:
                end = last
                s.used_years.add(last)
                break
        try:
            when = PartialDate(year=year, month=month, day=day if month is not None else None)
        except ValueError:
            when = PartialDate(year=year)
        span = _range_ends(s.low, year, at)
        if span is not None:
            s.used_years.add(span[1].year)
            return span
        return when, (None if end is None else PartialDate(year=end))


def _range_ends(low: str, year: int, at: int) -> tuple[PartialDate, PartialDate] | None:
    """Start and end of a day or month range around the year at offset ``at`` that starts in ``year``."""
    found: list[tuple[int, int | None, int | None, int, int | None, int | None, int]] = []
    # (first year, month, day, last year, month, day, start offset), from each form of range.
    for m in cues.DAY_RANGE.finditer(low):
        if m.start() <= at < m.end():
            d1, m1, y1, d2, m2, y2 = m.groups()
            last_month = cues.MONTHS[m2]
            first_year = int(y1) if y1 else int(y2)
            first_month = cues.MONTHS[m1] if m1 else last_month
            found.append((first_year, first_month, int(d1), int(y2), last_month, int(d2), m.start()))
    for m in cues.DAY_SPAN.finditer(low):
        if m.start() <= at < m.end():
            month = cues.MONTHS[m.group(3)]
            found.append((int(m.group(4)), month, int(m.group(1)), int(m.group(4)), month, int(m.group(2)), m.start()))
    for m in cues.MONTH_RANGE.finditer(low):
        if m.start() <= at < m.end():
            first_year = int(m.group(2)) if m.group(2) else int(m.group(4))
            found.append(
                (first_year, cues.MONTHS[m.group(1)], None, int(m.group(4)), cues.MONTHS[m.group(3)], None, m.start())
            )
    for y1, m1, d1, y2, m2, d2, _ in sorted(found, key=lambda f: f[-1]):
        if y1 != year:
            continue
        try:
            start, end = PartialDate(year=y1, month=m1, day=d1), PartialDate(year=y2, month=m2, day=d2)
        except ValueError:
            continue  # "31 février": not a date, the year alone stands
        if end.sort_key() > start.sort_key():
            return start, end
    return None


def _rebuild(page: Page) -> str:
    return "\n".join(page.lines())
