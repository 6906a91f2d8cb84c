"""Reading HTML is linear in the size of the markup, whatever the markup (issue #19).

Work is counted, never timed (speed is measured by ``benchmarks/robustness.py``): the survey that
runs before any parsing counts its own steps and replays Lexbor's walks of the stack of open
elements and of the list of active formatting elements; the small tree builder counts its pushes,
pops and appends. For every hostile shape, a page four times larger takes about four times the
work (a quadratic reader would take sixteen), and the trees are bounded by construction.
That the survey's replay is what Lexbor does is checked against Lexbor itself, on tag soups.
"""

import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdata._ingest import html as H
from partnerdata._ingest.html import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_NESTING, Node, html_blocks, parse_tree
from partnerdata._ingest.reader import PageError, decode

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
PARSERS = ("selectolax", "stdlib")
HEAD = (
    "<!DOCTYPE html><html><head><title>NATO - Topic: Relations with Georgia</title></head>"
    "<body><main><article><h1>Relations with Georgia</h1><p>NATO and Georgia cooperate.</p>"
)


def fill(unit: str, size: int, before: str = "", after: str = "") -> str:
    """A page of about ``size`` characters: ``before``, ``unit`` repeated, ``after``."""
    return HEAD + before + unit * max(1, (size - len(before) - len(after)) // len(unit)) + after


# Each hostile shape, as a page of about ``size`` characters.
SHAPES: dict[str, Callable[[int], str]] = {
    # Deep nesting, of tags the old guard did not count and of those it did.
    "nested <span>": lambda size: fill("<span>x", size),
    "nested <font>": lambda size: fill("<font>x", size),
    "nested <b>": lambda size: fill("<b>x", size),
    "nested custom tags": lambda size: fill("<x-note>x", size),
    "nested <aside>": lambda size: fill("<aside>x", size),
    "nested <div>": lambda size: fill("<div>x", size),
    "nested <dl>": lambda size: fill("<dl>x", size),
    "nested tables": lambda size: fill("<table><tr><td>x", size),
    "nested, closed": lambda size: fill("<i>x", size // 2) + "</i>" * (size // 8),
    # 150 deep (within the bounds), then a long run of elements at that depth.
    "deep stack, then blocks": lambda size: fill("<div></div>", size, "<span>" * 150),
    "deep stack, then stray end tags": lambda size: fill("</aside>", size, "<u>" * 500),
    # Attributes and names.
    "attributes on one tag": lambda size: HEAD + "<p " + " ".join(f"a{k}=1" for k in range(size // 7)) + ">x</p>",
    "one attribute written many times": lambda size: fill(" a=1", size, "<p", ">x</p>"),
    "distinct tag names": lambda size: HEAD + "".join(f"<x{k}>x</x{k}>" for k in range(size // 14)),
    "distinct attribute names": lambda size: HEAD + "".join(f"<i a{k}>x</i>" for k in range(size // 14)),
    # Many siblings, unclosed tags.
    "siblings": lambda size: fill("<p>x</p>", size),
    "unclosed <p>": lambda size: fill("<p>x", size),
    "unclosed <li>": lambda size: fill("<li>x", size, "<ul>"),
    "unclosed <a>": lambda size: fill("<a href=x>x", size),
    "table cells": lambda size: fill("<td>x", size, "<table><tr>"),
    # Formatting elements reopened in every paragraph (Lexbor made 1,000 x 4,000 elements of 26 KB).
    "reopened formatting": lambda size: fill("<p>x", size, "<p>" + "".join(f"<b id={k}>" for k in range(60))),
    "misnested formatting": lambda size: fill("<b><p>x</b>y</p>", size),
    # Comments, CDATA, bogus comments, and what stalls or breaks html.parser.
    "comments": lambda size: fill("<!--x-->", size),
    "unclosed comment": lambda size: HEAD + "<!--" + "x" * size,
    "CDATA sections": lambda size: fill("<![CDATA[x]]>", size),
    "CDATA in SVG": lambda size: fill("<![CDATA[<b>]]>", size, "<svg>"),
    "bogus comments": lambda size: fill("<!x><?y></ z>", size),
    "runs of <!": lambda size: fill("<!", size),
    "runs of </": lambda size: fill("</", size),
    "runs of <![": lambda size: fill("<![", size),
    "runs of <": lambda size: fill("<", size),
    "a tag that never ends": lambda size: fill(' b="c" <a', size, "<a"),
    "a quote that never ends": lambda size: fill("x<a>", size, '<a b="'),
    "a script that never ends": lambda size: fill("<!--<script></script>", size, "<script>"),
}
SIZE = 24_000  # and four times as much


def tree_shape(node: Node) -> tuple[int, int, int]:
    """(deepest element, most attributes on an element, elements) of our tree."""
    deepest = most = count = 0
    todo: list[tuple[Node, int]] = [(node, 0)]
    while todo:
        current, depth = todo.pop()
        count += 1
        deepest = max(deepest, depth)
        most = max(most, len(current[1]))
        todo.extend((c, depth + 1) for c in current[2] if not isinstance(c, str))
    return deepest, most, count


def work(text: str) -> tuple[str, int]:
    """How ``parse_tree`` reads ``text`` and the work it takes, counted.

    The tokenizer: a bounded number of steps per construct (a tag, a comment...); the survey: a
    bounded number per tag and per element made, plus its counted walks; then Lexbor's walks as
    the survey replays them, or the small builder's steps (and its own pass of the tokenizer).
    """
    survey = H._Survey(text).run()
    done = survey.constructs + survey.tokens + survey.elements + survey.own
    if survey.refusal is not None:
        return "refused", done
    if survey.doubt is None:
        return "lexbor", done + survey.steps
    builder = H._TreeBuilder(text)
    return "builder", done + H._tokenize(text, builder) + builder.steps


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_hostile_shape_takes_work_linear_in_its_size(shape: str) -> None:
    small, large = SHAPES[shape](SIZE), SHAPES[shape](4 * SIZE)
    how_small, work_small = work(small)
    how_large, work_large = work(large)
    # At most some steps per character: Lexbor's walks, up to 200 a tag on average, are the most.
    assert work_small <= 64 * len(small) + MAX_ELEMENTS, (how_small, work_small)
    assert work_large <= 64 * len(large) + MAX_ELEMENTS, (how_large, work_large)
    # About four times the work for four times the page (a quadratic reader takes sixteen).
    assert work_large <= 4.5 * work_small + 1000, (how_small, work_small, how_large, work_large)


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_hostile_shape_is_read_or_refused_with_a_page_error(shape: str, parser: str) -> None:
    pytest.importorskip("selectolax")
    for size in (SIZE, 4 * SIZE):
        text = SHAPES[shape](size)
        refused: PageError | None = None
        try:
            blocks, _ = html_blocks(text, parser)
        except PageError as exc:  # any other exception fails the test
            refused = exc
        if refused is not None:
            assert refused.kind == "markup"
            assert "no saved page does" in refused.reason
        else:
            assert blocks[0].text == "Relations with Georgia"


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_tree_of_every_hostile_shape_is_bounded(shape: str, parser: str) -> None:
    pytest.importorskip("selectolax")
    try:
        tree = parse_tree(SHAPES[shape](4 * SIZE), parser)
    except PageError:
        return
    deepest, most, count = tree_shape(tree)
    assert deepest <= H._MAX_DEPTH + 3  # document, html, body above the bound
    assert most <= MAX_ATTRIBUTES
    assert count <= MAX_ELEMENTS + 1


def test_the_hostile_shapes_meet_every_outcome() -> None:
    """The shapes above exercise Lexbor, the small builder, and the refusal."""
    outcomes = {shape: work(make(4 * SIZE))[0] for shape, make in SHAPES.items()}
    assert outcomes["nested <aside>"] == outcomes["nested custom tags"] == "refused"
    assert outcomes["reopened formatting"] == "refused"  # more than MAX_ELEMENTS elements
    assert outcomes["attributes on one tag"] == outcomes["distinct tag names"] == "builder"
    assert outcomes["deep stack, then stray end tags"] == "builder"  # Lexbor would walk 500 deep on each
    assert outcomes["siblings"] == outcomes["comments"] == "lexbor"


# --- the bounds, one by one ------------------------------------------------------------------------------


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("tag", ["span", "x-note", "font", "q", "dl", "aside", "blockquote", "td"])
def test_nesting_of_any_tag_beyond_the_bound_is_refused(tag: str, parser: str) -> None:
    """Regression: 100,000 nested elements of a tag the old list missed took 113 s; now any tag counts."""
    pytest.importorskip("selectolax")
    text = HEAD + f"<table><tr><{tag}>" * 1200 if tag == "td" else HEAD + f"<{tag}>x" * 1200
    with pytest.raises(PageError, match=r"the markup nests elements [\d,]+ deep: no saved page does") as caught:
        parse_tree(text, parser)
    assert caught.value.kind == "markup"


def test_nesting_within_the_bound_is_read_and_kept_flat_past_our_depth() -> None:
    pytest.importorskip("selectolax")
    text = HEAD + "<span>" * (MAX_NESTING - 10) + "deep text"
    for parser in PARSERS:
        tree = parse_tree(text, parser)
        assert tree_shape(tree)[0] <= H._MAX_DEPTH + 3
        blocks, _ = html_blocks(text, parser)
        assert blocks[-1].text.endswith("deep text")


def test_a_page_making_too_many_elements_is_refused() -> None:
    # 30 formatting elements reopened in each of 4,000 paragraphs: 120,000 elements from 28 KB.
    text = HEAD + "<p>" + "".join(f"<b id={k}>" for k in range(30)) + "<p>x" * 4000
    with pytest.raises(PageError, match="more than 100,000 elements") as caught:
        parse_tree(text, "stdlib")
    assert caught.value.kind == "markup"


def test_a_tag_with_too_many_attributes_keeps_the_first_ones() -> None:
    """Regression: 100,000 attributes on one tag took Lexbor 18 s; the small builder reads it."""
    attributes = " ".join(f"a{k}=1" for k in range(MAX_ATTRIBUTES + 50))
    text = HEAD + f'<p class="intro" {attributes}>Hello</p>'
    survey = H._survey(text)
    assert survey.doubt == f"a tag holds {MAX_ATTRIBUTES + 51:,} attributes"
    for parser in PARSERS:
        tree = parse_tree(text, parser)
        p = next(n for n in _elements(tree) if n[0] == "p" and n[2] == ["Hello"])
        assert len(p[1]) == MAX_ATTRIBUTES
        assert p[1]["class"] == "intro" and p[1]["a0"] == "1"


def test_many_distinct_names_are_not_given_to_lexbor() -> None:
    """Lexbor's tables of tag and attribute names grow quadratic: 160,000 distinct tag names took 12 s."""
    survey = H._survey(HEAD + "".join(f"<x{k}>x</x{k}>" for k in range(2000)))
    assert survey.doubt is not None and "distinct tag and attribute names" in survey.doubt
    survey = H._survey(HEAD + "".join(f"<i a{k}>x</i>" for k in range(2000)))
    assert survey.doubt is not None and "distinct tag and attribute names" in survey.doubt


def test_what_html_parser_could_not_read_is_read() -> None:
    """The standard library's html.parser took quadratic time on "</" runs and failed on "<![" runs."""
    for text in (HEAD + "</" * 20_000, HEAD + "<![" * 20_000, HEAD + "<!" * 20_000 + "<p>after"):
        for parser in PARSERS:
            blocks, _ = html_blocks(text, parser)
            assert blocks[0].text == "Relations with Georgia"


def _elements(node: Node) -> Iterator[Node]:
    yield node
    for child in node[2]:
        if not isinstance(child, str):
            yield from _elements(child)


# --- normal pages read as before -------------------------------------------------------------------------

# What the reader made of two fixture pages before the bounds (both parsers gave the same), as
# (hint, depth, marker, text); the pages' own text, in order.
BEFORE = {
    "tkm-en-2019-06-18.html": [
        ("title", 0, False, "Relations with Turkmenistan"),
        (None, 2, True, "Last updated: 18 Jun. 2019 09:44"),
        (
            "paragraph",
            0,
            False,
            "NATO and Turkmenistan cooperate in areas such as border security, civil preparedness and scientific "
            "research, while respecting the country’s policy of permanent neutrality.",
        ),
        ("caption", 0, False, "Turkmen and NATO officials at the opening of a language course in Ashgabat"),
        (
            None,
            2,
            True,
            "Relations with Turkmenistan began in 1992, when the country joined the North Atlantic Cooperation "
            "Council.",
        ),
        (None, 2, True, "Turkmenistan joined the Partnership for Peace in 1994."),
        (
            None,
            2,
            True,
            "Because of its permanent neutrality, Turkmenistan does not make units available for NATO-led operations.",
        ),
        (
            None,
            2,
            True,
            "Cooperation objectives are set out in an Individual Partnership and Cooperation Programme (IPCP), "
            "which is renewed every two years.",
        ),
        ("heading", 0, False, "Key areas of cooperation"),
        ("paragraph", 0, False, "Turkmenistan’s cooperation with NATO is mutually beneficial and includes:"),
        ("heading", 0, False, "Building capabilities and interoperability"),
        (
            None,
            2,
            True,
            "Turkmen officers attend NATO courses on border security, counter-terrorism and defence planning, "
            "as well as English language classes.",
        ),
        ("heading", 0, False, "Other areas of cooperation"),
        (
            None,
            2,
            True,
            "Turkmenistan has taken part in the Science for Peace and Security (SPS) Programme since 1993, with a "
            "focus on internet access for universities.",
        ),
        (
            None,
            2,
            True,
            "From 9 to 11 May 2017, Ashgabat hosted a NATO course on emergency planning for civil authorities.",
        ),
        (
            None,
            2,
            True,
            "Since 2010, a NATO Depository Library at the Institute of International Relations in Ashgabat has "
            "given researchers access to NATO publications.",
        ),
    ],
    "geo-en-2019-07-04-broken.html": [
        ("title", 0, False, "Relations with Georgia"),
        (None, 2, True, "Last updated: 04 Jul. 2019 12:30"),
        (
            "paragraph",
            0,
            False,
            "Georgia is one of NATO’s closest partners and aspires to join the Alliance. It contributes to "
            "NATO-led operations and works with Allies on reform & interoperability.",
        ),
        ("caption", 0, False, "The NATO-Georgia Commission meets in Tbilisi"),
        (
            None,
            2,
            True,
            "Relations with Georgia began in 1992, when the country joined the North Atlantic Cooperation Council.",
        ),
        (None, 2, True, "Practical cooperation started when Georgia joined the Partnership for Peace in 1994."),
        (None, 2, True, "Allies agreed at the 2008 Bucharest Summit that Georgia will become a member of NATO."),
        (None, 2, True, "Since December 2008, Georgia’s reforms have been guided by an Annual National Programme."),
        ("heading", 0, False, "Key areas of cooperation"),
        ("paragraph", 0, False, "Georgia’s cooperation with NATO is mutually beneficial and includes:"),
        ("heading", 0, False, "Building capabilities and interoperability"),
        (
            None,
            2,
            True,
            "In 2014, Allies and Georgia agreed the Substantial NATO-Georgia Package to strengthen Georgia’s "
            "defence capabilities.",
        ),
        (
            None,
            2,
            True,
            "Georgian soldiers served with the International Security Assistance Force (ISAF) from 2004 to 2014 "
            "and then with the Resolute Support Mission.",
        ),
        (None, 2, True, "Since 2015, Georgia has contributed to the NATO Response Force."),
        ("heading", 0, False, "Other areas of cooperation"),
        (None, 2, True, "Georgia has taken part in the Building Integrity Programme since 2013."),
        (
            None,
            2,
            True,
            "Since 2005, the NATO Partnership Trust Fund has helped Georgia clear mines & unexploded ordnance.",
        ),
        (
            None,
            2,
            True,
            "A NATO Liaison Office has worked in Tbilisi since 2010, and the NATO Information Centre keeps the "
            "Georgian public informed about the Alliance.",
        ),
    ],
}


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("name", sorted(BEFORE))
def test_fixture_pages_read_as_before(name: str, parser: str) -> None:
    pytest.importorskip("selectolax")
    text, _ = decode((LAYOUTS / name).read_bytes())
    assert H._survey(text).doubt is None  # a normal page is given to Lexbor
    blocks, url = html_blocks(text, parser)
    assert [(b.hint, b.depth, b.marker, b.text) for b in blocks] == BEFORE[name]
    assert url is not None and url.startswith("https://www.nato.int/cps/en/natohq/topics_")


# --- the survey replays what Lexbor does -----------------------------------------------------------------

SOUP = (
    "p div span b i a u em strong font nobr s small big code tt strike li ul ol dl dd dt h1 h2 h3 table tr td th "
    "tbody caption col colgroup form button aside section article main nav address blockquote center pre listing "
    "applet object marquee svg math g mi mo mtext foreignObject desc title path annotation-xml ruby rb rt rp rtc "
    "script style textarea xmp iframe noembed noframes noscript plaintext img br hr input wbr x-a body html head "
    "meta link frame image area embed details summary dialog menu figure figcaption hgroup search q sub sup label"
).split()
OTHER_TOKENS = ["x", " ", "\n", "<!--c-->", "<![CDATA[<b>]]>", "<!-->", "y<", "&amp;", "</>", "<?x>", "<!x>", "\0"]
ATTRIBUTES = ["", "", "", " id=1", " id=2", " class=x", ' color="red"', " type=hidden", " encoding='text/html'"]


def _lexbor_shape(text: str) -> tuple[int, int]:
    """(elements, deepest element) of the tree Lexbor makes of ``text``."""
    from selectolax.lexbor import LexborHTMLParser

    root = LexborHTMLParser(text).root
    assert root is not None
    count = deepest = 0
    todo = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        count += 1
        deepest = max(deepest, depth)
        todo.extend((c, depth + 1) for c in node.iter(include_text=False) if c.tag and c.tag[0] != "-")
    return count, deepest


def _assert_survey_tracks_lexbor(text: str) -> None:
    survey = H._Survey(text).run()
    if survey.refusal is not None or survey.doubt is not None:
        return  # then Lexbor is not used
    elements, deepest = _lexbor_shape(text)
    assert survey.elements == elements, text
    # Lexbor's work follows its stack; the tree is as deep (a void element one more), but for
    # a <form> closed out of order, whose children stay in it while it leaves the stack.
    if "<form" not in text:
        assert deepest <= survey.deepest + 2, text


def _soup_token(draw: Callable[[list[str]], str], kind: str) -> str:
    if kind == "start":
        return f"<{draw(SOUP)}{draw(ATTRIBUTES)}{draw(['', '', '', '/'])}>"
    if kind == "end":
        return f"</{draw(SOUP)}>"
    return draw(OTHER_TOKENS)


@st.composite
def soups(draw: st.DrawFn) -> str:
    tags = draw(st.lists(st.sampled_from(SOUP), min_size=1, max_size=8, unique=True))  # few tags: deeper soups
    parts = draw(
        st.lists(
            st.one_of(
                st.tuples(st.just("start"), st.sampled_from(tags), st.sampled_from(ATTRIBUTES)).map(
                    lambda t: f"<{t[1]}{t[2]}>"
                ),
                st.sampled_from(tags).map(lambda t: f"</{t}>"),
                st.sampled_from(OTHER_TOKENS),
            ),
            max_size=60,
        )
    )
    return draw(st.sampled_from(["<!DOCTYPE html>", ""])) + "".join(parts)


@given(soups())
def test_the_survey_makes_the_elements_lexbor_makes(text: str) -> None:
    pytest.importorskip("selectolax")
    _assert_survey_tracks_lexbor(text)


def test_the_survey_makes_the_elements_lexbor_makes_on_a_fixed_corpus() -> None:
    """Two thousand soups of every token, the same every run (found the survey's first mistakes)."""
    pytest.importorskip("selectolax")
    rng = random.Random(19)
    for _ in range(2000):
        kinds = rng.choices(["start", "end", "other"], weights=[45, 35, 20], k=rng.randint(1, 60))
        text = rng.choice(["<!DOCTYPE html>", ""]) + "".join(_soup_token(rng.choice, k) for k in kinds)
        _assert_survey_tracks_lexbor(text)


@pytest.mark.parametrize(
    "text",
    [
        # Where Lexbor departs from HTML5, and the survey follows Lexbor.
        "<p><b></p><textarea>text</textarea>after",  # formatting elements reopened in a textarea
        "<svg> <sup>x",  # <sup> does not leave SVG
        "<table><image>",  # an <image> in a table is dropped
        "<tt id=2><b id=2><div id=2><listing><b><listing><listing></b><listing id=1><b></listing>"
        "<ul id=2><listing><div id=1><div/></tt><image>",  # the adoption agency's bookmark
        # HTML5 corners.
        "<b><p>x</b>y",
        "<table><tr><td>x<table>y",
        "<!DOCTYPE html><p><table>x",
        "<p><table>x",
        "<a><p><a>x",
        "<math><mi><b>x</b></mi></math><svg><desc><i>y</i></desc></svg>",
        "<p><b id=1><b id=1><b id=1><b id=1><p>x",
        "<ruby><rb>a<rt>b<rtc>c<rp>d</ruby>",
        "<table><b><col a=&>\n",
    ],
)
def test_the_survey_makes_the_elements_lexbor_makes_in_the_corners(text: str) -> None:
    pytest.importorskip("selectolax")
    survey = H._Survey(text).run()
    assert survey.refusal is None and survey.doubt is None
    _assert_survey_tracks_lexbor(text)


# --- the tokenizer -------------------------------------------------------------------------------------

# The tokenizer's patterns never backtrack: every repetition is possessive or inside an atomic group,
# so each character is looked at a bounded number of times (and a "<" that starts a tag is tried once).
_QUANTIFIER = re.compile(r"(?<!\\)(?:[*+?]|\{\d+(?:,\d*)?\})")


@pytest.mark.parametrize("name", ["_MARKUP", "_ATTRIBUTE", "_ATTRIBUTE_NAME"])
def test_the_tokenizer_patterns_never_backtrack(name: str) -> None:
    source = re.sub(r"\[(?:\\.|[^\]\\])*\]", "C", getattr(H, name).pattern)  # a character class is one atom
    for m in _QUANTIFIER.finditer(source):
        if source[m.start() - 1 : m.start() + 1] == "(?":  # a group's "?", not a quantifier
            continue
        after = source[m.end() : m.end() + 1]
        assert after == "+" or (m.group() == "+" and source[m.start() - 1] in "*+?}"), (name, source[: m.end() + 1])


def test_a_start_tag_is_tried_once_whatever_follows() -> None:
    """ "<a" then no ">" till the end: in HTML5 the rest is that tag; html.parser retried every "<"."""
    calls: list[str] = []

    class Sink:
        def start(self, name: str, attributes: str, closing: bool) -> str | None:
            calls.append(name)
            return None

        def end(self, name: str) -> None:
            calls.append("/" + name)

        def text(self, start: int, end: int, kind: str | None) -> None:
            calls.append("#")

        def doctype(self, start: int, end: int) -> None:
            pass

        def foreign(self) -> bool:
            return False

    H._tokenize("<p>x" + "<a b='<c " * 1000, Sink())
    assert calls == ["p", "#"]
    calls.clear()
    H._tokenize("<p title=\"a>b\" data-x='>'>x</p><br/><!-- <i> -->", Sink())
    assert calls == ["p", "#", "/p", "br"]
