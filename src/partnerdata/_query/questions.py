"""The questions a :class:`Dataset` (and a year's snapshot of it) answers: each written once, here.

A question resolves its arguments (any code or name the dataset's lookups accept), picks the
smallest index bucket its filters name from the dataset's :class:`~partnerdata._query.engine.Engine`,
bisects it by year when a year is asked about, and checks the remaining filters on what is left.
Filters combine with AND. Year questions are three-valued: a fact whose year is not known is
neither a match nor dropped, it goes to the result's ``unknown`` part.

To add a filter: add the keyword here (and its index to the engine if it needs one), then its
flag in :mod:`partnerdata._cli.query`, which passes flags to questions by name.
"""

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from partnerdata._model.errors import ArgumentError, ArgumentTypeError
from partnerdata._model.show import render

if TYPE_CHECKING:
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
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.engine import Engine
    from partnerdata._query.panel import Panel

# Each question imports the answer records and the engine's helpers when it is asked: a load()
# and a lookup need neither, and the answer classes alone cost a fresh process about 10 ms.


def _check_year(name: str, value: object) -> int | None:
    if value is not None and type(value) is not int:
        raise ArgumentTypeError(f"{name} must be a year (an int) or None, not {value!r}")
    return value


def _choose(lang: str | None) -> str | None:
    if lang is not None and lang not in ("fr", "en"):
        raise ArgumentError(f"lang must be 'fr', 'en' or None, not {lang!r}")
    return lang


def _partners(ds: "Dataset", partner: "str | Iterable[str] | None") -> list[str] | None:
    if partner is None:
        return None
    keys = [partner] if isinstance(partner, str) else list(partner)
    return sorted({ds.partner(k).alpha3 for k in keys})


def _programme(ds: "Dataset", programme: str | None) -> str | None:
    return None if programme is None else ds.programme(programme).code


def _topic(ds: "Dataset", topic: str | None) -> str | None:
    return None if topic is None else ds.topic(topic).code


def _bounds(
    seen_at: int | None,
    since: int | None,
    until: int | None,
    after: int | None = None,
    before: int | None = None,
    names: tuple[str, str] = ("since", "until"),
) -> tuple[int | None, int | None]:
    """The inclusive year range ``[lo, hi]`` a question asks about (``None``: open).

    One convention everywhere: ``since=Y`` and ``until=Y`` include year ``Y``. The older keywords
    ``since_after=Y`` (strictly after ``Y``) and ``since_before=Y`` (strictly before) keep their
    meaning and are turned into ``since=Y+1`` and ``until=Y-1``; a bound given both ways is refused.
    ``seen_at`` is a snapshot's year, which caps the range.
    """
    lo, hi = _check_year(names[0], since), _check_year(names[1], until)
    if _check_year("since_after", after) is not None:
        if lo is not None:
            raise ArgumentTypeError(f"give {names[0]}= or since_after=, not both")
        lo = after + 1  # type: ignore[operator]
    if _check_year("since_before", before) is not None:
        if hi is not None:
            raise ArgumentTypeError(f"give {names[1]}= or since_before=, not both")
        hi = before - 1  # type: ignore[operator]
    if seen_at is not None:
        hi = seen_at if hi is None else min(hi, seen_at)
    return lo, hi


class Questions:
    """Query methods shared by :class:`Dataset` and its snapshots (``Dataset.as_of``)."""

    __slots__ = ()

    def _scope(self) -> "tuple[Dataset, int | None, Engine]":
        """The dataset, the year it is seen at (``None``: now) and its engine."""
        raise NotImplementedError

    def participants(
        self,
        programme: str | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        topic: str | None = None,
        since: int | None = None,
        until: int | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> "Results[Membership]":
        """Who takes part in ``programme`` (every participation when ``None``), and since when.

        ``since=Y`` keeps participations that began in ``Y`` or later and ``until=Y`` those that
        began in ``Y`` or earlier (both bounds included, as everywhere in the library);
        participations whose start is not stated then go to ``unknown``. The older
        ``since_after=Y`` (strictly after) and ``since_before=Y`` (strictly before) still work.
        ``topic`` keeps participations focused on that topic; ``partner`` takes one partner or
        several (an iterable, such as another result's ``partners``).

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> [(m.partner, m.since) for m in ds.participants("SPS")]
        [('KGZ', 1993), ('KOR', None), ('TJK', None), ('TKM', 1993), ('UZB', None)]
        >>> ds.participants("Building Integrity Programme", since=2015).partners
        ('KGZ',)
        >>> [m.programme for m in ds.participants(partner="KGZ", until=1994)]
        ['NACC', 'PFP', 'SPS']
        >>> [m.programme for m in ds.participants(partner="KGZ", until=1994).unknown]
        ['DEEP', 'RETRAINING']
        >>> ds.participants("SPS", since=1993, until=1993).partners
        ('KGZ', 'TKM')
        """
        from partnerdata._model.results import Membership, Results
        from partnerdata._query.engine import _Bucket, _gather, _membership_order, _pick, _year, memberships, scanned

        ds, seen_at, engine = self._scope()
        code, topic_code, partners = _programme(ds, programme), _topic(ds, topic), _partners(ds, partner)
        lo, hi = _bounds(seen_at, since, until, since_after, since_before)
        wanted = set(partners) if partners is not None else None
        title = f"participants in {code}" if code else "participations"
        e = engine
        # A framework that had ended by then (NACC after 1997) has no participants left.
        over = frozenset(
            p.code for p in ds.programmes if seen_at is not None and p.ended is not None and p.ended < seen_at
        )
        if e.scans("participants"):
            chosen = memberships(ds.relations, code, topic_code, wanted, seen_at, over)
            found, unknown = scanned(chosen, lo, hi, _year, _membership_order)
            return Results(found, unknown, title=title, cls=Membership)
        candidates: list[list[_Bucket[Membership]]] = []
        empty: _Bucket[Membership] = _Bucket((), _membership_order, _year)
        if code is not None:
            candidates.append([e.memberships_by_programme.get(code, empty)])
        if topic_code is not None:
            candidates.append([e.memberships_by_topic.get(topic_code, empty)])
        if partners is not None:
            candidates.append([e.memberships_by_partner.get(p, empty) for p in partners])

        def current(m: Membership) -> bool:
            # Seen at the end of a year, a participation that ended or was suspended by then is over.
            if seen_at is None:
                return True
            if m.programme in over:
                return False
            p = ds._index.relations[m.partner].participation(m.programme)
            return p is None or p.active(seen_at) is not False

        def keep(m: Membership) -> bool:
            return (
                (code is None or m.programme == code)
                and (topic_code is None or topic_code in m.focus)
                and (wanted is None or m.partner in wanted)
                and current(m)
            )

        return _gather(_pick(candidates, e.memberships_all), lo, hi, keep, _membership_order, title, Membership)

    def cooperating(
        self,
        topic: str | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        programme: str | None = None,
        through: str | None = None,
        since: int | None = None,
        until: int | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> "Results[Cooperation]":
        """Who cooperates with NATO on ``topic``: every statement, participation, event or unit that names it.

        ``through`` keeps one kind of link (``"statement"``, ``"participation"``, ``"event"``,
        ``"designation"``); ``programme`` keeps links that involve that programme. Year filters
        work as for :meth:`participants`; statements and units are not dated, so they are
        ``unknown`` to a year question.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.cooperating("cyber defence").partners
        ('KGZ', 'MLT', 'TUN', 'UKR')
        >>> [(c.partner, c.year) for c in ds.cooperating("disaster-response", through="event")]
        [('PAK', 2005), ('TKM', 2014), ('UZB', 2003)]
        """
        from partnerdata._model.results import Cooperation, Results
        from partnerdata._query.engine import (
            THROUGH,
            _Bucket,
            _cooperation_order,
            _gather,
            _pick,
            _year,
            links,
            scanned,
        )

        ds, seen_at, engine = self._scope()
        if through is not None and through not in THROUGH:
            raise ArgumentError(f"through must be one of {', '.join(THROUGH)}, not {through!r}")
        code, programme_code, partners = _topic(ds, topic), _programme(ds, programme), _partners(ds, partner)
        lo, hi = _bounds(seen_at, since, until, since_after, since_before)
        title = f"cooperation on {code}" if code else "cooperation"
        e = engine
        if e.scans("cooperating"):

            def chosen(topic_of: str, kind: str, programmes: tuple[str, ...]) -> bool:
                return (
                    (code is None or topic_of == code)
                    and (programme_code is None or programme_code in programmes)
                    and (through is None or kind == through)
                )

            asked = set(partners) if partners is not None else None
            some = ds.relations if asked is None else [r for r in ds.relations if r.partner in asked]
            found, unknown = scanned(links(some, chosen), lo, hi, _year, _cooperation_order)
            return Results(found, unknown, title=title, cls=Cooperation)
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

        return _gather(_pick(candidates, e.cooperations_all), lo, hi, keep, _cooperation_order, title, Cooperation)

    def stance(self, flag: str) -> "Answer[PartnerStance]":
        """Every partner of the dataset by one stance flag: ``yes``, ``no`` or ``unknown``.

        ``flag`` is ``"contributes_forces"`` (or ``"forces"``), ``"contributes_infrastructure"``
        (``"infrastructure"``) or ``"permanent_neutrality"`` (``"neutrality"``). A partner without
        relation data is ``unknown``, never ``no``.

        >>> import partnerdata
        >>> forces = partnerdata.load().stance("forces")
        >>> forces.no.partners, len(forces.unknown)
        (('TKM',), 23)
        """
        from partnerdata._model.results import Answer, PartnerStance, Results
        from partnerdata._query.engine import FLAGS

        _, until, engine = self._scope()
        name = FLAGS.get(flag)
        if name is None:
            raise ArgumentError(f"flag must be one of {', '.join(FLAGS)}, not {flag!r}")
        groups = engine.stance_groups
        yes, no, unknown = (groups.get((name, value), ()) for value in (True, False, None))
        if until is not None:
            # A stance is not dated: at a past year, whatever it is now is not known then.
            everyone = tuple(engine.stances.values())
            return Answer(
                question=f"{name} at the end of {until}",
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
        partner: "str | Iterable[str] | None" = None,
        via: str | None = None,
        since: int | None = None,
        until: int | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> "Results[PartnerMilestone]":
        """When each partner's relations (``kind="relations"``) or practical cooperation (``"cooperation"``) began.

        Every partner of the dataset has both milestones, with ``year=None`` when not known.
        ``since`` and ``until`` include their year, as for :meth:`participants`.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.milestones("relations", via="NACC").partners
        ('ALB', 'ARM', 'AZE', 'BGR', 'BLR', 'CSK', 'EST', 'GEO', 'HUN', 'KAZ', 'KGZ', 'LVA', 'MDA', 'POL',
         'ROU', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB')
        >>> ds.milestones("relations", until=1992).partners
        ('ALB', 'ARM', 'AZE', 'BGR', 'BLR', 'CSK', 'EST', 'GEO', 'HUN', 'KAZ', 'KGZ', 'LTU', 'LVA', 'MDA',
         'POL', 'ROU', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB')
        """
        from partnerdata._model.results import PartnerMilestone, Results
        from partnerdata._query.engine import (
            MILESTONES,
            _Bucket,
            _gather,
            _milestone_order,
            _pick,
            _year,
            partner_milestones,
            scanned,
        )

        ds, seen_at, engine = self._scope()
        if kind is not None and kind not in MILESTONES:
            raise ArgumentError(f"kind must be 'relations', 'cooperation' or None, not {kind!r}")
        via_code, partners = _programme(ds, via), _partners(ds, partner)
        lo, hi = _bounds(seen_at, since, until, since_after, since_before)
        e = engine
        wanted = set(partners) if partners is not None else None

        def keep(m: PartnerMilestone) -> bool:
            return (
                (kind is None or m.kind == kind)
                and (wanted is None or m.partner in wanted)
                # An unknown milestone has no known ``via``: keep it among the unknown ones.
                and (via_code is None or m.via == via_code or m.year is None)
            )

        if e.scans("milestones"):
            some = partner_milestones(ds, None if kind is None else (kind,), partners)
            matches, unknown = scanned(filter(keep, some), lo, hi, _year, _milestone_order)
            found = Results(matches, unknown, title=kind or "milestones", cls=PartnerMilestone)
        else:
            empty: _Bucket[PartnerMilestone] = _Bucket((), _milestone_order, _year)
            candidates: list[list[_Bucket[PartnerMilestone]]] = []
            if kind is not None:
                candidates.append([e.milestones_by_kind.get(kind, empty)])
            if partners is not None:
                candidates.append([e.milestones_by_partner.get(p, empty) for p in partners])
            found = _gather(
                _pick(candidates, e.milestones_all),
                lo,
                hi,
                keep,
                _milestone_order,
                kind or "milestones",
                PartnerMilestone,
            )
        if via_code is not None and lo is None and hi is None:
            known = [m for m in found if m.year is not None]
            return Results(known, [m for m in found if m.year is None], title=found.title, cls=PartnerMilestone)
        return found

    def frameworks(self, *, kind: str | None = None, existing_in: int | None = None) -> "Results[Framework]":
        """The programmes, or with ``existing_in=Y`` those that existed at the end of year ``Y``.

        ``existing_in=Y`` includes year ``Y``: a programme founded in ``Y`` exists in it, one that
        ended in ``Y`` does not exist at its end. A programme whose founding year is not known is
        ``unknown`` to ``existing_in``.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> [f.programme for f in ds.frameworks(kind="forum", existing_in=1996)]
        ['MD', 'NACC']
        >>> [f.programme for f in ds.frameworks(kind="forum", existing_in=1997)]
        ['EAPC', 'MD']
        """
        from partnerdata._model.results import Framework, Results

        _, seen_at, engine = self._scope()
        year = _check_year("existing_in", existing_in)
        if seen_at is not None:
            year = seen_at if year is None else min(year, seen_at)
        matches: list[Framework] = []
        unknown: list[Framework] = []
        for f in engine.frameworks:
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
        since: int | None = None,
        until: int | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        kind: str | None = None,
        programme: str | None = None,
        topic: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> "Results[TimelineEntry]":
        """What happened from year ``since`` to year ``until`` (both included), in order.

        ``start`` and ``end`` are the older names of ``since`` and ``until`` (also inclusive).

        Entries are programmes founded and ended, partners' relations and cooperation beginning,
        participations starting and events. ``partner`` keeps that partner's entries; ``kind``,
        ``programme`` and ``topic`` filter further. Undated entries are in ``unknown``.

        >>> import partnerdata
        >>> for e in partnerdata.load().timeline(1992, 1993, partner="KGZ"):
        ...     print(e.date, e.kind, e.text.en)
        1992 relations Kyrgyzstan: relations with NATO begin (through NACC)
        1992 participation Kyrgyzstan: starts taking part in North Atlantic Cooperation Council (NACC)
        1993 participation Kyrgyzstan: starts taking part in Science for Peace and Security Programme (SPS)
        """
        from partnerdata._model.results import Results, TimelineEntry
        from partnerdata._query.engine import _Bucket, _year
        from partnerdata._query.timeline import KINDS, order

        ds, seen_at, engine = self._scope()
        if kind is not None and kind not in KINDS:
            raise ArgumentError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        for old_name, old_value, new_value in (("start", start, since), ("end", end, until)):
            if old_value is not None and new_value is not None:
                raise ArgumentTypeError(f"give {'since' if old_name == 'start' else 'until'}= or {old_name}=, not both")
        lo, hi = _bounds(seen_at, since if start is None else start, until if end is None else end)
        partners, programme_code, topic_code = _partners(ds, partner), _programme(ds, programme), _topic(ds, topic)
        e = engine
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
        partner: "str | Iterable[str] | None" = None,
        topic: str | None = None,
        programme: str | None = None,
    ) -> "Results[StatementHit]":
        """Statements whose French or English text contains every word of ``text``, ignoring case and accents.

        Each word of ``text`` must begin a word of the statement (``"cyber"`` finds
        "cyberdéfense"); ``lang`` limits the search to one language.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.search("NEUTRALITE").partners
        ('TKM',)
        >>> hit = ds.search("CYBER Defence", lang="en")[0]
        >>> hit.partner, hit.evidence[0].quote == hit.text.fr
        ('KGZ', True)
        """
        from partnerdata._model.results import Results, StatementHit

        ds, until, engine = self._scope()
        if not isinstance(text, str):
            raise ArgumentTypeError(f"text must be a string, not {type(text).__name__}")
        _choose(lang)
        partners, topic_code, programme_code = _partners(ds, partner), _topic(ds, topic), _programme(ds, programme)
        e = engine
        hits = e.hits
        wanted = set(partners) if partners is not None else None
        found = [
            h
            for h in (hits[i] for i in e.search_index.find(text, lang))
            if (wanted is None or h.partner in wanted)
            and (topic_code is None or topic_code in h.topics)
            and (programme_code is None or programme_code in h.programmes)
        ]
        if until is not None:
            return Results((), found, title=f"search {text!r}", cls=StatementHit)  # statements are not dated
        return Results(found, title=f"search {text!r}", cls=StatementHit)

    def as_of(self, year: int) -> "Snapshot":
        """The dataset as it stood at the end of ``year``: the same questions, answered for that year.

        A participation that ended or was suspended by then (and not resumed), or whose framework
        had ended, is no longer among the participants: Russia's PfP in 2015, Malta's in 2000,
        every NACC participation after 1997.

        >>> import partnerdata
        >>> "RUS" in partnerdata.load().as_of(2015).participants("PFP").partners
        False
        >>> "MLT" in partnerdata.load().as_of(2000).participants("PFP").partners
        False
        >>> "MLT" in partnerdata.load().as_of(2008).participants("PFP").partners
        True
        >>> partnerdata.load().as_of(1998).participants("NACC").partners
        ()
        >>> y = partnerdata.load().as_of(1993)
        >>> y.participants("PFP").partners, y.participants("SPS").partners
        ((), ('KGZ', 'TKM'))
        """
        ds, until, _ = self._scope()
        _check_year("year", year)
        return Snapshot(ds, year if until is None else min(year, until))

    def panel(self, start: int, end: int, *, system: str | None = None) -> "Panel":
        """A partner-year panel from ``start`` to ``end`` (both included): one row per partner and year.

        Every cell is yes, no or unknown by the rules of :doc:`panel`; ``panel.explain(partner,
        year, column)`` gives the rule and evidence behind a cell. On a snapshot, ``end`` may not
        pass the snapshot's year, and the undated plan and stances are unknown. ``system="cow"``
        or ``"gw"`` keeps only the years a partner was a member of that state system (:doc:`codes`).

        >>> import partnerdata
        >>> panel = partnerdata.load().panel(1992, 2026)
        >>> [panel.cell("KGZ", y, "nacc") for y in (1992, 1997, 1998)], panel.cell("TKM", 2026, "neutrality")
        ([True, True, False], True)
        >>> partnerdata.load().as_of(2000).panel(1999, 2000).cell("TKM", 2000, "neutrality") is None
        True
        """
        from partnerdata._query.panel import build, edition_year

        ds, until, _ = self._scope()
        edition = edition_year(ds.data_version) if until is None else None
        return build(ds, start, end, edition=edition, until=until, system=system)

    def _repr_html_(self) -> str:
        return render("html", self)

    def __str__(self) -> str:
        return render("text", self)


class Snapshot(Questions):
    """A dataset as it stood at the end of one year: the same questions, answered for that year.

    Facts dated after the year are left out; facts whose year is not known (a participation whose
    start is not stated, a statement, a stance) are reported in each result's ``unknown`` part.

    >>> import partnerdata
    >>> y1995 = partnerdata.load().as_of(1995)
    >>> y1995
    <Snapshot of data 2026.12.3 at the end of 1995>
    >>> [f.programme for f in y1995.frameworks(kind="forum")]
    ['MD', 'NACC']
    >>> y1995.participants("PFP").partners
    ('ARM', 'AUT', 'AZE', 'BGR', 'BLR', 'EST', 'FIN', 'GEO', 'HUN', 'KAZ', 'KGZ', 'LTU', 'MDA', 'MKD', 'MLT',
     'POL', 'ROU', 'RUS', 'SVN', 'SWE', 'TKM', 'UKR', 'UZB')
    """

    __slots__ = ("dataset", "year")
    dataset: "Dataset"
    year: int

    def __init__(self, dataset: "Dataset", year: int) -> None:
        if type(year) is not int:
            raise ArgumentTypeError(f"year must be an int, not {year!r}")
        # Frozen like the records: set once here, refused afterwards.
        object.__setattr__(self, "dataset", dataset)
        object.__setattr__(self, "year", year)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Snapshot is immutable; cannot set {name!r}")

    def _scope(self) -> "tuple[Dataset, int | None, Engine]":
        return self.dataset, self.year, self.dataset._engine

    def __repr__(self) -> str:
        return f"<Snapshot of data {self.dataset.data_version} at the end of {self.year}>"
