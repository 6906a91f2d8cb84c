"""Reading a partner page saved from NATO's site as HTML into :class:`~partnerdata._ingest.reader.Block` lines.

The markup is parsed by `selectolax <https://github.com/rushter/selectolax>`_ (its Lexbor backend)
when it is installed (``pip install partnerdata[html]``): Lexbor implements the HTML5 parsing
algorithm, so broken markup (unclosed ``<p>``, ``<li>``, ``<h3>``, stray end tags, a truncated
document) is repaired as a browser repairs it; it is the fastest of the maintained parsers, and
it has binary wheels for every platform Python supports. Without it (``parser="stdlib"``), a small
tree builder applies the few HTML5 repair rules NATO's pages need, over this module's own HTML5
tokenizer (the standard library's :mod:`html.parser` takes quadratic time on some malformed
input, and fails on some); ``tests/test_layouts.py`` checks that both give the same pages.

Either way the tree becomes this module's own small tree, and one walker turns it into lines:
the content column (``<main>``'s ``<article>``) only, without navigation, scripts, share links or
footers; ``<h1>`` is the title, ``<figcaption>`` a caption, list items are bullets, headings and
paragraphs keep their kind.

**Reading takes time linear in the size of the markup, whatever the markup.** The HTML5 tree
construction walks the stack of open elements and the list of active formatting elements on
most tags, so it takes time quadratic in their length, and it may reopen every formatting element
in every paragraph; Lexbor also takes time quadratic in the attributes of a tag and in the number
of distinct tag and attribute names (100,000 nested ``<aside>`` took it 48 s, 100,000 attributes
on a tag 30 s). So, before any parsing, :class:`_Survey` replays the tree construction on element
names only, with every tag whatever its name (the stack, the list, the insertion modes), makes
the elements HTML5 makes and counts the steps of Lexbor's walks. Then:

- a page nested more than :data:`MAX_NESTING` elements deep, or making more than
  :data:`MAX_ELEMENTS` elements, is **refused** with a :class:`~partnerdata._ingest.reader.PageError`
  of kind ``"markup"`` that names the bound, whichever parser was asked for (no saved page comes
  near them: a NATO page has a few thousand elements, 10 to 40 deep);
- a page within them that Lexbor would not read in linear time (more than ``_LEXBOR_STEPS``
  steps a tag, a tag with more than :data:`MAX_ATTRIBUTES` attributes, more than ``_MAX_NAMES``
  distinct names, more than ``_MAX_ACTIVE`` formatting elements left open), or that uses markup
  the survey does not follow (``<template>``, ``<select>``, ``<frameset>``, corners where Lexbor
  departs from HTML5), is **read by the small tree builder**, even when selectolax is asked for.
  That builder is linear by construction and keeps its tree bounded: elements deeper than
  ``_MAX_DEPTH`` stay flat, a tag keeps its first :data:`MAX_ATTRIBUTES` attributes, and past
  :data:`MAX_ELEMENTS` elements further tags are dropped; the text is always kept.

``tests/test_html_linear.py`` checks that the survey makes the elements Lexbor makes (on tag
soups), and counts the work of every hostile shape; ``benchmarks/robustness.py`` times it.
"""

import re
from bisect import bisect_right
from collections import deque
from html import unescape
from itertools import islice
from typing import Any, Protocol, Union

from partnerdata._ingest.reader import Block, PageError

__all__ = ["MAX_ATTRIBUTES", "MAX_ELEMENTS", "MAX_NESTING", "html_blocks", "looks_like_html", "parse_tree"]

# A node: (tag, attributes, children); a text node is a plain str.
Node = tuple[str, dict[str, str], list[Union["Node", str]]]

# The bounds on a page's markup (see the module's docstring).
MAX_NESTING = 1000  # elements deep (html and body not counted): refused beyond
MAX_ELEMENTS = 100_000  # elements in all, as HTML5 makes them (reopened formatting elements too): refused beyond
MAX_ATTRIBUTES = 256  # attributes kept per tag; a tag with more is not given to Lexbor
_MAX_NAMES = 1000  # distinct tag and attribute names: Lexbor's name tables grow quadratic past a few thousand
_MAX_DEPTH = 200  # our tree: deeper elements are kept flat (their text kept), so walking it never recurses deeper
_MAX_ACTIVE = 64  # active formatting elements: Lexbor scans them on every tag and every text
_LEXBOR_STEPS = 200  # steps per token Lexbor may take (scans of the stack and of the list), on average
_OWN_STEPS = 64  # the survey's own steps per token past its constant work (it gives up beyond)

_SKIP = frozenset(
    "head script style noscript template nav header footer aside form button iframe svg select "
    "object canvas video audio map title".split()
)
_SKIP_CLASSES = re.compile(r"share|breadcrumb|cookie|skip-link|social|print-link|related|sidebar|menu")
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_INLINE = frozenset(
    "a abbr b bdi bdo br cite code data del dfn em font i ins kbd label mark q s samp small span strong sub "
    "sup time u var wbr img".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_BLOCKS_CLOSING_P = frozenset(
    "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr main nav ol p pre section table ul li dd dt".split()
)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML white space: U+00A0 is not part of it (kept verbatim)
_LOOKS = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|h1)\b", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a page's text is HTML markup rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("Relations with Georgia")
    (True, False)
    """
    head = text[:2000].lstrip("\ufeff \t\r\n")
    while head.startswith("<!--"):  # comments before the markup (a saved page's "saved from" note)
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip(" \t\r\n")
    return _LOOKS.match(head) is not None


# --- the HTML5 tokenizer ---------------------------------------------------------------------------------
# Every pattern below is linear: character classes under possessive quantifiers and atomic groups,
# so no match ever backtracks; a tag that never ends fails once, at the end of the text, and the
# tokenizer then stops (in HTML5 the rest of the text is part of that tag).

# The next construct from "<" on: a start or end tag, as the HTML5 tokenizer delimits it (groups:
# "/" of an end tag, name, attributes whose quoted values may hold ">", then the separators before
# ">", ending with "/" for a self-closing tag, or None for a tag the text ends in), else the "!", "/"
# or "?" that starts a comment, a DOCTYPE or a bogus comment. A "<" and a letter always match (the
# attributes take all but ">"), so no "<" is tried twice; a "<" and anything else is text.
_MARKUP = re.compile(
    r"<(?:(/?+)([A-Za-z][^\t\n\f\r />]*+)"
    r"((?>[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r />=]*+"
    r"(?>[\t\n\f\r ]*+=[\t\n\f\r ]*+(?>\"[^\"]*+\"?+|'[^']*+'?+|[^\t\n\f\r >]*+))?+)*+)"
    r"(?:([\t\n\f\r /]*+)>|[\t\n\f\r /]*+\Z)|([!/?]))"
)
_ATTRIBUTE = re.compile(
    r"[\t\n\f\r /]*+([^\t\n\f\r />][^\t\n\f\r />=]*+)"
    r"(?>[\t\n\f\r ]*+=[\t\n\f\r ]*+(?>\"([^\"]*+)\"?+|'([^']*+)'?+|([^\t\n\f\r >]*+)))?+"
)
_ATTRIBUTE_NAME = re.compile(  # the names alone (as written)
    r"[\t\n\f\r /]*+([^\t\n\f\r />][^\t\n\f\r />=]*+)"
    r"(?>[\t\n\f\r ]*+=[\t\n\f\r ]*+(?>\"[^\"]*+\"?+|'[^']*+'?+|[^\t\n\f\r >]*+))?+"
)
_COMMENT_END = re.compile(r"--!?>")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DELIMITER = r"[\t\n\f\r />]"
_RAW_END = {  # where the text of an element read as raw text ends
    name: re.compile(rf"</{name}{_DELIMITER}", re.A | re.I)
    for name in ("title", "textarea", "style", "xmp", "iframe", "noembed", "noframes")
}
# The script data states: "<!--" escapes, where "<script" starts a double escape that "</script"
# only ends (the script goes on), and "-->" returns to plain script data.
_SCRIPT_DATA = re.compile(rf"<!--|</script{_DELIMITER}", re.A | re.I)
_SCRIPT_ESCAPED = re.compile(rf"-->|</script{_DELIMITER}|<script{_DELIMITER}", re.A | re.I)
_SCRIPT_DOUBLE = re.compile(rf"-->|</script{_DELIMITER}", re.A | re.I)


def _lower(name: str) -> str:
    """ASCII lower case, as HTML5 folds tag and attribute names (``str.lower`` would fold the Kelvin sign to "k")."""
    return name.lower() if name.isascii() else name.translate(_LOWER)


def _attributes(text: str, limit: int | None = None) -> list[tuple[str, str]]:
    """The attributes of a tag as written (names in lower case, values without quotes nor decoding).

    With ``limit``, the first ones only: the rest is not even parsed.
    """
    return [(_lower(m[1]), m[2] or m[3] or m[4] or "") for m in islice(_ATTRIBUTE.finditer(text), limit)]


def _ark_key(attributes: str) -> tuple[tuple[str, str], ...]:
    """What Noah's Ark compares of a formatting element's attributes (the first of a name written twice)."""
    seen: dict[str, str] = {}
    for name, value in _attributes(attributes):
        seen.setdefault(name, value)
    return tuple(sorted(seen.items()))


def _script_end(text: str, pos: int) -> int:
    """Where the ``</script`` that ends a script's text is (-1: the script runs to the end)."""
    state = 0  # 0: script data; 1: escaped; 2: double escaped
    while True:
        if state == 0:
            m = _SCRIPT_DATA.search(text, pos)
            if m is None or m[0][1] == "/":
                return -1 if m is None else m.start()
            state, pos = 1, m.start() + 2  # from the dashes of "<!--": "<!-->" escapes and ends at once
        else:
            m = (_SCRIPT_ESCAPED if state == 1 else _SCRIPT_DOUBLE).search(text, pos)
            if m is None:
                return -1
            if m[0] == "-->":
                state = 0
            elif m[0][1] == "/":
                if state == 1:
                    return m.start()
                state = 1
            else:
                state = 2
            pos = m.end()


class _Sink(Protocol):
    def start(self, name: str, attributes: str, closing: bool) -> str | None:
        """A start tag; returns how the text after it reads: ``None`` (markup), or as in :data:`_RAW`."""

    def end(self, name: str) -> None:
        """An end tag."""

    def text(self, start: int, end: int, kind: str | None) -> None:
        """Characters ``text[start:end]``; ``kind`` as returned by :meth:`start`, or ``"cdata"``."""

    def doctype(self, start: int, end: int) -> None:
        """A DOCTYPE."""

    def foreign(self) -> bool:
        """Whether the current node is an SVG or MathML element (``<![CDATA[`` is then a section)."""


def _tokenize(text: str, sink: _Sink) -> int:
    """Give ``sink`` the tokens of ``text`` as the HTML5 tokenizer makes them (comments dropped).

    Each ``<`` is looked at once and each character scanned a bounded number of times: linear.
    Returns how many constructs (tags, comments, DOCTYPEs...) were read: the work, for the tests.
    """
    n = len(text)
    pos = 0
    find = text.find
    search = _MARKUP.search
    start_tag, end_tag, chars = sink.start, sink.end, sink.text
    constructs = 0
    while True:
        constructs += 1
        m = search(text, pos)
        if m is None:
            if pos < n:
                chars(pos, n, None)
            return constructs
        lt, after = m.span()
        if lt > pos:
            chars(pos, lt, None)
        slash, raw, attributes, closing, other = m.groups()
        if raw is not None:
            if closing is None:
                return constructs  # a tag that never ends: in HTML5 the rest of the text is part of it
            pos = after
            name = raw.lower() if raw.isascii() else raw.translate(_LOWER)  # ASCII only, as HTML5 folds
            if slash:
                end_tag(name)
                continue
            kind = start_tag(name, attributes, closing.endswith("/"))
            if kind is None:
                continue
            if kind == "plaintext":
                chars(pos, n, kind)
                return constructs
            start = pos
            if kind == "script":
                pos = _script_end(text, pos)
            else:
                found = _RAW_END[name].search(text, pos)
                pos = -1 if found is None else found.start()
            if pos < 0:
                chars(start, n, kind)
                return constructs
            if pos > start:
                chars(start, pos, kind)
            m = _MARKUP.match(text, pos)
            if m is None or m[4] is None:
                return constructs
            end_tag(name)
            pos = m.end()
        elif other == "!":
            if text.startswith("<!--", lt):
                if text.startswith(">", lt + 4) or text.startswith("->", lt + 4):  # "<!-->", "<!--->"
                    pos = text.index(">", lt + 4) + 1
                    continue
                m = _COMMENT_END.search(text, lt + 4)
                if m is None:
                    return constructs
                pos = m.end()
            elif text.startswith("[CDATA[", lt + 2) and sink.foreign():
                end = find("]]>", lt + 9)
                chars(lt + 9, n if end < 0 else end, "cdata")
                if end < 0:
                    return constructs
                pos = end + 3
            else:  # a DOCTYPE, or a bogus comment: both end at the first ">"
                end = find(">", lt + 2)
                if end < 0:
                    return constructs
                if text[lt + 2 : lt + 9].upper() == "DOCTYPE":
                    sink.doctype(lt, end + 1)
                pos = end + 1
        elif other == "/" and lt + 2 >= n:  # "</" at the end is text
            chars(lt, n, None)
            return constructs
        elif text.startswith("</>", lt):  # dropped
            pos = lt + 3
        else:  # "</" and anything but a letter, or "<?": a bogus comment
            end = find(">", lt + 2)
            if end < 0:
                return constructs
            pos = end + 1


# How the text after a start tag reads, when HTML5 reads it as raw text.
_RAW = {"title": "rcdata", "textarea": "rcdata", "script": "script", "plaintext": "plaintext"}
_RAW.update(dict.fromkeys(("style", "xmp", "iframe", "noembed", "noframes"), "rawtext"))


# --- the survey: the HTML5 tree construction replayed on names -------------------------------------------
# HTML5 ("the tree construction stage", https://html.spec.whatwg.org/#tree-construction), reduced to
# what decides the stack of open elements and the list of active formatting elements. Each scope
# test is answered from position lists (constant time), while the steps Lexbor's own walk takes are
# counted. Names: HTML elements by their name, SVG and MathML elements as "~name".

# Position lists kept for these element categories (the category's elements on the stack, in order).
_SC, _LS, _BS, _TS, _SP, _SPL, _TBC, _TRC, _RST, _HX = range(10)
_SCOPE = frozenset("applet caption html table td th marquee object template".split())
_SPECIAL = frozenset(
    "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup "
    "dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed "
    "noframes noscript object ol p param plaintext pre script search section select source style summary table "
    "tbody td template textarea tfoot th thead title tr track ul wbr xmp".split()
)
_RESET = frozenset("td th tr tbody thead tfoot caption colgroup table select template body html frameset".split())
_MATH_TEXT = frozenset(("mi", "mo", "mn", "ms", "mtext"))
# The special SVG (namespace 1) and MathML (namespace 2) elements.
_FOREIGN_SCOPE = (
    frozenset(("~foreignobject", "~desc", "~title")),
    frozenset("~" + n for n in _MATH_TEXT | {"annotation-xml"}),
)


def _categories(name: str) -> tuple[int, ...]:
    found = []
    if name in _SCOPE:
        found += [_SC, _LS, _BS]
    elif name in ("ol", "ul"):
        found.append(_LS)
    elif name == "button":
        found.append(_BS)
    if name in ("html", "table", "template"):
        found.append(_TS)
    if name in _SPECIAL:
        found.append(_SP)
        if name not in ("address", "div", "p"):
            found.append(_SPL)
    if name in ("tbody", "tfoot", "thead", "template", "html"):
        found.append(_TBC)
    if name in ("tr", "template", "html"):
        found.append(_TRC)
    if name in _RESET:
        found.append(_RST)
    if name in _HEADINGS:
        found.append(_HX)
    return tuple(found)


_CATEGORIES = {name: _categories(name) for name in _SPECIAL | _RESET | {"ol", "ul", "button"}}
_FOREIGN_CATEGORIES = (_SC, _LS, _BS, _SP, _SPL)

_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header "
    "hgroup main menu nav ol p search section summary ul".split()
)
_CLOSED_BY_SCOPE = _CLOSES_P - {"p"} | {"button", "listing", "pre"}  # end tags closing what is in scope
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
_IMPLIED = frozenset("dd dt li optgroup option p rb rp rt rtc".split())
_BREAKOUT = frozenset(
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu "
    "meta nobr ol p pre ruby s small span strong strike sub table tt u ul var".split()  # "sup": not in Lexbor's list
)
_TABLE_TEXT = frozenset("table tbody template tfoot thead tr".split())  # text there is "in table text"
_TABLE_PARTS = frozenset("caption col colgroup tbody td tfoot th thead tr".split())
_IGNORED_IN_BODY = _TABLE_PARTS | {"frame", "head", "html", "body"}
_HEAD_VOID = frozenset("base basefont bgsound link meta".split())
_NOT_SPACE = re.compile(r"[^\t\n\f\r ]")
_NOT_SPACE_NOR_NUL = re.compile(r"[^\t\n\f\r \x00]")
_STANDARDS_DOCTYPE = re.compile(r"<!doctype[\t\n\f\r ]+html[\t\n\f\r ]*>", re.A | re.I)

# The rules of "in body", grouped, for start tags and for end tags.
_OTHER, _BLOCK, _FORMATTING_RULE, _VOID_RULE, _ITEM, _HEADING_RULE, _RAW_RULE, _PLAIN_VOID, _HR, _IGNORED = range(10)
_FORM, _BUTTON, _OBJECT, _TABLE_RULE, _XMP, _PLAINTEXT, _RUBY, _FOREIGN_RULE, _UNFOLLOWED, _P = range(10, 20)
_BODY_START = dict.fromkeys(_CLOSES_P | {"pre", "listing"}, _BLOCK)
for _names, _rule in (
    (_FORMATTING, _FORMATTING_RULE),
    (("area", "br", "embed", "img", "keygen", "wbr", "input", "image"), _VOID_RULE),
    (("li", "dd", "dt"), _ITEM),
    (_HEADINGS, _HEADING_RULE),
    (("title", "noframes", "style", "script", "textarea", "iframe", "noembed"), _RAW_RULE),
    (_HEAD_VOID | {"param", "source", "track"}, _PLAIN_VOID),
    (("hr",), _HR),
    (_IGNORED_IN_BODY, _IGNORED),
    (("form",), _FORM),
    (("button",), _BUTTON),
    (("applet", "marquee", "object"), _OBJECT),
    (("table",), _TABLE_RULE),
    (("xmp",), _XMP),
    (("plaintext",), _PLAINTEXT),
    (("rb", "rtc", "rp", "rt"), _RUBY),
    (("math", "svg"), _FOREIGN_RULE),
    (("select", "template", "frameset", "option", "optgroup"), _UNFOLLOWED),
):
    _BODY_START.update(dict.fromkeys(_names, _rule))
_BODY_END = dict.fromkeys(_CLOSED_BY_SCOPE | {"dd", "dt", "applet", "marquee", "object"}, _BLOCK)
_BODY_END.update(dict.fromkeys(_FORMATTING, _FORMATTING_RULE), p=_P, li=_ITEM, form=_FORM, br=_VOID_RULE)
_BODY_END.update(dict.fromkeys(_HEADINGS, _HEADING_RULE), template=_UNFOLLOWED, body=_IGNORED, html=_IGNORED)

# Insertion modes the survey follows (the head's modes are one).
_HEAD, _BODY, _TABLE, _TBODY, _ROW, _CELL, _CAPTION, _COLGROUP = range(8)
_MODE_OF = {"td": _CELL, "th": _CELL, "tr": _ROW, "tbody": _TBODY, "thead": _TBODY, "tfoot": _TBODY}
_MODE_OF.update(caption=_CAPTION, colgroup=_COLGROUP, table=_TABLE)


class _Stop(Exception):
    """The survey gives up: its own work would no longer be linear."""


class _El:
    """An element of the survey's stack: name, categories, namespace (0 HTML, 1 SVG, 2 MathML)."""

    __slots__ = ("cats", "ip", "key", "listed", "name", "ns", "pos", "shared")

    def __init__(self, name: str, cats: tuple[int, ...], ns: int, key: Any = None) -> None:
        self.name = name
        self.cats = cats
        self.ns = ns
        self.key = key  # for a formatting element: its attributes as written, which Noah's Ark compares
        self.shared = False  # its attributes hold character references (compared undecoded here)
        self.ip = 0  # 1: an HTML integration point; 2: a MathML text integration point
        self.pos = -1  # its position in the stack, -1 if not in it
        self.listed = False  # in the list of active formatting elements


class _Survey:
    """The HTML5 tree construction of a text, replayed on names to bound its depth, size and Lexbor's work.

    ``deepest`` and ``elements`` are what HTML5 makes of the markup; ``steps`` what Lexbor's walks of
    the stack and of the list take; ``doubt`` why Lexbor may not be given the text (``None``: it may).
    """

    def __init__(self, text: str) -> None:
        self.source = text
        self.stack: list[_El] = []
        self.where: dict[str, list[int]] = {}  # positions in the stack, by name
        self.idx: list[list[int]] = [[] for _ in range(10)]  # positions in the stack, by category
        self.active: list[_El | None] = []  # None: a marker
        self.mode = _HEAD
        self.head_state = 0  # 0 before head, 1 in head, 2 in head noscript, 3 after head
        self.head: _El | None = None
        self.form: _El | None = None
        self.quirks: bool | None = None  # None: not known yet, or a DOCTYPE the survey cannot classify
        self.started = False
        self.raw: _El | None = None  # the raw text element the next end tag closes
        self.formatting = True  # False once the list grew too long: formatting elements are then plain ones
        self.names: set[str] = set()  # tag names
        self.attributes: list[str] = []  # the attributes of every tag, as written
        self.elements = 0
        self.deepest = 0
        self.tokens = 0
        self.steps = 0  # Lexbor's walks
        self.own = 0  # the survey's own walks
        self.doubt: str | None = None
        self.refusal: PageError | None = None
        self.constructs = 0  # read by the tokenizer (when it finished)

    def run(self) -> "_Survey":
        """Survey the whole text; a page beyond the bounds gets its ``refusal``."""
        try:
            self.constructs = _tokenize(self.source, self)
            if self.mode == _HEAD:  # the end of the text: <html>, <head> and <body> are made if they were not
                self.enter_body()
        except _Stop:
            self.suspect("its markup would take the survey more than linear time")
        except PageError as exc:  # too many elements: the survey stopped there
            self.refusal = exc
            return self
        names = len(self.names | set(_ATTRIBUTE_NAME.findall(" ".join(self.attributes))))
        if names > _MAX_NAMES:  # (as written: "ID" and "id" count twice, which only overestimates)
            self.suspect(f"{names:,} distinct tag and attribute names")
        if self.deepest - 1 > MAX_NESTING:  # html and body not counted
            self.refusal = PageError(
                f"the markup nests elements {self.deepest - 1:,} deep: no saved page does", kind="markup"
            )
        if self.steps > 100_000 + _LEXBOR_STEPS * self.tokens:
            self.suspect(f"Lexbor would take {self.steps:,} steps for {self.tokens:,} tags")
        return self

    # -- bookkeeping

    def suspect(self, why: str) -> None:
        if self.doubt is None:
            self.doubt = why

    def work(self, steps: int) -> None:
        self.own += steps
        self.steps += steps
        if self.own > 100_000 + _OWN_STEPS * self.tokens:
            raise _Stop

    def new(self, name: str, ns: int = 0, key: Any = None) -> _El:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise PageError(f"the markup makes more than {MAX_ELEMENTS:,} elements: no saved page does", kind="markup")
        if ns:  # MathML's mi, mo, mn, ms, mtext, annotation-xml and SVG's foreignObject, desc, title are special
            special = name in _FOREIGN_SCOPE[ns - 1]
            el = _El(name, _FOREIGN_CATEGORIES if special else (), ns)
            if special and name != "~annotation-xml":
                el.ip = ns  # SVG's: HTML integration points; MathML's: text integration points
        else:
            el = _El(name, _CATEGORIES.get(name, ()), 0, key)
        return el

    def count(self) -> None:
        """An element made and closed at once (a void element)."""
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise PageError(f"the markup makes more than {MAX_ELEMENTS:,} elements: no saved page does", kind="markup")

    def push(self, el: _El) -> _El:
        pos = el.pos = len(self.stack)
        self.stack.append(el)
        positions = self.where.get(el.name)
        if positions is None:
            self.where[el.name] = [pos]
        else:
            positions.append(pos)
        for c in el.cats:
            self.idx[c].append(pos)
        if pos > self.deepest:
            self.deepest = pos
        return el

    def insert(self, name: str, key: Any = None) -> _El:
        """An HTML element made and pushed: the common case."""
        return self.push(self.new(name, 0, key))

    def pop(self) -> None:
        el = self.stack.pop()
        self.where[el.name].pop()
        for c in el.cats:
            self.idx[c].pop()
        el.pos = -1

    def truncate(self, pos: int) -> None:
        """Pop the elements from the current node down to position ``pos``, that one included."""
        stack, where, idx = self.stack, self.where, self.idx
        while len(stack) > pos:
            el = stack.pop()
            where[el.name].pop()
            for c in el.cats:
                idx[c].pop()
            el.pos = -1

    def replace_from(self, pos: int, elements: list[_El]) -> None:
        """Replace the stack from position ``pos`` up (the adoption agency, a form closed out of order)."""
        self.work(len(self.stack) - pos + len(elements))
        self.truncate(pos)
        for el in elements:
            self.push(el)

    def last(self, category: int) -> int:
        return self.idx[category][-1] if self.idx[category] else -1

    def top(self) -> int:
        return len(self.stack) - 1

    def in_scope(self, name: str, category: int) -> int:
        """The position of the HTML element ``name`` if it is in that scope, else -1 (as Lexbor walks: counted).

        Only in <body>, where <html> (a boundary of every scope) is at the bottom of the stack.
        """
        positions = self.where.get(name)
        boundary = self.idx[category][-1]
        if positions and positions[-1] >= boundary:
            self.steps += len(self.stack) - 1 - positions[-1]
            return positions[-1]
        self.steps += len(self.stack) - 1 - boundary
        return -1

    def generate_implied(self, but: str = "") -> None:
        while self.stack and self.stack[-1].ns == 0 and self.stack[-1].name in _IMPLIED and self.stack[-1].name != but:
            self.pop()

    def close_p(self) -> None:
        found = self.in_scope("p", _BS)
        if found >= 0:
            self.truncate(found)

    # -- the list of active formatting elements

    def unlist(self, el: _El) -> None:
        self.active.remove(el)
        el.listed = False

    def last_active(self, name: str) -> _El | None:
        for k in range(len(self.active) - 1, -1, -1):
            el = self.active[k]
            if el is None:
                self.work(len(self.active) - k)
                return None
            if el.name == name:
                self.work(len(self.active) - k)
                return el
        self.work(len(self.active))
        return None

    def push_active(self, el: _El) -> None:
        named: list[_El] = []
        k = len(self.active) - 1
        while k >= 0 and (entry := self.active[k]) is not None:
            if entry.name == el.name:
                named.append(entry)
            k -= 1
        self.work(len(self.active) - k)
        if len(named) >= 3:  # Noah's Ark: three alike at most (the attributes are parsed only then)
            key = _ark_key(el.key)
            same = [e for e in named if e.key == el.key or _ark_key(e.key) == key]
            if len(same) >= 3:
                self.unlist(same[-1])
            if el.shared or any(e.shared for e in named):  # Lexbor compares "&amp;" and "&" decoded: alike
                self.suspect("formatting elements whose attributes hold character references")
        self.active.append(el)
        el.listed = True
        if len(self.active) > _MAX_ACTIVE:
            self.suspect(f"more than {_MAX_ACTIVE} formatting elements left open")
            self.formatting = False  # from here, formatting elements are plain elements
            for entry in self.active:
                if entry is not None:
                    entry.listed = False
            self.active.clear()

    def reconstruct(self) -> None:
        active = self.active
        if not active:
            return
        entry = active[-1]
        if entry is None or entry.pos >= 0:
            self.steps += 0 if entry is None else self.top() - entry.pos
            return
        k = len(active) - 1
        while k > 0:
            entry = active[k - 1]
            if entry is None or entry.pos >= 0:
                break
            k -= 1
        self.work(len(active) - k)
        for j in range(k, len(active)):
            old = active[j]
            assert old is not None
            clone = self.push(self.new(old.name, 0, old.key))
            clone.shared, clone.listed, old.listed = old.shared, True, False
            active[j] = clone

    def clear_to_marker(self) -> None:
        while self.active:
            entry = self.active.pop()
            if entry is None:
                return
            entry.listed = False

    def adopt(self, subject: str) -> bool:
        """The adoption agency algorithm; False: act as for any other end tag."""
        current = self.stack[-1]
        if current.ns == 0 and current.name == subject:
            if not current.listed:
                self.pop()
                return True
            if self.active[-1] is current:  # closing the last formatting element opened: the common case
                self.pop()
                self.active.pop()
                current.listed = False
                return True
        for _ in range(8):
            fe = self.last_active(subject)
            if fe is None:
                return False
            if fe.pos < 0:
                self.unlist(fe)
                return True
            self.steps += self.top() - fe.pos
            if fe.pos < self.last(_SC):  # not in scope
                return True
            specials = self.idx[_SP]
            i = bisect_right(specials, fe.pos)
            if i == len(specials):  # no furthest block
                self.truncate(fe.pos)
                self.unlist(fe)
                return True
            start = fe.pos
            segment = self.stack[start:]
            furthest = specials[i] - start
            self.work(len(segment))
            # Where the new element goes in the list, as an index taken while fe is still in it: Lexbor
            # removes fe, then inserts there (one place further than HTML5 when fe came first).
            bookmark = self.active.index(fe)
            last = segment[furthest]
            k = furthest
            inner = 0
            while True:
                inner += 1
                k -= 1
                node = segment[k]
                if k == 0:
                    break
                if inner > 3 and node.listed:
                    self.unlist(node)
                    self.suspect("misnested formatting elements")  # Lexbor's list then differs from HTML5's
                if not node.listed:
                    del segment[k]
                    node.pos = -1
                    furthest -= 1
                    continue
                clone = self.new(node.name, 0, node.key)
                clone.shared, clone.listed, node.listed = node.shared, True, False
                self.active[self.active.index(node)] = clone
                node.pos = -1
                segment[k] = clone
                if last is segment[furthest]:
                    bookmark = self.active.index(clone) + 1
                last = clone
            clone = self.new(fe.name, 0, fe.key)
            clone.shared, clone.listed = fe.shared, True
            self.active.remove(fe)
            self.active.insert(bookmark, clone)
            fe.listed = False
            fe.pos = -1
            del segment[0]
            segment.insert(furthest, clone)  # just below the furthest block, now one place lower
            self.replace_from(start, segment)
        return True

    # -- tokens

    def foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1].ns != 0

    def doctype(self, start: int, end: int) -> None:
        if not self.started:
            self.started = True
            doctype = self.source[start:end].lower()
            # "html 4.01" with a system identifier is limited quirks mode: like no quirks here
            if (
                _STANDARDS_DOCTYPE.fullmatch(doctype)
                or "xhtml 1." in doctype
                or ("html 4.01" in doctype and "http" in doctype)
            ):
                self.quirks = False
            # else None: quirks mode or not, depending on public identifiers the survey does not list

    def text(self, start: int, end: int, kind: str | None) -> None:
        if self.mode == _BODY and kind is None and (not self.active or self.active[-1] is None):
            return  # nothing to reopen: the common case, kept fast
        if (
            kind is not None
            and kind != "plaintext"
            and not (kind == "rcdata" and self.raw and self.raw.name == "textarea")
        ):
            return  # raw text, or a CDATA section: no element (Lexbor reopens formatting elements in a textarea)
        text = self.source
        if not self.started and _NOT_SPACE.search(text, start, end):
            self.begin()
        if self.mode == _HEAD:
            if _NOT_SPACE.search(text, start, end):
                self.enter_body()
            else:
                return
        current = self.stack[-1]
        if current.ns and not current.ip:
            return  # text in SVG or MathML: no formatting element reopened
        if self.mode in (_TABLE, _TBODY, _ROW) and current.name in _TABLE_TEXT:
            if _NOT_SPACE_NOR_NUL.search(text, start, end):
                self.reconstruct()  # foster parented
            return
        if self.mode == _COLGROUP:
            if not _NOT_SPACE.search(text, start, end):
                return  # white space goes in the <colgroup>
            if current.name != "colgroup":
                return
            self.pop()
            self.mode = _TABLE
            self.text(start, end, kind)
            return
        if text.count("\0", start, end) < end - start:
            self.reconstruct()

    def begin(self) -> None:
        """A token other than a DOCTYPE, a comment or white space: a DOCTYPE after it no longer counts."""
        if not self.started:
            self.started, self.quirks = True, True

    def start(self, name: str, attributes: str, closing: bool) -> str | None:
        self.tokens += 1
        if not self.started:
            self.begin()
        if attributes:
            self.attributes.append(attributes)  # their names are counted at the end, in one pass
            if len(attributes) > 2 * MAX_ATTRIBUTES:  # an attribute takes two characters at least
                count = len(_ATTRIBUTE_NAME.findall(attributes))
                if count > MAX_ATTRIBUTES:
                    self.suspect(f"a tag holds {count:,} attributes")
        self.names.add(name)
        stack = self.stack
        if self.mode == _BODY and not stack[-1].ns:  # the common case first, inline: any other element, a block
            rule = _BODY_START.get(name, _OTHER)
            active = self.active
            if rule <= _BLOCK and (not active or active[-1] is None or active[-1].pos >= 0):  # none to reopen
                top = len(stack) - 1
                steps = 0 if not active or active[-1] is None else top - active[-1].pos  # Lexbor's look for it
                where = self.where
                if rule == _BLOCK:  # close a <p> in button scope
                    boundary = self.idx[_BS][-1]
                    positions = where.get("p")
                    if positions and positions[-1] >= boundary:
                        steps += top - positions[-1]
                        self.truncate(positions[-1])
                    else:
                        steps += top - boundary
                self.steps += steps
                self.insert(name)
                return None
            if rule == _ITEM:
                self.start_item(name)
                return None
            kind = self.start_body(name, attributes, closing)
        else:
            kind = self.dispatch_start(name, attributes, closing)
        if kind is not None:
            self.raw = stack[-1]
        return kind

    def end(self, name: str) -> None:
        self.tokens += 1
        if not self.started:
            self.begin()
        self.names.add(name)
        if self.raw is not None:  # the end of a raw text element: "text" mode pops it
            if self.raw.pos >= 0:  # (with what Lexbor reopened in a textarea)
                self.truncate(self.raw.pos)
            self.raw = None
            return
        stack = self.stack
        if self.mode == _BODY and not stack[-1].ns:
            rule = _BODY_END.get(name, _OTHER)
            current = stack[-1]
            if rule == _FORMATTING_RULE and current.name == name and current.listed and self.active[-1] is current:
                self.pop()  # closing the formatting element just opened: the adoption agency's first step
                self.active.pop()
                current.listed = False
            elif rule <= _BLOCK or rule == _ITEM:  # inline: the walk to the element, stopped by a special one
                positions = self.where.get(name)  # or by a scope's end
                boundary = self.idx[_SP if rule == _OTHER else _SC if rule == _BLOCK else _LS][-1]
                top = len(stack) - 1
                if positions and positions[-1] >= boundary:
                    self.steps += top - positions[-1]
                    self.truncate(positions[-1])
                    if rule == _BLOCK and name in ("applet", "marquee", "object"):
                        self.clear_to_marker()
                else:
                    self.steps += top - boundary
            else:
                self.end_body(name)
        elif self.mode == _HEAD:
            self.end_head(name)
        elif stack[-1].ns:
            self.end_foreign(name)
        else:
            self.end_mode(name)

    # -- before <body>

    def ensure_head(self) -> None:
        if not self.stack:
            self.push(self.new("html"))
        if self.head is None:
            self.head = self.push(self.new("head"))
            self.head_state = 1

    def enter_body(self) -> None:
        self.ensure_head()
        self.truncate(1)  # head (and a noscript in it) closed
        self.push(self.new("body"))
        self.mode = _BODY

    def start_head(self, name: str, attributes: str, closing: bool) -> str | None:
        if name == "html":
            if not self.stack:
                self.push(self.new("html"))
            return None
        state = self.head_state
        if state == 2:  # in head noscript
            if name in ("link", "meta", "basefont", "bgsound"):
                self.count()
                return None
            if name in ("noframes", "style"):
                self.insert(name)
                return "rawtext"
            if name in ("head", "noscript"):
                return None
            self.pop()
            self.head_state = 1
            return self.start_head(name, attributes, closing)
        if name == "head":
            if self.head is None:
                self.ensure_head()
            return None
        if name in _HEAD_VOID:
            self.ensure_head()
            self.count()
            return None
        if name in ("title", "noframes", "style", "script"):
            self.ensure_head()
            self.insert(name)
            return _RAW[name]
        if name == "noscript" and state < 3:
            self.ensure_head()
            self.insert(name)
            self.head_state = 2
            return None
        if name in ("template", "frameset"):
            self.suspect(f"<{name}>")
        self.enter_body()
        if name == "body":
            return None
        return self.dispatch_start(name, attributes, closing)

    def end_head(self, name: str) -> None:
        if self.head_state == 2:
            if name == "noscript":
                self.pop()
                self.head_state = 1
            elif name == "br":
                self.pop()
                self.head_state = 1
                self.end_head(name)
            return
        if name == "head" and self.head_state <= 1:
            self.ensure_head()
            self.truncate(1)
            self.head_state = 3
        elif name in ("body", "html", "br"):
            self.enter_body()
            self.end_mode(name)
        elif name == "template":
            self.suspect("<template>")

    # -- in body, and the table modes

    def dispatch_start(self, name: str, attributes: str, closing: bool) -> str | None:
        if self.mode == _HEAD:
            return self.start_head(name, attributes, closing)
        current = self.stack[-1]
        if current.ns and not (
            current.ip == 1
            or (current.ip == 2 and name not in ("mglyph", "malignmark"))
            or (current.name == "~annotation-xml" and name == "svg")
        ):
            return self.start_foreign(name, attributes, closing)
        if self.mode == _BODY:
            return self.start_body(name, attributes, closing)
        return self.start_table(name, attributes, closing)

    def start_foreign(self, name: str, attributes: str, closing: bool) -> str | None:
        if name in _BREAKOUT or (
            name == "font" and any(n in ("color", "face", "size") for n, _ in _attributes(attributes))
        ):
            while self.stack[-1].ns and not self.stack[-1].ip:
                self.pop()
            if self.mode == _BODY:
                return self.start_body(name, attributes, closing)
            return self.start_table(name, attributes, closing)
        el = self.push(self.new("~" + name, self.stack[-1].ns))
        if name == "annotation-xml" and el.ns == 2:
            encoding = next((v for n, v in _attributes(attributes) if n == "encoding"), "")
            if encoding.lower() in ("text/html", "application/xhtml+xml"):
                el.ip = 1
        if closing:
            self.pop()
        return None

    def end_foreign(self, name: str) -> None:
        if name in ("br", "p"):
            while self.stack[-1].ns and not self.stack[-1].ip:
                self.pop()
            self.end_mode(name)
            return
        key = "~" + name
        k = self.top()
        while k > 0:
            el = self.stack[k]
            if el.name == key:
                self.work(self.top() - k)
                self.truncate(k)
                return
            k -= 1
            if self.stack[k].ns == 0:
                self.work(self.top() - k)
                self.end_mode(name)
                return
        self.work(self.top())

    def start_body(self, name: str, attributes: str, closing: bool) -> str | None:
        rule = _BODY_START.get(name, _OTHER)
        if rule == _OTHER:
            if self.active:
                self.reconstruct()
            self.insert(name)
        elif rule == _BLOCK:
            self.close_p()
            self.insert(name)
        elif rule == _FORMATTING_RULE:
            if not self.formatting:
                self.insert(name)
                return None
            if name == "a":
                open_a = self.last_active("a")
                if open_a is not None:
                    self.adopt("a")
                    if open_a.listed:
                        self.unlist(open_a)
                    if open_a.pos >= 0:
                        self.replace_from(open_a.pos, self.stack[open_a.pos + 1 :])
            elif name == "nobr":
                self.reconstruct()
                if self.in_scope("nobr", _SC) >= 0:
                    self.adopt("nobr")
            self.reconstruct()
            el = self.insert(name, attributes)
            el.shared = "&" in attributes
            self.push_active(el)
        elif rule == _VOID_RULE:
            if self.active:
                self.reconstruct()
            self.count()
        elif rule == _ITEM:
            self.start_item(name)
        elif rule == _HEADING_RULE:
            self.close_p()
            if self.stack[-1].name in _HEADINGS:
                self.pop()
            self.insert(name)
        elif rule == _RAW_RULE:  # those read as raw text, as in <head>, and <textarea>, <iframe>, <noembed>
            self.insert(name)
            return _RAW[name]
        elif rule == _PLAIN_VOID:
            self.count()
        elif rule == _HR:
            self.close_p()
            self.count()
        elif rule == _IGNORED:
            pass
        elif rule == _FORM:
            if self.form is None:
                self.close_p()
                self.form = self.insert(name)
        elif rule == _BUTTON:
            found = self.in_scope("button", _SC)
            if found >= 0:
                self.truncate(found)
            self.reconstruct()
            self.insert(name)
        elif rule == _OBJECT:
            self.reconstruct()
            self.insert(name)
            self.active.append(None)
        elif rule == _TABLE_RULE:
            if self.quirks is None and self.in_scope("p", _BS) >= 0:
                self.suspect("a <table> in a <p>, in a document of unknown mode")
            if self.quirks is not True:
                self.close_p()
            self.insert(name)
            self.mode = _TABLE
        elif rule == _XMP:
            self.close_p()
            self.reconstruct()
            self.insert(name)
            return "rawtext"
        elif rule == _PLAINTEXT:
            self.close_p()
            self.insert(name)
            return "plaintext"
        elif rule == _RUBY:
            if self.in_scope("ruby", _SC) >= 0:
                self.generate_implied("rtc" if name in ("rp", "rt") else "")
            self.insert(name)
        elif rule == _FOREIGN_RULE:
            self.reconstruct()
            self.push(self.new("~" + name, 2 if name == "math" else 1))
            if closing:
                self.pop()
        else:  # _UNFOLLOWED: parsing rules the survey does not follow (they also changed lately)
            self.suspect(f"<{name}>")
            if name != "frameset":
                self.reconstruct()
                self.insert(name)
        return None

    def start_item(self, name: str) -> None:
        """<li>, <dd>, <dt>: close the open item, unless a special element (not <address>, <div>, <p>) is nearer."""
        if name == "li":
            positions = self.where.get("li")
            found = positions[-1] if positions else -1
        else:
            dd, dt = self.where.get("dd"), self.where.get("dt")
            found = max(dd[-1] if dd else -1, dt[-1] if dt else -1)
        boundary = self.idx[_SPL][-1]
        if found >= boundary:
            self.steps += len(self.stack) - 1 - found
            self.truncate(found)
        else:
            self.steps += len(self.stack) - 1 - boundary
        self.close_p()
        self.insert(name)

    def end_mode(self, name: str) -> None:
        if self.mode == _BODY:
            self.end_body(name)
        else:
            self.end_table(name)

    def end_body(self, name: str) -> None:
        rule = _BODY_END.get(name, _OTHER)
        if rule == _OTHER:
            self.end_other(name)
        elif rule == _BLOCK:  # what is closed when in scope
            found = self.in_scope(name, _SC)
            if found >= 0:
                self.truncate(found)
                if name in ("applet", "marquee", "object"):
                    self.clear_to_marker()
        elif rule == _FORMATTING_RULE:
            if not self.formatting or not self.adopt(name):
                self.end_other(name)
        elif rule == _P:
            found = self.in_scope("p", _BS)
            if found < 0:
                self.count()  # an empty <p> is made, and closed
            else:
                self.truncate(found)
        elif rule == _ITEM:
            found = self.in_scope("li", _LS)
            if found >= 0:
                self.truncate(found)
        elif rule == _HEADING_RULE:
            found = self.last(_HX)
            self.steps += self.top() - max(found, self.last(_SC), 0)
            if found >= 0 and found >= self.last(_SC):
                self.truncate(found)
        elif rule == _FORM:
            node, self.form = self.form, None
            if node is not None and node.pos >= 0 and node.pos >= self.last(_SC):
                self.generate_implied()
                if self.stack[-1] is node:
                    self.pop()
                else:
                    self.replace_from(node.pos, self.stack[node.pos + 1 :])
        elif rule == _VOID_RULE:  # </br> is <br>
            self.reconstruct()
            self.count()
        elif rule == _UNFOLLOWED:
            self.suspect("<template>")
        # else _IGNORED: </body>, </html>

    def end_other(self, name: str) -> None:
        positions = self.where.get(name)
        found = positions[-1] if positions else -1
        special = self.last(_SP)
        self.steps += self.top() - max(found, special, 0)
        if found >= 0 and found >= special:
            self.truncate(found)

    def clear_to(self, category: int) -> None:
        self.truncate(self.last(category) + 1)

    def reset_mode(self) -> None:
        found = self.last(_RST)
        self.steps += self.top() - found
        name = self.stack[found].name
        if name in ("select", "template", "frameset"):
            self.suspect(f"<{name}>")
        self.mode = _MODE_OF.get(name, _BODY)

    def table_part_in_scope(self, *names: str) -> int:
        found = max((p[-1] for p in (self.where.get(n) for n in names) if p), default=-1)
        boundary = self.last(_TS)
        self.steps += self.top() - max(found, boundary, 0)
        return found if found >= boundary else -1

    def close_cell(self) -> None:
        found = self.table_part_in_scope("td", "th")
        if found >= 0:
            self.truncate(found)
            self.clear_to_marker()
            self.mode = _ROW

    def start_table(self, name: str, attributes: str, closing: bool) -> str | None:
        mode = self.mode
        if mode in (_CELL, _CAPTION):
            if name not in _TABLE_PARTS:
                return self.start_body(name, attributes, closing)
            if mode == _CELL:
                if self.table_part_in_scope("td", "th") < 0:
                    return None
                self.close_cell()
            else:
                found = self.table_part_in_scope("caption")
                if found < 0:
                    return None
                self.truncate(found)
                self.clear_to_marker()
                self.mode = _TABLE
            return self.dispatch_start(name, attributes, closing)
        if mode == _ROW:
            if name in ("th", "td"):
                self.clear_to(_TRC)
                self.insert(name)
                self.mode = _CELL
                self.active.append(None)
                return None
            if name in _TABLE_PARTS:
                if self.table_part_in_scope("tr") < 0:
                    return None
                self.clear_to(_TRC)
                self.pop()
                self.mode = _TBODY
                return self.dispatch_start(name, attributes, closing)
        elif mode == _TBODY:
            if name == "tr":
                self.clear_to(_TBC)
                self.insert(name)
                self.mode = _ROW
                return None
            if name in ("th", "td"):
                self.clear_to(_TBC)
                self.insert("tr")
                self.mode = _ROW
                return self.dispatch_start(name, attributes, closing)
            if name in ("caption", "col", "colgroup", "tbody", "tfoot", "thead"):
                if self.table_part_in_scope("tbody", "thead", "tfoot") < 0:
                    return None
                self.clear_to(_TBC)
                self.pop()
                self.mode = _TABLE
                return self.dispatch_start(name, attributes, closing)
        elif mode == _COLGROUP:
            if name == "html":
                return None
            if name == "col":
                self.count()
                return None
            if name == "template":
                self.suspect("<template>")
            if self.stack[-1].name != "colgroup":
                return None
            self.pop()
            self.mode = _TABLE
            return self.dispatch_start(name, attributes, closing)
        # in table
        if name == "caption":
            self.clear_to(_TS)
            self.active.append(None)
            self.insert(name)
            self.mode = _CAPTION
        elif name == "colgroup":
            self.clear_to(_TS)
            self.insert(name)
            self.mode = _COLGROUP
        elif name == "col":
            self.clear_to(_TS)
            self.insert("colgroup")
            self.mode = _COLGROUP
            return self.dispatch_start(name, attributes, closing)
        elif name in ("tbody", "tfoot", "thead"):
            self.clear_to(_TS)
            self.insert(name)
            self.mode = _TBODY
        elif name in ("td", "th", "tr"):
            self.clear_to(_TS)
            self.insert("tbody")
            self.mode = _TBODY
            return self.dispatch_start(name, attributes, closing)
        elif name == "table":
            found = self.table_part_in_scope("table")
            if found >= 0:
                self.truncate(found)
                self.reset_mode()
                return self.dispatch_start(name, attributes, closing)
        elif name in ("style", "script"):
            self.insert(name)
            return _RAW[name]
        elif name == "template":
            self.suspect("<template>")
        elif name == "image":
            pass  # Lexbor drops an <image> here (HTML5 would make an <img> before the table)
        elif name == "input" and any(n == "type" for n, _ in _attributes(attributes)):
            kind = next(v for n, v in _attributes(attributes) if n == "type")
            if "&" in kind:
                self.suspect("an <input> type written with character references")
            if kind.lower() != "hidden":
                return self.start_body(name, attributes, closing)
            self.count()
        elif name == "form":
            if self.form is None:
                self.form = self.new(name)  # made and closed at once
        else:
            return self.start_body(name, attributes, closing)  # foster parented
        return None

    def end_table(self, name: str) -> None:
        mode = self.mode
        if mode == _CELL:
            if name in ("td", "th"):
                found = self.table_part_in_scope(name)
                if found >= 0:
                    self.truncate(found)
                    self.clear_to_marker()
                    self.mode = _ROW
            elif name in ("body", "caption", "col", "colgroup", "html"):
                pass
            elif name in ("table", "tbody", "tfoot", "thead", "tr"):
                if self.table_part_in_scope(name) >= 0:
                    self.close_cell()
                    self.end_mode(name)
            else:
                self.end_body(name)
        elif mode == _CAPTION:
            if name in ("caption", "table"):
                found = self.table_part_in_scope("caption")
                if found >= 0:
                    self.truncate(found)
                    self.clear_to_marker()
                    self.mode = _TABLE
                    if name == "table":
                        self.end_mode(name)
            elif name in ("body", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr"):
                pass
            else:
                self.end_body(name)
        elif mode == _COLGROUP:
            if name == "col":
                return
            if name == "template":
                self.suspect("<template>")
            if self.stack[-1].name == "colgroup":
                self.pop()
                self.mode = _TABLE
                if name != "colgroup":
                    self.end_mode(name)
        elif mode == _ROW and name in ("tr", "table", "tbody", "tfoot", "thead"):
            if name in ("tbody", "tfoot", "thead") and self.table_part_in_scope(name) < 0:
                return
            if self.table_part_in_scope("tr") >= 0:
                self.clear_to(_TRC)
                self.pop()
                self.mode = _TBODY
                if name != "tr":
                    self.end_mode(name)
        elif mode == _TBODY and name in ("tbody", "tfoot", "thead", "table"):
            found = self.table_part_in_scope(*((name,) if name != "table" else ("tbody", "thead", "tfoot")))
            if found >= 0:
                self.clear_to(_TBC)
                self.pop()
                self.mode = _TABLE
                if name == "table":
                    self.end_mode(name)
        elif name in ("body", "caption", "col", "colgroup", "html", "tbody", "td", "tfoot", "th", "thead", "tr"):
            pass
        elif name == "table":
            found = self.table_part_in_scope("table")
            if found >= 0:
                self.truncate(found)
                self.reset_mode()
        elif name == "template":
            self.suspect("<template>")
        else:
            self.end_body(name)  # foster parented


def _survey(text: str) -> _Survey:
    """Replay the tree construction of ``text``: refuse it beyond the bounds, else say whether Lexbor may read it.

    Linear: each token costs the survey a bounded number of steps, amortized, and it stops (leaving
    the text to the small tree builder) if its own rare walks ever add up to more.
    """
    survey = _Survey(text).run()
    if survey.refusal is not None:
        raise survey.refusal
    return survey


# --- parsing into the small tree ------------------------------------------------------------------------


def _from_lexbor(node: Any, depth: int = 0) -> Node:
    children: list[Node | str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            children.append(child.text(deep=False))
        elif tag is None or tag.startswith("-") or tag in ("script", "style", "template"):
            continue  # comments, and "<?...>" (a processing instruction, without a tag name, in Lexbor)
        elif depth > _MAX_DEPTH:  # pathological nesting: keep the text, not the structure
            children.append(child.text(deep=True, separator=" "))
        else:
            children.append(_from_lexbor(child, depth + 1))
    return (node.tag, dict(node.attributes), children)


# The builder's element categories, for its implied end tags (positions kept as the survey does).
_P_STOPS, _LISTS, _DL, _HEADING, _SVG_MATH = range(5)
_BUILDER_CATEGORIES: dict[str, tuple[int, ...]] = dict.fromkeys("table td th button div article".split(), (_P_STOPS,))
_BUILDER_CATEGORIES.update(li=(_P_STOPS,), ul=(_LISTS,), ol=(_LISTS,), dl=(_DL,), svg=(_SVG_MATH,), math=(_SVG_MATH,))
_BUILDER_CATEGORIES.update({h: (_HEADING,) for h in _HEADINGS})


class _TreeBuilder:
    """The HTML5 repairs NATO's pages need (implied end tags), over :func:`_tokenize`; linear, and bounded.

    Every step is constant time (the open elements are found through position lists, never by
    walking the stack); elements deeper than ``_MAX_DEPTH`` stay flat, a tag keeps its first
    :data:`MAX_ATTRIBUTES` attributes, and past :data:`MAX_ELEMENTS` elements further tags are
    dropped: the text is always kept.
    """

    def __init__(self, text: str) -> None:
        self.source = text
        self.root: Node = ("#document", {}, [])
        self.stack: list[Node] = [self.root]
        self.where: dict[str, list[int]] = {}
        self.idx: list[list[int]] = [[] for _ in range(5)]
        self.elements = 0
        self.steps = 0  # pushes, pops and appends: the work, for the tests

    def push(self, node: Node) -> None:
        pos = len(self.stack)
        self.stack.append(node)
        self.where.setdefault(node[0], []).append(pos)
        for c in _BUILDER_CATEGORIES.get(node[0], ()):
            self.idx[c].append(pos)

    def truncate(self, pos: int) -> None:
        while len(self.stack) > pos:
            tag = self.stack.pop()[0]
            self.where[tag].pop()
            for c in _BUILDER_CATEGORIES.get(tag, ()):
                self.idx[c].pop()
            self.steps += 1

    def pop_to(self, tag: str, stop: int) -> None:
        """Close the open ``tag`` and what is inside it, unless an element of category ``stop`` is in between."""
        positions = self.where.get(tag)
        if positions and positions[-1] > (self.idx[stop][-1] if self.idx[stop] else 0):
            self.truncate(positions[-1])

    def foreign(self) -> bool:
        return bool(self.idx[_SVG_MATH])

    def doctype(self, start: int, end: int) -> None:
        pass

    def start(self, name: str, attributes: str, closing: bool) -> str | None:
        self.steps += 1
        foreign = bool(self.idx[_SVG_MATH])
        kind = None if foreign else _RAW.get(name)
        if self.elements >= MAX_ELEMENTS:
            return kind  # past the bound, tags are dropped and their text kept
        self.elements += 1
        attrs: dict[str, str] = {}
        if attributes:
            for key, value in _attributes(attributes, MAX_ATTRIBUTES):
                attrs.setdefault(key, unescape(value) if "&" in value else value)  # the first of a pair counts
        if name in _BLOCKS_CLOSING_P:
            self.pop_to("p", _P_STOPS)
        if name == "li":
            self.pop_to("li", _LISTS)
        elif name in ("dd", "dt"):
            self.pop_to("dd", _DL)
            self.pop_to("dt", _DL)
        if name in _HEADINGS and self.stack[-1][0] in _HEADINGS:
            self.truncate(len(self.stack) - 1)
        node: Node = (name, attrs, [])
        self.stack[-1][2].append(node)
        # Past the nesting a page can have, elements stay flat (like Lexbor's own limit, later).
        # A "/>" closes an element only in SVG and MathML, as in HTML5.
        closed = name in _VOID or (closing and (foreign or name in ("svg", "math")))
        if not closed and len(self.stack) < _MAX_DEPTH:
            self.push(node)
        return kind

    def end(self, name: str) -> None:
        self.steps += 1
        if name in _HEADINGS:
            if self.idx[_HEADING]:
                self.truncate(self.idx[_HEADING][-1])
            return
        # An end tag without its start tag is ignored; one that closes an outer element closes
        # the inner ones too (the unclosed <b> inside an <li>).
        positions = self.where.get(name)
        if positions:
            self.truncate(positions[-1])

    def text(self, start: int, end: int, kind: str | None) -> None:
        self.steps += 1
        data = self.source[start:end]
        if kind is None:
            data = data.replace("\0", "")  # HTML5 drops NUL characters in text
        if kind in (None, "rcdata") and "&" in data:
            data = unescape(data)
        if data:
            self.stack[-1][2].append(data)


def parse_tree(text: str, parser: str | None = None) -> Node:
    """The small tree of a document: with selectolax if installed (or ``parser="selectolax"``), else ``"stdlib"``.

    Markup beyond the bounds (:data:`MAX_NESTING`, :data:`MAX_ELEMENTS`) is refused with a
    :class:`~partnerdata._ingest.reader.PageError` of kind ``"markup"``, whichever the parser; markup
    that Lexbor would not read in linear time is read by the small tree builder (see the module's
    docstring).
    """
    survey = _survey(text)
    if parser in (None, "selectolax"):
        try:
            from selectolax.lexbor import LexborHTMLParser
        except ImportError:
            if parser == "selectolax":
                raise
        else:
            if survey.doubt is None:
                doc = LexborHTMLParser(text)
                root = doc.root
                return ("#document", {}, [] if root is None else [_from_lexbor(root)])
    builder = _TreeBuilder(text)
    _tokenize(text, builder)
    return builder.root


# --- walking the tree ------------------------------------------------------------------------------------


def _find(node: Node, want: Any) -> Node | None:
    todo: deque[Node] = deque([node])
    while todo:
        current = todo.popleft()
        if want(current):
            return current
        todo.extend(c for c in current[2] if not isinstance(c, str))
    return None


class _HoldsH1:
    """Whether a node is an ``<h1>`` or holds one, each node looked at once at most (not one search per node)."""

    def __init__(self) -> None:
        self.known: dict[int, bool] = {}

    def __call__(self, node: Node) -> bool:
        known = self.known.get(id(node))
        if known is None:
            known = node[0] == "h1" or any(not isinstance(c, str) and self(c) for c in node[2])
            self.known[id(node)] = known
        return known


def _skipped(node: Node) -> bool:
    tag, attrs, _ = node
    if tag in _SKIP or "hidden" in attrs:
        return True
    if attrs.get("role", "") in _SKIP_ROLES:
        return True
    return _SKIP_CLASSES.search(attrs.get("class", "") + " " + attrs.get("id", "")) is not None


def _inline_text(node: Node, out: list[str]) -> None:
    for child in node[2]:
        if isinstance(child, str):
            out.append(child)
        elif child[0] == "br":
            out.append(" ")
        elif not _skipped(child):
            _inline_text(child, out)


def _meta(root: Node) -> tuple[str | None, str | None]:
    """``(title from <title>, canonical URL)`` of the document."""
    title_node = _find(root, lambda n: n[0] == "title")
    title = None
    if title_node is not None:
        parts: list[str] = []
        _inline_text(title_node, parts)
        title = re.sub(r"^NATO\s*-\s*(?:Topic|Thème|Theme)\s*:\s*", "", _HTML_SPACE.sub(" ", "".join(parts)).strip())
    link = _find(root, lambda n: n[0] == "link" and "canonical" in n[1].get("rel", "").split())
    url = link[1].get("href") if link is not None else None
    if url is None:
        og = _find(root, lambda n: n[0] == "meta" and n[1].get("property") == "og:url")
        url = og[1].get("content") if og is not None else None
    return title, url or None


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.titled = False
        self.blocky: dict[int, bool] = {}  # id(node) -> whether a block is inside: each subtree looked at once

    def has_block(self, node: Node) -> bool:
        known = self.blocky.get(id(node))
        if known is None:
            known = False
            for c in node[2]:
                if not isinstance(c, str) and (c[0] not in _INLINE or self.has_block(c)):
                    known = True
                    break
            self.blocky[id(node)] = known
        return known

    def emit(self, parts: list[str], depth: int, marker: bool, hint: str | None) -> None:
        text = _HTML_SPACE.sub(" ", "".join(parts)).strip(" ")
        if not text.strip():  # empty, or only U+00A0 (an empty <p>&nbsp;</p>)
            return
        if hint == "title":
            if self.titled:
                hint = "heading"
            self.titled = True
        self.blocks.append(Block(text.strip(), 0, depth, marker, hint))

    def walk(self, node: Node, depth: int, marker: bool, hint: str | None) -> None:
        tag = node[0]
        run: list[str] = []
        own_marker, own_hint, child_depth = marker, hint, depth
        for child in node[2]:
            if isinstance(child, str):
                run.append(child)
                continue
            if _skipped(child):
                continue
            ctag = child[0]
            if ctag == "br":
                run.append(" ")
                continue
            if ctag in _INLINE and not self.has_block(child):
                _inline_text(child, run)
                continue
            self.emit(run, depth, own_marker, own_hint)
            run = []
            own_marker = False  # a list item's marker goes with its first line only
            if tag == "li":
                child_depth = depth + 2
            self.walk(child, *self._child(child, child_depth, hint))
        self.emit(run, depth, own_marker, own_hint)

    @staticmethod
    def _child(child: Node, depth: int, hint: str | None) -> tuple[int, bool, str | None]:
        tag = child[0]
        if tag == "h1":
            return depth, False, "title"
        if tag in _HEADINGS:
            return depth, False, "heading"
        if tag in ("ul", "ol"):
            return depth + 2, False, None
        if tag == "li":
            return depth, True, None
        if tag == "figcaption":
            return depth, False, "caption"
        if tag in ("p", "td", "th", "dd", "dt", "blockquote", "pre"):
            return depth, False, "paragraph"
        return depth, False, hint if hint == "caption" else None


def html_blocks(text: str, parser: str | None = None) -> tuple[list[Block], str | None]:
    """The content lines of an HTML page and its canonical URL (``None`` if it names none)."""
    root = parse_tree(text, parser)
    title, url = _meta(root)
    body = _find(root, lambda n: n[0] == "body") or root
    holds_h1 = _HoldsH1()

    content = None
    for want in (
        lambda n: n[0] == "article" and holds_h1(n),
        lambda n: n[0] == "main" and holds_h1(n),
        lambda n: n[1].get("role") == "main" and holds_h1(n),
    ):
        content = _find(body, want)
        if content is not None:
            break
    walker = _Walker()
    if content is None:
        content = body
        if title and not holds_h1(body):
            walker.blocks.append(Block(title, 0, 0, False, "title"))
            walker.titled = True
    walker.walk(content, 0, False, None)
    return walker.blocks, url
