"""The partner-year panel: one row per partner and year, every cell yes, no or unknown, each traceable.

:func:`build` turns a dataset (or a snapshot of it) into a :class:`Panel`. Each cell is decided by
:func:`_decide`, the one place the rules live; the panel and :meth:`Panel.explain` both ask it, so
what a cell says and the reason given for it cannot drift apart. The rules are documented in
``docs/panel.rst``.

Every rule compares a year of the data with the row's year as ``fact_year <= year``, so a cell is
constant between two such years: the panel asks :func:`_decide` once per stretch of years, not
once per cell, and only for the value (``why=False``); a programme the partner's pages say nothing
about is decided once per panel for every such partner (see :func:`build`). :meth:`Panel.explain`
asks for the reason and the evidence too. Each rule's identifier is in ``_query/codebook.py``
(``RULES``), which the codebook and the per-cell provenance are made from; the state codes of each
year are in ``_query/codes.py``.
"""

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from attrs import field, frozen

from partnerdata._model.errors import ArgumentTypeError, PartnerDataError
from partnerdata._model.records import (
    MAX_YEAR,
    MIN_YEAR,
    Citation,
    Evidence,
    Milestone,
    Participation,
    Partner,
    Reference,
    Relation,
    Support,
)
from partnerdata._model.show import figure, render
from partnerdata._model.text import fold
from partnerdata._query import codes as _codes
from partnerdata._query.codebook import RULES, column_entry

if TYPE_CHECKING:
    from partnerdata._query.dataset import Dataset

__all__ = [
    "FRAMEWORK_COLUMNS",
    "IDENTITY_COLUMNS",
    "ISO_YEAR_COLUMNS",
    "STANCE_COLUMNS",
    "CellExplanation",
    "Panel",
    "PanelError",
    "PanelRow",
    "build",
]

#: Identity columns: the partner's codes and the year. ``iso_numeric`` keeps its leading zeros.
IDENTITY_COLUMNS = ("alpha3", "alpha2", "iso_numeric", "ccode", "gwcode", "year")
#: The partner's ISO 3166-1 codes in force at the end of each year (``alpha3`` stays the row key).
ISO_YEAR_COLUMNS = ("iso_alpha3", "iso_alpha2", "iso_num")
#: One column per partnership framework, and the programme code it stands for.
FRAMEWORK_COLUMNS = {"nacc": "NACC", "eapc": "EAPC", "pfp": "PFP", "md": "MD", "ici": "ICI", "patg": "PATG"}
#: One column per stance flag, and the :class:`~partnerdata.Stance` field it reads.
STANCE_COLUMNS = {
    "neutrality": "permanent_neutrality",
    "contributes_forces": "contributes_forces",
    "contributes_infrastructure": "contributes_infrastructure",
}
_PROGRAMME_PREFIX = "prog_"
PLAN_KIND = "cooperation-plan"
_EDITION = re.compile(r"([0-9]{4})\.(?:0[1-9]|1[0-2])(?:\.[1-9][0-9]*)?\Z")

# The pandas dtype of each kind of column: unknown is <NA> in all three, never 0, False or "".
DTYPES = {"bool": "boolean", "int": "Int64", "str": "string"}


class PanelError(PartnerDataError, ValueError):
    """A panel asked for years it cannot have: out of range, in the wrong order, or past a snapshot's year.

    >>> import partnerdata
    >>> partnerdata.load().panel(2000, 1990)
    Traceback (most recent call last):
    ...
    partnerdata._query.panel.PanelError: start (2000) is after end (1990)
    """


def programme_column(code: str) -> str:
    """The column name of a programme that is not a framework: ``prog_`` and its code in lowercase.

    >>> programme_column("PAP-T")
    'prog_pap_t'
    """
    return _PROGRAMME_PREFIX + code.lower().replace("-", "_")


def edition_year(data_version: str) -> int | None:
    """The year of a data version written ``YYYY.MM`` or ``YYYY.MM.N`` (the year its pages were read), else ``None``.

    >>> edition_year("2026.12"), edition_year("2026.12.1"), edition_year("synthetic-10-0")
    (2026, 2026, None)
    """
    found = _EDITION.match(data_version)
    return int(found.group(1)) if found else None


@frozen(kw_only=True)
class CellExplanation:
    """Why one cell of a panel holds its value: the rule that decided it, in words, and the evidence.

    ``rule`` is a stable identifier (listed in :doc:`panel`); ``reason`` says it in English;
    ``evidence`` holds the sentences of the pages the rule used (empty when the rule rests on the
    vocabulary or on the absence of any statement).

    >>> import partnerdata
    >>> why = partnerdata.load().panel(2010, 2015).explain("KGZ", 2010, "prog_bi")
    >>> why.value, why.rule
    (False, 'not-yet-started')
    >>> why.reason
    'KGZ takes part in BI from 2015, after 2010'
    """

    partner: str
    year: int
    column: str
    value: bool | int | str | None
    rule: str
    reason: str
    evidence: tuple[Support, ...] = field(default=(), repr=False)
    #: The NATO pages the evidence cites (for citations; quotes name their page in their locator).
    references: tuple[Reference, ...] = field(default=(), repr=False)

    def __str__(self) -> str:
        words = {True: "yes", False: "no", None: "unknown"}
        shown = words[self.value] if self.value is None or isinstance(self.value, bool) else self.value
        lines = [f"{self.partner} {self.year} {self.column} = {shown} ({self.rule}): {self.reason}"]
        for e in self.evidence:
            if type(e) is Citation:
                ref = next((r for r in self.references if r.id == e.source), None)
                where = ref.cite() if ref is not None else e.source
                section = f", {e.section}" if e.section else ""
                lines.append(f"  cited: {e.says.get('en')} ({where}{section})")
            else:
                assert isinstance(e, Evidence)
                lines.append(f"  {e.locator}: {e.quote}")
        return "\n".join(lines)


@frozen
class PanelRow:
    """One row of a panel: the values of its columns, by name.

    >>> import partnerdata
    >>> row = next(iter(partnerdata.load().panel(1994, 1994)))
    >>> row["alpha3"], row["year"], row["ccode"], row["pfp"]
    ('AFG', 1994, 700, False)
    """

    columns: tuple[str, ...] = field(repr=False)
    values: tuple[Any, ...]

    def __getitem__(self, column: str) -> Any:
        try:
            return self.values[self.columns.index(column)]
        except ValueError:
            raise KeyError(column) from None

    def as_dict(self) -> dict[str, Any]:
        """The row as a ``dict`` from column name to value.

        >>> import partnerdata
        >>> next(iter(partnerdata.load().panel(2015, 2015))).as_dict()["gwcode"]
        700
        """
        return dict(zip(self.columns, self.values, strict=True))


# Words that state a succession, and words that say the successor gathers every partner (folded:
# no accents, lowercase). Both must stand in one sentence naming the two forums for the panel to
# infer that a member of the old forum is one of the new (rule ``succeeded``).
_REPLACED = ("remplace", "succede", "succeed", "replaced", "gave way", "took over", "became", "devenu")
_ALL_PARTNERS = (
    "tous les pays partenaires",
    "tous les partenaires",
    "all partner",
    "all the partner",
    "all allies and",
)

#: Successor code -> (predecessor code, the year the predecessor ended, the successor's names, folded).
Successions = dict[str, tuple[str, int, tuple[str, ...]]]


def _states_succession(text: str, names: tuple[str, ...]) -> bool:
    folded = fold(text)
    return (
        any(n in folded for n in names)
        and any(w in folded for w in _REPLACED)
        and any(w in folded for w in _ALL_PARTNERS)
    )


# Facts of one partner the rules read, gathered once per partner.
class _Facts:
    __slots__ = (
        "_mentioned",
        "cow",
        "edition",
        "frameworks",
        "gw",
        "iso",
        "member_evidence",
        "member_since",
        "milestones",
        "participations",
        "partner",
        "relation",
        "succession",
    )

    def __init__(
        self, partner: Partner, relation: Relation | None, edition: int | None, successions: Successions | None = None
    ) -> None:
        self.partner = partner
        self.relation = relation
        self.edition = edition  # the year the relation's pages were read: its undated facts hold then
        self.frameworks = partner.frameworks
        self.participations: dict[str, Participation] = {}
        self.milestones: dict[str, list[Milestone]] = {}
        # The membership in each state system from 1990, when the code table speaks for the partner.
        tabled = _codes.tabled(partner.alpha3, partner.cow, partner.gw)
        self.cow = _codes.spells(partner.alpha3, "cow") if tabled else None
        self.gw = _codes.spells(partner.alpha3, "gw") if tabled else None
        self.iso = _codes.iso_spells(partner.alpha3, partner.alpha2, partner.numeric)
        self.member_since = partner.member_since
        self.member_evidence: tuple[Support, ...] = ()
        # Successor code -> (year, predecessor, the sentences stating the succession).
        self.succession: dict[str, tuple[int, str, tuple[Support, ...]]] = {}
        self._mentioned: dict[str, tuple[list[str], tuple[Support, ...]]] | None = None
        if relation is not None:
            self.participations = {p.programme: p for p in relation.participations}
            for m in (relation.relations_since, relation.cooperation_since):
                if m is not None and m.via is not None:
                    self.milestones.setdefault(m.via, []).append(m)
            if relation.member_since is not None:
                if self.member_since is None:
                    self.member_since = relation.member_since.year
                if relation.member_since.year == self.member_since:
                    self.member_evidence = relation.member_since.evidence
            for successor, (before, year, names) in (successions or {}).items():
                said = self._succession_evidence(before, successor, year, names)
                if said:
                    self.succession[successor] = (year, before, said)

    def silent(self) -> "_Facts":
        """These facts as if the partner's pages said nothing: no relation, participation, milestone or succession."""
        out = _Facts.__new__(_Facts)
        for name in _Facts.__slots__:
            setattr(out, name, getattr(self, name))
        out.relation = None
        out.participations = {}
        out.milestones = {}
        out.succession = {}
        out._mentioned = None
        return out

    def _succession_evidence(self, before: str, after: str, year: int, names: tuple[str, ...]) -> tuple[Support, ...]:
        """The sentences stating that ``before`` gave way to ``after``, if the partner sat in ``before`` to its end."""
        p = self.participations.get(before)
        if p is not None:
            stayed = p.since is not None and p.since <= year and (p.until is None or p.until >= year)
            if not stayed or p.suspended is not None:
                return ()
        elif not any(m.year <= year for m in self.milestones.get(before, ())):
            return ()
        assert self.relation is not None
        said: list[Support] = [
            s.evidence
            for s in self.relation.statements
            if before in s.programmes and after in s.programmes and _states_succession(s.evidence.quote, names)
        ]
        own = (p.evidence if p is not None else ()) + tuple(
            e for m in self.milestones.get(before, ()) for e in m.evidence
        )
        for e in own:
            text = e.quote if isinstance(e, Evidence) else " ".join(t for t in (e.says.en, e.says.fr) if t)
            if e not in said and _states_succession(text, names):
                said.append(e)
        return tuple(said)

    def mentions(self, code: str) -> tuple[list[str], tuple[Support, ...]]:
        """What the pages say about ``code`` without dating the partner's part: the kinds of fact, and evidence."""
        if self._mentioned is None:
            # One pass over the relation for every code at once, on the first question.
            found: dict[str, tuple[list[str], list[Support]]] = {}
            r = self.relation
            if r is not None:
                for ch in r.channels:
                    kinds, evidence = found.setdefault(ch.body, ([], []))
                    kinds.append(f"a channel: {ch.description.en or ch.description.fr}")
                    evidence += ch.evidence
                for e in r.events:
                    for c in e.programmes:
                        kinds, evidence = found.setdefault(c, ([], []))
                        kinds.append(f"an event of {e.date.year}")
                        evidence += e.evidence
                said: dict[str, list[Support]] = {}
                for s in r.statements:
                    for c in s.programmes:
                        said.setdefault(c, []).append(s.evidence)
                for c, quotes in said.items():
                    kinds, evidence = found.setdefault(c, ([], []))
                    kinds.append("a sentence" if len(quotes) == 1 else f"{len(quotes)} sentences")
                    evidence += quotes
            self._mentioned = {c: (k, tuple(dict.fromkeys(e))) for c, (k, e) in found.items()}
        return self._mentioned.get(code, ([], ()))


_Cell = tuple[bool | int | str | None, str, str, tuple[Support, ...]]


def _decide_programme(
    f: _Facts, code: str, founded: int | None, ended: int | None, year: int, *, why: bool = True
) -> _Cell:
    """The cell of a framework or programme column: the rules of ``docs/panel.rst``, in their order.

    With ``why=False`` (the panel's build) only the value is sure: the reason and evidence may be
    left short where the value does not depend on them (``mentioned`` is ``not-stated`` then).
    """
    who = f.partner.alpha3
    if founded is not None and founded > year:
        return False, "not-founded", f"{code} was founded in {founded}, after {year}", ()
    if ended is not None and ended < year:
        return False, "ended", f"{code} ended in {ended}", ()
    p = f.participations.get(code)
    succeeded = f.succession.get(code)
    if p is not None and p.since is not None and p.since <= year:
        if not p.active(year) and p.until is not None and p.until < year:
            return False, "left", f"{who}'s participation in {code} ended in {p.until}", p.evidence
        if not p.active(year):
            again = f", resumed in {p.resumed}" if p.resumed is not None else ""
            return (
                False,
                "suspended",
                f"{who}'s participation in {code} was suspended in {p.suspended}{again}",
                p.evidence,
            )
        if not why:
            return True, "started", "", ()
        also, more = "", cast("tuple[Support, ...]", ())
        if succeeded is not None and succeeded[0] == p.since:
            # The page's own words agree with the dated participation: show them too.
            also = f"; its pages also state that {succeeded[1]} gave way to {code} in {succeeded[0]}"
            more = tuple(e for e in succeeded[2] if e not in p.evidence)
        return (
            True,
            "started",
            f"{who} takes part in {code} since {p.since}{_disputed(f, code)}{also}",
            p.evidence + more + _other_side(f, code),
        )
    for m in f.milestones.get(code, ()):
        if m.year <= year:
            return True, "began-through", f"{who}'s relations with NATO began through {code} in {m.year}", m.evidence
    if succeeded is not None and (p is None or p.since is None) and succeeded[0] <= year:
        when, before, said = succeeded
        reason = (
            f"{who} sat in {before} until it ended, and its pages state that {before} gave way to {code} in {when}, "
            "a forum of all partners"
        )
        return True, "succeeded", reason, said
    if p is not None and p.since is not None:
        if not why:
            return False, "not-yet-started", "", ()
        reason = f"{who} takes part in {code} from {p.since}, after {year}{_disputed(f, code)}"
        return False, "not-yet-started", reason, p.evidence + _other_side(f, code)
    r = f.relation
    if r is not None and r.relations_since is not None and r.relations_since.year > year:
        since = r.relations_since
        return False, "before-relations", f"{who}'s relations with NATO began in {since.year}", since.evidence
    if p is not None:
        return None, "start-not-stated", f"{who} takes part in {code}; its pages do not say since when", p.evidence
    if code in FRAMEWORK_COLUMNS.values() and f.frameworks:
        listed = ", ".join(f.frameworks)
        if code not in f.frameworks:
            return False, "not-in-framework", f"the vocabulary lists {who}'s frameworks as {listed}, without {code}", ()
        return None, "framework-undated", f"the vocabulary lists {code} among {who}'s frameworks, without years", ()
    if r is None:
        return None, "no-relation", f"the dataset has no relation data for {who}", ()
    kinds, evidence = f.mentions(code) if why else ([], ())
    if kinds:
        named = "; ".join(kinds)
        return None, "mentioned", f"{who}'s pages name {code} ({named}) without dating {who}'s part in it", evidence
    return None, "not-stated", f"{who}'s pages do not say whether it takes part in {code}", ()


def _conflict(f: _Facts, code: str) -> Any:
    """The relation's conflict over when the partner began in ``code``, if its sources disagree."""
    if f.relation is None:
        return None
    names = (f"participations.{code}.since", f"participations.{code}")
    return next((c for c in f.relation.conflicts if c.fact in names), None)


def _disputed(f: _Facts, code: str) -> str:
    """The words a reason adds when NATO's sources disagree on the start year: both years and the rule."""
    c = _conflict(f, code)
    if c is None:
        return ""
    return (
        f" (NATO's sources disagree: {' / '.join(c.values)}; the year of the partner's own page, else of the"
        " newest source, is the one used)"
    )


def _other_side(f: _Facts, code: str) -> "tuple[Support, ...]":
    """The evidence of the value not used, so that explain shows both sides of a disagreement."""
    c = _conflict(f, code)
    p = f.participations.get(code)
    if c is None or p is None:
        return ()
    return tuple(e for e in c.evidence if e not in p.evidence)


def _event_counts(r: Relation, start: int, end: int) -> list[int]:
    """How many of the relation's events began in each year from ``start`` to ``end``."""
    counts = [0] * (end - start + 1)
    for e in r.events:
        if start <= e.year <= end:
            counts[e.year - start] += 1
    return counts


_SYSTEM_NAMES = {"ccode": ("cow", "Correlates of War"), "gwcode": ("gw", "Gleditsch-Ward")}


def _state_code(f: _Facts, column: str, year: int) -> _Cell:
    """The COW or GW code of a partner in a year: from the table of state-system years from 1990."""
    system, name = _SYSTEM_NAMES[column]
    who = f.partner.alpha3
    held = f.cow if system == "cow" else f.gw
    if held is None:
        value = f.partner.cow if system == "cow" else f.partner.gw
        if value is None:
            return None, "no-code", f"{who} has no {name} code", ()
        return value, "vocabulary", f"the partner vocabulary's {column} of {who} (not in the table of state years)", ()
    if year < _codes.TABLE_START:
        first = _codes.TABLE_START
        return None, "not-tabled", f"the {name} years of {who} are followed from {first}, not in {year}", ()
    code = _codes.code_in(held, year)
    if code is None:
        return None, "not-in-system", f"{who} was not a member of the {name} state system in {year}", ()
    return code, "state-list", f"{who} was {name} state {code} in {year}", ()


def _iso_code(f: _Facts, column: str, year: int) -> _Cell:
    """The ISO 3166-1 code of a partner in force at the end of a year: the table from 1990, else the vocabulary's."""
    p, who = f.partner, f.partner.alpha3
    index = ISO_YEAR_COLUMNS.index(column)
    if f.iso is None:
        value = (p.alpha3, p.alpha2, p.numeric)[index]
        if value is None:
            return None, "no-code", f"{who} has no such code", ()
        return value, "vocabulary", f"the partner vocabulary's ISO code of {who} (no change since 1990 tabled)", ()
    if year < _codes.TABLE_START:
        return None, "not-tabled", f"the ISO codes of {who} are followed from {_codes.TABLE_START}, not in {year}", ()
    rule, codes = _codes.iso_in(f.iso, year)
    if codes is None:
        if rule == "iso-unknown":
            return None, rule, f"the year {who}'s ISO code was first assigned was not found: {year} is unknown", ()
        return None, rule, f"{who} had no ISO 3166-1 code of its own at the end of {year}", ()
    # codes are (alpha-2, alpha-3, numeric); the columns are alpha-3, alpha-2, numeric.
    value = codes[(1, 0, 2)[index]]
    return value, rule, f"{who}'s ISO 3166-1 codes at the end of {year} were {'/'.join(codes)}", ()


def _iso_columns(f: _Facts, start: int, end: int) -> tuple[list[str | None], ...]:
    """The ISO alpha-3, alpha-2 and numeric codes of each year: the table from 1990, else the vocabulary's."""
    n = end - start + 1
    p = f.partner
    if f.iso is None:
        return [p.alpha3] * n, [p.alpha2] * n, [p.numeric] * n
    before: list[str | None] = [None] * max(0, min(end + 1, _codes.TABLE_START) - start)
    held = _codes.iso_by_year(f.iso, max(start, _codes.TABLE_START), end)
    # held codes are (alpha-2, alpha-3, numeric); the columns are alpha-3, alpha-2, numeric.
    return tuple(before + [None if c is None else c[i] for c in held] for i in (1, 0, 2))


def _decide_other(f: _Facts, column: str, year: int) -> _Cell:
    """The cell of an identity, plan, stance or events column."""
    p, r, who, edition = f.partner, f.relation, f.partner.alpha3, f.edition
    if column == "year":
        return year, "row", f"the year of the row, {year}", ()
    if column in ("ccode", "gwcode"):
        return _state_code(f, column, year)
    if column in ISO_YEAR_COLUMNS:
        return _iso_code(f, column, year)
    if column in IDENTITY_COLUMNS:
        value = {"alpha3": p.alpha3, "alpha2": p.alpha2, "iso_numeric": p.numeric}[column]
        if value is None:
            return None, "no-code", f"{who} has no such code", ()
        return value, "vocabulary", f"the partner vocabulary's {column} of {who}", ()
    if column == "nato":
        joined = f.member_since
        if joined is None:
            return False, "not-member", f"the vocabulary gives {who} no year of accession to NATO", ()
        if joined > year:
            return False, "not-yet-member", f"{who} joined NATO in {joined}, after {year}", f.member_evidence
        return True, "member", f"{who} has been a NATO Ally since {joined}", f.member_evidence
    if column == "events":
        if r is None:
            return None, "no-relation", f"the dataset has no relation data for {who}", ()
        (count,) = _event_counts(r, year, year)
        evidence = tuple(ev for e in r.events if e.year == year for ev in e.evidence)
        return count, "events", f"{who}'s pages date {count} events to {year}", evidence
    # The plan and the stances are not dated: the pages say what they are when they were read.
    if edition is None or year != edition:
        when = (
            f"the year its pages were read, {edition}"
            if edition is not None
            else "the year its pages were read, which this panel does not have (a snapshot, or no YYYY.MM version)"
        )
        what = "the plan in force" if column == "plan" else "a stance"
        return None, "undated", f"{what} is not dated: it is known for {when}", ()
    if r is None:
        return None, "no-relation", f"the dataset has no relation data for {who}", ()
    if column == "plan":
        if r.plan is None:
            return None, "not-stated", f"{who}'s pages do not name a cooperation plan", ()
        return r.plan.programme, "plan", f"{who}'s pages name {r.plan.programme} in {edition}", r.plan.evidence
    flag = getattr(r.stance, STANCE_COLUMNS[column])
    if flag is None:
        return None, "not-stated", f"{who}'s pages do not state {STANCE_COLUMNS[column]}", ()
    return flag, "stance", f"{who}'s pages state {STANCE_COLUMNS[column]} = {flag} in {edition}", r.stance.evidence


class Panel:
    """A partner-year panel: one row per partner of the dataset and year, in that order.

    Columns are named once (see :doc:`panel`): the partner's codes (``ccode`` and ``gwcode`` those
    of each year, :doc:`codes`) and the year, one column per framework, ``nato`` (an Ally that
    year), the cooperation plan, one column per other programme of the vocabulary (``prog_`` and
    its code), the three stances and the count of dated events. A cell is ``True``, ``False`` or
    ``None`` (unknown), a code, or a count; :meth:`explain` says why, :meth:`provenance` what
    kind of source decided it, :meth:`codebook` what each column means.

    >>> import partnerdata
    >>> panel = partnerdata.load().panel(1991, 2026)
    >>> len(panel), panel.columns[:8]
    (1980, ('alpha3', 'alpha2', 'iso_numeric', 'ccode', 'gwcode', 'year', 'nacc', 'eapc'))
    >>> [panel.cell("KGZ", y, "pfp") for y in (1993, 1994)], panel.cell("KGZ", 1994, "prog_deep")
    ([False, True], None)
    """

    __slots__ = (
        "_data",
        "_facts",
        "_kinds",
        "_position",
        "_programmes",
        "_references",
        "_rows",
        "columns",
        "data_version",
        "edition_year",
        "end",
        "start",
        "system",
        "version",
    )
    start: int
    end: int
    edition_year: int | None
    #: The data version of the dataset the panel was made from (``"2026.12.1"``).
    data_version: str
    #: The version of partnerdata that made it.
    version: str
    #: The state system whose years the rows keep (``"cow"``, ``"gw"``), or ``None``: every year.
    system: str | None
    #: The column names, in order.
    columns: tuple[str, ...]
    _facts: dict[str, _Facts]
    _position: dict[str, int]
    _programmes: dict[str, tuple[str, int | None, int | None]]
    _data: dict[str, list[Any]]
    _kinds: dict[str, str]
    _references: dict[str, Reference]
    _rows: dict[tuple[str, int], int] | None

    def __init__(
        self,
        start: int,
        end: int,
        *,
        edition: int | None,
        facts: Sequence[_Facts],
        programmes: dict[str, tuple[str, int | None, int | None]],
        data: dict[str, list[Any]],
        kinds: dict[str, str],
        references: dict[str, Reference] | None = None,
        data_version: str = "",
        system: str | None = None,
        rows: dict[tuple[str, int], int] | None = None,
    ) -> None:
        from partnerdata._version import __version__

        # Immutable like the records: set once here, refused afterwards. Only the facts the rules
        # read are kept, not the dataset, so a panel does not pin the dataset's indexes.
        for name, value in (
            ("start", start),
            ("end", end),
            ("edition_year", edition),
            ("_facts", {f.partner.alpha3: f for f in facts}),
            ("_position", {f.partner.alpha3: i for i, f in enumerate(facts)}),
            ("_programmes", programmes),
            ("_data", data),
            ("_kinds", kinds),
            ("_references", references or {}),
            ("_rows", rows),
            ("columns", tuple(data)),
            ("data_version", data_version),
            ("version", __version__),
            ("system", system),
        ):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Panel is immutable; cannot set {name!r}")

    @property
    def partners(self) -> tuple[str, ...]:
        """The partners of the rows, in order (alpha-3 codes).

        >>> import partnerdata
        >>> partnerdata.load().panel(2000, 2001).partners[:3]
        ('AFG', 'ALB', 'ARE')
        """
        if self._rows is not None:
            return tuple(dict.fromkeys(self._data["alpha3"]))
        return tuple(self._facts)

    @property
    def years(self) -> range:
        """The years of each partner's rows.

        >>> import partnerdata
        >>> partnerdata.load().panel(2000, 2001).years
        range(2000, 2002)
        """
        return range(self.start, self.end + 1)

    def kinds(self) -> dict[str, str]:
        """Each column's kind: ``"bool"`` (yes, no, unknown), ``"int"`` or ``"str"``.

        >>> import partnerdata
        >>> kinds = partnerdata.load().panel(2000, 2000).kinds()
        >>> kinds["pfp"], kinds["ccode"], kinds["plan"]
        ('bool', 'int', 'str')
        """
        return dict(self._kinds)

    def column(self, name: str) -> list[Any]:
        """Every value of one column, row by row (a copy).

        >>> import partnerdata
        >>> panel = partnerdata.load().panel(2014, 2015)
        >>> panel.column("alpha3")[-8:-4], panel.column("events")[-8:-4]
        (['TKM', 'TKM', 'TUN', 'TUN'], [1, 1, 0, 1])
        """
        if name not in self._data:
            raise KeyError(f"no column {name!r}; columns: {', '.join(self.columns)}")
        return list(self._data[name])

    def _index(self, partner: str, year: int) -> tuple[_Facts, int]:
        f = self._facts.get(partner)
        if f is None:
            raise KeyError(f"no partner {partner!r} in this panel (alpha-3 codes: {', '.join(self._facts)[:80]}...)")
        if type(year) is not int or not self.start <= year <= self.end:
            raise KeyError(f"year {year!r} is not in this panel ({self.start}-{self.end})")
        if self._rows is None:
            return f, self._position[partner] * len(self.years) + year - self.start
        i = self._rows.get((partner, year))
        if i is None:
            name = {"cow": "Correlates of War", "gw": "Gleditsch-Ward"}.get(self.system or "", self.system)
            raise KeyError(f"{partner} has no row in {year}: not a member of the {name} state system that year")
        return f, i

    def cell(self, partner: str, year: int, column: str) -> Any:
        """The value of one cell; ``partner`` is an alpha-3 code.

        >>> import partnerdata
        >>> partnerdata.load().panel(2014, 2015).cell("TKM", 2015, "prog_sps")
        True
        """
        _, i = self._index(partner, year)
        if column not in self._data:
            raise KeyError(f"no column {column!r}; columns: {', '.join(self.columns)}")
        return self._data[column][i]

    def explain(self, partner: str, year: int, column: str) -> CellExplanation:
        """The rule, reason and evidence that decided one cell (``partner`` an alpha-3 code).

        >>> import partnerdata
        >>> panel = partnerdata.load().panel(1990, 2026)
        >>> print(panel.explain("KGZ", 1994, "pfp"))
        KGZ 1994 pfp = yes (started): KGZ takes part in PFP since 1994
          nato-kgz-fr#1.1.0: La coopération pratique a démarré en 1994, avec l’adhésion du Kirghizistan au ...
          nato-kgz-fr#3.0.0: Le Kirghizistan participe à de nombreuses activités du PPP.
        >>> panel.explain("TKM", 2026, "neutrality").evidence[0].locator
        'nato-tkm-fr#1.0.0'
        """
        f, _ = self._index(partner, year)
        if column not in self._data:
            raise KeyError(f"no column {column!r}; columns: {', '.join(self.columns)}")
        value, rule, reason, evidence = self._decide(f, column, year)
        if column in self._programmes and f.member_since is not None and f.member_since <= year:
            # Joining NATO ends no participation by itself: say so where it matters (docs/panel.rst).
            reason += (
                f"; {partner} has been a NATO Ally since {f.member_since} (column nato): a participation "
                "ends only where the pages give its end"
            )
        cited = {e.source for e in evidence if type(e) is Citation}
        return CellExplanation(
            partner=partner,
            year=year,
            column=column,
            value=value,
            rule=rule,
            reason=reason,
            evidence=evidence,
            references=tuple(self._references[i] for i in sorted(cited) if i in self._references),
        )

    def _decide(self, f: _Facts, column: str, year: int) -> _Cell:
        programme = self._programmes.get(column)
        if programme is not None:
            return _decide_programme(f, *programme, year)
        return _decide_other(f, column, year)

    def provenance(self, column: str) -> list[str]:
        """What decided each cell of a column, row by row: a fact of the pages, the vocabulary, an inference, nothing.

        ``page``: a fact of the partner's pages (quoted or cited); ``vocabulary``: the
        vocabulary's dates, lists, accession years or the state lists' codes; ``inference``: a
        rule that infers from what the pages state (``succeeded``); ``unknown``: nothing decides
        it (the cell is unknown, or a code is missing); ``row``: the year itself.

        >>> import partnerdata
        >>> panel = partnerdata.load().panel(1993, 1994)
        >>> kgz = panel.partners.index("KGZ") * 2
        >>> panel.provenance("pfp")[kgz:kgz + 2], panel.provenance("prog_deep")[kgz:kgz + 2]
        (['vocabulary', 'page'], ['unknown', 'unknown'])
        """
        if column not in self._data:
            raise KeyError(f"no column {column!r}; columns: {', '.join(self.columns)}")
        facts = self._facts
        return [
            RULES[self._decide(facts[partner], column, year)[1]][0]
            for partner, year in zip(self._data["alpha3"], self._data["year"], strict=True)
        ]

    def codebook(self) -> list[dict[str, Any]]:
        """One entry per column: its meaning, kind, values, the rules that can decide it and the years it can be known.

        Made from the table of rules the panel applies (``RULES``), the same one that
        :meth:`provenance` and :meth:`explain` use; ``docs/codebook.rst`` is made from it too.

        >>> import partnerdata
        >>> entry = partnerdata.load().panel(1991, 2026).codebook()[6]
        >>> entry["column"], entry["kind"], entry["rules"][:3]
        ('nacc', 'bool', ['not-founded', 'ended', 'started'])
        """
        return [
            column_entry(
                name,
                self._kinds[name],
                programme=self._programmes[name][0] if name in self._programmes else None,
                edition=self.edition_year,
            )
            for name in self.columns
        ]

    def metadata(self) -> dict[str, str]:
        """What the panel is, for the files it is written to: data version, library version, years, system.

        >>> import partnerdata
        >>> meta = partnerdata.load().panel(1991, 2026).metadata()
        >>> meta["data_version"], meta["years"], meta["system"]
        ('2026.12.3', '1991-2026', 'all years')
        """
        return {
            "data_version": self.data_version,
            "partnerdata_version": self.version,
            "years": f"{self.start}-{self.end}",
            "system": self.system or "all years",
            "unknown": "empty cell in CSV, null in JSON Lines and Parquet; never 0 or false",
            "rules": "partnerdata docs: panel.rst (the rules), codebook.rst, codes.rst (the state codes)",
        }

    def rows(self) -> list[dict[str, Any]]:
        """Every row as a ``dict`` from column name to value (``None`` for unknown).

        >>> import partnerdata
        >>> row = partnerdata.load().panel(2015, 2015).rows()[-4]
        >>> row["alpha3"], row["year"], row["pfp"], row["prog_bi"]
        ('TKM', 2015, True, None)
        """
        names = self.columns
        return [dict(zip(names, values, strict=True)) for values in zip(*self._data.values(), strict=True)]

    def to_pandas(self) -> Any:
        """A pandas ``DataFrame`` with nullable dtypes: ``boolean``, ``Int64`` and ``string``, ``<NA>`` for unknown.

        >>> import partnerdata
        >>> df = partnerdata.load().panel(1993, 1994).to_pandas()
        >>> str(df["pfp"].dtype), str(df["ccode"].dtype), str(df["plan"].dtype)
        ('boolean', 'Int64', 'string')
        >>> print(df[df.alpha3 == "KGZ"][["year", "pfp", "prog_deep"]].to_string(index=False))
         year   pfp  prog_deep
         1993 False       <NA>
         1994  True       <NA>
        """
        import importlib

        try:
            pandas = importlib.import_module("pandas")  # optional: the ``pandas`` extra
        except ImportError:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'partnerdata[pandas]'") from None
        return pandas.DataFrame(
            {name: pandas.array(values, dtype=DTYPES[self._kinds[name]]) for name, values in self._data.items()}
        )

    def plot(self, columns: "str | Sequence[str] | None" = None, *, ax: Any = None, lang: str = "en") -> Any:
        """Draw yes/no columns partner by year (``partnerdata[plot]``); returns the matplotlib Axes.

        One row per partner, one cell per year for each column (default: the frameworks), yes,
        no and unknown each drawn its own way (see :doc:`gallery`); ``ax`` an Axes to draw on.

        >>> import partnerdata
        >>> ax = partnerdata.load().panel(1991, 2026).plot(["pfp", "eapc"])
        >>> ax.get_title(), len(ax.get_yticklabels())
        ('PfP, EAPC, 1991–2026', 55)
        """
        return figure(self, ax=ax, lang=lang, columns=columns)

    def _repr_html_(self) -> str:
        return render("html", self)

    def __len__(self) -> int:
        return len(self._data["year"])

    def __iter__(self) -> Iterator[PanelRow]:
        names = self.columns
        for values in zip(*self._data.values(), strict=True):
            yield PanelRow(names, values)

    def __repr__(self) -> str:
        return (
            f"<Panel {len(self._facts)} partners x {self.start}-{self.end}: {len(self)} rows, "
            f"{len(self.columns)} columns>"
        )


def _check_years(start: object, end: object) -> tuple[int, int]:
    for name, value in (("start", start), ("end", end)):
        if type(value) is not int:
            raise ArgumentTypeError(f"{name} must be a year (an int), not {value!r}")
        if not MIN_YEAR <= value <= MAX_YEAR:
            raise PanelError(f"{name} must be between {MIN_YEAR} and {MAX_YEAR}, not {value}")
    assert isinstance(start, int)
    assert isinstance(end, int)
    if start > end:
        raise PanelError(f"start ({start}) is after end ({end})")
    return start, end


def _breaks(f: _Facts, code: str, founded: int | None, ended: int | None) -> set[int]:
    """The years at which a programme column's cell may change for this partner."""
    out = {y for y in (founded, None if ended is None else ended + 1) if y is not None}
    p = f.participations.get(code)
    if p is not None and p.since is not None:
        out.add(p.since)
        # The end and suspension years still count as taking part: the change comes the year after.
        out.update(y + 1 for y in (p.until, p.suspended) if y is not None)
        if p.resumed is not None:
            out.add(p.resumed)
    out.update(m.year for m in f.milestones.get(code, ()))
    if code in f.succession:
        out.add(f.succession[code][0])
    r = f.relation
    if r is not None and r.relations_since is not None:
        out.add(r.relations_since.year)
    return out


def _programme_years(
    f: _Facts, code: str, founded: int | None, ended: int | None, start: int, end: int
) -> list[bool | None]:
    """A programme column's values for one partner, ``start`` to ``end``: one decision per stretch of years."""
    cuts = sorted(y for y in _breaks(f, code, founded, ended) if start < y <= end)
    out: list[bool | None] = []
    for a, b in zip([start, *cuts], [*cuts, end + 1], strict=True):
        value = _decide_programme(f, code, founded, ended, a, why=False)[0]
        assert value is None or isinstance(value, bool)
        out += [value] * (b - a)
    return out


def _successions(dataset: "Dataset") -> Successions:
    """Each forum the vocabulary gives a successor and an end year: successor -> (forum, end year, names)."""
    by_code = {p.code: p for p in dataset.programmes}
    out: Successions = {}
    for p in dataset.programmes:
        after = by_code.get(p.successor) if p.successor is not None else None
        if after is None or p.ended is None:
            continue
        names = {after.code, after.name.en, after.name.fr, *after.aliases}
        if after.acronym is not None:
            names.update((after.acronym.en, after.acronym.fr))
        out[after.code] = (p.code, p.ended, tuple(sorted({fold(n) for n in names if n})))
    return out


def _code_column(f: _Facts, system: str, start: int, end: int) -> list[int | None]:
    """The COW or GW code of each year, per the table from 1990 and the vocabulary before."""
    held = f.cow if system == "cow" else f.gw
    vocabulary = f.partner.cow if system == "cow" else f.partner.gw
    if held is None:
        return [vocabulary] * (end - start + 1)
    # Before the table's first year the lists are not followed: unknown, not today's code.
    before = max(0, min(end + 1, _codes.TABLE_START) - start)
    return [None] * before + _codes.by_year(held, max(start, _codes.TABLE_START), end)


def build(
    dataset: "Dataset",
    start: int,
    end: int,
    *,
    edition: int | None = None,
    editions: Mapping[str, int | None] | None = None,
    until: int | None = None,
    system: str | None = None,
) -> Panel:
    """The panel of ``dataset`` from ``start`` to ``end``; ``edition`` is the year its pages were read.

    ``editions`` gives some partners (alpha-3 codes) an edition year of their own, for a dataset
    whose relations come from pages read at different times. ``until`` is the year of a snapshot
    the panel is asked of: its years cannot go past it. ``system`` (``"cow"`` or ``"gw"``) keeps
    only the rows of years in which the partner was a member of that state system.
    """
    start, end = _check_years(start, end)
    if until is not None and end > until:
        raise PanelError(f"a snapshot at the end of {until} has no years after it; end must be at most {until}")
    if system is not None:
        if system not in _codes.SYSTEMS:
            raise PanelError(f"system must be 'cow', 'gw' or None, not {system!r}")
        if start < _codes.TABLE_START:
            raise PanelError(
                f"system={system!r} keeps the years of the state lists, tabled from {_codes.TABLE_START}: "
                f"start must be at least {_codes.TABLE_START}, not {start}"
            )
    years = range(start, end + 1)
    n = len(years)
    relations = {r.partner: r for r in dataset.relations}
    own = editions or {}
    successions = _successions(dataset)
    facts = [_Facts(p, relations.get(p.alpha3), own.get(p.alpha3, edition), successions) for p in dataset.partners]
    founded_ended = {p.code: (p.founded.year if p.founded is not None else None, p.ended) for p in dataset.programmes}
    programmes: dict[str, tuple[str, int | None, int | None]] = {}
    for name, code in FRAMEWORK_COLUMNS.items():
        programmes[name] = (code, *founded_ended.get(code, (None, None)))
    # Cooperation plans have their own column (``plan``), frameworks theirs.
    others = {
        programme_column(code): (code, *founded_ended[code])
        for code, kind in ((p.code, p.kind) for p in dataset.programmes)
        if code not in FRAMEWORK_COLUMNS.values() and kind != PLAN_KIND
    }
    kinds: dict[str, str] = {
        "alpha3": "str",
        "alpha2": "str",
        "iso_numeric": "str",
        "ccode": "int",
        "gwcode": "int",
        "year": "int",
        **dict.fromkeys(FRAMEWORK_COLUMNS, "bool"),
        "nato": "bool",
        "plan": "str",
        **dict.fromkeys(sorted(others), "bool"),
        **dict.fromkeys(STANCE_COLUMNS, "bool"),
        "events": "int",
        **dict.fromkeys(ISO_YEAR_COLUMNS, "str"),
    }
    programmes.update(others)
    data: dict[str, list[Any]] = {name: [] for name in kinds}
    framework_codes = set(FRAMEWORK_COLUMNS.values())
    columns = [
        (name, data[name], code, founded, ended, code in framework_codes)
        for name, (code, founded, ended) in programmes.items()
    ]
    shared: dict[tuple[str, bool | None], list[bool | None]] = {}
    for f in facts:
        p = f.partner
        for name, value in (("alpha3", p.alpha3), ("alpha2", p.alpha2), ("iso_numeric", p.numeric)):
            data[name] += [value] * n
        data["ccode"] += _code_column(f, "cow", start, end)
        data["gwcode"] += _code_column(f, "gw", start, end)
        data["year"] += years
        for name, values in zip(ISO_YEAR_COLUMNS, _iso_columns(f, start, end), strict=True):
            data[name] += values
        r = f.relation
        since = r.relations_since.year if r is not None and r.relations_since is not None else None
        before_relations = 0 if since is None else min(max(since - start, 0), n)
        frameworks = f.frameworks
        stated = f.participations.keys() | f.milestones.keys() | f.succession.keys()
        for name, column, code, founded, ended, framework in columns:
            if code in stated:
                column += _programme_years(f, code, founded, ended, start, end)
                continue
            # No fact of the partner's about the programme (most cells): _decide_programme then reads
            # only the programme's dates, the vocabulary's frameworks (for a framework column) and
            # the start of relations. So the years are decided once per column and framework
            # listing, for a partner whose pages say nothing; the years before relations began are
            # "no" (rule before-relations, which comes after the programme's own dates).
            key = (name, (code in frameworks) if framework and frameworks else None)
            decided = shared.get(key)
            if decided is None:
                decided = shared[key] = _programme_years(f.silent(), code, founded, ended, start, end)
            column += decided if before_relations == 0 else [False] * before_relations + decided[before_relations:]
        joined = f.member_since
        before = n if joined is None else min(max(joined - start, 0), n)
        data["nato"] += [False] * before + [True] * (n - before)
        if r is None:
            for name in ("plan", *STANCE_COLUMNS, "events"):
                data[name] += [None] * n
            continue
        for name in ("plan", *STANCE_COLUMNS):
            column = data[name]
            read = f.edition
            if read is not None and start <= read <= end:
                column += [None] * (read - start) + [_decide_other(f, name, read)[0]] + [None] * (end - read)
            else:
                column += [None] * n
        data["events"] += _event_counts(r, start, end)
    rows = None
    if system is not None:
        # Keep the rows of the years a state was a member; untabled partners keep the years they have a code.
        keep = [v is not None for v in data["ccode" if system == "cow" else "gwcode"]]
        data = {name: [v for v, k in zip(values, keep, strict=True) if k] for name, values in data.items()}
        rows = {(a, y): i for i, (a, y) in enumerate(zip(data["alpha3"], data["year"], strict=True))}
    references = {r.id: r for r in dataset.references}
    return Panel(
        start,
        end,
        edition=edition,
        facts=facts,
        programmes=programmes,
        data=data,
        kinds=kinds,
        references=references,
        data_version=dataset.data_version,
        system=system,
        rows=rows,
    )
