"""The packaged data: complete, traceable to its pages, internally consistent, and listed in its manifest."""

import hashlib
import json
from importlib.resources import files
from typing import Any, cast

import attrs
import pytest

import partnerdata
from partnerdata import Dataset, Evidence, Text
from partnerdata._ingest.page import parse

DS = partnerdata.load()
DATA = files("partnerdata").joinpath("data")


def _walk(value: object):  # type: ignore[no-untyped-def]
    """Every record nested in ``value``, depth first."""
    if attrs.has(type(value)):
        yield value
        for a in attrs.fields(cast(Any, type(value))):
            yield from _walk(getattr(value, a.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


def test_manifest_names_every_file_with_its_checksum() -> None:
    manifest = json.loads(DATA.joinpath("manifest.json").read_text("utf-8"))
    assert manifest["data_version"] == partnerdata.DATA_VERSION == DS.data_version
    on_disk = {
        f"{sub}/{p.name}" if sub else p.name
        for sub in ("", "relations", "sources")
        for p in (DATA.joinpath(sub) if sub else DATA).iterdir()
        if p.name.endswith(".json") and p.name != "manifest.json"
    }
    assert set(manifest["files"]) == on_disk
    for name, digest in manifest["files"].items():
        assert hashlib.sha256(DATA.joinpath(*name.split("/")).read_bytes()).hexdigest() == digest, name
    assert list(manifest["files"]) == sorted(manifest["files"])


def test_data_files_are_canonical_json() -> None:
    """Files are exactly what to_dict writes: stable key order, sorted collections, diff-friendly."""
    for node in DATA.joinpath("relations").iterdir():
        relation = partnerdata.from_json(partnerdata.Relation, node.read_bytes())
        text = json.dumps(partnerdata.to_dict(relation), ensure_ascii=False, indent=2) + "\n"
        assert node.read_text("utf-8") == text, node.name


def test_every_evidence_quotes_its_page_verbatim() -> None:
    pages = {s.id: parse(s.text) for s in DS.sources}
    evidence = [e for e in _walk(DS.relations) if isinstance(e, Evidence)]
    assert len(evidence) > 60
    for ev in evidence:
        assert pages[ev.source].sentence(ev.section, ev.item, ev.sentence) == ev.quote
        assert ev.quote in DS.source(ev.source).text


def test_every_sentence_of_every_page_is_a_statement() -> None:
    """Completeness: no sentence of a page (but its title) is left out of the records."""
    for source in DS.sources:
        relation = DS.relation(source.partner)
        cited = [s.evidence.locator for s in relation.statements if s.evidence.source == source.id]
        page = parse(source.text)
        expected = [
            f"{source.id}#{si}.{ii}.{k}"
            for si, section in enumerate(page.sections)
            for ii, item in enumerate(section.items)
            for k in range(len(item.sentences))
            if (si, ii) != (0, 0)
        ]
        assert cited == expected


def test_statements_and_relation_labels_exist_in_both_languages() -> None:
    """A fact read from a quoted (French) page has both labels; a fact only cited has ours in English."""
    checked = 0
    for relation in DS.relations:
        for record in _walk(relation):
            if isinstance(record, Text):
                continue
            evidence = getattr(record, "evidence", ())
            evidence = (evidence,) if isinstance(evidence, Evidence) else evidence
            quoted = any(type(e) is Evidence for e in evidence)
            for a in attrs.fields(cast(Any, type(record))):
                text = getattr(record, a.name)
                if not isinstance(text, Text):
                    continue
                checked += 1
                assert text.en is not None, (relation.partner, record)
                if quoted:
                    assert text.fr is not None, (relation.partner, record)
    assert checked > 1000
    for partner in DS.partners:
        for text in (partner.name, partner.official_name, partner.region):
            assert text is not None and text.fr and text.en
    for topic in DS.topics:
        assert topic.label.fr and topic.label.en
    for programme in DS.programmes:
        # A French name the vocabulary could not confirm stays unknown rather than guessed.
        assert programme.name.en
        if programme.code not in {"ITPP", "OCC", "DCB", "PII", "PTEC"}:
            assert programme.name.fr, programme.code


def test_years_are_plausible_and_ordered() -> None:
    for relation in DS.relations:
        since, cooperation, member = relation.relations_since, relation.cooperation_since, relation.member_since
        if relation.sources:  # a partner whose page the data quotes: both milestones are read from it
            assert since is not None and cooperation is not None
        for milestone in (since, cooperation, member):
            assert milestone is None or 1991 <= milestone.year <= 2026, relation.partner
        if since is not None and cooperation is not None:
            assert since.year <= cooperation.year, relation.partner
        if since is not None and member is not None:
            assert since.year <= member.year, relation.partner
        for p in relation.participations:
            assert p.since is None or 1949 <= p.since <= 2026
            years = [y for y in (p.since, p.suspended, p.resumed) if y is not None]
            assert years == sorted(years), (relation.partner, p.programme)
            assert p.until is None or p.since is None or p.since <= p.until <= 2026, (relation.partner, p.programme)
        assert list(relation.events) == sorted(relation.events, key=lambda e: e.date.sort_key())
    for programme in DS.programmes:
        if programme.founded and programme.ended:
            assert programme.founded.year <= programme.ended


def test_codes_are_unique() -> None:
    for codes in (
        [p.alpha3 for p in DS.partners],
        [p.alpha2 for p in DS.partners],
        [p.code for p in DS.programmes],
        [t.code for t in DS.topics],
        [s.id for s in DS.sources],
        [r.partner for r in DS.relations],
    ):
        assert len(codes) == len(set(codes))


KGZ = DS.relation("KGZ")
TKM = DS.relation("TKM")


@pytest.mark.parametrize("relation", [KGZ, TKM], ids=["KGZ", "TKM"])
def test_shared_facts_of_both_pages(relation: partnerdata.Relation) -> None:
    assert relation.relations_since is not None and relation.cooperation_since is not None
    assert (relation.relations_since.year, relation.relations_since.via) == (1992, "NACC")
    assert (relation.cooperation_since.year, relation.cooperation_since.via) == (1994, "PFP")
    assert relation.pfp_since == 1994
    assert relation.plan is not None and (relation.plan.programme, relation.plan.cycle_years) == ("IPCP", 2)
    sps = relation.participation("SPS")
    assert sps is not None and sps.since == 1993
    replaced = [s for s in relation.statements if {"NACC", "EAPC"} <= set(s.programmes)]
    assert len(replaced) == 1 and "1997" in replaced[0].text.fr  # type: ignore[operator]
    assert DS.programme("NACC").successor == "EAPC" and DS.programme("NACC").ended == 1997
    intro = [s for s in relation.statements if s.evidence.section == 0]
    assert len(intro) == 2  # the aims stated in the introduction


def test_kyrgyz_republic_facts() -> None:
    assert KGZ.plan is not None and KGZ.plan.renewal is not None
    assert "deux parties" in str(KGZ.plan.renewal.fr)
    assert [c.body for c in KGZ.channels] == ["DEPOSITORY-LIBRARY", "SR-CCA"]
    library = KGZ.channels[0]
    assert library.host is not None and "Bichkek" in str(library.host.fr)
    sps = KGZ.participation("SPS")
    assert sps is not None and sps.focus == ("counter-terrorism", "cyber-defence", "environmental-security")
    deep, bi, retraining = (KGZ.participation(c) for c in ("DEEP", "BI", "RETRAINING"))
    assert deep is not None and deep.since is None and deep.aim is not None
    assert bi is not None and bi.since == 2015
    assert retraining is not None and retraining.since is None and retraining.aim is not None
    # Units designated for a UN operation are not forces for NATO-led operations: the stance's
    # flags rest on cited NATO pages only, never on the quoted UN designation.
    assert KGZ.stance.contributes_forces is True and KGZ.stance.permanent_neutrality is None
    assert [e.source for e in KGZ.stance.evidence] == ["nato-news-21485-en-2005", "nato-topics-49607-en-2017-12-12"]
    assert all(type(e) is partnerdata.Citation for e in KGZ.stance.evidence)
    un, nato = KGZ.stance.designations
    assert un.organisation == "UN" and "peacekeeping" in un.topics
    assert [type(e) for e in un.evidence] == [Evidence]
    assert nato.organisation is None and all(type(e) is partnerdata.Citation for e in nato.evidence)
    # The French page dates no event: every event is cited.
    assert [e.year for e in KGZ.events] == [2005, 2009, 2013, 2014, 2015]
    assert all(type(ev) is partnerdata.Citation for e in KGZ.events for ev in e.evidence)


def test_turkmenistan_facts() -> None:
    stance = TKM.stance
    assert (stance.permanent_neutrality, stance.contributes_forces, stance.contributes_infrastructure) == (
        True,
        False,
        False,
    )
    assert len(stance.evidence) == 2
    assert [d.topics for d in stance.designations] == [("disaster-response",)]
    sps = TKM.participation("SPS")
    assert sps is not None and sps.focus == ("internet-access",)
    # The page's two events, beside the ones cited from other NATO pages.
    quoted = [e for e in TKM.events if any(type(ev) is Evidence for ev in e.evidence)]
    assert [e.year for e in TKM.events] == [2012, 2014, 2015, 2016]
    flood, forum = quoted
    assert (flood.year, flood.programmes, flood.partners) == (2014, ("EADRCC",), ("BIH",))
    quote = forum.evidence[0]
    assert isinstance(quote, partnerdata.Evidence)
    assert forum.year == 2015 and "Asie centrale" in quote.quote
    training = {t for s in TKM.statements if s.heading and s.evidence.section == 3 for t in s.topics}
    assert training >= {
        "arms-control",
        "law-of-armed-conflict",
        "counter-terrorism",
        "trafficking",
        "border-security",
        "defence-planning",
        "military-medicine",
        "language-training",
    }
    assert {"civil-preparedness", "disaster-response"} <= set(TKM.topics)


def test_dataset_is_its_own_json_round_trip() -> None:
    text = partnerdata.to_json(DS)
    assert partnerdata.from_json(Dataset, text) == DS
    assert partnerdata.from_dict(Dataset, json.loads(text)) == DS
