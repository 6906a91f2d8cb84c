"""The first question of a kind is answered by a scan, later ones from the indexes: the same answers.

A fresh dataset answers its first ``participants``, ``cooperating`` or ``milestones`` question by
walking its relations (issue #18: the first question costs no more than a plain scan); the second
question of that kind builds the indexes. A differential property test asks the same question both
ways, on generated datasets, with every filter each question takes, seen now and at a year.
"""

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerdata import Dataset
from partnerdata.strategies import datasets

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
drawn = datasets(max_partners=4, max_items=2)

# The index each kind of question draws from once it no longer scans.
INDEXES = {
    "participants": ("memberships",),
    "cooperating": ("cooperations",),
    "milestones": ("milestones",),
}


def _often_none(data: st.DataObject, strategy: st.SearchStrategy[Any]) -> Any:
    """A filter left out two times in three: with every filter set at once, few answers are not empty."""
    return data.draw(strategy) if data.draw(st.integers(0, 2)) == 0 else None


def _codes(data: st.DataObject, codes: list[str]) -> Any:
    return _often_none(data, st.sampled_from(codes)) if codes else None


def _years(ds: Dataset) -> st.SearchStrategy[int | None]:
    """None or a year, often one the data names (or the year before): where the filters' edges are."""
    named = sorted(
        {
            y + d
            for r in ds.relations
            for p in r.participations
            for y in (p.since, p.until, p.suspended, p.resumed)
            if y is not None
            for d in (-1, 0, 1)
        }
    )
    return st.none() | (st.sampled_from(named) if named else st.nothing()) | st.integers(1988, 2028)


def _seen_at(ds: Dataset) -> st.SearchStrategy[int | None]:
    """Now, or the end of a year around an end, a suspension or a resumption (where snapshots differ)."""
    edges = sorted(
        {
            y + d
            for r in ds.relations
            for p in r.participations
            for y in (p.until, p.suspended, p.resumed)
            if y is not None
            for d in (-1, 0, 1)
        }
    )
    return st.none() | (st.sampled_from(edges) if edges else st.integers(1988, 2028)) | st.integers(1988, 2028)


def _question(ds: Dataset, data: st.DataObject, kind: str) -> tuple[dict[str, Any], int | None]:
    """A question's keyword arguments, and the year it is seen at (None: now)."""
    years = _years(ds)
    partners = [p.alpha3 for p in ds.partners]
    who = _often_none(data, st.lists(st.sampled_from(partners), min_size=1, max_size=3)) if partners else None
    bounds = {"since": _often_none(data, years), "until": _often_none(data, years)}
    args: dict[str, Any] = {"partner": who, **bounds}
    if kind == "participants":
        # Codes the participations use: a code none uses would make most answers empty.
        used = [p for r in ds.relations for p in r.participations]
        args |= {
            "programme": _codes(data, sorted({p.programme for p in used})),
            "topic": _codes(data, sorted({t for p in used for t in p.focus})),
        }
    elif kind == "cooperating":
        args |= {
            "topic": _codes(data, [t.code for t in ds.topics]),
            "programme": _codes(data, [p.code for p in ds.programmes]),
            "through": _often_none(data, st.sampled_from(["statement", "participation", "event", "designation"])),
        }
    else:
        args |= {
            "kind": data.draw(st.none() | st.sampled_from(["relations", "cooperation"])),
            "via": _codes(data, [p.code for p in ds.programmes]),
        }
    return args, data.draw(_seen_at(ds))


def _ask(ds: Dataset, kind: str, args: dict[str, Any], seen_at: int | None) -> tuple[Any, ...]:
    scope: Any = ds if seen_at is None else ds.as_of(seen_at)
    result = getattr(scope, kind)(**args)
    return (result.title, result.cls, tuple(result), tuple(result.unknown))


def _built(ds: Dataset, kind: str) -> bool:
    engine = ds._engine
    return all(name in vars(engine) for name in INDEXES[kind])


def _fresh(ds: Dataset) -> Dataset:
    """Another dataset of the same (checked) records: a fresh engine, no question asked yet."""
    return Dataset._unchecked(**{f.name: getattr(ds, f.name) for f in attrs.fields(Dataset)})


@st.composite
def _ended(draw: st.DrawFn, ds: Dataset) -> Dataset:
    """``ds`` with more dated participations ended, or suspended and perhaps resumed: a year's
    snapshot leaves them out, on both paths."""

    def end(p: Any) -> Any:
        if p.since is None or p.until is not None or p.suspended is not None:
            return p
        gap = draw(st.integers(0, 6))
        if draw(st.booleans()):
            return attrs.evolve(p, until=min(p.since + gap, 2030))
        resumed = draw(st.none() | st.integers(p.since + gap, p.since + gap + 8))
        return attrs.evolve(p, suspended=p.since + gap, resumed=resumed)

    relations = [attrs.evolve(r, participations=[end(p) for p in r.participations]) for r in ds.relations]
    return attrs.evolve(ds, relations=relations)


@pytest.mark.parametrize("kind", sorted(INDEXES))
@SLOW
@given(drawn.flatmap(_ended), st.data())
def test_a_first_question_by_scan_answers_as_the_indexes_do(kind: str, ds: Dataset, data: st.DataObject) -> None:
    args, seen_at = _question(ds, data, kind)
    scanning, indexed = _fresh(ds), _fresh(ds)
    by_scan = _ask(scanning, kind, args, seen_at)
    assert not _built(scanning, kind)  # the first question built no index
    warm_up: dict[str, Any] = {}
    _ask(indexed, kind, warm_up, None)
    by_index = _ask(indexed, kind, args, seen_at)
    assert _built(indexed, kind)  # the second one drew from the indexes
    assert by_scan == by_index


def test_only_the_first_question_of_each_kind_scans() -> None:
    import partnerdata

    ds = attrs.evolve(partnerdata.load())
    first = ds.participants("PFP")
    assert not _built(ds, "participants")
    ds.cooperating("cyber-defence")  # another kind: its own first question, a scan too
    assert not _built(ds, "participants") and not _built(ds, "cooperating")
    second = ds.participants("PFP")
    assert _built(ds, "participants")
    assert list(first) == list(second) and len(first) > 20
