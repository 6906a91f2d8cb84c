"""The fact step of the cooperation plan (``_ingest/facts_plan.py``), each function on its own.

Every expectation is written by hand from the sentences: which plan is in force, its cycle and
how the page says it is renewed.
"""

import pytest
from _facts import context, sentence

from partnerdata._ingest import facts_participation, facts_plan


def _plan(body: str, lang: str = "en") -> tuple[str, int | None, str | None, list[str]] | None:
    """(programme, cycle in years, renewal text, evidence locators) of the plan read from ``body``."""
    found = context(body, lang)
    starts = facts_participation.participation_years(found)
    plan = facts_plan.plan(found, starts.since, starts.moved_to)
    if plan is None:
        return None
    renewal = None if plan.renewal is None else plan.renewal.en or plan.renewal.fr
    return plan.programme, plan.cycle_years, renewal, [ev.locator for ev in plan.evidence]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # A sentence opening on "the plan" gives the cycle of the plan before it; it is not its evidence.
        (
            "- Kazakhstan agreed its first IPAP in 2006. The plan is revised every two years.\n",
            "en",
            ("IPAP", 2, "The plan is revised every two years", ["test#1.0.0"]),
        ),
        (
            "- Le Kazakhstan a conclu son premier IPAP en 2006. Le plan est révisé tous les deux ans.\n",
            "fr",
            ("IPAP", 2, "Le plan est révisé tous les deux ans", ["test#1.0.0"]),
        ),
        # Between two plans, the one started last.
        (
            "- Kazakhstan had an IPCP from 2014.\n- Kazakhstan adopted an ITPP in 2023.\n",
            "en",
            ("ITPP", None, None, ["test#1.1.0"]),
        ),
        # A plan moved to wins over one named with its cycle.
        (
            "- In 2023 Kazakhstan moved from its IPAP to an ITPP.\n- Its IPAP is agreed every two years.\n",
            "en",
            ("ITPP", None, None, ["test#1.0.0"]),
        ),
        # The plan's very name gives its cycle (round 12), though "Annual" in it is no cycle phrase (below).
        ("- Kazakhstan has an Annual National Programme.\n", "en", ("ANP", 1, None, ["test#1.0.0"])),
        # No plan named: none.
        ("- Kazakhstan takes part in the Partnership for Peace.\n", "en", None),
        ("- Le Kazakhstan participe au Partenariat pour la paix.\n", "fr", None),
    ],
)
def test_the_plan_in_force(
    body: str, lang: str, expected: tuple[str, int | None, str | None, list[str]] | None
) -> None:
    assert _plan(body, lang) == expected


def test_without_a_move_the_plan_started_last_wins_over_one_with_a_cycle() -> None:
    # Round 13 (held-out batch 12): an IPCP agreed in 2012 and revised every two years, then an ITPP since
    # 2023: the ITPP is the plan now, cycle or not. Until 0.3.1 the cycle came first.
    body = "- Kazakhstan adopted an ITPP in 2023.\n- Its IPAP, agreed in 2012, was revised every two years.\n"
    assert _plan(body) == ("ITPP", None, None, ["test#1.0.0"])


def test_between_undated_plans_the_one_named_with_its_cycle_wins() -> None:
    body = "- Kazakhstan has an ITPP.\n- Its IPAP was agreed every two years.\n"
    assert _plan(body) == ("IPAP", 2, "Its IPAP was agreed every two years", ["test#1.1.0"])


@pytest.mark.parametrize(
    ("line", "lang", "word"),
    [
        ("The plan is revised every two years.", "en", "every two years"),
        ("Le plan est révisé tous les deux ans.", "fr", "tous les deux ans"),
        # "Annual" in a programme's name is no cycle.
        ("Kazakhstan has an Annual National Programme.", "en", None),
        ("Kazakhstan has an IPAP.", "en", None),
    ],
)
def test_cycle(line: str, lang: str, word: str | None) -> None:
    _, s = sentence(line, lang)
    found = facts_plan.cycle(s)
    assert (None if found is None else found.group()) == word
