"""The packaged data covers every partner, and every fact in it is quoted or cited (issue #18).

The checks are written from NATO's framework dates and the vocabulary, independently of the cited
files: a fact before its framework existed, a participation in a framework NATO lists the partner
outside of, an accession before the PfP, or a fact with neither a quote nor a citation fails them.
The facts themselves are checked one by one against NATO's pages in ``test_cited_facts_table.py``.
"""

from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import partnerdata
from partnerdata import Citation, Evidence

DS = partnerdata.load()
FIRST_YEAR, DATA_YEAR = 1991, 2026
# When each framework began, as NATO dates them (NACC December 1991, PfP January 1994, EAPC May
# 1997, Mediterranean Dialogue 1994, Istanbul Cooperation Initiative June 2004): no partner can
# have joined one earlier. Written here by hand, not read from programmes.json.
FRAMEWORK_BEGAN = {"NACC": 1991, "PFP": 1994, "EAPC": 1997, "MD": 1994, "ICI": 2004}
NACC_ENDED = 1997  # replaced by the EAPC


def _facts(relation: partnerdata.Relation) -> Iterator[tuple[str, Any]]:
    for name in ("relations_since", "cooperation_since", "member_since", "plan"):
        value = getattr(relation, name)
        if value is not None:
            yield name, value
    for group in ("participations", "channels", "events", "conflicts"):
        for i, record in enumerate(getattr(relation, group)):
            yield f"{group}[{i}]", record
    for i, d in enumerate(relation.stance.designations):
        yield f"stance.designations[{i}]", d
    flags = (relation.stance.permanent_neutrality, relation.stance.contributes_forces)
    if any(flag is not None for flag in (*flags, relation.stance.contributes_infrastructure)):
        yield "stance", relation.stance


def test_every_partner_of_the_vocabulary_has_a_relation() -> None:
    assert {p.alpha3 for p in DS.partners} == {r.partner for r in DS.relations}
    assert len(DS.relations) == 55


def test_czechoslovakia_is_a_former_partner_with_its_codes() -> None:
    csk = DS.partner("Czechoslovakia")
    assert (csk.alpha3, csk.cow, csk.gw, csk.frameworks) == ("CSK", 315, 315, ("NACC",))
    nacc = DS.relation("CSK").participation("NACC")
    assert nacc is not None and nacc.since == 1991


@pytest.mark.parametrize("relation", DS.relations, ids=lambda r: r.partner)
def test_every_fact_is_quoted_or_cited(relation: partnerdata.Relation) -> None:
    for where, fact in _facts(relation):
        assert fact.evidence, f"{relation.partner} {where} has no evidence"
        for ev in fact.evidence:
            if type(ev) is Citation:
                ref = DS.reference(ev.source)
                assert ref.url.startswith(("https://www.nato.int/", "http://www.nato.int/")), ref.url
                assert ev.says.en or ev.says.fr
            else:
                assert type(ev) is Evidence
                assert DS.source(ev.source).partner == relation.partner


def test_citations_are_our_words_not_quotes_of_the_shipped_pages() -> None:
    sentences = {s.evidence.quote for r in DS.relations for s in r.statements}
    for r in DS.relations:
        for _, fact in _facts(r):
            for ev in fact.evidence:
                if type(ev) is Citation:
                    assert ev.says.fr not in sentences and ev.says.en not in sentences


def _years(relation: partnerdata.Relation) -> Iterator[tuple[str, int]]:
    for name in ("relations_since", "cooperation_since", "member_since"):
        m = getattr(relation, name)
        if m is not None:
            yield name, m.year
    for p in relation.participations:
        for key in ("since", "until", "suspended", "resumed"):
            if getattr(p, key) is not None:
                yield f"{p.programme}.{key}", getattr(p, key)


@pytest.mark.parametrize("relation", DS.relations, ids=lambda r: r.partner)
def test_dated_facts_lie_between_1991_and_the_data(relation: partnerdata.Relation) -> None:
    for where, year in _years(relation):
        assert FIRST_YEAR <= year <= DATA_YEAR, f"{relation.partner} {where} = {year}"
    for e in relation.events:
        # Events may reach back to contacts before the first forum (1990), never past the data.
        assert 1990 <= e.year <= DATA_YEAR and (e.end is None or e.end <= DATA_YEAR), e.id


@pytest.mark.parametrize("relation", DS.relations, ids=lambda r: r.partner)
def test_no_framework_joined_before_it_existed(relation: partnerdata.Relation) -> None:
    for p in relation.participations:
        began = FRAMEWORK_BEGAN.get(p.programme)
        if began is not None and p.since is not None:
            assert p.since >= began, f"{relation.partner} joined {p.programme} in {p.since}"
    for m in (relation.relations_since, relation.cooperation_since):
        if m is not None and m.via in FRAMEWORK_BEGAN:
            assert m.year >= FRAMEWORK_BEGAN[m.via]
    nacc = relation.participation("NACC")
    if nacc is not None and nacc.until is not None:
        assert nacc.until <= NACC_ENDED


@pytest.mark.parametrize("relation", [r for r in DS.relations if r.member_since is not None], ids=lambda r: r.partner)
def test_accession_comes_after_the_pfp_and_matches_the_vocabulary(relation: partnerdata.Relation) -> None:
    assert relation.member_since is not None
    pfp = relation.participation("PFP")
    if pfp is not None and pfp.since is not None:
        assert relation.member_since.year > pfp.since
    assert DS.partner(relation.partner).member_since == relation.member_since.year


@pytest.mark.parametrize("relation", DS.relations, ids=lambda r: r.partner)
def test_no_partner_in_a_framework_the_vocabulary_lists_it_outside_of(relation: partnerdata.Relation) -> None:
    listed = set(DS.partner(relation.partner).frameworks)
    for p in relation.participations:
        if p.programme in {*FRAMEWORK_BEGAN, "PATG"}:
            assert p.programme in listed, f"{relation.partner} in {p.programme}, vocabulary: {sorted(listed)}"


def test_who_joined_the_pfp_answers_with_years_and_citations() -> None:
    joined = DS.participants("PFP")
    listed = {p.alpha3 for p in DS.partners if "PFP" in p.frameworks}
    # Gaps the provenance page names: no NATO page read states Czechia's or Latvia's PfP (no
    # participation), nor the year of Albania's or Slovakia's. A new gap fails this test.
    assert listed - set(joined.partners) == {"CZE", "LVA"}
    for m in joined:
        assert m.since is not None or m.partner in {"ALB", "SVK"}
        assert m.evidence


def test_the_panel_framework_columns_follow_the_dated_facts() -> None:
    panel = DS.panel(1991, DATA_YEAR)
    # Brute force over the records: a dated PfP participation decides every year of the pfp column.
    for r in DS.relations:
        pfp = r.participation("PFP")
        if pfp is None or pfp.since is None:
            continue
        for year in panel.years:
            expected = year >= pfp.since and (pfp.until is None or year <= pfp.until)
            if pfp.suspended is not None and pfp.suspended < year and (pfp.resumed is None or year < pfp.resumed):
                expected = False
            assert panel.cell(r.partner, year, "pfp") is expected, (r.partner, year)


def test_explain_shows_the_citation_of_a_cited_cell() -> None:
    panel = DS.panel(1991, DATA_YEAR)
    why = panel.explain("ARM", 1995, "pfp")
    text = str(why)
    assert why.value is True and why.references
    assert "cited:" in text and "https://www.nato.int/" in text


def test_show_and_the_html_card_give_the_citation_as_readily_as_a_quote(capsys: pytest.CaptureFixture[str]) -> None:
    from partnerdata._cli.main import main

    pfp = DS.relation("ARM").participation("PFP")
    assert pfp is not None
    cite = next(ev for ev in pfp.evidence if type(ev) is Citation)
    card = pfp._repr_html_()
    assert "cited:" in card and cite.source in card and "<details>" not in card
    assert main(["show", "ARM"]) == 0
    text = capsys.readouterr().out
    assert DS.reference(cite.source).url in text and str(cite.says) in text
    # A quote stays in « » and is never mistaken for our words.
    assert main(["show", "KGZ"]) == 0
    assert "« La République kirghize participe depuis 1993" in capsys.readouterr().out


def test_to_json_keeps_the_citation_whole() -> None:
    import json

    data = json.loads(partnerdata.to_json(DS.relation("POL")))
    pfp = next(p for p in data["participations"] if p["programme"] == "PFP")
    assert set(pfp["evidence"][0]) == {"source", "section", "says"}
    assert data["member_since"]["year"] == 1999


def test_explain_says_when_natos_sources_disagree_and_shows_both() -> None:
    uzb = DS.relation("UZB")
    conflict = next(c for c in uzb.conflicts if c.fact == "participations.PFP.since")
    assert set(conflict.values) == {"1994", "1995"}  # the partner page (1995), a 2011 press release (1994)
    why = DS.panel(1991, DATA_YEAR).explain("UZB", 1996, "pfp")
    assert why.value is True and "disagree: " in why.reason and "1994" in why.reason
    # Both sides' citations, so that a reader can check either.
    assert set(conflict.evidence) <= set(why.evidence)


def test_a_diff_shows_the_citations_of_what_changed() -> None:
    ours = DS.relation("POL")
    pfp = ours.participation("PFP")
    assert pfp is not None
    cite = next(ev for ev in pfp.evidence if type(ev) is Citation)
    edited = attrs.evolve(ours, participations=[p for p in ours.participations if p.programme != "PFP"])
    text = partnerdata.diff(ours, edited).render("text")
    assert "cited from" in text and cite.source in text and str(cite.says) in text
