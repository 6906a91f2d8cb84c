"""Every regular expression of extraction is linear in its input (issue #10, item 4).

The rewritten cues are checked against the patterns they replace (kept here as the oracle, run on
short inputs only) and run on long hostile inputs under a hang guard: the guard's limit is far
above what a linear pattern needs and far below what a quadratic one would take, so it is not a
speed assertion (speed is measured by ``benchmarks/robustness.py``).
"""

import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata._ingest import cues, mentions

# The patterns as they were before issue #10: correct, but quadratic on some inputs.
OLD_FIRST = re.compile(
    r"\b(?:first|premier|premiere)\b.*\b(?:conclu|agreed|signe|signed|approuve|adopte|adopted|launched|lance|endorsed|entérin|enterin)"
)
OLD_AIM = re.compile(
    r"\b(?:destine a|destinee a|destines a|visant a|vise a|visent a|afin d'|afin de|pour (?=\w+(?:er|ir|re)\b)|"
    r"aims to|aimed at|aiming to|designed to|intended to|in order to|with the aim of|"
    r"(?:l'objectif|le but|the aim|the objective|the goal|the purpose)[^.]*?\b(?:est|is)\s+(?:d'|de|to)\s*)"
)
OLD_HOST = re.compile(
    r"^\s*,?\s*(?:(?:qui est\s+)?(?:situ[ée]e?|install[ée]e?|h[ée]berg[ée]e?|based|located|hosted|housed)\s+)?"
    r"(?:au sein de|à|at|in|by|auprès de|dans)\s+"
    # Round 7: never before a date (every space taken, then no digit, month and year, "partir de").
    rf"(?!\s)(?!\d|(?:{cues.MONTH})\s+\d|partir d|compter d)"
)

WORDS = (
    "first", "premier", "premiere", "agreed", "signed", "lance", "the", "aim", "of", "is", "to", "est", "de", "d'",
    "le but", "l'objectif", "the goal", "pour", "former", "aims to", "with the aim of", "in order to", ".", ",",
    "  ", "based", "located", "in", "at", "à", "qui est", "situee", "dans", "x", "1994", "programme", "may",
    "partir de",
)  # fmt: skip
sentences = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)


@given(sentences)
def test_first_agreed_answers_as_the_quadratic_pattern_did(low: str) -> None:
    assert cues.first_agreed(low) == (OLD_FIRST.search(low) is not None)


@given(sentences)
def test_aim_end_answers_as_the_quadratic_pattern_did(low: str) -> None:
    old = OLD_AIM.search(low)
    assert cues.aim_end(low) == (None if old is None else old.end())


@given(st.lists(st.sampled_from([" ", ",", "  ", *WORDS]), max_size=10).map("".join))
def test_host_matches_as_the_quadratic_pattern_did(text: str) -> None:
    old, new = OLD_HOST.match(text), cues.HOST.match(text)
    assert (old and old.span()) == (new and new.span())


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail instead of hanging; the limit is a guard against a hang, not a measure of speed."""
    if sys.platform == "win32":  # pragma: no cover - no SIGALRM
        yield
        return

    def stop(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: not linear")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


N = 200_000
HOSTILE = {
    "spaces": " " * N + "x fonctionne.",
    "spaces-comma": " " * N + "," + " " * N + "x",
    "first": "first " * (N // 6) + "x",
    "aim": "the aim " * (N // 8) + "x",
    "aim-verbs": "the aim is " * (N // 11),
    "pour": "pour " * (N // 5) + "a" * 100,
    "digits": "1" * N,
    "years": "1994 " * (N // 5),
    "from": "from " * (N // 5) + "x",
    "words": "a" * N,
    "dots": ". " * (N // 2),
    "depuis": "depuis le " * (N // 10),
    "months": "12 mars " * (N // 8),
}
PATTERNS = {name: value for name, value in vars(cues).items() if isinstance(value, re.Pattern)}


def test_the_hostile_inputs_cover_every_pattern_of_the_cues() -> None:
    # A new pattern in cues.py is run on the hostile inputs below as soon as it is added.
    assert {"HOST", "AIM", "AIM_NOUN", "AIM_VERB", "FIRST_WORD", "FIRST_VERB", "RANGE", "YEAR"} <= set(PATTERNS)


# What a pattern finds in a hostile input, worked out by hand from the input's repeated unit: the
# number of matches of finditer, and the span of match() (None: no match at the start). Every
# pair not listed finds nothing at all.
FOUND = {
    ("AIM_NOUN", "aim"): (N // 8, (0, 7)),  # each "the aim"
    ("AIM_NOUN", "aim-verbs"): (N // 11, (0, 7)),
    ("ARTICLE", "aim"): (1, (0, 4)),  # anchored at the start: "the "
    ("ARTICLE", "aim-verbs"): (1, (0, 4)),
    ("FIRST_WORD", "first"): (N // 6, (0, 5)),
    ("HOST_END", "aim-verbs"): (N // 11, None),  # each " is "
    # " pour " takes the space before the next "pour" too: every other one, from the second.
    ("HOST_END", "pour"): (N // 10, None),
    ("HOST_END", "depuis"): (N // 10 - 1, None),  # each " depuis " but the first, which has no space before it
    ("START", "depuis"): (N // 10, (0, 6)),
    ("YEAR", "years"): (N // 5, (0, 4)),
    # Round 8. The end of a sentence's "x fonctionne." and the comma of the spaces: one each; each
    # ". " (the space before it taken); each " pour" after a space, so not the first.
    ("FORMATION_AFTER", "spaces"): (1, None),
    ("FORMATION_AFTER", "spaces-comma"): (1, None),
    ("FORMATION_AFTER", "pour"): (N // 5 - 1, None),
    ("FORMATION_AFTER", "dots"): (N // 2, (0, 1)),
    ("LIST_GAP", "spaces-comma"): (1, None),  # the comma with three spaces on either side
    # Round 9. Each " is " of "the aim is".
    ("IS_CENTRE", "aim-verbs"): (N // 11, None),
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_cue_pattern_is_linear_on_hostile_inputs(name: str) -> None:
    pattern = PATTERNS[name]
    found = {}
    with hang_guard(20):
        for key, text in HOSTILE.items():
            at_start = pattern.match(text)
            found[key] = (sum(1 for _ in pattern.finditer(text)), at_start and at_start.span())
    assert found == {key: FOUND.get((name, key), (0, None)) for key in HOSTILE}


# A sentence after the hostile input that states a first agreement and a purpose: the helpers
# must still find them there, past the input that once made them quadratic.
TAIL = " the first plan was agreed; the aim is to train."


@pytest.mark.parametrize("name", ["first", "aim", "aim-verbs", "pour", "spaces", "spaces-comma"])
def test_quadratic_regular_expressions_in_extraction_helpers_are_linear(name: str) -> None:
    text = HOSTILE[name]
    with hang_guard(20):
        # None of the inputs holds an agreeing verb, an "is to" or a place at its start.
        assert (cues.first_agreed(text), cues.aim_end(text), cues.HOST.match(text)) == (False, None, None)
        assert cues.first_agreed(text + TAIL)
        # The purpose clause starts at "train", whichever "the aim" of the input comes first.
        assert cues.aim_end(text + TAIL) == len(text) + TAIL.index("train")


def test_quadratic_host_match_on_leading_spaces_regression() -> None:
    """``HOST.match(" " * 20000 + "x fonctionne.")`` took 16 s."""
    with hang_guard(20):
        assert cues.HOST.match(" " * N + "x fonctionne.") is None
        match = cues.HOST.match(" " * N + ", situé à Bichkek")
        assert match is not None and match.end() == N + len(", situé à ")


def test_quadratic_mentions_in_a_sentence_of_many_names() -> None:
    """``mentions()`` compared every pair of mentions: a sentence of 40,000 names took minutes."""
    matcher = mentions.matcher(partnerdata.load())
    tokens = mentions.tokens("PPP Partenariat pour la paix " * 10_000)
    with hang_guard(30):
        found = matcher.mentions(tokens)
    # Each "Partenariat pour la paix" is one mention of PfP, each "PPP" another: 20,000 in all.
    assert len(found) == 20_000
    assert {m.code for m in found} == {"PFP"}


def test_extract_on_a_page_beyond_evidence_numbering_says_which_line() -> None:
    """A 9 MB page ended in ``item: 10001 is not between 0 and 10000`` from deep inside extraction."""
    text = "Relations with Georgia\nNATO and Georgia talk.\n" + "- Relations began in 1992.\n" * 10_002
    with pytest.raises(partnerdata.PageError, match="line 10004: more than 10,000 items in one section"):
        partnerdata.extract(text)


def test_round9_withdrawal_cue_is_linear_on_its_own_words_repeated() -> None:
    # Round 9's WITHDRAWN finds nothing in the shared hostile inputs; its own words, repeated with
    # no boundary after the last letter that could close a match, each give one match.
    unit = "a ete retirees "
    with hang_guard(20):
        assert sum(1 for _ in cues.WITHDRAWN.finditer(unit * (N // len(unit)))) == N // len(unit)
        assert cues.WITHDRAWN.search("s'est retire" * (N // 12) + "x") is not None
