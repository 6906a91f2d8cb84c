"""The fact step of the starts (``_ingest/facts_start.py``), each function on its own.

Every expectation is written by hand from the sentence: the year a start word dates in its
clause, the framework named with it, and practical cooperation apart from relations.
"""

import pytest
from _facts import context, sentence

from partnerdata._ingest import cues, facts_start


def _starts(body: str, lang: str) -> tuple[tuple[int, str | None] | None, tuple[int, str | None] | None]:
    """(year, via) of the start of relations and of cooperation, read from a page of ``body``."""
    found = context(body, lang)
    relations = facts_start.relations_since(found)
    cooperation = facts_start.cooperation_since(found, relations)
    return (
        None if relations is None else (relations[0].year, relations[0].via),
        None if cooperation is None else (cooperation[0].year, cooperation[0].via),
    )


@pytest.mark.parametrize(
    ("body", "lang", "relations", "cooperation"),
    [
        (
            "- Relations began in 1992, when Kazakhstan joined the North Atlantic Cooperation Council.\n",
            "en",
            (1992, "NACC"),
            None,
        ),
        (
            "- Les relations ont débuté en 1992, quand le Kazakhstan a rejoint le Conseil de coopération "
            "nord-atlantique.\n",
            "fr",
            (1992, "NACC"),
            None,
        ),
        # The sentence's first year is no start: the start word's clause has none.
        ("- Kazakhstan became a partner in 2020, long after relations began.\n", "en", None, None),
        # Joining a forum starts relations through it.
        ("- Kazakhstan joined the Mediterranean Dialogue in 2000.\n", "en", (2000, "MD"), None),
        # A partner "since" a year, where nothing else says when relations began.
        ("- Kazakhstan has been a partner of NATO since 1995.\n", "en", (1995, None), None),
        ("- Le Kazakhstan est partenaire de l’OTAN depuis 1995.\n", "fr", (1995, None), None),
        # One sentence for both starts: cooperation is the clause after its word.
        (
            "- Dialogue began in 1992, and practical cooperation followed when Kazakhstan joined the "
            "Partnership for Peace in 1995.\n",
            "en",
            (1992, None),
            (1995, "PFP"),
        ),
        (
            "- Relations started in 1992.\n- Practical cooperation began in 1995 with the Partnership for Peace.\n",
            "en",
            (1992, None),
            (1995, "PFP"),
        ),
        (
            "- La coopération pratique a débuté en 1995 dans le cadre du Partenariat pour la paix.\n",
            "fr",
            None,
            (1995, "PFP"),
        ),
        # Cooperation said to start before relations is no start of cooperation.
        ("- Practical cooperation began in 1990.\n- Relations began in 1992.\n", "en", (1992, None), None),
    ],
)
def test_relations_and_cooperation_start(
    body: str, lang: str, relations: tuple[int, str | None] | None, cooperation: tuple[int, str | None] | None
) -> None:
    assert _starts(body, lang) == (relations, cooperation)


def test_the_start_cites_its_sentence() -> None:
    found = context("- NATO and Kazakhstan talk.\n- Relations began in 1992.\n")
    relations = facts_start.relations_since(found)
    assert relations is not None
    assert relations[1] is found.sentences[-1]
    assert relations[0].evidence == (found.sentences[-1].evidence,)


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Relations began in 1992.", "en", True),
        ("NATO and Kazakhstan have held a dialogue since 1993.", "en", True),
        ("Le dialogue politique a commencé en 1993.", "fr", True),
        # "Dialogue" inside a forum's name is no dialogue of the partner.
        ("Kazakhstan takes part in the Mediterranean Dialogue.", "en", False),
        ("Le Kazakhstan participe au Dialogue méditerranéen.", "fr", False),
    ],
)
def test_speaks_of_relations(line: str, lang: str, expected: bool) -> None:
    _, s = sentence(line, lang)
    assert facts_start.speaks_of_relations(s) is expected


@pytest.mark.parametrize(
    ("line", "lang", "year"),
    [
        ("Relations began in 1992 and Kazakhstan joined the PfP in 1995.", "en", 1992),
        ("Les relations ont débuté en 1992.", "fr", 1992),
        # A clause renaming the one before: the year before it.
        ("Kazakhstan joined the PfP in 1995, the start of its relations with NATO.", "en", 1995),
        ("Relations, which began in 1992, deepened in 2002.", "en", 1992),
        # "at that time": the year said before.
        ("In 1995 Kazakhstan joined the PfP; relations began at that time.", "en", 1995),
        # No start word: no year.
        ("Kazakhstan joined the PfP in 1995.", "en", None),
    ],
)
def test_the_year_of_a_start_word(line: str, lang: str, year: int | None) -> None:
    _, s = sentence(line, lang)
    assert facts_start.year_of_cue(s, cues.START) == year
    found = facts_start.start_of_cue(s, cues.START)
    assert (None if found is None else found[0]) == year


@pytest.mark.parametrize(
    ("line", "lang", "via"),
    [
        ("Under the NACC, relations began in 1992.", "en", "NACC"),
        ("Relations began in 1995, when Kazakhstan joined the Partnership for Peace.", "en", "PFP"),
        # A forum comes before the PfP.
        (
            "Relations began in 1994, when Kazakhstan joined the North Atlantic Cooperation Council and the "
            "Partnership for Peace.",
            "en",
            "NACC",
        ),
        (
            "Les relations ont débuté en 1994, quand le Kazakhstan a rejoint le Partenariat pour la paix et le "
            "Conseil de coopération nord-atlantique.",
            "fr",
            "NACC",
        ),
        # A clause with a year of its own is another statement.
        (
            "Relations started in 2005, and Kazakhstan became one of the partners across the globe in 2012.",
            "en",
            None,
        ),
        # A framework that did not exist yet is no way in.
        ("Relations began in 1990, before the Partnership for Peace.", "en", None),
        ("Les relations ont débuté en 1990, avant le Partenariat pour la paix.", "fr", None),
    ],
)
def test_via(line: str, lang: str, via: str | None) -> None:
    found, s = sentence(line, lang)
    start = facts_start.start_of_cue(s, cues.START)
    assert start is not None
    assert facts_start.via(found, s, start[0], start[1]) == via


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("Practical cooperation came a decade later, in 2002.", 2002),
        # The name of a council is not cooperation coming.
        ("The North Atlantic Cooperation Council followed in 1991.", None),
    ],
)
def test_cooperation_came(line: str, year: int | None) -> None:
    _, s = sentence(line)
    assert facts_start.cooperation_came(s) == year


@pytest.mark.parametrize(
    ("line", "lang", "year"),
    [
        ("Dialogue began in 1992, and practical cooperation followed in 1995.", "en", 1995),
        ("Relations began in 1992; cooperation began at that time.", "en", 1992),
        ("Kazakhstan joined the Partnership for Peace in 1994, which opened practical cooperation.", "en", 1994),
        # "Cooperation" in a name starts nothing.
        ("Relations began in 1992 under the North Atlantic Cooperation Council.", "en", None),
        ("Le dialogue a débuté en 1992 et la coopération pratique a suivi en 1995.", "fr", 1995),
    ],
)
def test_cooperation_clause_year(line: str, lang: str, year: int | None) -> None:
    found, s = sentence(line, lang)
    assert facts_start.cooperation_clause_year(found, s) == year
