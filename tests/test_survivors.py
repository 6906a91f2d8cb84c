"""Tests for mutations that once passed the whole suite (issue 21); each was run against its mutant.

``scripts/mutants.py`` (``nox -s mutants``) applies the same mutations, and others, to a copy of
the source tree and runs the tests named for each; the list of survivors is in ``docs/testing.rst``.
"""

import attrs
import jsonpatch
import pytest

import partnerdata
from partnerdata import DataValidationError, Evidence

DS = partnerdata.load()
KGZ = DS.relation("KGZ")
TKM = DS.relation("TKM")


# --- Diff.invert(): old and new are swapped too ------------------------------------------------


def test_the_inverted_json_patch_turns_new_back_into_old() -> None:
    # KGZ and TKM list their participations in another order and at other positions, so a patch
    # whose positions were computed on the wrong side does not apply (mutant: old/new not swapped).
    d = partnerdata.diff(KGZ, TKM)
    back = d.invert()
    assert back.old is TKM and back.new is KGZ
    for test in (False, True):
        patched = jsonpatch.apply_patch(partnerdata.to_dict(TKM), back.to_json_patch(test=test))
        assert patched == partnerdata.to_dict(KGZ)


def test_the_inverted_json_patch_of_a_removal_adds_the_item_back() -> None:
    edited = attrs.evolve(KGZ, participations=[p for p in KGZ.participations if p.programme != "BI"])
    patch = partnerdata.diff(KGZ, edited).invert().to_json_patch()
    # Written by hand: BI sorts first among KGZ's participations, so it goes back at index 0.
    assert [(op["op"], op["path"]) for op in patch] == [("add", "/participations/0")]
    assert jsonpatch.apply_patch(partnerdata.to_dict(edited), patch) == partnerdata.to_dict(KGZ)


# --- A snapshot never sees past its year, whatever later bound a question gives ----------------


def test_a_later_until_does_not_see_past_the_snapshot_year() -> None:
    y1993 = DS.as_of(1993)
    # The Partnership for Peace was launched in 1994: at the end of 1993 nobody takes part in it,
    # even when the question asks up to 2000.
    assert y1993.participants("PFP", until=2000).partners == ()
    assert y1993.participants("PFP", since=1990, until=2026).partners == ()
    assert all(e.year is None or e.year <= 1993 for e in y1993.timeline(until=2005))
    assert all(e.year is None or e.year <= 1993 for e in y1993.timeline(since=1990, until=2026))
    assert all(m.year is None or m.year <= 1993 for m in y1993.milestones(until=2010))


def test_a_snapshot_of_a_snapshot_keeps_the_earlier_year() -> None:
    # Malta suspended its PfP participation in 1996 and resumed it in 2008 (packaged data).
    assert "MLT" not in DS.as_of(2000).participants("PFP").partners
    assert "MLT" not in DS.as_of(2000).as_of(2010).participants("PFP").partners
    assert "MLT" not in DS.as_of(2000).participants("PFP", until=2010).partners
    assert "MLT" in DS.as_of(2010).participants("PFP").partners
    assert DS.as_of(1993).as_of(2026).participants("PFP").partners == ()


# --- Evidence must cite a page about its own partner --------------------------------------------


def _tkm_evidence() -> Evidence:
    for p in TKM.participations:
        for ev in p.evidence:
            if isinstance(ev, Evidence) and ev.source == "nato-tkm-fr":
                return ev
    raise AssertionError("the packaged TKM relation has no quote of its French page")


def test_evidence_quoting_another_partners_page_is_refused() -> None:
    # The quote is verbatim from TKM's page, so only the partner check can refuse it.
    ev = _tkm_evidence()
    assert DS.source(ev.source).partner == "TKM"
    first = KGZ.participations[0]
    moved = attrs.evolve(first, evidence=(*first.evidence, ev))
    wrong = attrs.evolve(KGZ, participations=(moved, *KGZ.participations[1:]))
    relations = [wrong if r.partner == "KGZ" else r for r in DS.relations]
    with pytest.raises(DataValidationError) as caught:
        attrs.evolve(DS, relations=relations)
    messages = [(p.path, p.message) for p in caught.value.problems]
    k = len(first.evidence)
    path = f"$.relations[{[r.partner for r in DS.relations].index('KGZ')}].participations[0].evidence[{k}].source"
    assert messages == [(path, "nato-tkm-fr is a page about TKM, not KGZ")]


# --- A name that names two records is refused, never resolved to the first -----------------------


def test_an_alias_naming_two_partners_is_refused() -> None:
    kgz = DS.partner("KGZ")
    # TKM's French name as an alias of KGZ (spelled without accent and in capitals: names are folded).
    clashing = attrs.evolve(kgz, aliases=(*kgz.aliases, "TURKMENISTAN"))
    partners = [clashing if p.alpha3 == "KGZ" else p for p in DS.partners]
    with pytest.raises(DataValidationError) as caught:
        attrs.evolve(DS, partners=partners)
    # TKM's names are read after KGZ's (partners in code order): each spelling of its name is said once.
    tkm = [p.alpha3 for p in DS.partners].index("TKM")
    assert sorted((p.path, p.message) for p in caught.value.problems) == [
        (f"$.partners[{tkm}]", "the name 'Turkmenistan' of TKM also names KGZ"),
        (f"$.partners[{tkm}]", "the name 'Turkménistan' of TKM also names KGZ"),
    ]


def test_a_programme_acronym_naming_another_programme_is_refused() -> None:
    bi = DS.programme("BI")
    clashing = attrs.evolve(bi, aliases=(*bi.aliases, "sps"))
    programmes = [clashing if p.code == "BI" else p for p in DS.programmes]
    with pytest.raises(DataValidationError, match=r"the name '(?i:sps)' of (BI|SPS) also names (BI|SPS)"):
        attrs.evolve(DS, programmes=programmes)


def test_a_topic_alias_naming_another_topic_is_refused() -> None:
    first, second = DS.topics[0], DS.topics[1]
    clashing = attrs.evolve(first, aliases=(*first.aliases, second.code.upper()))
    topics = [clashing if t.code == first.code else t for t in DS.topics]
    with pytest.raises(DataValidationError, match=rf"also names ({first.code}|{second.code})"):
        attrs.evolve(DS, topics=topics)


# --- A participation may not begin before its programme -------------------------------------------


def test_a_participation_one_year_before_its_programme_is_refused() -> None:
    # The Partnership for Peace was launched in January 1994: a start in 1993 is refused, 1994 is not.
    pfp = KGZ.participation("PFP")
    assert pfp is not None and pfp.since == 1994
    k = [r.partner for r in DS.relations].index("KGZ")
    j = [p.programme for p in KGZ.participations].index("PFP")
    for since, refused in ((1993, True), (1994, False)):
        early = attrs.evolve(
            KGZ, participations=[attrs.evolve(pfp, since=since) if p is pfp else p for p in KGZ.participations]
        )
        relations = [early if r.partner == "KGZ" else r for r in DS.relations]
        if not refused:
            attrs.evolve(DS, relations=relations)
            continue
        with pytest.raises(DataValidationError) as caught:
            attrs.evolve(DS, relations=relations)
        assert [(p.path, p.message) for p in caught.value.problems] == [
            (f"$.relations[{k}].participations[{j}].since", "PFP began in 1994, after 1993")
        ]


# --- The panel names the rule of a cell: suspended until the end year, left after it -----------------


def test_a_suspended_participation_is_suspended_in_its_end_year_and_left_after() -> None:
    pfp = KGZ.participation("PFP")
    assert pfp is not None
    # KGZ's PfP as if suspended in 2000 and ended in 2005 (an edit, not the packaged facts).
    edited = attrs.evolve(
        KGZ,
        participations=[attrs.evolve(pfp, suspended=2000, until=2005) if p is pfp else p for p in KGZ.participations],
    )
    panel = attrs.evolve(DS, relations=[edited if r.partner == "KGZ" else r for r in DS.relations]).panel(1999, 2007)
    rules = {y: (panel.explain("KGZ", y, "pfp").value, panel.explain("KGZ", y, "pfp").rule) for y in range(1999, 2008)}
    assert rules == {
        1999: (True, "started"),
        2000: (True, "started"),  # the year of a suspension counts
        **{y: (False, "suspended") for y in range(2001, 2006)},  # 2005, the end year, included
        2006: (False, "left"),
        2007: (False, "left"),
    }
