"""The query engine: lazy indexes over a dataset, and the questions asked of them.

A :class:`Query` answers questions about one dataset, optionally as it stood at the end of a
year (``until``, used by :meth:`Dataset.as_of`). Its :class:`_Engine` is built once per dataset
and builds each index (by programme, by topic, by partner, by year, the full-text index) the first
time a question needs it; after that a question costs what its result costs: it picks the
smallest index bucket its filters name, bisects it by year when a year is asked about, and
checks the remaining filters on what is left.

Year questions are three-valued: a fact whose year is not known is neither a match nor dropped,
it goes to the result's ``unknown`` part.
"""

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from partnerdata._model.results import (
    Answer,
    Cooperation,
    Framework,
    Membership,
    PartnerMilestone,
    PartnerStance,
    Results,
    StatementHit,
    TimelineEntry,
)

if TYPE_CHECKING:
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.search import SearchIndex

T = TypeVar("T")

__all__ = ["Query"]

FLAGS = {
    "permanent_neutrality": "permanent_neutrality",
    "neutrality": "permanent_neutrality",
    "contributes_forces": "contributes_forces",
    "forces": "contributes_forces",
    "contributes_infrastructure": "contributes_infrastructure",
    "infrastructure": "contributes_infrastructure",
}
THROUGH = ("statement", "participation", "event", "designation")
MILESTONES = ("relations", "cooperation")


class _Bucket(Generic[T]):
    """The records of one index key, in their canonical order and by year."""

    __slots__ = ("all", "dated", "positions", "undated", "years")

    def __init__(self, items: Iterable[T], order: Callable[[T], Any], year: Callable[[T], int | None]) -> None:
        self.all: tuple[T, ...] = tuple(sorted(items, key=order))
        by_year = sorted((y, i) for i, r in enumerate(self.all) if (y := year(r)) is not None)
        self.years = [y for y, _ in by_year]
        self.positions = [i for _, i in by_year]
        self.undated: tuple[T, ...] = tuple(r for r in self.all if year(r) is None)

    def __len__(self) -> int:
        return len(self.all)

    def select(self, lo: int | None, hi: int | None) -> tuple[list[T], Sequence[T]]:
        """(matches, unknown) for years in ``[lo, hi]``; everything matches when neither is given."""
        if lo is None and hi is None:
            return list(self.all), ()
        a = bisect.bisect_left(self.years, lo) if lo is not None else 0
        b = bisect.bisect_right(self.years, hi) if hi is not None else len(self.years)
        return [self.all[i] for i in sorted(self.positions[a:b])], self.undated


def _group(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    out: dict[str, list[T]] = {}
    for item in items:
        for key in keys(item):
            out.setdefault(key, []).append(item)
    return out


def _buckets(
    items: Sequence[T], keys: Callable[[T], Iterable[str]], order: Callable[[T], Any], year: Callable[[T], int | None]
) -> dict[str, _Bucket[T]]:
    return {k: _Bucket(v, order, year) for k, v in _group(items, keys).items()}


def _year(record: Any) -> int | None:
    return record.year  # type: ignore[no-any-return]


def _membership_order(m: Membership) -> tuple[str, str]:
    return (m.partner, m.programme)


def _cooperation_order(c: Cooperation) -> tuple[Any, ...]:
    return (c.partner, c.topic, THROUGH.index(c.through), c.year or 0, c.evidence[0].locator if c.evidence else "")


def _milestone_order(m: PartnerMilestone) -> tuple[str, str]:
    return (m.partner, m.kind)


class _Engine:
    """Every index of one dataset, each built on first use."""

    def __init__(self, ds: "Dataset") -> None:
        self.ds = ds

    # Participations.
    @functools.cached_property
    def memberships(self) -> tuple[Membership, ...]:
        return tuple(
            Membership(partner=r.partner, programme=p.programme, since=p.since, focus=p.focus, evidence=p.evidence)
            for r in self.ds.relations
            for p in r.participations
        )

    @functools.cached_property
    def memberships_all(self) -> _Bucket[Membership]:
        return _Bucket(self.memberships, _membership_order, _year)

    @functools.cached_property
    def memberships_by_programme(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: (m.programme,), _membership_order, _year)

    @functools.cached_property
    def memberships_by_partner(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: (m.partner,), _membership_order, _year)

    @functools.cached_property
    def memberships_by_topic(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: m.focus, _membership_order, _year)

    # Cooperation on topics.
    @functools.cached_property
    def cooperations(self) -> tuple[Cooperation, ...]:
        out: list[Cooperation] = []
        for r in self.ds.relations:
            for s in r.statements:
                for t in s.topics:
                    out.append(
                        Cooperation(
                            partner=r.partner,
                            topic=t,
                            through="statement",
                            programmes=s.programmes,
                            text=s.text,
                            evidence=(s.evidence,),
                        )
                    )
            for p in r.participations:
                for t in p.focus:
                    out.append(
                        Cooperation(
                            partner=r.partner,
                            topic=t,
                            through="participation",
                            year=p.since,
                            programmes=(p.programme,),
                            text=p.aim,
                            evidence=p.evidence,
                        )
                    )
            for e in r.events:
                for t in e.topics:
                    out.append(
                        Cooperation(
                            partner=r.partner,
                            topic=t,
                            through="event",
                            year=e.year,
                            programmes=e.programmes,
                            text=e.text,
                            evidence=e.evidence,
                        )
                    )
            for d in r.stance.designations:
                for t in d.topics:
                    out.append(
                        Cooperation(
                            partner=r.partner,
                            topic=t,
                            through="designation",
                            programmes=(d.organisation,) if d.organisation else (),
                            text=d.purpose,
                            evidence=d.evidence,
                        )
                    )
        return tuple(out)

    @functools.cached_property
    def cooperations_all(self) -> _Bucket[Cooperation]:
        return _Bucket(self.cooperations, _cooperation_order, _year)

    @functools.cached_property
    def cooperations_by_topic(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: (c.topic,), _cooperation_order, _year)

    @functools.cached_property
    def cooperations_by_partner(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: (c.partner,), _cooperation_order, _year)

    @functools.cached_property
    def cooperations_by_programme(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: c.programmes, _cooperation_order, _year)

    # Stances and milestones: one record per partner of the dataset (all None without relation data).
    @functools.cached_property
    def stances(self) -> dict[str, PartnerStance]:
        relations = self.ds._index.relations
        out: dict[str, PartnerStance] = {}
        for p in self.ds.partners:
            r = relations.get(p.alpha3)
            if r is None:
                out[p.alpha3] = PartnerStance(partner=p.alpha3)
            else:
                s = r.stance
                out[p.alpha3] = PartnerStance(
                    partner=p.alpha3,
                    permanent_neutrality=s.permanent_neutrality,
                    contributes_forces=s.contributes_forces,
                    contributes_infrastructure=s.contributes_infrastructure,
                    evidence=s.evidence,
                )
        return out

    @functools.cached_property
    def stance_groups(self) -> dict[tuple[str, bool | None], tuple[PartnerStance, ...]]:
        out: dict[tuple[str, bool | None], list[PartnerStance]] = {}
        for s in self.stances.values():
            for flag in set(FLAGS.values()):
                out.setdefault((flag, getattr(s, flag)), []).append(s)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    def milestones(self) -> tuple[PartnerMilestone, ...]:
        relations = self.ds._index.relations
        out: list[PartnerMilestone] = []
        for p in self.ds.partners:
            r = relations.get(p.alpha3)
            for kind in MILESTONES:
                m = getattr(r, f"{kind}_since") if r is not None else None
                out.append(
                    PartnerMilestone(
                        partner=p.alpha3,
                        kind=kind,
                        year=m.year if m is not None else None,
                        via=m.via if m is not None else None,
                        evidence=m.evidence if m is not None else (),
                    )
                )
        return tuple(out)

    @functools.cached_property
    def milestones_all(self) -> _Bucket[PartnerMilestone]:
        return _Bucket(self.milestones, _milestone_order, _year)

    @functools.cached_property
    def milestones_by_kind(self) -> dict[str, _Bucket[PartnerMilestone]]:
        return _buckets(self.milestones, lambda m: (m.kind,), _milestone_order, _year)

    @functools.cached_property
    def milestones_by_partner(self) -> dict[str, _Bucket[PartnerMilestone]]:
        return _buckets(self.milestones, lambda m: (m.partner,), _milestone_order, _year)

    @functools.cached_property
    def frameworks(self) -> tuple[Framework, ...]:
        return tuple(
            Framework(
                programme=p.code,
                name=p.name,
                kind=p.kind,
                founded=p.founded.year if p.founded is not None else None,
                ended=p.ended,
                successor=p.successor,
            )
            for p in self.ds.programmes
        )

    # Timeline.
    @functools.cached_property
    def timeline_all(self) -> _Bucket[TimelineEntry]:
        from partnerdata._query.timeline import entries, order

        return _Bucket(entries(self.ds), order, _year)

    @functools.cached_property
    def timeline_by_partner(self) -> dict[str, _Bucket[TimelineEntry]]:
        from partnerdata._query.timeline import order

        return _buckets(self.timeline_all.all, lambda e: (e.partner,) if e.partner else (), order, _year)

    # Full-text search over statements.
    @functools.cached_property
    def hits(self) -> tuple[StatementHit, ...]:
        return tuple(
            StatementHit(
                partner=r.partner,
                text=s.text,
                heading=s.heading,
                topics=s.topics,
                programmes=s.programmes,
                evidence=(s.evidence,),
            )
            for r in self.ds.relations
            for s in r.statements
        )

    @functools.cached_property
    def search_index(self) -> "SearchIndex":
        from partnerdata._query.search import SearchIndex

        return SearchIndex([(h.text.fr, h.text.en) for h in self.hits])


def _check_year(name: str, value: object) -> int | None:
    if value is not None and type(value) is not int:
        raise TypeError(f"{name} must be a year (an int) or None, not {value!r}")
    return value


def _choose(lang: str | None) -> str | None:
    if lang is not None and lang not in ("fr", "en"):
        raise ValueError(f"lang must be 'fr', 'en' or None, not {lang!r}")
    return lang


def _pick(candidates: list[list[_Bucket[T]]], fallback: _Bucket[T]) -> list[_Bucket[T]]:
    """The cheapest set of buckets among those the filters name (each filter names a union of buckets)."""
    if not candidates:
        return [fallback]
    return min(candidates, key=lambda buckets: sum(len(b) for b in buckets))


def _gather(
    buckets: list[_Bucket[T]],
    lo: int | None,
    hi: int | None,
    keep: Callable[[T], bool],
    order: Callable[[T], Any],
    title: str,
    cls: type,
) -> Results[T]:
    matches: list[T] = []
    unknown: list[T] = []
    for b in buckets:
        found, undecided = b.select(lo, hi)
        matches.extend(r for r in found if keep(r))
        unknown.extend(r for r in undecided if keep(r))
    if len(buckets) > 1:
        matches.sort(key=order)
        unknown.sort(key=order)
    return Results(matches, unknown, title=title, cls=cls)


class Query:
    """Questions about one dataset, optionally as it stood at the end of year ``until``."""

    __slots__ = ("_engine", "ds", "until")

    def __init__(self, ds: "Dataset", until: int | None = None, engine: _Engine | None = None) -> None:
        self.ds = ds
        self.until = until
        self._engine = engine if engine is not None else _Engine(ds)

    def at(self, year: int) -> "Query":
        """The same questions at the end of ``year`` (sharing the indexes)."""
        _check_year("year", year)
        until = year if self.until is None else min(year, self.until)
        return Query(self.ds, until, self._engine)

    # Argument resolution: any name the dataset's lookups accept.
    def _partners(self, partner: str | Iterable[str] | None) -> list[str] | None:
        if partner is None:
            return None
        keys = [partner] if isinstance(partner, str) else list(partner)
        return sorted({self.ds.partner(k).alpha3 for k in keys})

    def _programme(self, programme: str | None) -> str | None:
        return None if programme is None else self.ds.programme(programme).code

    def _topic(self, topic: str | None) -> str | None:
        return None if topic is None else self.ds.topic(topic).code

    def _bounds(self, after: int | None, before: int | None) -> tuple[int | None, int | None]:
        lo = None if _check_year("since_after", after) is None else after + 1  # type: ignore[operator]
        hi = None if _check_year("since_before", before) is None else before - 1  # type: ignore[operator]
        if self.until is not None:
            hi = self.until if hi is None else min(hi, self.until)
        return lo, hi

    def participants(
        self,
        programme: str | None = None,
        *,
        partner: str | Iterable[str] | None = None,
        topic: str | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> Results[Membership]:
        """Participations in ``programme`` (all when ``None``), filtered; see :meth:`Dataset.participants`."""
        code, topic_code, partners = self._programme(programme), self._topic(topic), self._partners(partner)
        lo, hi = self._bounds(since_after, since_before)
        e = self._engine
        candidates: list[list[_Bucket[Membership]]] = []
        empty: _Bucket[Membership] = _Bucket((), _membership_order, _year)
        if code is not None:
            candidates.append([e.memberships_by_programme.get(code, empty)])
        if topic_code is not None:
            candidates.append([e.memberships_by_topic.get(topic_code, empty)])
        if partners is not None:
            candidates.append([e.memberships_by_partner.get(p, empty) for p in partners])
        wanted = set(partners) if partners is not None else None

        def keep(m: Membership) -> bool:
            return (
                (code is None or m.programme == code)
                and (topic_code is None or topic_code in m.focus)
                and (wanted is None or m.partner in wanted)
            )

        title = f"participants in {code}" if code else "participations"
        return _gather(_pick(candidates, e.memberships_all), lo, hi, keep, _membership_order, title, Membership)

    def cooperating(
        self,
        topic: str | None = None,
        *,
        partner: str | Iterable[str] | None = None,
        programme: str | None = None,
        through: str | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> Results[Cooperation]:
        """Where relations touch ``topic``, filtered; see :meth:`Dataset.cooperating`."""
        if through is not None and through not in THROUGH:
            raise ValueError(f"through must be one of {', '.join(THROUGH)}, not {through!r}")
        code, programme_code, partners = self._topic(topic), self._programme(programme), self._partners(partner)
        lo, hi = self._bounds(since_after, since_before)
        e = self._engine
        empty: _Bucket[Cooperation] = _Bucket((), _cooperation_order, _year)
        candidates: list[list[_Bucket[Cooperation]]] = []
        if code is not None:
            candidates.append([e.cooperations_by_topic.get(code, empty)])
        if programme_code is not None:
            candidates.append([e.cooperations_by_programme.get(programme_code, empty)])
        if partners is not None:
            candidates.append([e.cooperations_by_partner.get(p, empty) for p in partners])
        wanted = set(partners) if partners is not None else None

        def keep(c: Cooperation) -> bool:
            return (
                (code is None or c.topic == code)
                and (programme_code is None or programme_code in c.programmes)
                and (wanted is None or c.partner in wanted)
                and (through is None or c.through == through)
            )

        title = f"cooperation on {code}" if code else "cooperation"
        return _gather(_pick(candidates, e.cooperations_all), lo, hi, keep, _cooperation_order, title, Cooperation)

    def stance(self, flag: str) -> Answer[PartnerStance]:
        """Every partner by one stance flag; see :meth:`Dataset.stance`."""
        name = FLAGS.get(flag)
        if name is None:
            raise ValueError(f"flag must be one of {', '.join(FLAGS)}, not {flag!r}")
        groups = self._engine.stance_groups
        yes, no, unknown = (groups.get((name, value), ()) for value in (True, False, None))
        if self.until is not None:
            # A stance is not dated: at a past year, whatever it is now is not known then.
            everyone = tuple(self._engine.stances.values())
            return Answer(
                question=f"{name} at the end of {self.until}",
                yes=Results(title="yes", cls=PartnerStance),
                no=Results(title="no", cls=PartnerStance),
                unknown=Results(everyone, title="unknown", cls=PartnerStance),
            )
        return Answer(
            question=name,
            yes=Results(yes, title=f"{name}: yes", cls=PartnerStance),
            no=Results(no, title=f"{name}: no", cls=PartnerStance),
            unknown=Results(unknown, title=f"{name}: unknown", cls=PartnerStance),
        )

    def milestones(
        self,
        kind: str | None = None,
        *,
        partner: str | Iterable[str] | None = None,
        via: str | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> Results[PartnerMilestone]:
        """When relations or cooperation began, per partner; see :meth:`Dataset.milestones`."""
        if kind is not None and kind not in MILESTONES:
            raise ValueError(f"kind must be 'relations', 'cooperation' or None, not {kind!r}")
        via_code, partners = self._programme(via), self._partners(partner)
        lo, hi = self._bounds(since_after, since_before)
        e = self._engine
        empty: _Bucket[PartnerMilestone] = _Bucket((), _milestone_order, _year)
        candidates: list[list[_Bucket[PartnerMilestone]]] = []
        if kind is not None:
            candidates.append([e.milestones_by_kind.get(kind, empty)])
        if partners is not None:
            candidates.append([e.milestones_by_partner.get(p, empty) for p in partners])
        wanted = set(partners) if partners is not None else None

        def keep(m: PartnerMilestone) -> bool:
            return (
                (kind is None or m.kind == kind)
                and (wanted is None or m.partner in wanted)
                # An unknown milestone has no known ``via``: keep it among the unknown ones.
                and (via_code is None or m.via == via_code or m.year is None)
            )

        found = _gather(
            _pick(candidates, e.milestones_all), lo, hi, keep, _milestone_order, kind or "milestones", PartnerMilestone
        )
        if via_code is not None and lo is None and hi is None:
            known = [m for m in found if m.year is not None]
            return Results(known, [m for m in found if m.year is None], title=found.title, cls=PartnerMilestone)
        return found

    def frameworks(self, *, kind: str | None = None, existing_in: int | None = None) -> Results[Framework]:
        """Programmes, optionally those that existed in a year; see :meth:`Dataset.frameworks`."""
        year = _check_year("existing_in", existing_in)
        if self.until is not None:
            year = self.until if year is None else min(year, self.until)
        matches: list[Framework] = []
        unknown: list[Framework] = []
        for f in self._engine.frameworks:
            if kind is not None and f.kind != kind:
                continue
            if year is None:
                matches.append(f)
            elif f.ended is not None and f.ended <= year:
                continue  # known to have ended by then
            elif f.founded is None:
                unknown.append(f)
            elif f.founded <= year:
                matches.append(f)
        title = f"frameworks at the end of {year}" if year is not None else "frameworks"
        return Results(matches, unknown, title=title, cls=Framework)

    def timeline(
        self,
        start: int | None = None,
        end: int | None = None,
        *,
        partner: str | Iterable[str] | None = None,
        kind: str | None = None,
        programme: str | None = None,
        topic: str | None = None,
    ) -> Results[TimelineEntry]:
        """Dated happenings between ``start`` and ``end``, in order; see :meth:`Dataset.timeline`."""
        from partnerdata._query.timeline import KINDS, order

        if kind is not None and kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        lo, hi = _check_year("start", start), _check_year("end", end)
        if self.until is not None:
            hi = self.until if hi is None else min(hi, self.until)
        partners, programme_code, topic_code = self._partners(partner), self._programme(programme), self._topic(topic)
        e = self._engine
        if partners is not None:
            empty: _Bucket[TimelineEntry] = _Bucket((), order, _year)
            buckets = [e.timeline_by_partner.get(p, empty) for p in partners]
        else:
            buckets = [e.timeline_all]

        def keep(t: TimelineEntry) -> bool:
            return (
                (kind is None or t.kind == kind)
                and (programme_code is None or programme_code in t.programmes)
                and (topic_code is None or topic_code in t.topics)
            )

        matches: list[TimelineEntry] = []
        unknown: list[TimelineEntry] = []
        for b in buckets:
            a = bisect.bisect_left(b.years, lo) if lo is not None else 0
            z = bisect.bisect_right(b.years, hi) if hi is not None else len(b.years)
            matches.extend(t for t in (b.all[i] for i in b.positions[a:z]) if keep(t))
            unknown.extend(t for t in b.undated if keep(t))  # undated entries can never be placed
        matches.sort(key=order)
        unknown.sort(key=order)
        return Results(matches, unknown, title="timeline", cls=TimelineEntry)

    def search(
        self,
        text: str,
        *,
        lang: str | None = None,
        partner: str | Iterable[str] | None = None,
        topic: str | None = None,
        programme: str | None = None,
    ) -> Results[StatementHit]:
        """Statements whose text matches ``text``; see :meth:`Dataset.search`."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        _choose(lang)
        partners, topic_code, programme_code = self._partners(partner), self._topic(topic), self._programme(programme)
        e = self._engine
        hits = e.hits
        wanted = set(partners) if partners is not None else None
        found = [
            h
            for h in (hits[i] for i in e.search_index.find(text, lang))
            if (wanted is None or h.partner in wanted)
            and (topic_code is None or topic_code in h.topics)
            and (programme_code is None or programme_code in h.programmes)
        ]
        if self.until is not None:
            return Results((), found, title=f"search {text!r}", cls=StatementHit)  # statements are not dated
        return Results(found, title=f"search {text!r}", cls=StatementHit)
