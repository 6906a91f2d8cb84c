"""Round 8 of the reading rules (issue 20): phrasing families the reader missed on real NATO pages.

Each family was found as a miss (or a false fact) when the reader was scored on a dozen real
partner pages kept outside the repository; their sentences never enter it. The sentences here are
written for this file, in the project's own words, two or more per language and family, none of
them a page's sentence. The expected facts were typed by hand from what each sentence says under
``extraction-conventions.md``, before the rule was changed. A case is one short page: a title, an
opening sentence naming nothing, then the lines.
"""

import pytest
from _reading import DS
from _reading import events as _events
from _reading import lines as _relation
from _reading import since as _since
from _reading import start as _start

import partnerdata

# --- A. a reform whose field is the defence or security sector, named apart from the word "reform" ----

REFORM = [
    ("NATO backs a wide reform process in Kazakhstan for its institutions and its defence sector.", "en"),
    ("Most of the help goes to deep reform in the security and defence sector of the country.", "en"),
    ("The Allies advise Kazakhstan on its reform efforts in democracy, institutions and defence.", "en"),
    (
        "L’OTAN soutient le processus de réforme engagé au Kazakhstan au profit de ses institutions et du secteur "
        "de la défense.",
        "fr",
    ),
    ("L’Alliance appuie les réformes démocratiques du pays, en particulier dans les secteurs de la sécurité.", "fr"),
    (
        "Les Alliés conseillent le Kazakhstan dans ses efforts de réforme, notamment en matière de démocratie, "
        "d’institutions et de défense.",
        "fr",
    ),
]


@pytest.mark.parametrize(("line", "lang"), REFORM)
def test_a_reform_of_the_defence_or_security_sector_is_defence_reform(line: str, lang: str) -> None:
    assert "defence-reform" in _relation(line, lang).topics


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # the reform of schools that teach the defence sector is defence education, not defence reform
        ("NATO experts help to reform the training colleges of the defence sector of Kazakhstan.", "en"),
        ("Des experts de l’OTAN aident à réformer les écoles de formation du secteur de la défense.", "fr"),
        # a reform and a sector on the two sides of a contrast are two statements
        ("Kazakhstan reformed its customs service, but the security sector has seen no change.", "en"),
    ],
)
def test_a_reform_apart_from_the_defence_sector_is_no_defence_reform(line: str, lang: str) -> None:
    assert "defence-reform" not in _relation(line, lang).topics


# --- B. training said as a noun of its own -------------------------------------------------------------
# (Training as a verb is left alone: "Kazakh peacekeepers trained with Allied units" names peacekeeping
# only in tests/test_reading_variants.py, and "rescuers train with their neighbours" no topic in
# tests/test_reading_round2.py.)

TRAINING = [
    ("Cooperation with NATO covers training and education, science and cyber defence.", "en"),
    ("Kazakhstan’s work with NATO includes education, training of personnel and civil emergency planning.", "en"),
    ("Kazakhstan is most interested in training and in maritime security.", "en"),
    ("La coopération avec l’OTAN porte sur la formation des militaires et sur la science.", "fr"),
    ("Le Kazakhstan et l’OTAN travaillent ensemble dans l’enseignement et la formation.", "fr"),
    ("Les marins kazakhs reçoivent une formation auprès des marines alliées.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), TRAINING)
def test_training_standing_alone_is_training(line: str, lang: str) -> None:
    assert "training-exercises" in _relation(line, lang).topics


@pytest.mark.parametrize(
    ("line", "lang", "topics"),
    [
        # training qualified by another area is that area
        ("Kazakh officers receive language training in Allied countries.", "en", ("language-training",)),
        ("Des officiers kazakhs suivent une formation linguistique à l’étranger.", "fr", ("language-training",)),
        # a training system qualified as military is defence education (round 7)
        ("Le Kazakhstan modernise son système de formation militaire.", "fr", ("defence-education",)),
        # "formation" as a school's kind of course, qualified by "défense", is defence education
        ("Le Kazakhstan revoit la formation « défense » de ses officiers.", "fr", ("defence-education",)),
        # training that is not given is no training
        ("Kazakhstan does not take part in training with NATO.", "en", ()),
    ],
)
def test_qualified_or_negated_training_is_not_training(line: str, lang: str, topics: tuple[str, ...]) -> None:
    assert _relation(line, lang).topics == topics


# --- C. French relations said with plain verbs of dialogue ------------------------------------------------

DIALOGUE_VERBS = [
    ("Le Kazakhstan et l’OTAN dialoguent et coopèrent depuis 1995.", "fr", 1995),
    ("L’OTAN et le Kazakhstan dialoguent depuis 1993 sur les questions de sécurité.", "fr", 1993),
    # the English forms were read already; they guard the same reading
    ("Kazakhstan and NATO have been engaged in dialogue and cooperation since 1995.", "en", 1995),
    ("NATO and Kazakhstan have held a dialogue on security issues since 1993.", "en", 1993),
]


@pytest.mark.parametrize(("line", "lang", "year"), DIALOGUE_VERBS)
def test_talking_and_cooperating_since_a_year_starts_relations(line: str, lang: str, year: int) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (year, None)  # no framework is named
    assert r.cooperation_since is None  # practical cooperation did not begin with a framework
    assert _events(r) == []  # the year is held by the field


# --- D. a start through two joins in one sentence: the first join starts both -------------------------

TWO_JOINS = [
    (
        "Cooperation between Austria and NATO began when the country joined the Partnership for Peace, in 1995, "
        "and became a member of the Euro-Atlantic Partnership Council, in 1997.",
        "en",
    ),
    (
        "Austria’s cooperation with the Alliance started when it joined the Partnership for Peace in 1995 and "
        "became a member of the Euro-Atlantic Partnership Council in 1997.",
        "en",
    ),
    (
        "La coopération entre l’Autriche et l’OTAN a débuté quand le pays a adhéré au Partenariat pour la paix, "
        "en 1995, et qu’il est devenu membre du Conseil de partenariat euro-atlantique, en 1997.",
        "fr",
    ),
    (
        "La coopération de l’Autriche avec l’Alliance a commencé lorsqu’elle a rejoint le Partenariat pour la paix "
        "en 1995 et qu’elle est devenue membre du Conseil de partenariat euro-atlantique en 1997.",
        "fr",
    ),
]


@pytest.mark.parametrize(("line", "lang"), TWO_JOINS)
def test_cooperation_that_began_with_the_first_of_two_joins(line: str, lang: str) -> None:
    r = _relation(line, lang, "AUT")
    assert _start(r.relations_since) == (1995, "PFP")
    assert _start(r.cooperation_since) == (1995, "PFP")
    assert r.pfp_since == 1995
    assert _events(r) == []  # joining the EAPC in 1997 is no event (tests/fixtures/layouts/README.md)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # a partner that joined the forum first: relations began there, cooperation with the PfP
        (
            "Relations began when Kazakhstan joined the North Atlantic Cooperation Council in 1992, and practical "
            "cooperation followed when it joined the Partnership for Peace in 1994.",
            "en",
        ),
        (
            "Les relations ont débuté quand le Kazakhstan a rejoint le Conseil de coopération nord-atlantique en "
            "1992, et la coopération pratique a suivi quand il a adhéré au Partenariat pour la paix en 1994.",
            "fr",
        ),
    ],
)
def test_a_forum_joined_first_still_starts_relations(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (1992, "NACC")
    assert _start(r.cooperation_since) == (1994, "PFP")


# --- E. "dialogue and cooperation started when it joined X (Y1) and Y (Y2)": no cooperation start ----------

DIALOGUE_AND_COOPERATION = [
    (
        "Dialogue and cooperation between them started when Kazakhstan joined the North Atlantic Cooperation "
        "Council (1992) and the Partnership for Peace (1994).",
        "en",
    ),
    (
        "Le dialogue et la coopération ont commencé quand le Kazakhstan a rejoint le Conseil de coopération "
        "nord-atlantique (1992) puis le Partenariat pour la paix (1994).",
        "fr",
    ),
]


@pytest.mark.parametrize(("line", "lang"), DIALOGUE_AND_COOPERATION)
def test_dialogue_and_cooperation_start_relations_with_the_forum(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert _start(r.relations_since) == (1992, "NACC")
    # Practical cooperation is dated only where it began with a framework (the PfP): the forum's year,
    # with no framework for cooperation, is no start of it.
    assert r.cooperation_since is None or _start(r.cooperation_since) == (1994, "PFP")
    assert r.pfp_since == 1994


# --- F. neutrality that is not called permanent is no permanent neutrality --------------------------------

NEUTRALITY = [
    ("Austria’s cooperation with NATO respects its long-standing policy of military neutrality.", "en", None),
    ("NATO fully respects the neutrality of Austria.", "en", None),
    ("La coopération de l’Autriche avec l’OTAN respecte sa politique de neutralité militaire.", "fr", None),
    ("L’OTAN respecte pleinement la neutralité de l’Autriche.", "fr", None),
    # called permanent, or laid down in the constitution: permanent
    ("Austria keeps a permanent neutrality that NATO respects.", "en", True),
    ("The neutrality of Austria is laid down in its constitution.", "en", True),
    ("La neutralité de l’Autriche est inscrite dans sa Constitution.", "fr", True),
    ("L’Autriche a adopté une politique de neutralité permanente.", "fr", True),
]


@pytest.mark.parametrize(("line", "lang", "permanent"), NEUTRALITY)
def test_only_neutrality_called_permanent_is_permanent(line: str, lang: str, permanent: bool | None) -> None:
    assert _relation(line, lang, "AUT").stance.permanent_neutrality is permanent


# --- G. an operation's own troops, supported through transit, are no forces of the partner ----------------

TRANSIT_TO_TROOPS = [
    ("Kazakhstan supported ISAF troops in Afghanistan through transit agreements.", "en"),
    (
        "Kazakhstan has helped the troops of the International Security Assistance Force (ISAF) with transit "
        "arrangements.",
        "en",
    ),
    (
        "Le Kazakhstan a apporté un soutien aux troupes de la Force internationale d’assistance à la sécurité "
        "(FIAS) grâce à des accords de transit.",
        "fr",
    ),
    ("Le Kazakhstan a facilité le transit des troupes de la FIAS vers l’Afghanistan.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), TRANSIT_TO_TROOPS)
def test_transit_for_an_operations_troops_is_infrastructure(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert "ISAF" not in _since(r)  # support for the operation, not a participation
    assert (r.stance.contributes_forces, r.stance.contributes_infrastructure) == (None, True)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # the partner's own troops in the operation are forces all the same
        ("Kazakh troops served in ISAF, and transit agreements supported the force.", "en"),
        ("Des troupes kazakhes ont servi dans la FIAS.", "fr"),
    ],
)
def test_the_partners_own_troops_in_an_operation_are_forces(line: str, lang: str) -> None:
    r = _relation(line, lang)
    assert "ISAF" in _since(r)
    assert r.stance.contributes_forces is True


# --- H. training with Allied ships is no infrastructure ---------------------------------------------------

SHIPS = [
    ("Its training squadron has exercised with NATO ships in the Black Sea.", "en"),
    ("A Kazakh patrol boat trained alongside Allied vessels in the Caspian Sea in 2015.", "en"),
    ("Des navires-écoles kazakhs se sont entraînés avec des navires de l’OTAN en mer Noire.", "fr"),
    ("Un patrouilleur kazakh a navigué aux côtés de navires alliés en mer Caspienne.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), SHIPS)
def test_sailing_with_allied_ships_is_no_infrastructure(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_infrastructure is None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # Allied ships that call at the partner's ports are hosted: infrastructure
        ("Allied ships have called at the port of Aktau since 2010.", "en"),
        ("Des navires alliés font escale dans le port d’Aktaou depuis 2010.", "fr"),
        # or received by it, said with a verb of hosting
        ("Kazakhstan hosted Allied aircraft during a NATO-led operation in 2011.", "en"),
        ("Le Kazakhstan a accueilli des avions alliés pendant une opération dirigée par l’OTAN en 2011.", "fr"),
    ],
)
def test_allied_ships_hosted_in_its_ports_are_infrastructure(line: str, lang: str) -> None:
    assert _relation(line, lang).stance.contributes_infrastructure is True


# --- I. a list of years: every year is an event; "in Y1 and Y2" is no range --------------------------------

YEAR_LISTS = [
    ("Kazakhstan hosted NATO seminars on border security in 2009, 2010 and 2012.", "en", ["2009", "2010", "2012"]),
    ("The Allies restated this offer at their summits in 2010, 2012 and 2014.", "en", ["2010", "2012", "2014"]),
    ("Kazakhstan hosted NATO seminars in 2010 and 2012.", "en", ["2010", "2012"]),
    ("Le Kazakhstan a accueilli des séminaires de l’OTAN en 2009, 2010 et 2012.", "fr", ["2009", "2010", "2012"]),
    ("Cette offre a été réaffirmée aux sommets de l’OTAN en 2010, 2012 et 2014.", "fr", ["2010", "2012", "2014"]),
    ("Le Kazakhstan a accueilli des séminaires de l’OTAN en 2010 et 2012.", "fr", ["2010", "2012"]),
]


@pytest.mark.parametrize(("line", "lang", "dates"), YEAR_LISTS)
def test_every_year_of_a_list_is_an_event(line: str, lang: str, dates: list[str]) -> None:
    assert _events(_relation(line, lang)) == dates


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("Kazakhstan hosted a NATO office between 2010 and 2012.", "en"),
        ("Le Kazakhstan a accueilli un bureau de l’OTAN entre 2010 et 2012.", "fr"),
    ],
)
def test_between_two_years_is_a_range(line: str, lang: str) -> None:
    assert _events(_relation(line, lang)) == ["2010..2012"]


# --- J. dated statements of NATO's policy for all partners are no events of the partner -------------------

POLICY = [
    ("The new partnership policy the Allies adopted in April 2011 offers all partners the same tools.", "en"),
    ("A Strategic Concept agreed at the 2010 Lisbon Summit gave all partners the same basis for dialogue.", "en"),
    ("La politique de partenariat adoptée en avril 2011 offre à tous les partenaires les mêmes outils.", "fr"),
    ("Depuis 2014, l’OTAN ouvre ses exercices à tous ses partenaires.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), POLICY)
def test_a_policy_for_all_partners_is_no_event_of_the_partner(line: str, lang: str) -> None:
    assert _events(_relation(line, lang)) == []


@pytest.mark.parametrize(
    ("line", "lang", "dates"),
    [
        # the partner named: its own statement, an event
        ("In April 2011 the Allies invited Kazakhstan, like all partners, to their exercises.", "en", ["2011-04"]),
        ("En avril 2011, les Alliés ont invité le Kazakhstan, comme tous les partenaires.", "fr", ["2011-04"]),
    ],
)
def test_a_policy_applied_to_the_partner_is_an_event(line: str, lang: str, dates: list[str]) -> None:
    assert _events(_relation(line, lang)) == dates


# --- K. a photo caption dated in brackets, above the introduction, is a caption --------------------------

CAPTIONED = [
    (
        "NATO cooperation with Kazakhstan\n\n"
        "Left to right: the President of Kazakhstan and the NATO Secretary General\n\n"
        "The President of Kazakhstan meets the NATO Secretary General (May 2011).\n\n"
        "NATO and Kazakhstan have worked together for many years.\n\n"
        "- Kazakhstan joined the Partnership for Peace in 1995.\n",
        "NATO and Kazakhstan have worked together for many years.",
    ),
    (
        "Les relations de l’OTAN avec le Kazakhstan\n\n"
        "De gauche à droite : le président du Kazakhstan et le Secrétaire général de l’OTAN\n\n"
        "Le président du Kazakhstan et le Secrétaire général de l’OTAN (12 mai 2011).\n\n"
        "L’OTAN et le Kazakhstan travaillent ensemble depuis de nombreuses années.\n\n"
        "- Le Kazakhstan a adhéré au Partenariat pour la paix en 1995.\n",
        "L’OTAN et le Kazakhstan travaillent ensemble depuis de nombreuses années.",
    ),
]


@pytest.mark.parametrize(("text", "intro"), CAPTIONED)
def test_a_dated_photo_caption_above_the_introduction_is_no_statement(text: str, intro: str) -> None:
    page = partnerdata.parse_page(text)
    assert page.introduction.text == intro
    assert len(page.captions) == 2  # both lines of the photo
    r = partnerdata.extract(page, vocabulary=DS).relation
    assert _events(r) == []
    assert r.pfp_since == 1995


# --- L. support for Allied operations -----------------------------------------------------------------

ALLIED_OPERATIONS = [
    ("Kazakhstan has played a part in supporting Allied operations in Afghanistan.", "en"),
    ("Kazakhstan gives political support to Alliance operations.", "en"),
    ("Le Kazakhstan a contribué au soutien des opérations alliées en Afghanistan.", "fr"),
    ("Le Kazakhstan soutient les opérations de l’Alliance.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), ALLIED_OPERATIONS)
def test_supporting_allied_operations_is_operations_support(line: str, lang: str) -> None:
    assert "operations-support" in _relation(line, lang).topics


# --- N. peace support with a word inside the term ---------------------------------------------------------

PEACE_SUPPORT = [
    ("Kazakh officers have served in peace support missions under UN mandates.", "en"),
    ("Kazakhstan trains its units for multinational peace support.", "en"),
    ("Des officiers kazakhs ont pris part à des opérations multinationales de soutien de la paix.", "fr"),
    ("Le Kazakhstan prépare ses unités aux missions de soutien à la paix.", "fr"),
]


@pytest.mark.parametrize(("line", "lang"), PEACE_SUPPORT)
def test_peace_support_is_peacekeeping(line: str, lang: str) -> None:
    assert "peacekeeping" in _relation(line, lang).topics


# --- the new rules stay linear on hostile sentences -----------------------------------------------------

HOSTILE = [
    "reform " * 20_000 + "of the defence sector.",
    "the defence sector " * 10_000 + "reform; " * 10_000,
    "reform training " * 20_000 + "of the security sector.",
    "training " * 20_000,
    "la formation " * 20_000,
    "systeme de formation militaire " * 10_000,
]


@pytest.mark.parametrize("low", HOSTILE)
def test_cue_topics_are_linear(low: str) -> None:
    from test_regex import hang_guard

    from partnerdata._ingest import cues

    with hang_guard(20):
        cues.cue_topics(low)


@pytest.mark.parametrize(
    "line",
    [
        "Kazakhstan hosted seminars in " + ", ".join(str(1950 + k % 70) for k in range(20_000)) + ".",
        "Austria keeps a permanent neutrality; " * 5_000,
        "Kazakhstan supported ISAF troops and the troops of the ISAF " * 5_000 + "through transit.",
    ],
)
def test_year_lists_neutrality_and_others_troops_are_linear(line: str) -> None:
    from test_regex import hang_guard

    with hang_guard(30):
        _relation(line, "en", "AUT")
