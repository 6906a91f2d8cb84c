# ruff: noqa: E501  (signatures are data: one per line reads best)
"""The public API as released: every name in ``partnerdata.__all__`` with its signature.

The expectations below were written down from release 0.1 (module paths left out, since the
modules behind the names are private); a change to any of them must be made here on purpose.
Changes made in 0.2 on purpose, all keeping old calls working: ``Partner`` gained its codes,
frameworks and membership year, ``Event`` the month and day a range ends, ``NotFoundError`` a
``reason``; evidence parameters are typed as evidence; ``diff`` compares identity by default
(``identity=True``), so that ``diff(a, b).apply(a) == b`` always holds; sources and pages carry
their edition; ``Dataset`` holds editions; ``parse_page`` reads every layout. New in 0.2: the
editions (``Edition``, ``Conflict``, ``History``, ``diff_editions``, ``history``) and the page
reader (``read_page``, ``PageLine``). Changes made in 0.3 on purpose (data format 2): evidence
parameters take a quote or a citation (``Evidence | Citation``); milestones and participations
gained their dates, ends and suspensions, relations ``member_since`` and ``conflicts``, datasets
``references``, panel explanations the references they cite. New in 0.3: ``Citation`` and
``Reference``; the example pages the package ships (``examples``, ``ExamplePage``).
"""

import inspect
import re

import pytest

import partnerdata

# name: signature of a function, or (constructor, {public method or property: signature}) of a class.
EXPECTED: dict[str, object] = {
    "Citation": (
        "(*, source: str, section: str | None = None, says: Text) -> None",
        {"locator": "property"},
    ),
    "Reference": (
        "(*, id: str, url: str, title: str, language: str, date: PartialDate, kind: str) -> None",
        {"cite": "(self) -> str"},
    ),
    "Conflict": (
        "(*, fact: str, values: Iterable[str], evidence: Iterable[Any]) -> None",
        {},
    ),
    "Edition": (
        "(*, partner: str, date: PartialDate | None = None, sources: Iterable[str], relation: Relation, conflicts: Iterable[Conflict] = ()) -> None",
        {
            "label": "property",
            "sort_key": "(self) -> tuple[int, int, int, int]",
        },
    ),
    "History": (
        "(partner: str, editions: tuple[Edition, ...], steps: tuple[tuple[Edition, Edition, Diff], ...]) -> None",
        {
            "render": "(self, format: str = 'text', *, lang: str = 'en') -> str",
        },
    ),
    "PageLine": (
        "(*, line: int, text: str, reason: str) -> None",
        {},
    ),
    "diff_editions": "(ds: Any, partner: str, old: 'str | PartialDate | None' = None, new: 'str | PartialDate | None' = None) -> Diff",
    "history": "(ds: Any, partner: str) -> History",
    "read_page": "(source: 'str | os.PathLike[str] | bytes', *, url: str | None = None, parser: str | None = None) -> Page",
    "Answer": (
        "(*, question: str, yes: Results[~T], no: Results[~T], unknown: Results[~T]) -> None",
        {
            "rows": "(self, lang: str | None = None) -> list[dict[str, Any]]",
            "to_pandas": "(self, lang: str | None = None) -> Any",
        },
    ),
    "CellExplanation": (
        "(*, partner: str, year: int, column: str, value: bool | int | str | None, rule: str, reason: str, evidence: tuple[Evidence | Citation, ...] = (), references: tuple[Reference, ...] = ()) -> None",
        {},
    ),
    "Change": (
        "(*, path: Iterable[str], kind: Literal['added', 'removed', 'changed'], old: Any = None, new: Any = None) -> None",
        {
            "invert": "(self) -> 'Change'",
            "where": "property",
        },
    ),
    "Channel": (
        "(*, body: str, description: Text, host: Text | None = None, evidence: Iterable[Evidence | Citation]) -> None",
        {},
    ),
    "Cooperation": (
        "(*, partner: str, topic: str, through: str, year: int | None = None, programmes: Iterable[str] = (), text: Text | None = None, evidence: Iterable[Evidence | Citation] = ()) -> None",
        {},
    ),
    "CooperationPlan": (
        "(*, programme: str, cycle_years: int | None = None, renewal: Text | None = None, evidence: Iterable[Evidence | Citation]) -> None",
        {},
    ),
    "DATA_VERSION": "str",
    "DataValidationError": (
        "(problems: 'list[Problem] | tuple[Problem, ...]', *, what: str = 'data') -> None",
        {},
    ),
    "Dataset": (
        "(*, data_version: str, partners: Iterable[Partner] = (), programmes: Iterable[Programme] = (), topics: Iterable[Topic] = (), sources: Iterable[Source] = (), references: Iterable[Reference] = (), relations: Iterable[Relation] = (), editions: Iterable[Edition] = ()) -> None",
        {
            "partner": "(self, key: str) -> Partner",
            "programme": "(self, key: str) -> Programme",
            "relation": "(self, key: str, edition: 'str | PartialDate | None' = None) -> Relation",
            "source": "(self, id: str) -> Source",
            "topic": "(self, key: str) -> Topic",
        },
    ),
    "Diff": (
        "(*, changes: Iterable['Change'], old: Any = None, new: Any = None, identity: bool = True) -> None",
        {
            "apply": "(self, target: Any) -> Any",
            "invert": "(self) -> 'Diff'",
            "render": "(self, format: str = 'text', *, lang: str = 'en') -> str",
            "to_json": "(self, *, indent: int | None = 2) -> str",
            "to_json_patch": "(self, *, test: bool = False) -> list[dict[str, Any]]",
        },
    ),
    "DiffConflictError": (
        None,
        {},
    ),
    "Event": (
        "(*, id: str, date: PartialDate, end: int | None = None, end_month: int | None = None, end_day: int | None = None, text: Text, programmes: Iterable[str] = (), topics: Iterable[str] = (), partners: Iterable[str] = (), evidence: Iterable[Evidence | Citation]) -> None",
        {
            "year": "property",
        },
    ),
    "Evidence": (
        "(*, source: str, section: int, item: int, sentence: int, quote: str) -> None",
        {
            "locator": "property",
        },
    ),
    "ExamplePage": (
        "(*, name: str, partner: str, language: str, edition: str, format: str) -> None",
        {"read_bytes": "(self) -> bytes", "save": "(self, folder: 'str | os.PathLike[str]') -> pathlib.Path"},
    ),
    "Extraction": (
        "(*, partner: Partner, relation: Relation, source: Source, unplaced: tuple[Evidence, ...]) -> None",
        {},
    ),
    "FieldError": (
        "(field_name: str, message: str) -> None",
        {},
    ),
    "Framework": (
        "(*, programme: str, name: Text, kind: str, founded: int | None = None, ended: int | None = None, successor: str | None = None, evidence: Iterable[Evidence | Citation] = ()) -> None",
        {
            "year": "property",
        },
    ),
    "Membership": (
        "(*, partner: str, programme: str, since: int | None = None, until: int | None = None, suspended: int | None = None, resumed: int | None = None, focus: Iterable[str] = (), evidence: Iterable[Evidence | Citation] = ()) -> None",
        {
            "active": "(self, year: int) -> bool | None",
            "year": "property",
        },
    ),
    "Milestone": (
        "(*, year: int, via: str | None = None, date: PartialDate | None = None, evidence: Iterable[Evidence | Citation]) -> None",
        {},
    ),
    "NotFoundError": (
        "(kind: str, key: object, suggestions: 'tuple[str, ...]' = (), *, reason: str | None = None) -> None",
        {},
    ),
    "Page": (
        "(*, sections: tuple[PageSection, ...], language: str = 'fr', text: str = '', edition: PartialDate | None = None, stamp: str | None = None, captions: tuple[str, ...] = (), unplaced: tuple['PageLine', ...] = (), url: str | None = None, layout: str = 'plain') -> None",
        {
            "body": "property",
            "head": "property",
            "introduction": "property",
            "lines": "(self) -> list[str]",
            "sentence": "(self, section: int, item: int, sentence: int) -> str | None",
            "sentences": "(self) -> Iterator[tuple[tuple[int, int, int], str]]",
            "title": "property",
        },
    ),
    "PageError": (
        "(reason: str, line: int | None = None, *, kind: str = 'format') -> None",
        {},
    ),
    "PageItem": (
        "(*, kind: str, text: str, sentences: tuple[str, ...], line: int = 0) -> None",
        {
            "folded": "property",
            "raw": "property",
        },
    ),
    "PageSection": (
        "(*, heading: str | None, items: tuple[PageItem, ...], line: int | None = None) -> None",
        {
            "key": "property",
        },
    ),
    # Built by Dataset.panel and Snapshot.panel (0.2), not by callers.
    "Panel": (
        "(start: int, end: int, *, edition: int | None, facts: Sequence[_Facts], programmes: dict[str, tuple[str, int | None, int | None]], data: dict[str, list[Any]], kinds: dict[str, str], references: dict[str, Reference] | None = None, data_version: str = '', system: str | None = None, rows: dict[tuple[str, int], int] | None = None) -> None",
        {
            "cell": "(self, partner: str, year: int, column: str) -> Any",
            "codebook": "(self) -> list[dict[str, Any]]",
            "column": "(self, name: str) -> list[Any]",
            "explain": "(self, partner: str, year: int, column: str) -> CellExplanation",
            "kinds": "(self) -> dict[str, str]",
            "metadata": "(self) -> dict[str, str]",
            "partners": "property",
            "provenance": "(self, column: str) -> list[str]",
            "plot": "(self, columns: 'str | Sequence[str] | None' = None, *, ax: Any = None, lang: str = 'en') -> Any",
            "rows": "(self) -> list[dict[str, Any]]",
            "to_pandas": "(self) -> Any",
            "years": "property",
        },
    ),
    "PanelError": (None, {}),
    "PanelRow": (
        "(columns: tuple[str, ...], values: tuple[Any, ...]) -> None",
        {"as_dict": "(self) -> dict[str, Any]"},
    ),
    "PartialDate": (
        "(*, year: int, month: int | None = None, day: int | None = None) -> None",
        {
            "isoformat": "(self) -> str",
            "sort_key": "(self) -> tuple[int, int, int]",
        },
    ),
    "Participation": (
        "(*, programme: str, since: int | None = None, date: PartialDate | None = None, until: int | None = None, suspended: int | None = None, resumed: int | None = None, focus: Iterable[str] = (), aim: Text | None = None, host: Text | None = None, evidence: Iterable[Evidence | Citation]) -> None",
        {},
    ),
    "Partner": (
        "(*, alpha3: str, alpha2: str | None, numeric: str | None = None, cow: int | None = None, gw: int | None = None, name: Text, official_name: Text, aliases: Iterable[str] = (), region: Text | None = None, frameworks: Iterable[str] = (), member_since: int | None = None) -> None",
        {},
    ),
    "PartnerDataError": (
        None,
        {},
    ),
    "PartnerMilestone": (
        "(*, partner: str, kind: str, year: int | None = None, via: str | None = None, evidence: Iterable[Evidence | Citation] = ()) -> None",
        {},
    ),
    "PartnerStance": (
        "(*, partner: str, permanent_neutrality: bool | None = None, contributes_forces: bool | None = None, contributes_infrastructure: bool | None = None, evidence: Iterable[Evidence | Citation] = ()) -> None",
        {
            "year": "property",
        },
    ),
    "Problem": (
        "(*, file: str | None, path: str, message: str) -> None",
        {},
    ),
    "Programme": (
        "(*, code: str, name: Text, acronym: Text | None = None, kind: str, aliases: Iterable[str] = (), founded: PartialDate | None = None, ended: int | None = None, successor: str | None = None, note: Text | None = None) -> None",
        {},
    ),
    "Relation": (
        "(*, partner: str, relations_since: Milestone | None = None, cooperation_since: Milestone | None = None, member_since: Milestone | None = None, plan: CooperationPlan | None = None, participations: Iterable[Participation] = (), stance: Stance = NOTHING, channels: Iterable[Channel] = (), events: Iterable[Event] = (), statements: Iterable[Statement] = (), conflicts: Iterable[Conflict] = ()) -> None",
        {
            "participation": "(self, programme: str) -> Participation | None",
            "pfp_since": "property",
            "sources": "property",
            "statements_by_section": "(self) -> tuple[tuple[Text | None, tuple[Statement, ...]], ...]",
            "topics": "property",
        },
    ),
    "Results": (
        "(items: Iterable[~T] = (), unknown: Iterable[~T] = (), *, title: str = '', cls: type | None = None) -> None",
        {
            "columns": "(self, lang: str | None = None, *, with_unknown: bool = False) -> list[str]",
            "partners": "property",
            "rows": "(self, lang: str | None = None, *, with_unknown: bool = False) -> list[dict[str, Any]]",
            "to_pandas": "(self, lang: str | None = None) -> Any",
            "unknown": "property",
            "where": "(self, predicate: Callable[[~T], bool]) -> 'Results[T]'",
        },
    ),
    "Snapshot": (
        "(dataset: Dataset, year: int) -> None",
        {},
    ),
    "Source": (
        "(*, id: str, partner: str, title: str, language: str, url: str | None = None, text: str, sha256: str, edition: PartialDate | None = None) -> None",
        {
            "from_text": "(*, id: str, partner: str, language: str, text: str, url: str | None = None, edition: PartialDate | None = None) -> 'Source'",
        },
    ),
    "Stance": (
        "(*, permanent_neutrality: bool | None = None, contributes_forces: bool | None = None, contributes_infrastructure: bool | None = None, designations: Iterable[UnitDesignation] = (), evidence: Iterable[Evidence | Citation] = ()) -> None",
        {},
    ),
    "Statement": (
        "(*, text: Text, heading: Text | None = None, topics: Iterable[str] = (), programmes: Iterable[str] = (), evidence: Evidence) -> None",
        {
            "key": "property",
        },
    ),
    "StatementHit": (
        "(*, partner: str, text: Text, heading: Text | None = None, topics: Iterable[str] = (), programmes: Iterable[str] = (), evidence: Iterable[Evidence | Citation] = ()) -> None",
        {
            "year": "property",
        },
    ),
    "Text": (
        "(*, fr: str | None = None, en: str | None = None) -> None",
        {
            "get": "(self, lang: str, *, fallback: bool = True) -> str | None",
        },
    ),
    "TimelineEntry": (
        "(*, year: int | None, month: int | None = None, day: int | None = None, kind: str, partner: str | None = None, programmes: Iterable[str] = (), topics: Iterable[str] = (), until: int | None = None, suspended: int | None = None, resumed: int | None = None, text: Text, evidence: Iterable[Evidence | Citation] = ()) -> None",
        {
            "date": "property",
        },
    ),
    "Topic": (
        "(*, code: str, label: Text, aliases: Iterable[str] = ()) -> None",
        {},
    ),
    "UnitDesignation": (
        "(*, purpose: Text, organisation: str | None = None, topics: Iterable[str] = (), evidence: Iterable[Evidence | Citation]) -> None",
        {},
    ),
    "__version__": "str",
    "diff": "(old: Any, new: Any, *, identity: bool | None = True) -> Diff",
    "examples": "() -> tuple[ExamplePage, ...]",
    "extract": "(page: Page | str, *, vocabulary: Any = None, source_id: str | None = None, url: str | None = None) -> Extraction",
    "from_dict": "(cl: type[~T], data: Any) -> ~T",
    "from_json": "(cl: type[~T], text: str | bytes) -> ~T",
    "load": "(path: 'str | os.PathLike[str] | None' = None) -> Dataset",
    "parse_page": "(text: str, *, url: str | None = None, parser: str | None = None) -> Page",
    "to_dict": "(obj: Any) -> dict[str, Any]",
    "to_json": "(obj: Any, *, indent: int | None = 2) -> str",
}


def spell(signature: str | None) -> str | None:
    """A signature without the private module paths of its types."""
    if signature is None:
        return None
    signature = re.sub(r"partnerdata\.[\w.]*\.(\w+)", r"\1", signature)
    return re.sub(r"\bcollections\.abc\.|\btyping\.", "", signature).replace("'Dataset'", "Dataset")


def actual(name: str) -> object:
    value = getattr(partnerdata, name)
    if inspect.isclass(value):
        try:
            init = spell(str(inspect.signature(value)))
        except (TypeError, ValueError):
            init = None
        members: dict[str, str] = {}
        for member, obj in sorted(vars(value).items()):
            if member.startswith("_"):
                continue
            if isinstance(obj, property):
                members[member] = "property"
            elif callable(obj) or isinstance(obj, classmethod | staticmethod):
                members[member] = str(spell(str(inspect.signature(getattr(value, member)))))
        return (init, members)
    if callable(value):
        return spell(str(inspect.signature(value)))
    return type(value).__name__


def test_every_public_name_is_listed() -> None:
    assert sorted(partnerdata.__all__) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_public_name_keeps_its_signature(name: str) -> None:
    expected = EXPECTED[name]
    found = actual(name)
    if isinstance(expected, tuple):
        assert isinstance(found, tuple)
        assert found[0] == expected[0], f"{name}: constructor changed"
        # Methods may be added; none may go or change.
        for member, signature in expected[1].items():
            assert found[1].get(member) == signature, f"{name}.{member} changed"
    else:
        assert found == expected
