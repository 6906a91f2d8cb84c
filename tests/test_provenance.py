"""scripts/provenance.py: what comes from the extractor, the overlay and the vocabulary, and its docs table."""

import json
from pathlib import Path
from typing import Any

from _scripts import load_script

import partnerdata

ROOT = Path(__file__).resolve().parents[1]
DS = partnerdata.load()


def _provenance() -> Any:
    return load_script("scripts/provenance.py", "provenance")


def test_docs_provenance_table_is_what_the_script_prints() -> None:
    text = (ROOT / "docs" / "provenance.rst").read_text("utf-8")
    between = text.split(".. provenance-table-start\n", 1)[1].split(".. provenance-table-end", 1)[0]
    assert between.strip() == _provenance().report().strip()


def test_english_texts_and_event_ids_come_from_the_overlay() -> None:
    counts = _provenance().count(DS)
    statements = sum(len(r.statements) for r in DS.relations)
    # The pages are French: every English statement is a rendering, every French one is the page's.
    assert counts["Relation.statements[].text.en"] == {"overlay": statements}
    assert counts["Relation.statements[].text.fr"] == {"extractor": statements}
    # Events of the two pages are named by the overlay; every other event by the cited facts.
    paged = {s.partner for s in DS.sources}
    assert paged == {"KGZ", "TKM"}
    from_pages = sum(len(DS.relation(p).events) - _cited_events(p) for p in paged)
    events = sum(len(r.events) for r in DS.relations)
    assert counts["Relation.events[].id"]["overlay"] == from_pages
    assert counts["Relation.events[].id"]["overlay"] + counts["Relation.events[].id"]["cited"] == events
    # The start of relations: read from the two pages, cited for the 53 others that have one.
    dated = sum(1 for r in DS.relations if r.relations_since is not None)
    assert counts["Relation.relations_since.year"] == {"extractor": 2, "cited": dated - 2}


def _cited_events(partner: str) -> int:
    """How many events the hand-written cited file of ``partner`` holds (read directly, not via the script)."""
    path = ROOT / "src" / "partnerdata" / "_sources" / "cited" / f"{partner}.json"
    return len(json.loads(path.read_text("utf-8"))["relation"]["events"]) if path.is_file() else 0


def test_overlay_counts_match_the_overlay_file() -> None:
    """Counted independently of the script: the overlay's English renderings of statements."""
    overlay = json.loads((ROOT / "src" / "partnerdata" / "_sources" / "overlay.json").read_text("utf-8"))
    renderings = sum(len(r.get("statements", {})) for r in overlay["relations"].values())
    counts = _provenance().count(DS)
    assert counts["Relation.statements[].text.en"]["overlay"] == renderings


def test_every_vocabulary_value_is_curated() -> None:
    counts = _provenance().count(DS)
    vocabulary = {label: c for label, c in counts.items() if label.startswith(("Partner", "Programme", "Topic"))}
    assert vocabulary
    assert all(set(c) == {"vocabulary"} for c in vocabulary.values())
    assert counts["Topic.code"]["vocabulary"] == len(DS.topics)


def test_lifted_aliases_are_found_in_the_pages() -> None:
    found, total = _provenance().lifted_aliases(DS)
    assert total == sum(len(r.aliases) for rs in (DS.partners, DS.programmes, DS.topics) for r in rs)
    # "Kirghizie" is an alias of KGZ that no page uses; "système de formation militaire" one the KGZ page uses.
    assert "Kirghizie" in DS.partner("KGZ").aliases
    assert "Kirghizie" not in DS.source("nato-kgz-fr").text
    assert "système de formation militaire" in DS.topic("defence-education").aliases
    assert "système de formation militaire" in DS.source("nato-kgz-fr").text
    assert 1 <= found < total


def test_docs_coverage_table_is_what_the_script_prints() -> None:
    text = (ROOT / "docs" / "provenance.rst").read_text("utf-8")
    between = text.split(".. coverage-table-start\n", 1)[1].split(".. coverage-table-end", 1)[0]
    assert between.strip() == _provenance().coverage_report().strip()


def test_coverage_counts_quotes_and_citations_by_hand() -> None:
    """Counted independently of the script on two partners: KGZ (page and citations) and POL (citations)."""
    rows = {row[0]: row for row in _provenance().coverage(DS)}
    kgz = DS.relation("KGZ")
    pfp = kgz.participation("PFP")
    assert pfp is not None
    kinds = {type(e).__name__ for e in pfp.evidence}
    assert "Evidence" in kinds  # the seed page's sentence
    assert rows["KGZ"][2] > 0 and rows["KGZ"][3] > 0
    assert DS.relation("POL").member_since is not None
    assert rows["POL"][2] == 0  # no shipped page quotes Poland
    assert rows["POL"][3] == rows["POL"][1] > 0
