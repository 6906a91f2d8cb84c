"""The fact step of dated events (``_ingest/facts_events.py``), each function on its own.

Every expectation is written by hand from the sentence: the date (with its month and day where
given), the end of a range, the id, and which years are no event.
"""

import pytest
from _facts import context, sentence

from partnerdata import PartialDate
from partnerdata._ingest import facts_events

Row = tuple[str, PartialDate, int | None, int | None, int | None, tuple[str, ...], int]


def _events(body: str, lang: str = "en", used: frozenset[int] = frozenset()) -> list[Row]:
    """(id, date, end year, end month, end day, programmes, sentences cited) of each event of ``body``.

    ``used``: years another fact holds, in every sentence.
    """
    found = context(body, lang)
    for s in found.sentences:
        s.used_years.update(used)
    return [
        (e.id, e.date, e.end, e.end_month, e.end_day, e.programmes, len(e.evidence)) for e in facts_events.events(found)
    ]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        (
            "- In March 2007, Kazakhstan hosted a PfP exercise.\n",
            "en",
            [("2007-pfp", PartialDate(year=2007, month=3), None, None, None, ("PFP",), 1)],
        ),
        (
            "- En mars 2007, le Kazakhstan a accueilli un exercice du PPP.\n",
            "fr",
            [("2007-pfp", PartialDate(year=2007, month=3), None, None, None, ("PFP",), 1)],
        ),
        # No name: the id is the sentence's place.
        (
            "- Kazakhstan hosted a seminar on 12 June 2012.\n",
            "en",
            [("2012-s1-0-0", PartialDate(year=2012, month=6, day=12), None, None, None, (), 1)],
        ),
        (
            "- Le Kazakhstan a accueilli un séminaire le 12 juin 2012.\n",
            "fr",
            [("2012-s1-0-0", PartialDate(year=2012, month=6, day=12), None, None, None, (), 1)],
        ),
        # A range of years, and a range of days.
        (
            "- Kazakh troops served in ISAF from 2004 to 2014.\n",
            "en",
            [("2004-isaf", PartialDate(year=2004), 2014, None, None, ("ISAF",), 1)],
        ),
        (
            "- A conference was held on 3-5 June 2012.\n",
            "en",
            [("2012-s1-0-0", PartialDate(year=2012, month=6, day=3), 2012, 6, 5, (), 1)],
        ),
        (
            "- Une conférence s’est tenue du 3 au 5 juin 2012.\n",
            "fr",
            [("2012-s1-0-0", PartialDate(year=2012, month=6, day=3), 2012, 6, 5, (), 1)],
        ),
        # A sentence that refers back without a year of its own joins the event.
        (
            "- In 2010 NATO opened an office in the capital. It hosts seminars.\n",
            "en",
            [("2010-s1-0-0", PartialDate(year=2010), None, None, None, (), 2)],
        ),
        # A later statement of the sentence with a date of its own is an event too.
        (
            "- In 2010 a seminar took place, and a second one followed in 2012.\n",
            "en",
            [
                ("2010-s1-0-0", PartialDate(year=2010), None, None, None, (), 1),
                ("2012-s1-0-0", PartialDate(year=2012), None, None, None, (), 1),
            ],
        ),
        # The same year and name twice: the second id is numbered.
        (
            "- In 2010 Kazakhstan hosted a PfP exercise.\n- In 2010 Kazakhstan hosted another PfP exercise.\n",
            "en",
            [
                ("2010-pfp", PartialDate(year=2010), None, None, None, ("PFP",), 1),
                ("2010-pfp-2", PartialDate(year=2010), None, None, None, ("PFP",), 1),
            ],
        ),
        # A year in a negated clause, or a framework's founding year, dates nothing that happened.
        ("- Kazakhstan was not among the first partners in 1994.\n", "en", []),
        ("- The Euro-Atlantic Partnership Council was created in 1997.\n", "en", []),
        ("- Le Conseil de partenariat euro-atlantique a été créé en 1997.\n", "fr", []),
    ],
)
def test_events(body: str, lang: str, expected: list[Row]) -> None:
    assert _events(body, lang) == expected


def test_a_year_another_fact_holds_is_no_event() -> None:
    body = "- Kazakhstan joined the PfP in 1995.\n"
    assert _events(body, used=frozenset({1995})) == []
    assert _events(body) == [("1995-pfp", PartialDate(year=1995), None, None, None, ("PFP",), 1)]


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Kazakhstan hosted a seminar on 12 June 2012.", "en", [(PartialDate(year=2012, month=6, day=12), None)]),
        (
            "Le 12 juin 2012, le Kazakhstan a accueilli un séminaire.",
            "fr",
            [(PartialDate(year=2012, month=6, day=12), None)],
        ),
        ("Exercises ran from 2005 to 2013.", "en", [(PartialDate(year=2005), PartialDate(year=2013))]),
        ("Des exercices ont eu lieu de 2005 à 2013.", "fr", [(PartialDate(year=2005), PartialDate(year=2013))]),
        ("Kazakhstan hosts seminars.", "en", []),
    ],
)
def test_dates(line: str, lang: str, expected: list[tuple[PartialDate, PartialDate | None]]) -> None:
    found, s = sentence(line, lang)
    assert facts_events.dates(found, s) == expected


def test_date_from_an_offset_skips_the_years_before_it() -> None:
    found, s = sentence("In 2010 a seminar took place, and a second one followed in 2012.")
    at = s.low.index("2012")
    assert facts_events.date(found, s, at) == (PartialDate(year=2012), None, at)


@pytest.mark.parametrize(
    ("low", "expected"),
    [
        ("held on 3-5 june 2012.", (PartialDate(year=2012, month=6, day=3), PartialDate(year=2012, month=6, day=5))),
        ("du 3 au 5 juin 2012.", (PartialDate(year=2012, month=6, day=3), PartialDate(year=2012, month=6, day=5))),
        ("from march to may 2012.", (PartialDate(year=2012, month=3), PartialDate(year=2012, month=5))),
        ("in june 2012.", None),  # one month is no range
    ],
)
def test_range_ends(low: str, expected: tuple[PartialDate, PartialDate] | None) -> None:
    assert facts_events.range_ends(low, 2012, low.index("2012")) == expected


def test_range_ends_needs_the_year_it_starts_in() -> None:
    assert facts_events.range_ends("held on 3-5 june 2012.", 2011, 17) is None


def test_any_month() -> None:
    assert facts_events.ANY_MONTH.search("signed in 2006") is None
    assert facts_events.ANY_MONTH.search("signed in june 2006") is not None
    assert facts_events.ANY_MONTH.search("signe en juin 2006") is not None
