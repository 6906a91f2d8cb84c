"""Fact step: the dated events of the page, one per date no other fact holds.

:func:`events` makes an :class:`Event` of each sentence's free dates (:func:`dates`): a year that
starts relations, a participation or a framework is that fact's, not an event. A date reads its
month and day where the sentence gives them ("on 12 March 2007") and its end where it is a range
("from 2005 to 2013", "3-5 June 2012": :func:`range_ends`). The sentences after it in its item
that refer back ("It ...", "Cette ...") and give no year of their own join its event.
"""

import bisect
import re

from partnerdata._ingest import clauses, cues
from partnerdata._ingest.facts_context import Context
from partnerdata._ingest.sentence import Sentence
from partnerdata._model.records import Event, PartialDate

__all__ = ["ANY_MONTH", "date", "dates", "events", "range_ends"]

# Any month's name, where it stands: a sentence without one holds no date of the patterns that name one.
ANY_MONTH = re.compile(cues.MONTH)
# The most events one sentence gives: its first date, then one per coordinated statement.
_EVENTS_PER_SENTENCE = 3
# The most years of one list ("in 2009, 2010 and 2012") read as events of their own.
_YEARS_PER_LIST = 6


def events(context: Context) -> list[Event]:
    """The page's events, in page order, each with an id of its year and what it names ("2006-ipap")."""
    out: list[Event] = []
    ids: set[str] = set()
    repeats: dict[str, int] = {}
    for s, (when, end) in ((x, d) for x in context.sentences for d in dates(context, x)):
        group = [s]
        following = context.items[s.place[:2]]
        for nxt in following[following.index(s) + 1 :]:
            if nxt.years or not cues.ANAPHOR.match(nxt.low):
                break
            group.append(nxt)
        programmes = sorted({c for g in group for c in g.own_programmes} or set(s.programmes))
        partners = sorted({c for g in group for c in g.partners} - {context.partner})
        topics = sorted({t for g in group for t in g.topics})
        slug = (
            programmes[0].lower() if programmes else (partners[0].lower() if partners else "s{}-{}-{}".format(*s.place))
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
        out.append(
            Event(
                id=event_id,
                date=when,
                end=None if end is None else end.year,
                end_month=None if end is None else end.month,
                end_day=None if end is None else end.day,
                text=context.text(" ".join(g.text for g in group)),
                programmes=tuple(programmes),
                topics=tuple(topics),
                partners=tuple(partners),
                evidence=tuple(g.evidence for g in group),
            )
        )
    return out


def dates(context: Context, s: Sentence) -> list[tuple[PartialDate, PartialDate | None]]:
    """The dates of the sentence's events: the first free date, then one per later statement.

    A clause that opens a statement of its own ("... and opened a new one in March 2007", "...;
    a second visit followed in June 2012") and holds a free date is an event too, and so is a date
    in a later clause right after an act of its own ("includes a centre opened in August 2015"); a
    year that describes the first ("the first since 2010") is not.
    """
    found = date(context, s)
    if found is None or (not s.partners and _all_partners(s.low)):
        return []
    out = [found[:2]]
    if len(s.years) < 2:
        return out  # most sentences: one year, one event
    at = found[2]
    for offset in _listed(s, at):
        # "at successive summits in 2009, 2010 and 2012": each year of a list is a date of its own
        nxt = date(context, s, offset)
        if nxt is None or nxt[2] != offset:
            break
        out.append(nxt[:2])
        at = offset
    # Bounded: a sentence is a statement or a few, and each look is a pass over the sentence (a limit
    # skipped below counts as a look).
    for _ in range(2 * _EVENTS_PER_SENTENCE):
        if len(out) >= _EVENTS_PER_SENTENCE:
            break
        later = next((c for c in s.parts if c.start > at and (c.mark == ";" or c.lead in clauses.CONJUNCTIONS)), None)
        nxt = None if later is None else date(context, s, later.start)
        if nxt is None:
            nxt = _acted(context, s, at)
        if nxt is None:
            break
        at = nxt[2]
        if cues.LIMIT_BEFORE.search(s.low[max(0, at - 16) : at]):
            continue  # "... and to fund the army until 2020": a bound of the decision, not a statement
        out.append(nxt[:2])
    return out


def _all_partners(low: str) -> bool:
    """Whether a sentence speaks of NATO's policy for all its partners ("a partnership policy adopted in
    April 2011 offers all partners ..."): a fact about the frameworks, not a statement about this partner
    (like the replacement of the NACC by the EAPC), where the sentence names no partner."""
    return ("partn" in low or "parten" in low) and cues.ALL_PARTNERS.search(low) is not None


def _listed(s: Sentence, at: int) -> list[int]:
    """The offsets of the years that go on a list from the year at ``at`` ("2009, 2010 and 2012"):
    bare years, one after another, joined only by commas and "and"/"et"; a few at most."""
    offsets = [where for _, where in s.years]
    k = bisect.bisect_left(offsets, at) + 1
    out: list[int] = []
    while (
        k < len(offsets)
        and len(out) < _YEARS_PER_LIST
        and cues.LIST_GAP.fullmatch(s.low, offsets[k - 1] + 4, offsets[k])
    ):
        out.append(offsets[k])
        k += 1
    return out


def _acted(context: Context, s: Sentence, at: int) -> tuple[PartialDate, PartialDate | None, int] | None:
    """The next free date after the year at ``at``, where it stands in a later clause right after an
    act of its own ("..., adopted in 2014, includes a centre opened in August 2015")."""
    found = date(context, s, at + 4)
    if found is None or s.unit_at(found[2]) == s.unit_at(at):
        return None
    return found if cues.ACT_BEFORE.search(s.low[max(0, found[2] - 40) : found[2]]) else None


def date(context: Context, s: Sentence, start: int = 0) -> tuple[PartialDate, PartialDate | None, int] | None:
    """The first date from ``start`` that no other fact holds: the date, its range's end if any, its offset."""
    if not s.years:
        return None  # most sentences: no year to date, and no need of the costly range search
    # (Two years that each start something, "joined in 2010 and 2016 respectively", are no range.)
    ranges = {
        int(m.group(1))
        for m in context.ranges(s)
        if int(m.group(2)) > int(m.group(1)) and not {int(m.group(1)), int(m.group(2))} <= s.used_years
    }
    # A range keeps its event even when its first year is a start held elsewhere: the end is news.
    # A year in a negated clause dates nothing that happened ("was not among the first in 1994").
    free = [(y, at) for y, at in s.years if (y not in s.used_years or y in ranges) and not s.negated_at(at, at + 4)]
    if not free:
        return None
    for y, _ in free:
        named = [context.matcher.programmes[c] for c in s.programmes]
        framework = {p.founded.year for p in named if p.founded} | {p.ended for p in named if p.ended}
        # Joining a forum in the year it was founded ("joined ... the EAPC in 1997") is the
        # framework's start, shared by every partner in it, not a statement about this one.
        forums = {p.founded.year for p in named if p.founded and p.kind == "forum"}
        # An end said of the framework in the year it ended ("ISAF, which completed its mission in 2014").
        ends = {p.ended for p in named if p.ended}
        if y in framework and (
            cues.FRAMEWORK.search(s.low)
            or (y in forums and cues.JOIN.search(s.low))
            or (y in ends and cues.ENDED.search(s.low))
        ):
            s.used_years.add(y)
    free = [(y, at) for y, at in free if (y not in s.used_years or y in ranges) and at >= start]
    if not free:
        return None
    year, at = free[0]
    month = day = None
    # Each of these patterns needs a month's name: most sentences name none, and one search
    # for a name spares three passes over the sentence.
    with_month = ANY_MONTH.search(s.low) is not None
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
    for match in context.ranges(s):
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
    span = range_ends(s.low, year, at)
    if span is not None:
        s.used_years.add(span[1].year)
        return span[0], span[1], at
    return when, (None if end is None else PartialDate(year=end)), at


def range_ends(low: str, year: int, at: int) -> tuple[PartialDate, PartialDate] | None:
    """Start and end of a day or month range around the year at offset ``at`` that starts in ``year``."""
    found: list[tuple[int, int | None, int | None, int, int | None, int | None, int]] = []
    # (first year, month, day, last year, month, day, start offset), from each form of range.
    with_month = ANY_MONTH.search(low) is not None  # the forms below each need a month's name
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
