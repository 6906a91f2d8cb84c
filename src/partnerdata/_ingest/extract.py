"""From a parsed page to draft records: the facts of ``extraction-conventions.md``, with evidence.

Recognition is driven by the vocabulary: programmes, partners and topics are found by their names,
acronyms and aliases in both languages (a new vocabulary entry is enough for the extractor to find
it). Names are compared as words: folded (case, accents, apostrophes, hyphens), without articles,
and singular; acronyms are compared case-sensitively. The rest is a handful of cue words in
French and English for what a sentence says: a start, a joining, a cycle, a refusal.

This module is the last of four steps (see :mod:`partnerdata._ingest.sentence`): each sentence is
read first (:class:`~partnerdata._ingest.sentence.Sentence`: its mentions, clauses, negated
clauses and years), then the facts here are read from the sentences. Which name a year belongs to
and what a negation reaches are decided by clause (:mod:`partnerdata._ingest.clauses`), never by
distance in characters.
"""

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from attrs import frozen

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.mentions import Matcher, Mention, codes, matcher, tokens
from partnerdata._ingest.page import Page, parse_page
from partnerdata._ingest.sentence import Sentence
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
    Relation,
    Source,
    Stance,
    Statement,
    Text,
    UnitDesignation,
)
from partnerdata._model.text import fold_chars, fold_marks

__all__ = ["Extraction", "extract"]

# Text is matched in its folded form (fold_chars: one character for one, so offsets hold).
plain = fold_chars
# The steps before the facts, under the names the tests of linear reading use.
_tokens = tokens
_matcher = matcher


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
    names = matcher(vocabulary)
    lang = page.language
    partner = _partner(page, names)
    source = source_id or f"nato-{partner.alpha3.lower()}-{lang}"
    # Tokens, mentions and sentences are many small objects without cycles: the cyclic GC walking
    # them again and again made the cost of a large page grow faster than its length.
    return quietly(lambda: _Extractor(page, names, partner, source, lang, url).run())


def _partner(page: Page, names: Matcher) -> Partner:
    in_title = codes(names.mentions(tokens(page.title)), "partner")
    if in_title:
        return names.partners[in_title[0]]
    counts: dict[str, int] = {}
    for _, sentence in page.sentences():
        for code in codes(names.mentions(tokens(sentence)), "partner"):
            counts[code] = counts.get(code, 0) + 1
    if counts:
        return names.partners[max(sorted(counts), key=lambda c: counts[c])]
    name = re.sub(
        r"^(?:NATO's\s+)?relations?\s+(?:with|avec)\s+(?:the\s+|la\s+|le\s+|l['’]\s*|les\s+)?",
        "",
        page.title,
        flags=re.I,
    )
    raise NotFoundError("partner", name)


# Any month's name, where it stands: a sentence without one holds no date of the patterns that name one.
_ANY_MONTH = re.compile(cues.MONTH)
# The most events one sentence gives: its first date, then one per coordinated statement.
_EVENTS_PER_SENTENCE = 3
# The kinds of framework a start of relations goes through, in order of preference.
_VIA_KINDS = {"forum": 0, "partnership-programme": 1, "operation": 2}


class _Extractor:
    def __init__(self, page: Page, matcher: Matcher, partner: Partner, source: str, lang: str, url: str | None) -> None:
        self.page, self.m, self.partner, self.source, self.lang, self.url = page, matcher, partner, source, lang, url
        self.sentences = [
            Sentence(place, text, page.sections[place[0]].heading, matcher, source)
            for place, text in page.sentences()
            if place != (0, 0, 0)
        ]
        self.items: dict[tuple[int, int], list[Sentence]] = {}
        for s in self.sentences:
            self.items.setdefault(s.place[:2], []).append(s)
        # (programme, year, sentence) for every statement of a start year, held once facts are known
        self.restated: list[tuple[str, int, Sentence]] = []
        # plans a page says the partner moved to: the plan in force is one of them
        self.moved_to: set[str] = set()
        # Per folded sentence, its year ranges (cues.RANGE): several steps ask for them, and the
        # pattern tries its optional "from"/"between" at every character of the sentence.
        self._range_cache: dict[str, list[re.Match[str]]] = {}
        # A section's sentences share its heading: one (frozen) Text for them all.
        self._headings: dict[str, Text] = {}
        self._resolve_references()
        self._heading_topics()

    def _heading_topics(self) -> None:
        """A heading names the topics of its section ("Civil emergency planning"): its first sentence holds them.

        A heading is no statement of its own; the topics it names are the section's, so they are
        given to the section's first sentence where no sentence of it names them already (a stance,
        such as neutrality, is no topic). A section that opens on a refusal ("ne met pas d'unites a
        disposition") is the page template's heading over what the partner does not do: its heading
        names no cooperation.
        """
        first: dict[int, Sentence] = {}
        said: dict[int, set[str]] = {}  # the topics the sentences of each section name already
        for s in self.sentences:
            first.setdefault(s.place[0], s)
            said.setdefault(s.place[0], set()).update(s.topics)
        for index, s in first.items():
            heading = self.page.sections[index].heading
            if index == 0 or not heading or s.negated:
                continue
            for code in codes(self.m.mentions(tokens(heading)), "topic"):
                if code not in cues.STANCE_TOPICS and code not in said[index]:
                    s.topics.append(code)

    def _ranges(self, s: Sentence) -> list["re.Match[str]"]:
        """The matches of :data:`cues.RANGE` in the sentence (:func:`_year_ranges`), searched once per sentence."""
        found = self._range_cache.get(s.low)
        if found is None:
            found = self._range_cache[s.low] = _year_ranges(s.low)
        return found

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
            previous: Sentence | None = None
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

    def _statement(self, s: Sentence) -> Statement:
        heading = None
        if s.place[0] != 0 and s.heading is not None:
            heading = self._headings.get(s.heading) or self._headings.setdefault(s.heading, _text(self.lang, s.heading))
        return Statement(
            text=_text(self.lang, s.text),
            heading=heading,
            topics=tuple(s.topics),
            programmes=tuple(s.programmes),
            evidence=s.evidence,
        )

    # --- milestones -------------------------------------------------------------------------

    def _relations_since(self) -> tuple[Milestone, Sentence] | None:
        # A year starts relations only in the clause of a start word, never as the sentence's first
        # year: "became a partner in 2020, long after relations began" gives no start.
        for s in self.sentences:
            if s.years and self._speaks_of_relations(s):
                found = self._start_of_cue(s, cues.START)
                if found is None:
                    continue
                year, unit = found
                return Milestone(year=year, via=self._via(s, year, unit), evidence=(s.evidence,)), s
        for s in self.sentences:
            joined = [m for m in s.affirmed if m.kind == "programme" and self.kind(m.code) == "forum"]
            if not (s.years and joined and (cues.JOIN.search(s.low) or cues.FORUM_MEMBER.search(s.low))):
                continue
            # A founding word dates the forum in its own clause only: "joined the MD in 2000, years
            # after it was launched" still dates the partner's start.
            founding = {s.unit_at(m.start()) for m in cues.FRAMEWORK.finditer(s.low)}
            units = s.year_units(s.years) if founding else [-1] * len(s.years)
            for (year, _), unit, mention in zip(s.years, units, s.attach(s.years, joined), strict=True):
                if mention is not None and unit not in founding and self.began_by(mention.code, year):
                    return Milestone(year=year, via=mention.code, evidence=(s.evidence,)), s
        # Last, a partner "of NATO since 1995" ("partenaire de l'OTAN depuis 1995"): the state
        # dates the start only where nothing on the page says when relations began.
        for s in self.sentences:
            partner = cues.PARTNER_OF.search(s.low) if s.years else None
            since = cues.SINCE.search(s.low, partner.end()) if partner is not None else None
            if partner is None or since is None or s.negated_at(partner.start(), since.end()):
                continue
            unit = s.unit_at(partner.start())
            if s.unit_at(since.start(1)) != unit:
                continue
            year = int(since.group(1))
            return Milestone(year=year, via=self._via(s, year, unit), evidence=(s.evidence,)), s
        return None

    def _via(self, s: Sentence, year: int, unit: int) -> str | None:
        """The framework a start of relations went through, as the sentence names it.

        A framework of the start's clause (its *when* or *with* clause included: "began in 1995,
        when it joined the Partnership for Peace"), else one named in a clause dated by no other
        year ("Under the NACC, relations began in 1992"); never one of a clause with a year of
        its own ("started in 2005, and it became a partner across the globe in 2012"). A forum
        comes before the PfP, and the PfP before an operation.
        """
        dated = set(s.year_units(s.years))
        ranked: list[tuple[int, int, str]] = []
        for m in s.affirmed:
            if m.kind != "programme" or not self.began_by(m.code, year):
                continue
            rank = _VIA_KINDS.get(self.kind(m.code))
            where = s.unit_at(m.start)
            if rank is None or (where != unit and where in dated):
                continue
            if where > unit and s.parts[where].lead in clauses.CONNECTIVES:
                continue  # "..., and Mongolia is one of the partners across the globe": another statement
            ranked.append((where != unit, rank, m.code))
        return min(ranked)[2] if ranked else None

    def _speaks_of_relations(self, s: Sentence) -> bool:
        """Whether the sentence is about relations or dialogue (not a forum named "... Dialogue")."""
        if cues.RELATIONS.search(s.low):
            return True
        # Words and names both come in order: one sweep ("Mediterranean Dialogue" is a name).
        names = sorted((m.start, m.end) for m in s.mentions if m.kind == "programme")
        reach, n = -1, 0
        for word in cues.DIALOGUE.finditer(s.low):
            while n < len(names) and names[n][0] <= word.start():
                reach = max(reach, names[n][1])
                n += 1
            if word.start() >= reach:
                return True
        return False

    def _year_of_cue(self, s: Sentence, cue: "re.Pattern[str]") -> int | None:
        """The year in the clause of a cue word (see :meth:`_start_of_cue`)."""
        found = self._start_of_cue(s, cue)
        return None if found is None else found[0]

    def _start_of_cue(self, s: Sentence, cue: "re.Pattern[str]") -> tuple[int, int] | None:
        """The year in the clause of a cue word, and that clause: the first year after it, else the first before.

        A verb ("began", "engaged") is preferred to "since", which may date something else in the
        sentence ("a partner since 1995").
        """
        matches = sorted(cue.finditer(s.low), key=lambda m: (m.group() in cues.SINCE_WORDS, m.start()))
        if not matches:
            return None
        by_unit: dict[int, list[tuple[int, int]]] = {}
        # A date set off by commas after a clause that names something is that clause's ("fait
        # partie du Dialogue mediterraneen depuis son lancement, en 1994, et ...").
        units = clauses.year_units(s.low, s.tokens, s.parts, s.years, s.names)
        for year, unit in zip(s.years, units, strict=True):
            by_unit.setdefault(unit, []).append(year)
        starts = [c.start for c in s.parts]
        offsets = [at for _, at in s.years]  # in reading order
        for match in matches:
            unit = s.unit_at(match.start())
            mine = by_unit.get(unit, [])
            after = next((y for y, at in mine if at >= match.start()), None)
            if after is not None or mine:
                return (after if after is not None else mine[0][0]), unit
            # A clause that renames what the one before it dates ("joined the PfP in 1995, the start
            # of its relations", ", which marked the start", ", date à laquelle ont commencé"):
            # the year before it. "Long after relations began" renames nothing.
            clause = s.parts[max(0, bisect.bisect_right(starts, match.start()) - 1)]
            last = bisect.bisect_left(offsets, clause.start) - 1  # the last year before the clause
            if clause.mark == "," and clause.lead in cues.RENAMING and last >= 0:
                return s.years[last][0], units[last]
            # "...; dialogue and cooperation began at that time", "c'est dans ce cadre qu'a débuté sa
            # coopération": the clause's year is the one before it, wherever the phrase stands in it.
            that = cues.THEN.search(s.low, clause.start) if last >= 0 else None
            if that is not None and s.unit_at(that.start()) == unit:
                return s.years[last][0], units[last]
        return None

    def _cooperation_since(self, relations: tuple[Milestone, Sentence] | None) -> tuple[Milestone, Sentence] | None:
        for s in self.sentences:
            if (relations is not None and s is relations[1]) or cues.RELATIONS.search(s.low):
                # One sentence for both starts ("Dialogue began in 1992 ..., and practical
                # cooperation followed when it joined the PfP in 1995"): the clause after the word.
                year = self._cooperation_clause_year(s)
                if year is None:
                    continue
            elif s.years and cues.COOPERATION.search(s.low) and cues.COOP_START.search(s.low):
                found = self._year_of_cue(s, cues.COOP_START)
                if found is None:
                    continue
                year = found
            elif s.years and "cooperation" in s.low and (came := self._cooperation_came(s)) is not None:
                year = came
            else:
                continue
            via = [c for c in s.own_programmes if self.kind(c) == "partnership-programme"]
            via = via or [c for c in s.own_programmes if self.eligible(c)]
            via = [c for c in via if self.began_by(c, year)]
            return Milestone(year=year, via=via[0] if via else None, evidence=(s.evidence,)), s
        return None

    def _cooperation_came(self, s: Sentence) -> int | None:
        """The first year after "cooperation came/followed" ("came a decade later: in 2002"), outside a name."""
        came = cues.COOP_CAME.search(s.low)
        if came is None or any(m.kind == "programme" and m.start <= came.start() < m.end for m in s.mentions):
            return None  # "the North Atlantic Cooperation Council followed" is a name
        if s.negated_at(came.start(), came.end()):
            return None
        return next((y for y, at in s.years if at > came.end()), None)

    def _cooperation_clause_year(self, s: Sentence) -> int | None:
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
                if not after and cues.THEN.search(s.low, word.end()):
                    # "cooperation began at that time": the year said before the word
                    after = [y for y, at in s.years if at < word.start()][-1:]
                return after[0] if after else None
            return self._opened_before(s, word.start())
        return None

    def _opened_before(self, s: Sentence, at: int) -> int | None:
        """The year of a start word before "cooperation" in its clause ("which opened ... practical cooperation").

        The clause's own year, else, in a clause renaming the one before ("..., which opened",
        "..., ce qui a ouvert"), the last year before it.
        """
        unit = s.unit_at(at)
        opened = [m for m in cues.COOP_START.finditer(s.low, 0, at) if s.unit_at(m.start()) == unit]
        # Practical cooperation opens with the partnership ("joined the PfP in 1994, which opened ...
        # practical cooperation"); "engaged in dialogue and cooperation since 2005" is relations only.
        if not opened or not any(self.kind(c) == "partnership-programme" for c in s.own_programmes):
            return None  # the first free "cooperation" decides: searching on from each one is quadratic
        own = [y for (y, _), u in zip(s.years, s.year_units(s.years), strict=True) if u == unit]
        if own:
            return own[0]
        clause = next(c for c in reversed(s.parts) if c.start <= opened[-1].start())
        before = [y for y, where in s.years if where < clause.start]
        if clause.mark == "," and clause.lead in cues.RENAMING and before:
            return before[-1]
        return None
        return None

    def _for_partner(self, s: Sentence) -> bool:
        """Whether the sentence names this partner right after "for"/"pour" ("lancé pour la Moldavie")."""
        # A bounded look-behind: the preposition and an article fit in 12 characters.
        return any(
            m.kind == "partner"
            and m.code == self.partner.alpha3
            and cues.FOR_BEFORE.search(s.low[max(0, m.start - 12) : m.start])
            for m in s.mentions
        )

    def _participation_years(self) -> dict[str, tuple[int, Sentence]]:
        """The start of this partner's participation in each programme, where the page gives it."""
        found: dict[str, tuple[int, Sentence]] = {}
        for s in self.sentences:
            candidates = [m for m in s.affirmed if m.kind == "programme" and self.kind(m.code) != "forum"]
            candidates = [m for m in candidates if self.kind(m.code) not in {"organisation", "centre"}]
            if not candidates or not s.years:
                continue
            ranges = {m.start(1) for m in self._ranges(s)}
            # "from 2005 to 2013" is a range, not a start "from 2005".
            years = [(int(m.group(1)), m.start(1)) for m in cues.SINCE.finditer(s.low) if m.start(1) not in ranges]
            if cues.JOIN.search(s.low) or cues.PROGRAMME_START.search(s.low):
                # Each year goes to its own clause's name: "joined PfP in 1995 and has taken
                # part in PARP since 2002" dates both.
                years = list(s.years)
            if not years and (
                cues.first_agreed(s.low)
                or cues.FIRST_AFTER_VERB.search(s.low)
                or (cues.FIRST_WORD.search(s.low) and cues.FIRST_NOUN.search(s.low))
            ):
                years = list(s.years)
            if not years and cues.SINCE_FOUNDING.search(s.low):
                years = list(s.years)  # "since its launch, in 1994": the partner's start
            if not years and cues.FIRST_TIME.search(s.low):
                years = list(s.years)  # "put its first units forward ... in 2011": its start
            if not years and "," in s.low:
                years = _launched_after(s.low)  # "a Trust Fund project, launched in 2011": its start
            weak: set[int] = set()
            if any(self.kind(m.code) == "operation" for m in candidates) and self._takes_part(s):
                # Troops in an operation "from 2004 to 2014", or aircraft flying in it "in 2011": each
                # year goes to its clause's name (the range itself stays an event: its end is news),
                # but a range's end starts nothing.
                # A plain year is a weak start: it dates the operation only where the page gives no
                # other start, and holds no year of another sentence as the same start restated.
                found_ranges = self._ranges(s)
                strong = {at for _, at in years} | {m.start(1) for m in found_ranges}
                ends = {m.start(2) for m in found_ranges}
                years = [(y, at) for y, at in s.years if at not in ends]
                weak = {at for _, at in years if at not in strong}
            else:
                # A range dates its clause's name wherever it stands ("Between 2008 and 2011, a Trust
                # Fund project helped ...", "a Trust Fund project, run from 2008 to 2011, ..."): its
                # first year starts the participation (the range itself stays an event).
                taken = {at for _, at in years}
                opening = [(y, at) for y, at in s.years if at in ranges and at not in taken]
                if opening:
                    years = sorted([*years, *opening], key=lambda y: y[1])
            # "Allies launched for Moldova a capacity-building programme in 2014": a programme set up
            # for this partner starts its participation, even in the programme's founding year.
            for_partner = self._for_partner(s) and cues.LAUNCH.search(s.low) is not None
            if not years and for_partner:
                years = list(s.years)
            plans = [m for m in candidates if self.kind(m.code) == "cooperation-plan"]
            newer = self._moved_to(s, plans)
            # The years of the move's own statement (a year in an older plan's clause is that plan's).
            moving: set[int] = set()
            if newer is not None:
                moved = {s.unit_at(m.start()) for m in (*cues.MOVE_TO.finditer(s.low), *cues.REPLACES.finditer(s.low))}
                moving = {a for (_, a), u in zip(s.years, s.year_units(s.years), strict=True) if u in moved}
            first_plan = any(cues.FIRST_BEFORE.search(s.low[max(0, m.start - 12) : m.start]) for m in plans)
            adopted = cues.FIRST_VERB.search(s.low) or first_plan
            if plans and (newer or adopted):
                # A plan adopted (not renewed) in a year: the partner's start in it. A renewal speaks
                # for its own clause only ("conclu en 2012 un IPCP, renouvele deux fois").
                renewed = {
                    s.unit_at(m.start())
                    for m in cues.RENEWAL.finditer(s.low)
                    if not cues.RENEWAL_CYCLE.match(s.low, m.end())
                }
                taken = {at for _, at in years}
                units = s.year_units(s.years)  # a date opening the sentence is in the clause it dates
                years += [
                    (y, at)
                    for (y, at), u in zip(s.years, units, strict=True)
                    if at not in taken and (newer is not None or u not in renewed)  # a move is never a renewal
                ]
                years.sort(key=lambda y: y[1])
            that = cues.THAT_TIME.search(s.low) if years else None
            if that is not None and not any(s.unit_at(at) == s.unit_at(that.end()) for _, at in s.years):
                # "datent de 1996 : cette année-là, le pays a adhéré au PPP": the phrase stands for
                # the year before it, in the clause it opens (placed at its end, past its comma).
                before = [y for y, at in s.years if at < that.start()]
                if before:
                    years = sorted([*years, (before[-1], that.end())], key=lambda y: y[1])
            # Each year goes to the name it belongs to by reading order and syntax (its clause).
            attached = s.attach(years, candidates)
            respectively = cues.RESPECTIVELY.search(s.low)
            if respectively is not None:
                # "PARP, OCC and BI, which it joined in 2002, 2010 and 2016 respectively" ("qu'il a
                # rejoints respectivement en 2002, 2010 et 2016"): the n names before the word take
                # the n years after the last of them, in order.
                listed = [m for m in candidates if m.end <= respectively.start()]
                dated = [(y, at) for y, at in s.years if listed and listed[-1].end < at]
                if len(dated) == len(listed) > 1:
                    years, attached = dated, list(listed)
            # A founding verb dates the framework only in the clause of its year, and never a year said
            # with "since" ("Since 2014, it has sat on a platform created under the PII"): a state.
            founding = {s.unit_at(m.start()) for m in cues.FRAMEWORK.finditer(s.low)}
            if cues.SINCE_FOUNDING.search(s.low):
                founding = set()  # "depuis sa creation, en 1994": there from the start
            year_unit: dict[int, int] | None = None  # worked out at the first year that needs it
            for (year, at), mention in zip(years, attached, strict=True):
                if mention is None:
                    continue
                code = mention.code
                if newer is not None and self.kind(code) == "cooperation-plan" and at < mention.start and at in moving:
                    # "in 2023 it moved from its IPAP to an ITPP": a year before the older plan dates
                    # the move; one after it ("the IPCP adopted in 2013") is that plan's own.
                    code = newer
                programme = self.m.programmes[code]
                founded = {programme.founded.year if programme.founded else None, programme.ended}
                if year in founded and founding and not for_partner:
                    if year_unit is None:
                        year_unit = dict(zip([a for _, a in years], s.year_units(years), strict=True))
                        for m in cues.SINCE.finditer(s.low):
                            year_unit.pop(m.start(1), None)
                    if year_unit.get(at) in founding:
                        continue  # "launched in 1994" dates the framework, in the clause that says so
                if programme.founded is not None and year < programme.founded.year:
                    continue  # before the programme existed: not this partner's start in it
                if at in weak and code in found:
                    continue
                if code not in found:
                    found[code] = (year, s)
                if found[code][0] == year:
                    self.restated.append((code, year, s))
        return found

    def _takes_part(self, s: Sentence) -> bool:
        """Whether a sentence naming an operation says the partner takes part in it.

        Troops, units or officers said outside a negated clause, or taking part said without
        transit, overflight or airfields ("its participation in ISAF began in 2003").
        """
        own, others = _vehicles(s.low)
        forces = _spans(cues.FORCES, s.low)
        if own and not cues.INFRASTRUCTURE.search(s.low):
            forces = sorted(forces + own)  # its own ships or aircraft, not hosted ones
        if s.affirms(forces):
            return True
        if not s.affirms(_spans(cues.PARTICIPATE, s.low)):
            return False
        return not s.affirms(sorted(_spans(cues.INFRASTRUCTURE, s.low) + others))

    def _moved_to(self, s: Sentence, plans: Sequence[Mention]) -> str | None:
        """The plan a sentence says the partner moved to (the newer plan), if it says so."""
        if not plans:
            return None
        newer: str | None = None
        move = cues.MOVE_TO.search(s.low)
        if move is not None:
            after = [m for m in plans if m.start >= move.end()]
            newer = after[-1].code if after else None
        else:
            replaces = cues.REPLACES.search(s.low)
            before = [m for m in plans if replaces is not None and m.end <= replaces.start()]
            newer = before[-1].code if before else None
        if newer is not None:
            self.moved_to.add(newer)
        return newer

    def _hold_start_years(self, participations: Sequence[Participation]) -> None:
        # A start year is no event only where a participation holds it: hosting a transit centre
        # for ISAF "since 2001" or a depository library "since 2010" gives no participation, so the
        # year stays an event rather than vanishing.
        held = {(p.programme, p.since) for p in participations if p.since is not None}
        for code, year, s in self.restated:
            if (code, year) in held:
                s.used_years.add(year)

    # --- plan, participations, channels --------------------------------------------------------

    def _plan(self, since: dict[str, tuple[int, Sentence]]) -> CooperationPlan | None:
        # A plan the partner moved to wins ("in 2023 it moved to an ITPP"); then the plan named with
        # its cycle; between plans equal on that, the one started last (an IPCP from 2014, then an
        # ITPP adopted in 2023: the ITPP is the plan now).
        best: tuple[tuple[bool, int, int], str, Sentence] | None = None
        for s in self.sentences:
            for code in s.own_programmes:
                if self.kind(code) != "cooperation-plan":
                    continue
                score = (
                    code in self.moved_to,
                    2 if _cycle(s) else 1,
                    since[code][0] if code in since else 0,
                )
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
            match = _cycle(s)
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
        self, since: dict[str, tuple[int, Sentence]], plan: CooperationPlan | None
    ) -> list[Participation]:
        codes: list[str] = []
        for s in self.sentences:
            denied = _membership_denied(s) if "memb" in s.low else ()
            for code in s.own_programmes:
                if code in codes or code in denied:
                    continue
                if self.kind(code) == "operation" and not self._takes_part(s):
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

    def _focus(self, code: str, evidence: list[Sentence]) -> list[str]:
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

    def _aim(self, code: str, evidence: list[Sentence]) -> Text | None:
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

    def _description(self, s: Sentence, mention: Mention) -> str:
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

    def _host(self, s: Sentence, mention: Mention) -> Text | None:
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
            if "neutrality" in s.stance_topics:
                neutrality = True if neutrality is None else neutrality
                hit = True
            # Each cue word is read in its own clause ("is not a member, but it contributes
            # troops"). Troops said on a side of the sentence that does not speak of NATO-led
            # operations ("but a battalion is being trained") are not given to them; a refusal
            # there is ("ne fournit pas de troupes, mais il ... à la FIAS").
            forces_at = _spans(cues.FORCES, s.low)
            infrastructure_at = _spans(cues.INFRASTRUCTURE, s.low)
            own, others = _vehicles(s.low)
            if infrastructure_at and "allie" in s.low:
                # Allied forces hosted ("opened its airfields to Allied forces") are others', like
                # Allied aircraft: hosting them is infrastructure, and they are no units of the partner.
                allied_forces = _spans(cues.ALLIED_FORCES, s.low)
                if allied_forces:
                    forces_at = [f for f in forces_at if not any(a <= f[0] < b for a, b in allied_forces)]
                    others = sorted(others + allied_forces)
            led: list[int] = []
            if forces_at or infrastructure_at or own or others:  # else spared the costly NATO_LED search
                operations = [m.start for m in s.mentions if m.kind == "programme" and self.kind(m.code) == "operation"]
                led = sorted([m.start() for m in cues.NATO_LED.finditer(s.low)] + operations)
                if operations and ("'s" in s.low or " de l" in s.low):
                    # "not to ISAF, but the force's supplies crossed its territory": the named operation
                    led = sorted(led + [m.start() for m in cues.OPERATION_AGAIN.finditer(s.low)])
            for a, b in clauses.sides(s.parts) if led or others else ():
                this_side = bisect.bisect_left(led, b) > bisect.bisect_left(led, a)
                hosting = _between(infrastructure_at, a, b)
                side_forces = _between(forces_at, a, b)
                if next(_unnamed(s, cues.OTHER_MEANS.finditer(s.low, a, b)), None) is not None:
                    # "contributes ... by sharing information": a contribution, but of no units
                    side_forces = [f for f in side_forces if not s.low.startswith("contribu", f[0])]
                # "officers went through its courses", "ont suivi ses cours": trainees, not units given
                side_forces = [f for f in side_forces if not cues.TRAINEES.match(s.low, f[1])]
                # The partner's own ships or aircraft are units, unless this side hosts them.
                said = s.affirms(sorted(side_forces + ([] if hosting else _between(own, a, b))))
                if said is not None and (this_side or said is False):
                    forces = said if forces is None else (forces or said)
                    hit = True
                allied = _between(others, a, b)
                said = s.affirms(sorted(hosting + allied))
                # Allied aircraft or ships are NATO's: hosting them needs no other word for NATO.
                if said is not None and (this_side or bool(allied) or said is False):
                    infrastructure = said if infrastructure is None else (infrastructure or said)
                    hit = True
            if hit:
                evidence.append(s.evidence)
                continue
            # The verb first: rarer than a unit word, it spares most sentences the search for one.
            cue = cues.DESIGNATE.search(s.low)
            units = (
                next((m for m in cues.UNITS.finditer(s.low) if not s.negated_at(m.start(), m.end())), None)
                if cue
                else None
            )
            if units and cue and not s.negated_at(cue.start(), cue.end()):
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
        repeats: dict[str, int] = {}
        for s, (when, end) in ((x, d) for x in self.sentences for d in self._dates(x)):
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
            # One counter per id: probing -2, -3, ... afresh for each repeat was quadratic.
            n = repeats.get(base, 1)
            event_id = base
            while event_id in ids:
                n += 1
                event_id = f"{base}-{n}"
            repeats[base] = n
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

    def _dates(self, s: Sentence) -> list[tuple[PartialDate, PartialDate | None]]:
        """The dates of the sentence's events: the first free date, then one per later statement.

        A clause that opens a statement of its own ("... and opened a new one in March 2007", "...;
        a second visit followed in June 2012") and holds a free date is an event too; a year that
        describes the first ("the first since 2010") is not.
        """
        found = self._date(s)
        if found is None:
            return []
        out = [found[:2]]
        if len(s.years) < 2:
            return out  # most sentences: one year, one event
        at = found[2]
        # Bounded: a sentence is a statement or a few, and each look is a pass over the sentence.
        while len(out) < _EVENTS_PER_SENTENCE:
            later = next(
                (c for c in s.parts if c.start > at and (c.mark == ";" or c.lead in clauses.CONJUNCTIONS)), None
            )
            nxt = None if later is None else self._date(s, later.start)
            if nxt is None:
                break
            out.append(nxt[:2])
            at = nxt[2]
        return out

    def _date(self, s: Sentence, start: int = 0) -> tuple[PartialDate, PartialDate | None, int] | None:
        """The first date from ``start`` that no other fact holds: the date, its range's end if any, its offset."""
        if not s.years:
            return None  # most sentences: no year to date, and no need of the costly range search
        # (Two years that each start something, "joined in 2010 and 2016 respectively", are no range.)
        ranges = {
            int(m.group(1))
            for m in self._ranges(s)
            if int(m.group(2)) > int(m.group(1)) and not {int(m.group(1)), int(m.group(2))} <= s.used_years
        }
        # A range keeps its event even when its first year is a start held elsewhere: the end is news.
        # A year in a negated clause dates nothing that happened ("was not among the first in 1994").
        free = [(y, at) for y, at in s.years if (y not in s.used_years or y in ranges) and not s.negated_at(at, at + 4)]
        if not free:
            return None
        for y, _ in free:
            named = [self.m.programmes[c] for c in s.programmes]
            framework = {p.founded.year for p in named if p.founded} | {p.ended for p in named if p.ended}
            if y in framework and cues.FRAMEWORK.search(s.low):
                s.used_years.add(y)
        free = [(y, at) for y, at in free if (y not in s.used_years or y in ranges) and at >= start]
        if not free:
            return None
        year, at = free[0]
        month = day = None
        # Each of these patterns needs a month's name: most sentences name none, and one search
        # for a name spares three passes over the sentence.
        with_month = _ANY_MONTH.search(s.low) is not None
        for pattern, groups in ((cues.DAY_MONTH_YEAR, "dmy"), (cues.MONTH_DAY_YEAR, "mdy"), (cues.MONTH_YEAR, "my")):
            if not with_month:
                break
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
        for match in self._ranges(s):
            first, last = int(match.group(1)), int(match.group(2))
            if first == year and last > year and match.start(1) == at:
                end = last
                s.used_years.add(last)
                break
        if end is None:
            short = cues.SHORT_RANGE.match(s.low, at)
            if short is not None:
                end = cues.short_range_end(year, short.group(2))
        try:
            when = PartialDate(year=year, month=month, day=day if month is not None else None)
        except ValueError:
            when = PartialDate(year=year)
        span = _range_ends(s.low, year, at)
        if span is not None:
            s.used_years.add(span[1].year)
            return span[0], span[1], at
        return when, (None if end is None else PartialDate(year=end)), at


def _year_ranges(low: str) -> list["re.Match[str]"]:
    """The matches of :data:`cues.RANGE` in a folded sentence.

    A range holds two runs of four digits: a sentence of fewer than eight digits (most) is not searched.
    """
    if sum(map(low.count, "0123456789")) < 8:
        return []
    return list(cues.RANGE.finditer(low))


def _range_ends(low: str, year: int, at: int) -> tuple[PartialDate, PartialDate] | None:
    """Start and end of a day or month range around the year at offset ``at`` that starts in ``year``."""
    found: list[tuple[int, int | None, int | None, int, int | None, int | None, int]] = []
    # (first year, month, day, last year, month, day, start offset), from each form of range.
    with_month = _ANY_MONTH.search(low) is not None  # the forms below each need a month's name
    for m in cues.DAY_RANGE.finditer(low) if with_month else ():
        if m.start() <= at < m.end():
            d1, m1, y1, d2, m2, y2 = m.groups()
            last_month = cues.MONTHS[m2]
            first_year = int(y1) if y1 else int(y2)
            first_month = cues.MONTHS[m1] if m1 else last_month
            found.append((first_year, first_month, int(d1), int(y2), last_month, int(d2), m.start()))
    for m in cues.DAY_SPAN.finditer(low) if with_month else ():
        if m.start() <= at < m.end():
            month = cues.MONTHS[m.group(3)]
            found.append((int(m.group(4)), month, int(m.group(1)), int(m.group(4)), month, int(m.group(2)), m.start()))
    for m in cues.MONTH_RANGE.finditer(low) if with_month else ():
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


def _unnamed(s: Sentence, matches: "Iterable[re.Match[str]]") -> "Iterator[re.Match[str]]":
    """The matches (in order) that start outside every name of the vocabulary ("Trust Fund").

    Matches and names both come in order: one sweep, linear in the sentence.
    """
    names = sorted(s.names)
    reach, n = -1, 0  # the furthest end among names starting at or before the current match
    for match in matches:
        while n < len(names) and names[n][0] <= match.start():
            reach = max(reach, names[n][1])
            n += 1
        if match.start() >= reach:
            yield match


def _membership_denied(s: Sentence) -> set[str]:
    """The programmes whose membership the sentence denies ("is not a member of the PfP, but its officers
    attend PfP courses"): naming it again after "but" makes no participation."""
    out: set[str] = set()
    for m in cues.NOT_MEMBER.finditer(s.low):
        after = next((x for x in s.mentions if x.kind == "programme" and x.start >= m.end()), None)
        if after is not None and s.unit_at(after.start) == s.unit_at(m.end() - 1):  # the clause of "member"
            out.add(after.code)
    return out


_LAUNCH_WORDS = ("lance", "launched", "start", "begun", "initi", "set up", "en place", "demarre")


def _launched_after(low: str) -> list[tuple[int, int]]:
    """The years of "X, launched in YEAR" where the clause before brings X in with "a"/"un"."""
    if not any(word in low for word in _LAUNCH_WORDS):
        return []  # the common case, without a regular expression
    out = []
    lo = 0  # each search stops at the comma of the match before: linear in the sentence
    for m in cues.LAUNCHED_AFTER.finditer(low):
        at = m.start()
        begin = max(low.rfind(",", lo, at), low.rfind(";", lo, at), low.rfind(":", lo, at))
        if cues.INDEFINITE.search(low, begin + 1, at):
            out.append((int(m.group(1)), m.start(1)))
        lo = at
    return out


def _cycle(s: Sentence) -> "re.Match[str] | None":
    """The first cycle word of a sentence outside the names in it ("Annual National Programme" is none)."""
    return next(_unnamed(s, cues.CYCLE.finditer(s.low)), None)


def _vehicles(low: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of ships and aircraft in a folded sentence: the partner's own, then others' (Allied ones)."""
    own: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    if not any(stem in low for stem in cues.VEHICLE_STEMS):
        return own, others  # most sentences
    for m in cues.VEHICLES.finditer(low):
        # Bounded windows: a qualifier is a word or two just before or after the vehicle.
        before = cues.VEHICLE_OTHERS_BEFORE.search(low[max(0, m.start() - 12) : m.start()])
        after = cues.VEHICLE_OTHERS_AFTER.match(low[m.end() : m.end() + 30])
        (others if before or after else own).append((m.start(), m.end()))
    return own, others


def _spans(pattern: "re.Pattern[str]", low: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(low)]


def _between(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (in order) that start within ``start:end``: two binary searches."""
    lo = bisect.bisect_left(spans, (start, -1))
    hi = bisect.bisect_left(spans, (end, -1))
    return list(spans[lo:hi])


def _rebuild(page: Page) -> str:
    return "\n".join(page.lines())
