"""From a parsed page to draft records: the facts of ``extraction-conventions.md``, with evidence.

Recognition is driven by the vocabulary: programmes, partners and topics are found by their names,
acronyms and aliases in both languages (a new vocabulary entry is enough for the extractor to find
it). Names are compared as words: folded (case, accents, apostrophes, hyphens), without articles,
and singular; acronyms are compared case-sensitively. The rest is a handful of cue words in
French and English for what a sentence says: a start, a joining, a cycle, a refusal
(:mod:`partnerdata._ingest.cues`).

:func:`extract` is a pipeline a newcomer can read from top to bottom:

1. **the page** (:mod:`partnerdata._ingest.page`): sections, items and sentences, with their places;
2. **the sentences** (:mod:`partnerdata._ingest.sentence`): each one's words and the vocabulary
   names in them (:mod:`partnerdata._ingest.mentions`), its clauses, what a negation reaches and
   where each year belongs (:mod:`partnerdata._ingest.clauses`), never by distance in characters;
3. **the context** (:mod:`partnerdata._ingest.facts_context`): a sentence that names nothing leans
   on the one before it, a heading's topics go to its section's first sentence, and the fact
   steps get the sentences and the vocabulary in one :class:`~partnerdata._ingest.facts_context.Context`;
4. **the facts**, one step each, in this order:

   - :mod:`~partnerdata._ingest.facts_start`: when relations began, and practical cooperation;
   - :mod:`~partnerdata._ingest.facts_participation`: the start year in each programme, then the
     participations (with their focus and aim);
   - :mod:`~partnerdata._ingest.facts_plan`: the cooperation plan in force and its cycle;
   - :mod:`~partnerdata._ingest.facts_stance`: neutrality, forces, infrastructure, units designated;
   - :mod:`~partnerdata._ingest.facts_channels`: the channels of dialogue and their hosts;
   - :mod:`~partnerdata._ingest.facts_events`: the dated events, from the years no fact above holds
     (so it comes last);

5. **the extraction** (:class:`Extraction`): the draft relation, every sentence as a statement,
   the page as its source, and the sentences in which nothing was recognised.

The steps share no state but the sentences' ``used_years``: a year a fact holds dates no event.
No step module imports this one.
"""

import re
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from partnerdata._ingest import (
    facts_channels,
    facts_events,
    facts_participation,
    facts_plan,
    facts_stance,
    facts_start,
)
from partnerdata._ingest.facts_context import Context, heading_topics, lean_on_previous, page_sentences, text
from partnerdata._ingest.mentions import Matcher, codes, matcher, tokens
from partnerdata._ingest.page import Page, parse_page
from partnerdata._ingest.sentence import Sentence
from partnerdata._io.load import quietly
from partnerdata._model.errors import NotFoundError
from partnerdata._model.records import Evidence, Partner, Relation, Source, Statement, Text

__all__ = ["Extraction", "extract"]


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
    # 1. The page, the vocabulary's names and the partner the page is about.
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
    return quietly(lambda: _read(page, names, partner, source, lang, url))


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


def _read(page: Page, names: Matcher, partner: Partner, source: str, lang: str, url: str | None) -> Extraction:
    """The pipeline of :func:`extract` on a parsed page whose partner is known (see the module's steps)."""
    # 2-3. The sentences, read (mentions, clauses, years), and the context the fact steps share.
    sentences = page_sentences(page, names, source)
    context = Context(sentences, names, partner.alpha3, lang)
    lean_on_previous(context)
    heading_topics(context, page)
    # 4. The facts, step by step.
    relations = facts_start.relations_since(context)
    cooperation = facts_start.cooperation_since(context, relations)
    relations = facts_start.began_with_cooperation(context, relations, cooperation)
    starts = facts_participation.participation_years(context)
    plan = facts_plan.plan(context, starts.since, starts.moved_to)
    participations = facts_participation.participations(context, starts.since)
    facts_participation.hold_start_years(participations, starts.restated)
    facts_participation.hold_joined_years(context, participations)
    stance = facts_stance.stance(context)
    channels = facts_channels.channels(context)
    for fact in (relations, cooperation):
        if fact is not None:
            fact[1].used_years.add(fact[0].year)  # a start year dates no event
    used = _quoted(
        [relations[0]] if relations else [],
        [cooperation[0]] if cooperation else [],
        participations,
        [plan] if plan else [],
        channels,
        stance.designations,
        [stance] if stance.evidence else [],
    )
    events = facts_events.events(context)  # last: the years the facts above hold are no events
    used |= _quoted(events)
    # 5. The extraction.
    relation = Relation(
        partner=partner.alpha3,
        relations_since=relations[0] if relations else None,
        cooperation_since=cooperation[0] if cooperation else None,
        plan=plan,
        participations=participations,
        stance=stance,
        channels=channels,
        events=events,
        statements=_statements(sentences, lang),
    )
    unplaced = tuple(s.evidence for s in sentences if s.place not in used and not s.placed)
    page_source = Source.from_text(
        id=source,
        partner=partner.alpha3,
        language=lang,
        text=page.text or _rebuild(page),
        url=url,
        edition=page.edition,  # the page's "last updated" date, as the reader found it
    )
    return Extraction(partner=partner, relation=relation, source=page_source, unplaced=unplaced)


def _quoted(*facts: "Sequence[Any]") -> set[tuple[int, int, int]]:
    """The places of the sentences the facts quote: the sentences that gave a fact."""
    used: set[tuple[int, int, int]] = set()
    for records in facts:
        for record in records:
            for ev in record.evidence:
                if type(ev) is Evidence:  # an extraction quotes its page: never a citation
                    used.add((ev.section, ev.item, ev.sentence))
    return used


def _statements(sentences: Sequence[Sentence], lang: str) -> list[Statement]:
    """Every sentence as a statement in the page's language, under its section's heading."""
    # A section's sentences share its heading: one (frozen) Text for them all.
    headings: dict[str, Text] = {}
    out = []
    for s in sentences:
        heading = None
        if s.place[0] != 0 and s.heading is not None:
            heading = headings.get(s.heading) or headings.setdefault(s.heading, text(lang, s.heading))
        out.append(
            Statement(
                text=text(lang, s.text),
                heading=heading,
                topics=tuple(s.topics),
                programmes=tuple(s.programmes),
                evidence=s.evidence,
            )
        )
    return out


def _rebuild(page: Page) -> str:
    return "\n".join(page.lines())
