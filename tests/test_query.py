"""The analyst's questions of issue #3, each one call, on the packaged data."""

import attrs
import pytest

import partnerdata
from partnerdata._model.results import Cooperation, Membership, PartnerStance, Results, StatementHit, TimelineEntry


@pytest.fixture(scope="module")
def ds() -> partnerdata.Dataset:
    dataset: partnerdata.Dataset = partnerdata.load()
    return dataset


def only_kgz(ds: partnerdata.Dataset) -> partnerdata.Dataset:
    """The packaged vocabulary with Kyrgyzstan's relation only: every other partner lacks relation data."""
    return attrs.evolve(ds, relations=[ds.relation("KGZ")])


# Who had joined the Partnership for Peace by the end of 1994 and of 1995, as the pages date it.
PFP_1994 = tuple("ARM AZE BGR EST FIN GEO HUN KGZ LTU MDA POL ROU RUS SVN SWE TKM UKR".split())
PFP_1995 = tuple("ARM AUT AZE BGR BLR EST FIN GEO HUN KAZ KGZ LTU MDA MKD MLT POL ROU RUS SVN SWE TKM UKR UZB".split())
# Whose relations with NATO began in 1991, and in 1992.
RELATIONS_1991 = ("BGR", "CSK", "EST", "HUN", "LTU", "LVA", "POL", "ROU", "RUS", "UKR")
RELATIONS_1992 = ("ALB", "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "TJK", "TKM", "UZB")


def test_who_is_in_sps_and_since_when(ds: partnerdata.Dataset) -> None:
    assert [(m.partner, m.since) for m in ds.participants("SPS")] == [
        ("KGZ", 1993),
        ("KOR", None),
        ("TJK", None),
        ("TKM", 1993),
        ("UZB", None),
    ]


def test_programme_by_any_name(ds: partnerdata.Dataset) -> None:
    assert ds.participants("science for peace and security programme") == ds.participants("SPS")


def test_who_joined_bi_after_2010(ds: partnerdata.Dataset) -> None:
    assert ds.participants("BI", since_after=2010).partners == ("KGZ",)
    assert ds.participants("BI", since_after=2015).partners == ()
    assert ds.participants("BI", since_before=2016).partners == ("KGZ",)


def test_unknown_start_is_unknown_not_no(ds: partnerdata.Dataset) -> None:
    before = ds.participants(partner="KGZ", since_before=2000)
    assert [m.programme for m in before] == ["EAPC", "NACC", "PFP", "SPS"]
    assert [m.programme for m in before.unknown] == ["DEEP", "RETRAINING"]
    # Without a year question, a participation with an unknown start is a plain match.
    assert "DEEP" in [m.programme for m in ds.participants(partner="KGZ")]


def test_who_works_on_cyber_defence(ds: partnerdata.Dataset) -> None:
    result = ds.cooperating("cyber defence")
    assert result.partners == ("KGZ", "MLT", "TUN", "UKR")
    assert {c.through for c in result if c.partner == "KGZ"} == {"statement", "participation"}
    assert {c.through for c in result} == {"statement", "participation", "event"}
    assert ds.cooperating("cyberdéfense") == result


def test_cooperation_through_events(ds: partnerdata.Dataset) -> None:
    events = ds.cooperating("disaster-response", through="event")
    assert [(c.partner, c.year, c.programmes) for c in events] == [
        ("PAK", 2005, ()),
        ("TKM", 2014, ("EADRCC",)),
        ("UZB", 2003, ("EADRCC",)),
    ]


def test_who_contributes_forces(ds: partnerdata.Dataset) -> None:
    answer = ds.stance("contributes_forces")
    assert answer.yes.partners == (
        *("ARM", "AUS", "AUT", "AZE", "BGR", "BIH", "CHE", "COL", "CZE", "FIN", "GEO", "HRV", "IRL", "JOR", "KAZ"),
        *("KGZ", "KOR", "LVA", "MAR", "MDA", "MKD", "MNE", "MNG", "NZL", "POL", "ROU", "RUS", "SVN", "SWE", "TJK"),
        "UKR",
    )
    assert answer.no.partners == ("TKM",)
    # JPN's pages are silent; partners without relation data are unknown too, never "no".
    assert "JPN" in answer.unknown.partners
    assert len(answer.yes) + len(answer.no) + len(answer.unknown) == len(ds.partners)
    assert answer.no[0].evidence
    assert all(s.evidence for s in answer.yes)
    alone = only_kgz(ds).stance("contributes_forces")
    assert (alone.yes.partners, alone.no.partners) == (("KGZ",), ())
    assert "TKM" in alone.unknown.partners and len(alone.unknown) == len(ds.partners) - 1


def test_stance_flag_must_exist(ds: partnerdata.Dataset) -> None:
    with pytest.raises(ValueError, match="flag must be one of"):
        ds.stance("bravery")


def test_timeline_between_two_years(ds: partnerdata.Dataset) -> None:
    entries = ds.timeline(1991, 1997)
    happened = [(e.year, e.kind, e.partner, e.programmes[0] if e.programmes else None) for e in entries]
    assert happened[0][0] == 1991
    assert next(h for h in happened if h[1] == "founded") == (1991, "founded", None, "NACC")
    assert (1991, "relations", "LTU", None) in happened  # a milestone the pages give without a framework
    assert (1992, "relations", "KGZ", "NACC") in happened
    assert (1997, "ended", None, "NACC") in happened
    assert (1997, "founded", None, "EAPC") in happened
    assert [e.year for e in entries] == sorted(e.year for e in entries if e.year is not None)
    assert all(1991 <= (e.year or 0) <= 1997 for e in entries)


def test_timeline_for_one_partner(ds: partnerdata.Dataset) -> None:
    tkm = ds.timeline(2014, 2015, partner="Turkménistan")
    assert [(e.year, e.kind) for e in tkm] == [(2014, "event"), (2015, "event")]
    assert all(e.evidence for e in tkm)
    kgz = ds.timeline(partner="KGZ")
    assert [e.programmes[0] for e in kgz.unknown] == ["DEEP", "RETRAINING"]


def test_as_of_frameworks_nacc_then_eapc(ds: partnerdata.Dataset) -> None:
    assert [f.programme for f in ds.as_of(1996).frameworks(kind="forum")] == ["MD", "NACC"]
    assert [f.programme for f in ds.as_of(1997).frameworks(kind="forum")] == ["EAPC", "MD"]
    # DEEP's founding year is not known: it is unknown, not absent.
    assert "DEEP" in [f.programme for f in ds.as_of(2000).frameworks().unknown]


def test_as_of_relations_and_pfp(ds: partnerdata.Dataset) -> None:
    assert ds.as_of(1990).milestones("relations").partners == ()
    assert ds.as_of(1991).milestones("relations").partners == RELATIONS_1991
    y1992 = ds.as_of(1992).milestones("relations")
    assert y1992.partners == tuple(sorted(RELATIONS_1991 + RELATIONS_1992))
    assert "JPN" in y1992.unknown.partners  # relation data without the year relations began: unknown
    assert "KOR" not in y1992.partners + y1992.unknown.partners  # began in 2005: left out
    assert "ARM" in only_kgz(ds).as_of(1992).milestones("relations").unknown.partners  # no relation data: unknown
    assert ds.as_of(1993).participants("PFP").partners == ()
    assert ds.as_of(1994).participants("PfP").partners == PFP_1994


def test_as_of_participations_started(ds: partnerdata.Dataset) -> None:
    y2000 = ds.as_of(2000).participants(partner="KGZ")
    # NACC ended in 1997 (KGZ's participation until then): no longer current at the end of 2000.
    assert [m.programme for m in y2000] == ["EAPC", "PFP", "SPS"]
    assert [m.programme for m in ds.as_of(1997).participants(partner="KGZ")] == ["EAPC", "NACC", "PFP", "SPS"]
    assert "BI" not in [m.programme for m in y2000]  # since 2015
    assert [m.programme for m in y2000.unknown] == ["DEEP", "RETRAINING"]


def test_as_of_undated_facts_are_unknown(ds: partnerdata.Dataset) -> None:
    snapshot = ds.as_of(2000)
    assert len(snapshot.search("neutralité")) == 0
    assert len(snapshot.search("neutralité").unknown) == 2
    assert len(snapshot.stance("forces").unknown) == len(ds.partners)
    assert all(e.year is None or e.year <= 2000 for e in snapshot.timeline())


def test_search_french_and_english_any_case_any_accent(ds: partnerdata.Dataset) -> None:
    french = ds.search("NEUTRALITÉ permanente")
    assert french.partners == ("TKM",)
    assert ds.search("neutralite PERMANENTE") == french
    assert ds.search("permanent neutrality", lang="en") == french
    assert ds.search("permanent neutrality", lang="fr").partners == ()
    hit = french[0]
    assert isinstance(hit, StatementHit)
    quote = hit.evidence[0]
    assert isinstance(quote, partnerdata.Evidence) and quote.quote == hit.text.fr


def test_search_needs_words(ds: partnerdata.Dataset) -> None:
    with pytest.raises(ValueError, match="at least one word"):
        ds.search(" ,; ")


def test_filters_combine(ds: partnerdata.Dataset) -> None:
    assert ds.participants("SPS", topic="cyber-defence").partners == ("KGZ",)
    assert ds.participants("SPS", partner=["TKM", "Kirghizistan"]).partners == ("KGZ", "TKM")
    cyber = ds.cooperating("cyber-defence").partners
    assert ds.participants("PFP", partner=cyber).partners == ("KGZ", "MLT", "UKR")  # not TUN
    assert ds.search("coopération", partner="TKM").partners == ("TKM",)


def test_results_are_typed_records_with_evidence(ds: partnerdata.Dataset) -> None:
    for result, cls in (
        (ds.participants("SPS"), Membership),
        (ds.cooperating("cyber-defence"), Cooperation),
        (ds.stance("forces").no, PartnerStance),
        (ds.timeline(partner="KGZ"), TimelineEntry),
    ):
        assert isinstance(result, Results)
        assert result
        assert all(isinstance(r, cls) and r.evidence for r in result)


def test_unknown_names_raise(ds: partnerdata.Dataset) -> None:
    with pytest.raises(partnerdata.NotFoundError):
        ds.participants("NOPE")
    with pytest.raises(TypeError):
        ds.participants("SPS", since_after="2010")  # type: ignore[arg-type]


def test_where_chains(ds: partnerdata.Dataset) -> None:
    sps = ds.participants("SPS")
    assert sps.where(lambda m: "internet-access" in m.focus).partners == ("TKM",)
    assert sps[:1].partners == ("KGZ",)


def test_repr_short_and_str_readable(ds: partnerdata.Dataset) -> None:
    assert repr(ds.participants("SPS")) == "<Results of 5 Membership>"
    assert repr(ds.participants("BI", since_before=2020)) == "<Results of 1 Membership, unknown=3>"
    assert repr(ds.stance("forces")) == "<Answer 'contributes_forces': yes=31, no=1, unknown=23>"
    assert repr(ds.as_of(1995)) == "<Snapshot of data 2026.12.3 at the end of 1995>"
    assert repr(ds.relation("KGZ")).startswith("<Relation KGZ:")
    text = str(ds.participants("SPS"))
    assert text.splitlines()[0] == "Participations: 5"  # as `partnerdata query --programme SPS` prints it
    assert "KGZ" in text
    assert "1993" in text


def test_a_snapshot_is_immutable(ds: partnerdata.Dataset) -> None:
    snapshot = ds.as_of(1995)
    with pytest.raises(AttributeError, match="immutable"):
        snapshot.year = 2000
    assert snapshot.year == 1995 and snapshot.participants("PFP").partners == PFP_1995


def test_year_bounds_include_their_year_in_every_question() -> None:
    """Regression: since_after/since_before were exclusive while timeline and existing_in were inclusive."""
    ds = partnerdata.load()
    # SPS began in 1993 for both partners that date it; eleven partners' relations began in 1992; the
    # 2014 disaster-response event is TKM's.
    assert ds.participants("SPS", since=1993, until=1993).partners == ("KGZ", "TKM")
    assert ds.participants("SPS", since=1994).partners == ()
    assert ds.cooperating("disaster-response", through="event", since=2014, until=2014).partners == ("TKM",)
    assert ds.milestones("relations", since=1992, until=1992).partners == RELATIONS_1992
    assert ds.milestones("relations", until=1991).partners == RELATIONS_1991
    later = ds.milestones("relations", since=1993)
    assert min(m.year or 0 for m in later) == 1993 and not set(later.partners) & set(RELATIONS_1992)
    assert {e.year for e in ds.timeline(1993, 1993, partner="KGZ")} == {1993}
    assert {e.year for e in ds.timeline(since=1993, until=1993, partner="KGZ")} == {1993}
    assert [f.programme for f in ds.frameworks(kind="forum", existing_in=1997)] == ["EAPC", "MD"]


def test_older_year_keywords_keep_their_meaning_and_cannot_be_mixed() -> None:
    ds = partnerdata.load()
    assert ds.participants("SPS", since_after=1992) == ds.participants("SPS", since=1993)
    assert ds.participants("SPS", since_before=1994) == ds.participants("SPS", until=1993)
    assert ds.timeline(start=1992, end=1993) == ds.timeline(1992, 1993)
    with pytest.raises(TypeError, match="not both"):
        ds.participants("SPS", since=1993, since_after=1992)
    with pytest.raises(TypeError, match="not both"):
        ds.timeline(1992, end=1993, until=1993)
