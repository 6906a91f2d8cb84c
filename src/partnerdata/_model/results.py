"""What queries return: typed answer records, and the collections that hold them.

Every answer record is a frozen attrs class that keeps the evidence of the fact it reports. A
collection (:class:`Results`) is an immutable sequence of records with an ``unknown`` part: the
records a question with a year in it could not decide because their year is not known. Tri-state
questions (does a partner contribute forces?) return an :class:`Answer` with ``yes``, ``no`` and
``unknown`` parts.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Generic, TypeVar, overload

from attrs import field, frozen

from partnerdata._model import rows as _rows
from partnerdata._model.records import PartialDate, Support, Text, active_in
from partnerdata._model.show import Shown, figure, render

__all__ = [
    "Answer",
    "Cooperation",
    "Framework",
    "Membership",
    "PartnerMilestone",
    "PartnerStance",
    "Results",
    "StatementHit",
    "TimelineEntry",
]

T = TypeVar("T")


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _evidence(value: Iterable[Support]) -> tuple[Support, ...]:
    return tuple(value)


class _Flat(Shown):
    """An answer record: its HTML card shows its flat row (see :mod:`partnerdata._model.rows`)."""

    __slots__ = ()
    _flat_card: ClassVar[bool] = True


@frozen(kw_only=True)
class Membership(_Flat):
    """A partner's participation in a programme: since when (``None``: not stated) and its focus topics.

    ``until`` is the last year it ran, where it ended; ``suspended`` the year it was suspended and
    ``resumed`` the year it ran again (``None``: no end, suspension or resumption is recorded).

    >>> import partnerdata
    >>> m = partnerdata.load().participants("SPS")[0]
    >>> m.partner, m.programme, m.since, m.evidence[0].source
    ('KGZ', 'SPS', 1993, 'nato-kgz-fr')
    """

    partner: str
    programme: str
    since: int | None = None
    until: int | None = None
    suspended: int | None = None
    resumed: int | None = None
    focus: tuple[str, ...] = field(default=(), converter=_strs)
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)

    @property
    def year(self) -> int | None:
        """The year the fact dates from: here, ``since``."""
        return self.since

    def active(self, year: int) -> bool | None:
        """Whether the participation ran in ``year``, by :meth:`partnerdata.Participation.active`'s rule.

        >>> import partnerdata
        >>> nacc = partnerdata.load().participants("NACC").where(lambda m: m.partner == "KGZ")[0]
        >>> nacc.since, nacc.until, [nacc.active(y) for y in (1991, 1992, 1997, 1998)]
        (1992, 1997, [False, True, True, False])
        """
        return active_in(self.since, self.until, self.suspended, self.resumed, year)


@frozen(kw_only=True)
class Cooperation(_Flat):
    """One place a relation touches a topic: a statement, a participation's focus, an event or a unit designation.

    ``through`` says which (``"statement"``, ``"participation"``, ``"event"`` or ``"designation"``);
    ``year`` is when it dates from, where known (a participation's start, an event's year);
    ``programmes`` the programmes involved; ``text`` the statement, event or unit purpose.

    >>> import partnerdata
    >>> c = partnerdata.load().cooperating("cyber defence", through="participation")[0]
    >>> c.partner, c.topic, c.year, c.programmes
    ('KGZ', 'cyber-defence', 1993, ('SPS',))
    """

    partner: str
    topic: str
    through: str
    year: int | None = None
    programmes: tuple[str, ...] = field(default=(), converter=_strs)
    text: Text | None = None
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)


@frozen(kw_only=True)
class PartnerStance(_Flat):
    """A partner's three stance flags, each ``True``, ``False`` or ``None`` (unknown), with the evidence.

    >>> import partnerdata
    >>> s = partnerdata.load().stance("forces").no[0]
    >>> s.partner, s.contributes_forces, s.permanent_neutrality
    ('TKM', False, True)
    """

    partner: str
    permanent_neutrality: bool | None = None
    contributes_forces: bool | None = None
    contributes_infrastructure: bool | None = None
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)

    @property
    def year(self) -> None:
        """Stances are not dated: always ``None``."""
        return None


@frozen(kw_only=True)
class PartnerMilestone(_Flat):
    """When a partner's relations (``kind="relations"``) or practical cooperation (``"cooperation"``) began.

    ``year`` is ``None`` when the sources do not say (or the partner has no relation data).

    >>> import partnerdata
    >>> m = partnerdata.load().milestones("relations")[0]
    >>> m.partner, m.kind, m.year, m.via
    ('AFG', 'relations', 2003, None)
    """

    partner: str
    kind: str
    year: int | None = None
    via: str | None = None
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)


@frozen(kw_only=True)
class Framework(_Flat):
    """A programme (framework, forum, plan...) with the years it was founded and ended, where known.

    >>> import partnerdata
    >>> nacc = partnerdata.load().frameworks(kind="forum").where(lambda f: f.programme == "NACC")[0]
    >>> nacc.programme, nacc.founded, nacc.ended, nacc.successor
    ('NACC', 1991, 1997, 'EAPC')
    """

    programme: str
    name: Text
    kind: str
    founded: int | None = None
    ended: int | None = None
    successor: str | None = None
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)

    @property
    def year(self) -> int | None:
        """The year the programme was founded, where known."""
        return self.founded


@frozen(kw_only=True)
class StatementHit(_Flat):
    """A statement that matched a full-text search, with its partner and evidence.

    >>> import partnerdata
    >>> hit = partnerdata.load().search("neutralite permanente")[0]
    >>> hit.partner, hit.evidence[0].locator
    ('TKM', 'nato-tkm-fr#1.0.0')
    """

    partner: str
    text: Text
    heading: Text | None = None
    topics: tuple[str, ...] = field(default=(), converter=_strs)
    programmes: tuple[str, ...] = field(default=(), converter=_strs)
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)

    @property
    def year(self) -> None:
        """Statements are not dated: always ``None``."""
        return None


@frozen(kw_only=True)
class TimelineEntry(_Flat):
    """One dated happening: a programme founded or ended, a partner's milestone, a participation starting, an event.

    ``kind`` is ``"founded"``, ``"ended"``, ``"relations"``, ``"cooperation"``, ``"participation"``
    or ``"event"``; ``partner`` is ``None`` for programmes' own dates. ``year`` is ``None`` for an
    undated entry (a participation whose start is not stated), found in a timeline's ``unknown``.
    A participation's entry also carries its end (``until``), suspension and resumption years
    where they are recorded (``None`` otherwise, and for every other kind).

    >>> import partnerdata
    >>> e = partnerdata.load().timeline(2014, 2014, partner="TKM")[0]
    >>> e.year, e.kind, e.programmes
    (2014, 'event', ('EADRCC',))
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    kind: str
    partner: str | None = None
    programmes: tuple[str, ...] = field(default=(), converter=_strs)
    topics: tuple[str, ...] = field(default=(), converter=_strs)
    until: int | None = None
    suspended: int | None = None
    resumed: int | None = None
    text: Text
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, repr=False)

    @property
    def date(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as far as known; ``"?"`` when undated."""
        if self.year is None:
            return "?"
        return PartialDate(year=self.year, month=self.month, day=self.day).isoformat()


class Results(Generic[T]):
    """An immutable sequence of answer records, and the ``unknown`` ones a dated question could not decide.

    Iterating, ``len()`` and indexing see the matches only; ``unknown`` holds records whose year is
    not known when the question asked about years (``since_after=2010``, ``as_of(1995)``): they are
    neither counted as matches nor dropped.

    >>> import partnerdata
    >>> bi = partnerdata.load().participants("BI", since_after=2010)
    >>> [m.partner for m in bi], [m.partner for m in bi.unknown]
    (['KGZ'], ['ARM', 'COL', 'MNG'])
    >>> bi.partners
    ('KGZ',)
    >>> bi.rows()[0]["since"]
    2015
    """

    __slots__ = ("_items", "_unknown", "cls", "title")

    def __init__(
        self, items: Iterable[T] = (), unknown: Iterable[T] = (), *, title: str = "", cls: type | None = None
    ) -> None:
        self._items: tuple[T, ...] = tuple(items)
        self._unknown: tuple[T, ...] = tuple(unknown)
        self.title = title
        first = self._items or self._unknown
        #: The record type (known even when there are no records, so empty tables keep their columns).
        self.cls: type | None = type(first[0]) if first else cls

    @property
    def unknown(self) -> "Results[T]":
        """The records the question could not decide (their year is unknown)."""
        return Results(self._unknown, title=f"{self.title} (unknown)" if self.title else "unknown", cls=self.cls)

    @property
    def partners(self) -> tuple[str, ...]:
        """The distinct partner codes of the matches, sorted (records without a partner are skipped)."""
        found = {getattr(r, "partner", None) for r in self._items}
        return tuple(sorted(p for p in found if isinstance(p, str)))

    def where(self, predicate: Callable[[T], bool]) -> "Results[T]":
        """The records (matches and unknown ones) for which ``predicate`` holds.

        >>> import partnerdata
        >>> sps = partnerdata.load().participants("SPS")
        >>> [m.partner for m in sps.where(lambda m: "cyber-defence" in m.focus)]
        ['KGZ']
        """
        return Results(
            (r for r in self._items if predicate(r)),
            (r for r in self._unknown if predicate(r)),
            title=self.title,
            cls=self.cls,
        )

    def rows(self, lang: str | None = None, *, with_unknown: bool = False) -> list[dict[str, Any]]:
        """The matches as flat rows (``list[dict]``; the columns are described in :doc:`query`).

        ``lang`` (``"fr"`` or ``"en"``) gives one column per text in that language instead of two;
        ``with_unknown=True`` appends the unknown records and adds a first column ``status``,
        ``"match"`` or ``"unknown"``.
        """
        if not with_unknown:
            return _rows.rows(self._items, lang=lang)
        return [{"status": "match", **r} for r in _rows.rows(self._items, lang=lang)] + [
            {"status": "unknown", **r} for r in _rows.rows(self._unknown, lang=lang)
        ]

    def columns(self, lang: str | None = None, *, with_unknown: bool = False) -> list[str]:
        """The column names of :meth:`rows` (known even when there are no records).

        >>> import partnerdata
        >>> partnerdata.load().participants("UN").columns()
        ['partner', 'programme', 'since', 'until', 'suspended', 'resumed', 'focus', 'evidence', 'quote', 'cited']
        """
        names = _rows.columns(self.cls, lang) if self.cls is not None else []
        return ["status", *names] if with_unknown else names

    def to_pandas(self, lang: str | None = None) -> Any:
        """The matches as a pandas ``DataFrame`` (needs the ``pandas`` extra), one row per record."""
        return _rows.to_pandas(self._items, lang=lang, cls=self.cls)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> "Results[T]": ...
    def __getitem__(self, i: int | slice) -> "T | Results[T]":
        if isinstance(i, slice):
            return Results(self._items[i], title=self.title, cls=self.cls)
        return self._items[i]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Results):
            return NotImplemented
        return self._items == other._items and self._unknown == other._unknown

    __hash__ = None  # type: ignore[assignment]

    def _kind(self) -> str:
        return self.cls.__name__ if self.cls is not None else "record"

    def __repr__(self) -> str:
        unknown = f", unknown={len(self._unknown)}" if self._unknown else ""
        return f"<Results of {len(self._items)} {self._kind()}{unknown}>"

    def __str__(self) -> str:
        return render("text", self)

    def _repr_html_(self) -> str:
        return render("html", self)

    def plot(self, ax: Any = None, *, lang: str = "en", until: int | None = None) -> Any:
        """Draw a timeline or participants (``partnerdata[plot]``); returns the matplotlib Axes.

        A timeline draws each participation as a bar from its start year to its end (an arrow when
        no end is recorded, a dotted outline for the years it was suspended), a participation whose
        start is not stated as a hatched row saying so, and events and milestones as numbered marks
        the legend names. Participants draw how many partners take part, year by year. The title
        names the partner(s); the axis starts at their first dated fact. ``until`` is the last year
        drawn (default: this year); ``ax`` an Axes to draw on (a new figure with a constrained
        layout if ``None``, so ``ax.figure.savefig("kgz.pdf")`` clips nothing); ``lang`` the
        language of its words. See :doc:`gallery`.

        >>> import partnerdata
        >>> ax = partnerdata.load().timeline(partner="KGZ").plot(until=2026)
        >>> ax.get_title()
        'Kyrgyzstan: relations with NATO, 1992–2026'
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['NACC', 'SPS', 'PfP', 'EAPC', 'PARP', 'BI', 'DEEP', 'RETRAINING', 'milestones', 'events']
        >>> int(partnerdata.load().participants("SPS").plot(until=2026).get_lines()[0].get_ydata()[-1])
        2
        """
        return figure(self, ax=ax, lang=lang, until=until)


@frozen(kw_only=True, repr=False)
class Answer(Generic[T]):
    """The answer to a yes-or-no question about every partner: ``yes``, ``no`` and ``unknown`` parts.

    >>> import partnerdata
    >>> forces = partnerdata.load().stance("contributes_forces")
    >>> forces.yes.partners, forces.no.partners, forces.unknown.partners[:2]
    (('ARM', 'AUS', 'AUT', 'AZE', 'BGR', 'BIH', 'CHE', 'COL', 'CZE', 'FIN', 'GEO', 'HRV', 'IRL', 'JOR', 'KAZ', 'KGZ',
      'KOR', 'LVA', 'MAR', 'MDA', 'MKD', 'MNE', 'MNG', 'NZL', 'POL', 'ROU', 'RUS', 'SVN', 'SWE', 'TJK', 'UKR'),
     ('TKM',), ('AFG', 'ALB'))
    >>> forces.rows()[0]["answer"], forces.rows()[len(forces.yes)]["answer"]
    ('yes', 'no')
    """

    question: str
    yes: Results[T]
    no: Results[T]
    unknown: Results[T]

    def rows(self, lang: str | None = None) -> list[dict[str, Any]]:
        """Every record as a flat row, with an ``answer`` column first: ``yes``, ``no`` or ``unknown``."""
        out: list[dict[str, Any]] = []
        for answer, part in (("yes", self.yes), ("no", self.no), ("unknown", self.unknown)):
            out.extend({"answer": answer, **row} for row in part.rows(lang))
        return out

    def to_pandas(self, lang: str | None = None) -> Any:
        """The rows as a pandas ``DataFrame`` (needs the ``pandas`` extra)."""
        return _rows.frame(self.rows(lang))

    def __repr__(self) -> str:
        return f"<Answer {self.question!r}: yes={len(self.yes)}, no={len(self.no)}, unknown={len(self.unknown)}>"

    def __str__(self) -> str:
        # What ``partnerdata query --stance`` prints: one rendering for both interfaces.
        return render("text", self)

    def _repr_html_(self) -> str:
        return render("html", self)
