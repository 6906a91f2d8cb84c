"""Regression tests for phrasings the extractor missed on pages in other layouts (issue 13, item 5).

Each sentence is written for the test; the expected facts are written by hand, not produced by the
extractor.
"""

import pytest

from partnerdata import extract


def _relation(lines: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    head = (
        "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n"
        if lang == "en"
        else "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n"
    )
    return extract(head + lines).relation


@pytest.mark.parametrize(
    ("line", "lang", "topic"),
    [
        ("- PARP helps Kazakhstan make its units interoperable with Allied units.", "en", "interoperability"),
        ("- Le PARP rend plusieurs unités kazakhes interopérables avec celles des Alliés.", "fr", "interoperability"),
        ("- Allies advise Kazakhstan on the democratic control of its armed forces.", "en", "democratic-control"),
        (
            "- Les Alliés conseillent le pays sur le contrôle démocratique de ses forces armées.",
            "fr",
            "democratic-control",
        ),
        ("- NATO supports the country's institutional and defence reforms.", "en", "defence-reform"),
        ("- L’OTAN soutient ses réformes démocratiques, institutionnelles et de défense.", "fr", "defence-reform"),
        ("- Des experts aident le pays à préparer la réforme de son secteur de la défense.", "fr", "defence-reform"),
        ("- A NATO information centre in Almaty hosts lectures for students.", "en", "public-diplomacy"),
        ("- Un centre d’information sur l’OTAN reçoit des étudiants à Almaty.", "fr", "public-diplomacy"),
        ("- Kazakh officers follow English language classes.", "en", "language-training"),
        ("- Le pays participe au programme de renforcement de la formation « défense ».", "fr", "defence-education"),
        ("- Le Kazakhstan contribue aux opérations dirigées par l’Alliance.", "fr", "operations-support"),
        ("- Kazakh officers attend courses at NATO schools on crisis management.", "en", "training-exercises"),
        ("- Kazakh officers follow NATO courses on border security.", "en", "training-exercises"),
        ("- Le Kazakhstan prend part aux exercices de cyberdéfense de l’OTAN.", "fr", "training-exercises"),
        ("- PARP helps some Kazakh units operate with those of the Allies.", "en", "interoperability"),
        ("- Le PARP aide certaines unités kazakhes à opérer avec celles des Alliés.", "fr", "interoperability"),
    ],
)
def test_missed_topic_phrasings_are_now_read(line: str, lang: str, topic: str) -> None:
    assert topic in _relation(line, lang).topics


def test_missed_topic_phrasings_stay_unread_when_negated() -> None:
    relation = _relation("- Kazakhstan does not take part in institutional and defence reforms.")
    assert "defence-reform" not in relation.topics


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Un plan d’action individuel pour le Partenariat (IPAP) a été adopté pour la première fois en 2005.", "fr"),
        ("- Kazakhstan agreed its first Individual Partnership Action Plan (IPAP) with NATO in 2005.", "en"),
    ],
)
def test_first_plan_with_the_verb_before_first_gives_the_start(line: str, lang: str) -> None:
    relation = _relation(line, lang)
    assert {p.programme: p.since for p in relation.participations}["IPAP"] == 2005
    assert [e.date.year for e in relation.events] == []


def test_plan_cycle_said_as_for_two_years_at_a_time() -> None:
    relation = _relation(
        "- Its goals are set in an Individual Partnership Action Plan (IPAP), agreed for two years at a time."
    )
    assert relation.plan is not None
    assert (relation.plan.programme, relation.plan.cycle_years) == ("IPAP", 2)


def test_plan_cycle_in_the_sentence_after_the_plan() -> None:
    relation = _relation(
        "- Kazakhstan agreed an Individual Partnership Action Plan (IPAP) with NATO. "
        "The plan is reviewed every two years."
    )
    assert relation.plan is not None
    assert (relation.plan.programme, relation.plan.cycle_years) == ("IPAP", 2)


def test_plan_cycle_not_taken_from_an_unrelated_next_sentence() -> None:
    relation = _relation(
        "- Kazakhstan agreed an Individual Partnership Action Plan (IPAP) with NATO. "
        "Exercises are held every two years."
    )
    assert relation.plan is not None
    assert relation.plan.cycle_years is None


@pytest.mark.parametrize(
    "line",
    [
        "- Since 2001, Kazakhstan has hosted a transit hub at an airfield that supports the NATO-led "
        "International Security Assistance Force (ISAF).",
        "- Since 2010, a NATO Depository Library in Almaty has lent NATO publications to researchers.",
    ],
)
def test_since_year_held_by_no_fact_stays_an_event(line: str) -> None:
    # The year was taken as a programme's start, then no participation held it, and it vanished.
    relation = _relation(line)
    assert [e.date.isoformat() for e in relation.events] == [line[8:12]]
    assert all(p.since is None for p in relation.participations)


def test_forum_giving_way_to_its_successor_is_no_event_of_the_partner() -> None:
    relation = _relation(
        "- Les relations ont débuté en 1992, quand le pays a rejoint le Conseil de coopération nord-atlantique. "
        "En 1997, ce forum a laissé la place au Conseil de partenariat euro-atlantique.",
        "fr",
    )
    assert relation.relations_since is not None and relation.relations_since.year == 1992
    assert relation.events == ()


@pytest.mark.parametrize(
    ("line", "lang", "programme", "year"),
    [
        (
            "- À partir de 2014, la coopération a suivi un programme individuel de partenariat "
            "et de coopération (IPCP).",
            "fr",
            "IPCP",
            2014,
        ),
        (
            "- Depuis 2016, le pays contribue à l’Initiative pour l’interopérabilité avec les partenaires.",
            "fr",
            "PII",
            2016,
        ),
        ("- Starting in 2015, Kazakhstan has followed an IPCP with NATO.", "en", "IPCP", 2015),
    ],
)
def test_start_said_as_a_partir_de_or_starting_in(line: str, lang: str, programme: str, year: int) -> None:
    relation = _relation(line, lang)
    assert {p.programme: p.since for p in relation.participations}.get(programme) == year


def test_information_and_documentation_centre_is_a_channel() -> None:
    relation = _relation("- A NATO Information and Documentation Centre opened in Almaty in 2008.")
    assert [c.body for c in relation.channels] == ["INFO-CENTRE"]


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakh soldiers served with the International Security Assistance Force (ISAF) from 2005 to 2013.", "en"),
        ("- De 2005 à 2013, le Kazakhstan a fourni des troupes à la FIAS en Afghanistan.", "fr"),
    ],
)
def test_troops_in_an_operation_over_a_range_start_the_participation(line: str, lang: str) -> None:
    relation = _relation(line, lang)
    assert {p.programme: p.since for p in relation.participations}["ISAF"] == 2005
    assert [(e.date.isoformat(), e.end) for e in relation.events] == [("2005", 2013)]


def test_a_range_in_an_operation_without_troops_starts_nothing() -> None:
    relation = _relation("- The International Security Assistance Force (ISAF) ran from 2001 to 2014.")
    assert all(p.since is None for p in relation.participations)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Dialogue with Kazakhstan began in 1992, when it joined the North Atlantic Cooperation Council, "
            "and practical cooperation followed when it joined the Partnership for Peace in 1995.",
            "en",
        ),
        (
            "- Le dialogue a commencé en 1992, quand le pays a rejoint le Conseil de coopération nord-atlantique, "
            "et la coopération pratique a démarré avec son adhésion au Partenariat pour la paix, en 1995.",
            "fr",
        ),
    ],
)
def test_relations_and_cooperation_starts_in_one_sentence(line: str, lang: str) -> None:
    relation = _relation(line, lang)
    assert relation.relations_since is not None and relation.relations_since.year == 1992
    assert relation.cooperation_since is not None
    assert (relation.cooperation_since.year, relation.cooperation_since.via) == (1995, "PFP")


def test_cooperation_in_a_forum_name_is_no_cooperation_start() -> None:
    relation = _relation("- Relations began in 1992, when Kazakhstan joined the North Atlantic Cooperation Council.")
    assert relation.cooperation_since is None


def test_soldiers_said_as_des_militaires_in_a_nato_led_force_contribute_forces() -> None:
    relation = _relation("- Depuis 2015, le Kazakhstan fournit des militaires à une force dirigée par l’OTAN.", "fr")
    assert relation.stance.contributes_forces is True


def test_a_programme_launched_for_the_partner_starts_its_participation() -> None:
    relation = _relation(
        "- En 2014, les Alliés ont lancé pour le Kazakhstan un programme de renforcement des capacités "
        "de défense et des capacités connexes de sécurité (DCB).",
        "fr",
    )
    assert {p.programme: p.since for p in relation.participations}["DCB"] == 2014
    assert relation.events == ()


def test_a_programme_launched_for_another_partner_starts_nothing() -> None:
    relation = _relation(
        "- In 2014, Allies launched the Defence and Related Security Capacity Building Initiative (DCB) for Georgia."
    )
    assert all(p.since is None for p in relation.participations)


def test_a_plan_adopted_in_a_year_starts_and_the_latest_plan_is_the_plan() -> None:
    relation = _relation(
        "- Since 2015, cooperation has followed an Individual Partnership and Cooperation Programme (IPCP). "
        "In May 2024, NATO and Kazakhstan adopted an Individually Tailored Partnership Programme (ITPP).",
    )
    assert {p.programme: p.since for p in relation.participations} == {"IPCP": 2015, "ITPP": 2024}
    assert relation.plan is not None and relation.plan.programme == "ITPP"


def test_a_renewed_plan_gives_no_start() -> None:
    relation = _relation("- In 2019, NATO and Kazakhstan adopted a new Individual Partnership Action Plan (IPAP).")
    assert all(p.since is None for p in relation.participations)
    assert [e.date.isoformat() for e in relation.events] == ["2019"]


def test_science_programme_named_without_nato_in_french() -> None:
    relation = _relation(
        "- Le Kazakhstan participe au programme pour la science au service de la paix et de la sécurité.", "fr"
    )
    assert "SPS" in {p.programme for p in relation.participations}
