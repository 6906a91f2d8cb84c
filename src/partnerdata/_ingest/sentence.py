"""Step 1 of reading a page: one sentence with what the later steps found in it.

Reading a page goes sentence by sentence, in four steps a newcomer can follow:

1. the sentence (this module): its text, folded for matching, its place on the page and its
   evidence;
2. its words and the vocabulary names in them (:mod:`partnerdata._ingest.mentions`);
3. its clauses, what a negation reaches and where each year belongs
   (:mod:`partnerdata._ingest.clauses`);
4. the facts, read from the sentences with the cue words of :mod:`partnerdata._ingest.cues`
   (:mod:`partnerdata._ingest.extract`).
"""

import bisect
import re
from collections.abc import Sequence

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.mentions import Matcher, Mention, codes, tokens
from partnerdata._model.records import Evidence
from partnerdata._model.text import fold_chars

__all__ = ["Sentence"]

_DIGIT = re.compile(r"\d")


class Sentence:
    """One sentence of the page with what was recognised in it.

    ``mentions`` are every name found; ``affirmed`` those outside a negated clause (and not a
    stance topic such as neutrality), which alone make participations, topics and channels.
    ``programmes`` and ``topics`` start as the affirmed ones and may take those of the sentence
    before (a sentence that names nothing leans on it); ``years`` are (year, offset) pairs.

    >>> import partnerdata
    >>> from partnerdata._ingest.mentions import matcher
    >>> s = Sentence((1, 0, 0), "Kazakhstan does not take part in SPS, but joined PARP in 2002.", None,
    ...              matcher(partnerdata.load()), "nato-kaz-en")
    >>> s.named_programmes, s.own_programmes, s.years
    (['SPS', 'PARP'], ['PARP'], [(2002, 57)])
    """

    def __init__(
        self, place: tuple[int, int, int], text: str, heading: str | None, matcher: Matcher, source: str
    ) -> None:
        self.place = place
        self.text = text
        self.low = fold_chars(text)
        self.tokens = tokens(text, self.low)
        self.mentions = matcher.mentions(self.tokens)
        self.heading = heading
        self.evidence = Evidence(source=source, section=place[0], item=place[1], sentence=place[2], quote=text)
        self.names = [(m.start, m.end) for m in self.mentions]
        self._parts: list[clauses.Clause] | None = None
        # A name inside a negated clause is not a cooperation ("ne met pas d'unités ... à disposition
        # d'opérations dirigées par l'OTAN"); a stance topic is the partner's stance, not a cooperation.
        self.negated = (
            clauses.negated_spans(self.low, self.tokens, self.names, self.parts)
            if clauses.may_negate(self.low, self.tokens)
            else []
        )
        self._negated_starts = [a for a, _ in self.negated]
        self.affirmed = [
            m
            for m in self.mentions
            if not self.negated_at(m.start, m.end) and not (m.kind == "topic" and m.code in cues.STANCE_TOPICS)
        ]
        self.named_programmes = codes(self.mentions, "programme")
        self.stance_topics = [c for c in codes(self.mentions, "topic") if c in cues.STANCE_TOPICS]
        self.own_programmes = codes(self.affirmed, "programme")
        self.own_topics = codes(self.affirmed, "topic")
        for code in self.own_programmes:
            programme = matcher.programmes[code]
            implied = cues.PROGRAMME_TOPICS.get(code) or cues.KIND_TOPICS.get(programme.kind)
            if implied is not None and implied in matcher.topics and implied not in self.own_topics:
                self.own_topics.append(implied)
        # Topics said with cue words rather than a name ("reform in the security and defence sector",
        # "training and education"): the sentence's own, where no negation reaches them.
        low = self.low
        cued = (
            [
                code
                for code, start, end in cues.cue_topics(low)
                if code in matcher.topics and not self.negated_at(start, end)
            ]
            if "reform" in low or "training" in low or "formation" in low  # most sentences: neither cue
            else []
        )
        for code in cued:
            if code not in self.own_topics:
                self.own_topics.append(code)
        self.partners = codes(self.mentions, "partner")
        self.programmes = list(self.own_programmes)
        self.topics = list(self.own_topics)
        # A year is written in digits: many sentences hold none, and the search for a digit is
        # faster than the year pattern's, which tries its look-behinds at every character.
        self.years = (
            [(int(m.group(1)), m.start(1)) for m in cues.YEAR.finditer(self.low)] if _DIGIT.search(self.low) else []
        )
        self.used_years: set[int] = set()
        self.placed = bool(cued) or any(m.kind != "partner" for m in self.mentions)
        self._units: list[int] | None = None
        self._starts: list[int] = []

    @property
    def parts(self) -> list[clauses.Clause]:
        """The sentence's clauses (:func:`clauses.clauses`), cut on first use: most sentences need none."""
        if self._parts is None:
            self._parts = clauses.clauses(self.low, self.tokens, self.names)
        return self._parts

    def negated_at(self, start: int, end: int) -> bool:
        """Whether the characters ``start:end`` lie in a negated clause (spans are disjoint and in order)."""
        k = bisect.bisect_right(self._negated_starts, start) - 1
        return k >= 0 and self.negated[k][1] >= end

    def affirms(self, spans: Sequence[tuple[int, int]]) -> bool | None:
        """``True`` if a match lies outside every negated clause, ``False`` if all are inside, ``None`` if none."""
        if not spans:
            return None
        return any(not self.negated_at(a, b) for a, b in spans)

    def attach(self, years: Sequence[tuple[int, int]], candidates: Sequence[Mention]) -> list[Mention | None]:
        """Per year (value, offset), the candidate mention it belongs to (:func:`clauses.attach_years`)."""
        ordered = sorted(candidates, key=lambda m: (m.start, -m.end))
        found = clauses.attach_years(
            self.low, self.tokens, [(m.start, m.end) for m in ordered], years, self.names, self.parts
        )
        return [None if i is None else ordered[i] for i in found]

    def year_units(self, years: Sequence[tuple[int, int]]) -> list[int]:
        """Per year, the clause it belongs to (see :func:`clauses.year_units`)."""
        return clauses.year_units(self.low, self.tokens, self.parts, years)

    def unit_at(self, offset: int) -> int:
        """The clause (as :func:`clauses.unit_of` numbers it) holding the character at ``offset``."""
        if self._units is None:
            self._units = clauses.unit_of(self.parts)
            self._starts = [c.start for c in self.parts]
        return self._units[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def clause_at(self, offset: int) -> clauses.Clause:
        """The clause of :attr:`parts` holding the character at ``offset``."""
        if self._units is None:
            self.unit_at(offset)  # fills the clause starts once
        return self.parts[max(0, bisect.bisect_right(self._starts, offset) - 1)]
