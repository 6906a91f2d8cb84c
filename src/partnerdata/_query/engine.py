"""The query engine: lazy indexes over one dataset, the answer records each question draws from.

An :class:`Engine` is made once per dataset (on its first question). The first question of each
kind (participants, cooperating, milestones) is answered by a scan of the records that builds
answer records for the matches only: an index costs several such scans to build, and a dataset
asked one question never needs it. The second question of that kind builds the indexes (by
programme, by topic, by partner, by year) it draws from; the timeline, stance and full-text
questions build theirs on their first use. The questions themselves are in
:mod:`partnerdata._query.questions`; a property test compares the scans with the indexes.
"""

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from partnerdata._io.load import quietly
from partnerdata._model.results import (
    Cooperation,
    Framework,
    Membership,
    PartnerMilestone,
    PartnerStance,
    Results,
    StatementHit,
    TimelineEntry,
)
from partnerdata._query.search import SearchIndex
from partnerdata._query.timeline import entries, order

if TYPE_CHECKING:
    from partnerdata._query.dataset import Dataset

T = TypeVar("T")

__all__ = ["Engine"]

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


def _quiet(build: Callable[[Any], T]) -> Callable[[Any], T]:
    """An index builder run with the cyclic garbage collector off, as load() runs.

    An index is many small records made at once, none in a cycle: the collector would walk them
    again and again while they are made (most of a first question's cost on a large dataset).
    """

    @functools.wraps(build)
    def built(self: Any) -> T:
        return quietly(lambda: build(self))

    return built


class Engine:
    """Every index of one dataset, each built on first use."""

    def __init__(self, ds: "Dataset") -> None:
        self.ds = ds
        self._asked: set[str] = set()

    def scans(self, kind: str) -> bool:
        """Whether to answer a question of ``kind`` by a scan: only the first question of its kind is.

        A scan builds answer records for the matches only; an index builds one for every fact and
        sorts them, which pays off from the second question on. Two threads asking at once may
        both scan: the answers are the same either way.
        """
        if kind in self._asked:
            return False
        self._asked.add(kind)
        return True

    # Participations.
    @functools.cached_property
    @_quiet
    def memberships(self) -> tuple[Membership, ...]:
        return tuple(memberships(self.ds.relations))

    @functools.cached_property
    @_quiet
    def memberships_all(self) -> _Bucket[Membership]:
        return _Bucket(self.memberships, _membership_order, _year)

    @functools.cached_property
    @_quiet
    def memberships_by_programme(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: (m.programme,), _membership_order, _year)

    @functools.cached_property
    @_quiet
    def memberships_by_partner(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: (m.partner,), _membership_order, _year)

    @functools.cached_property
    @_quiet
    def memberships_by_topic(self) -> dict[str, _Bucket[Membership]]:
        return _buckets(self.memberships, lambda m: m.focus, _membership_order, _year)

    # Cooperation on topics.
    @functools.cached_property
    @_quiet
    def cooperations(self) -> tuple[Cooperation, ...]:
        return tuple(links(self.ds.relations, None))

    @functools.cached_property
    @_quiet
    def cooperations_all(self) -> _Bucket[Cooperation]:
        return _Bucket(self.cooperations, _cooperation_order, _year)

    @functools.cached_property
    @_quiet
    def cooperations_by_topic(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: (c.topic,), _cooperation_order, _year)

    @functools.cached_property
    @_quiet
    def cooperations_by_partner(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: (c.partner,), _cooperation_order, _year)

    @functools.cached_property
    @_quiet
    def cooperations_by_programme(self) -> dict[str, _Bucket[Cooperation]]:
        return _buckets(self.cooperations, lambda c: c.programmes, _cooperation_order, _year)

    # Stances and milestones: one record per partner of the dataset (all None without relation data).
    @functools.cached_property
    @_quiet
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
    @_quiet
    def stance_groups(self) -> dict[tuple[str, bool | None], tuple[PartnerStance, ...]]:
        out: dict[tuple[str, bool | None], list[PartnerStance]] = {}
        for s in self.stances.values():
            for flag in set(FLAGS.values()):
                out.setdefault((flag, getattr(s, flag)), []).append(s)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    @_quiet
    def milestones(self) -> tuple[PartnerMilestone, ...]:
        return tuple(partner_milestones(self.ds, None, None))

    @functools.cached_property
    @_quiet
    def milestones_all(self) -> _Bucket[PartnerMilestone]:
        return _Bucket(self.milestones, _milestone_order, _year)

    @functools.cached_property
    @_quiet
    def milestones_by_kind(self) -> dict[str, _Bucket[PartnerMilestone]]:
        return _buckets(self.milestones, lambda m: (m.kind,), _milestone_order, _year)

    @functools.cached_property
    @_quiet
    def milestones_by_partner(self) -> dict[str, _Bucket[PartnerMilestone]]:
        return _buckets(self.milestones, lambda m: (m.partner,), _milestone_order, _year)

    @functools.cached_property
    @_quiet
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
    @_quiet
    def timeline_all(self) -> _Bucket[TimelineEntry]:
        return _Bucket(entries(self.ds), order, _year)

    @functools.cached_property
    @_quiet
    def timeline_by_partner(self) -> dict[str, _Bucket[TimelineEntry]]:
        return _buckets(self.timeline_all.all, lambda e: (e.partner,) if e.partner else (), order, _year)

    # Full-text search over statements.
    @functools.cached_property
    @_quiet
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
    @_quiet
    def search_index(self) -> SearchIndex:
        return SearchIndex([(h.text.fr, h.text.en) for h in self.hits])


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


def memberships(
    relations: Iterable[Any],
    programme: str | None = None,
    topic: str | None = None,
    partners: "set[str] | None" = None,
    seen_at: int | None = None,
    over: "frozenset[str]" = frozenset(),
) -> Iterable[Membership]:
    """A membership for every participation of ``relations`` that the filters keep (all when None).

    ``over`` holds the programmes that no longer existed at the end of ``seen_at``.

    The filters are tested here, not by a function per participation: a first question's scan
    of a large dataset is mostly this loop.
    """
    for r in relations:
        if partners is not None and r.partner not in partners:
            continue
        for p in r.participations:
            if (
                (programme is None or p.programme == programme)
                and (topic is None or topic in p.focus)
                # Seen at the end of a year, a participation that ended or was suspended by then is over.
                and (seen_at is None or (p.active(seen_at) is not False and p.programme not in over))
            ):
                yield Membership(
                    partner=r.partner,
                    programme=p.programme,
                    since=p.since,
                    until=p.until,
                    suspended=p.suspended,
                    resumed=p.resumed,
                    focus=p.focus,
                    evidence=p.evidence,
                )


# The answer records of one relation's facts, built only for the facts a filter keeps: the
# indexes build them all (``keep`` None), a first question's scan only those it asks about.
LinkFilter = Callable[[str, str, tuple[str, ...]], bool]


def links(relations: Iterable[Any], keep: LinkFilter | None) -> Iterable[Cooperation]:
    """Every link of ``relations`` to a topic (statement, participation, event, unit) that ``keep`` accepts.

    ``keep(topic, through, programmes)`` sees what a filter needs before the record is made.
    """
    for r in relations:
        for s in r.statements:
            for t in s.topics:
                if keep is None or keep(t, "statement", s.programmes):
                    yield Cooperation(
                        partner=r.partner,
                        topic=t,
                        through="statement",
                        programmes=s.programmes,
                        text=s.text,
                        evidence=(s.evidence,),
                    )
        for p in r.participations:
            for t in p.focus:
                if keep is None or keep(t, "participation", (p.programme,)):
                    yield Cooperation(
                        partner=r.partner,
                        topic=t,
                        through="participation",
                        year=p.since,
                        programmes=(p.programme,),
                        text=p.aim,
                        evidence=p.evidence,
                    )
        for e in r.events:
            for t in e.topics:
                if keep is None or keep(t, "event", e.programmes):
                    yield Cooperation(
                        partner=r.partner,
                        topic=t,
                        through="event",
                        year=e.year,
                        programmes=e.programmes,
                        text=e.text,
                        evidence=e.evidence,
                    )
        for d in r.stance.designations:
            for t in d.topics:
                body = (d.organisation,) if d.organisation else ()
                if keep is None or keep(t, "designation", body):
                    yield Cooperation(
                        partner=r.partner,
                        topic=t,
                        through="designation",
                        programmes=body,
                        text=d.purpose,
                        evidence=d.evidence,
                    )


def partner_milestones(
    ds: "Dataset", kinds: Sequence[str] | None, partners: Iterable[str] | None
) -> list[PartnerMilestone]:
    """The milestones of ``partners`` (every partner of ``ds`` when None) of ``kinds`` (both when None)."""
    relations = ds._index.relations
    codes = [p.alpha3 for p in ds.partners] if partners is None else partners
    out: list[PartnerMilestone] = []
    for code in codes:
        r = relations.get(code)
        for kind in MILESTONES if kinds is None else kinds:
            m = getattr(r, f"{kind}_since") if r is not None else None
            out.append(
                PartnerMilestone(
                    partner=code,
                    kind=kind,
                    year=m.year if m is not None else None,
                    via=m.via if m is not None else None,
                    evidence=m.evidence if m is not None else (),
                )
            )
    return out


def scanned(
    found: Iterable[T], lo: int | None, hi: int | None, year: Callable[[T], int | None], order: Callable[[T], Any]
) -> tuple[list[T], list[T]]:
    """(matches, unknown) of a scan's records for years in ``[lo, hi]``, as :meth:`_Bucket.select` splits them."""
    matches: list[T] = []
    unknown: list[T] = []
    if lo is None and hi is None:
        matches = list(found)
    else:
        for item in found:
            y = year(item)
            if y is None:
                unknown.append(item)
            elif (lo is None or y >= lo) and (hi is None or y <= hi):
                matches.append(item)
    matches.sort(key=order)
    unknown.sort(key=order)
    return matches, unknown
