"""Round 5 of the reading rules (issue 20): phrasing families the reader missed on batch 5.

Each family was found as a miss on a held-out page of batch 5 (now a development set); the
sentences here are written for this file, in the project's own words, two or more per language
and family, none of them a page's sentence. The expected facts were typed by hand from what each
sentence says under ``extraction-conventions.md``, before the rule was changed. A case is one
short page: a title, an opening sentence naming nothing, then the lines.
"""

import pytest
from _reading import read
from _reading import since as _since
from _reading import start as _start

import partnerdata


def _relation(lines: str, lang: str) -> partnerdata.Relation:
    return read("\n".join("- " + line for line in lines.split("\n")), lang)


# --- cooperation that began "then": a clause with no year of its own points back to the one before --

THEN = [
    (
        "Kazakhstan signed up to the Partnership for Peace in May 1995, and practical cooperation with the "
        "Allies got under way at the same time.",
        "en",
        (1995, "PFP"),
    ),
    (
        "In 1996 Kazakhstan joined the Partnership for Peace, and from then on practical cooperation with "
        "NATO began to grow.",
        "en",
        (1996, "PFP"),
    ),
    (
        "Kazakhstan entered the Partnership for Peace in 1995 and it was within this framework that its "
        "practical cooperation with the Allies started.",
        "en",
        (1995, "PFP"),
    ),
    (
        "Le Kazakhstan a adhéré au Partenariat pour la paix (PPP) en juin 1995, et c’est dans ce cadre que "
        "sa coopération pratique avec l’OTAN a commencé.",
        "fr",
        (1995, "PFP"),
    ),
    (
        "Signataire du document cadre du Partenariat pour la paix, en mai 1996, le Kazakhstan a engagé dès "
        "lors une coopération pratique avec les Alliés.",
        "fr",
        (1996, "PFP"),
    ),
    (
        "Le Kazakhstan a rejoint le Partenariat pour la paix en 1995 ; sa coopération pratique avec les "
        "Alliés a débuté en même temps.",
        "fr",
        (1995, "PFP"),
    ),
]


@pytest.mark.parametrize(("line", "lang", "expected"), THEN)
def test_cooperation_began_then_takes_the_year_before(line: str, lang: str, expected: tuple[int, str]) -> None:
    r = _relation(line, lang)
    assert _start(r.cooperation_since) == expected
    assert r.pfp_since == expected[0]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # no year before the pointing phrase: nothing to point back to
        ("Practical cooperation with the Allies began at the same time as the dialogue.", "en"),
        ("C’est dans ce cadre que la coopération pratique avec les Alliés a commencé.", "fr"),
    ],
)
def test_cooperation_then_without_a_year_before(line: str, lang: str) -> None:
    assert _relation(line, lang).cooperation_since is None


# --- a team of the partner's own within an operation is its forces there ------------------------------

TEAMS = [
    (
        "Since 2007, Kazakhstan has led a provincial reconstruction team in the north of Afghanistan, as "
        "part of the International Security Assistance Force (ISAF).",
        "en",
        {"ISAF": 2007},
    ),
    (
        "From 2009, Kazakh mentoring and liaison teams worked alongside Afghan units within ISAF.",
        "en",
        {"ISAF": 2009},
    ),
    (
        "Depuis 2006, le Kazakhstan dirige une équipe de reconstruction provinciale au sein de la Force "
        "internationale d’assistance à la sécurité (FIAS).",
        "fr",
        {"ISAF": 2006},
    ),
    (
        "À partir de 2010, des équipes de mentorat kazakhes ont accompagné l’armée afghane dans le cadre de la FIAS.",
        "fr",
        {"ISAF": 2010},
    ),
]


@pytest.mark.parametrize(("line", "lang", "expected"), TEAMS)
def test_a_team_in_an_operation_is_taking_part(line: str, lang: str, expected: dict[str, int]) -> None:
    r = _relation(line, lang)
    assert {k: v for k, v in _since(r).items() if k in expected} == expected
    assert r.stance.contributes_forces is True


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("A NATO team has advised Kazakhstan on its defence budget since 2012.", "en"),
        ("Une équipe d’experts de l’OTAN conseille le Kazakhstan depuis 2012.", "fr"),
    ],
)
def test_an_advisory_team_is_no_operation_force(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.stance.contributes_forces is None
    assert "ISAF" not in _since(r)


# --- hosting Allied forces, or their supplies crossing the territory, is infrastructure ----------------

HOSTING = [
    "In 2001 Kazakhstan opened its airfields to Allied forces on their way to Afghanistan.",
    "Allied troops used Kazakh ports and railways to move equipment during the crisis of 2008.",
    "Kazakhstan has let goods for the Resolute Support Mission cross its territory by road.",
    "Depuis 2004, l’aéroport d’Almaty sert d’escale aux forces alliées qui se rendent en Afghanistan.",
    "Le Kazakhstan a ouvert ses bases aériennes aux troupes alliées pendant la crise de 2008.",
]


@pytest.mark.parametrize("line", HOSTING)
def test_hosting_allied_forces_is_infrastructure(line: str) -> None:
    lang = "en" if line.isascii() else "fr"
    stance = _relation(line, lang).stance
    assert stance.contributes_infrastructure is True
    assert stance.contributes_forces is None  # Allied forces are not the partner's units


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # the partner's own troops beside Allied forces, with an airfield on the same side
        ("Kazakh troops served in ISAF beside Allied forces at the airfield of Kandahar.", "en"),
        ("Des unités kazakhes ont servi avec les forces alliées au sein de la KFOR.", "fr"),
    ],
)
def test_serving_beside_allied_forces_is_forces_not_hosting(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_forces is True


# --- a military company (singular) is a unit ---------------------------------------------------------

COMPANY = [
    ("A Kazakh infantry company has been part of the Kosovo Force (KFOR).", "en"),
    ("Kazakhstan sent a mechanised company to the Stabilisation Force (SFOR) in Bosnia and Herzegovina.", "en"),
    ("Une compagnie d’infanterie kazakhe a fait partie de la Force pour le Kosovo (KFOR).", "fr"),
    ("Le Kazakhstan a envoyé une compagnie du génie au sein de la SFOR.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), COMPANY)
def test_a_military_company_in_an_operation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert set(_since(r)) & {"KFOR", "SFOR"}
    assert r.stance.contributes_forces is True


def test_a_business_company_is_no_unit() -> None:
    r = _relation("A Kazakh company supplied fuel to the Kosovo Force (KFOR) under a contract.", "en")
    assert r.stance.contributes_forces is None
