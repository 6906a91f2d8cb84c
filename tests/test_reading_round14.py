"""Round 14 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 13.

The sentences here are written for this file, in the project's own words, in English and French,
none of them a page's sentence. The expected facts were typed by hand from what each sentence says
under ``extraction-conventions.md``, before the rule was changed. A case is one short page: a title,
an opening sentence naming nothing, then the lines (several sentences of a line form one paragraph).
"""

import pytest
from _reading import events as _events
from _reading import lines as _relation
from _reading import since as _since
from _reading import start as _start

# --- A. a start said of the act the sentence before dates ("began with this step") ----------------------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Kazakhstan joined the Partnership for Peace (PfP) in December 1995. Both its political dialogue and its "
         "practical cooperation with the Alliance began with this step.", "en"),
        ("Le Kazakhstan a rejoint le Partenariat pour la paix (PPP) en décembre 1995. Son dialogue politique et sa "
         "coopération pratique avec l’Alliance ont débuté avec cette adhésion.", "fr"),
    ],
)  # fmt: skip
def test_a_start_with_the_step_just_named(body: str, lang: str) -> None:
    r = _relation(body, lang)
    assert _start(r.relations_since) == (1995, "PFP")
    assert _start(r.cooperation_since) == (1995, "PFP")
    assert _events(r) == []


def test_a_start_word_without_a_phrase_for_the_act_takes_no_year_from_before() -> None:
    r = _relation(
        "Kazakhstan joined the Partnership for Peace (PfP) in December 1995. Its dialogue with the Alliance began "
        "much earlier.",
        "en",
    )
    assert r.relations_since is None or r.relations_since.year != 1995


# --- B. "and this marked the start of both its dialogue and its cooperation" ------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("It joined the Partnership for Peace (PfP) in December 1995, and this marked the start of both its "
         "political dialogue and its practical cooperation with the Alliance.", "en"),
        ("Il a adhéré au Partenariat pour la paix (PPP) en décembre 1995, ce qui a marqué le début de son dialogue "
         "politique et de sa coopération pratique avec l’Alliance.", "fr"),
    ],
)  # fmt: skip
def test_this_marked_the_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (1995, "PFP")
    assert _start(r.cooperation_since) == (1995, "PFP")


# --- C. a pronoun subject goes on from the sentence before; "alors" names the way in ---------------------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("Les relations entre l’OTAN et le Kazakhstan se sont nouées dans les premiers mois de l’indépendance. "
         "Elles ont débuté en 1992, lorsque le pays a été admis au Conseil de coopération nord-atlantique (COCONA).",
         "fr"),
        ("Relations between NATO and Kazakhstan took shape in the first months of its independence. They began "
         "in 1992, when the country was admitted to the North Atlantic Cooperation Council (NACC).", "en"),
        ("Le dialogue entre l’OTAN et le Kazakhstan a débuté en 1992. Le pays siégeait alors comme observateur au "
         "Conseil de coopération nord-atlantique (COCONA), avant d’adhérer au Partenariat pour la paix en 1995.",
         "fr"),
    ],
)  # fmt: skip
def test_relations_go_on_into_the_next_sentence(body: str, lang: str) -> None:
    assert _start(_relation(body, lang).relations_since) == (1992, "NACC")


def test_a_pronoun_after_a_sentence_on_something_else_starts_nothing() -> None:
    r = _relation("Kazakhstan hosted a seminar on border security. It began in 1992 with a dozen experts.", "en")
    assert r.relations_since is None


# --- D. joining "the very year of its launch (1994)" ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Le pays a adhéré au Partenariat pour la paix (PPP) l’année même de son lancement (1994).", "fr"),
        ("The country joined the Partnership for Peace (PfP) in the very year of its launch (1994).", "en"),
    ],
)
def test_joining_in_the_year_of_the_launch(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.pfp_since == 1994
    assert _since(r) == {"PFP": 1994}


# --- E. an apposition ", adopté en 1995," describes the name before it -----------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("En 2014, le Kazakhstan est passé de son programme de partenariat individuel (IPP), adopté en 1995, à un "
         "programme individuel de partenariat et de coopération (IPCP), révisé tous les deux ans.", "fr"),
        ("In 2014, Kazakhstan moved from its Individual Partnership Programme (IPP), agreed in 1995, to an "
         "Individual Partnership and Cooperation Programme (IPCP), revised every two years.", "en"),
    ],
)  # fmt: skip
def test_a_participle_apposition_keeps_its_year(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPP": 1995, "IPCP": 2014}
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("IPCP", 2)


# --- F. a range whose end is said by a clause -------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "code", "start", "event"),
    [
        ("Two Kazakh staff officers served with the International Security Assistance Force (ISAF) from 2004 "
         "until the government withdrew them in 2008.", "en", "ISAF", 2004, "2004..2008"),
        ("Kazakh soldiers served with the Stabilisation Force (SFOR) from 1996 until the end of the operation in "
         "2004.", "en", "SFOR", 1996, "1996..2004"),
        ("Des soldats kazakhs ont servi dans la SFOR de 1996 jusqu’à la fin de l’opération en 2004.", "fr", "SFOR",
         1996, "1996..2004"),
        ("Kazakh units served in KFOR; from 2015 until the mission ended in 2021, Kazakh soldiers served in the "
         "Resolute Support Mission (RSM).", "en", "RSM", 2015, "2015..2021"),
    ],
)  # fmt: skip
def test_a_range_ended_by_a_clause(line: str, lang: str, code: str, start: int, event: str) -> None:
    r = _relation(line, lang)
    assert _since(r)[code] == start
    assert event in _events(r)


def test_until_a_year_without_a_start_is_no_range() -> None:
    r = _relation("Kazakh officers served with SFOR until the end of the operation in 2004.", "en")
    assert [e for e in _events(r) if ".." in e] == []
