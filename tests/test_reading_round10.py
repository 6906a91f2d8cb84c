"""Round 10 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 9.

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

# --- A. the two sides "have cooperated since YEAR": the start of relations, through no framework ---------


@pytest.mark.parametrize(
    ("line", "lang", "year"),
    [
        ("NATO and Kazakhstan have cooperated since 2003, when the country first sent officers over.", "en", 2003),
        ("Kazakhstan and the Alliance have worked together since 2006.", "en", 2006),
        ("Kazakhstan has cooperated with NATO since 2008.", "en", 2008),
        ("Le Kazakhstan et l’OTAN coopèrent depuis 2007, année où le pays a ouvert son espace aérien.", "fr", 2007),
        ("L’OTAN et le Kazakhstan travaillent ensemble depuis 2009.", "fr", 2009),
        ("Le Kazakhstan coopère avec l’Alliance depuis 2010.", "fr", 2010),
    ],
)  # fmt: skip
def test_cooperating_since_a_year_starts_relations(line: str, lang: str, year: int) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (year, None)
    assert r.cooperation_since is None  # practical cooperation through a partnership is not said
    assert str(year) not in _events(r)


@pytest.mark.parametrize(
    ("lines", "lang"),
    [
        (
            "Relations began in 1992, when Kazakhstan joined the North Atlantic Cooperation Council.\n"
            "NATO and Kazakhstan have cooperated since 2003 in the fight against terrorism.",
            "en",
        ),
        (
            "Les relations ont commencé en 1992, lorsque le Kazakhstan a rejoint le Conseil de coopération "
            "nord-atlantique.\nL’OTAN et le Kazakhstan coopèrent depuis 2003.",
            "fr",
        ),
    ],
)
def test_a_start_word_comes_before_cooperating_since(lines: str, lang: str) -> None:
    assert _start(_relation(lines, lang).relations_since) == (1992, "NACC")


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # cooperation of other parties, or of the partner with someone else, starts nothing with NATO
        ("Kazakh and Russian border guards have cooperated since 2003.", "en"),
        ("Kazakhstan has cooperated with the United Nations since 2003.", "en"),
        ("Le Kazakhstan coopère avec l’Union européenne depuis 2003.", "fr"),
        # a negation reaches the verb
        ("NATO and Kazakhstan have not cooperated since 2003.", "en"),
    ],
)
def test_cooperating_since_needs_nato_and_no_negation(line: str, lang: str) -> None:
    assert _relation(line, lang).relations_since is None


# --- B. a programme the Allies agreed for this partner: its year, not a later "since", is the start ------


@pytest.mark.parametrize(
    ("line", "lang", "year"),
    [
        (
            "In 2019, the Allies endorsed a package of Defence and Related Security Capacity Building (DCB) "
            "measures for Kazakhstan, which has been carried out since 2020.",
            "en",
            2019,
        ),
        (
            "En mai 2018, les Alliés ont approuvé pour le Kazakhstan un ensemble de mesures relevant de l’initiative "
            "DCB ; les premiers cours ont eu lieu à partir de janvier 2019.",
            "fr",
            2018,
        ),
        (
            "Les Alliés ont adopté en 2017 un ensemble de mesures DCB pour le Kazakhstan, mis en œuvre depuis 2018.",
            "fr",
            2017,
        ),
    ],
)
def test_a_package_agreed_for_the_partner_dates_its_start(line: str, lang: str, year: int) -> None:
    r = _relation(line, lang)
    assert _since(r).get("DCB") == year
    # the later year is a dated statement of its own (with its month where the sentence gives one)
    assert [e for e in _events(r) if e.startswith(str(year))] == []
    assert [e for e in _events(r) if e.startswith(str(year + 1))] != []


# --- C. "moved to an ITPP, which replaced the IPCP it had followed since YEAR" --------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "In 2022, Kazakhstan moved to an Individually Tailored Partnership Programme (ITPP), which replaced the "
            "Individual Partnership and Cooperation Programme (IPCP) it had followed since 2013.",
            "en",
        ),
        (
            "In 2022, Kazakhstan moved to an Individually Tailored Partnership Programme, which took the place of "
            "the Individual Partnership and Cooperation Programme it had used since 2013.",
            "en",
        ),
        (
            "En 2022, le Kazakhstan est passé à un programme de partenariat individualisé (ITPP), qui a remplacé le "
            "programme individuel de partenariat et de coopération (IPCP) qu’il suivait depuis 2013.",
            "fr",
        ),
        (
            "En 2022, le Kazakhstan est passé à un programme de partenariat individualisé, qui a pris la place du "
            "programme individuel de partenariat et de coopération qu’il suivait depuis 2013.",
            "fr",
        ),
    ],
)
def test_the_plan_moved_to_is_in_force_and_the_older_keeps_its_year(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"ITPP": 2022, "IPCP": 2013}
    assert r.plan is not None and r.plan.programme == "ITPP"
    assert _events(r) == []


def test_moving_from_one_plan_to_another_still_reads_the_last_as_newer() -> None:
    r = _relation("In 2022, Kazakhstan moved from its Individual Partnership Action Plan to an ITPP.", "en")
    assert r.plan is not None and r.plan.programme == "ITPP"
    assert _since(r).get("ITPP") == 2022


# --- D. the partner's first contribution to a programme is its start in it -------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In 2015, Kazakhstan made its first contribution to a NATO Trust Fund project.", "en"),
        ("Kazakhstan made its first contributions to the Partnership Trust Fund in 2015.", "en"),
        ("En 2015, le Kazakhstan a versé sa première contribution à un projet du fonds d’affectation spéciale.", "fr"),
    ],
)
def test_a_first_contribution_dates_the_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r).get("TRUST-FUND") == 2015
    assert "2015" not in _events(r)


def test_a_contribution_that_is_not_the_first_starts_nothing() -> None:
    r = _relation("In 2015, Kazakhstan made a further contribution to a NATO Trust Fund project.", "en")
    assert _since(r).get("TRUST-FUND") is None
    assert "2015" in _events(r)


# --- E. a centre the partner's people attend "since YEAR": its start there --------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "Kuwait does not belong to the Partnership for Peace; however, its officers have trained at Partnership "
            "Training and Education Centres (PTEC) since 2017.",
            "en",
        ),
        (
            "Kuwait is not a member of the Partnership for Peace; however, since 2017 its officers have attended "
            "courses at Partnership Training and Education Centres (PTEC).",
            "en",
        ),
        (
            "Le Koweït n’est pas membre du Partenariat pour la paix ; toutefois, depuis 2017, ses officiers suivent "
            "des cours dans les PTEC.",
            "fr",
        ),
    ],
)
def test_a_centre_attended_since_a_year_dates_the_start(line: str, lang: str) -> None:
    r = _relation(line, lang, "KWT")
    assert _since(r) == {"PTEC": 2017}
    assert "2017" not in _events(r)


def test_a_year_of_another_clause_does_not_date_the_centre() -> None:
    r = _relation("In 2017 Kuwait opened a regional centre, and its officers attend courses at PTEC.", "en", "KWT")
    assert _since(r).get("PTEC") is None


# --- F. "but it did not take part in it": the operation named before is denied ---------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kuwaiti officers observed the planning of Operation Unified Protector in 2011, but Kuwait did not take "
         "part in it.", "en"),
        ("Kuwait followed Operation Unified Protector closely in 2011 but never took part in it.", "en"),
        ("Des officiers koweïtiens ont suivi en 2011 la préparation de l’opération Unified Protector en tant "
         "qu’observateurs, mais le Koweït n’y a pas pris part.", "fr"),
    ],
)  # fmt: skip
def test_an_operation_denied_by_a_pronoun_is_no_participation(line: str, lang: str) -> None:
    r = _relation(line, lang, "KWT")
    assert "OUP" not in _since(r)
    assert r.stance.contributes_forces is not True
    assert "2011" in _events(r)  # the observers' year is a dated statement


def test_a_pronoun_denial_reaches_only_the_operation_before_it() -> None:
    r = _relation(
        "Kuwaiti pilots flew in Operation Unified Protector in 2011; Kuwait took part in it from the start.",
        "en",
        "KWT",
    )
    assert _since(r).get("OUP") == 2011


# --- G. "cooperation" inside a plan's name, beside a launch word, starts no practical cooperation -------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "En mars 2013, le Kazakhstan a signé un programme individuel de partenariat et de coopération (IPCP), "
            "puis, en 2014, il a rejoint l’Initiative pour l’interopérabilité avec les partenaires (PII) dès son "
            "lancement.",
            "fr",
        ),
        (
            "In March 2013 Kazakhstan signed an Individual Partnership and Cooperation Programme (IPCP) and, in 2014, "
            "joined the Partnership Interoperability Initiative (PII) when it was launched.",
            "en",
        ),
    ],
)
def test_cooperation_in_a_name_starts_no_cooperation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.cooperation_since is None
    assert _since(r) == {"IPCP": 2013, "PII": 2014}


def test_cooperation_outside_a_name_still_starts() -> None:
    r = _relation("Practical cooperation was launched in 1995, when Kazakhstan joined the Partnership for Peace.", "en")
    assert _start(r.cooperation_since) == (1995, "PFP")


# --- H. joining a programme "when it was launched": the year is the partner's start too --------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan joined the Partnership Interoperability Initiative (PII) in 2014, when it was launched.", "en"),
        ("In 2014, Kazakhstan joined the Partnership Interoperability Initiative when it was launched.", "en"),
        ("En 2014, le Kazakhstan a rejoint l’Initiative pour l’interopérabilité avec les partenaires lors de son "
         "lancement.", "fr"),
    ],
)  # fmt: skip
def test_joining_at_the_launch_dates_the_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"PII": 2014}
    assert "2014" not in _events(r)


def test_a_launch_year_said_apart_from_the_joining_is_still_the_framework_s() -> None:
    r = _relation("Kazakhstan joined the Partnership Interoperability Initiative, launched in 2014.", "en")
    assert _since(r).get("PII") is None


# The families below were found on real NATO pages kept outside the repository (sets 1-3, scored
# blind at earlier rounds); the sentences are ours.

# --- I. the Intensified Dialogue on membership is a stage, not the start of relations ------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan has taken part in an Intensified Dialogue with NATO on its membership hopes since 2009.", "en"),
        ("Le Kazakhstan mène depuis 2009 un dialogue intensifié avec l’OTAN sur ses aspirations à l’adhésion.", "fr"),
    ],
)
def test_the_intensified_dialogue_starts_no_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.relations_since is None
    assert "2009" in _events(r)


def test_a_plain_dialogue_since_a_year_still_starts_relations() -> None:
    r = _relation("Kazakhstan has been in dialogue with NATO since 1992.", "en")
    assert _start(r.relations_since) == (1992, None)


# --- J. a plan brought in "through an IPAP", "dans le cadre d'un IPAP": dated by its clause --------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In March 2016, Kazakhstan chose to deepen its cooperation with NATO through an Individual Partnership "
         "Action Plan (IPAP).", "en"),
        ("En mars 2016, le Kazakhstan a choisi d’approfondir sa coopération avec l’OTAN dans le cadre d’un plan "
         "d’action individuel pour le partenariat (IPAP).", "fr"),
    ],
)  # fmt: skip
def test_a_plan_brought_in_with_an_indefinite_article_is_dated(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"IPAP": 2016}
    assert r.plan is not None and r.plan.programme == "IPAP"
    assert _events(r) == []


def test_a_plan_said_with_its_definite_article_is_not_dated_by_a_nearby_year() -> None:
    r = _relation("In March 2016, Kazakhstan hosted a seminar on the reforms of the IPAP.", "en")
    assert _since(r).get("IPAP") is None


# --- K. an invitation's year is the start only where the page gives no other ---------------------------


def test_an_invitation_gives_way_to_the_first_cycle() -> None:
    r = _relation(
        "Kazakhstan was invited to join the Membership Action Plan (MAP) in December 2011.\n"
        "Kazakhstan started its first MAP cycle in the autumn of 2012 with the submission of its first Annual "
        "National Programme (ANP).",
        "en",
    )
    assert _since(r) == {"MAP": 2012, "ANP": 2012}
    assert "2011-12" in _events(r)  # the invitation is a dated statement of its own


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan was invited to join the Membership Action Plan (MAP) in December 2011.", "en"),
        ("En décembre 2011, le Kazakhstan a été invité à rejoindre le plan d’action pour l’adhésion (MAP).", "fr"),
    ],
)
def test_an_invitation_alone_dates_the_start(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"MAP": 2011}


# --- L. "the PfP framework, which it joined in 1995": a head noun between the name and "which" ----------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Relations with Kazakhstan are best seen through the Partnership for Peace framework, which it joined in "
         "1995.", "en"),
        ("Kazakhstan works within the Partnership for Peace programme, which Kazakhstan joined in 1995.", "en"),
    ],
)  # fmt: skip
def test_a_relative_clause_after_a_head_noun_dates_the_name(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"PFP": 1995}
    assert r.pfp_since == 1995
    assert "1995" not in _events(r)


def test_a_relative_clause_after_another_noun_does_not_date_the_name() -> None:
    r = _relation("Kazakhstan hosted a Partnership for Peace exercise, which it planned in 1995.", "en")
    assert _since(r).get("PFP") is None


# --- M. "the beginning of an even closer partnership" is no start ---------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("In May 2021, Kazakhstan and NATO agreed a new framework for cooperation, the start of an even closer "
         "partnership.", "en"),
        ("En mai 2021, le Kazakhstan et l’OTAN ont adopté un nouveau cadre de coopération, début d’une nouvelle étape "
         "du partenariat.", "fr"),
    ],
)  # fmt: skip
def test_the_start_of_a_closer_partnership_starts_no_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.relations_since is None
    assert "2021-05" in _events(r)
