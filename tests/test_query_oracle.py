"""Every question of the query engine against a brute-force reference that scans ``ds.relations``.

The reference answers each question by walking the dataset's records with the documented rules
(year bounds include their year; a fact of unknown year is ``unknown`` to a year question; a
snapshot ``as_of(Y)`` caps every range at ``Y``), without the engine's indexes or bisection.
Datasets are drawn by :func:`partnerdata.strategies.datasets`, with the packaged vocabulary (real
founding dates and kinds) or a generated one. Answers are compared as multisets of their fields.
"""

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from typing import Any

import attrs
from _budget import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import Dataset
from partnerdata._model.text import fold
from partnerdata.strategies import datasets

BASE = partnerdata.load()
YEARS = st.none() | st.integers(1985, 2030)

drawn = st.one_of(
    datasets(programmes=BASE.programmes, topics=BASE.topics, min_relations=1, max_partners=4, max_items=3),
    datasets(max_partners=4, max_items=3),
)


def _in(year: int | None, lo: int | None, hi: int | None) -> bool:
    assert year is not None
    return (lo is None or year >= lo) and (hi is None or year <= hi)


def _range(seen_at: int | None, since: int | None, until: int | None) -> tuple[int | None, int | None]:
    if seen_at is not None:
        until = seen_at if until is None else min(until, seen_at)
    return since, until


def _split(
    facts: Iterable[tuple[int | None, Hashable]], lo: int | None, hi: int | None
) -> tuple[Counter[Hashable], Counter[Hashable]]:
    """(matches, unknown) of dated facts: everything matches when no bound is asked."""
    matches: Counter[Hashable] = Counter()
    unknown: Counter[Hashable] = Counter()
    for year, key in facts:
        if lo is None and hi is None:
            matches[key] += 1
        elif year is None:
            unknown[key] += 1
        elif _in(year, lo, hi):
            matches[key] += 1
    return matches, unknown


def _got(result: Any, key: Any) -> tuple[Counter[Hashable], Counter[Hashable]]:
    return Counter(key(r) for r in result), Counter(key(r) for r in result.unknown)


def _choice(data: st.DataObject, values: Iterable[str]) -> str | None:
    return data.draw(st.none() | st.sampled_from(sorted(values) or ["NOPE"]))


def _scope(ds: Dataset, data: st.DataObject) -> tuple[Any, int | None]:
    seen_at = data.draw(st.none() | st.integers(1985, 2030))
    return (ds if seen_at is None else ds.as_of(seen_at)), seen_at


def _programmes(ds: Dataset) -> set[str]:
    return {p.code for p in ds.programmes}


def _topics(ds: Dataset) -> set[str]:
    return {t.code for t in ds.topics}


def _partner_filter(ds: Dataset, data: st.DataObject) -> list[str] | None:
    codes = sorted(p.alpha3 for p in ds.partners)
    return data.draw(st.none() | st.lists(st.sampled_from(codes), min_size=1, max_size=2, unique=True))


@settings(max_examples=examples(25), deadline=None)
@given(drawn, st.data())
def test_participants_match_a_scan_of_the_relations(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    programme = _choice(data, {p.programme for r in ds.relations for p in r.participations} & _programmes(ds))
    programme = programme if programme in _programmes(ds) else None
    topic = _choice(data, _topics(ds))
    partners = _partner_filter(ds, data)
    since, until = data.draw(YEARS), data.draw(YEARS)
    got, want = _participants(ds, q, seen_at, programme, topic, partners, since, until)
    assert got == want


def _participants(
    ds: Dataset,
    q: Any,
    seen_at: int | None,
    programme: str | None,
    topic: str | None,
    partners: list[str] | None,
    since: int | None,
    until: int | None,
) -> tuple[Any, Any]:
    """(the engine's answer, the reference's) to one participants question."""
    lo, hi = _range(seen_at, since, until)
    # Seen at the end of a year, a programme that had ended by then has no participants left, and
    # a partner whose participation ended before that year, or was suspended before it and not
    # resumed by it, is not among them (the year of an end or a suspension still counts).
    over = {g.code for g in ds.programmes if seen_at is not None and g.ended is not None and g.ended < seen_at}

    def left(p: Any) -> bool:
        if seen_at is None or p.since is None:
            return False
        ended = p.until is not None and p.until < seen_at
        paused = p.suspended is not None and p.suspended < seen_at and (p.resumed is None or p.resumed > seen_at)
        return ended or paused

    facts = [
        (p.since, (r.partner, p.programme, p.since, p.focus, p.evidence))
        for r in ds.relations
        if partners is None or r.partner in partners
        for p in r.participations
        if (programme is None or p.programme == programme)
        and (topic is None or topic in p.focus)
        and p.programme not in over
        and not left(p)
    ]
    result = q.participants(programme, topic=topic, partner=partners, since=since, until=until)
    return _got(result, lambda m: (m.partner, m.programme, m.since, m.focus, m.evidence)), _split(facts, lo, hi)


def _links(ds: Dataset) -> list[tuple[int | None, str, str, tuple[str, ...], Any]]:
    """Every (year, partner, through, programmes, key) link of a relation to a topic, by scanning."""
    out: list[tuple[int | None, str, str, tuple[str, ...], Any]] = []
    for r in ds.relations:
        for s in r.statements:
            out += [(None, r.partner, "statement", s.programmes, (t, (s.evidence,))) for t in s.topics]
        for p in r.participations:
            out += [(p.since, r.partner, "participation", (p.programme,), (t, p.evidence)) for t in p.focus]
        for e in r.events:
            out += [(e.date.year, r.partner, "event", e.programmes, (t, e.evidence)) for t in e.topics]
        for d in r.stance.designations:
            orgs = (d.organisation,) if d.organisation else ()
            out += [(None, r.partner, "designation", orgs, (t, d.evidence)) for t in d.topics]
    return out


@settings(max_examples=examples(25), deadline=None)
@given(drawn, st.data())
def test_cooperating_matches_a_scan_of_the_relations(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    topic = _choice(data, _topics(ds))
    programme = _choice(data, _programmes(ds))
    through = data.draw(st.none() | st.sampled_from(["statement", "participation", "event", "designation"]))
    partners = _partner_filter(ds, data)
    since, until = data.draw(YEARS), data.draw(YEARS)
    lo, hi = _range(seen_at, since, until)
    facts = [
        (year, (partner, key[0], how, year, programmes, key[1]))
        for year, partner, how, programmes, key in _links(ds)
        if (topic is None or key[0] == topic)
        and (programme is None or programme in programmes)
        and (through is None or how == through)
        and (partners is None or partner in partners)
    ]
    result = q.cooperating(topic, programme=programme, through=through, partner=partners, since=since, until=until)
    got = _got(result, lambda c: (c.partner, c.topic, c.through, c.year, c.programmes, c.evidence))
    assert got == _split(facts, lo, hi)


@settings(max_examples=examples(25), deadline=None)
@given(drawn, st.data())
def test_milestones_match_a_scan_of_the_relations(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    kind = data.draw(st.none() | st.sampled_from(["relations", "cooperation"]))
    via = _choice(data, _programmes(ds))
    partners = _partner_filter(ds, data)
    since, until = data.draw(YEARS), data.draw(YEARS)
    lo, hi = _range(seen_at, since, until)
    relations = {r.partner: r for r in ds.relations}
    facts = []
    for p in ds.partners:  # every partner has both milestones, unknown without relation data
        for k in ("relations", "cooperation"):
            r = relations.get(p.alpha3)
            m = getattr(r, f"{k}_since") if r is not None else None
            year, by = (m.year, m.via) if m is not None else (None, None)
            wanted = (kind is None or k == kind) and (partners is None or p.alpha3 in partners)
            if wanted and (via is None or by == via or year is None):
                facts.append((year, (p.alpha3, k, year, by, m.evidence if m is not None else ())))
    if via is not None and lo is None and hi is None:
        # With ``via`` and no year asked, a milestone whose year (hence route) is unknown is unknown.
        want: tuple[Counter[Hashable], Counter[Hashable]] = (
            Counter(key for year, key in facts if year is not None),
            Counter(key for year, key in facts if year is None),
        )
    else:
        want = _split(facts, lo, hi)
    result = q.milestones(kind, via=via, partner=partners, since=since, until=until)
    assert _got(result, lambda m: (m.partner, m.kind, m.year, m.via, m.evidence)) == want


def _timeline_facts(ds: Dataset) -> list[tuple[int | None, Any]]:
    out: list[tuple[int | None, Any]] = []
    for p in ds.programmes:
        d = p.founded
        out.append(
            (d.year if d else None, (d.year if d else None, d.month if d else None, d.day if d else None,
             "founded", None, (p.code,), (), ()))
        )  # fmt: skip
        if p.ended is not None:
            nxt = (p.successor,) if p.successor else ()
            out.append((p.ended, (p.ended, None, None, "ended", None, (p.code, *nxt), (), ())))
    for r in ds.relations:
        for kind in ("relations", "cooperation"):
            m = getattr(r, f"{kind}_since")
            year = m.year if m else None
            via = (m.via,) if m and m.via else ()
            out.append((year, (year, None, None, kind, r.partner, via, (), m.evidence if m else ())))
        for part in r.participations:
            out.append(
                (part.since, (part.since, None, None, "participation", r.partner, (part.programme,), part.focus,
                 part.evidence))
            )  # fmt: skip
        for e in r.events:
            d = e.date
            out.append((d.year, (d.year, d.month, d.day, "event", r.partner, e.programmes, e.topics, e.evidence)))
    return out


@settings(max_examples=examples(25), deadline=None)
@given(drawn, st.data())
def test_timeline_matches_a_scan_of_the_dataset(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    partners = _partner_filter(ds, data)
    kind = data.draw(st.none() | st.sampled_from(["founded", "ended", "relations", "cooperation", "participation"]))
    programme = _choice(data, _programmes(ds))
    topic = _choice(data, _topics(ds))
    since, until = data.draw(YEARS), data.draw(YEARS)
    lo, hi = _range(seen_at, since, until)
    wanted = [
        (year, key)
        for year, key in _timeline_facts(ds)
        if (partners is None or key[4] in partners)
        and (kind is None or key[3] == kind)
        and (programme is None or programme in key[5])
        and (topic is None or topic in key[6])
    ]
    # A timeline always reports undated entries as unknown, bounds or not.
    want = (
        Counter(key for year, key in wanted if year is not None and _in(year, lo, hi)),
        Counter(key for year, key in wanted if year is None),
    )
    result = q.timeline(since, until, partner=partners, kind=kind, programme=programme, topic=topic)
    got = _got(result, lambda t: (t.year, t.month, t.day, t.kind, t.partner, t.programmes, t.topics, t.evidence))
    assert got == want


@settings(max_examples=examples(25), deadline=None)
@given(drawn, st.data())
def test_frameworks_match_a_scan_of_the_programmes(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    kind = _choice(data, {p.kind for p in ds.programmes})
    existing_in = data.draw(YEARS)
    _, year = _range(seen_at, None, existing_in)
    matches: Counter[Hashable] = Counter()
    unknown: Counter[Hashable] = Counter()
    for p in ds.programmes:
        if kind is not None and p.kind != kind:
            continue
        key = (p.code, p.kind, p.founded.year if p.founded else None, p.ended, p.successor)
        if year is None:
            matches[key] += 1
        elif p.ended is not None and p.ended <= year:
            continue  # ended by the end of that year
        elif p.founded is None:
            unknown[key] += 1
        elif p.founded.year <= year:
            matches[key] += 1
    result = q.frameworks(kind=kind, existing_in=existing_in)
    assert _got(result, lambda f: (f.programme, f.kind, f.founded, f.ended, f.successor)) == (matches, unknown)


@settings(max_examples=examples(20), deadline=None)
@given(drawn, st.data())
def test_stance_matches_a_scan_of_the_relations(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    flag = data.draw(st.sampled_from(["contributes_forces", "contributes_infrastructure", "permanent_neutrality"]))
    relations = {r.partner: r for r in ds.relations}
    groups: dict[bool | None, set[str]] = {True: set(), False: set(), None: set()}
    for p in ds.partners:
        r = relations.get(p.alpha3)
        value = getattr(r.stance, flag) if r is not None else None
        groups[None if seen_at is not None else value].add(p.alpha3)
    answer = q.stance(flag)
    assert (set(answer.yes.partners), set(answer.no.partners), set(answer.unknown.partners)) == (
        groups[True],
        groups[False],
        groups[None],
    )


@settings(max_examples=examples(20), deadline=None)
@given(drawn, st.data())
def test_search_matches_a_scan_of_the_statements(ds: Dataset, data: st.DataObject) -> None:
    q, seen_at = _scope(ds, data)
    texts = [t for r in ds.relations for s in r.statements for t in (s.text.fr, s.text.en) if t]
    vocabulary = sorted({w for t in texts for w in re.findall(r"\w+", fold(t))}) or ["paix"]
    terms = data.draw(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=2))
    # Prefixes too: a word of the query only has to begin a word of the statement.
    terms = [t[: data.draw(st.integers(1, len(t)))] for t in terms]
    lang = data.draw(st.none() | st.sampled_from(["fr", "en"]))

    def matches(text: str | None) -> bool:
        if text is None:
            return False
        words = re.findall(r"\w+", fold(text))
        return all(any(w.startswith(t) for w in words) for t in terms)

    found = Counter(
        (r.partner, s.key)
        for r in ds.relations
        for s in r.statements
        if (lang in (None, "fr") and matches(s.text.fr)) or (lang in (None, "en") and matches(s.text.en))
    )
    result = q.search(" ".join(terms), lang=lang)
    got = _got(result, lambda h: (h.partner, h.evidence[0].locator))
    assert got == ((found, Counter()) if seen_at is None else (Counter(), found))


def test_the_reference_catches_a_dropped_topic_index_entry(monkeypatch: Any) -> None:
    """Regression: a mutant engine whose topic index lost an entry passed the old property tests."""
    from partnerdata._query import engine as engine_module

    ds = partnerdata.load()
    assert _participants(ds, ds, None, None, "integrity-building", None, None, None)[0][0]
    original = engine_module.Engine.memberships_by_topic.func  # type: ignore[attr-defined]

    def dropped(self: Any) -> Any:
        buckets = dict(original(self))
        del buckets["integrity-building"]
        return buckets

    monkeypatch.setattr(engine_module.Engine, "memberships_by_topic", property(dropped))
    mutant = _copy(ds)
    mutant.participants()  # the first question of its kind is a scan; the next draws from the indexes
    got, want = _participants(mutant, mutant, None, None, "integrity-building", None, None, None)
    assert got != want


def _copy(ds: Dataset) -> Dataset:
    # A fresh dataset (and so a fresh engine, built with the mutant index).
    return attrs.evolve(ds)
