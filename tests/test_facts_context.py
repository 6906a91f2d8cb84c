"""The context of the fact steps (``_ingest/facts_context.py``): sentences made ready, and shared helpers.

Every expectation is written by hand from the page or the folded sentence.
"""

import re

import pytest
from _facts import NAMES, context, sentence
from _reading import HEADS

import partnerdata
from partnerdata import Text
from partnerdata._ingest import facts_context

BODY = "Civil emergency planning\n- Kazakhstan takes part in the PfP. It also hosts exercises.\n- Other work goes on.\n"


def test_page_sentences_leave_out_the_title_and_keep_places_and_headings() -> None:
    page = partnerdata.parse_page(HEADS["KAZ", "en"] + BODY)
    found = facts_context.page_sentences(page, NAMES, "test")
    assert [(s.place, s.text, s.heading) for s in found] == [
        ((0, 1, 0), "NATO and Kazakhstan cooperate.", None),
        ((1, 0, 0), "Kazakhstan takes part in the PfP.", "Civil emergency planning"),
        ((1, 0, 1), "It also hosts exercises.", "Civil emergency planning"),
        ((1, 1, 0), "Other work goes on.", "Civil emergency planning"),
    ]
    assert found[1].evidence.locator == "test#1.0.0"


def test_the_context_groups_sentences_by_item() -> None:
    found = context(BODY, prepared=False)
    assert {key: [s.place for s in group] for key, group in found.items.items()} == {
        (0, 1): [(0, 1, 0)],
        (1, 0): [(1, 0, 0), (1, 0, 1)],
        (1, 1): [(1, 1, 0)],
    }


def test_a_sentence_naming_nothing_leans_on_the_one_before_in_its_item_only() -> None:
    found = context(BODY, prepared=False)
    assert [s.programmes for s in found.sentences] == [[], ["PFP"], [], []]
    facts_context.lean_on_previous(found)
    assert [s.programmes for s in found.sentences] == [[], ["PFP"], ["PFP"], []]


def test_a_demonstrative_takes_the_programme_of_its_kind() -> None:
    body = "- Kazakhstan joined the PfP and the Mediterranean Dialogue. This programme helps it.\n"
    found = context(body, prepared=False)
    facts_context.lean_on_previous(found)
    assert found.sentences[-1].programmes == ["PFP"]


def test_a_heading_gives_its_topics_to_the_first_sentence_of_its_section() -> None:
    page = partnerdata.parse_page(HEADS["KAZ", "en"] + BODY)
    found = context(BODY, prepared=False)
    facts_context.heading_topics(found, page)
    assert [s.topics for s in found.sentences] == [[], ["civil-preparedness"], ["training-exercises"], []]


def test_a_heading_over_a_refusal_gives_no_topic() -> None:
    body = "Civil emergency planning\n- Kazakhstan does not take part in exercises.\n"
    page = partnerdata.parse_page(HEADS["KAZ", "en"] + body)
    found = context(body, prepared=False)
    facts_context.heading_topics(found, page)
    assert found.sentences[-1].topics == []


def test_the_vocabulary_questions() -> None:
    found = context("- Talks go on.\n")
    assert (found.kind("PFP"), found.kind("MD")) == ("partnership-programme", "forum")
    assert (found.began_by("PFP", 1994), found.began_by("PFP", 1993), found.began_by("KFOR", 1900)) == (
        True,
        False,
        True,
    )
    assert (found.eligible("PARP"), found.eligible("MD"), found.eligible("IPAP")) == (True, False, False)
    assert found.text("mot") == Text(en="mot")
    assert context("- Les échanges continuent.\n", "fr").text("mot") == Text(fr="mot")


def test_ranges_are_searched_once_per_sentence() -> None:
    found, s = sentence("Exercises ran from 2005 to 2013.")
    first = found.ranges(s)
    assert [(m.group(1), m.group(2)) for m in first] == [("2005", "2013")]
    assert found.ranges(s) is first


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (" based in the capital. ", "based in the capital"),
        ("organise des séminaires ;", "organise des séminaires"),
        (" ,.", None),
    ],
)
def test_clean_clause(clause: str, expected: str | None) -> None:
    assert facts_context.clean_clause(clause) == expected


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        ("from 2005 to 2013", [("2005", "2013")]),
        ("de 2005 a 2013", [("2005", "2013")]),
        ("joined in 1995 and 200", []),  # seven digits: no range is searched
    ],
)
def test_year_ranges(low: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.group(1), m.group(2)) for m in facts_context.year_ranges(low)] == expected


def test_unnamed_leaves_out_matches_inside_a_name() -> None:
    _, s = sentence("The Trust Fund supports a trust in Kazakhstan.")
    found = facts_context.unnamed(s, re.finditer("trust", s.low))
    assert [m.start() for m in found] == [s.low.index("a trust") + 2]


@pytest.mark.parametrize(
    ("low", "own", "others"),
    [
        ("kazakh aircraft and allied ships", [(7, 15)], [(27, 32)]),
        ("ses avions et les navires allies", [(4, 10)], [(18, 25)]),
        ("kazakh troops", [], []),
    ],
)
def test_vehicles(low: str, own: list[tuple[int, int]], others: list[tuple[int, int]]) -> None:
    assert facts_context.vehicles(low) == (own, others)


def test_spans_and_between() -> None:
    found = facts_context.spans(re.compile("ab"), "ab-ab--ab")
    assert found == [(0, 2), (3, 5), (7, 9)]
    assert facts_context.between(found, 1, 7) == [(3, 5)]
    assert facts_context.between(found, 0, 8) == [(0, 2), (3, 5), (7, 9)]
    assert facts_context.between(found, 9, 20) == []
