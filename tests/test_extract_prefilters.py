"""The extractor's shortcuts around costly date searches, checked against the plain searches.

:func:`facts_context.year_ranges` skips the search for a year range (:data:`cues.RANGE`) in a sentence
of fewer than eight digits, and the date patterns that need a month's name are skipped where
:data:`facts_events.ANY_MONTH` finds none. Both must find exactly what the plain search finds.
Sentences are drawn from the words these patterns are made of (digits, months, range words,
separators), so that ranges and dates are common in them.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

from partnerdata._ingest import cues, facts_context, facts_events

YEARS = st.sampled_from(["1992", "1995", "2002", "2014", "2023", "12345"])
DAYS = st.sampled_from(["1", "1er", "7", "12", "31", "1st"])
MONTHS = st.sampled_from(["january", "may", "mai", "mars", "march", "decembre", "september", "juin"])
TO = st.sampled_from(["to", "and", "et", "a", "au", "until", "jusqu'en", "-", "/", "\u2013", " - "])
FROM = st.sampled_from(["from ", "between ", "entre ", "de ", "du ", "in ", "since ", ""])
# Pieces of dates and ranges, and the words around them.
PIECES = st.one_of(
    YEARS,
    DAYS,
    MONTHS,
    TO,
    FROM,
    st.sampled_from(["the", "joined", ",", ".", "(", ")", "  ", "0", "99", "123"]),
    st.tuples(FROM, YEARS, TO, YEARS).map(lambda t: f"{t[0]}{t[1]} {t[2]} {t[3]}"),
    st.tuples(FROM, YEARS, TO, YEARS).map(lambda t: f"{t[0]}{t[1]}{t[2]}{t[3]}"),
    st.tuples(DAYS, MONTHS, YEARS).map(" ".join),
    st.tuples(MONTHS, DAYS, YEARS).map(lambda t: f"{t[0]} {t[1]}, {t[2]}"),
    st.tuples(FROM, DAYS, TO, DAYS, MONTHS, YEARS).map(lambda t: f"{t[0]}{t[1]} {t[2]} {t[3]} {t[4]} {t[5]}"),
    st.tuples(FROM, MONTHS, TO, MONTHS, YEARS).map(lambda t: f"{t[0]}{t[1]} {t[2]} {t[3]} {t[4]}"),
)
SENTENCES = st.lists(PIECES, max_size=8).map(" ".join)
SQUASHED = st.lists(PIECES, max_size=8).map("".join)  # pieces run together too


def _found(matches: "list[re.Match[str]]") -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]


@given(st.one_of(SENTENCES, SQUASHED))
def test_year_ranges_are_the_plain_search(low: str) -> None:
    assert _found(facts_context.year_ranges(low)) == _found(list(cues.RANGE.finditer(low)))


@given(st.one_of(SENTENCES, SQUASHED))
def test_no_month_name_no_date_of_a_month(low: str) -> None:
    patterns = (
        cues.DAY_MONTH_YEAR, cues.MONTH_DAY_YEAR, cues.MONTH_YEAR, cues.DAY_RANGE, cues.DAY_SPAN, cues.MONTH_RANGE,
    )  # fmt: skip
    if facts_events.ANY_MONTH.search(low) is None:
        assert all(p.search(low) is None for p in patterns)


def test_the_shortcuts_skip_what_they_should() -> None:
    # Written by hand: one range, one sentence too short in digits for one, one month date.
    low = "from 2005 to 2013, and 12 may 2016"
    assert [(m.group(1), m.group(2)) for m in facts_context.year_ranges(low)] == [("2005", "2013")]
    assert [m.group(1) for m in facts_context.year_ranges("from 2005 to 2013")] == ["2005"]  # eight digits
    assert facts_context.year_ranges("joined in 1995 and 200") == []  # seven digits
    assert facts_events.ANY_MONTH.search("signed in 2006") is None
    assert facts_events.ANY_MONTH.search(low) is not None
