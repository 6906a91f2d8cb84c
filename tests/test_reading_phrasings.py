"""Phrasings the extractor must read right (issue 20 item 1, issue 22 item 1): one test per phrasing.

Every sentence is written for the test, in the project's own words, in English and in French; the
expected facts are typed by hand from what the sentence says, never produced by the extractor. The
last tests check the reading steps on their own: clauses, negation scope and year attachment.
"""

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import extract
from partnerdata._ingest import clauses, mentions
from partnerdata._model.text import fold_chars

DS = partnerdata.load()
DS_MATCHER = mentions.matcher(DS)

HEADS = {
    ("KAZ", "en"): "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n",
    ("KAZ", "fr"): "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n",
    ("MNG", "en"): "Relations with Mongolia\nNATO and Mongolia cooperate.\n",
    ("MNG", "fr"): "Relations avec la Mongolie\nL’OTAN et la Mongolie coopèrent.\n",
}


def _relation(line: str, lang: str, partner: str = "KAZ") -> partnerdata.Relation:
    return extract(HEADS[partner, lang] + line, vocabulary=DS).relation


def _since(relation: partnerdata.Relation) -> dict[str, int | None]:
    return {p.programme: p.since for p in relation.participations}


def _year(milestone: Any) -> int | None:
    return None if milestone is None else milestone.year


# --- a year attaches by reading order and syntax, not by distance in characters -------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan joined the Partnership for Peace and, since 2002, has taken part in the "
            "Planning and Review Process (PARP).",
            "en",
        ),
        (
            "- Le Kazakhstan a rejoint le Partenariat pour la paix et, depuis 2002, il prend part au "
            "processus de planification et d’examen (PARP).",
            "fr",
        ),
    ],
)
def test_a_year_set_off_after_and_belongs_to_the_clause_that_follows(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r) == {"PFP": None, "PARP": 2002}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan joined the Partnership for Peace in 1995 and the Planning and Review Process in 2002.", "en"),
        (
            "- Le Kazakhstan a rejoint le Partenariat pour la paix en 1995 et le processus de planification "
            "et d’examen en 2002.",
            "fr",
        ),
    ],
)
def test_each_year_closes_its_own_coordinated_phrase(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"PFP": 1995, "PARP": 2002}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Dialogue between NATO and Kazakhstan started in 1995 and an Individual Partnership Action Plan "
            "(IPAP) was signed in 2006.",
            "en",
        ),
        (
            "- Le dialogue entre l’OTAN et le Kazakhstan a commencé en 1995 et un plan d’action individuel "
            "pour le Partenariat (IPAP) a été signé en 2006.",
            "fr",
        ),
    ],
)
def test_two_dated_events_in_one_sentence_keep_their_own_years(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _year(r.relations_since) == 1995
    assert _since(r) == {"IPAP": 2006}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Relations began in 1992 and were strengthened in 2002, when Kazakhstan joined the Planning "
            "and Review Process.",
            "en",
        ),
        (
            "- Les relations ont débuté en 1992 et se sont renforcées en 2002, quand le Kazakhstan a rejoint "
            "le processus de planification et d’examen.",
            "fr",
        ),
    ],
)
def test_a_start_and_a_later_strengthening_keep_their_own_years(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _year(r.relations_since) == 1992
    assert _since(r) == {"PARP": 2002}


# --- start of relations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- NATO and Kazakhstan have engaged in dialogue and cooperation since 1992.", "en"),
        ("- Dialogue and cooperation, engaged in since 1992, now cover many areas.", "en"),
        ("- L’OTAN et le Kazakhstan entretiennent un dialogue et une coopération depuis 1992.", "fr"),
        ("- Le dialogue et la coopération, engagés depuis 1992, couvrent aujourd’hui de nombreux domaines.", "fr"),
    ],
)
def test_dialogue_engaged_in_since_a_year_starts_relations(line: str, lang: str) -> None:
    assert _year(_relation(line, lang).relations_since) == 1992


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan first engaged in relations with NATO in 1992.", "en"),
        ("- Le Kazakhstan a engagé ses premières relations avec l’OTAN en 1992.", "fr"),
    ],
)
def test_first_engaged_in_relations_in_a_year(line: str, lang: str) -> None:
    assert _year(_relation(line, lang).relations_since) == 1992


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Relations began when Kazakhstan joined the North Atlantic Cooperation Council (1992).", "en"),
        (
            "- Les relations ont débuté quand le Kazakhstan a rejoint le Conseil de coopération "
            "nord-atlantique (1992).",
            "fr",
        ),
    ],
)
def test_a_year_in_brackets_starts_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.relations_since is not None
    assert (r.relations_since.year, r.relations_since.via) == (1992, "NACC")


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan joined the Partnership for Peace (1995) and the Planning and Review Process (2002).", "en"),
        (
            "- Le Kazakhstan a rejoint le Partenariat pour la paix (1995) puis le processus de planification "
            "et d’examen (2002).",
            "fr",
        ),
    ],
)
def test_a_year_in_brackets_belongs_to_the_name_before_it(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"PFP": 1995, "PARP": 2002}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- NATO and Mongolia have held a dialogue since 2005, and Mongolia became a partner across the globe "
            "in 2012.",
            "en",
        ),
        ("- In 2012, Mongolia became a partner across the globe; its dialogue with NATO had started in 2005.", "en"),
        (
            "- L’OTAN et la Mongolie entretiennent un dialogue depuis 2005, et la Mongolie est devenue un "
            "partenaire mondial en 2012.",
            "fr",
        ),
        (
            "- En 2012, la Mongolie est devenue un partenaire mondial ; son dialogue avec l’OTAN avait commencé "
            "en 2005.",
            "fr",
        ),
    ],
)
def test_start_of_dialogue_is_told_apart_from_a_new_partner_status(line: str, lang: str) -> None:
    assert _year(_relation(line, lang, "MNG").relations_since) == 2005


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan took on a new partner status in 2020, long after its relations with NATO began.", "en"),
        (
            "- Le Kazakhstan a pris un nouveau statut de partenaire en 2020, bien après le début de ses relations "
            "avec l’OTAN.",
            "fr",
        ),
    ],
)
def test_the_year_of_a_new_status_is_not_the_start_of_relations(line: str, lang: str) -> None:
    assert _relation(line, lang).relations_since is None


# --- plans -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Cooperation was set out in an Individual Partnership Action Plan (IPAP), revised every two years.\n"
            "- In 2023, Kazakhstan moved to an Individually Tailored Partnership Programme (ITPP).",
            "en",
        ),
        (
            "- Cooperation was set out in an Individual Partnership Action Plan (IPAP), revised every two years.\n"
            "- In 2023, Kazakhstan moved from its IPAP to a new kind of plan, an Individually Tailored "
            "Partnership Programme (ITPP).",
            "en",
        ),
        (
            "- La coopération était définie dans un plan d’action individuel pour le Partenariat (IPAP), "
            "révisé tous les deux ans.\n"
            "- En 2023, le Kazakhstan est passé à un programme de partenariat individualisé (ITPP).",
            "fr",
        ),
    ],
)
def test_moving_to_a_new_kind_of_plan_makes_it_the_plan_in_force(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.plan is not None
    assert r.plan.programme == "ITPP"
    assert _since(r).get("ITPP") == 2023


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- From 2014, work was taken forward through an Individual Partnership and Cooperation Programme (IPCP).",
            "en",
        ),
        (
            "- À partir de 2014, les travaux ont été menés au moyen d’un programme individuel de partenariat "
            "et de coopération (IPCP).",
            "fr",
        ),
    ],
)
def test_from_a_year_work_taken_forward_through_a_plan(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)).get("IPCP") == 2014


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- With the adoption, in 2006, of the first Individual Partnership Action Plan (IPAP), cooperation "
            "gained a framework.",
            "en",
        ),
        (
            "- Avec l’adoption, en 2006, du premier plan d’action individuel pour le Partenariat (IPAP), la "
            "coopération a trouvé un cadre.",
            "fr",
        ),
    ],
)
def test_with_the_adoption_in_a_year_of_the_first_plan(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)).get("IPAP") == 2006


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan has taken part in the Planning and Review Process (PARP) of the Partnership for Peace "
            "since 2002.",
            "en",
        ),
        (
            "- Le Kazakhstan participe au processus de planification et d’examen (PARP) du Partenariat pour la "
            "paix depuis 2002.",
            "fr",
        ),
    ],
)
def test_a_year_after_a_long_noun_phrase_goes_to_its_head(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _since(r).get("PARP") == 2002
    assert r.pfp_since is None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- An Individual Partnership Action Plan (IPAP), which sets the goals of cooperation, was first "
            "agreed in 2006.",
            "en",
        ),
        (
            "- Un plan d’action individuel pour le Partenariat (IPAP), qui fixe les objectifs de la coopération, "
            "a été adopté pour la première fois en 2006.",
            "fr",
        ),
    ],
)
def test_a_year_after_a_relative_clause_goes_to_the_subject(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)).get("IPAP") == 2006


# --- negation reaches only its clause --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan is not a member of the Alliance, but it contributes troops to KFOR.", "en"),
        ("- Le Kazakhstan n’est pas membre de l’Alliance, mais il fournit des troupes à la KFOR.", "fr"),
    ],
)
def test_not_a_member_but_contributes_troops(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.stance.contributes_forces is True
    assert r.participation("KFOR") is not None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan has no air bases to offer, but it sends officers to NATO-led operations.", "en"),
        (
            "- Le Kazakhstan n’a pas de bases aériennes à offrir, mais il envoie des officiers aux opérations "
            "dirigées par l’OTAN.",
            "fr",
        ),
    ],
)
def test_has_no_air_bases_but_sends_officers(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.stance.contributes_forces is True
    assert r.stance.contributes_infrastructure is not True


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Le Kazakhstan ne fournit que des officiers d’état-major aux opérations dirigées par l’OTAN.", "fr"),
        ("- Le pays n’envoie que des troupes à la KFOR.", "fr"),
        ("- Kazakhstan only sends staff officers to NATO-led operations.", "en"),
    ],
)
def test_ne_que_restricts_and_does_not_negate(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_forces is True


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Le Kazakhstan ne coopère que dans la lutte contre le terrorisme.", "fr"),
        ("- Kazakhstan cooperates only in counter-terrorism.", "en"),
    ],
)
def test_ne_que_keeps_the_topic(line: str, lang: str) -> None:
    assert "counter-terrorism" in _relation(line, lang).topics


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan does not take part in the Science for Peace and Security Programme, but it works with "
            "NATO on counter-terrorism.",
            "en",
        ),
        (
            "- Le Kazakhstan ne participe pas au programme pour la science au service de la paix et de la "
            "sécurité, mais il coopère avec l’OTAN dans la lutte contre le terrorisme.",
            "fr",
        ),
    ],
)
def test_negated_participation_then_affirmed_topic(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.participation("SPS") is None
    assert "counter-terrorism" in r.topics


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Troops from Kazakhstan have never served in KFOR.", "en"),
        ("- Des troupes kazakhes n’ont jamais servi dans la KFOR.", "fr"),
    ],
)
def test_a_negated_verb_negates_its_whole_clause(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.stance.contributes_forces is False
    assert r.participation("KFOR") is None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan, a Partnership for Peace partner, does not take part in the Science for Peace and "
            "Security Programme.",
            "en",
        ),
        (
            "- Le Kazakhstan, partenaire du Partenariat pour la paix, ne participe pas au programme pour la "
            "science au service de la paix et de la sécurité.",
            "fr",
        ),
    ],
)
def test_negation_does_not_reach_an_apposition_before_it(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert r.participation("PFP") is not None
    assert r.participation("SPS") is None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan does not take part in SPS, PARP or DEEP.", "en"),
        ("- Le Kazakhstan ne participe ni au SPS, ni au PARP, ni au DEEP.", "fr"),
    ],
)
def test_negation_runs_over_a_list(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert [p.programme for p in r.participations] == []


# --- the steps on their own ------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    low = fold_chars(text)
    return [low[c.start : c.end].strip(" ,;:") for c in clauses.clauses(low, mentions.tokens(text), [])]


def test_clauses_split_at_contrast_and_semicolons_not_inside_a_list() -> None:
    assert _split("Kazakhstan is not a member, but it sends troops; it hosts courses.") == [
        "kazakhstan is not a member",
        "but it sends troops",
        "it hosts courses.",
    ]
    assert _split("Le pays ne participe ni au SPS, ni au PARP, mais il coopere.") == [
        "le pays ne participe ni au sps",
        "ni au parp",
        "mais il coopere.",
    ]


@pytest.mark.parametrize(
    ("text", "negated", "affirmed"),
    [
        ("Kazakhstan is not a member, but it sends troops.", "member", "troops"),
        ("Troops have never served there, while officers train.", "troops", "officers"),
        ("Le pays ne fournit que des troupes.", None, "troupes"),
        ("Le pays n'a pas de bases, mais il envoie des troupes.", "bases", "troupes"),
        ("Kazakhstan, a partner, does not send troops.", "troops", "partner"),
        ("It takes part in nothing without courses, and it trains.", "courses", "trains"),
    ],
)
def test_negated_spans_cover_the_clause_of_the_cue_only(text: str, negated: str | None, affirmed: str) -> None:
    low = fold_chars(text)
    spans = clauses.negated_spans(low, mentions.tokens(text))

    def inside(word: str) -> bool:
        at = low.index(word)
        return any(a <= at and at + len(word) <= b for a, b in spans)

    if negated is not None:
        assert inside(negated)
    assert not inside(affirmed)


def test_year_attachment_follows_reading_order() -> None:
    text = "Kazakhstan joined PfP and, since 2002, has taken part in PARP; in 2010 it hosted a course."
    low = fold_chars(text)
    toks = mentions.tokens(text)
    pfp, parp = low.index("pfp"), low.index("parp")
    spans = [(pfp, pfp + 3), (parp, parp + 4)]
    found = clauses.attach_years(low, toks, spans, [(2002, low.index("2002")), (2010, low.index("2010"))])
    assert found == [1, None]


def test_event_ids_are_unique_with_a_counter_per_id() -> None:
    lines = "".join(f"- In 2010, Kazakhstan hosted an SPS workshop number {n}.\n" for n in range(4))
    ids = [e.id for e in _relation(lines, "en").events]
    assert ids == ["2010-sps", "2010-sps-2", "2010-sps-3", "2010-sps-4"]


def test_a_name_nested_in_another_is_no_mention_of_its_own() -> None:
    # "PfP" inside "PfP Planning and Review Process" is part of that name, not the Partnership for Peace.
    text = "Kazakhstan takes part in the PfP Planning and Review Process and in the PfP."
    found = DS_MATCHER.mentions(mentions.tokens(text))
    assert [(m.code, text[m.start : m.end]) for m in found if m.kind == "programme"] == [
        ("PARP", "PfP Planning and Review Process"),
        ("PFP", "PfP"),
    ]


def test_a_relative_clause_is_set_aside_and_a_when_clause_continues() -> None:
    low = fold_chars("An IPAP, which sets goals, was agreed in 2006, when it joined PARP; it trains.")
    parts = clauses.clauses(low, mentions.tokens(low))
    assert [c.lead for c in parts] == ["an", "which", "was", "when", "it"]
    assert clauses.unit_of(parts) == [0, 1, 0, 0, 4]


def test_sides_of_a_sentence_split_at_contrasts_only() -> None:
    low = fold_chars("It sends no troops to KFOR, at present, but a battalion, trained here, is ready.")
    sides = clauses.sides(clauses.clauses(low, mentions.tokens(low)))
    assert [low[a:b].strip(" ,.") for a, b in sides] == [
        "it sends no troops to kfor, at present",
        "but a battalion, trained here, is ready",
    ]


@settings(deadline=None)
@given(st.text(alphabet=" ,;:abnotdue1992()'", max_size=80))
def test_clauses_cover_the_sentence_and_negated_spans_lie_in_order(text: str) -> None:
    toks = mentions.tokens(text)
    parts = clauses.clauses(text, toks)
    assert parts[0].start == 0 and parts[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    spans = clauses.negated_spans(text, toks, (), parts)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(x[1] <= y[0] for x, y in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan, which joined the Partnership for Peace in 1995, has taken part in PARP since 2002.", "en"),
        ("- Le Kazakhstan a rejoint le PPP en 1995 et participe au PARP depuis 2002.", "fr"),
    ],
)
def test_a_joining_and_a_since_in_one_sentence_date_both(line: str, lang: str) -> None:
    assert _since(_relation(line, lang)) == {"PFP": 1995, "PARP": 2002}


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("- Kazakhstan does not send troops, but it lets ISAF aircraft refuel at its airfields.", "en"),
        ("- Le Kazakhstan ne fournit pas de troupes, mais il ouvre ses aérodromes aux avions de la FIAS.", "fr"),
    ],
)
def test_a_refusal_of_troops_beside_a_contribution_to_an_operation(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert (r.stance.contributes_forces, r.stance.contributes_infrastructure) == (False, True)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan does not contribute units to NATO-led operations, but a battalion is being trained "
            "to work with Allied forces.",
            "en",
        ),
        (
            "- Le Kazakhstan ne met pas d’unités à disposition des opérations dirigées par l’OTAN, mais un "
            "bataillon est formé pour travailler avec les forces alliées.",
            "fr",
        ),
    ],
)
def test_troops_trained_on_the_other_side_of_a_contrast_are_not_a_contribution(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_forces is False


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Practical cooperation began in 1995 and was strengthened in 2006 with a first Individual "
            "Partnership Action Plan (IPAP).",
            "en",
        ),
        (
            "- La coopération pratique a commencé en 1995 et s’est renforcée en 2006 avec un premier plan "
            "d’action individuel pour le Partenariat (IPAP).",
            "fr",
        ),
    ],
)
def test_a_start_of_cooperation_and_a_later_first_plan_keep_their_own_years(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _year(r.cooperation_since) == 1995
    assert _since(r) == {"IPAP": 2006}
    assert r.events == ()
