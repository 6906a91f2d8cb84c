"""Fact step: the partner's cooperation plan (IPAP, IPCP, ITPP, ...), its cycle and how it is renewed.

:func:`plan` chooses the plan in force among those the page names and reads its cycle ("revised
every two years") from its sentences or the one that follows them ("The plan is ...").
"""

import bisect
import itertools
import re
from collections.abc import Sequence

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.facts_context import Context, clean_clause, pending_invitation, unnamed
from partnerdata._ingest.mentions import Mention
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import CooperationPlan, Text
from partnerdata._model.text import fold

__all__ = ["cycle", "plan"]


def plan(context: Context, since: dict[str, tuple[int, Sentence]], moved_to: set[str]) -> CooperationPlan | None:
    """The plan in force, with its cycle and renewal, citing every sentence that names it.

    ``since`` and ``moved_to`` are what :func:`~partnerdata._ingest.facts_participation.participation_years`
    read: the start year in each plan, and the plans the partner moved to.
    """
    # A plan the partner moved to wins ("in 2023 it moved to an ITPP"); then the one started last (an
    # IPCP agreed in 2012 and revised every two years, then an ITPP since 2023: the ITPP is the plan now;
    # round 13); between plans equal on that (undated ones), the plan named with its cycle.
    best: tuple[tuple[bool, int, int], str, Sentence] | None = None
    for s in context.sentences:
        pending = pending_invitation(s)  # "invited to join the MAP, pending ...": not its plan yet
        for code in s.own_programmes:
            if context.kind(code) != "cooperation-plan" or code in pending:
                continue
            named_cycle = _named_cycle(context, code)
            started = since[code][0] if code in since else 0
            if named_cycle is not None:
                # The Annual National Programme runs within the plan its sentence names ("adhéré au MAP,
                # dans le cadre duquel il inscrit ... un programme national annuel"): it is as recent.
                started = max([started, *(since[c][0] for c in s.own_programmes if c in since)])
            # ... and it goes with the plan moved to ("moved to the MAP; under the MAP, it has drawn up an ANP")
            moved = code in moved_to or (named_cycle is not None and any(c in moved_to for c in s.own_programmes))
            score = (moved, started, 2 if named_cycle or cycle(s, code, _plans(context, s)) else 1)
            if best is None or score > best[0]:
                best = (score, code, s)
    if best is None:
        return None
    _, code, first = best
    evidence = [s for s in context.sentences if code in s.own_programmes]
    years: int | None = None
    renewal: Text | None = None
    # A sentence that opens on "the plan" continues the one before it ("... its first IPAP in
    # 2006. The plan is revised every two years."): its cycle is this plan's.
    places = {s.place for s in evidence}
    following = [
        nxt
        for item in context.items.values()
        for s, nxt in itertools.pairwise(item)
        if s.place in places and cues.PLAN_REFERENCE.match(nxt.low)
    ]
    for s in [first, *evidence, *following]:
        match = cycle(s, code, _plans(context, s))
        if match is None:
            continue
        word = match.group(1) or match.group(2)
        years = int(word) if word.isdigit() else cues.CYCLE_WORDS.get(word)
        clause = cues.PLAN_CLAUSE.search(s.low)
        if clause is not None:
            said = clean_clause(s.text[clause.end() :])
        else:
            start = s.low.rfind(",", 0, match.start()) + 1
            said = clean_clause(s.text[start:])
        renewal = context.text(said) if said else None
        break
    if years is None:
        # A plan whose very name gives its cycle (the Annual National Programme): the page names the
        # cycle by naming the plan (round 12). Its renewal stays unsaid.
        years = _named_cycle(context, code)
    return CooperationPlan(
        programme=code, cycle_years=years, renewal=renewal, evidence=tuple(s.evidence for s in evidence)
    )


def _named_cycle(context: Context, code: str) -> int | None:
    """The cycle a plan's English name gives it ("Annual National Programme": 1), else None."""
    name = context.matcher.programmes[code].name.en
    found = cues.CYCLE.search(fold(name)) if name else None
    return None if found is None else cues.CYCLE_WORDS.get(found.group(2) or "")


def _plans(context: Context, s: Sentence) -> list[Mention]:
    """The mentions of cooperation plans in a sentence, in reading order."""
    return [m for m in s.mentions if m.kind == "programme" and context.kind(m.code) == "cooperation-plan"]


def cycle(s: Sentence, code: str | None = None, plans: Sequence[Mention] = ()) -> "re.Match[str] | None":
    """The first cycle word of a sentence outside the names in it ("Annual National Programme" is none).

    With ``code`` and the sentence's ``plans``, only a cycle said of that plan: in a sentence naming
    several plans, a cycle belongs to the plan named before it on its side of the sentence (sides
    end at a semicolon, a colon or a contrast: "an IPAP, revised every two years; in 2023 it moved
    to an ITPP" gives the ITPP no cycle), else to the first plan named after it there.
    """
    found = list(unnamed(s, cues.CYCLE.finditer(s.low)))
    if found and code is not None and plans:
        # A cycle said before a move belongs to the plan left, not the one moved to ("The programme was
        # reviewed every two years until, in 2021, it moved to an ITPP"; round 16).
        moves = [w.start() for w in cues.MOVE_TO.finditer(s.low)]
        mine = [p.start for p in plans if p.code == code]
        found = [m for m in found if not any(m.end() <= w < min(mine, default=-1) for w in moves)]
    if code is None or len({m.code for m in plans}) < 2:
        return found[0] if found else None
    sides = clauses.sides(s.parts)
    side_starts = [a for a, _ in sides]
    starts = [m.start for m in plans]
    for match in found:  # two binary searches a cycle word: a sentence of many stays near linear
        at = match.start()
        lo, hi = sides[max(0, bisect.bisect_right(side_starts, at) - 1)]
        k = bisect.bisect_right(starts, at) - 1  # the last plan named before the word (a word is outside names)
        if k >= 0 and plans[k].start >= lo:
            owner = plans[k]
        elif k + 1 < len(plans) and plans[k + 1].start < hi:
            owner = plans[k + 1]  # the first plan after it on its side
        else:
            owner = plans[max(k, 0)]  # no plan on its side: the nearest before it, else the first
        if owner.code == code:
            return match
    return None
