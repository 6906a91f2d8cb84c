"""Fact step: when relations began, and when practical cooperation began.

:func:`relations_since` finds the year relations began (and the framework they began through:
"when it joined the NACC"); :func:`cooperation_since` the year practical cooperation began, where
the page gives one apart. Each returns the milestone and the sentence it was read from. A year is
a start only in the clause of a start word ("began", "depuis"), never as the sentence's first year;
a start word with no year of its own takes one only from the act it names ("began with this step"
after "joined the PfP in 1996", in the sentence before) or from the clause a colon or a relative
pronoun opens after it.
"""

import bisect
import re

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.facts_context import Context, unnamed, wished
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Milestone

__all__ = [
    "began_with_cooperation",
    "cooperation_came",
    "cooperation_clause_year",
    "cooperation_since",
    "opened_before",
    "relations_since",
    "since_joining",
    "speaks_of_relations",
    "start_of_cue",
    "via",
    "year_of_cue",
]

# The kinds of framework a start of relations goes through, in order of preference. An operation
# is none: troops sent to one are a participation, the way in stays unnamed (round 9).
_VIA_KINDS = {"forum": 0, "partnership-programme": 1}


def relations_since(context: Context) -> tuple[Milestone, Sentence] | None:
    """The start of relations: a start word's year, else joining a forum, else "a partner since"."""
    # A year starts relations only in the clause of a start word, never as the sentence's first
    # year: "became a partner in 2020, long after relations began" gives no start.
    previous: Sentence | None = None
    for s in context.sentences:
        before, previous = previous, s
        same_item = before is not None and before.place[:2] == s.place[:2]
        if not s.years:
            # "Switzerland joined the PfP in 1996. Its dialogue ... began with this step." (round 14): a
            # start said of the act the sentence before dates, in the same paragraph.
            if same_item and before is not None and before.years and speaks_of_relations(s):
                found_then = _then_before(context, s, before)
                if found_then is not None:
                    return found_then, before
            continue
        # "... se sont nouées dans les premiers mois. Elles ont débuté en 1992" (round 14): a pronoun
        # subject goes on from the sentence before.
        if speaks_of_relations(s) or (
            same_item and before is not None and cues.PRONOUN_OPENING.match(s.low) and speaks_of_relations(before)
        ):
            found = start_of_cue(s, cues.START)
            if found is None:
                continue
            year, unit = found
            way = via(context, s, year, unit)
            nxt = context.next_in_item(s)
            if way is None and nxt is not None:
                way = _forum_then(context, nxt, year)
            return Milestone(year=year, via=way, evidence=(s.evidence,)), s
    for s in context.sentences:
        joined = [m for m in s.affirmed if m.kind == "programme" and context.kind(m.code) == "forum"]
        if joined and (hoped := wished(s)):
            joined = [m for m in joined if m.code not in hoped]
        if not (s.years and joined and (cues.JOIN.search(s.low) or cues.FORUM_MEMBER.search(s.low))):
            continue
        # A founding word dates the forum in its own clause only: "joined the MD in 2000, years
        # after it was launched" still dates the partner's start.
        # ... unless the forum was joined at its founding ("joined the MD when it was launched in 1994").
        founding = {
            s.unit_at(m.start()) for m in cues.FRAMEWORK.finditer(s.low) if not cues.when_founded(s.low, m.start())
        }
        units = s.year_units(s.years) if founding else [-1] * len(s.years)
        for (year, _), unit, mention in zip(s.years, units, s.attach(s.years, joined), strict=True):
            if mention is not None and unit not in founding and context.began_by(mention.code, year):
                return _not_after_cooperation(
                    context, (Milestone(year=year, via=mention.code, evidence=(s.evidence,)), s)
                )
    # Last, a partner "of NATO since 1995" ("partenaire de l'OTAN depuis 1995"): the state
    # dates the start only where nothing on the page says when relations began.
    for s in context.sentences:
        partner = cues.PARTNER_OF.search(s.low) if s.years else None
        since = cues.SINCE.search(s.low, partner.end()) if partner is not None else None
        if partner is None or since is None or s.negated_at(partner.start(), since.end()):
            continue
        unit = s.unit_at(partner.start())
        if s.unit_at(since.start(1)) != unit:
            continue
        year = int(since.group(1))
        return _not_after_cooperation(
            context, (Milestone(year=year, via=via(context, s, year, unit), evidence=(s.evidence,)), s)
        )
    # Round 10: NATO and the partner "have cooperated since 2004" ("coopèrent depuis 2004"), NATO a side
    # of the verb in its clause: relations go back to that year where nothing above dates them.
    for s in context.sentences:
        verb = cues.COOPERATE_SINCE.search(s.low) if s.years else None
        if verb is None or s.negated_at(verb.start(), verb.end()):
            continue
        unit = s.unit_at(verb.start())
        if not any(s.unit_at(m.start()) == unit for m in cues.NATO_WORD.finditer(s.low, 0, verb.end())):
            continue  # "border guards have cooperated since 2003", "with the United Nations since 2003"
        year = int(verb.group(1))
        return _not_after_cooperation(
            context, (Milestone(year=year, via=via(context, s, year, unit), evidence=(s.evidence,)), s)
        )
    return None


def _then_before(context: Context, s: Sentence, before: Sentence) -> Milestone | None:
    """A start in a sentence with no year, said of the act just named ("began with this step", "a débuté
    à cette date"): the last year of the sentence before, through the framework it names."""
    start = cues.START.search(s.low)
    if start is None or s.negated_at(start.start(), start.end()) or cues.THEN.search(s.low) is None:
        return None
    year = before.years[-1][0]
    ranked = sorted(
        (_VIA_KINDS[context.kind(m.code)], m.code)
        for m in before.affirmed
        if m.kind == "programme" and context.kind(m.code) in _VIA_KINDS and context.began_by(m.code, year)
    )
    return Milestone(year=year, via=ranked[0][1] if ranked else None, evidence=(before.evidence, s.evidence))


def _cooperation_then_before(context: Context, s: Sentence, before: Sentence) -> Milestone | None:
    """Practical cooperation begun, in a sentence with no year, with the act just named ("began with this
    step"): the last year of the sentence before, through the partnership it names."""
    word = next(unnamed(s, cues.COOPERATION.finditer(s.low)), None)
    start = cues.COOP_START.search(s.low)
    if word is None or start is None or s.negated_at(start.start(), start.end()) or cues.THEN.search(s.low) is None:
        return None
    year = before.years[-1][0]
    through = [
        m.code
        for m in before.affirmed
        if m.kind == "programme" and context.kind(m.code) == "partnership-programme" and context.began_by(m.code, year)
    ]
    return Milestone(year=year, via=through[0], evidence=(before.evidence, s.evidence)) if through else None


def _forum_then(context: Context, nxt: Sentence, year: int) -> str | None:
    """The forum the next sentence says the partner sat in "then" ("Le pays siégeait alors au COCONA"),
    before any year of that sentence: the way relations began in ``year`` (round 14)."""
    then = cues.AT_THE_TIME.search(nxt.low)
    if then is None:
        return None
    # before any year of its own ("siégeait alors au COCONA, avant d'adhérer au PPP en 1994")
    first_year = nxt.years[0][1] if nxt.years else len(nxt.low)
    forums = [
        m.code
        for m in nxt.affirmed
        if m.kind == "programme" and context.kind(m.code) == "forum" and then.end() <= m.start < first_year
    ]
    return forums[0] if forums and context.began_by(forums[0], year) else None


def began_with_cooperation(
    context: Context, relations: tuple[Milestone, Sentence] | None, cooperation: tuple[Milestone, Sentence] | None
) -> tuple[Milestone, Sentence] | None:
    """The start of relations, else, where the page gives none, the start of practical cooperation
    through a partnership ("Cooperation began in 1994, when it joined the PfP"): relations began with it."""
    if relations is not None or cooperation is None or cooperation[0].via is None:
        return relations
    return cooperation if context.kind(cooperation[0].via) == "partnership-programme" else None


def _not_after_cooperation(context: Context, found: tuple[Milestone, Sentence]) -> tuple[Milestone, Sentence]:
    """A start of relations read from a state (a forum joined, "a partner since"), or the start of practical
    cooperation through a framework where the page says it began earlier: relations began with it.

    "Cooperation began when it joined the PfP, in 1996, and became a member of the EAPC, in 1997":
    the EAPC's year would start relations a year after cooperation, which cannot be.
    """
    cooperation = _cooperation_start(context, found)
    if cooperation is None or cooperation[0].via is None or cooperation[0].year >= found[0].year:
        return found
    # Joining a forum is no participation and, where it starts nothing, no event either (the EAPC in
    # 1997: tests/fixtures/layouts/README.md): its year stays held.
    found[1].used_years.add(found[0].year)
    return cooperation


def via(context: Context, s: Sentence, year: int, unit: int) -> str | None:
    """The framework a start of relations went through, as the sentence names it.

    A framework of the start's clause (its *when* or *with* clause included: "began in 1995,
    when it joined the Partnership for Peace"), else one named in a clause dated by no other
    year ("Under the NACC, relations began in 1992"); never one of a clause with a year of
    its own ("started in 2005, and it became a partner across the globe in 2012"). A forum
    comes before the PfP; an operation is no framework.
    """
    dated = set(s.year_units(s.years))
    ranked: list[tuple[int, int, str]] = []
    hoped = wished(s)  # "when it said it wished to join the PfP": no way in yet (round 11)
    for m in s.affirmed:
        if m.kind != "programme" or not context.began_by(m.code, year) or m.code in hoped:
            continue
        rank = _VIA_KINDS.get(context.kind(m.code))
        where = s.unit_at(m.start)
        if rank is None or (where != unit and where in dated):
            continue
        if where > unit and (s.parts[where].lead in clauses.CONNECTIVES or s.parts[where].mark == ";"):
            # "..., and Mongolia is one of the partners across the globe", "...; l'Australie compte parmi
            # les partenaires dans le monde" (round 12): another statement
            continue
        ranked.append((where != unit, rank, m.code))
    return min(ranked)[2] if ranked else None


def speaks_of_relations(s: Sentence) -> bool:
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
        if word.start() >= reach and not _intensified(s.low, word.start(), word.end()):
            return True
    return False


def _intensified(low: str, start: int, end: int) -> bool:
    """Whether the dialogue word is the Intensified Dialogue on membership ("dialogue intensifie"), a stage
    on the way to membership that starts no relations (round 10)."""
    return low.endswith("intensified ", 0, start) or low.startswith(" intensifie", end)


def year_of_cue(s: Sentence, cue: "re.Pattern[str]") -> int | None:
    """The year in the clause of a cue word (see :func:`start_of_cue`)."""
    found = start_of_cue(s, cue)
    return None if found is None else found[0]


def start_of_cue(s: Sentence, cue: "re.Pattern[str]") -> tuple[int, int] | None:
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
        word_end = match.end()
        while word_end < len(s.low) and s.low[word_end].isalpha():
            word_end += 1  # the rest of the start word ("commenc|e", "start|ed")
        if cues.STRENGTHEN_AFTER.match(s.low, word_end):
            continue  # "began to strengthen their dialogue in 2005": closer ties, not their start
        unit = s.unit_at(match.start())
        if _describes_another(s, match.start()):
            continue  # "..., the mission, which was opened in 1998": that mission's start (round 12)
        mine = by_unit.get(unit, [])
        after = next((y for y, at in mine if at >= match.start()), None)
        if after is not None or mine:
            return (after if after is not None else mine[0][0]), unit
        k = bisect.bisect_right(starts, match.start()) - 1
        following = s.parts[k + 1] if k + 1 < len(s.parts) else None
        if following is not None and (
            following.mark == ":" or (following.mark == "," and following.lead in clauses.RELATIVES)
        ):
            # "began soon after independence: in December 1991 it ...", "a commencé avec l'adhésion au PPP,
            # dont il a signé le document cadre le 8 février 1994" (round 15): the next clause's year
            there = next(
                ((y, u) for (y, at), u in zip(s.years, units, strict=True) if following.start <= at < following.end),
                None,
            )
            if there is not None:
                # after a colon, the clause that the year dates is where its framework is named
                return there[0], (there[1] if following.mark == ":" else unit)
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


def _first_word(low: str, at: int) -> int:
    """Where the first word at or after ``at`` starts, past spaces and the clause's mark."""
    while at < len(low) and low[at] in " ,;:":
        at += 1
    return at


def _describes_another(s: Sentence, at: int) -> bool:
    """Whether the cue at ``at`` stands in a relative clause describing something other than the relations
    ("its mission to NATO, which was opened in 1998"; not "Relations with NATO, which began in 1992, ..."):
    the clause before it names no relations just before it."""
    clause = s.clause_at(at)
    k = s.parts.index(clause)
    if k == 0 or clause.mark != "," or clause.lead not in clauses.RELATIVES:
        return False
    # The relations word at most 60 characters back, in the clause before ("Relations between NATO and the
    # Republic of Moldova, which began"): a bounded window.
    return cues.RELATIONS_WORD.search(s.low, max(s.parts[k - 1].start, clause.start - 60), clause.start) is None


def cooperation_since(
    context: Context, relations: tuple[Milestone, Sentence] | None
) -> tuple[Milestone, Sentence] | None:
    """The start of practical cooperation, and its sentence; none before the start of relations.

    ``relations`` is what :func:`relations_since` found: its sentence may date both starts.
    """
    found = _cooperation_start(context, relations)
    if relations is not None and found is not None and found[0].year < relations[0].year:
        return None  # cooperation cannot start before relations: the year is another's
    return found


def _cooperation_start(
    context: Context, relations: tuple[Milestone, Sentence] | None
) -> tuple[Milestone, Sentence] | None:
    previous: Sentence | None = None
    for s in context.sentences:
        before, previous = previous, s
        if not s.years:
            # "... joined the PfP in 1996. Its practical cooperation began with this step." (round 14)
            if before is not None and before.place[:2] == s.place[:2] and before.years:
                then_found = _cooperation_then_before(context, s, before)
                if then_found is not None:
                    return then_found, before
            continue
        if (relations is not None and s is relations[1]) or cues.RELATIONS.search(s.low):
            # One sentence for both starts ("Dialogue began in 1992 ..., and practical
            # cooperation followed when it joined the PfP in 1995"): the clause after the word.
            year = cooperation_clause_year(context, s)
            if year is None:
                year = since_joining(context, s)  # "cooperation has grown since it joined the PfP in 1996"
            if year is None:
                continue
        elif (
            s.years
            and cues.COOP_START.search(s.low)
            # the word outside a name (round 10): "programme ... de cooperation" starts nothing
            and next(unnamed(s, cues.COOPERATION.finditer(s.low)), None) is not None
        ):
            found = year_of_cue(s, cues.COOP_START)
            if found is None:
                continue
            year = found
        elif s.years and "cooperation" in s.low and (came := cooperation_came(s)) is not None:
            year = came
        elif s.years and "cooperation" in s.low and (cleft := _cleft_year(s)) is not None:
            year = cleft
        elif s.years and "cooper" in s.low and (ever := _cooperated_ever_since(s)) is not None:
            year = ever
        elif s.years and (joined := since_joining(context, s)) is not None:
            year = joined
        else:
            continue
        # A sentence naming no programme speaks of the one before's ("began within that framework").
        own = s.own_programmes or s.programmes
        through = [c for c in own if context.kind(c) == "partnership-programme"]
        through = through or [c for c in own if context.eligible(c)]
        through = [c for c in through if context.began_by(c, year)]
        if not through and cues.DIALOGUE_AND_COOPERATION.search(s.low):
            # "Dialogue and cooperation started when it joined the NACC (1992)": cooperation said
            # with dialogue, and no framework of cooperation begun by then, is the start of relations
            # ... unless a partnership joined later is dated in the same breath ("... the NACC (1991)
            # and the PfP (1994)"): cooperation began with that one (round 12).
            later = _partnership_dated_after(context, s, year)
            if later is None:
                continue
            return later, s
        return Milestone(year=year, via=through[0] if through else None, evidence=(s.evidence,)), s
    return None


def _partnership_dated_after(context: Context, s: Sentence, year: int) -> Milestone | None:
    """The first partnership the sentence dates, by its own year, after ``year``, as a milestone."""
    partnerships = [m for m in s.affirmed if m.kind == "programme" and context.kind(m.code) == "partnership-programme"]
    if not partnerships:
        return None
    for (later, _), m in zip(s.years, s.attach(s.years, partnerships), strict=True):
        if m is not None and later > year and context.began_by(m.code, later):
            return Milestone(year=later, via=m.code, evidence=(s.evidence,))
    return None


def since_joining(context: Context, s: Sentence) -> int | None:
    """The year of a partnership joined "since" ("Since it joined the PfP in 1994, it has carried out
    practical cooperation"), in a sentence that speaks of cooperation outside a name; else None."""
    joined = cues.SINCE_JOINING.search(s.low)
    if joined is None or s.negated_at(joined.start(), joined.end()):
        return None
    if not any(context.kind(c) == "partnership-programme" for c in s.own_programmes):
        return None
    # Names and words both come in order: one sweep, linear in the sentence.
    names = sorted((m.start, m.end) for m in s.mentions if m.kind == "programme")
    reach, n = -1, 0
    for word in cues.COOPERATION.finditer(s.low):
        while n < len(names) and names[n][0] <= word.start():
            reach = max(reach, names[n][1])
            n += 1
        if word.start() >= reach:  # "the North Atlantic Cooperation Council" is no cooperation
            return next((y for y, at in s.years if at > joined.end()), None)
    return None


def _cooperated_ever_since(s: Sentence) -> int | None:
    """The year before "has cooperated ... ever since" ("signed the Framework Document in 1994 and has
    cooperated with the Allies in practice ever since"; round 15)."""
    found = cues.COOPERATED_EVER_SINCE.search(s.low) or cues.COOPERATION_EVER_SINCE.search(s.low)
    if found is None or s.negated_at(found.start(), found.end()):
        return None
    before = [y for y, at in s.years if at < found.start()]
    return before[-1] if before else None


def _cleft_year(s: Sentence) -> int | None:
    """The year before a cleft dating cooperation by the act just named ("joined the PfP in 1994, and it
    was from that date that practical cooperation developed"; round 13), where the word follows it."""
    cleft = cues.CLEFT_FROM.search(s.low)
    if cleft is None or s.negated_at(cleft.start(), cleft.end()):
        return None
    if next(unnamed(s, cues.COOPERATION.finditer(s.low, cleft.end())), None) is None:
        return None
    before = [y for y, at in s.years if at < cleft.start()]
    return before[-1] if before else None


def cooperation_came(s: Sentence) -> int | None:
    """The first year after "cooperation came/followed" ("came a decade later: in 2002"), outside a name."""
    came = cues.COOP_CAME.search(s.low)
    if came is None or any(m.kind == "programme" and m.start <= came.start() < m.end for m in s.mentions):
        return None  # "the North Atlantic Cooperation Council followed" is a name
    if s.negated_at(came.start(), came.end()):
        return None
    after = next((y for y, at in s.years if at > came.end()), None)
    if after is None and cues.THEN.search(s.low, came.end()):
        # "signed the Framework Document in 1994, and practical cooperation followed from then on" (round 16)
        return next((y for y, at in reversed(s.years) if at < came.start()), None)
    return after


def cooperation_clause_year(context: Context, s: Sentence) -> int | None:
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
        return opened_before(context, s, word.start())
    return None


def opened_before(context: Context, s: Sentence, at: int) -> int | None:
    """The year of a start word before "cooperation" in its clause ("which opened ... practical cooperation").

    The clause's own year, else, in a clause renaming the one before ("..., which opened",
    "..., ce qui a ouvert"), the last year before it.
    """
    unit = s.unit_at(at)
    opened = [m for m in cues.COOP_START.finditer(s.low, 0, at) if s.unit_at(m.start()) == unit]
    # Practical cooperation opens with the partnership ("joined the PfP in 1994, which opened ...
    # practical cooperation"); "engaged in dialogue and cooperation since 2005" is relations only.
    if not opened or not any(context.kind(c) == "partnership-programme" for c in s.own_programmes):
        return None  # the first free "cooperation" decides: searching on from each one is quadratic
    own = [y for (y, _), u in zip(s.years, s.year_units(s.years), strict=True) if u == unit]
    if own:
        return own[0]
    clause = next(c for c in reversed(s.parts) if c.start <= opened[-1].start())
    before = [y for y, where in s.years if where < clause.start]
    if before and (
        (clause.mark == "," and clause.lead in cues.RENAMING)
        or (clause.mark in ",;" and cues.STEP_RENAMING.match(s.low, _first_word(s.low, clause.start)))
    ):
        return before[-1]  # round 13: "...; this step also opened the way to practical cooperation"
    if before and cues.THEN.search(s.low, clause.start, at):
        return before[-1]  # "; c'est de cette adhesion que date sa cooperation" (round 12): the act just named
    return None
