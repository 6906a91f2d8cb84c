"""Fact step: the programmes the partner takes part in, and the year it started in each.

:func:`participation_years` reads the start years (each year goes to the name of its clause);
:func:`participations` makes one :class:`Participation` per programme the partner takes part in,
with its start year, focus topics and aim; :func:`hold_start_years` then keeps a start year held
by a participation from dating an event as well.
"""

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.facts_context import (
    Context,
    clean_clause,
    denied_operation,
    host_forces,
    operation_spans,
    others_forces,
    outside,
    pending_invitation,
    spans,
    vehicles,
    wished,
)
from partnerdata._ingest.mentions import Mention
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Participation, Text

__all__ = [
    "Starts",
    "aim",
    "ending_years",
    "focus",
    "for_partner",
    "hold_joined_years",
    "hold_start_years",
    "launched_after",
    "membership_denied",
    "moved_to",
    "participation_years",
    "participations",
    "takes_part",
]


class Starts(NamedTuple):
    """What :func:`participation_years` read: the start years, their restatements and the plans moved to."""

    since: dict[str, tuple[int, Sentence]]
    """Per programme, the partner's start year in it and the sentence that says so."""
    restated: list[tuple[str, int, Sentence]]
    """(programme, year, sentence) for every statement of a start year, the first included."""
    moved_to: set[str]
    """The plans a sentence says the partner moved to: the plan in force is one of them."""


def participation_years(context: Context) -> Starts:
    """The start of this partner's participation in each programme, where the page gives it."""
    found: dict[str, tuple[int, Sentence]] = {}
    restated: list[tuple[str, int, Sentence]] = []
    moves: set[str] = set()
    weakly: set[str] = set()  # the programmes whose start found so far is a weak one
    for s in context.sentences:
        if s.years and not s.own_programmes and s.programmes:
            joined = _joined_it(context, s)
            if joined is not None and joined[0] not in found:
                found[joined[0]] = (joined[1], s)
                restated.append((joined[0], joined[1], s))
            continue
        candidates = [m for m in s.affirmed if m.kind == "programme" and context.kind(m.code) != "forum"]
        # A centre dates a start only where the partner's own centre is one ("has been a PTEC since 2010")
        # or its people attend it, said in the centre's clause (round 10: "since 2017 its officers have
        # attended courses at PTECs").
        candidates = [
            m
            for m in candidates
            if context.kind(m.code) != "organisation"
            and (context.kind(m.code) != "centre" or cues.is_centre(s.low, m.start) or _attended(s, s.unit_at(m.start)))
        ]
        if not candidates or not s.years:
            continue
        denied = denied_operation(context, s)
        if denied is not None:  # "... in 2011, but it did not take part in it": no start there
            candidates = [m for m in candidates if m.code != denied.code]
        hoped = wished(s)
        if hoped:  # "said it wished to join the PfP" joins nothing (round 11)
            candidates = [m for m in candidates if m.code not in hoped]
            if not candidates:
                continue
        if (
            any(context.kind(m.code) == "operation" for m in candidates)
            and not takes_part(s, operation_spans(context, s), host_forces(context, s))
            and s.affirms(spans(cues.INFRASTRUCTURE, s.low))
        ):
            # "From 1995, the air base served as a logistics hub for IFOR": support for the operation,
            # not this partner's start in it (its troops may take part elsewhere on the page).
            candidates = [m for m in candidates if context.kind(m.code) != "operation"]
            if not candidates:
                continue
        ranges = {m.start(1) for m in context.ranges(s)}
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
            years = launched_after(s.low)  # "a Trust Fund project, launched in 2011": its start
        weak: set[int] = set()
        if any(context.kind(m.code) == "operation" for m in candidates) and takes_part(
            s, operation_spans(context, s), host_forces(context, s)
        ):
            # Troops in an operation "from 2004 to 2014", or aircraft flying in it "in 2011": each
            # year goes to its clause's name (the range itself stays an event: its end is news),
            # but a range's end starts nothing.
            # A plain year is a weak start: it dates the operation only where the page gives no
            # other start, and holds no year of another sentence as the same start restated.
            found_ranges = context.ranges(s)
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
        invited = (
            [m for m in cues.INVITED.finditer(s.low) if not s.negated_at(m.start(), m.end())]
            if "invit" in s.low
            else []
        )
        if invited:
            # "was invited to join the MAP in December 2009": the invitation's year is a weak start, the
            # start only where the page gives no other ("began its first MAP cycle in 2010"; round 10).
            clauses_invited = {s.unit_at(m.start()) for m in invited}
            units = s.year_units(years)
            weak |= {at for (_, at), u in zip(years, units, strict=True) if u in clauses_invited}
        # "Allies launched for Moldova a capacity-building programme in 2014": a programme set up
        # for this partner starts its participation, even in the programme's founding year.
        # a launch said outside a relative clause ("Work under BI, which the Allies launched in 2007, began
        # for Colombia in 2014" is no programme set up for it; round 16)
        for_this_partner = (
            for_partner(context, s) is not None or cues.REQUEST_AUTHORITIES.search(s.low) is not None
        ) and any(s.clause_at(m.start()).lead not in clauses.RELATIVES for m in cues.LAUNCH.finditer(s.low))
        if for_this_partner:
            # Every year goes to its own clause's name: the launch's year dates the start, a later "since"
            # ("agreed in 2017 ..., put into practice since 2018") only where it is the only year (round 10).
            years = list(s.years)
        if not years and cues.SET_UP_FOR.search(s.low):
            years = list(s.years)  # "set up for the Military Academy in 2009": this partner's programme
        plans = [m for m in candidates if context.kind(m.code) == "cooperation-plan"]
        newer = moved_to(s, plans)
        if newer is not None:
            moves.add(newer)
        # The years of the move's own statement (a year in an older plan's clause is that plan's).
        # Each such year maps to the newer plan of its own move: in a chain ("the ITPP took over from
        # an IPCP, which had itself replaced the IPP in 2013") each "replaced" has its own subject.
        moving: dict[int, str] = {}
        inside: set[int] = set()  # years within the move's words ("replaced in 2009 by"): the newer plan's
        first_move = len(s.low)  # where the move is first said
        if newer is not None:
            words = list(cues.MOVE_TO.finditer(s.low))
            first_move = words[0].start() if words else first_move
            moved = {s.unit_at(m.start()): newer for m in words}
            for m in cues.REPLACES.finditer(s.low):
                subjects = [x for x in plans if x.end <= m.start()]
                moved.setdefault(s.unit_at(m.start()), subjects[-1].code if subjects else newer)
            units = s.year_units(s.years)
            moving = {a: moved[u] for (_, a), u in zip(s.years, units, strict=True) if u in moved}
            # ... but not past a plan named in them ("a remplace l'IPP qu'il suivait depuis 2003 par"): that
            # year is the older plan's own (round 13)
            inside = {
                a
                for _, a in s.years
                if any(m.start() < a < m.end() and not any(m.start() < p.start < a for p in plans) for m in words)
            }
        first_plan = any(
            cues.FIRST_BEFORE.search(s.low[max(0, m.start - 12) : m.start])
            or cues.FRAME_BEFORE.search(s.low[max(0, m.start - 28) : m.start])
            for m in plans
        )
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
        spans_back = {s.unit_at(m.end()): m.end() for m in cues.YEARS_AFTER.finditer(s.low)}
        if spans_back:
            # "twenty years after it joined the PfP": the name after the words is another year's
            candidates = [m for m in candidates if not spans_back.get(s.unit_at(m.start), len(s.low)) <= m.start]
        ended = ending_years(s)
        handover = _handover(s, plans) if newer is not None else {}
        if ended:
            # "renewed until 2022, when an ITPP took its place": the year ends one plan and starts the next
            years = [(y, at) for y, at in years if at not in ended or at in handover]
        # Each year goes to the name it belongs to by reading order and syntax (its clause).
        attached = s.attach(years, candidates)
        if newer is not None and None in attached:
            # "In March 2007, it moved from the IPP it had followed since 1997 to an IPAP": a year of the
            # move's clause said before the move, that no name took, dates the newer plan (round 11).
            to = next(m for m in plans if m.code == newer)
            attached = [
                to if m is None and at in moving and at < first_move else m
                for (_, at), m in zip(years, attached, strict=True)
            ]
        if handover:
            attached = [handover.get(at, m) for (_, at), m in zip(years, attached, strict=True)]
        if None in attached:
            # A range opening the sentence (or a side of it) dates the name after it, its end said by a clause
            # ("From 2015 until the mission ended in 2021, its soldiers served in RSM"; round 14).
            fronted = next((m for m in context.ranges(s) if _opens_a_side(s.low, m.start())), None)
            if fronted is not None:
                stop = s.low.find(";", fronted.end())
                stop = len(s.low) if stop < 0 else stop  # its side of the sentence
                after = next((m for m in candidates if fronted.end() <= m.start < stop), None)
                attached = [
                    after if m is None and at == fronted.start(1) else m
                    for (_, at), m in zip(years, attached, strict=True)
                ]
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
        # "joined the PII in 2014, when it was launched": the time of the joining, the partner's start (round 10).
        founding = {
            s.unit_at(m.start()) for m in cues.FRAMEWORK.finditer(s.low) if not cues.when_founded(s.low, m.start())
        }
        if cues.SINCE_FOUNDING.search(s.low):
            founding = set()  # "depuis sa creation, en 1994": there from the start
        year_unit: dict[int, int] | None = None  # worked out at the first year that needs it
        for (year, at), mention in zip(years, attached, strict=True):
            if mention is None:
                continue
            code = mention.code
            if (
                newer is not None
                and context.kind(code) == "cooperation-plan"
                and ((at < mention.start and at in moving) or at in inside)
            ):
                # "in 2023 it moved from its IPAP to an ITPP": a year before the older plan dates
                # the move; one after it ("the IPCP adopted in 2013") is that plan's own, unless it
                # stands in the move's words ("the IPP ... was replaced in 2009 by an IPAP").
                code = moving.get(at, newer)
            programme = context.matcher.programmes[code]
            founded = {programme.founded.year if programme.founded else None, programme.ended}
            if year in founded and founding and not for_this_partner:
                if year_unit is None:
                    year_unit = dict(zip([a for _, a in years], s.year_units(years), strict=True))
                    for m in cues.SINCE.finditer(s.low):
                        if not s.low.endswith(("dates ", "date "), 0, m.start()):  # "which dates from 1958": founding
                            year_unit.pop(m.start(1), None)
                if year_unit.get(at) in founding:
                    continue  # "launched in 1994" dates the framework, in the clause that says so
            if programme.kind == "cooperation-plan" and cues.LATER_PLAN_BEFORE.search(
                s.low[max(0, mention.start - 12) : mention.start]
            ):
                continue  # "a second IPCP, signed in 2019": a later plan of the kind, not the start
            if programme.founded is not None and year < programme.founded.year:
                continue  # before the programme existed: not this partner's start in it
            if at in weak and code in found:
                continue
            if code not in found or (code in weakly and at not in weak):
                # a weak start (a plain year, an invitation) gives way to the first strong one
                weakly.discard(code)
                found[code] = (year, s)
                if at in weak:
                    weakly.add(code)
            if found[code][0] == year:
                restated.append((code, year, s))
        _also_dated(s, years, candidates, plans, found, restated)
    return Starts(since=found, restated=restated, moved_to=moves)


def _also_dated(
    s: Sentence,
    years: Sequence[tuple[int, int]],
    candidates: Sequence[Mention],
    plans: Sequence[Mention],
    found: dict[str, tuple[int, Sentence]],
    restated: list[tuple[str, int, Sentence]],
) -> None:
    """Start years that a phrase gives a second name of the sentence, after each year went to its own
    clause's name: "X and Y both date from 1995", "..., the year it also entered the PARP", "with the
    submission of its first ANP" (rounds 10, 12 and 15). Adds to ``found`` and ``restated``."""
    both = cues.BOTH.search(s.low) if years else None
    if both is not None:
        # "Its first IPP and its entry into the PARP both date from 1995" (round 15): the year after
        # the word goes to every name before it in its clause.
        both_years = [(y, at) for y, at in years if at > both.end() and s.unit_at(at) == s.unit_at(both.start())]
        listed = [x for x in candidates if x.end <= both.start() and s.unit_at(x.start) == s.unit_at(both.start())]
        if both_years and len({x.code for x in listed}) > 1:
            for x in listed:
                if x.code not in found:
                    found[x.code] = (both_years[0][0], s)
                    restated.append((x.code, both_years[0][0], s))
    for c in s.parts:
        # "was agreed in 1997, the year it also entered the PARP" (round 12): the clause renaming the
        # year before it dates the programme it says the partner joined, as well as the first.
        if c.mark != "," or c.lead not in ("year", "annee") or not clauses.DATE_REL.match(s.low, c.start):
            continue
        before = [y for y, at in years if at < c.start]
        named = [m for m in candidates if c.start <= m.start < c.end and m.code not in found]
        if before and named and cues.JOIN.search(s.low, c.start, c.end):
            found[named[0].code] = (before[-1], s)
            restated.append((named[0].code, before[-1], s))
    if any(word in s.low for word in ("year", "annee", " ans ", " an ")):  # most sentences: no search
        _relative_years(s, candidates, found, restated)
    for plan in plans:
        # "began its first MAP cycle in 2010 with the submission of its first ANP": the act that
        # brings in a first plan is dated by its clause's year, though another name took it (round 10).
        if plan.code in found or not cues.FIRST_BEFORE.search(s.low[max(0, plan.start - 12) : plan.start]):
            continue
        window = s.low[max(0, plan.start - 40) : plan.start]
        act = cues.FIRST_NOUN.search(window) or cues.SUBMITTED.search(window)
        unit = s.unit_at(plan.start)
        mine = [y for y, at in years if s.unit_at(at) == unit]
        before = [y for y, at in years if at < plan.start and s.unit_at(at) == unit]
        # the year before the plan ("in 2010 with the submission of its first ANP"), else the clause's
        # ("submitted its first ANP under the MAP in October 1999"; round 15)
        plan_year = before[-1] if before else (mine[0] if mine else None)
        if act is not None and plan_year is not None:
            found[plan.code] = (plan_year, s)
            restated.append((plan.code, plan_year, s))


def _relative_years(
    s: Sentence,
    candidates: Sequence[Mention],
    found: dict[str, tuple[int, Sentence]],
    restated: list[tuple[str, int, Sentence]],
) -> None:
    """A start given relative to the year said before it ("entered the PARP in 1995 and agreed its first
    IPP a year later", "la même année", "l'année suivante"; round 18): the name of the phrase's clause
    that no year took starts that many years after the last year before the phrase."""
    for phrase in cues.RELATIVE_YEAR.finditer(s.low):
        before = [y for y, at in s.years if at < phrase.start()]
        if not before or s.negated_at(phrase.start(), phrase.end()):
            continue
        # "the same year" adds none; "two years later" its count; "the following year" one
        gap = 0 if phrase.group(2) else cues.RELATIVE_COUNTS.get(phrase.group(1) or "a", 1)
        year = before[-1] + gap
        unit = s.unit_at(phrase.start())
        named = [m for m in candidates if s.unit_at(m.start) == unit and m.code not in found]
        if not named:
            # a phrase set off as a clause of its own dates the clause after it (", l'année suivante, il ...")
            side_end = s.low.find(";", phrase.end())
            stop = len(s.low) if side_end < 0 else side_end
            named = [m for m in candidates if phrase.end() <= m.start < stop and m.code not in found][:1]
        if named:
            found[named[-1].code] = (year, s)
            restated.append((named[-1].code, year, s))


def _joined_it(context: Context, s: Sentence) -> tuple[str, int] | None:
    """A sentence naming no programme that says the partner joined "it" ("It joined in June 1994", "Il y a
    adhéré en 2006"): the one partnership the sentence before names, and the year of the joining's clause."""
    join = cues.PRONOUN_JOIN.search(s.low)
    if join is None or s.negated_at(join.start(), join.end()):
        return None
    named = [c for c in s.programmes if context.kind(c) == "partnership-programme"]
    if len(named) != 1:
        return None
    unit = s.unit_at(join.start())
    mine = [y for (y, at), u in zip(s.years, s.year_units(s.years), strict=True) if u == unit]
    return (named[0], mine[0]) if mine else None


def _opens_a_side(low: str, at: int) -> bool:
    """Whether ``at`` opens the sentence or a side of it (right after a semicolon or a colon)."""
    before = low[:at].rstrip()
    return not before or before.endswith((";", ":"))


def _handover(s: Sentence, plans: Sequence[Mention]) -> dict[int, Mention]:
    """Per year offset, the plan a "when" clause right after it says replaced the older one ("renewed until
    2022, when an ITPP took its place", "jusqu'en 2022, lorsqu'un ITPP l'a remplace") or was moved to
    ("followed an IPP until 1999, when it moved to the MAP"): that plan's start."""
    out: dict[int, Mention] = {}
    for m in cues.REPLACES.finditer(s.low):
        clause = s.clause_at(m.start())
        if clause.mark != "," or clause.lead not in _WHEN:
            continue
        before = [at for _, at in s.years if at < clause.start]
        subjects = [x for x in plans if clause.start <= x.start and x.end <= m.start()]
        if before and subjects:
            out[before[-1]] = subjects[-1]
    for m in cues.MOVE_TO.finditer(s.low):
        # "followed an IPP until 1999, when it moved to the MAP" (round 16): the plan moved to
        clause = s.clause_at(m.start())
        if clause.mark != "," or clause.lead not in _WHEN:
            continue
        before = [at for _, at in s.years if at < clause.start]
        objects = [x for x in plans if m.end() <= x.start < clause.end]
        if before and objects:
            out[before[-1]] = objects[0]
    return out


_WHEN = frozenset({"when", "lorsque", "lorsqu", "quand"})


def _attending(s: Sentence) -> list[tuple[int, int]]:
    """The spans of attending courses ("officers attend courses at"), outside a programme's name ("the Trust
    Fund's courses"); a topic's name may hold them ("cours d'anglais", round 12)."""
    if not any(stem in s.low for stem in ("attend", "cours", "train", "form", "stage")):
        return []  # most sentences, without a regular expression
    names = [(m.start, m.end) for m in s.mentions if m.kind == "programme"]
    return [(m.start(), m.end()) for m in cues.ATTEND.finditer(s.low) if not any(a <= m.start() < b for a, b in names)]


def _attended(s: Sentence, unit: int) -> bool:
    """Whether the partner's people attend courses in clause ``unit``, said outside a name and unnegated."""
    return any(s.unit_at(a) == unit and not s.negated_at(a, b) for a, b in _attending(s))


def launched_after(low: str) -> list[tuple[int, int]]:
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


_LAUNCH_WORDS = ("lance", "launched", "start", "begun", "initi", "set up", "en place", "demarre")


def for_partner(context: Context, s: Sentence) -> int | None:
    """Where the sentence names this partner right after "for"/"pour" ("lancé pour la Moldavie"), right
    after a launch "in" it ("lancé en Ukraine", "launched in Kazakhstan"), or as the one who asked ("at
    Kazakhstan's request", "à la demande du Kazakhstan"): the name's offset, else None."""
    # A bounded look-behind: the preposition and an article fit in 12 characters, a launch in 28.
    return next(
        (
            m.start
            for m in s.mentions
            if m.kind == "partner"
            and m.code == context.partner
            and (
                cues.FOR_BEFORE.search(s.low[max(0, m.start - 12) : m.start])
                or cues.LAUNCHED_IN_BEFORE.search(s.low[max(0, m.start - 28) : m.start])
                or cues.REQUEST_BEFORE.search(s.low[max(0, m.start - 24) : m.start])
                or cues.GIVE_BEFORE.search(s.low[max(0, m.start - 16) : m.start])
                or cues.REQUEST_AFTER.match(s.low, m.end)
            )
        ),
        None,
    )


def takes_part(s: Sentence, operations: Sequence[tuple[int, int]] = (), hosts: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a sentence naming an operation says the partner takes part in it.

    Troops, units or officers said outside a negated clause (not the operation's own: ``operations``
    are the spans of the operations it names; nor those of the country the operation helps, ``hosts``),
    or taking part said without transit, overflight or airfields ("its participation in ISAF began in
    2003").
    """
    own, others = vehicles(s.low)
    forces = spans(cues.FORCES, s.low)
    if forces:  # another country's ("US troops crossed the country") are not the partner's
        forces = outside(forces, sorted([*spans(cues.ALLIED_FORCES, s.low), *hosts]))
        # nor the operation's own ("supported ISAF troops through transit agreements")
        forces = outside(forces, others_forces(s.low, forces, operations))
        # nor those carried across its land ("let IFOR move troops across its territory"): transit
        crossings = [m.start() for m in cues.CROSSING.finditer(s.low)]
        if crossings:
            forces = [f for f in forces if not _just_before(s.low, f[1], crossings)]
        # nor the members of a meeting ("attended a meeting of ISAF troop-contributing nations")
        meetings = [m.end() for m in cues.MEETING.finditer(s.low)] if forces else []
        if meetings:
            forces = [f for f in forces if not _just_after(s.low, meetings, f[0])]
    if own and not cues.INFRASTRUCTURE.search(s.low):
        forces = sorted(forces + own)  # its own ships or aircraft, not hosted ones
    if s.affirms(forces):
        return True
    if not s.affirms(spans(cues.PARTICIPATE, s.low)):
        return False
    return not s.affirms(sorted(spans(cues.INFRASTRUCTURE, s.low) + others))


def _just_before(low: str, end: int, starts: Sequence[int]) -> bool:
    """Whether ``end`` lies at most 40 characters before the first of ``starts`` (in order) after it,
    with no stop in between (a binary search: the nearest is the only one that can be that close)."""
    k = bisect.bisect_left(starts, end)
    return k < len(starts) and starts[k] - end <= 40 and not any(c in ".;,:" for c in low[end : starts[k]])


def _just_after(low: str, ends: Sequence[int], at: int) -> bool:
    """Whether the last of ``ends`` (in order) before ``at`` lies at most 40 characters before it,
    with no stop in between (a binary search: the nearest is the only one that can be that close)."""
    k = bisect.bisect_right(ends, at) - 1
    return k >= 0 and at - ends[k] <= 40 and not any(c in ".;,:" for c in low[ends[k] : at])


# Clauses that describe a name rather than go on with the sentence: a relative or a participle one.
_SET_ASIDE = clauses.RELATIVES | clauses.PARTICIPLES


def moved_to(s: Sentence, plans: Sequence[Mention]) -> str | None:
    """The plan a sentence says the partner moved to (the newer plan), if it says so."""
    if not plans:
        return None
    newer: str | None = None
    move = cues.MOVE_TO.search(s.low)
    if move is not None:
        # The last plan after the words ("moved from its IPAP to an ITPP"), but not past a plan that
        # replaced another: "moved to an ITPP, which replaced the IPCP" names the older plan last.
        replaced = cues.REPLACES.search(s.low, move.end())
        stop = len(s.low) if replaced is None else replaced.start()
        side_end = s.low.find(";", move.end())  # nor past the move's side of the sentence (round 16)
        stop = stop if side_end < 0 else min(stop, side_end)
        # ... outside a relative clause after it: "gave way to an ANP, which it draws up under the MAP" (round 15)
        after = [m for m in plans if move.end() <= m.start < stop and s.clause_at(m.start).lead not in _SET_ASIDE]
        newer = after[-1].code if after else None
    else:
        replaces = cues.REPLACES.search(s.low)
        before = [m for m in plans if replaces is not None and m.end <= replaces.start()]
        newer = before[-1].code if before else None
    return newer


def hold_start_years(participations: Sequence[Participation], restated: Sequence[tuple[str, int, Sentence]]) -> None:
    """Mark each statement of a participation's start year as used: the year dates no event there.

    A start year is no event only where a participation holds it: hosting a transit centre for
    ISAF "since 2001" or a depository library "since 2010" gives no participation, so the year
    stays an event rather than vanishing.
    """
    held = {(p.programme, p.since) for p in participations if p.since is not None}
    for code, year, s in restated:
        if (code, year) in held:
            s.used_years.add(year)


def ending_years(s: Sentence) -> set[int]:
    """The offsets of the years that end a part rather than start one: right after "until"/"jusqu'en"
    ("served in SFOR until 2002"), or in the clause of a withdrawal ("was withdrawn in 2002")."""
    out = {at for _, at in s.years if cues.LIMIT_BEFORE.search(s.low[max(0, at - 16) : at])}
    withdrawals = {s.unit_at(m.start()) for m in cues.WITHDRAWN.finditer(s.low)}
    if withdrawals:
        # a start said as one ("from 1999 until 2008, when they were withdrawn") stays a start
        starts = {m.start(1) for m in cues.SINCE.finditer(s.low)}
        units = s.year_units(s.years)
        out |= {at for (_, at), u in zip(s.years, units, strict=True) if u in withdrawals and at not in starts}
    return out


def hold_joined_years(context: Context, participations: Sequence[Participation]) -> None:
    """Mark a participation's start year as used in every sentence that says again the partner joined
    the programme that year, however the year attaches ("the PfP framework, which it joined in 1995"):
    the page holds that fact already, so the year dates no event there."""
    held = {p.programme: p.since for p in participations if p.since is not None}
    for s in context.sentences:
        if not s.years or not s.own_programmes:
            continue
        years = {held[code] for code in s.own_programmes if code in held} & {y for y, _ in s.years}
        if years and cues.JOIN.search(s.low):
            s.used_years.update(years)


def membership_denied(s: Sentence) -> set[str]:
    """The programmes whose membership the sentence denies ("is not a member of the PfP, but its officers
    attend PfP courses"): naming it again after "but" makes no participation."""
    out: set[str] = set()
    for m in cues.NOT_MEMBER.finditer(s.low):
        after = next((x for x in s.mentions if x.kind == "programme" and x.start >= m.end()), None)
        if after is not None and s.unit_at(after.start) == s.unit_at(m.end() - 1):  # the clause of "member"
            out.add(after.code)
    return out


def participations(context: Context, since: dict[str, tuple[int, Sentence]]) -> list[Participation]:
    """One participation per programme the partner takes part in, in the order the page first names them.

    ``since`` is :attr:`Starts.since`: a plan with a start year is a participation too.
    """
    found: list[str] = []
    for s in context.sentences:
        denied = (membership_denied(s) if "memb" in s.low else set()) | pending_invitation(s) | wished(s)
        if (operation := denied_operation(context, s)) is not None:
            denied.add(operation.code)
        # a start read from a sentence that names the programme only by a pronoun ("It joined in 1994")
        joined_it = [c for c, (_, where) in since.items() if where is s and c not in s.own_programmes]
        for code in [*s.own_programmes, *joined_it]:
            if code in found or code in denied:
                continue
            if context.kind(code) == "operation" and not takes_part(
                s, operation_spans(context, s), host_forces(context, s)
            ):
                continue  # transit or overflight for an operation is support, not participation
            if context.eligible(code) or (code in since and context.kind(code) == "cooperation-plan"):
                found.append(code)
            elif context.kind(code) == "centre" and _attending(s):
                found.append(code)  # a training centre its people attend ("officers attend courses at")
            elif context.kind(code) == "centre" and any(
                m.code == code and cues.is_centre(s.low, m.start) for m in s.affirmed
            ):
                found.append(code)  # its own centre is one ("has been a PTEC since 2010")
    out: list[Participation] = []
    for code in found:
        evidence = [s for s in context.sentences if code in s.programmes]
        if code in since and since[code][1] not in evidence:
            evidence.append(since[code][1])
            evidence.sort(key=lambda s: s.place)
        out.append(
            Participation(
                programme=code,
                since=since[code][0] if code in since else None,
                focus=tuple(focus(code, evidence)),
                aim=aim(context, code, evidence),
                evidence=tuple(s.evidence for s in evidence),
            )
        )
    return out


def focus(code: str, evidence: list[Sentence]) -> list[str]:
    """The topics of a participation: those its sentences name outside the programme's name, else inside it."""
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


def aim(context: Context, code: str, evidence: list[Sentence]) -> Text | None:
    """The aim of a participation: the clause after "aims to"/"vise à" of a sentence naming no other programme."""
    for s in evidence:
        others = [c for c in s.programmes if c != code and context.eligible(c)]
        if others:
            continue
        end = cues.aim_end(s.low)
        if end is not None:
            clause = clean_clause(s.text[end:])
            if clause:
                return context.text(clause)
    return None
