"""Variant phrasings of the dated facts and topics (issue 20): sentences the rules were not written for.

Every sentence is written for this file, in the project's own words, varied as NATO's pages vary
(other verbs and nouns, fronted and trailing years, years in brackets, day-month-year dates,
relative clauses, passives, long noun phrases, two dated facts in one sentence, negated clauses,
lists of programmes with and without years). The expected facts were typed by hand from what each
sentence says under ``extraction-conventions.md``, before the reader was run on it. A case is one
short page: a title, an opening sentence naming nothing, then the lines.
"""

import pytest
from _reading import read
from _reading import since as _since
from _reading import start as _start

import partnerdata
from partnerdata._ingest import clauses, mentions
from partnerdata._model.text import fold_chars


def _relation(line: str, lang: str, partner: str) -> partnerdata.Relation:
    return read(line, lang, partner)


# --- (a) the start of relations or of dialogue ----------------------------------------------------

# (line, language, partner, start of relations as (year, via) or None)
RELATIONS = [
    (
        "- Kazakhstan’s relations with NATO started in 1992, when the country joined the North Atlantic "
        "Cooperation Council.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- In 1992, Kazakhstan joined the North Atlantic Cooperation Council, which marked the start of its "
        "relations with NATO.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    ("- Formal relations between NATO and Kazakhstan were established in 1992.", "en", "KAZ", (1992, None)),
    ("- NATO’s dialogue with Kazakhstan goes back to 1992.", "en", "KAZ", (1992, None)),
    (
        "- Kazakhstan has been a partner of NATO since 1995, but its relations with the Alliance date back to 1992.",
        "en",
        "KAZ",
        (1992, None),
    ),
    (
        "- On 10 March 1992, Kazakhstan joined the North Atlantic Cooperation Council, the forum through which "
        "its relations with NATO began.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Relations between NATO and Kazakhstan, which began in 1992, were deepened in 2006 with an "
        "Individual Partnership Action Plan.",
        "en",
        "KAZ",
        (1992, None),
    ),
    (
        "- Relations with Mongolia started in 2005, and the country was recognised as a partner across the "
        "globe in 2012.",
        "en",
        "MNG",
        (2005, None),
    ),
    ("- Algeria has taken part in the Mediterranean Dialogue since 2000.", "en", "DZA", (2000, "MD")),
    (
        "- Algeria’s dialogue with NATO began in March 2000, when it joined the Mediterranean Dialogue.",
        "en",
        "DZA",
        (2000, "MD"),
    ),
    ("- Relations between NATO and Kazakhstan (since 1992) have grown steadily.", "en", "KAZ", (1992, None)),
    (
        "- The first contacts between NATO and Kazakhstan took place in 1992.",
        "en",
        "KAZ",
        (1992, None),
    ),
    (
        "- Relations between NATO and Kazakhstan were strengthened in 2006; they had begun in 1992 under the "
        "North Atlantic Cooperation Council.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Austria’s relations with NATO began in 1995, when it joined the Partnership for Peace.",
        "en",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- Austria has been a partner of NATO since 1995, when it signed the Partnership for Peace Framework Document.",
        "en",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- Qatar joined the Istanbul Cooperation Initiative in 2005, the start of its formal relations with NATO.",
        "en",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Dialogue between NATO and Qatar started in 2005 within the framework of the Istanbul Cooperation "
        "Initiative.",
        "en",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Les relations de l’Autriche avec l’OTAN ont commencé en 1995, lorsqu’elle a rejoint le Partenariat "
        "pour la paix.",
        "fr",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- L’Autriche est partenaire de l’OTAN depuis 1995, année de son adhésion au Partenariat pour la paix.",
        "fr",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- Le Qatar a rejoint l’Initiative de coopération d’Istanbul en 2005, ce qui a marqué le début de ses "
        "relations avec l’OTAN.",
        "fr",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Le dialogue entre l’OTAN et le Qatar a débuté en 2005 dans le cadre de l’Initiative de coopération "
        "d’Istanbul.",
        "fr",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Les relations entre l’OTAN et le Kazakhstan se sont renforcées en 2006 ; elles avaient débuté en 1992 "
        "au sein du Conseil de coopération nord-atlantique.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Les relations entre l’OTAN et le Kazakhstan ont débuté en 1992, lorsque le pays a rejoint le "
        "Conseil de coopération nord-atlantique.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- En 1992, le Kazakhstan a rejoint le Conseil de coopération nord-atlantique, ce qui a marqué le début "
        "de ses relations avec l’OTAN.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Les premiers contacts officiels entre l’OTAN et le Kazakhstan remontent à 1992.",
        "fr",
        "KAZ",
        (1992, None),
    ),
    ("- Le dialogue entre l’OTAN et le Kazakhstan a été engagé en 1992.", "fr", "KAZ", (1992, None)),
    (
        "- Le Kazakhstan est partenaire de l’OTAN depuis 1995, mais ses relations avec l’Alliance remontent à 1992.",
        "fr",
        "KAZ",
        (1992, None),
    ),
    (
        "- Les relations avec la Mongolie ont commencé en 2005, et le pays a été reconnu comme partenaire "
        "mondial en 2012.",
        "fr",
        "MNG",
        (2005, None),
    ),
    ("- L’Algérie participe au Dialogue méditerranéen depuis mars 2000.", "fr", "DZA", (2000, "MD")),
    (
        "- Les relations de l’OTAN avec le Kazakhstan, qui ont débuté en 1992, se sont approfondies en 2006 "
        "avec un plan d’action individuel pour le Partenariat.",
        "fr",
        "KAZ",
        (1992, None),
    ),
    (
        "- Le 10 mars 1992, le Kazakhstan a rejoint le Conseil de coopération nord-atlantique, instance par "
        "laquelle ses relations avec l’OTAN ont commencé.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Les relations officielles entre l’OTAN et le Kazakhstan (depuis 1992) se sont développées régulièrement.",
        "fr",
        "KAZ",
        (1992, None),
    ),
    ("- Relations between NATO and Kazakhstan date from 1992.", "en", "KAZ", (1992, None)),
    ("- The relationship between NATO and Kazakhstan began in 1992.", "en", "KAZ", (1992, None)),
    ("- NATO’s partnership with Kazakhstan goes back to 1992.", "en", "KAZ", (1992, None)),
    ("- Kazakhstan has been a NATO partner since 1992.", "en", "KAZ", (1992, None)),
    (
        "- Kazakhstan established relations with NATO in 1992 by joining the North Atlantic Cooperation Council.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Relations started on 10 March 1992, when Kazakhstan joined the North Atlantic Cooperation Council.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- In 2005 Mongolia and NATO began a dialogue, which led in 2012 to Mongolia becoming a partner across "
        "the globe.",
        "en",
        "MNG",
        (2005, None),
    ),
    ("- Les relations entre le Kazakhstan et l’OTAN datent de 1992.", "fr", "KAZ", (1992, None)),
    ("- Le partenariat entre l’OTAN et le Kazakhstan remonte à 1992.", "fr", "KAZ", (1992, None)),
    ("- Le Kazakhstan entretient des relations avec l’OTAN depuis 1992.", "fr", "KAZ", (1992, None)),
    (
        "- Le Kazakhstan a établi des relations avec l’OTAN en 1992 en adhérant au Conseil de coopération "
        "nord-atlantique.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Le dialogue avec la Mongolie, amorcé en 2005, a conduit en 2012 à son statut de partenaire mondial.",
        "fr",
        "MNG",
        (2005, None),
    ),
    (
        "- Les relations ont commencé le 10 mars 1992, lorsque le Kazakhstan a rejoint le Conseil de "
        "coopération nord-atlantique.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
]


RELATIONS += [
    # a clause that renames the dated joining: "the start of its relations", "date à laquelle"
    (
        "- Austria joined the Partnership for Peace in 1995, the start of its relations with NATO.",
        "en",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- L’Autriche a rejoint le Partenariat pour la paix en 1995, date à laquelle ont commencé ses relations "
        "avec l’OTAN.",
        "fr",
        "AUT",
        (1995, "PFP"),
    ),
    (
        "- Qatar was among the first countries to join the Istanbul Cooperation Initiative, in 2005.",
        "en",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Le Qatar a été l’un des premiers pays à rejoindre l’Initiative de coopération d’Istanbul, en 2005.",
        "fr",
        "QAT",
        (2005, "ICI"),
    ),
    (
        "- Relations date back to 1992, when Kazakhstan joined the North Atlantic Cooperation Council (NACC), "
        "which was replaced by the Euro-Atlantic Partnership Council in 1997.",
        "en",
        "KAZ",
        (1992, "NACC"),
    ),
    (
        "- Les relations remontent à 1992, lorsque le Kazakhstan a rejoint le Conseil de coopération "
        "nord-atlantique, remplacé en 1997 par le Conseil de partenariat euro-atlantique.",
        "fr",
        "KAZ",
        (1992, "NACC"),
    ),
]


RELATIONS += [
    # a fronted year in a cleft sentence: "and" between two names after it cuts nothing
    ("- It was in 1992 that relations between NATO and Kazakhstan began.", "en", "KAZ", (1992, None)),
    ("- C’est en 1992 que les relations entre l’OTAN et le Kazakhstan ont commencé.", "fr", "KAZ", (1992, None)),
    (
        "- Kazakhstan became a PfP partner in 1994, after relations began in 1992.",
        "en",
        "KAZ",
        (1992, None),
    ),
    (
        "- Le Kazakhstan est devenu partenaire du PPP en 1994, après le début des relations en 1992.",
        "fr",
        "KAZ",
        (1992, None),
    ),
]


@pytest.mark.parametrize(("line", "lang", "partner", "expected"), RELATIONS)
def test_start_of_relations(line: str, lang: str, partner: str, expected: tuple[int, str | None] | None) -> None:
    assert _start(_relation(line, lang, partner).relations_since) == expected


# --- (b) the year of joining the Partnership for Peace --------------------------------------------

# (line, language, start of relations as (year, via) or None, PfP year, event dates)
PFP: list[tuple[str, str, tuple[int, str | None] | None, int, list[str]]] = [
    ("- In 1995, Kazakhstan joined the Partnership for Peace.", "en", None, 1995, []),
    (
        "- Kazakhstan signed the Framework Document of the Partnership for Peace on 27 May 1994.",
        "en",
        None,
        1994,
        [],
    ),
    (
        "- Kazakhstan became a member of the Partnership for Peace (PfP) in 1995, three years after relations began.",
        "en",
        None,
        1995,
        [],
    ),
    ("- Kazakhstan has been a Partnership for Peace partner since 1995.", "en", None, 1995, []),
    (
        "- The Partnership for Peace, which Kazakhstan joined in 1995, opened the way to practical cooperation.",
        "en",
        None,
        1995,
        [],
    ),
    (
        "- Kazakhstan was not among the first partners in 1994: it joined the Partnership for Peace in 1995.",
        "en",
        None,
        1995,
        [],
    ),
    ("- It was in 1995 that Kazakhstan joined the Partnership for Peace.", "en", None, 1995, []),
    (
        "- First contacts between NATO and Kazakhstan date back to 1992, and the country became a member of "
        "the Partnership for Peace in 1995.",
        "en",
        (1992, None),
        1995,
        [],
    ),
    ("- En 1995, le Kazakhstan a adhéré au Partenariat pour la paix.", "fr", None, 1995, []),
    (
        "- Le Kazakhstan a signé le document-cadre du Partenariat pour la paix le 27 mai 1994.",
        "fr",
        None,
        1994,
        [],
    ),
    (
        "- Le Kazakhstan est devenu membre du Partenariat pour la paix (PPP) en 1995, trois ans après le début "
        "des relations.",
        "fr",
        None,
        1995,
        [],
    ),
    ("- Le Kazakhstan participe au Partenariat pour la paix depuis 1995.", "fr", None, 1995, []),
    (
        "- Le Partenariat pour la paix, que le Kazakhstan a rejoint en 1995, a ouvert la voie à une "
        "coopération pratique.",
        "fr",
        None,
        1995,
        [],
    ),
    ("- C’est en 1995 que le Kazakhstan a rejoint le Partenariat pour la paix.", "fr", None, 1995, []),
    (
        "- Les relations officielles ont été établies en 1992 et le Kazakhstan est devenu membre du "
        "Partenariat pour la paix en 1995.",
        "fr",
        (1992, None),
        1995,
        [],
    ),
    (
        "- Le Kazakhstan ne figurait pas parmi les premiers partenaires en 1994 : il a rejoint le Partenariat "
        "pour la paix en 1995.",
        "fr",
        None,
        1995,
        [],
    ),
    ("- Kazakhstan’s membership of the Partnership for Peace dates from 1995.", "en", None, 1995, []),
    (
        "- Kazakhstan became a PfP partner on 27 May 1994, signing the Framework Document.",
        "en",
        None,
        1994,
        [],
    ),
    (
        "- Kazakhstan did not sign the Framework Document in 1994; it joined the Partnership for Peace only in 1995.",
        "en",
        None,
        1995,
        [],
    ),
    ("- Le Kazakhstan fait partie du Partenariat pour la paix depuis 1995.", "fr", None, 1995, []),
    (
        "- Le Kazakhstan n’a pas signé le document-cadre en 1994 ; il n’a rejoint le Partenariat pour la paix "
        "qu’en 1995.",
        "fr",
        None,
        1995,
        [],
    ),
]


PFP += [
    (
        "- Kazakhstan joined the Partnership for Peace, NATO’s programme of practical cooperation with partners, "
        "in 1995.",
        "en",
        None,
        1995,
        [],
    ),
    (
        "- Le Kazakhstan a rejoint le Partenariat pour la paix, programme de coopération pratique de l’OTAN avec "
        "ses partenaires, en 1995.",
        "fr",
        None,
        1995,
        [],
    ),
]


@pytest.mark.parametrize(("line", "lang", "relations", "pfp", "events"), PFP)
def test_year_of_joining_the_partnership_for_peace(
    line: str, lang: str, relations: tuple[int, str | None] | None, pfp: int, events: list[str]
) -> None:
    r = _relation(line, lang, "KAZ")
    assert r.pfp_since == pfp
    assert _start(r.relations_since) == relations
    assert [e.date.isoformat() for e in r.events] == events


# --- (c) the start of a programme or an operation -------------------------------------------------

# (line, language, start years expected for some programmes: None where the page gives no start)
PROGRAMMES = [
    ("- Kazakhstan has contributed to KFOR since 2003.", "en", {"KFOR": 2003}),
    ("- Kazakh troops took part in ISAF from 2003 to 2014.", "en", {"ISAF": 2003}),
    (
        "- In 2012, Kazakhstan was the first partner to agree an Individual Partnership and Cooperation "
        "Programme (IPCP) with NATO.",
        "en",
        {"IPCP": 2012},
    ),
    (
        "- Work with NATO was taken forward through an Individual Partnership Action Plan (IPAP) from 2008.",
        "en",
        {"IPAP": 2008},
    ),
    ("- Since 2007, Kazakhstan has taken part in the Building Integrity Programme.", "en", {"BI": 2007}),
    (
        "- Kazakhstan began to take part in the Defence Education Enhancement Programme (DEEP) in 2008.",
        "en",
        {"DEEP": 2008},
    ),
    (
        "- Kazakhstan’s participation in the Operational Capabilities Concept started in 2010.",
        "en",
        {"OCC": 2010},
    ),
    (
        "- Kazakhstan’s first Individual Partnership Action Plan was agreed in 2006, and the plan was renewed "
        "in 2008 and 2010.",
        "en",
        {"IPAP": 2006},
    ),
    (
        "- Kazakhstan has taken part since 2002 in the Planning and Review Process of the Partnership for Peace.",
        "en",
        {"PARP": 2002, "PFP": None},
    ),
    (
        "- Kazakhstan takes part in the Planning and Review Process (since 2002), the Building Integrity "
        "Programme (since 2016) and the Science for Peace and Security Programme.",
        "en",
        {"PARP": 2002, "BI": 2016, "SPS": None},
    ),
    (
        "- Kazakhstan has contributed troops to KFOR since 2003 and to ISAF since 2008.",
        "en",
        {"KFOR": 2003, "ISAF": 2008},
    ),
    ("- Kazakhstan has benefited from a NATO Partnership Trust Fund since 2009.", "en", {"TRUST-FUND": 2009}),
    ("- From 1997 to 2003, a Kazakh platoon served with SFOR.", "en", {"SFOR": 1997}),
    ("- Kazakh officers have served in the Resolute Support Mission since 2015.", "en", {"RSM": 2015}),
    (
        "- The Membership Action Plan, which Kazakhstan joined in 1999, gives the frame of its reforms.",
        "en",
        {"MAP": 1999},
    ),
    (
        "- Kazakhstan joined the Partnership Interoperability Initiative in 2015 and the Defence Education "
        "Enhancement Programme in 2010.",
        "en",
        {"PII": 2015, "DEEP": 2010},
    ),
    ("- Le Kazakhstan contribue à la KFOR depuis 2003.", "fr", {"KFOR": 2003}),
    ("- Des troupes kazakhes ont pris part à la FIAS de 2003 à 2014.", "fr", {"ISAF": 2003}),
    (
        "- En 2012, le Kazakhstan a été le premier partenaire à adopter un programme individuel de partenariat "
        "et de coopération (IPCP).",
        "fr",
        {"IPCP": 2012},
    ),
    (
        "- Depuis 2007, le Kazakhstan prend part au programme pour le développement de l’intégrité.",
        "fr",
        {"BI": 2007},
    ),
    (
        "- Le Kazakhstan a commencé à participer au programme OTAN de renforcement de la formation « défense » "
        "(DEEP) en 2008.",
        "fr",
        {"DEEP": 2008},
    ),
    (
        "- La participation du Kazakhstan au processus de planification et d’examen (PARP) a débuté en 2002.",
        "fr",
        {"PARP": 2002},
    ),
    (
        "- Le Kazakhstan prend part depuis 2002 au processus de planification et d’examen du Partenariat pour la paix.",
        "fr",
        {"PARP": 2002, "PFP": None},
    ),
    (
        "- Le Kazakhstan participe au processus de planification et d’examen (depuis 2002), au programme pour "
        "le développement de l’intégrité (depuis 2016) et au programme pour la science au service de la paix "
        "et de la sécurité.",
        "fr",
        {"PARP": 2002, "BI": 2016, "SPS": None},
    ),
    ("- Des officiers kazakhs servent au sein de la mission Resolute Support depuis 2015.", "fr", {"RSM": 2015}),
    ("- De 1997 à 2003, un peloton kazakh a servi au sein de la SFOR.", "fr", {"SFOR": 1997}),
    (
        "- Le Kazakhstan bénéficie d’un fonds d’affectation spéciale du Partenariat depuis 2009.",
        "fr",
        {"TRUST-FUND": 2009},
    ),
    (
        "- Le Kazakhstan a adopté son premier plan d’action individuel pour le Partenariat en 2006, plan "
        "renouvelé en 2008.",
        "fr",
        {"IPAP": 2006},
    ),
    (
        "- Le Kazakhstan fournit des troupes à la KFOR depuis 2003 et à la FIAS depuis 2008.",
        "fr",
        {"KFOR": 2003, "ISAF": 2008},
    ),
    (
        "- Le plan d’action pour l’adhésion, que le pays a rejoint en 1999, encadre ses réformes.",
        "fr",
        {"MAP": 1999},
    ),
    (
        "- Kazakhstan has participated in PARP since 2002, and in the Operational Capabilities Concept since 2010.",
        "en",
        {"PARP": 2002, "OCC": 2010},
    ),
    ("- Kazakh peacekeepers served with KFOR between 2003 and 2014.", "en", {"KFOR": 2003}),
    ("- The country’s participation in ISAF, which began in 2003, ended in 2014.", "en", {"ISAF": 2003}),
    ("- Kazakhstan’s Individual Partnership Action Plan dates from 2006.", "en", {"IPAP": 2006}),
    (
        "- Since joining the Partnership for Peace in 1995, Kazakhstan has also taken part in PARP (2002) and "
        "DEEP (2008).",
        "en",
        {"PFP": 1995, "PARP": 2002, "DEEP": 2008},
    ),
    (
        "- Le Kazakhstan est associé au programme pour la science au service de la paix et de la sécurité depuis 1993.",
        "fr",
        {"SPS": 1993},
    ),
    ("- Des casques bleus kazakhs ont servi au sein de la KFOR entre 2003 et 2014.", "fr", {"KFOR": 2003}),
    ("- La participation du pays à la FIAS, qui a commencé en 2003, a pris fin en 2014.", "fr", {"ISAF": 2003}),
    ("- Le plan d’action individuel pour le Partenariat du Kazakhstan date de 2006.", "fr", {"IPAP": 2006}),
    (
        "- Depuis son adhésion au Partenariat pour la paix en 1995, le Kazakhstan a aussi pris part au PARP "
        "(2002) et au DEEP (2008).",
        "fr",
        {"PFP": 1995, "PARP": 2002, "DEEP": 2008},
    ),
    ("- Le Kazakhstan a pris part depuis 2003 à la KFOR avec un peloton.", "fr", {"KFOR": 2003}),
]


PROGRAMMES += [
    # a start said with "since" and a range in one sentence; a year in a relative clause after the name
    (
        "- Kazakh troops have been deployed with KFOR since 2003, and with the Resolute Support Mission from "
        "2015 to 2021.",
        "en",
        {"KFOR": 2003, "RSM": 2015},
    ),
    (
        "- Des troupes kazakhes sont déployées au sein de la KFOR depuis 2003, et l’ont été au sein de la "
        "mission Resolute Support de 2015 à 2021.",
        "fr",
        {"KFOR": 2003, "RSM": 2015},
    ),
    (
        "- The Planning and Review Process, in which Kazakhstan has taken part since 2002, helps it build forces "
        "able to work with Allies.",
        "en",
        {"PARP": 2002},
    ),
    (
        "- Le processus de planification et d’examen, auquel le Kazakhstan participe depuis 2002, l’aide à "
        "développer des forces aptes à travailler avec les Alliés.",
        "fr",
        {"PARP": 2002},
    ),
]


PROGRAMMES += [
    # a phrase set off by commas between the name and its year, or between the verb and the name
    (
        "- Kazakhstan has taken part in the Planning and Review Process, a mechanism for assessing forces, since 2002.",
        "en",
        {"PARP": 2002},
    ),
    (
        "- Le Kazakhstan prend part au processus de planification et d’examen du Partenariat pour la paix, un "
        "mécanisme d’évaluation des forces, depuis 2002.",
        "fr",
        {"PARP": 2002, "PFP": None},
    ),
    (
        "- Kazakhstan has participated in the Science for Peace and Security Programme, which funds civil "
        "research, since 1993.",
        "en",
        {"SPS": 1993},
    ),
    (
        "- Le Kazakhstan participe au programme OTAN pour la science au service de la paix et de la sécurité, "
        "qui finance des projets de recherche civile, depuis 1993.",
        "fr",
        {"SPS": 1993},
    ),
    ("- The country took part in ISAF, in Afghanistan, from 2003 to 2014.", "en", {"ISAF": 2003}),
    ("- Le pays a pris part à la FIAS, en Afghanistan, de 2003 à 2014.", "fr", {"ISAF": 2003}),
    ("- Le Kazakhstan contribue depuis 1999, avec un peloton, à la KFOR.", "fr", {"KFOR": 1999}),
    ("- Kazakhstan has contributed, since 1999, a platoon to KFOR.", "en", {"KFOR": 1999}),
]


@pytest.mark.parametrize(("line", "lang", "expected"), PROGRAMMES)
def test_start_of_a_programme_or_operation(line: str, lang: str, expected: dict[str, int | None]) -> None:
    found = _since(_relation(line, lang, "KAZ"))
    assert {code: found.get(code, -1) for code in expected} == expected


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        (
            "- Kazakhstan takes part in the Planning and Review Process, the Operational Capabilities Concept and "
            "the Building Integrity Programme, which it joined in 2002, 2010 and 2016 respectively.",
            "en",
        ),
        (
            "- Le Kazakhstan participe au processus de planification et d’examen, à l’OCC et au programme pour le "
            "développement de l’intégrité, qu’il a rejoints respectivement en 2002, 2010 et 2016.",
            "fr",
        ),
    ],
)
def test_a_list_of_names_then_years_respectively(line: str, lang: str) -> None:
    r = _relation(line, lang, "KAZ")
    assert _since(r) == {"PARP": 2002, "OCC": 2010, "BI": 2016}
    assert r.events == ()  # two starts are no range "from 2010 to 2016"


# --- (d) cooperation topics named in many ways ----------------------------------------------------

# (line, language, the topics a careful reader tags)
TOPICS = [
    (
        "- Kazakhstan and NATO work together on counter-terrorism and on civil emergency planning.",
        "en",
        {"counter-terrorism", "civil-preparedness"},
    ),
    (
        "- Practical cooperation covers the fight against terrorism and the security of its borders.",
        "en",
        {"counter-terrorism", "border-security"},
    ),
    (
        "- Kazakhstan takes part in work on defence and security sector reform and on cyber defence.",
        "en",
        {"defence-reform", "cyber-defence"},
    ),
    (
        "- Counterterrorism, cybersecurity and public diplomacy are among the areas of cooperation.",
        "en",
        {"counter-terrorism", "cyber-defence", "public-diplomacy"},
    ),
    (
        "- Kazakhstan wants to improve its civil preparedness and its disaster response.",
        "en",
        {"civil-preparedness", "disaster-response"},
    ),
    (
        "- Kazakhstan cooperates with NATO in the fields of arms control and non-proliferation.",
        "en",
        {"arms-control"},
    ),
    ("- Kazakhstan has asked for NATO’s help with security sector reform.", "en", {"defence-reform"}),
    (
        "- Kazakh researchers work with Allied scientists on scientific research and on environmental security.",
        "en",
        {"science", "environmental-security"},
    ),
    (
        "- Le Kazakhstan et l’OTAN coopèrent dans la lutte contre le terrorisme et la planification civile d’urgence.",
        "fr",
        {"counter-terrorism", "civil-preparedness"},
    ),
    (
        "- La coopération porte sur la lutte antiterroriste, la sécurité des frontières et la cyberdéfense.",
        "fr",
        {"counter-terrorism", "border-security", "cyber-defence"},
    ),
    (
        "- Le Kazakhstan participe aux travaux sur la réforme de la défense et du secteur de la sécurité.",
        "fr",
        {"defence-reform"},
    ),
    (
        "- La diplomatie publique et la cybersécurité figurent parmi les domaines de coopération.",
        "fr",
        {"public-diplomacy", "cyber-defence"},
    ),
    (
        "- Le Kazakhstan coopère avec l’OTAN en matière de contrôle des armements et de non-prolifération.",
        "fr",
        {"arms-control"},
    ),
    (
        "- Le pays souhaite renforcer sa préparation civile et sa réaction en cas de catastrophe.",
        "fr",
        {"civil-preparedness", "disaster-response"},
    ),
    (
        "- Le Kazakhstan coopère à la gestion des frontières et à la lutte contre le terrorisme.",
        "fr",
        {"border-security", "counter-terrorism"},
    ),
    (
        "- Des chercheurs kazakhs mènent avec des scientifiques alliés des travaux de recherche scientifique "
        "sur la sécurité environnementale.",
        "fr",
        {"science", "environmental-security"},
    ),
    (
        "- Kazakhstan cooperates with NATO on civil protection and on the democratic control of its armed forces.",
        "en",
        {"civil-preparedness", "democratic-control"},
    ),
    ("- Kazakh experts attended a seminar on the financing of terrorism.", "en", {"counter-terrorism"}),
    (
        "- Le Kazakhstan coopère avec l’OTAN dans les domaines de la protection civile et de la sécurité des "
        "frontières.",
        "fr",
        {"civil-preparedness", "border-security"},
    ),
    ("- La cyber-sécurité est devenue un domaine de coopération.", "fr", {"cyber-defence"}),
    ("- Le Kazakhstan coopère dans le domaine de la recherche scientifique.", "fr", {"science"}),
]


TOPICS += [
    # other words for the same areas
    ("- Kazakh peacekeepers trained with Allied units.", "en", {"peacekeeping"}),
    (
        "- La coopération porte sur la lutte contre la prolifération des armes de destruction massive.",
        "fr",
        {"arms-control"},
    ),
    ("- Cooperation includes work against weapons of mass destruction.", "en", {"arms-control"}),
    ("- Kazakhstan takes part in exercises with Allies every year.", "en", {"training-exercises"}),
    ("- Le Kazakhstan participe chaque année à des exercices avec les Alliés.", "fr", {"training-exercises"}),
    ("- NATO supports the fight against corruption in the defence sector.", "en", {"integrity-building"}),
    ("- L’OTAN soutient la lutte contre la corruption dans le secteur de la défense.", "fr", {"integrity-building"}),
    ("- Kazakhstan works with Allies to respond to natural disasters.", "en", {"disaster-response"}),
    (
        "- Le Kazakhstan travaille avec les Alliés pour faire face aux catastrophes naturelles.",
        "fr",
        {"disaster-response"},
    ),
    ("- NATO advises on the reform of the armed forces.", "en", {"defence-reform"}),
    ("- L’OTAN conseille le pays sur la réforme des forces armées.", "fr", {"defence-reform"}),
    ("- Cooperation covers defence institution building.", "en", {"defence-reform"}),
    ("- La coopération porte sur le renforcement des institutions de défense.", "fr", {"defence-reform"}),
    ("- Kazakhstan cooperates with NATO in the area of emergency planning.", "en", {"civil-preparedness"}),
    ("- Le Kazakhstan coopère avec l’OTAN en matière de planification d’urgence.", "fr", {"civil-preparedness"}),
    ("- Kazakh officers take part in training courses run by Allies.", "en", {"training-exercises"}),
    (
        "- Des officiers kazakhs suivent des stages de formation organisés par les Alliés.",
        "fr",
        {"training-exercises"},
    ),
    ("- NATO supports the democratic oversight of the security sector.", "en", {"democratic-control"}),
    ("- Kazakhstan cooperates with NATO against cyber threats.", "en", {"cyber-defence"}),
    ("- Le Kazakhstan coopère dans la lutte contre les cybermenaces.", "fr", {"cyber-defence"}),
    ("- Kazakhstan works with Allies to strengthen its resilience.", "en", {"civil-preparedness"}),
    ("- Le Kazakhstan travaille avec les Alliés au renforcement de sa résilience.", "fr", {"civil-preparedness"}),
]


TOPICS += [
    ("- Kazakhstan works with NATO on emergency preparedness.", "en", {"civil-preparedness"}),
    (
        "- Le Kazakhstan coopère avec l’OTAN en matière de préparation aux situations d’urgence.",
        "fr",
        {"civil-preparedness"},
    ),
    ("- Les plans d’urgence civils sont un domaine clé.", "fr", {"civil-preparedness"}),
]


@pytest.mark.parametrize(("line", "lang", "expected"), TOPICS)
def test_topics_named_in_other_words(line: str, lang: str, expected: set[str]) -> None:
    assert set(_relation(line, lang, "KAZ").topics) == expected


# --- the steps on their own -------------------------------------------------------------------------


def _parts(text: str) -> list[str]:
    low = fold_chars(text)
    return [low[c.start : c.end].strip(" ,.") for c in clauses.clauses(low, mentions.tokens(low))]


def test_a_date_opening_the_sentence_ends_no_phrase_before_and() -> None:
    # "and" after "In 2005 Mongolia" joins the subjects; after "began in 2005" it opens a clause.
    assert _parts("In 2005 Mongolia and NATO began a dialogue.") == ["in 2005 mongolia and nato began a dialogue"]
    assert _parts("Dialogue began in 2005 and Mongolia became a partner in 2012.") == [
        "dialogue began in 2005",
        "and mongolia became a partner in 2012",
    ]
    assert _parts("It was in 1992 that NATO and Kazakhstan met.") == ["it was in 1992 that nato and kazakhstan met"]
    # ... and a date right after "and" opens a clause of its own
    assert _parts("It joined the PfP in March 1995 and in 2002 the PARP.") == [
        "it joined the pfp in march 1995",
        "and in 2002 the parp",
    ]
    assert _parts("It joined the PfP and since 2002 the PARP.") == ["it joined the pfp", "and since 2002 the parp"]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The Membership Action Plan, which it joined in 1999, frames its reforms.", "membership action plan", 0),
        ("Le plan d'action pour l'adhesion, que le pays a rejoint en 1999, encadre ses reformes.", "plan", 0),
        # the relative clause follows the year, not the name: it describes nothing named
        ("Kazakhstan joined the NACC in 1992, which it recalled in 2012.", "nacc", None),
    ],
)
def test_a_year_in_a_relative_clause_goes_to_the_name_the_pronoun_follows(
    text: str, name: str, expected: int | None
) -> None:
    low = fold_chars(text)
    at = low.index(name)
    span = (at, at + len(name)) if name != "plan" else (at, low.index(","))
    year = low.rindex("19") if "2012" not in low else low.index("2012")
    assert clauses.attach_years(low, mentions.tokens(low), [span], [(int(low[year : year + 4]), year)]) == [expected]


def test_a_year_after_a_phrase_set_off_by_commas_goes_back_to_the_named_clause() -> None:
    low = fold_chars("It joined PARP, a process for partners, since 2002; it trains, every year, in 2010.")
    toks = mentions.tokens(low)
    parts = clauses.clauses(low, toks)
    parp = low.index("parp")
    years = [(2002, low.index("2002")), (2010, low.index("2010"))]
    # 2002 goes back past the apposition to the clause naming PARP; 2010 has no named clause to go
    # back to (a semicolon stops the way back) and stays with the clause before it
    units = clauses.year_units(low, toks, parts, years, [(parp, parp + 4)])
    assert units[0] == 0
    assert units[1] != 0
