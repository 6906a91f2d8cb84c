"""Reading a partner page saved from NATO's site as HTML into :class:`~partnerdata._ingest.reader.Block` lines.

The markup is parsed by `selectolax <https://github.com/rushter/selectolax>`_ (its Lexbor backend)
when it is installed (``pip install partnerdata[html]``): Lexbor implements the HTML5 parsing
algorithm, so broken markup (unclosed ``<p>``, ``<li>``, ``<h3>``, stray end tags, a truncated
document) is repaired as a browser repairs it; it is the fastest of the maintained parsers, and
it has binary wheels for every platform Python supports. Without it, a small tree builder over
the standard library's :mod:`html.parser` applies the few HTML5 repair rules NATO's pages need;
``tests/test_html.py`` checks that both give the same pages.

Either way the tree becomes this module's own small tree, and one walker turns it into lines:
the content column (``<main>``'s ``<article>``) only, without navigation, scripts, share links or
footers; ``<h1>`` is the title, ``<figcaption>`` a caption, list items are bullets, headings and
paragraphs keep their kind.
"""

import re
from collections import deque
from html.parser import HTMLParser
from typing import Any, Union

from partnerdata._ingest.reader import Block, PageError

__all__ = ["html_blocks", "looks_like_html", "parse_tree"]

# A node: (tag, attributes, children); a text node is a plain str.
Node = tuple[str, dict[str, str], list[Union["Node", str]]]

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
_MAX_DEPTH = 200
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


# --- parsing into the small tree ------------------------------------------------------------------------


def _from_lexbor(node: Any, depth: int = 0) -> Node:
    children: list[Node | str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            children.append(child.text(deep=False))
        elif tag.startswith("-") or tag in ("script", "style", "template"):
            continue
        elif depth > _MAX_DEPTH:  # pathological nesting: keep the text, not the structure
            children.append(child.text(deep=True, separator=" "))
        else:
            children.append(_from_lexbor(child, depth + 1))
    return (node.tag, dict(node.attributes), children)


class _TreeBuilder(HTMLParser):
    """The standard library's tokenizer plus the HTML5 repairs NATO's pages need (implied end tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: Node = ("#document", {}, [])
        self.stack: list[Node] = [self.root]

    def _pop_to(self, tag: str, stop: frozenset[str]) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            current = self.stack[k][0]
            if current == tag:
                del self.stack[k:]
                return
            if current in stop:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS_CLOSING_P:
            self._pop_to("p", frozenset({"table", "td", "th", "button", "li", "div", "article"}))
        if tag == "li":
            self._pop_to("li", frozenset({"ul", "ol"}))
        elif tag in ("dd", "dt"):
            self._pop_to("dd", frozenset({"dl"}))
            self._pop_to("dt", frozenset({"dl"}))
        if tag in _HEADINGS and self.stack[-1][0] in _HEADINGS:
            self.stack.pop()
        node: Node = (tag, {k: v or "" for k, v in attrs}, [])
        self.stack[-1][2].append(node)
        # Past the nesting a page can have, elements stay flat (like Lexbor's own limit, later).
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS:
            for k in range(len(self.stack) - 1, 0, -1):
                if self.stack[k][0] in _HEADINGS:
                    del self.stack[k:]
                    return
            return
        # An end tag without its start tag is ignored; one that closes an outer element closes
        # the inner ones too (the unclosed <b> inside an <li>).
        if any(n[0] == tag for n in self.stack[1:]):
            self._pop_to(tag, frozenset())

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


_TAG = re.compile(r"<(/?)(div|span|b|i|a|em|strong|font|section|article|ul|ol|table|blockquote)\b", re.I)
_MAX_NESTING = 1000


def _nesting(text: str) -> int:
    """How deep the elements that no end tag closes implicitly go (a linear scan of the tags)."""
    depth = deepest = 0
    for match in _TAG.finditer(text):
        depth = max(depth - 1, 0) if match.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def parse_tree(text: str, parser: str | None = None) -> Node:
    """The small tree of a document: with selectolax if installed (or ``parser="selectolax"``), else ``"stdlib"``.

    Markup nested deeper than any page (the HTML5 algorithm takes time quadratic in the depth) is
    refused with a :class:`~partnerdata._ingest.reader.PageError`.
    """
    deepest = _nesting(text)
    if deepest > _MAX_NESTING:
        raise PageError(f"the markup nests elements {deepest:,} deep: no saved page does", kind="markup")
    if parser in (None, "selectolax"):
        try:
            from selectolax.lexbor import LexborHTMLParser
        except ImportError:
            if parser == "selectolax":
                raise
        else:
            doc = LexborHTMLParser(text)
            root = doc.root
            return ("#document", {}, [] if root is None else [_from_lexbor(root)])
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
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


def _skipped(node: Node) -> bool:
    tag, attrs, _ = node
    if tag in _SKIP or "hidden" in attrs:
        return True
    if attrs.get("role", "") in _SKIP_ROLES:
        return True
    return _SKIP_CLASSES.search(attrs.get("class", "") + " " + attrs.get("id", "")) is not None


def _has_block(node: Node) -> bool:
    return any(not isinstance(c, str) and (c[0] not in _INLINE or _has_block(c)) for c in node[2])


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
            if ctag in _INLINE and not _has_block(child):
                _inline_text(child, run)
                continue
            self.emit(run, depth, own_marker, own_hint)
            run = []
            own_marker = False  # a list item's marker goes with its first line only
            if tag == "li":
                child_depth = depth + 2
            self.walk(child, *self._child(child, child_depth, hint))
        self.emit(run, depth, own_marker, own_hint)
        del tag

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

    def has_h1(n: Node) -> bool:
        return _find(n, lambda m: m[0] == "h1") is not None

    content = None
    for want in (
        lambda n: n[0] == "article" and has_h1(n),
        lambda n: n[0] == "main" and has_h1(n),
        lambda n: n[1].get("role") == "main" and has_h1(n),
    ):
        content = _find(body, want)
        if content is not None:
            break
    walker = _Walker()
    if content is None:
        content = body
        if title and not has_h1(body):
            walker.blocks.append(Block(title, 0, 0, False, "title"))
            walker.titled = True
    walker.walk(content, 0, False, None)
    return walker.blocks, url
