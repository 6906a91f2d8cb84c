"""Round 12 of the reading rules (issue 20): phrasing families the reader missed on held-out batch 11.

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

# --- A. a framework named after a semicolon is another statement, not the way relations began ---------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Les relations entre l’OTAN et le Kazakhstan remontent à 2004, année où les deux parties ont engagé un "
         "dialogue régulier ; le Kazakhstan compte parmi les partenaires dans le monde.", "fr"),
        ("Relations between NATO and Kazakhstan go back to 2004, when the two sides began a regular dialogue; "
         "Kazakhstan is one of the partners across the globe.", "en"),
    ],
)  # fmt: skip
def test_a_framework_after_a_semicolon_is_no_way_in(line: str, lang: str) -> None:
    assert _start(_relation(line, lang).relations_since) == (2004, None)


def test_a_framework_in_the_start_s_own_clause_is_still_the_way_in() -> None:
    r = _relation("Relations go back to 2004, when Kazakhstan became one of the partners across the globe.", "en")
    assert _start(r.relations_since) == (2004, "PATG")


# --- B. a fronted range dates the operation; a relative clause after it ("within which") keeps its year ----


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("De 2004 à 2013, le Kazakhstan a participé à la Force internationale d’assistance à la sécurité (FIAS), "
         "au sein de laquelle il a dirigé une équipe de reconstruction provinciale à partir de 2007.", "fr"),
        ("From 2004 to 2013, Kazakhstan took part in the International Security Assistance Force (ISAF), within "
         "which it led a provincial reconstruction team from 2007.", "en"),
    ],
)  # fmt: skip
def test_a_fronted_range_dates_the_operation_before_a_relative_clause(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"ISAF": 2004}
    assert "2004..2013" in _events(r)


# --- C. the joining "also marked the start of its practical cooperation" --------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan first engaged in relations with NATO in May 1995, when it joined the Partnership for Peace "
         "(PfP), a step that also marked the start of its practical cooperation with the Allies.", "en"),
        ("Les relations du Kazakhstan avec l’Alliance ont débuté en mai 1995, lorsqu’il a adhéré au Partenariat "
         "pour la paix (PPP) ; c’est aussi de cette adhésion que date sa coopération pratique avec les Alliés.", "fr"),
    ],
)  # fmt: skip
def test_a_joining_renamed_as_the_start_of_cooperation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (1995, "PFP")
    assert _start(r.cooperation_since) == (1995, "PFP")


# --- D. cooperation that "followed an IPCP" was guided by it: no start of cooperation -------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("From March 2013, practical cooperation followed an Individual Partnership and Cooperation Programme "
         "(IPCP); in 2022 the two sides moved to an Individually Tailored Partnership Programme (ITPP).", "en"),
        ("À partir de mars 2013, la coopération pratique a suivi un programme individuel de partenariat et de "
         "coopération (IPCP) ; en 2022, les deux parties sont passées à un programme de partenariat "
         "individualisé (ITPP).", "fr"),
    ],
)  # fmt: skip
def test_cooperation_following_a_plan_starts_nothing(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.cooperation_since is None
    assert _since(r) == {"IPCP": 2013, "ITPP": 2022}


def test_cooperation_following_a_few_years_later_still_starts() -> None:
    r = _relation(
        "Practical cooperation followed a few years later: in 1996, Kazakhstan joined the Partnership for Peace.",
        "en",
    )
    assert _start(r.cooperation_since) == (1996, "PFP")


# --- E. a programme's own origins are no start of the partner's -----------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakh scientists take part in the Science for Peace and Security (SPS) Programme, whose origins go back "
         "to 1958.", "en"),
        ("Des scientifiques kazakhs participent au programme pour la science au service de la paix et de la "
         "sécurité (SPS), dont les origines remontent à 1958.", "fr"),
    ],
)  # fmt: skip
def test_a_programme_s_origins_date_no_participation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"SPS": None}


# --- F. "the year it also entered the PARP": one year, two programmes ---------------------------------------


def test_the_year_renamed_dates_the_second_programme() -> None:
    r = _relation(
        "Its first Individual Partnership Programme (IPP) was agreed in 1997, the year it also entered the PfP "
        "Planning and Review Process (PARP).",
        "en",
    )
    assert _since(r) == {"IPP": 1997, "PARP": 1997}
    assert _events(r) == []


def test_a_year_renamed_without_a_joining_dates_nothing_else() -> None:
    r = _relation(
        "Its first Individual Partnership Programme (IPP) was agreed in 1997, the year the PfP Planning and "
        "Review Process (PARP) was reviewed.",
        "en",
    )
    assert _since(r).get("PARP") is None


# --- G. training centres its officers attend, whatever the courses are called --------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Des officiers kazakhs suivent des cours d’anglais et des stages consacrés à la lutte contre le "
         "terrorisme dans des centres de formation et d’entraînement du Partenariat (PTEC).", "fr"),
        ("Des officiers kazakhs suivent des stages dans les PTEC.", "fr"),
        ("Kazakh officers attend courses in English and on counter-terrorism at Partnership Training and "
         "Education Centres (PTEC).", "en"),
    ],
)  # fmt: skip
def test_a_centre_its_officers_attend_is_a_participation(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"PTEC": None}


def test_a_centre_named_without_attending_is_none() -> None:
    assert _since(_relation("NATO supports the Partnership Training and Education Centres (PTEC).", "en")) == {}


# The families below were found on real NATO pages kept outside the repository (sets 1-3); the
# sentences are ours.

# --- H. the Annual National Programme: the plan under the MAP, yearly by its name -------------------------


@pytest.mark.parametrize(
    ("line", "lang", "since"),
    [
        ("Kazakhstan began its first MAP cycle in 2012 with the submission of its first Annual National Programme "
         "(ANP).", "en", {"MAP": 2012, "ANP": 2012}),
        ("En 1999, le Kazakhstan a adhéré au plan d’action pour l’adhésion (MAP), dans le cadre duquel il inscrit "
         "ses réformes dans un programme national annuel.", "fr", {"MAP": 1999}),
    ],
)  # fmt: skip
def test_the_annual_national_programme_is_the_plan_with_a_yearly_cycle(
    line: str, lang: str, since: dict[str, int]
) -> None:
    r = _relation(line, lang)
    assert _since(r) == since
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("ANP", 1)


def test_the_map_alone_is_the_plan_with_no_cycle() -> None:
    r = _relation("Kazakhstan joined the Membership Action Plan (MAP) in 1999.", "en")
    assert r.plan is not None and (r.plan.programme, r.plan.cycle_years) == ("MAP", None)


# --- I. dialogue and cooperation starting with two frameworks, each dated in brackets -------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Dialogue and cooperation started after the Cold War, when Kazakhstan joined the North Atlantic "
         "Cooperation Council (1992) and the Partnership for Peace (1994).", "en"),
        ("Le dialogue et la coopération ont débuté après la guerre froide, lorsque le Kazakhstan est devenu membre "
         "du Conseil de coopération nord-atlantique (1992) puis a rejoint le Partenariat pour la paix (1994).", "fr"),
    ],
)  # fmt: skip
def test_dialogue_with_the_forum_and_cooperation_with_the_partnership(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (1992, "NACC")
    assert _start(r.cooperation_since) == (1994, "PFP")


def test_dialogue_and_cooperation_with_one_forum_only_is_the_start_of_relations() -> None:
    r = _relation(
        "Dialogue and cooperation started when Kazakhstan joined the North Atlantic Cooperation Council (1992).", "en"
    )
    assert _start(r.relations_since) == (1992, "NACC")
    assert r.cooperation_since is None


# --- J. a start word in a relative clause about something else starts no relations ---------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Dialogue takes place within the Euro-Atlantic Partnership Council (EAPC) and is eased by Kazakhstan’s "
         "mission to NATO, which was opened in April 1998.", "en"),
        ("Le dialogue se tient au sein du Conseil de partenariat euro-atlantique (CPEA), et il est facilité par la "
         "mission du Kazakhstan auprès de l’OTAN, qui a été ouverte en avril 1998.", "fr"),
    ],
)  # fmt: skip
def test_an_opening_in_a_relative_clause_about_a_mission_is_no_start(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.relations_since is None
    assert "1998-04" in _events(r)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Relations, which began in 1992, deepened in 2002.", "en"),
        ("Les relations, qui ont débuté en 1992, se sont approfondies en 2002.", "fr"),
    ],
)
def test_a_relative_clause_about_the_relations_still_starts_them(line: str, lang: str) -> None:
    assert _start(_relation(line, lang).relations_since) == (1992, None)
