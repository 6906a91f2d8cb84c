"""The timeline: every dated happening of a dataset as a :class:`TimelineEntry`, in order.

Entries are programmes founded and ended (their own dates, no partner), partners' milestones
(relations and practical cooperation beginning), participations starting, and events. Facts
without a year (a participation whose start the page does not state, a programme whose founding
date is not known) become entries with ``year=None``: a timeline reports them as unknown.
Partners without relation data have no entries.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from partnerdata._model.french import with_article
from partnerdata._model.records import Text
from partnerdata._model.results import TimelineEntry

if TYPE_CHECKING:
    from partnerdata._query.dataset import Dataset

KINDS = ("founded", "ended", "relations", "cooperation", "participation", "event")
_RANK = {kind: i for i, kind in enumerate(KINDS)}


def order(entry: TimelineEntry) -> tuple[Any, ...]:
    """Chronological order; undated entries last; then kind, partner and text."""
    dated = entry.year is not None
    return (
        not dated,
        entry.year or 0,
        entry.month or 0,
        entry.day or 0,
        _RANK[entry.kind],
        entry.partner or "",
        entry.programmes,
        str(entry.text),
    )


def _both(text: Text | None) -> tuple[str, str]:
    if text is None:
        return "", ""
    return str(text.get("fr")), str(text.get("en"))


def entries(ds: "Dataset") -> Iterator[TimelineEntry]:
    """Every entry of ``ds``, in no particular order."""
    for p in ds.programmes:
        fr, en = _both(p.name)
        founded = p.founded
        yield TimelineEntry(
            year=founded.year if founded else None,
            month=founded.month if founded else None,
            day=founded.day if founded else None,
            kind="founded",
            programmes=(p.code,),
            text=Text(fr=f"{fr} ({p.code}) : création", en=f"{en} ({p.code}): founded"),
        )
        if p.ended is not None:
            after_fr = f", remplacé par {p.successor}" if p.successor else ""
            after_en = f", succeeded by {p.successor}" if p.successor else ""
            yield TimelineEntry(
                year=p.ended,
                kind="ended",
                programmes=(p.code,) + ((p.successor,) if p.successor else ()),
                text=Text(fr=f"{fr} ({p.code}) : fin{after_fr}", en=f"{en} ({p.code}): ended{after_en}"),
            )
    names = {p.alpha3: _both(p.name) for p in ds.partners}
    programmes = {p.code: _both(p.name) for p in ds.programmes}
    # A programme reads as its acronym in each language (PfP, PPP), as in every view; else its code.
    short = {p.code: _both(p.acronym) if p.acronym is not None else (p.code, p.code) for p in ds.programmes}
    for r in ds.relations:
        fr, en = names.get(r.partner, (r.partner, r.partner))
        for kind, milestone, what_fr, what_en in (
            ("relations", r.relations_since, "début des relations avec l'OTAN", "relations with NATO begin"),
            ("cooperation", r.cooperation_since, "début de la coopération pratique", "practical cooperation begins"),
        ):
            via = milestone.via if milestone is not None else None
            # French puts the article of the programme's name before it: "par le COCONA".
            named = with_article(programmes.get(via, (via, via))[0], "fr", short.get(via, (via, via))[0]) if via else ""
            via_fr = f" (par {named})" if via else ""
            via_en = f" (through {short.get(via, (via, via))[1]})" if via else ""
            yield TimelineEntry(
                year=milestone.year if milestone is not None else None,
                kind=kind,
                partner=r.partner,
                programmes=(via,) if via else (),
                text=Text(fr=f"{fr} : {what_fr}{via_fr}", en=f"{en}: {what_en}{via_en}"),
                evidence=milestone.evidence if milestone is not None else (),
            )
        for part in r.participations:
            pfr, pen = programmes.get(part.programme, (part.programme, part.programme))
            afr, aen = short.get(part.programme, (part.programme, part.programme))
            yield TimelineEntry(
                year=part.since,
                kind="participation",
                partner=r.partner,
                programmes=(part.programme,),
                topics=part.focus,
                until=part.until,
                suspended=part.suspended,
                resumed=part.resumed,
                text=Text(
                    fr=f"{fr} : début de la participation, {pfr} ({afr})",
                    en=f"{en}: starts taking part in {pen} ({aen})",
                ),
                evidence=part.evidence,
            )
        for e in r.events:
            yield TimelineEntry(
                year=e.date.year,
                month=e.date.month,
                day=e.date.day,
                kind="event",
                partner=r.partner,
                programmes=e.programmes,
                topics=e.topics,
                text=e.text,
                evidence=e.evidence,
            )
