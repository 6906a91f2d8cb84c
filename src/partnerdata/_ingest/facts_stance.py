"""Fact step: the partner's stance (neutrality, forces and infrastructure for NATO-led operations, units).

:func:`stance` reads each sentence side by side (:func:`~partnerdata._ingest.clauses.sides`):
troops or units on a side that speaks of NATO-led operations say whether the partner contributes
forces, airfields or transit whether it contributes infrastructure; a negated clause says it does
not. A sentence that designates units for a purpose ("has made units available for ...") gives a
:class:`UnitDesignation`.
"""

import bisect

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.facts_context import (
    Context,
    between,
    clean_clause,
    denied_operation,
    host_forces,
    operation_spans,
    others_forces,
    outside,
    spans,
    unnamed,
    vehicles,
)
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Evidence, Stance, UnitDesignation

__all__ = ["stance"]


def _crossed(context: Context, s: Sentence) -> list[tuple[int, int]]:
    """The spans of this partner's name right after a crossing verb ("troops crossed Hungary"): transit."""
    return [
        (m.start, m.end)
        for m in s.mentions
        if m.kind == "partner"
        and m.code == context.partner
        and cues.CROSSED_BEFORE.search(s.low[max(0, m.start - 24) : m.start])
    ]


def _permanent(s: Sentence) -> bool:
    """Whether the sentence calls the partner's neutrality permanent (or lays it down in a constitution)
    on the side of the sentence that names it: "a policy of military neutrality" is not permanent."""
    qualifiers = [m.start() for m in cues.PERMANENT.finditer(s.low)]
    if not qualifiers:
        return False  # most sentences on neutrality: nothing to weigh
    starts = [a for a, _ in clauses.sides(s.parts)]
    named = {
        bisect.bisect_right(starts, m.start) - 1 for m in s.mentions if m.kind == "topic" and m.code == "neutrality"
    }
    return any(bisect.bisect_right(starts, q) - 1 in named for q in qualifiers)


def stance(context: Context) -> Stance:
    """The partner's stance as the page states it; each answer is None where the page is silent."""
    neutrality: bool | None = None
    forces: bool | None = None
    infrastructure: bool | None = None
    evidence: list[Evidence] = []
    designations: list[UnitDesignation] = []
    for s in context.sentences:
        hit = False
        if "neutrality" in s.stance_topics and _permanent(s):
            neutrality = True if neutrality is None else neutrality
            hit = True
        # Each cue word is read in its own clause ("is not a member, but it contributes
        # troops"). Troops said on a side of the sentence that does not speak of NATO-led
        # operations ("but a battalion is being trained") are not given to them; a refusal
        # there is ("ne fournit pas de troupes, mais il ... à la FIAS").
        forces_at = spans(cues.FORCES, s.low)
        if forces_at:
            forces_at = outside(forces_at, host_forces(context, s))  # "the Afghan security forces" (round 17)
        infrastructure_at = sorted(spans(cues.INFRASTRUCTURE, s.low) + _crossed(context, s))
        own, others = vehicles(s.low)
        if infrastructure_at:
            # Allied forces hosted ("opened its airfields to Allied forces") are others', like
            # Allied aircraft: hosting them is infrastructure, and they are no units of the partner;
            # so are another country's ("US troops crossed the country") and an operation's own
            # ("supported ISAF troops through transit agreements").
            allied_forces = sorted(
                spans(cues.ALLIED_FORCES, s.low) + others_forces(s.low, forces_at, operation_spans(context, s))
            )
            if allied_forces:
                forces_at = outside(forces_at, allied_forces)
                others = sorted(others + allied_forces)
        led: list[int] = []
        if forces_at or infrastructure_at or own or others:  # else spared the costly NATO_LED search
            operations = [m.start for m in s.mentions if m.kind == "programme" and context.kind(m.code) == "operation"]
            led = sorted([m.start() for m in cues.NATO_LED.finditer(s.low)] + operations)
            if operations and ("'s" in s.low or " de l" in s.low):
                # "not to ISAF, but the force's supplies crossed its territory": the named operation
                led = sorted(led + [m.start() for m in cues.OPERATION_AGAIN.finditer(s.low)])
        # An operation denied by a later pronoun ("but it did not take part in it"): the side naming it
        # gives no units (round 10), nor do people there "as observers".
        denied = denied_operation(context, s) if led else None
        for a, b in clauses.sides(s.parts) if led or others else ():
            this_side = bisect.bisect_left(led, b) > bisect.bisect_left(led, a)
            hosting = between(infrastructure_at, a, b)
            side_forces = between(forces_at, a, b)
            other_means = next(unnamed(s, cues.OTHER_MEANS.finditer(s.low, a, b)), None) is not None
            if other_means:
                # "contributes ... by sharing information": a contribution, but of no units
                side_forces = [f for f in side_forces if not s.low.startswith("contribu", f[0])]
            # "officers went through its courses", "ont suivi ses cours": trainees, not units given
            side_forces = [f for f in side_forces if not cues.TRAINEES.match(s.low, f[1])]
            if (denied is not None and a <= denied.start < b) or (
                side_forces and cues.OBSERVERS.search(s.low, a, b) is not None
            ):
                side_forces = []
            # The partner's own ships or aircraft are units, unless this side hosts them.
            # ... nor are its ships that only share information ("ses patrouilleurs échangent des informations")
            said = s.affirms(sorted(side_forces + ([] if hosting or other_means else between(own, a, b))))
            if said is not None and (this_side or said is False):
                forces = said if forces is None else (forces or said)
                hit = True
            # Allied aircraft or ships are NATO's: hosting them needs no other word for NATO. Sailing or
            # training with them ("trained with NATO ships") hosts nothing: without a word of hosting
            # (a port, transit, overflight, "hosted") they are no infrastructure.
            allied = between(others, a, b)
            if allied and not hosting and cues.HOSTS.search(s.low, a, b) is None:
                allied = []
            said = s.affirms(sorted(hosting + allied))
            if said is not None and (this_side or bool(allied) or said is False):
                infrastructure = said if infrastructure is None else (infrastructure or said)
                hit = True
        if hit:
            evidence.append(s.evidence)
            continue
        # The verb first: rarer than a unit word, it spares most sentences the search for one.
        cue = cues.DESIGNATE.search(s.low)
        units = (
            next((m for m in cues.UNITS.finditer(s.low) if not s.negated_at(m.start(), m.end())), None) if cue else None
        )
        if units and cue and not s.negated_at(cue.start(), cue.end()):
            start = min(units.start(), cue.start())
            purpose = clean_clause(s.text[start:])
            if purpose:
                organisations = [c for c in s.own_programmes if context.kind(c) == "organisation"]
                designations.append(
                    UnitDesignation(
                        purpose=context.text(purpose),
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
