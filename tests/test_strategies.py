"""The shipped strategies: every value valid, round trips exact, constraints honoured, registered."""

import ast
import inspect
import json
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument

import partnerdata
from partnerdata import Dataset, DataValidationError, Partner, Programme, _hypothesis
from partnerdata import strategies as pst
from partnerdata._ingest.page import parse

PACKAGED = partnerdata.load()

STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (partnerdata.Text, pst.texts()),
    (partnerdata.PartialDate, pst.partial_dates()),
    (partnerdata.Evidence, pst.evidences()),
    (partnerdata.Citation, pst.citations()),
    (partnerdata.Reference, pst.references()),
    (partnerdata.Partner, pst.partners()),
    (partnerdata.Programme, pst.programmes()),
    (partnerdata.Topic, pst.topics()),
    (partnerdata.Source, pst.sources()),
    (partnerdata.Milestone, pst.milestones()),
    (partnerdata.Participation, pst.participations()),
    (partnerdata.CooperationPlan, pst.cooperation_plans()),
    (partnerdata.UnitDesignation, pst.unit_designations()),
    (partnerdata.Stance, pst.stances()),
    (partnerdata.Channel, pst.channels()),
    (partnerdata.Event, pst.events()),
    (partnerdata.Statement, pst.statements()),
    (partnerdata.Conflict, pst.conflicts()),
    (partnerdata.Edition, pst.editions()),
    (partnerdata.Relation, pst.relations()),
    (partnerdata.Dataset, pst.datasets()),
]
IDS = [cls.__name__ for cls, _ in STRATEGIES]


def test_every_public_record_type_has_a_strategy() -> None:
    # The data record types: what to_json and from_json take (query results, diffs and such are views).
    public = {
        getattr(partnerdata, name)
        for name in partnerdata.__all__
        if isinstance(getattr(partnerdata, name), type)
        and attrs.has(getattr(partnerdata, name))
        and getattr(partnerdata, name).__module__ in ("partnerdata._model.records", "partnerdata._query.dataset")
    }
    assert public == {cls for cls, _ in STRATEGIES}
    assert set(pst._REGISTERED) == {cls for cls, _ in STRATEGIES}
    # The entry point (which may not import the strategies) registers the same types by name.
    assert set(_hypothesis.REGISTERED) == {cls.__name__ for cls in pst._REGISTERED}


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=IDS)
def test_round_trips_are_exact_and_validation_accepts(cls: type, strategy: st.SearchStrategy[Any]) -> None:
    @given(strategy)
    def check(value: Any) -> None:
        attrs.validate(value)  # every field validator accepts it
        assert type(value) is cls
        as_dict = partnerdata.to_dict(value)
        assert partnerdata.from_dict(cls, as_dict) == value
        assert partnerdata.from_dict(cls, json.loads(json.dumps(as_dict))) == value
        text = partnerdata.to_json(value)
        again = partnerdata.from_json(cls, text)
        assert again == value
        assert partnerdata.to_json(again) == text
        assert partnerdata.from_json(cls, text.encode("utf-8")) == value

    check()


def _years(value: Any) -> Iterator[int]:
    """Every year-like integer in a JSON value (fields named year, since, ended, end)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("year", "since", "ended", "end") and isinstance(item, int):
                yield item
            else:
                yield from _years(item)
    elif isinstance(value, list):
        for item in value:
            yield from _years(item)


def _texts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if value.keys() == {"fr", "en"}:
            yield value
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


@given(pst.datasets(min_year=2001, max_year=2009, min_relations=1, max_relations=2, max_partners=2))
def test_datasets_keep_their_invariants_and_constraints(ds: Dataset) -> None:
    assert 1 <= len(ds.relations) <= 2 and len(ds.partners) <= 2
    assert all(2001 <= year <= 2009 for year in _years(partnerdata.to_dict(ds)))
    founded = {p.code: p.founded.year for p in ds.programmes if p.founded is not None}
    sources = {s.id: s for s in ds.sources}
    for r in ds.relations:
        assert ds.partner(r.partner).alpha3 == r.partner
        for p in r.participations:
            assert ds.programme(p.programme).code == p.programme
            assert all(ds.topic(code).code == code for code in p.focus)
            assert p.since is None or p.since >= founded.get(p.programme, 0)
        for m in (r.relations_since, r.cooperation_since):
            assert m is None or m.via is None or m.year >= founded.get(m.via, 0)
        if r.relations_since and r.cooperation_since:
            assert r.relations_since.year <= r.cooperation_since.year
        for e in r.events:
            assert e.end is None or e.end >= e.year
        for s in r.statements:
            source = sources[s.evidence.source]
            quoted = parse(source.text).sentence(s.evidence.section, s.evidence.item, s.evidence.sentence)
            assert quoted == s.evidence.quote == s.text.get(source.language, fallback=False)
            assert source.partner == r.partner
    assert len({p.alpha3 for p in ds.partners}) == len(ds.partners)
    assert len({s.id for s in ds.sources}) == len(ds.sources)


@given(pst.datasets(languages=["fr"], max_partners=2))
def test_languages_constrain_every_text(ds: Dataset) -> None:
    found = list(_texts(partnerdata.to_dict(ds)))
    assert found
    assert all(t["en"] is None and t["fr"] for t in found)
    assert all(s.language == "fr" for s in ds.sources)


@given(pst.datasets(programmes=PACKAGED.programmes, topics=PACKAGED.topics, min_partners=2, max_partners=3))
def test_given_vocabularies_are_used_as_they_are(ds: Dataset) -> None:
    assert ds.programmes == PACKAGED.programmes
    assert ds.topics == PACKAGED.topics
    assert 2 <= len(ds.partners) <= 3


@given(pst.participations(programmes=[PACKAGED.programme("PFP"), PACKAGED.programme("SPS")], min_year=1990))
def test_participations_use_the_given_programmes_and_their_foundations(participation: Any) -> None:
    assert participation.programme in {"PFP", "SPS"}
    founded = PACKAGED.programme(participation.programme).founded
    assert participation.since is None or founded is None or participation.since >= founded.year


def _label(date: partnerdata.PartialDate | None) -> str:
    return "undated" if date is None else date.isoformat()


def _quotes_its_page(ev: partnerdata.Evidence, sources: dict[str, partnerdata.Source]) -> bool:
    return parse(sources[ev.source].text).sentence(ev.section, ev.item, ev.sentence) == ev.quote


def _evidence_of(value: Any) -> Iterator[partnerdata.Evidence]:
    """Every evidence record inside a record, found by walking its fields (not by the library's own code)."""
    if isinstance(value, partnerdata.Evidence):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _evidence_of(item)
    elif attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            yield from _evidence_of(getattr(value, a.name))


def test_datasets_with_editions_keep_the_edition_invariants_and_draw_every_shape() -> None:
    seen: set[str] = set()

    @given(pst.datasets(max_editions=3, min_relations=1, max_partners=2, min_year=2001, max_year=2009))
    def check(ds: Dataset) -> None:
        sources = {s.id: s for s in ds.sources}
        relations = {r.partner: r for r in ds.relations}
        assert {e.partner for e in ds.editions} == set(relations)
        for partner, relation in relations.items():
            mine = [e for e in ds.editions if e.partner == partner]
            assert 1 <= len(mine) <= 3
            seen.add(f"{min(len(mine), 2)} editions")
            labels = [_label(e.date) for e in mine]
            assert len(set(labels)) == len(labels)
            # Oldest first, undated ones counted as the oldest; written out here rather than taken from Edition.
            order = [
                (0, 0, 0, 0) if e.date is None else (1, e.date.year, e.date.month or 0, e.date.day or 0) for e in mine
            ]
            assert order == sorted(order)
            assert mine[-1].relation == relation
            assert ds.editions_of(partner) == tuple(mine)
            for e in mine:
                seen.add("undated" if e.date is None else "dated")
                seen.update(["bilingual"] if len(e.sources) == 2 else [])
                seen.update(["conflict"] if e.conflicts else [])
                assert ds.relation(partner, edition=_label(e.date)) == e.relation
                assert 1 <= len(e.sources) <= 2
                pages = [sources[i] for i in e.sources]
                assert all(p.partner == partner and p.edition == e.date for p in pages)
                assert len({p.language for p in pages}) == len(pages)  # one page per language
                assert e.date is None or 2001 <= e.date.year <= 2009
                for ev in _evidence_of(e.relation):
                    assert ev.source in e.sources and _quotes_its_page(ev, sources)
                for c in e.conflicts:
                    assert len(c.values) == len(c.evidence) == 2 and c.values[0] != c.values[1]
                    assert {ev.source for ev in c.evidence} == set(e.sources)
                    assert all(
                        isinstance(ev, partnerdata.Evidence) and _quotes_its_page(ev, sources) for ev in c.evidence
                    )

    check()
    assert seen == {"1 editions", "2 editions", "undated", "dated", "conflict", "bilingual"}


@given(pst.datasets(max_partners=2))
def test_datasets_without_max_editions_have_no_edition_records(ds: Dataset) -> None:
    # Regression guard for the default: today's shape, one edition per partner, implied by its pages.
    assert ds.editions == ()
    for r in ds.relations:
        dates = {s.edition for s in ds.sources if s.partner == r.partner}
        assert len(dates) == 1
        assert ds.edition(r.partner).date == dates.pop()


def test_sources_draw_dated_and_undated_editions() -> None:
    seen: set[str] = set()

    @given(pst.sources())
    def check(source: partnerdata.Source) -> None:
        seen.add("undated" if source.edition is None else "dated")

    check()
    assert seen == {"undated", "dated"}


@given(pst.conflicts(languages=["fr", "en"], min_year=1995, max_year=1996))
def test_conflicts_are_between_a_french_and_an_english_page(conflict: partnerdata.Conflict) -> None:
    assert sorted(conflict.values) == ["1995", "1996"]
    assert conflict.fact in ("relations_since", "cooperation_since")
    first, second = conflict.evidence
    assert first.source < second.source  # the record's order, which the values follow
    assert {first.source.rsplit("-", 2)[1], second.source.rsplit("-", 2)[1]} == {"fr", "en"}


@settings(max_examples=10)  # only the wiring: the strategies themselves are tested above
@given(st.from_type(partnerdata.Edition), st.from_type(partnerdata.Conflict))
def test_from_type_draws_editions_and_conflicts(edition: partnerdata.Edition, conflict: Any) -> None:
    assert edition.relation.partner == edition.partner
    assert isinstance(conflict, partnerdata.Conflict) and len(conflict.values) == 2


def test_dataset_pairs_describe_their_edits_exactly() -> None:
    seen: set[str] = set()

    @given(pst.dataset_pairs(max_partners=3))
    def check(pair: pst.EditionPair) -> None:
        old = {r.partner: r for r in pair.old.relations}
        new = {r.partner: r for r in pair.new.relations}
        assert pair.added == new.keys() - old.keys()
        assert pair.removed == old.keys() - new.keys()
        assert pair.changed == {p for p in old.keys() & new.keys() if old[p] != new[p]}
        assert pair.unchanged == {p for p in old.keys() & new.keys() if old[p] == new[p]}
        assert pair.changed_partners == pair.added | pair.removed | pair.changed
        assert (pair.old.partners, pair.old.programmes, pair.old.sources) == (
            pair.new.partners,
            pair.new.programmes,
            pair.new.sources,
        )
        seen.update(k for k, v in (("added", pair.added), ("removed", pair.removed), ("changed", pair.changed)) if v)

    check()
    assert seen == {"added", "removed", "changed"}


DEFECT_GROUPS = {
    "fields": ("wrong-type", "missing-field", "unknown-field", "out-of-range", "blank-string"),
    "syntax": ("huge-number", "not-a-number", "deep-nesting", "invalid-utf8", "truncated", "not-an-object"),
    "dataset": ("duplicate", "dangling-reference"),
}
assert sorted(d for group in DEFECT_GROUPS.values() for d in group) == sorted(pst.DEFECTS)


@pytest.mark.parametrize("defects", DEFECT_GROUPS.values(), ids=DEFECT_GROUPS.keys())
def test_near_valid_documents_are_refused_where_the_defect_is(defects: tuple[str, ...]) -> None:
    seen: set[str] = set()

    @given(pst.near_valid_documents(Dataset, defects=defects))
    def check(doc: pst.NearValidDocument) -> None:
        seen.add(doc.defect)
        assert partnerdata.from_json(Dataset, doc.valid) is not None
        with pytest.raises(DataValidationError) as caught:
            partnerdata.from_json(doc.type, doc.content)
        paths = [p.path for p in caught.value.problems]
        assert any(path.startswith(doc.path) for path in paths), (doc, paths)

    check()
    assert seen <= set(defects) | {"not-an-object"}
    assert len(seen) >= 2


# A relation or an edition is drawn from a whole dataset: its documents are covered by the dataset's.
@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES[:-3], ids=IDS[:-3])
def test_near_valid_record_documents_are_refused(cls: type, strategy: st.SearchStrategy[Any]) -> None:
    @given(pst.near_valid_documents(cls))
    def check(doc: pst.NearValidDocument) -> None:
        assert doc.defect != "dangling-reference"
        with pytest.raises(DataValidationError) as caught:
            partnerdata.from_json(cls, doc.content)
        assert any(p.path.startswith(doc.path) for p in caught.value.problems), (doc, caught.value)

    check()


@pytest.mark.parametrize(
    "build",
    [
        lambda: pst.datasets(languages=["de"]),
        lambda: pst.datasets(languages="fr"),
        lambda: pst.datasets(languages=[]),
        lambda: pst.datasets(min_year=2010, max_year=2000),
        lambda: pst.datasets(min_year=1800),
        lambda: pst.datasets(min_partners=3, max_partners=2),
        lambda: pst.datasets(min_relations=5, max_partners=2),
        lambda: pst.datasets(programmes=["PFP"]),  # type: ignore[list-item]
        lambda: pst.participations(programmes=[]),
        lambda: pst.sources(partner="KGZ"),  # type: ignore[arg-type]
        lambda: pst.datasets(max_editions=0),
        lambda: pst.editions(min_year=2010, max_year=2000),
        lambda: pst.conflicts(languages=["de"]),
        lambda: pst.conflicts(min_year=2031, max_year=2030),
        lambda: pst.near_valid_documents(defects=["typo"]),
        lambda: pst.near_valid_documents(int),
        lambda: pst.near_valid_documents(Partner, defects=["dangling-reference"]),
    ],
)
def test_bad_arguments_are_refused_when_the_strategy_is_built(build: Any) -> None:
    with pytest.raises(InvalidArgument):
        build()


@given(st.from_type(Dataset), st.from_type(Partner))
def test_from_type_uses_the_registered_strategies(ds: Dataset, partner: Partner) -> None:
    # hypothesis's own inference could not build a Dataset whose evidence quotes its pages.
    assert isinstance(ds, Dataset)
    assert partner.official_name.get("en", fallback=False) in (None, f"Republic of {partner.name.en}")


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_importing_partnerdata_never_imports_hypothesis() -> None:
    done = _run(
        """
        import sys
        import partnerdata
        partnerdata.load()
        print(sorted(m for m in ("hypothesis", "partnerdata.strategies", "json", "cattrs") if m in sys.modules))
        """
    )
    assert done.returncode == 0, done.stderr
    assert "hypothesis" not in done.stdout and "strategies" not in done.stdout


def test_the_installed_entry_point_registers_the_strategies() -> None:
    """In a fresh interpreter, as a user has it: the distribution's entry point, then ``from_type``."""
    done = _run(
        """
        import importlib.metadata, sys
        points = [e.value for e in importlib.metadata.entry_points(group="hypothesis")
                  if e.dist is not None and e.dist.name == "partnerdata"]
        assert points == ["partnerdata._hypothesis:_hypothesis_setup_hook"], points
        assert "partnerdata" not in sys.modules
        import hypothesis.strategies as st
        from hypothesis import given, settings
        import partnerdata
        drawn = []
        # Only the wiring, in a fresh process without the suite's profiles: 20 examples show it.
        @settings(max_examples=20, database=None, deadline=None)
        @given(st.from_type(partnerdata.Dataset), st.from_type(partnerdata.Source))
        def test(ds, source):
            assert partnerdata.from_json(partnerdata.Dataset, partnerdata.to_json(ds)) == ds
            assert source.title.startswith("Relations ")
            drawn.append(ds)
        test()
        print(len(drawn))
        """
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) >= 10


def test_importing_the_strategies_first_still_registers_them() -> None:
    """``partnerdata.strategies`` imports hypothesis, which runs the hook in the middle of that import."""
    done = _run(
        """
        from partnerdata import strategies
        import hypothesis.strategies as st
        from hypothesis import given, settings
        import partnerdata
        # Only the registration's order, in a fresh process without the suite's profiles.
        @settings(max_examples=5, database=None, deadline=None)
        @given(st.from_type(partnerdata.Relation))
        def test(relation):
            assert partnerdata.from_json(partnerdata.Relation, partnerdata.to_json(relation)) == relation
        test()
        print("ok")
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_entry_point_can_be_switched_off() -> None:
    done = _run(
        """
        import hypothesis.strategies as st
        import partnerdata
        from hypothesis.strategies._internal.types import _global_type_lookup
        print(partnerdata.Dataset in _global_type_lookup)
        """,
        env={"HYPOTHESIS_NO_PLUGINS": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_docs_page_example_is_a_runnable_downstream_test(tmp_path: Path) -> None:
    """The example test of docs/testing.rst, copied to a project of its own, passes under pytest."""
    page = (Path(__file__).parents[1] / "docs" / "testing.rst").read_text("utf-8")
    start = page.index(".. code-block:: python\n   :caption: tests/test_my_tool.py")
    block = page[start:].split("\n\n", 1)[1]
    lines = []
    for line in block.splitlines():
        if line and not line.startswith("   "):
            break
        lines.append(line[3:])
    (tmp_path / "test_my_tool.py").write_text("\n".join(lines), "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passed" in done.stdout


def test_generated_programmes_alone_have_no_successor() -> None:
    @given(pst.programmes())
    def check(programme: Programme) -> None:
        assert programme.successor is None

    check()


# ---------------------------------------------------------------------------------------------
# The public names of partnerdata.strategies: the split into modules changed none of them.

# Written from the single-module strategies.py, as its source spelled them (years as numbers);
# editions, conflicts and datasets(max_editions=) came with issue 13.
PUBLIC_SIGNATURES = {
    "citations": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Citation]",
    "references": "(*, min_year: int = 1990, max_year: int = 2030) -> SearchStrategy[Reference]",
    "channels": "(*, languages: Sequence[str] = LANGUAGES, programmes: Iterable[Programme] | None = None)"
    " -> SearchStrategy[Channel]",
    "cooperation_plans": "(*, languages: Sequence[str] = LANGUAGES, programmes: Iterable[Programme] | None = None)"
    " -> SearchStrategy[CooperationPlan]",
    "dataset_pairs": "(*, min_partners: int = 1, max_partners: int = 3, programmes: Iterable[Programme] | None = None,"
    " topics: Iterable[Topic] | None = None, languages: Sequence[str] = LANGUAGES, min_year: int = 1990,"
    " max_year: int = 2030) -> SearchStrategy[EditionPair]",
    "datasets": "(*, min_partners: int = 1, max_partners: int = 3, min_relations: int = 0,"
    " max_relations: int | None = None, programmes: Iterable[Programme] | None = None,"
    " topics: Iterable[Topic] | None = None, languages: Sequence[str] = LANGUAGES, min_year: int = 1990,"
    " max_year: int = 2030, max_items: int = 2, max_editions: int = 1) -> SearchStrategy[Dataset]",
    "editions": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030,"
    " programmes: Iterable[Programme] | None = None, topics: Iterable[Topic] | None = None, max_items: int = 2)"
    " -> SearchStrategy[Edition]",
    "conflicts": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030)"
    " -> SearchStrategy[Conflict]",
    "events": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030)"
    " -> SearchStrategy[Event]",
    "evidences": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Evidence]",
    "milestones": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030)"
    " -> SearchStrategy[Milestone]",
    "near_valid_documents": "(of: type = Dataset, *, defects: Iterable[str] = DEFECTS)"
    " -> SearchStrategy[NearValidDocument]",
    "partial_dates": "(*, min_year: int = 1990, max_year: int = 2030) -> SearchStrategy[PartialDate]",
    "participations": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030,"
    " programmes: Iterable[Programme] | None = None) -> SearchStrategy[Participation]",
    "partners": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Partner]",
    "programmes": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030)"
    " -> SearchStrategy[Programme]",
    "relations": "(*, languages: Sequence[str] = LANGUAGES, min_year: int = 1990, max_year: int = 2030,"
    " programmes: Iterable[Programme] | None = None, topics: Iterable[Topic] | None = None, max_items: int = 2)"
    " -> SearchStrategy[Relation]",
    "sources": "(*, languages: Sequence[str] = LANGUAGES, partner: Partner | None = None) -> SearchStrategy[Source]",
    "stances": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Stance]",
    "statements": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Statement]",
    "texts": "(*, languages: Sequence[str] = LANGUAGES, sentences: bool = False) -> SearchStrategy[Text]",
    "topics": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[Topic]",
    "unit_designations": "(*, languages: Sequence[str] = LANGUAGES) -> SearchStrategy[UnitDesignation]",
}
PUBLIC_CLASSES = {
    "EditionPair": ["old", "new", "added", "removed", "changed"],
    "NearValidDocument": ["type", "content", "defect", "path", "valid"],
}
PUBLIC_DEFECTS = (
    "wrong-type",
    "missing-field",
    "unknown-field",
    "out-of-range",
    "blank-string",
    "huge-number",
    "not-a-number",
    "deep-nesting",
    "duplicate",
    "dangling-reference",
    "invalid-utf8",
    "truncated",
    "not-an-object",
)


def _as_written(function: Any) -> str:
    """A function's signature spelled as source code spells it: bare type names, named constants."""
    signature = inspect.signature(function)

    def annotation(value: Any) -> str:
        return re.sub(r"\b(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_])", "", inspect.formatannotation(value))

    def default(value: Any) -> str:
        for name, constant in (("LANGUAGES", ("fr", "en")), ("DEFECTS", PUBLIC_DEFECTS)):
            if value == constant:
                return name
        return value.__name__ if isinstance(value, type) else repr(value)

    parts: list[str] = []
    for parameter in signature.parameters.values():
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in parts:
            parts.append("*")
        part = f"{parameter.name}: {annotation(parameter.annotation)}"
        if parameter.default is not inspect.Parameter.empty:
            part += f" = {default(parameter.default)}"
        parts.append(part)
    return f"({', '.join(parts)}) -> {annotation(signature.return_annotation)}"


def test_the_public_names_are_all_there() -> None:
    assert sorted(pst.__all__) == sorted([*PUBLIC_SIGNATURES, *PUBLIC_CLASSES, "DEFECTS"])
    for name in pst.__all__:
        assert getattr(pst, name) is not None, name


@pytest.mark.parametrize("name", sorted(PUBLIC_SIGNATURES))
def test_every_public_strategy_keeps_its_signature(name: str) -> None:
    assert _as_written(getattr(pst, name)) == PUBLIC_SIGNATURES[name]


def test_the_public_classes_and_constants_keep_their_shape() -> None:
    assert pst.DEFECTS == PUBLIC_DEFECTS
    for name, fields in PUBLIC_CLASSES.items():
        cls = getattr(pst, name)
        assert [f.name for f in attrs.fields(cls)] == fields
        assert cls.__qualname__ == name
    assert isinstance(pst.EditionPair.changed_partners, property)
    assert isinstance(pst.EditionPair.unchanged, property)
    assert callable(pst._strategy_for) and pst._strategy_for(Partner) is not None


def test_the_signature_spelling_can_tell_a_change() -> None:
    def changed(*, languages: Sequence[str] = ("fr",), sentences: int = 0) -> st.SearchStrategy[Any]:
        raise NotImplementedError

    assert _as_written(changed) != PUBLIC_SIGNATURES["texts"]
    assert _as_written(pst.texts) == PUBLIC_SIGNATURES["texts"]


# ---------------------------------------------------------------------------------------------
# The one generator of synthetic data: its layer, its determinism, its users.

SRC = Path(__file__).resolve().parents[1] / "src" / "partnerdata"


def _imported(path: Path) -> set[str]:
    """Every module a file imports, at module level or inside functions, ``TYPE_CHECKING`` blocks aside."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for stmt in block.body
        for node in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_shared_generator_stays_in_its_layer() -> None:
    imported = _imported(SRC / "_query" / "synthetic.py")
    assert imported
    higher = ("partnerdata.strategies", "partnerdata._display", "partnerdata._cli", "partnerdata._ingest")
    assert not [m for m in imported if m.split(".")[0] == "hypothesis" or m.startswith(higher)]
    allowed = ("partnerdata._model", "partnerdata._io", "partnerdata._query")
    assert all(m.startswith(allowed) for m in imported if m.startswith("partnerdata"))


def test_no_module_of_the_package_imports_the_strategies() -> None:
    for path in SRC.rglob("*.py"):
        inside = path.is_relative_to(SRC / "strategies")
        for module in _imported(path):
            if module == "partnerdata.strategies" or (module.startswith("partnerdata.strategies.") and not inside):
                pytest.fail(f"{path.relative_to(SRC)} imports {module}")


def test_the_import_reader_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from partnerdata import strategies\n", "utf-8")
    assert "partnerdata.strategies" in _imported(sample)


def test_synthetic_datasets_are_the_same_for_the_same_seed_and_need_no_hypothesis() -> None:
    done = _run(
        """
        import sys
        from partnerdata._query.synthetic import synthetic
        a, b, c = synthetic(20, seed=7), synthetic(20, seed=7), synthetic(20, seed=8)
        print(a == b, a != c, a.relations == b.relations, "hypothesis" in sys.modules)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "False"]


def test_the_strategies_and_the_benchmark_build_through_the_shared_generator() -> None:
    benchmark = Path(__file__).resolve().parents[1] / "benchmarks" / "diff.py"
    assert "partnerdata._query.synthetic" in _imported(benchmark)
    users = {p.name for p in (SRC / "strategies").glob("*.py") if "partnerdata._query.synthetic" in _imported(p)}
    assert {"_text.py", "_records.py", "_datasets.py", "_editions.py"} <= users
