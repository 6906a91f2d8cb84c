"""Round 13 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 12
and on a fourth set of real NATO pages kept outside the repository (their sentences never enter it).

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

# --- A. practical cooperation dated by the joining just named ------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan joined the Partnership for Peace (PfP) in June 1995, and it was from that date that practical "
         "cooperation with the Allies grew.", "en"),
        ("Le Kazakhstan a rejoint le Partenariat pour la paix (PPP) en juin 1995, et c’est à partir de cette date "
         "que la coopération pratique avec les Alliés s’est développée.", "fr"),
        ("Kazakhstan’s relations with NATO began in June 1995, when it joined the Partnership for Peace (PfP); this "
         "step also opened the way to practical cooperation with the Allies.", "en"),
        ("Les relations du Kazakhstan avec l’OTAN ont débuté en juin 1995, lorsqu’il a rejoint le Partenariat pour "
         "la paix (PPP) ; cette étape a aussi ouvert la voie à la coopération pratique avec les Alliés.", "fr"),
    ],
)  # fmt: skip
def test_cooperation_dated_by_the_joining_just_named(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.cooperation_since) == (1995, "PFP")
    assert r.pfp_since == 1995


def test_a_cleft_about_something_else_dates_no_cooperation() -> None:
    r = _relation(
        "Kazakhstan joined the Partnership for Peace (PfP) in June 1995, and it was from that date that its "
        "officers went to NATO courses.",
        "en",
    )
    assert r.cooperation_since is None


# --- B. "a remplacé l'IPP qu'il suivait depuis 2003 par un IPCP": the older plan keeps its year ----------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("En 2011, le Kazakhstan a remplacé le programme de partenariat individuel (IPP) qu’il suivait depuis 2003 "
         "par un programme individuel de partenariat et de coopération (IPCP), révisé tous les deux ans.", "fr"),
        ("In 2011, Kazakhstan replaced the Individual Partnership Programme (IPP) it had followed since 2003 with an "
         "Individual Partnership and Cooperation Programme (IPCP), revised every two years.", "en"),
    ],
)  # fmt: skip
def test_a_replacement_keeps_the_older_plan_s_year(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPP": 2003, "IPCP": 2011}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("IPCP", 2)


def test_a_year_inside_the_replacing_words_still_dates_the_newer_plan() -> None:
    r = _relation("The Individual Partnership Programme was replaced in 2011 by an IPCP.", "en")
    assert _since(r).get("IPCP") == 2011


# --- C. a programme the Allies adopted in its founding year: the programme's date, not the partner's ------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan takes part in the Partnership Action Plan against Terrorism (PAP-T), which the Allies adopted "
         "in 2002.", "en"),
        ("Le Kazakhstan s’est associé au plan d’action du Partenariat contre le terrorisme (PAP-T), que les Alliés "
         "et leurs partenaires ont adopté en 2002.", "fr"),
    ],
)  # fmt: skip
def test_a_programme_adopted_by_the_allies_in_its_founding_year_dates_no_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"PAP-T": None}
    assert "2002" not in _events(r)


# --- D. ships that only share information are no units given ------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Le Kazakhstan ne met pas d’unités à la disposition des opérations dirigées par l’OTAN ; en revanche, ses "
         "patrouilleurs échangent depuis 2010 des informations avec l’opération Active Endeavour.", "fr"),
        ("Kazakhstan makes no units available to NATO-led operations; its patrol boats have, however, shared "
         "information with Operation Active Endeavour since 2010.", "en"),
    ],
)  # fmt: skip
def test_ships_sharing_information_are_no_forces(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_forces is False


def test_ships_sent_to_an_operation_are_forces() -> None:
    r = _relation("Since 2010, Kazakh ships have sailed with Operation Active Endeavour.", "en")
    assert r.stance.contributes_forces is True


# --- E. the plan started last is the plan in force, even against an older plan with a cycle -------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Le Kazakhstan a conclu en 2012 son premier programme individuel de partenariat et de coopération (IPCP), "
         "révisé tous les deux ans ; depuis mars 2023, sa coopération avec l’Alliance relève d’un programme de "
         "partenariat individualisé (ITPP).", "fr"),
        ("Kazakhstan agreed its first Individual Partnership and Cooperation Programme (IPCP) in 2012, revised every "
         "two years; since March 2023, its cooperation with the Alliance has come under an Individually Tailored "
         "Partnership Programme (ITPP).", "en"),
    ],
)  # fmt: skip
def test_the_plan_started_last_is_in_force(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPCP": 2012, "ITPP": 2023}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ITPP", None)


# --- F. "initiatives" is no start word --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("The country joined the PfP Planning and Review Process (PARP) in 2007 to work with the Allies on "
         "defence planning initiatives and Partnership Goals.", "en"),
        ("Le pays a rejoint le processus de planification et d’examen du PPP (PARP) en 2007 pour travailler avec "
         "les Alliés à des initiatives de planification et à des objectifs du partenariat.", "fr"),
    ],
)  # fmt: skip
def test_initiatives_start_no_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.relations_since is None
    assert _since(r) == {"PARP": 2007}


def test_relations_initiated_in_a_year_still_start() -> None:
    assert _start(_relation("Relations were initiated in 1992.", "en").relations_since) == (1992, None)


# --- G. a plan "jointly agreed each year" has a yearly cycle ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("NATO and Kazakhstan cooperate through an Individual Partnership Programme (IPP), which is jointly agreed "
         "each year.", "en"),
        ("L’OTAN et le Kazakhstan coopèrent au moyen d’un programme de partenariat individuel (IPP), arrêté "
         "conjointement tous les ans.", "fr"),
    ],
)  # fmt: skip
def test_a_plan_agreed_each_year_has_a_yearly_cycle(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("IPP", 1)


# --- H. a partner that "actively supported" an operation took part in it -------------------------------


def test_actively_supporting_an_operation_from_a_year_is_taking_part() -> None:
    r = _relation(
        "Kazakhstan actively supported the NATO-led International Security Assistance Force (ISAF) from 2004 to "
        "the end of the operation in 2014.",
        "en",
    )
    assert _since(r) == {"ISAF": 2004}


def test_supporting_an_operation_by_transit_is_infrastructure() -> None:
    r = _relation(
        "Kazakhstan actively supported the International Security Assistance Force (ISAF) from 2004 by letting "
        "its supplies transit by rail.",
        "en",
    )
    assert "ISAF" not in _since(r)
    assert r.stance.contributes_infrastructure is True
