"""parse_page: the typed page, its numbering (part of the data format), layouts and clear errors."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import Page, PageError, parse_page
from partnerdata._ingest.page import parse
from partnerdata._model.layout import split_sentences

SEEDS = sorted(Path(__file__).parent.joinpath("..", "src", "partnerdata", "_sources", "pages").glob("*.txt"))
FIXTURES = sorted(Path(__file__).parent.joinpath("fixtures", "pages").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_numbering_is_the_data_format(path: Path) -> None:
    """Every evidence of the packaged data points at the sentence the public parser puts there."""
    page = parse_page(path.read_text("utf-8"))
    ds = partnerdata.load()
    relation = ds.relation(ds.source(path.stem).partner)
    assert [s.evidence.locator for s in relation.statements] == [
        f"{path.stem}#{a}.{b}.{c}" for (a, b, c), _ in page.sentences() if (a, b, c) != (0, 0, 0)
    ]
    for s in relation.statements:
        assert page.sentence(s.evidence.section, s.evidence.item, s.evidence.sentence) == s.evidence.quote


def test_turkmenistan_page_structure() -> None:
    page = parse_page(partnerdata.load().source("nato-tkm-fr").text)
    assert page.title == "Relations avec le Turkménistan"
    assert page.language == "fr"
    assert [s.heading for s in page.sections] == [
        None,
        "Highlights",
        "Principaux domaines de coopération",
        "Renforcement des capacités et de l’interopérabilité",
        "Autres domaines de coopération",
    ]
    assert page.sections[3].key == "Renforcement des capacités et de l'interopérabilité"
    assert [i.kind for i in page.sections[2].items] == ["paragraph"]
    assert len(page.introduction.sentences) == 2
    assert page.head is page.sections[0]
    assert len(page.body) == 4
    assert page.sections[4].items[0].sentences[2].startswith("En 2014")
    assert page.sentence(9, 0, 0) is None
    assert page.sentence(-1, 0, 0) is None


def test_english_page_without_highlights_starts_with_a_headless_section() -> None:
    page = parse_page(Path(__file__).parent.joinpath("fixtures", "pages", "uzb-en.txt").read_text("utf-8"))
    assert page.language == "en"
    assert page.sections[1].heading is None
    assert page.sections[1].items[0].text.startswith("Dialogue between")
    assert page.sections[2].heading == "Key areas of cooperation"


def test_non_breaking_spaces_extra_sections_and_paragraphs() -> None:
    page = parse_page(Path(__file__).parent.joinpath("fixtures", "pages", "tjk-fr-nbsp.txt").read_text("utf-8"))
    headings = [s.heading for s in page.sections]
    assert headings == [
        None,
        "Highlights",
        "Évolution des relations",
        "Principaux domaines de coopération",
        "Questions ouvertes",
    ]
    assert [i.kind for i in page.sections[2].items] == ["paragraph"] * 3
    quote = page.sections[4].items[0]
    assert quote.sentences == (quote.text,)
    assert "\u202f" in quote.text
    assert page.sections[4].items[1].sentences == (
        "Le pays souhaite-t-il aller plus loin\u00a0?",
        "La question reste ouverte.",
    )
    assert "reste utile !" in quote.folded


@pytest.mark.parametrize("path", FIXTURES + SEEDS, ids=lambda p: p.stem)
def test_lines_rebuild_the_text(path: Path) -> None:
    text = path.read_text("utf-8")
    page = parse_page(text)
    assert page.text == text
    assert page.lines() == [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the text is empty"),
        ("   \n  ", "the text is empty"),
        ("Relations with Georgia", "line 2 (the introduction) is missing"),
        ("\nIntro.\n- x", "the title 'Intro.' is not that of a partner page"),
        ("- Relations with Georgia\nIntro.\n- x", "line 1 is a bullet"),
        ("Relations with Georgia\n\n\u00a0\n", "a title ('Relations with Georgia') but no introduction"),
        ("Relations with Georgia\n- Intro.\n- x", "line 2 is a bullet"),
        ("<!DOCTYPE html>\n<html>\n- x", "not that of a partner page"),
        ("Beziehungen zu Georgien\n\nDie NATO und Georgien arbeiten seit 1992 zusammen, bei Reformen.", "language"),
        ("Relations with Georgia\nIntro.\nHeading\nA paragraph.", "no bullet line"),
        ("Relations with Georgia\nIntro.\n- ", "line 3 is an empty bullet"),
        ("Relations with Georgia\nIntro \x07 bell.\n- x", "control character U+0007"),
        ("Xyz qwv\nAbc def.\n- Ghi jkl.", "French or in English"),
    ],
)
def test_what_is_not_a_page_says_why(text: str, reason: str) -> None:
    with pytest.raises(PageError, match="not a partner page") as caught:
        parse_page(text)
    assert reason in str(caught.value)
    assert isinstance(caught.value, partnerdata.PartnerDataError)
    assert isinstance(caught.value, ValueError)


def test_a_page_is_text() -> None:
    with pytest.raises(TypeError):
        parse_page(b"Relations with Georgia")  # type: ignore[arg-type]


def test_sentences_split_on_end_punctuation_not_abbreviations() -> None:
    assert split_sentences("In 1994 it joined. In 2002 it signed.") == ("In 1994 it joined.", "In 2002 it signed.")
    assert split_sentences("It met M. Dupont and Dr. Jones. Then it left.") == (
        "It met M. Dupont and Dr. Jones.",
        "Then it left.",
    )
    assert split_sentences("« C’est utile. » Il l’a dit.") == ("« C’est utile. »", "Il l’a dit.")
    assert split_sentences("It grew, etc. and more.") == ("It grew, etc. and more.",)


LINES = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.text(max_size=40).map(lambda t: "- " + t),
        st.sampled_from(["Highlights", "Relations with Georgia", "Relations avec le Kazakhstan", "Un fait. Un autre."]),
    ),
    max_size=8,
)


@given(st.text(max_size=200))
def test_arbitrary_text_is_a_page_or_a_page_error(text: str) -> None:
    outcome: object
    try:
        outcome = parse_page(text)
    except PageError as exc:
        outcome = exc
    assert isinstance(outcome, Page) or str(outcome).startswith("not a partner page: ")


@given(LINES)
def test_parsed_pages_keep_every_line_and_sentence(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        page = parse_page(text)
    except PageError:
        return
    canonical = page.text
    if page.layout == "plain":
        assert canonical == text
        assert parse(text) == page
    else:
        # The layout reader's canonical text reads back to the same numbering (what evidence cites).
        again = parse(canonical)
        assert [(s.heading, [(i.kind, i.text) for i in s.items]) for s in again.sections] == [
            (s.heading, [(i.kind, i.text) for i in s.items]) for s in page.sections
        ]
        visible = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]", "", text)  # the reader drops controls
        for _, sentence in page.sentences():
            assert sentence in visible
    assert page.lines() == [line for line in canonical.split("\n") if line.strip()]
    for section in page.sections:
        for item in section.items:
            rest = item.text
            for sentence in item.sentences:
                assert sentence in rest
                rest = rest[rest.index(sentence) + len(sentence) :]
            assert "".join("".join(item.sentences).split()) == "".join(item.text.split())


def _split_reading_whole_sentences(text: str) -> tuple[str, ...]:
    """The oracle: the first sentence splitter, which read the whole sentence so far at every stop."""
    from partnerdata._model.layout import _ABBREVIATIONS, _SENTENCE_END
    from partnerdata._model.text import fold

    stripped = text.strip()
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(stripped):
        before = stripped[start : match.start()]
        word = before.rstrip('»"”) ').rsplit(None, 1)[-1] if before.strip() else ""
        word = word.rstrip(".!?…")
        if fold(word.lstrip('(«"“')) in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        out.append(before)
        start = match.end()
    out.append(stripped[start:])
    return tuple(s for s in out if s)


WORDS = st.sampled_from(
    ["Mr.", "Dr.", "A.", "It", "began", "1992.", "x" * 70 + ".", "« Oui. »", ")", "  ", "U.S.", "7."]
)


@given(st.lists(WORDS, max_size=16))
def test_many_stops_that_end_no_sentence_split_as_before(words: list[str]) -> None:
    """Regression (quadratic sentence splitting): the windowed reading splits as the whole reading did."""
    text = " ".join(words)
    assert split_sentences(text) == _split_reading_whole_sentences(text)


def test_many_stops_that_end_no_sentence_stay_one_sentence() -> None:
    text = "It named" + " A." * 20_000 + " Then it ended."
    assert split_sentences(text) == (text.strip(),)
