"""The questions a :class:`Dataset` (and a year's snapshot of it) answers, each in one call.

This module only declares the methods; each delegates to :mod:`partnerdata._query.engine` (imported on
first use), so ``import partnerdata`` stays light. Every name (programme, topic, partner) may be
given as a code or as any French or English name or alias. Filters combine with AND.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

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
    from partnerdata._query.engine import Query


class Questions:
    """Query methods shared by :class:`Dataset` and its snapshots (``Dataset.as_of``)."""

    __slots__ = ()

    @property
    def _queries(self) -> "Query":
        """The query engine (a :class:`partnerdata._query.engine.Query`) this object's questions go to."""
        raise NotImplementedError

    def participants(
        self,
        programme: str | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        topic: str | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> "Results[Membership]":
        """Who takes part in ``programme`` (every participation when ``None``), and since when.

        ``since_after=Y`` keeps participations that began after ``Y`` and ``since_before=Y`` those
        that began before ``Y``; participations whose start is not stated then go to ``unknown``.
        ``topic`` keeps participations focused on that topic; ``partner`` takes one partner or
        several (an iterable, such as another result's ``partners``).

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> [(m.partner, m.since) for m in ds.participants("SPS")]
        [('KGZ', 1993), ('TKM', 1993)]
        >>> ds.participants("Building Integrity Programme", since_after=2010).partners
        ('KGZ',)
        >>> [m.programme for m in ds.participants(partner="KGZ", since_before=2000)]
        ['PFP', 'SPS']
        >>> [m.programme for m in ds.participants(partner="KGZ", since_before=2000).unknown]
        ['DEEP', 'RETRAINING']
        """
        return self._queries.participants(
            programme, partner=partner, topic=topic, since_after=since_after, since_before=since_before
        )

    def cooperating(
        self,
        topic: str | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        programme: str | None = None,
        through: str | None = None,
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
        ('KGZ',)
        >>> [(c.partner, c.year) for c in ds.cooperating("disaster-response", through="event")]
        [('TKM', 2014)]
        """
        return self._queries.cooperating(
            topic,
            partner=partner,
            programme=programme,
            through=through,
            since_after=since_after,
            since_before=since_before,
        )

    def stance(self, flag: str) -> "Answer[PartnerStance]":
        """Every partner of the dataset by one stance flag: ``yes``, ``no`` or ``unknown``.

        ``flag`` is ``"contributes_forces"`` (or ``"forces"``), ``"contributes_infrastructure"``
        (``"infrastructure"``) or ``"permanent_neutrality"`` (``"neutrality"``). A partner without
        relation data is ``unknown``, never ``no``.

        >>> import partnerdata
        >>> forces = partnerdata.load().stance("forces")
        >>> forces.no.partners, len(forces.unknown)
        (('TKM',), 8)
        """
        return self._queries.stance(flag)

    def milestones(
        self,
        kind: str | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        via: str | None = None,
        since_after: int | None = None,
        since_before: int | None = None,
    ) -> "Results[PartnerMilestone]":
        """When each partner's relations (``kind="relations"``) or practical cooperation (``"cooperation"``) began.

        Every partner of the dataset has both milestones, with ``year=None`` when not known.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.milestones("relations", via="NACC").partners
        ('KGZ', 'TKM')
        >>> ds.milestones("relations", since_before=1993).partners
        ('KGZ', 'TKM')
        """
        return self._queries.milestones(
            kind, partner=partner, via=via, since_after=since_after, since_before=since_before
        )

    def frameworks(self, *, kind: str | None = None, existing_in: int | None = None) -> "Results[Framework]":
        """The programmes, or with ``existing_in=Y`` those that existed at the end of year ``Y``.

        A programme whose founding year is not known is ``unknown`` to ``existing_in``.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> [f.programme for f in ds.frameworks(kind="forum", existing_in=1996)]
        ['MD', 'NACC']
        >>> [f.programme for f in ds.frameworks(kind="forum", existing_in=1997)]
        ['EAPC', 'MD']
        """
        return self._queries.frameworks(kind=kind, existing_in=existing_in)

    def timeline(
        self,
        start: int | None = None,
        end: int | None = None,
        *,
        partner: "str | Iterable[str] | None" = None,
        kind: str | None = None,
        programme: str | None = None,
        topic: str | None = None,
    ) -> "Results[TimelineEntry]":
        """What happened from year ``start`` to year ``end`` (both included), in order.

        Entries are programmes founded and ended, partners' relations and cooperation beginning,
        participations starting and events. ``partner`` keeps that partner's entries; ``kind``,
        ``programme`` and ``topic`` filter further. Undated entries are in ``unknown``.

        >>> import partnerdata
        >>> for e in partnerdata.load().timeline(1992, 1993, partner="KGZ"):
        ...     print(e.date, e.kind, e.text.en)
        1992 relations Kyrgyzstan: relations with NATO begin (through NACC)
        1993 participation Kyrgyzstan: starts taking part in Science for Peace and Security Programme (SPS)
        """
        return self._queries.timeline(start, end, partner=partner, kind=kind, programme=programme, topic=topic)

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
        return self._queries.search(text, lang=lang, partner=partner, topic=topic, programme=programme)

    def as_of(self, year: int) -> "Snapshot":
        """The dataset as it stood at the end of ``year``: the same questions, answered for that year.

        >>> import partnerdata
        >>> y = partnerdata.load().as_of(1993)
        >>> y.participants("PFP").partners, y.participants("SPS").partners
        ((), ('KGZ', 'TKM'))
        """
        return Snapshot(self._queries.ds, year if self._queries.until is None else min(year, self._queries.until))

    def _repr_html_(self) -> str:
        from partnerdata._display.html import dataset_html

        return dataset_html(self)

    def __str__(self) -> str:
        from partnerdata._display.tables import dataset_text

        return dataset_text(self)


class Snapshot(Questions):
    """A dataset as it stood at the end of one year: the same questions, answered for that year.

    Facts dated after the year are left out; facts whose year is not known (a participation whose
    start is not stated, a statement, a stance) are reported in each result's ``unknown`` part.

    >>> import partnerdata
    >>> y1995 = partnerdata.load().as_of(1995)
    >>> y1995
    <Snapshot of data 2026.11 at the end of 1995>
    >>> [f.programme for f in y1995.frameworks(kind="forum")]
    ['MD', 'NACC']
    >>> y1995.participants("PFP").partners
    ('KGZ', 'TKM')
    """

    __slots__ = ("_query", "dataset", "year")
    dataset: "Dataset"
    year: int
    _query: "Query"

    def __init__(self, dataset: "Dataset", year: int) -> None:
        if type(year) is not int:
            raise TypeError(f"year must be an int, not {year!r}")
        # Frozen like the records: set once here, refused afterwards.
        object.__setattr__(self, "dataset", dataset)
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "_query", dataset._queries.at(year))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Snapshot is immutable; cannot set {name!r}")

    @property
    def _queries(self) -> "Query":
        return self._query

    def __repr__(self) -> str:
        return f"<Snapshot of data {self.dataset.data_version} at the end of {self.year}>"
