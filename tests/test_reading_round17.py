"""Round 17 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 16.

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

# --- A. cooperation that "has developed under it ever since" ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan signed the Framework Document of the Partnership for Peace (PfP) in March 1994, and practical "
         "cooperation with the Allies has developed under it ever since.", "en"),
        ("Le Kazakhstan a signé le document cadre du Partenariat pour la paix (PPP) en mars 1994, et sa coopération "
         "pratique avec les Alliés s’est développée depuis lors.", "fr"),
    ],
)  # fmt: skip
def test_cooperation_developed_ever_since(line: str, lang: str) -> None:
    assert _start(_relation(line, lang).cooperation_since) == (1994, "PFP")


# --- B. support given to the partner, or asked for by its authorities, is set up for it ------------------


@pytest.mark.parametrize(
    ("line", "lang", "year"),
    [
        ("At the Wales Summit in September 2014, Allied leaders agreed to give Kazakhstan support through the "
         "Defence and Related Security Capacity Building (DCB) Initiative, and a package was put into practice "
         "from 2015.", "en", 2014),
        ("En juillet 2015, à la demande des autorités kazakhes, les Alliés ont approuvé un ensemble de mesures au "
         "titre de l’initiative DCB.", "fr", 2015),
        ("In July 2015, at the request of the Kazakh government, the Allies approved a Defence and Related Security "
         "Capacity Building (DCB) package.", "en", 2015),
    ],
)  # fmt: skip
def test_support_given_or_asked_for_dates_the_start(line: str, lang: str, year: int) -> None:
    assert _since(_relation(line, lang))["DCB"] == year


def test_support_given_to_another_country_starts_nothing() -> None:
    r = _relation(
        "In 2014 Allied leaders agreed to give Georgia support through the Defence and Related Security Capacity "
        "Building (DCB) Initiative.",
        "en",
    )
    assert _since(r).get("DCB") is None


# --- C. information passed to an operation, with the date or an adverb between ---------------------------


@pytest.mark.parametrize(
    ("line", "lang", "code", "year"),
    [
        ("Le Kazakhstan n’a jamais déployé d’unités dans une opération dirigée par l’OTAN ; il transmet cependant, "
         "depuis 2006, des informations sur le trafic maritime à l’opération Active Endeavour (OAE).", "fr", "OAE",
         2006),
        ("Depuis novembre 2016, la marine kazakhe partage aussi ses données sur le trafic avec l’opération Sea "
         "Guardian (OSG).", "fr", "OSG", 2016),
        ("Since 2016, the Kazakh navy has also shared its data on shipping with Operation Sea Guardian (OSG).", "en",
         "OSG", 2016),
    ],
)  # fmt: skip
def test_information_passed_to_an_operation_is_taking_part(line: str, lang: str, code: str, year: int) -> None:
    r = _relation(line, lang)
    assert _since(r) == {code: year}
    assert r.stance.contributes_forces is not True


# --- D. the forces of the country an operation helps are not the partner's units -------------------------


def test_the_host_country_s_forces_are_no_units_of_the_partner() -> None:
    r = _relation(
        "In July 2018, at the Brussels Summit, Kazakhstan’s Prime Minister met the leaders of the countries that "
        "support the Resolute Support Mission to discuss the future of the Afghan security forces.",
        "en",
    )
    assert _since(r) == {}
    assert r.stance.contributes_forces is None
    assert "2018-07" in _events(r)


def test_on_the_host_country_s_own_page_its_forces_are_its_own() -> None:
    r = _relation(
        "De 2003 à 2014, les forces de sécurité afghanes ont combattu aux côtés de la Force internationale "
        "d’assistance à la sécurité (FIAS).",
        "fr",
        "AFG",
    )
    assert _since(r).get("ISAF") == 2003
