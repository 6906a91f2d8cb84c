"""What every fact step reads: the page's sentences, ready for the facts, and the vocabulary.

:func:`page_sentences` reads each sentence of a page (:class:`~partnerdata._ingest.sentence.Sentence`:
its mentions, clauses and years); :func:`lean_on_previous` and :func:`heading_topics` then give a
sentence that names nothing the names of the one before it, and a section's first sentence the
topics of its heading. :class:`Context` holds the result for the fact steps
(``facts_start``, ``facts_participation``, ``facts_plan``, ``facts_channels``, ``facts_stance``,
``facts_events``), with the few questions they all ask of the vocabulary. The small text helpers
below are shared by several steps.
"""

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

from partnerdata._ingest import cues
from partnerdata._ingest.mentions import Matcher, Mention, codes, tokens
from partnerdata._ingest.page import Page
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Text

__all__ = [
    "Context",
    "between",
    "clean_clause",
    "denied_operation",
    "heading_topics",
    "host_forces",
    "lean_on_previous",
    "operation_spans",
    "others_forces",
    "outside",
    "page_sentences",
    "pending_invitation",
    "spans",
    "text",
    "unnamed",
    "vehicles",
    "wished",
    "year_ranges",
]


def page_sentences(page: Page, matcher: Matcher, source: str) -> list[Sentence]:
    """Every sentence of the page but its title, read (mentions, clauses, years), in page order."""
    return [
        Sentence(place, line, page.sections[place[0]].heading, matcher, source)
        for place, line in page.sentences()
        if place != (0, 0, 0)
    ]


class Context:
    """The sentences of one page (also by item) and the vocabulary, as the fact steps read them.

    Read-only for the steps, but for two things a step may write: a sentence's ``used_years``
    (a year a fact holds dates no event) and the cache of year ranges, which only saves work.
    """

    __slots__ = ("_range_cache", "items", "lang", "matcher", "partner", "sentences")

    def __init__(self, sentences: list[Sentence], matcher: Matcher, partner: str, lang: str) -> None:
        self.sentences = sentences
        self.matcher = matcher
        self.partner = partner  # the partner's alpha-3 code
        self.lang = lang
        # The sentences of each item (section, item), in order: a sentence leans on those before it.
        self.items: dict[tuple[int, int], list[Sentence]] = {}
        for s in sentences:
            self.items.setdefault(s.place[:2], []).append(s)
        # Per folded sentence, its year ranges (cues.RANGE): several steps ask for them, and the
        # pattern tries its optional "from"/"between" at every character of the sentence.
        self._range_cache: dict[str, list[re.Match[str]]] = {}

    def kind(self, code: str) -> str:
        """The kind of a programme of the vocabulary ("forum", "operation", ...)."""
        return self.matcher.programmes[code].kind

    def began_by(self, code: str, year: int) -> bool:
        """Whether the programme existed in ``year`` (a programme of unknown founding did)."""
        founded = self.matcher.programmes[code].founded
        return founded is None or founded.year <= year

    def eligible(self, code: str) -> bool:
        """Whether a partner can take part in the programme (a body or a forum, say, is none)."""
        return self.kind(code) not in cues.ELIGIBLE_EXCLUDED

    def next_in_item(self, s: Sentence) -> Sentence | None:
        """The sentence after ``s`` in its item (paragraph or bullet), if any."""
        item = self.items[s.place[:2]]
        k = s.place[2] - item[0].place[2] + 1
        return item[k] if k < len(item) else None

    def ranges(self, s: Sentence) -> list["re.Match[str]"]:
        """The matches of :data:`cues.RANGE` in the sentence (:func:`year_ranges`), searched once per sentence."""
        found = self._range_cache.get(s.low)
        if found is None:
            found = self._range_cache[s.low] = year_ranges(s.low)
        return found

    def text(self, value: str) -> Text:
        """``value`` as a text in the page's language."""
        return text(self.lang, value)


def lean_on_previous(context: Context) -> None:
    """Sentences that name nothing lean on the one before them in the same item.

    "This programme ..." takes the programmes of that kind the sentence before names; a sentence
    naming no programme (or no topic) takes all of them.
    """
    for sentences in context.items.values():
        previous: Sentence | None = None
        for s in sentences:
            if previous is not None:
                for match in cues.DEMONSTRATIVE.finditer(s.low):
                    wanted = cues.DEMONSTRATIVE_KINDS[match.group(1)]
                    for code in previous.programmes:
                        if wanted in context.kind(code) and code not in s.programmes:
                            s.programmes.append(code)
                if not s.programmes:
                    s.programmes = list(previous.programmes)
                if not s.topics:
                    s.topics = list(previous.topics)
            previous = s
    # A paragraph that opens on a pronoun ("Il y a adhéré en 2006", "It joined in 1994") goes on from the
    # paragraph before it in the same section (round 11): it leans on that one's last sentence.
    before: Sentence | None = None
    for s in context.sentences:
        if (
            before is not None
            and not s.programmes
            and before.place[0] == s.place[0]
            and before.place[:2] != s.place[:2]
            and cues.PRONOUN_OPENING.match(s.low)
        ):
            s.programmes = list(before.programmes)
        before = s


def heading_topics(context: Context, page: Page) -> None:
    """A heading names the topics of its section ("Civil emergency planning"): its first sentence holds them.

    A heading is no statement of its own; the topics it names are the section's, so they are
    given to the section's first sentence where no sentence of it names them already (a stance,
    such as neutrality, is no topic). A section that opens on a refusal ("ne met pas d'unites a
    disposition") is the page template's heading over what the partner does not do: its heading
    names no cooperation.
    """
    first: dict[int, Sentence] = {}
    said: dict[int, set[str]] = {}  # the topics the sentences of each section name already
    for s in context.sentences:
        first.setdefault(s.place[0], s)
        said.setdefault(s.place[0], set()).update(s.topics)
    for index, s in first.items():
        heading = page.sections[index].heading
        if index == 0 or not heading or s.negated:
            continue
        for code in codes(context.matcher.mentions(tokens(heading)), "topic"):
            if code not in cues.STANCE_TOPICS and code not in said[index]:
                s.topics.append(code)


# --- text helpers shared by the steps ---------------------------------------------------------


def text(lang: str, value: str) -> Text:
    """``value`` as a :class:`Text` in ``lang`` ("fr" or "en")."""
    return Text(fr=value) if lang == "fr" else Text(en=value)


def clean_clause(clause: str) -> str | None:
    """A clause without its closing punctuation and spaces, or None if nothing is left."""
    clause = clause.strip().rstrip(".;:!?…").strip()
    clause = clause.rstrip(",").strip()
    return clause or None


def year_ranges(low: str) -> list["re.Match[str]"]:
    """The matches of :data:`cues.RANGE` in a folded sentence.

    A range holds two runs of four digits: a sentence of fewer than eight digits (most) is not searched.
    """
    if sum(map(low.count, "0123456789")) < 8:
        return []
    found = list(cues.RANGE.finditer(low))
    if "unti" in low or "jusqu'a" in low or "till" in low:
        # "from 2004 until the Council withdrew them in 2008" (round 14): where no plain range holds the years
        taken = {m.start(1) for m in found} | {m.start(2) for m in found}
        more = [m for m in cues.RANGE_UNTIL.finditer(low) if m.start(1) not in taken and m.start(2) not in taken]
        found = sorted(found + more, key=lambda m: m.start(1))
    return found


def unnamed(s: Sentence, matches: "Iterable[re.Match[str]]") -> "Iterator[re.Match[str]]":
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


def vehicles(low: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
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


def operation_spans(context: Context, s: Sentence) -> list[tuple[int, int]]:
    """The spans of the operations (NATO-led ones, as the vocabulary kinds them) the sentence names."""
    return [(m.start, m.end) for m in s.mentions if m.kind == "programme" and context.kind(m.code) == "operation"]


def others_forces(
    low: str, found: Sequence[tuple[int, int]], operations: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The spans of forces words qualified as NATO's or an operation's ("ISAF troops", "the troops of the
    International Security Assistance Force"), as ships are (:func:`vehicles`): the operation's own
    troops, which a partner may support but which are none of its units. ``operations`` are the spans
    of the operations the sentence names.
    """
    ends = {b for _, b in operations}
    starts = {a for a, _ in operations}
    out = []
    for a, b in found:
        # The operation's name right before the word ("ISAF troops", "(ISAF) troops"), a few characters
        # back, or right after it past "of the" / "de la".
        before = a
        while before > max(0, a - 3) and low[before - 1] in " )":
            before -= 1
        qualifier = cues.OF_THE.match(low, b, b + 12)
        if (
            before in ends
            or (qualifier is not None and qualifier.end() in starts)
            or cues.VEHICLE_OTHERS_BEFORE.search(low[max(0, a - 12) : a])
            or cues.VEHICLE_OTHERS_AFTER.match(low[b : b + 30])
        ):
            out.append((a, b))
    return out


def outside(found: list[tuple[int, int]], cover: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``found`` that start outside every span of ``cover`` (disjoint, in order): a binary search each.

    >>> outside([(0, 6), (10, 16)], [(7, 16)])
    [(0, 6)]
    """
    if not cover:
        return found
    starts = [a for a, _ in cover]
    kept = []
    for span in found:
        k = bisect.bisect_right(starts, span[0]) - 1
        if k < 0 or span[0] >= cover[k][1]:
            kept.append(span)
    return kept


def spans(pattern: "re.Pattern[str]", low: str) -> list[tuple[int, int]]:
    """The (start, end) of every match of ``pattern`` in ``low``, in order."""
    return [(m.start(), m.end()) for m in pattern.finditer(low)]


def between(found: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (in order) that start within ``start:end``: two binary searches."""
    lo = bisect.bisect_left(found, (start, -1))
    hi = bisect.bisect_left(found, (end, -1))
    return list(found[lo:hi])


def host_forces(context: Context, s: Sentence) -> list[tuple[int, int]]:
    """The spans of the forces of a country an operation helps ("the Afghan security forces"), unless that
    country is the page's partner: none of them are units the partner sends (round 17)."""
    if not any(stem in s.low for stem in cues.HOST_STEMS):
        return []  # most sentences, without a regular expression
    return [
        (m.start(), m.end())
        for m in cues.HOST_FORCES.finditer(s.low)
        if not any(stem in m.group() and code == context.partner for stem, code in cues.HOST_STEMS.items())
    ]


def denied_operation(context: Context, s: Sentence) -> Mention | None:
    """The operation a later clause denies by a pronoun ("observed OUP in 2011, but did not take part in
    it", "mais n'y a pas pris part"): the one named last before the words, else None."""
    if " it" not in s.low and "n'y" not in s.low:
        return None  # most sentences, without a regular expression
    denial = cues.DENIED_IT.search(s.low)
    if denial is None:
        return None
    before = [
        m
        for m in s.mentions
        if m.kind == "programme" and m.end <= denial.start() and context.kind(m.code) == "operation"
    ]
    return before[-1] if before else None


def wished(s: Sentence) -> set[str]:
    """The programmes the partner is said only to wish or ask to join ("said it wished to join the PfP",
    "souhaitait rejoindre le PPP"): named in the clause of the wish, after it; not joined by this sentence."""
    if not any(stem in s.low for stem in _WISH_STEMS):
        return set()  # most sentences, without a regular expression
    out: set[str] = set()
    for wish in cues.WISH.finditer(s.low):
        unit = s.unit_at(wish.start())
        out |= {
            m.code for m in s.mentions if m.kind == "programme" and m.start >= wish.end() and s.unit_at(m.start) == unit
        }
    return out


_WISH_STEMS = (
    "wish",
    "want",
    "sought",
    "seek",
    "appl",
    "asked",
    "hope",
    "aspir",
    "souhait",
    "voul",
    "desir",
    "demand",
    "cherch",
)


def pending_invitation(s: Sentence) -> set[str]:
    """The programmes the partner is invited to join on a condition still to be met ("has been invited
    to join the MAP, pending ...", "invité à rejoindre le MAP, sous réserve de ..."): not joined yet."""
    invited = cues.INVITED.search(s.low) if "invit" in s.low else None
    pending = cues.PENDING.search(s.low, invited.end()) if invited is not None else None
    if invited is None or pending is None:
        return set()
    return {m.code for m in s.mentions if m.kind == "programme" and invited.end() <= m.start < pending.start()}
