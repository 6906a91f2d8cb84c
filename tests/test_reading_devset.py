"""A small development set for the reader (issue 20): topics, events and dated facts, both languages.

Every sentence is written for this file, in the project's own words, in the manner of NATO's
partner pages (a bullet per fact, cooperation areas named in running text). The expected topics,
event dates and start years were typed by hand from what each sentence says, before the reader was
run on it; a case is one short page: a title, an opening sentence naming nothing, then the lines.
"""

import pytest

import partnerdata
from partnerdata import extract

DS = partnerdata.load()

HEADS = {
    "en": "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n",
    "fr": "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n",
}

# (lines, language, expected topics, expected event dates in page order)
CASES = [
    (
        "- In June 2019, Kazakhstan's Minister of Defence visited NATO Headquarters to discuss cooperation "
        "on cyber defence and counter-terrorism.",
        "en",
        {"cyber-defence", "counter-terrorism"},
        ["2019-06"],
    ),
    (
        "- NATO has supported Kazakhstan's efforts to strengthen border security along its southern frontier.",
        "en",
        {"border-security"},
        [],
    ),
    (
        "- Officers from Kazakhstan regularly attend courses at the NATO School and take part in "
        "defence education activities.",
        "en",
        {"training-exercises", "defence-education"},
        [],
    ),
    (
        "- On 14 March 2017, a multi-year project on arms control was launched with the support of NATO.",
        "en",
        {"arms-control"},
        ["2017-03-14"],
    ),
    (
        "- Kazakhstan works with Allies on capacity building and on civil emergency planning, including "
        "preparing for floods and earthquakes.",
        "en",
        {"interoperability", "civil-preparedness"},
        [],
    ),
    (
        "- A national peacekeeping battalion took part in a NATO exercise from 3 to 12 September 2015.",
        "en",
        {"peacekeeping", "training-exercises"},
        ["2015-09-03"],
    ),
    (
        "- In 2021, experts from Kazakhstan and NATO met in Astana to review work on building integrity "
        "in the defence sector.",
        "en",
        {"integrity-building"},
        ["2021"],
    ),
    (
        "- Cooperation in the fight against terrorism was stepped up after 2001.",
        "en",
        {"counter-terrorism"},
        ["2001"],
    ),
    (
        "- Scientists from Kazakhstan have led projects on environmental security, and a workshop on "
        "defence planning was held in November 2012.",
        "en",
        {"environmental-security", "defence-planning"},
        ["2012-11"],
    ),
    (
        "- Kazakhstan signed an agreement on the transit of supplies in 2010.",
        "en",
        set(),
        ["2010"],
    ),
    (
        "- En juin 2019, le ministre kazakh de la Défense s’est rendu au siège de l’OTAN pour évoquer la "
        "coopération en matière de cyberdéfense et de lutte contre le terrorisme.",
        "fr",
        {"cyber-defence", "counter-terrorism"},
        ["2019-06"],
    ),
    (
        "- L’OTAN soutient les efforts du Kazakhstan pour renforcer la sécurité de ses frontières méridionales.",
        "fr",
        {"border-security"},
        [],
    ),
    (
        "- Des officiers kazakhs suivent régulièrement des cours à l’École de l’OTAN et participent à des "
        "activités de formation « défense ».",
        "fr",
        {"training-exercises", "defence-education"},
        [],
    ),
    (
        "- Le 14 mars 2017, un projet pluriannuel sur la maîtrise des armements a été lancé avec le soutien de l’OTAN.",
        "fr",
        {"arms-control"},
        ["2017-03-14"],
    ),
    (
        "- Le Kazakhstan travaille avec les Alliés au renforcement des capacités et aux plans civils "
        "d’urgence, notamment face aux inondations et aux séismes.",
        "fr",
        {"interoperability", "civil-preparedness"},
        [],
    ),
    (
        "- Un bataillon kazakh de maintien de la paix a participé à un exercice de l’OTAN du 3 au 12 septembre 2015.",
        "fr",
        {"peacekeeping", "training-exercises"},
        ["2015-09-03"],
    ),
    (
        "- En 2021, des experts du Kazakhstan et de l’OTAN se sont réunis à Astana pour examiner les travaux "
        "sur le développement de l’intégrité dans le secteur de la défense.",
        "fr",
        {"integrity-building"},
        ["2021"],
    ),
    (
        "- La coopération dans la lutte contre le terrorisme s’est intensifiée après 2001.",
        "fr",
        {"counter-terrorism"},
        ["2001"],
    ),
    (
        "- Des chercheurs kazakhs ont dirigé des projets sur la sécurité environnementale, et un atelier sur "
        "la planification de la défense s’est tenu en novembre 2012.",
        "fr",
        {"environmental-security", "defence-planning"},
        ["2012-11"],
    ),
    (
        "- Le Kazakhstan a signé en 2010 un accord sur le transit de fournitures.",
        "fr",
        set(),
        ["2010"],
    ),
    # a topic named inside another topic's name is an area of its own
    (
        "- Kazakh specialists take part in cyber defence exercises organised by Allies.",
        "en",
        {"cyber-defence", "training-exercises"},
        [],
    ),
    (
        "- Des spécialistes kazakhs participent à des exercices de cyberdéfense organisés par les Alliés.",
        "fr",
        {"cyber-defence", "training-exercises"},
        [],
    ),
    # one area of a topic whose label lists several
    ("- A workshop on arms control took place in Almaty in October 2014.", "en", {"arms-control"}, ["2014-10"]),
    (
        "- Un atelier sur la maîtrise des armements s’est tenu à Almaty en octobre 2014.",
        "fr",
        {"arms-control"},
        ["2014-10"],
    ),
    # a programme that is an area by what it is
    ("- A NATO Depository Library opened at a university in Almaty in 2012.", "en", {"public-diplomacy"}, ["2012"]),
    (
        "- Une bibliothèque dépositaire de l’OTAN a ouvert ses portes dans une université d’Almaty en 2012.",
        "fr",
        {"public-diplomacy"},
        ["2012"],
    ),
    ("- Kazakhstan joined the Building Integrity Programme in 2016.", "en", {"integrity-building"}, []),
    (
        "- Le Kazakhstan a rejoint le programme OTAN pour le développement de l’intégrité en 2016.",
        "fr",
        {"integrity-building"},
        [],
    ),
    # a programme in a negated clause gives no area
    ("- Kazakhstan does not take part in the Building Integrity Programme.", "en", set(), []),
    (
        "- Le Kazakhstan ne participe pas au programme OTAN pour le développement de l’intégrité.",
        "fr",
        set(),
        [],
    ),
    # a capacity-building programme is a kind of programme, not the interoperability topic
    (
        "- Kazakhstan takes part in the Defence Education Enhancement Programme, a capacity building programme.",
        "en",
        {"defence-education"},
        [],
    ),
]


@pytest.mark.parametrize(("lines", "lang", "topics", "events"), CASES)
def test_topics_and_events_of_a_devset_line(lines: str, lang: str, topics: set[str], events: list[str]) -> None:
    r = extract(HEADS[lang] + lines, vocabulary=DS).relation
    assert set(r.topics) == topics
    assert [e.date.isoformat() for e in r.events] == events


# (lines, language, start of relations, year of joining the PfP, events)
DATED = [
    # relations said with another word: ties, contacts, links
    ("- Kazakhstan's ties with NATO date back to 1992.", "en", 1992, None, []),
    ("- Contacts between NATO and Kazakhstan began in 1992.", "en", 1992, None, []),
    ("- Le Kazakhstan a noué des liens avec l’OTAN en 1992.", "fr", 1992, None, []),
    ("- Les premiers contacts entre l’OTAN et le Kazakhstan remontent à 1992.", "fr", 1992, None, []),
    ("- Formal relations between NATO and Kazakhstan go back to 1992.", "en", 1992, None, []),
    (
        "- Relations were formalised in 1992, and Kazakhstan joined the Partnership for Peace in 1995.",
        "en",
        1992,
        1995,
        [],
    ),
    (
        "- Kazakhstan signed the Partnership for Peace Framework Document in 1995.\n"
        "- In 2014-2015, it hosted two courses on counter-terrorism.",
        "en",
        None,
        1995,
        ["2014"],
    ),
    (
        "- Kazakhstan has been a member of the Partnership for Peace since 1995.\n"
        "- The Secretary General travelled to Astana in autumn 2017.",
        "en",
        None,
        1995,
        ["2017"],
    ),
    ("- Les relations entre l’OTAN et le Kazakhstan ont été officialisées en 1992.", "fr", 1992, None, []),
    ("- Les relations avec l’OTAN ont vu le jour en 1992.", "fr", 1992, None, []),
    (
        "- Le Kazakhstan a signé le document-cadre du Partenariat pour la paix en 1995.\n"
        "- En 2014-2015, il a accueilli deux cours sur la lutte contre le terrorisme.",
        "fr",
        None,
        1995,
        ["2014"],
    ),
    (
        "- Le Kazakhstan est membre du Partenariat pour la paix depuis 1995.\n"
        "- Le secrétaire général s’est rendu à Astana à l’automne 2017.",
        "fr",
        None,
        1995,
        ["2017"],
    ),
]


@pytest.mark.parametrize(("lines", "lang", "relations", "pfp", "events"), DATED)
def test_dated_facts_of_a_devset_line(
    lines: str, lang: str, relations: int | None, pfp: int | None, events: list[str]
) -> None:
    r = extract(HEADS[lang] + lines, vocabulary=DS).relation
    assert (None if r.relations_since is None else r.relations_since.year) == relations
    assert r.pfp_since == pfp
    assert [e.date.isoformat() for e in r.events] == events


# (lines, language, events as (date, end year or ISO end date))
EVENTS = [
    # two days joined by "and"; two months joined by "and"; "the 5th of"
    ("- NATO and Kazakh experts met in Astana on 26 and 27 May 2015.", "en", [("2015-05-26", "2015-05-27")]),
    (
        "- Des experts de l’OTAN et du Kazakhstan se sont réunis à Astana les 26 et 27 mai 2015.",
        "fr",
        [("2015-05-26", "2015-05-27")],
    ),
    ("- Kazakh officers attended a course in Oberammergau in May and June 2016.", "en", [("2016-05", "2016-06")]),
    ("- Des officiers kazakhs ont suivi un cours à Oberammergau en mai et juin 2016.", "fr", [("2016-05", "2016-06")]),
    ("- The agreement entered into force on the 5th of December 2012.", "en", [("2012-12-05", None)]),
    (
        "- Kazakhstan joined the Partnership for Peace in 1995 and hosted its first PfP exercise in 1997.",
        "en",
        [("1997", None)],
    ),
    ("- Between 2014-15, Kazakh staff officers served at NATO Headquarters.", "en", [("2014", "2015")]),
    (
        "- On July 1st, 2016, NATO and Kazakhstan signed a memorandum on host nation support.",
        "en",
        [("2016-07-01", None)],
    ),
    (
        "- Kazakhstan's Foreign Minister addressed the Euro-Atlantic Partnership Council on 5 December 2012.",
        "en",
        [("2012-12-05", None)],
    ),
    (
        "- Le Kazakhstan a rejoint le Partenariat pour la paix en 1995 et a accueilli son premier exercice "
        "du PPP en 1997.",
        "fr",
        [("1997", None)],
    ),
    ("- En 2014-15, des officiers d’état-major kazakhs ont servi au siège de l’OTAN.", "fr", [("2014", "2015")]),
    (
        "- Le 1er juillet 2016, l’OTAN et le Kazakhstan ont signé un mémorandum sur le soutien du pays hôte.",
        "fr",
        [("2016-07-01", None)],
    ),
    (
        "- Le ministre kazakh des Affaires étrangères s’est adressé au Conseil de partenariat "
        "euro-atlantique le 5 décembre 2012.",
        "fr",
        [("2012-12-05", None)],
    ),
]


@pytest.mark.parametrize(("lines", "lang", "events"), EVENTS)
def test_events_of_a_devset_line(lines: str, lang: str, events: list[tuple[str, str | None]]) -> None:
    r = extract(HEADS[lang] + lines, vocabulary=DS).relation
    found = [(e.date.isoformat(), None if e.end_date is None else e.end_date.isoformat()) for e in r.events]
    assert found == events
