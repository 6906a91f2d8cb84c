"""The fact step of participations (``_ingest/facts_participation.py``), each function on its own.

Every expectation is written by hand from the sentence: which programmes the partner takes part
in, the year it started in each, and the helpers' answers on one sentence.
"""

import pytest
from _facts import context, sentence

from partnerdata import Participation
from partnerdata._ingest import facts_participation


def _read(body: str, lang: str = "en") -> tuple[dict[str, int], set[str], list[tuple[str, int | None]]]:
    """The start years, the plans moved to, and the (programme, since) of each participation."""
    found = context(body, lang)
    starts = facts_participation.participation_years(found)
    taken = facts_participation.participations(found, starts.since)
    return (
        {code: year for code, (year, _) in starts.since.items()},
        starts.moved_to,
        [(p.programme, p.since) for p in taken],
    )


@pytest.mark.parametrize(
    ("body", "lang", "years", "taken"),
    [
        # Each year goes to the name of its clause.
        (
            "- Kazakhstan joined the Partnership for Peace in 1995 and has taken part in the Planning and "
            "Review Process since 2002.\n",
            "en",
            {"PFP": 1995, "PARP": 2002},
            [("PFP", 1995), ("PARP", 2002)],
        ),
        (
            "- Le Kazakhstan a adhéré au Partenariat pour la paix en 1995 et participe depuis 2002 au processus "
            "de planification et d’examen.\n",
            "fr",
            {"PFP": 1995, "PARP": 2002},
            [("PFP", 1995), ("PARP", 2002)],
        ),
        # "respectively": the names before the word take the years after them, in order.
        (
            "- Kazakhstan takes part in PARP, OCC and BI, which it joined in 2002, 2010 and 2016 respectively.\n",
            "en",
            {"PARP": 2002, "OCC": 2010, "BI": 2016},
            [("PARP", 2002), ("OCC", 2010), ("BI", 2016)],
        ),
        (
            "- Le Kazakhstan participe au PARP, à l’OCC et au BI, qu’il a rejoints respectivement en 2002, "
            "2010 et 2016.\n",
            "fr",
            {"PARP": 2002, "OCC": 2010, "BI": 2016},
            [("PARP", 2002), ("OCC", 2010), ("BI", 2016)],
        ),
        # Membership denied: the programme named again after "but" is no participation.
        (
            "- Kazakhstan is not a member of the Partnership for Peace, but its officers attend PfP courses.\n",
            "en",
            {},
            [],
        ),
        # Transit for an operation is support, not participation.
        ("- Kazakhstan allowed transit through its territory for ISAF since 2001.\n", "en", {}, []),
        # Troops in an operation over a range: its first year is the start.
        ("- Kazakh troops served in ISAF from 2004 to 2014.\n", "en", {"ISAF": 2004}, [("ISAF", 2004)]),
        # A year before the programme existed starts nothing; the participation stays.
        ("- Kazakhstan joined the Partnership for Peace in 1990.\n", "en", {}, [("PFP", None)]),
        # The first plan agreed in a year: the partner's start in it.
        ("- Kazakhstan agreed its first IPAP in 2006.\n", "en", {"IPAP": 2006}, [("IPAP", 2006)]),
        ("- Le Kazakhstan a conclu son premier IPAP en 2006.\n", "fr", {"IPAP": 2006}, [("IPAP", 2006)]),
        # "X, launched in YEAR" after "a": X's start.
        (
            "- A Trust Fund project, launched in 2011, destroyed old munitions.\n",
            "en",
            {"TRUST-FUND": 2011},
            [("TRUST-FUND", 2011)],
        ),
    ],
)
def test_participations_and_their_start_years(
    body: str, lang: str, years: dict[str, int], taken: list[tuple[str, int | None]]
) -> None:
    found_years, moved, found_taken = _read(body, lang)
    assert (found_years, moved, found_taken) == (years, set(), taken)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In 2023 Kazakhstan moved from its IPAP to an ITPP.", "en"),
        ("En 2023, le Kazakhstan est passé de son IPAP à un ITPP.", "fr"),
    ],
)
def test_a_move_to_a_newer_plan_dates_the_newer_plan(line: str, lang: str) -> None:
    # The older plan, with no start year of its own, is no participation: plans are not eligible.
    assert _read(f"- {line}\n", lang) == ({"ITPP": 2023}, {"ITPP"}, [("ITPP", 2023)])


def test_every_statement_of_a_start_is_restated() -> None:
    found = context("- Kazakhstan joined the PfP in 1995.\n- Kazakhstan has been in the PfP since 1995.\n")
    starts = facts_participation.participation_years(found)
    first, second = found.sentences[-2:]
    assert starts.since == {"PFP": (1995, first)}
    assert [(code, year, s.place) for code, year, s in starts.restated] == [
        ("PFP", 1995, first.place),
        ("PFP", 1995, second.place),
    ]


def test_hold_start_years_marks_only_the_years_a_participation_holds() -> None:
    found = context("- Kazakhstan joined the PfP in 1995.\n- A library opened in 2010.\n")
    first, second = found.sentences[-2:]
    held = [Participation(programme="PFP", since=1995, evidence=(first.evidence,))]
    facts_participation.hold_start_years(held, [("PFP", 1995, first), ("DEPOSITORY-LIBRARY", 2010, second)])
    assert (first.used_years, second.used_years) == ({1995}, set())


@pytest.mark.parametrize(
    ("low", "found"),
    [
        ("a trust fund project, launched in 2011, destroyed munitions.", [(2011, 34)]),
        ("un projet du fonds, lance en 2011, a detruit des munitions.", [(2011, 29)]),
        # "the", not "a": the project is no new one.
        ("the trust fund project, launched in 2011, destroyed munitions.", []),
        ("kazakhstan joined in 2011.", []),
    ],
)
def test_launched_after(low: str, found: list[tuple[int, int]]) -> None:
    assert facts_participation.launched_after(low) == found


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Allies launched for Kazakhstan a capacity-building programme in 2014.", "en", True),
        ("Les Alliés ont lancé pour le Kazakhstan un programme en 2014.", "fr", True),
        ("Allies launched a programme for Mongolia in 2014.", "en", False),  # another partner
        ("Kazakhstan launched a programme for Mongolia in 2014.", "en", False),
    ],
)
def test_for_partner(line: str, lang: str, expected: bool) -> None:
    found, s = sentence(line, lang)
    # where the partner is named "for", or None (round 16: the offset, to find its clause)
    assert (facts_participation.for_partner(found, s) is not None) is expected


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Kazakh troops served in ISAF.", "en", True),
        ("Kazakhstan took part in ISAF.", "en", True),
        ("Kazakh aircraft flew in ISAF.", "en", True),
        ("Le Kazakhstan a participé à la FIAS.", "fr", True),
        ("Kazakhstan did not send troops to ISAF.", "en", False),
        ("Kazakhstan allowed transit for ISAF through its territory.", "en", False),
        ("Kazakhstan hosted Allied aircraft for ISAF.", "en", False),
        ("Le Kazakhstan a autorisé le transit pour la FIAS.", "fr", False),
        # Taking part said with transit: support, not participation.
        ("Kazakhstan took part in ISAF by allowing transit through its territory.", "en", False),
        ("Le Kazakhstan a participé à la FIAS en autorisant le transit sur son territoire.", "fr", False),
    ],
)
def test_takes_part(line: str, lang: str, expected: bool) -> None:
    _, s = sentence(line, lang)
    assert facts_participation.takes_part(s) is expected


@pytest.mark.parametrize(
    ("line", "lang", "newer"),
    [
        ("In 2023 Kazakhstan moved from its IPAP to an ITPP.", "en", "ITPP"),
        ("An ITPP replaced its IPAP in 2023.", "en", "ITPP"),
        ("En 2023, le Kazakhstan est passé de son IPAP à un ITPP.", "fr", "ITPP"),
        ("Kazakhstan has an IPAP.", "en", None),
    ],
)
def test_moved_to(line: str, lang: str, newer: str | None) -> None:
    _, s = sentence(line, lang)
    plans = [m for m in s.mentions if m.kind == "programme"]
    assert facts_participation.moved_to(s, plans) == newer
    assert facts_participation.moved_to(s, []) is None


@pytest.mark.parametrize(
    ("line", "lang", "denied"),
    [
        (
            "Kazakhstan is not a member of the Partnership for Peace, but its officers attend PfP courses.",
            "en",
            {"PFP"},
        ),
        ("Le Kazakhstan n’est pas membre du Partenariat pour la paix.", "fr", {"PFP"}),
        ("Kazakhstan is a member of the Partnership for Peace.", "en", set()),
    ],
)
def test_membership_denied(line: str, lang: str, denied: set[str]) -> None:
    _, s = sentence(line, lang)
    assert facts_participation.membership_denied(s) == denied


@pytest.mark.parametrize(
    ("line", "lang", "aim", "focus"),
    [
        (
            "Kazakhstan takes part in the Science for Peace and Security Programme, which aims to strengthen "
            "border security.",
            "en",
            "strengthen border security",
            ["border-security"],
        ),
        (
            "Le Kazakhstan participe au programme pour la science au service de la paix et de la sécurité, qui "
            "vise à renforcer la sécurité des frontières.",
            "fr",
            "renforcer la sécurité des frontières",
            ["border-security"],
        ),
        # No topic outside the programme's name: the one inside it ("Science").
        ("Kazakhstan takes part in the Science for Peace and Security Programme.", "en", None, ["science"]),
    ],
)
def test_aim_and_focus(line: str, lang: str, aim: str | None, focus: list[str]) -> None:
    found, s = sentence(line, lang)
    said = facts_participation.aim(found, "SPS", [s])
    assert (None if said is None else said.en or said.fr) == aim
    assert facts_participation.focus("SPS", [s]) == focus


def test_an_aim_is_not_read_where_another_programme_is_named() -> None:
    found, s = sentence("Kazakhstan takes part in SPS and PARP, which aim to build its forces.")
    assert facts_participation.aim(found, "SPS", [s]) is None
