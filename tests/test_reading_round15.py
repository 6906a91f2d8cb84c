"""Round 15 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 14.

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

# --- A. the Annual National Programme brought in by a verb, or by a move, under the MAP -------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan submitted its first Annual National Programme (ANP) under the MAP in October 1999, and a new "
         "ANP was drawn up every year.", "en"),
        ("In 1999 the IPP gave way to an Annual National Programme (ANP), which Kazakhstan draws up every year under "
         "the Membership Action Plan (MAP).", "en"),
        ("En 1999, le Kazakhstan a présenté son premier programme national annuel (ANP) au titre du MAP.", "fr"),
    ],
)  # fmt: skip
def test_the_first_anp_is_dated_and_is_the_plan(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r)["ANP"] == 1999
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ANP", 1)


# --- B. "X and Y both date from 1995" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Its first Individual Partnership Programme (IPP) and its entry into the PfP Planning and Review Process "
         "(PARP) both date from 1996.", "en"),
        ("Son premier programme de partenariat individuel (IPP) et son entrée dans le processus de planification "
         "et d’examen du PPP (PARP) datent tous deux de 1996.", "fr"),
    ],
)  # fmt: skip
def test_both_date_from_one_year(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"IPP": 1996, "PARP": 1996}


def test_both_with_one_name_dates_only_it() -> None:
    r = _relation("Kazakhstan and Kyrgyzstan both joined the Partnership for Peace (PfP) in 1994.", "en")
    assert _since(r) == {"PFP": 1994}


# --- C. a start word, then a colon and the dated clause ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan’s contacts with NATO began soon after the country became independent: in December 1991 it was "
         "represented at the first meeting of the North Atlantic Cooperation Council (NACC).", "en"),
        ("Les contacts du Kazakhstan avec l’OTAN ont commencé peu après son indépendance : en décembre 1991, il "
         "était représenté à la première réunion du Conseil de coopération nord-atlantique (COCONA).", "fr"),
    ],
)  # fmt: skip
def test_a_start_dated_after_a_colon(line: str, lang: str) -> None:
    assert _start(_relation(line, lang).relations_since) == (1991, "NACC")


# --- D. cooperation "ever since" the joining, or begun with a joining dated in a relative clause ----------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan signed the Partnership for Peace (PfP) Framework Document on 27 May 1994 and has cooperated "
         "with the Allies in practice ever since.", "en"),
        ("La coopération pratique a commencé avec l’adhésion du pays au Partenariat pour la paix (PPP), dont il a "
         "signé le document cadre le 27 mai 1994.", "fr"),
    ],
)  # fmt: skip
def test_cooperation_since_the_joining(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.cooperation_since) == (1994, "PFP")
    assert r.pfp_since == 1994


def test_cooperating_ever_since_with_nothing_dated_before_starts_nothing() -> None:
    r = _relation("Kazakhstan has cooperated with the Allies ever since, and in 2010 it hosted a seminar.", "en")
    assert r.cooperation_since is None


# --- E. "which dates from 1958": the programme's own start, not the partner's ---------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakh scientists took part in NATO’s science programme, which dates from 1958, from 1993 to 1998.", "en"),
        ("Des scientifiques kazakhs ont participé de 1993 à 1998 au programme scientifique de l’OTAN, qui date de "
         "1958.", "fr"),
    ],
)  # fmt: skip
def test_a_programme_s_own_date_is_not_the_partner_s_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"SPS": 1993}
    assert "1993..1998" in _events(r)
