"""Round 11 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 10.

The sentences here are written for this file, in the project's own words, in English and French,
none of them a page's sentence. The expected facts were typed by hand from what each sentence says
under ``extraction-conventions.md``, before the rule was changed. A case is one short page: a title,
an opening sentence naming nothing, then the lines (one bullet each, or several sentences in one).
"""

import pytest
from _reading import events as _events
from _reading import lines as _relation
from _reading import since as _since
from _reading import start as _start

# --- A. "renewed until 2021, when an ITPP took its place": the year ends one plan and starts the next ----


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "Kazakhstan’s first Individual Partnership and Cooperation Programme (IPCP), which it agreed with the "
            "Allies in 2014, was renewed every two years until 2021, when an Individually Tailored Partnership "
            "Programme (ITPP) took its place.",
            "en",
        ),
        (
            "Le premier programme individuel de partenariat et de coopération (IPCP) du Kazakhstan, qu’il a conclu "
            "avec les Alliés en 2014, a été renouvelé tous les deux ans jusqu’en 2021, lorsqu’un programme de "
            "partenariat individualisé (ITPP) a pris sa place.",
            "fr",
        ),
    ],
)
def test_a_plan_taking_the_place_of_another_starts_in_the_year_before(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPCP": 2014, "ITPP": 2021}
    assert r.plan is not None and r.plan.programme == "ITPP"
    assert _events(r) == []


def test_a_plan_renewed_until_a_year_with_no_successor_ends_there() -> None:
    r = _relation("Kazakhstan’s first IPCP, agreed in 2014, was renewed every two years until 2021.", "en")
    assert _since(r) == {"IPCP": 2014}


def test_a_relative_clause_describes_the_name_before_it_not_one_after() -> None:
    r = _relation(
        "Kazakhstan’s first IPCP, which it signed in 2014, was followed by an Individually Tailored Partnership "
        "Programme (ITPP).",
        "en",
    )
    assert _since(r).get("IPCP") == 2014
    assert _since(r).get("ITPP") is None


# --- B. a fronted year of a move, with the older plan's own year in a relative clause ----------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "In March 2007, Kazakhstan moved from the Individual Partnership Programme (IPP) it had followed since "
            "1997 to an Individual Partnership Action Plan (IPAP), which is reviewed every two years.",
            "en",
        ),
        (
            "En mars 2007, le Kazakhstan est passé du programme de partenariat individuel (IPP), qu’il suivait "
            "depuis 1997, à un plan d’action individuel pour le partenariat (IPAP), révisé tous les deux ans.",
            "fr",
        ),
    ],
)
def test_the_fronted_year_of_a_move_dates_the_newer_plan(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPP": 1997, "IPAP": 2007}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("IPAP", 2)
    assert _events(r) == []


# --- C. a package approved at the partner's request is set up for it ------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In October 2018, at Kazakhstan’s request, the Allies approved a package of support under the Defence "
         "and Related Security Capacity Building (DCB) Initiative.", "en"),
        ("En octobre 2018, à la demande du Kazakhstan, les Alliés ont approuvé un ensemble de mesures au titre de "
         "l’initiative DCB.", "fr"),
    ],
)  # fmt: skip
def test_a_package_approved_at_the_partner_s_request_dates_its_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"DCB": 2018}
    assert _events(r) == []


def test_a_request_of_another_country_is_not_this_partner_s() -> None:
    r = _relation(
        "In October 2018, at Uzbekistan’s request, the Allies approved a Defence and Related Security Capacity "
        "Building (DCB) package.",
        "en",
    )
    assert _since(r).get("DCB") is None


# --- D. a wish to join is no joining; "it joined in June 1994" joins the programme named before -----------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        (
            "Relations go back to May 1994, when Kazakhstan said it wished to join the Partnership for Peace (PfP). "
            "It joined in June 1994, and practical cooperation began within that framework.",
            "en",
        ),
        (
            "Les relations entre l’OTAN et le Kazakhstan remontent à mai 1994 : le pays a alors fait savoir qu’il "
            "souhaitait rejoindre le Partenariat pour la paix (PPP). Il y a adhéré en juin 1994, et c’est dans ce "
            "cadre qu’a débuté sa coopération pratique avec l’Alliance.",
            "fr",
        ),
    ],
)
def test_a_wish_to_join_then_a_joining_by_pronoun(body: str, lang: str) -> None:
    r = _relation(body, lang)
    assert _start(r.relations_since) == (1994, None)  # through no framework: the PfP was only wished for
    assert r.pfp_since == 1994
    assert _since(r) == {"PFP": 1994}
    assert _start(r.cooperation_since) == (1994, "PFP")


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In 2001 Kazakhstan applied to join the Partnership for Peace.", "en"),
        ("En 2001, le Kazakhstan a demandé à rejoindre le Partenariat pour la paix.", "fr"),
    ],
)
def test_applying_to_join_is_no_participation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert "PFP" not in _since(r)
    assert r.pfp_since is None
    assert "2001" in _events(r)


def test_a_pronoun_joining_needs_one_partnership_named_before() -> None:
    # the sentence before names no partnership: "it" stands for nothing the reader can place
    r = _relation("Kazakhstan hosted a seminar. It joined in June 1994.", "en")
    assert _since(r) == {}


# --- E. "ses premiers militaires": the partner's soldiers, in French as in English -------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Le Kazakhstan a envoyé en 2008 ses premiers militaires dans la Force internationale d’assistance à la "
         "sécurité (FIAS), puis, à partir de janvier 2015, dans la mission Resolute Support qui lui a succédé.", "fr"),
        ("Kazakhstan sent its first soldiers to the International Security Assistance Force (ISAF) in 2008 and, "
         "from January 2015, to the Resolute Support Mission that followed it.", "en"),
    ],
)  # fmt: skip
def test_soldiers_sent_to_two_operations_date_both(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"ISAF": 2008, "RSM": 2015}
    assert r.stance.contributes_forces is True


# --- F. a paragraph that opens on a pronoun goes on from the paragraph before it ---------------------------


@pytest.mark.parametrize(
    ("lines", "lang"),
    [
        (
            "Relations go back to May 1994, when Kazakhstan said it wished to join the Partnership for Peace.\n"
            "It joined in June 1994.",
            "en",
        ),
        (
            "Les relations remontent à mai 1994 : le Kazakhstan souhaitait alors rejoindre le Partenariat pour la "
            "paix.\nIl y a adhéré en juin 1994.",
            "fr",
        ),
    ],
)
def test_a_pronoun_paragraph_leans_on_the_one_before(lines: str, lang: str) -> None:
    r = _relation(lines, lang)
    assert _since(r) == {"PFP": 1994}


def test_a_paragraph_not_opening_on_a_pronoun_does_not_lean() -> None:
    r = _relation(
        "Relations go back to May 1994, when Kazakhstan said it wished to join the Partnership for Peace.\n"
        "Later that year the country joined in June 1994 an exercise.",
        "en",
    )
    assert _since(r) == {}
