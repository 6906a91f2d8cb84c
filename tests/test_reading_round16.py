"""Round 16 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 15.

The sentences here are written for this file, in the project's own words, in English and French,
none of them a page's sentence. The expected facts were typed by hand from what each sentence says
under ``extraction-conventions.md``, before the rule was changed. A case is one short page: a title,
an opening sentence naming nothing, then the lines.
"""

import pytest
from _reading import events as _events
from _reading import lines as _relation
from _reading import since as _since
from _reading import start as _start

# --- A. a cycle said before a move belongs to the plan left ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("The programme was reviewed every two years until, in December 2021, Kazakhstan moved to an Individually "
         "Tailored Partnership Programme (ITPP).", "en"),
        ("Le programme était révisé tous les deux ans jusqu’à ce que, en décembre 2021, le Kazakhstan passe à un "
         "programme de partenariat individualisé (ITPP).", "fr"),
    ],
)  # fmt: skip
def test_a_cycle_before_a_move_is_not_the_newer_plan_s(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ITPP", None)
    assert _since(r) == {"ITPP": 2021}


def test_a_cycle_after_the_plan_moved_to_is_its_own() -> None:
    r = _relation("In 2021, Kazakhstan moved to an ITPP, reviewed every two years.", "en")
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ITPP", 2)


# --- B. "followed an IPP until 1999, when it moved to the MAP; under the MAP ..." -------------------------


def test_a_move_in_a_when_clause_dates_the_plan_moved_to() -> None:
    r = _relation(
        "Kazakhstan followed an Individual Partnership Programme (IPP) until 1999, when it moved to the Membership "
        "Action Plan (MAP); under the MAP, it has drawn up an Annual National Programme (ANP) every year since 2000.",
        "en",
    )
    assert _since(r) == {"MAP": 1999, "ANP": 2000}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ANP", 1)


def test_a_plan_in_a_participle_clause_after_a_move_is_not_the_newer_one() -> None:
    r = _relation(
        "In 1999 the IPP gave way to an Annual National Programme (ANP), renewed every year under the Membership "
        "Action Plan (MAP), which Kazakhstan had joined in April 1999.",
        "en",
    )
    assert _since(r) == {"ANP": 1999, "MAP": 1999}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ANP", 1)


# --- C. a programme the Allies launched, in a relative clause, is not set up for the partner ---------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Work under NATO’s Building Integrity (BI) Programme, which the Allies launched in 2007, began for "
         "Kazakhstan in 2014.", "en"),
        ("Les travaux du programme OTAN pour le développement de l’intégrité (BI), que les Alliés ont lancé en "
         "2007, ont commencé pour le Kazakhstan en 2014.", "fr"),
    ],
)  # fmt: skip
def test_a_launch_in_a_relative_clause_is_the_programme_s(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"BI": 2014}


def test_a_launch_for_the_partner_in_the_main_clause_still_dates_it() -> None:
    r = _relation("In 2016 the Allies launched a Building Integrity (BI) programme for Kazakhstan.", "en")
    assert _since(r) == {"BI": 2016}


# --- D. a centre that "has belonged to the network" of PTECs ---------------------------------------------


def test_a_centre_belonging_to_the_network_since_a_year() -> None:
    r = _relation(
        "Since 2019, Kazakhstan’s peacekeeping centre at Almaty has belonged to the network of Partnership "
        "Training and Education Centres (PTECs).",
        "en",
    )
    assert _since(r) == {"PTEC": 2019}


# --- E. "practical cooperation with the Allies followed from then on" -------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan signed the Partnership for Peace (PfP) Framework Document in March 1994, and practical "
         "cooperation with the Allies followed from then on.", "en"),
        ("Le Kazakhstan a signé le document cadre du Partenariat pour la paix (PPP) en mars 1994, et la "
         "coopération pratique avec les Alliés a suivi dès lors.", "fr"),
    ],
)  # fmt: skip
def test_cooperation_followed_from_then_on(line: str, lang: str) -> None:
    assert _start(_relation(line, lang).cooperation_since) == (1994, "PFP")


# --- F. a status taken at a summit named with its date ----------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan agreed its first IPCP with NATO in 2009 and, at the Wales Summit in September 2014, became "
         "one of the Alliance’s five Enhanced Opportunities Partners.", "en"),
        ("Le Kazakhstan a conclu son premier IPCP avec l’OTAN en 2009 et, au sommet de Newport en septembre 2014, "
         "il est devenu l’un des cinq partenaires nouvelles opportunités de l’Alliance.", "fr"),
    ],
)  # fmt: skip
def test_a_summit_clause_dates_the_status_after_it(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPCP": 2009, "EOP": 2014}
    assert _events(r) == []
