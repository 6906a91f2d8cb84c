"""Round 18 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 17,
and years given relative to another (several batches held them).

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

# --- A. the two sides "have held regular talks since YEAR" ----------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("NATO and Kazakhstan have held regular political talks since 2005, when its Foreign Minister first met "
         "the North Atlantic Council.", "en"),
        ("L’OTAN et le Kazakhstan entretiennent un dialogue politique régulier depuis 2005.", "fr"),
    ],
)  # fmt: skip
def test_talks_held_since_a_year_start_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (2005, None)
    assert _events(r) == []


def test_talks_with_someone_else_start_nothing() -> None:
    assert _relation("Kazakhstan and Uzbekistan have held regular talks since 2005.", "en").relations_since is None


# --- B. a relative clause on a project of the programme dates it -------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "code", "year"),
    [
        ("Kazakh scientists worked with Allied colleagues on a Science for Peace and Security (SPS) project on the "
         "detection of improvised explosive devices, which ran from 2009 to 2011.", "en", "SPS", 2009),
        ("A NATO Partnership Trust Fund project, which Kazakhstan joined in 2012, has helped clear mines.", "en",
         "TRUST-FUND", 2012),
        ("Un projet du fonds d’affectation spéciale, que le Kazakhstan a rejoint en 2012, a permis de déminer.",
         "fr", "TRUST-FUND", 2012),
    ],
)  # fmt: skip
def test_a_relative_clause_on_a_project_dates_the_programme(line: str, lang: str, code: str, year: int) -> None:
    assert _since(_relation(line, lang)) == {code: year}


# --- C. "the Individual Cooperation Programme it had followed since 2007" starts no cooperation ---------


def test_cooperation_in_a_name_outside_the_vocabulary_starts_nothing() -> None:
    r = _relation(
        "In 2014, Kazakhstan agreed an Individual Partnership and Cooperation Programme (IPCP) with the Allies, which "
        "took the place of the Individual Cooperation Programme it had followed since 2007.",
        "en",
    )
    assert r.cooperation_since is None
    assert _since(r) == {"IPCP": 2014}
    assert "2007" in _events(r)  # a programme outside the vocabulary: a dated statement


# --- D. "a laissé place à" -------------------------------------------------------------------------------


def test_a_plan_that_left_its_place_to_another() -> None:
    r = _relation(
        "Depuis 2013, la coopération s’inscrit dans un programme individuel de partenariat et de coopération "
        "(IPCP) ; en 2023, ce programme a laissé place à un programme de partenariat individualisé (ITPP).",
        "fr",
    )
    assert _since(r) == {"IPCP": 2013, "ITPP": 2023}
    assert r.plan is not None and r.plan.programme == "ITPP"


# --- E. a year given relative to the one before it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "since"),
    [
        ("Kazakhstan entered the PfP Planning and Review Process (PARP) in 1995 and agreed its first Individual "
         "Partnership Programme (IPP) a year later.", "en", {"PARP": 1995, "IPP": 1996}),
        ("Kazakhstan joined the Partnership Interoperability Initiative (PII) in 2014 and became an Enhanced "
         "Opportunities Partner the same year.", "en", {"PII": 2014, "EOP": 2014}),
        ("Le Kazakhstan a rejoint l’Initiative pour l’interopérabilité avec les partenaires (PII) en 2014 et, "
         "l’année suivante, il est devenu membre du processus de planification et d’examen du PPP (PARP).", "fr",
         {"PII": 2014, "PARP": 2015}),
        ("Le Kazakhstan a rejoint le PARP en 1995 ; deux ans plus tard, il a adopté son premier programme de "
         "partenariat individuel (IPP).", "fr", {"PARP": 1995, "IPP": 1997}),
    ],
)  # fmt: skip
def test_a_year_relative_to_the_one_before(line: str, lang: str, since: dict[str, int]) -> None:
    r = _relation(line, lang)
    assert _since(r) == since
    assert _events(r) == []


def test_a_relative_year_with_no_year_before_dates_nothing() -> None:
    r = _relation("A year later, Kazakhstan agreed its first Individual Partnership Programme (IPP).", "en")
    assert _since(r) == {}
