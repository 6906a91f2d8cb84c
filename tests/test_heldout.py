"""The held-out pages of issue 20 (``tests/heldout``): well formed, read as written, scored apart.

The pages and their expected facts were written by hand before the extractor read them; these
tests check the documents themselves and what the reader takes from each page's head (title,
language, edition). How many facts the extractor gets right is measured, not asserted, by
``benchmarks/extraction_quality.py --heldout``; the goals of issue 20 are one test, expected to
fail until the extractor reaches them.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from _scripts import load_script

import partnerdata

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "heldout"
DS = partnerdata.load()
KEYS = {
    "title",
    "edition",
    "layout",
    "written",
    "phrasings",
    "notes",
    "partner",
    "language",
    "relations_since",
    "cooperation_since",
    "pfp_since",
    "plan",
    "participations",
    "stance",
    "designations",
    "channels",
    "events",
    "topics",
}


def _quality() -> Any:
    return load_script("benchmarks/extraction_quality.py", "extraction_quality")


QUALITY = _quality()
PAGES = QUALITY.heldout_pages(HELDOUT)


def test_the_held_out_pages_cover_both_languages_and_formats() -> None:
    assert len(PAGES) >= 6
    assert {e["language"] for _, _, e in PAGES} == {"en", "fr"}
    kinds = {(e["language"], path.suffix) for _, path, e in PAGES}
    assert kinds == {("en", ".txt"), ("en", ".html"), ("fr", ".txt"), ("fr", ".html")}
    assert len({e["layout"] for _, _, e in PAGES}) >= 4


@pytest.mark.parametrize(("name", "path", "expected"), PAGES, ids=[n for n, _, _ in PAGES])
def test_expected_facts_are_well_formed(name: str, path: Path, expected: dict[str, Any]) -> None:
    assert set(expected) - {"batch"} == KEYS
    assert expected["written"] == "held-out"
    assert expected["phrasings"]
    assert name.startswith(expected["partner"].lower() + "-" + expected["language"] + "-")
    assert DS.partner(expected["partner"]).alpha3 == expected["partner"]
    for since in (expected["relations_since"], expected["cooperation_since"]):
        assert since is None or (
            isinstance(since["year"], int) and (since["via"] is None or DS.programme(since["via"]))
        )
    if expected["plan"] is not None:
        assert DS.programme(expected["plan"]["programme"]).kind == "cooperation-plan"
    for code, since in expected["participations"].items():
        assert DS.programme(code).code == code
        assert since is None or 1990 <= since <= 2030
    assert set(expected["stance"]) == {"permanent_neutrality", "contributes_forces", "contributes_infrastructure"}
    for code in expected["topics"]:
        assert DS.topic(code).code == code
    assert expected["topics"] == sorted(set(expected["topics"]))
    for event in expected["events"]:
        assert set(event) == {"date", "end"}
        assert event["end"] is None or isinstance(event["end"], str)


@pytest.mark.parametrize(("name", "path", "expected"), PAGES, ids=[n for n, _, _ in PAGES])
def test_the_reader_takes_title_language_and_edition(name: str, path: Path, expected: dict[str, Any]) -> None:
    page = partnerdata.read_page(path)
    edition = None if page.edition is None else page.edition.isoformat()
    assert (page.title, page.language, edition) == (expected["title"], expected["language"], expected["edition"])


def test_a_refused_page_counts_every_fact_as_missed(tmp_path: Path) -> None:
    """The scoring cannot hide a page the reader refuses: its facts are all false negatives."""
    name, _, expected = PAGES[0]
    (tmp_path / f"{name}.txt").write_text("Beziehungen zu Kasachstan\n\nDie NATO und Kasachstan reden.", "utf-8")
    (tmp_path / f"{name}.expected.json").write_text(json.dumps(expected), "utf-8")
    ((_, _, scores, refused),) = QUALITY.heldout_scores(tmp_path)
    assert refused is not None
    want = QUALITY.facts(expected)
    assert scores == {f: (0, 0, sum(want[f].values())) for f in QUALITY.FIELDS}


def test_the_report_gives_fields_layouts_languages_and_goals() -> None:
    text = QUALITY.heldout_report(HELDOUT)
    for word in ("relations_since", "Per layout:", "Per language:", "Per batch", "current-2019/html", "Goals, on the"):
        assert word in text


@pytest.mark.xfail(strict=True, reason="issue 20: the extractor does not yet reach the goals on the held-out pages")
def test_the_held_out_pages_meet_the_goals() -> None:
    scores = [s for _, e, s, _ in QUALITY.heldout_scores(HELDOUT) if e["batch"] not in QUALITY.SEEN_BATCHES]
    assert scores  # the goals are judged on pages the rules were never fixed against
    reached = QUALITY.goals(scores)
    assert all(reached[k] >= goal for k, goal in QUALITY.GOALS.items()), reached
