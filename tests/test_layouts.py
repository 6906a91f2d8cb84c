"""The page reader on every layout NATO has used: fixture pages written before the reader's rules.

Each page of ``tests/fixtures/layouts`` has ``NAME.expected.json`` written by a human reader:
the title verbatim, the edition date of its stamp (or null), and the facts; a page the reader
must refuse holds ``reject`` and the reason instead. Expectations here are those files or are
written out by hand below, never the reader's own output.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import PageError, read_page
from partnerdata._ingest.html import html_blocks
from partnerdata._ingest.page import parse

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
PAGES = sorted(p for p in LAYOUTS.iterdir() if p.suffix in (".txt", ".html"))


def _expected(path: Path) -> dict[str, Any]:
    return json.loads((LAYOUTS / (path.stem + ".expected.json")).read_text("utf-8"))  # type: ignore[no-any-return]


CONTENT = [p for p in PAGES if not _expected(p).get("reject")]
REJECTED = [p for p in PAGES if _expected(p).get("reject")]


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_every_layout_reads_title_language_and_edition(path: Path) -> None:
    want = _expected(path)
    page = read_page(path)
    assert page.title == want["title"]
    assert page.language == want["language"]
    assert (page.edition.isoformat() if page.edition else None) == want["edition"]
    assert page.layout == ("html" if path.suffix == ".html" else page.layout)


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_canonical_text_numbers_like_the_plain_format(path: Path) -> None:
    """Evidence numbers the canonical text: reading it back gives the same sections and sentences."""
    page = read_page(path)
    again = parse(page.text)
    assert [s.heading for s in again.sections] == [s.heading for s in page.sections]
    assert list(again.sentences()) == list(page.sentences())
    assert page.text.split("\n")[0] == page.title


@pytest.mark.parametrize("path", [p for p in CONTENT if p.suffix == ".txt"], ids=lambda p: p.name)
def test_sentences_are_quoted_verbatim(path: Path) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("utf-8")
    page = read_page(path)
    for _, sentence in page.sentences():
        assert sentence in text
    for caption in page.captions:
        assert caption in text
    # Item line numbers are those of the file.
    lines = text.replace("\r\n", "\n").split("\n")
    for section in page.sections:
        for item in section.items:
            assert item.text in lines[item.line - 1]


@pytest.mark.parametrize("path", REJECTED, ids=lambda p: p.name)
def test_what_is_not_a_partner_page_is_refused_with_its_reason(path: Path) -> None:
    want = _expected(path)
    with pytest.raises(PageError) as caught:
        read_page(path)
    assert caught.value.kind == want["reason"]
    assert str(path) in str(caught.value)


def test_kazakhstan_2017_accordion_structure() -> None:
    page = read_page(LAYOUTS / "kaz-en-2017-12-12.txt")
    assert [s.heading for s in page.sections] == [
        None,
        "Highlights",
        "More background information",
        "Key areas of cooperation",
        "Security cooperation",
        "Defence and security sector reform",
        "Other areas of cooperation",
    ]
    assert [i.kind for i in page.sections[4].items] == ["paragraph"] * 3
    assert [i.kind for i in page.sections[1].items] == ["bullet"] * 2
    assert page.captions == ("Kazakh and Allied officers during a staff exercise near Almaty",)
    assert page.stamp == "Last updated: 12 Dec. 2017 14:03"
    assert page.unplaced == ()


def test_browser_copy_with_indentation_only_bullets() -> None:
    page = read_page(LAYOUTS / "aze-en-2020-03-11-browser.txt")
    assert page.captions == ("Azerbaijani soldiers at a training session in Baku",)
    assert page.sections[1].heading is None
    assert [i.kind for i in page.sections[1].items] == ["bullet"] * 4
    assert page.sections[3].heading == "Building capabilities and interoperability"
    assert page.sections[3].items[0].text == "Azerbaijani troops served in the Kosovo Force (KFOR) from 1999 to 2008."


def test_french_browser_copy_keeps_non_breaking_spaces_verbatim() -> None:
    page = read_page(LAYOUTS / "kaz-fr-2022-05-23-browser.txt")
    assert page.title == "Relations avec le Kazakhstan"  # no BOM, no CR
    assert "\r" not in page.text and "\ufeff" not in page.text
    assert any("\u00a0" in s or "\u202f" in s for _, s in page.sentences())
    assert page.captions == ("NATO and Kazakhstan flags",)


def test_chrome_line_before_the_title_is_reported() -> None:
    page = read_page(LAYOUTS / "kgz-en-2012-03-14-accordion.txt")
    assert page.title == "Relations with the Kyrgyz Republic"
    assert [(u.line, u.text) for u in page.unplaced] == [(1, "NATO - North Atlantic Treaty Organisation")]
    assert page.sections[1].heading == "Framework for cooperation"


def test_older_layout_headings_and_paragraphs() -> None:
    page = read_page(LAYOUTS / "geo-fr-2011-older.txt")
    assert page.title == "Les relations de l’OTAN avec la Géorgie"
    assert page.sections[1].heading == "Cadre de la coopération"
    assert all(i.kind == "paragraph" for s in page.body for i in s.items)
    assert page.captions == ()


def test_html_drops_navigation_share_links_and_footer() -> None:
    page = read_page(LAYOUTS / "tkm-en-2019-06-18.html")
    assert page.url == "https://www.nato.int/cps/en/natohq/topics_50317.htm"
    for chrome in ("Facebook", "Cookies policy", "Skip to main content", "Related", "Official texts", "© NATO"):
        assert chrome not in page.text
    assert page.captions == ("Turkmen and NATO officials at the opening of a language course in Ashgabat",)
    assert [s.heading for s in page.sections] == [
        None,
        None,
        "Key areas of cooperation",
        "Building capabilities and interoperability",
        "Other areas of cooperation",
    ]


def test_html_windows_1252_declared_and_entities() -> None:
    page = read_page(LAYOUTS / "mda-fr-2021-10-11-cp1252.html")
    assert page.title == "Relations avec la République de Moldova"
    text = page.text
    assert "1\u202f000" in text  # &#8239; decoded, kept verbatim
    assert "’" in text  # the raw 0x92 byte is windows-1252's apostrophe


def test_html_windows_1252_undeclared_is_sniffed() -> None:
    page = read_page(LAYOUTS / "uzb-fr-2017-12-05-cp1252-undeclared.html")
    assert page.title == "Relations avec l’Ouzbékistan"
    assert [s.heading for s in page.sections][:4] == [
        None,
        "Highlights",
        "Principaux domaines de coopération",
        "Coopération dans le domaine de la sécurité",
    ]


def test_broken_html_keeps_every_statement() -> None:
    page = read_page(LAYOUTS / "geo-en-2019-07-04-broken.html")
    bullets = [i.text for s in page.body for i in s.items if i.kind == "bullet"]
    assert len(bullets) == 10
    assert "Since 2015, Georgia has contributed to the NATO Response Force." in bullets
    assert "Facebook" not in page.text


@pytest.mark.parametrize("path", [p for p in PAGES if p.suffix == ".html"], ids=lambda p: p.name)
def test_selectolax_and_stdlib_parsers_read_the_same_page(path: Path) -> None:
    """The standard-library fallback is held to the main parser's output, line for line."""
    pytest.importorskip("selectolax")
    data = path.read_bytes()
    text, _ = partnerdata._ingest.reader.decode(data)
    main, main_url = html_blocks(text, "selectolax")
    fallback, fallback_url = html_blocks(text, "stdlib")
    assert main == fallback
    assert main_url == fallback_url


def test_enormous_and_empty_input_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Relations with Georgia\n" + b"x" * (9 * 1024 * 1024))
    with pytest.raises(PageError, match="far smaller") as caught:
        read_page(big)
    assert caught.value.kind == "too-large"
    with pytest.raises(PageError) as caught:
        read_page(b"\xef\xbb\xbf \r\n\xc2\xa0\r\n")
    assert caught.value.kind == "empty"


def test_undecodable_bytes_are_refused_with_their_offset() -> None:
    with pytest.raises(PageError, match=r"byte 0x81 at offset 16") as caught:
        read_page(b"Relations with \xe9\x81 Georgia")
    assert caught.value.kind == "encoding"


def test_missing_file_is_a_page_error(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="cannot be read"):
        read_page(tmp_path / "nope.txt")


def test_expected_files_are_well_formed() -> None:
    ds = partnerdata.load()
    keys = {
        "title",
        "edition",
        "layout",
        "partner",
        "language",
        "relations_since",
        "cooperation_since",
        "pfp_since",
        "plan",
        "participations",
        "stance",
        "designations",
        "channels",
        "events",
        "topics",
    }
    for path in CONTENT:
        want = _expected(path)
        assert set(want) == keys, path.name
        assert ds.partner(want["partner"])
        for event in want["events"]:
            assert event["end"] is None or isinstance(event["end"], str)
    for path in REJECTED:
        assert set(_expected(path)) == {"reject", "reason", "title", "language", "edition"}


def _wrap(text: str, width: int) -> str:
    """The page as a text-extraction tool prints it: lines wrapped, continuations under the text."""
    import textwrap

    out = []
    for line in text.split("\n"):
        m = re.match(r"( *)(• )?", line)
        indent, mark, body = m.group(1), m.group(2) or "", line[m.end() :]  # type: ignore[union-attr]
        if not body:
            out.append("")
            continue
        lines = textwrap.wrap(body, width=width - len(indent) - len(mark))
        out.append(indent + mark + lines[0])
        out += [" " * (len(indent) + len(mark)) + rest for rest in lines[1:]]
    return "\n".join(out)


@pytest.mark.parametrize("name", ["kaz-en-2017-12-12.txt", "kgz-en-2012-03-14-accordion.txt", "mda-en-2010-older.txt"])
def test_lines_wrapped_by_a_text_extraction_tool_are_joined(name: str) -> None:
    text = (LAYOUTS / name).read_text("utf-8")
    wrapped = _wrap(text, 76)
    assert wrapped != text
    assert partnerdata.parse_page(wrapped).text == read_page(LAYOUTS / name).text


def test_a_marker_alone_on_its_line_marks_the_next() -> None:
    page = partnerdata.parse_page(
        "Relations with Armenia\n\nNATO and Armenia cooperate.\n\n• Relations began in 1992.\n"
        "-\nKey areas of cooperation\n    Security cooperation\n    Armenia serves in KFOR.\n"
    )
    assert [s.heading for s in page.sections] == [None, None, "Key areas of cooperation", "Security cooperation"]
    assert page.sections[3].items[0].kind == "paragraph"


CHUNKS = st.sampled_from(
    [
        "",
        "\u00a0",
        "Highlights",
        "More background information",
        "Key areas of cooperation",
        "  • Last updated: 02 Apr. 2019 10:15",
        "Mis à jour le: 23 May. 2022 15:38",
        "NATO - North Atlantic Treaty Organisation",
        "Relations with Georgia",
        "Relations avec le Kazakhstan",
        "NATO’s relations with the Republic of Moldova",
        "-",
        "A caption without a full stop",
    ]
)
PIECES = st.tuples(
    st.sampled_from(["", "  • ", "• ", "* ", "- ", "    ", "\t"]),
    st.one_of(CHUNKS, st.text(max_size=30), st.sampled_from(["Georgia joined the PfP in 1994.", "Un fait. Un autre."])),
)


@given(st.lists(PIECES, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_any_layout_text_is_a_page_or_a_page_error(pieces: list[tuple[str, str]], end: str) -> None:
    text = end.join(mark + body for mark, body in pieces)
    try:
        page = partnerdata.parse_page(text)
    except PageError as exc:
        refused = str(exc)
        assert refused.startswith("not a partner page: ")
        return
    again = parse(page.text)
    assert [(s.heading, [(i.kind, i.text) for i in s.items]) for s in again.sections] == [
        (s.heading, [(i.kind, i.text) for i in s.items]) for s in page.sections
    ]
    visible = re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]", "", text))
    for _, sentence in page.sentences():
        assert re.sub(r"\s+", " ", sentence) in visible


TAGS = st.sampled_from(
    ["<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<h1>", "</h1>", "<h3>", "<div class=share>", "</div>", "<b>"]
)


@given(st.lists(st.one_of(TAGS, st.text(max_size=20), st.just("Relations with Georgia")), max_size=20))
def test_any_tag_soup_is_a_page_or_a_page_error_with_both_parsers(parts: list[str]) -> None:
    text = "<!DOCTYPE html><html><body><article>" + "".join(parts)
    for parser in ("selectolax", "stdlib"):
        try:
            partnerdata.parse_page(text, parser=parser)
        except PageError as exc:
            refused = str(exc)
            assert refused.startswith("not a partner page: ")


def test_markup_nested_deeper_than_any_page_is_refused() -> None:
    """Regression (quadratic HTML5 parsing of deep nesting): refused before parsing, with both parsers."""
    # 5,000 divs inside the article: 5,001 elements deep.
    text = "<!DOCTYPE html><html><body><article><h1>Relations with Georgia</h1>" + "<div>" * 5000 + "x"
    for parser in ("selectolax", "stdlib"):
        with pytest.raises(PageError, match="nests elements 5,001 deep") as caught:
            partnerdata.parse_page(text, parser=parser)
        assert caught.value.kind == "markup"


def test_a_stamp_whose_date_is_not_understood_is_reported_not_read_as_content() -> None:
    page = partnerdata.parse_page(
        "Relations with Georgia\n\nLast updated: sometime in spring\n\nIntro.\n\n• A fact.\n\n"
        "Last updated: 04 Jul. 2019\nLast updated: 05 Jul. 2019"
    )
    assert page.edition == partnerdata.PartialDate(year=2019, month=7, day=4)
    assert [(u.line, u.reason) for u in page.unplaced] == [
        (3, "a 'last updated' date not understood"),
        (10, "a second 'last updated' line"),
    ]
    assert page.introduction.text == "Intro."


def test_captions_before_the_introduction_and_site_lines_before_the_title() -> None:
    page = partnerdata.parse_page(
        "Skip to main content\nHome > Topics\nNATO’s relations with Georgia\n\n"
        "Georgian soldiers at a NATO exercise\n\nLeft to right: two ministers.\n\n"
        "NATO and Georgia cooperate closely.\n\nFramework for cooperation\n\nGeorgia joined the PfP in 1994.\n"
    )
    assert page.title == "NATO’s relations with Georgia"
    assert [u.text for u in page.unplaced] == ["Skip to main content", "Home > Topics"]
    assert page.captions == ("Georgian soldiers at a NATO exercise", "Left to right: two ministers.")
    assert page.introduction.text == "NATO and Georgia cooperate closely."
    assert page.sections[1].heading == "Framework for cooperation"


def test_a_german_html_page_is_refused_for_its_language() -> None:
    text = (
        "<!DOCTYPE html><html><head><script>var the = 'and with of in to is are has have was';</script></head>"
        "<body><article><h1>Beziehungen zu Georgien</h1><p>Die NATO und Georgien arbeiten seit 1992 eng "
        "zusammen, auch bei Reformen der Streitkräfte und bei Übungen.</p></article></body></html>"
    )
    with pytest.raises(PageError) as caught:
        partnerdata.parse_page(text)
    assert caught.value.kind == "unsupported-language"


def test_pages_in_every_layout_give_their_core_facts() -> None:
    """Floors on pages written before the reader's rules: what depends on reading the page right."""
    import importlib.util
    import sys

    benchmarks = Path(__file__).resolve().parents[1] / "benchmarks"
    sys.path.insert(0, str(benchmarks))  # layouts.py scores with extraction_quality.py, its sibling
    try:
        spec = importlib.util.spec_from_file_location("layouts_benchmark", benchmarks / "layouts.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        scores = module.score()
    finally:
        sys.path.remove(str(benchmarks))
    for name in ("partner", "language", "relations_since", "pfp_since"):
        tp, fp, fn = scores[name]
        assert fp == fn == 0, (name, scores[name])
    tp, fp, fn = (sum(s[i] for s in scores.values()) for i in range(3))
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.8
