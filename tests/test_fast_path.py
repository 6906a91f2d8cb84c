"""The fast structuring pass and cattrs' detailed pass agree (issue #11, item 3).

Valid data takes the fast pass; only bad data goes through the detailed one. The two must build
equal records from every valid document and report the same problems for every near-valid one,
and the fast pass may hand over to the detailed one only for the errors it is meant to report.
The trusted pass (the tested packaged data only: no checks at all) builds what the fast one does.
"""

import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import Dataset, DataValidationError, Relation
from partnerdata._io import convert as _convert
from partnerdata._io import structure as _structure
from partnerdata.strategies import datasets, near_valid_documents, relations

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def detailed(data: Any, cl: type) -> Any:
    return _convert._detailed(data, cl, None, "$")


def problems_of(run: Any) -> list[tuple[str, str]]:
    with pytest.raises(DataValidationError) as caught:
        run()
    return sorted((p.path, p.message) for p in caught.value.problems)


@SLOW
@given(st.one_of(datasets(max_partners=4), relations()))
def test_fast_and_detailed_paths_build_equal_records_from_valid_documents(value: Any) -> None:
    cl = type(value)
    data = json.loads(partnerdata.to_json(value))
    fast = _convert._fast(data, cl)
    assert fast == detailed(data, cl) == value


@SLOW
@given(datasets(max_partners=4))
def test_the_trusted_pass_builds_what_the_checked_passes_build(ds: Dataset) -> None:
    # Every kind of record a data folder holds, one file's worth each, as the loader reads them.
    kinds: list[tuple[type, Any]] = [
        (tuple[partnerdata.Partner, ...], ds.partners),
        (tuple[partnerdata.Programme, ...], ds.programmes),
        (tuple[partnerdata.Topic, ...], ds.topics),
        (tuple[partnerdata.Edition, ...], ds.editions),
        *[(partnerdata.Source, s) for s in ds.sources],
        *[(Relation, r) for r in ds.relations],
    ]

    def text(value: Any) -> str:  # the file's text
        form = [partnerdata.to_dict(v) for v in value] if isinstance(value, tuple) else partnerdata.to_dict(value)
        return json.dumps(form, ensure_ascii=False)

    for cl, value in kinds:
        data = json.loads(text(value))
        trusted: Any = _convert.structure(data, cl, trusted=True)
        assert trusted == _convert._fast(data, cl) == value
        assert hash(trusted) == hash(value)
        assert text(trusted) == text(value)  # the same types in the same order


@SLOW
@given(st.one_of(near_valid_documents(Dataset), near_valid_documents(Relation)))
def test_fast_and_detailed_paths_report_the_same_problems_on_near_valid_documents(doc: Any) -> None:
    try:
        data = _convert.parse_json(doc.content)
    except DataValidationError:
        return  # a defect of the JSON text itself: neither pass sees it
    through_structure = problems_of(lambda: _convert.structure(data, doc.type))
    only_detailed = problems_of(lambda: detailed(data, doc.type))
    assert through_structure == only_detailed
    assert any(path.startswith(doc.path) for path, _ in through_structure)


def test_an_unexpected_exception_in_the_fast_path_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in the fast pass (here a KeyError) must not be hidden by a fallback to cattrs."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a bug in the fast pass")

    monkeypatch.setattr(_structure, "build", broken)
    data = partnerdata.to_dict(partnerdata.PartialDate(year=1994))
    with pytest.raises(KeyError, match="a bug in the fast pass"):
        partnerdata.from_dict(partnerdata.PartialDate, data)


@pytest.mark.parametrize("error", [_structure.Invalid(), TypeError("x"), ValueError("x")])
def test_the_fast_path_hands_over_its_own_errors_to_the_detailed_pass(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def refusing(*args: Any, **kwargs: Any) -> Any:
        raise error

    monkeypatch.setattr(_structure, "build", refusing)
    # Valid data: the detailed pass builds the record the fast pass gave up on.
    assert partnerdata.from_dict(partnerdata.PartialDate, {"year": 1994, "month": None, "day": None}) == (
        partnerdata.PartialDate(year=1994)
    )


@SLOW
@given(relations())
def test_the_builder_without_a_memo_and_with_keep_builds_the_same_record(relation: Relation) -> None:
    # Each class's builder is generated: the branches a load does not take (no memo; keep asked
    # for) must build what the loader's branch builds.
    data = json.loads(partnerdata.to_json(relation))
    kept: dict[str, Any] = {}
    assert _structure.build(Relation, data) == _structure.build(Relation, data, {}, kept) == relation
    assert set(kept) == {a.name for a in attrs.fields(Relation)}
    assert kept["stance"] == relation.stance
    # As written in the document, before the record sorts them.
    written = tuple(partnerdata.from_dict(partnerdata.Participation, p) for p in data["participations"])
    assert kept["participations"] == written


@attrs.frozen(kw_only=True)
class _Node:
    name: str
    children: tuple["_Node", ...]


attrs.resolve_types(_Node)


def test_a_type_that_holds_its_own_kind_gets_a_builder() -> None:
    data = {"name": "a", "children": [{"name": "b", "children": []}, {"name": "c", "children": []}]}
    expected = _Node(name="a", children=(_Node(name="b", children=()), _Node(name="c", children=())))
    assert _structure.build(_Node, data, {}) == expected
    with pytest.raises(_structure.Invalid):
        _structure.build(_Node, {"name": "a", "children": [{"name": "b"}]}, {})
    with pytest.raises(_structure.Invalid):
        _structure.build(_Node, {"name": "a", "children": "b"}, {})
