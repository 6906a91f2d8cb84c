"""extract: facts against expectations written by hand.

The accuracy tests compare the extractor with ``tests/fixtures/pages/*.expected.json``, facts a
reader wrote from the pages without running the extractor; ``tests/test_packaged_pages.py``
compares the two packaged pages with the rest of what a reader wrote about them (the sentences
each fact is read from, and each fact's details). No test here compares the extractor with the
packaged data: that data is made by this extractor, so such a test could not fail on a misreading.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from _scripts import load_script

import partnerdata
from partnerdata import Extraction, extract, parse_page

DS = partnerdata.load()
ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("nato-kgz-fr", "nato-tkm-fr")


def _draft(source_id: str) -> Extraction:
    return extract(parse_page(DS.source(source_id).text), vocabulary=DS, source_id=source_id)


def test_unplaced_sentences_are_returned_not_dropped() -> None:
    result = _draft("nato-tkm-fr")
    assert [ev.locator for ev in result.unplaced] == ["nato-tkm-fr#0.1.0", "nato-tkm-fr#2.0.0"]
    assert (result.source.id, result.source.text) == ("nato-tkm-fr", DS.source("nato-tkm-fr").text)
    cited = {s.evidence for s in result.relation.statements}
    assert set(result.unplaced) <= cited


def test_the_vocabulary_drives_recognition() -> None:
    """A programme added to the vocabulary is found, with its start year, in both languages."""
    text_en = (
        "Relations with Georgia\nNATO and Georgia cooperate.\n"
        "- Since 2016, Georgia has taken part in the Mountain Training Initiative (MTI)."
    )
    text_fr = (
        "Relations avec la Géorgie\nL’OTAN et la Géorgie coopèrent.\n"
        "- Depuis 2016, la Géorgie participe à l’initiative de formation en montagne."
    )
    assert extract(text_en, vocabulary=DS).relation.participations == ()
    mti = partnerdata.Programme(
        code="MTI",
        name=partnerdata.Text(fr="initiative de formation en montagne", en="Mountain Training Initiative"),
        acronym=partnerdata.Text(en="MTI"),
        kind="initiative",
    )

    class Vocabulary:
        partners, topics, programmes = DS.partners, DS.topics, (*DS.programmes, mti)

    for text in (text_en, text_fr):
        (p,) = extract(text, vocabulary=Vocabulary()).relation.participations
        assert (p.programme, p.since) == ("MTI", 2016)


def test_english_page_facts() -> None:
    text = (ROOT / "tests" / "fixtures" / "pages" / "geo-en.txt").read_text("utf-8")
    r = extract(text).relation
    assert r.partner == "GEO"
    assert r.relations_since is not None
    assert r.relations_since.via == "NACC"
    assert r.stance.contributes_forces is True
    assert [(e.date.isoformat(), e.end) for e in r.events][:2] == [("1999", 2008), ("2001-09-24", None)]
    assert all(s.text.en is not None and s.text.fr is None for s in r.statements)
    info = r.channels[0]
    assert (info.body, info.host) == ("INFO-CENTRE", partnerdata.Text(en="Tbilisi"))


def test_transit_and_overflight_are_not_forces() -> None:
    text = (ROOT / "tests" / "fixtures" / "pages" / "uzb-en.txt").read_text("utf-8")
    r = extract(text).relation
    assert (r.stance.contributes_forces, r.stance.contributes_infrastructure) == (None, True)
    assert r.participation("ISAF") is None


def test_held_facts_are_not_events_and_framework_facts_neither() -> None:
    text = (ROOT / "tests" / "fixtures" / "pages" / "tjk-fr-nbsp.txt").read_text("utf-8")
    r = extract(text).relation
    assert r.pfp_since == 2002
    assert r.cooperation_since is not None
    assert r.cooperation_since.year == 2002
    assert [(e.date.isoformat(), e.end) for e in r.events] == [("2003", 2014), ("2010-11", None)]
    kgz = _draft("nato-kgz-fr").relation
    assert kgz.events == ()  # "remplacé en 1997 par le Conseil de partenariat euro-atlantique" is about the frameworks


def test_a_page_naming_no_partner_is_refused() -> None:
    with pytest.raises(partnerdata.NotFoundError, match="Republic of Nowhere"):
        extract("Relations with the Republic of Nowhere\nNATO and it talk.\n- Relations began in 1992.")


def _quality() -> Any:
    return load_script("benchmarks/extraction_quality.py", "extraction_quality")


FLOORS = {"topics": (0.9, 0.8), "participation_since": (0.9, 0.9), "events": (0.9, 0.9)}


def test_quality_on_fixture_pages_meets_the_floors() -> None:
    quality = _quality()
    scores = quality.score()
    pages = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt"))
    assert len(pages) >= 5
    assert all(p.with_suffix(".expected.json").exists() for p in pages)
    for field, counts in scores.items():
        precision, recall = quality.ratios(*counts)
        floor_p, floor_r = FLOORS.get(field, (0.95, 0.95))
        assert precision >= floor_p, (field, counts)
        assert recall >= floor_r, (field, counts)
    table = quality.table(scores)
    assert table.splitlines()[1].split() == ["field", "expected", "extracted", "correct", "precision", "recall"]


def test_expected_facts_are_well_formed() -> None:
    quality = _quality()
    for path in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.expected.json")):
        expected = json.loads(path.read_text("utf-8"))
        # The packaged pages' documents also hold their reading, evidence and details (test_packaged_pages.py).
        reading = {"title", "sections", "statements", "unplaced", "evidence", "details"}
        fields = set(quality.FIELDS) - {"participation_since"} | {"written"}
        assert set(expected) - {"notes"} - reading == fields, path.name
        assert expected["written"] in quality.GROUPS
        assert DS.partner(expected["partner"])
        for code in expected["participations"]:
            assert DS.programme(code).code == code
        for code in expected["topics"]:
            assert DS.topic(code).code == code


@pytest.mark.parametrize("name", SOURCES)
def test_packaged_pages_give_the_facts_a_reader_wrote_by_hand(name: str) -> None:
    """Field by field, on the two packaged pages, against facts written by reading them."""
    quality = _quality()
    expected = json.loads((ROOT / "tests" / "fixtures" / "pages" / f"{name}.expected.json").read_text("utf-8"))
    want = quality.facts(expected)
    got = quality.facts(quality.extracted(_draft(name)))
    for field in quality.FIELDS:
        assert sorted(got[field].elements()) == sorted(want[field].elements()), field


def test_every_expected_facts_document_has_its_page() -> None:
    quality = _quality()
    found = quality.pages()
    assert {name for name, _, _ in found} >= {*SOURCES, "arm-en", "geo-en", "kaz-fr", "tjk-fr-nbsp", "uzb-en"}
    assert all(path.exists() for _, path, _ in found)
    assert {e["written"] for _, _, e in found} == set(quality.GROUPS)


def test_docs_quality_tables_are_what_the_benchmark_prints() -> None:
    quality = _quality()
    text = (ROOT / "docs" / "ingest.rst").read_text("utf-8")
    between = text.split(".. quality-table-start\n", 1)[1].split(".. quality-table-end", 1)[0]
    assert between.strip() == quality.report().strip()


NEGATED = [
    # (page text, programme or topic that must not be read, the language)
    "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n"
    "- Le Kazakhstan ne participe pas au programme OTAN pour la science au service de la paix et de la sécurité (SPS).",
    "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n"
    "- Le Kazakhstan n'a jamais pris part à la lutte contre le terrorisme.",
    "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n"
    "- Le Kazakhstan coopère sans participer au programme SPS ni à la lutte contre le terrorisme.",
    "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n"
    "- Aucun projet SPS sur la lutte contre le terrorisme n’a été lancé.",
    "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
    "- Kazakhstan does not take part in the Science for Peace and Security Programme or in counter-terrorism.",
    "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
    "- Kazakhstan has not joined SPS projects on counter-terrorism.",
    "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
    "- Kazakhstan takes part in neither SPS nor counter-terrorism work.",
    "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
    "- Kazakhstan works without SPS and with no counter-terrorism projects.",
    "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
    "- Kazakhstan doesn't take part in SPS counter-terrorism projects.",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negated_sentence_adds_no_topic_or_participation(text: str) -> None:
    r = extract(text, vocabulary=DS).relation
    assert r.participation("SPS") is None
    assert "counter-terrorism" not in r.topics
    assert "science" not in r.topics


def test_negation_ends_with_its_clause_and_idioms_affirm() -> None:
    text = (
        "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
        "- Kazakhstan does not send troops; it takes part in the Science for Peace and Security Programme.\n"
        "- Les officiers suivent des formations sur la lutte contre le terrorisme, "
        "sans oublier l'apprentissage des langues."
    )
    r = extract(text, vocabulary=DS).relation
    assert r.participation("SPS") is not None
    assert {"counter-terrorism", "language-training"} <= set(r.topics)


def test_turkmenistan_refusal_of_units_is_not_operations_support() -> None:
    """Regression: "ne met pas d'unités ... à disposition" tagged operations-support."""
    tkm = _draft("nato-tkm-fr").relation
    assert "operations-support" not in tkm.topics
    assert (tkm.stance.contributes_forces, tkm.stance.contributes_infrastructure) == (False, False)
    assert "TKM" not in DS.cooperating("operations-support").partners


def test_permanent_neutrality_is_a_stance_not_a_cooperation_topic() -> None:
    tkm = _draft("nato-tkm-fr").relation
    assert tkm.stance.permanent_neutrality is True
    assert "neutrality" not in tkm.topics
    assert DS.cooperating("neutrality").partners == ()


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("- From 12 to 15 June 2016, Georgia hosted a NATO exercise.", "2016-06-12", "2016-06-15"),
        ("- On 12-15 June 2016, Georgia hosted a NATO exercise.", "2016-06-12", "2016-06-15"),
        ("- From 30 December 2015 to 2 January 2016, Georgia hosted a NATO seminar.", "2015-12-30", "2016-01-02"),
        ("- Between May and July 2016, Georgia hosted NATO experts.", "2016-05", "2016-07"),
        ("- From 2005 to 2008, cooperation was scaled down.", "2005", "2008"),
        ("- In May 2016, Georgia hosted a NATO seminar.", "2016-05", None),
    ],
)
def test_date_range_keeps_its_start_and_end(line: str, start: str, end: str | None) -> None:
    """Regression: "From 12 to 15 June 2016" read as one day, the last; the start was lost."""
    (event,) = extract(f"Relations with Georgia\nNATO and Georgia cooperate.\n{line}", vocabulary=DS).relation.events
    assert event.date.isoformat() == start
    assert (event.end_date.isoformat() if event.end_date else None) == end


def test_french_date_range_keeps_its_start_and_end() -> None:
    text = (
        "Relations avec la Géorgie\nL’OTAN et la Géorgie coopèrent.\n"
        "- Du 3 au 7 mars 2011, la Géorgie a accueilli un exercice."
    )
    (event,) = extract(text, vocabulary=DS).relation.events
    assert (event.date, event.end, event.end_month, event.end_day) == (
        partnerdata.PartialDate(year=2011, month=3, day=3),
        2011,
        3,
        7,
    )


def test_negated_clause_adds_no_channel() -> None:
    text = (
        "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
        "- Kazakhstan has no NATO Depository Library.\n"
        "- A NATO information centre opened in Astana."
    )
    assert [c.body for c in extract(text, vocabulary=DS).relation.channels] == ["INFO-CENTRE"]
