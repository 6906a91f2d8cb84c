"""Laws of the query engine, on synthetic datasets: AND is intersection, as_of is monotonic, results are facts."""

import functools

from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata._query.synthetic import synthetic

BASE = partnerdata.load()
PROGRAMMES = [p.code for p in BASE.programmes]
TOPICS = [t.code for t in BASE.topics]
years = st.integers(1988, 2026)


@functools.cache
def dataset(seed: int) -> partnerdata.Dataset:
    return synthetic(30, seed=seed, base=BASE)  # type: ignore[no-any-return]


seeds = st.integers(0, 3)


@given(seeds, st.sampled_from(PROGRAMMES), st.sampled_from(TOPICS), st.sampled_from(["AAA", "AAB", "ABC"]))
def test_participant_filters_combine_as_intersection(seed: int, programme: str, topic: str, partner: str) -> None:
    ds = dataset(seed)
    both = set(ds.participants(programme, topic=topic))
    assert both == set(ds.participants(programme)) & set(ds.participants(topic=topic))
    three = set(ds.participants(programme, topic=topic, partner=partner))
    assert three == both & set(ds.participants(partner=partner))


@given(seeds, st.sampled_from(TOPICS), st.sampled_from(PROGRAMMES), st.sampled_from(["AAC", "ABD"]))
def test_cooperation_filters_combine_as_intersection(seed: int, topic: str, programme: str, partner: str) -> None:
    ds = dataset(seed)
    assert set(ds.cooperating(topic, programme=programme, partner=partner)) == (
        set(ds.cooperating(topic)) & set(ds.cooperating(programme=programme)) & set(ds.cooperating(partner=partner))
    )


@given(seeds, st.sampled_from(PROGRAMMES), years, years)
def test_year_filters_partition_the_facts(seed: int, programme: str, after: int, before: int) -> None:
    ds = dataset(seed)
    every = set(ds.participants(programme))
    result = ds.participants(programme, since_after=after, since_before=before)
    matches, unknown = set(result), set(result.unknown)
    assert matches <= every
    assert unknown <= every
    assert not matches & unknown
    assert all(m.since is not None and after < m.since < before for m in matches)
    assert unknown == {m for m in every if m.since is None}
    assert matches == {m for m in every if m.since is not None and after < m.since < before}


@given(seeds, years, years, st.sampled_from(PROGRAMMES))
def test_as_of_is_monotonic(seed: int, y1: int, y2: int, programme: str) -> None:
    ds = dataset(seed)
    early, late = ds.as_of(min(y1, y2)), ds.as_of(max(y1, y2))
    later = max(y1, y2)
    # Facts only accumulate; a participation leaves the later snapshot only if it ended or was
    # suspended (and not resumed) by then, as the relation says, or if its framework had ended by
    # then (the NACC after 1997), as `as_of` documents.
    ended = ds.programme(programme).ended
    framework_ended = ended is not None and ended < later

    def stopped(m: partnerdata.Membership) -> bool:
        p = ds.relation(m.partner).participation(m.programme)
        assert p is not None, m
        return framework_ended or p.active(later) is False

    gone = set(early.participants(programme)) - set(late.participants(programme))
    assert all(stopped(m) for m in gone), gone
    assert not any(stopped(m) for m in late.participants(programme))
    # A participation of unknown start stays unknown unless it stopped in the same way.
    still = {m for m in early.participants(programme).unknown if not stopped(m)}
    assert set(late.participants(programme).unknown) == still
    assert set(early.milestones("relations")) <= set(late.milestones("relations"))
    assert set(early.timeline()) <= set(late.timeline())
    assert set(early.cooperating()) <= set(late.cooperating())


@given(seeds, years)
def test_as_of_nothing_from_the_future(seed: int, year: int) -> None:
    snapshot = dataset(seed).as_of(year)
    assert all(m.since is not None and m.since <= year for m in snapshot.participants())
    assert all(e.year is not None and e.year <= year for e in snapshot.timeline())
    assert all(c.year is not None and c.year <= year for c in snapshot.cooperating())


@given(seeds, st.sampled_from(["mot001", "mot250", "cooperation", "securite", "works"]))
def test_search_results_are_statements_of_the_dataset(seed: int, word: str) -> None:
    ds = dataset(seed)
    statements = {(r.partner, s.key) for r in ds.relations for s in r.statements}
    found = ds.search(word)
    for hit in found:
        assert (hit.partner, hit.evidence[0].locator) in statements
        assert word in (hit.text.fr or "").lower() or word in (hit.text.en or "").lower()
    expected = {
        (r.partner, s.key)
        for r in ds.relations
        for s in r.statements
        if word in (s.text.fr or "").lower().split(" ") or word in (s.text.en or "").lower().split(" ")
    }
    assert {(h.partner, h.evidence[0].locator) for h in found} >= expected


@given(seeds, st.sampled_from(["forces", "infrastructure", "neutrality"]))
def test_stance_answer_covers_every_partner_once(seed: int, flag: str) -> None:
    ds = dataset(seed)
    answer = ds.stance(flag)
    partners = [*answer.yes.partners, *answer.no.partners, *answer.unknown.partners]
    assert sorted(partners) == [p.alpha3 for p in ds.partners]
