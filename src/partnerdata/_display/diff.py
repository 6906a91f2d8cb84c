"""Diffs for people: text, markdown and HTML, grouped by record and item, with the evidence of each change."""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from partnerdata._diff.schema import _FIELDS, _KEYED, _KEYS, _SCHEMA, Change, _item_type
from partnerdata._display.labels import (
    CODE_FIELDS,
    LABELS,
    code_label,
    colon,
    label,
    separator,
    support_text,
    with_article,
)
from partnerdata._model.errors import ArgumentError, NotFoundError
from partnerdata._model.records import Citation, Evidence, PartialDate, Support, Text
from partnerdata._query.dataset import Dataset
from partnerdata._query.load import load

if TYPE_CHECKING:
    from partnerdata._diff.diff import Diff

# People


class _Names:
    """Names of partners and programmes in one language, from the compared datasets or the packaged one."""

    def __init__(self, d: "Diff", lang: str) -> None:
        self.lang = lang
        self.datasets = [x for x in (d.new, d.old) if isinstance(x, Dataset)]
        self._packaged = False

    def _sets(self) -> list[Any]:
        # Records compared outside a dataset are named from the packaged vocabulary.
        if not self._packaged:
            self._packaged = True
            self.datasets.append(load())
        return self.datasets

    def code(self, kind: str, code: str) -> str:
        """A topic or programme code as every view shows it (:func:`code_label`), from the first dataset knowing it."""
        for ds in self._sets():
            shown = code_label(ds, kind, code, self.lang)
            if shown != code:
                return shown
        return code

    def name(self, kind: str, code: str) -> str | None:
        attr = {
            "partners": "partner",
            "relations": "partner",
            "programmes": "programme",
            "participations": "programme",
            "channels": "programme",
            "topics": "topic",
        }.get(kind)
        if attr is None:
            return None
        for ds in self._sets():
            try:
                record = getattr(ds, attr)(code)
            except NotFoundError:
                continue
            text = getattr(record, "name", None) or getattr(record, "label", None)
            if isinstance(text, Text):
                return str(text.get(self.lang))
        return None


class _Renderer:
    def __init__(self, d: "Diff", lang: str) -> None:
        if lang not in LABELS:
            raise ArgumentError(f"lang must be 'en' or 'fr', not {lang!r}")
        self.d, self.lang, self.w = d, lang, LABELS[lang]
        self.c = colon(lang)
        self.names = _Names(d, lang)
        self._indexes: dict[int, dict[str, Any]] = {}

    def word(self, name: str) -> str:
        # A keyed collection's name stands for one of its items ("Participation SPS").
        return self.w.get(f"one.{name}") or label(name, self.lang)

    def value(self, v: Any) -> str:
        w = self.w
        if v is None:
            return "—"
        if isinstance(v, bool):
            return w["yes"] if v else w["no"]
        if isinstance(v, Text):
            return str(v.get(self.lang))
        if isinstance(v, PartialDate):
            return v.isoformat()
        if isinstance(v, Evidence | Citation):
            return support_text(v, self.lang)
        if isinstance(v, tuple):
            return separator(self.lang).join(self.value(x) for x in v) if v else "—"
        if attrs.has(type(v)):
            return self.summary(v)
        return str(v)

    def summary(self, v: Any) -> str:
        cls = type(v).__name__
        since = self.w["since"]
        if cls == "Participation":
            shown = self.names.code("programme", v.programme)
            return shown + (f", {since} {v.since}" if v.since is not None else "")
        if cls == "Event":
            return f"{v.date.isoformat()}{self.c} {self.value(v.text)}"
        if cls == "Statement":
            return f"[{v.key}] {self.value(v.text)}"
        if cls == "Channel":
            return f"{self.names.code('programme', v.body)}{self.c} {self.value(v.description)}"
        if cls == "Milestone":
            if not v.via:
                return f"{v.year}"
            via = self.names.code("programme", v.via)
            named = with_article(self.names.name("programmes", v.via) or via, self.lang, via)
            return f"{v.year} ({self.word('via')} {named})"
        if cls == "CooperationPlan":
            return f"{v.programme}" + (f", {v.cycle_years}" if v.cycle_years else "")
        if cls == "UnitDesignation":
            return self.value(v.purpose)
        if cls in ("Partner", "Programme"):
            return f"{getattr(v, 'alpha3', None) or v.code}: {self.value(v.name)}"
        if cls == "Topic":
            return f"{v.code}: {self.value(v.label)}"
        if cls == "Source":
            return f"{v.id}: {v.title}"
        if cls == "Relation":
            return str(v.partner)
        return repr(v)  # pragma: no cover - every record type is named above

    def resolve(self, root: Any, path: Sequence[str]) -> Any:
        """The record at ``path`` in ``root``, or None."""
        node = root
        steps = list(path)
        if isinstance(node, tuple):
            if not steps:
                return None
            node = self.lookup(node, steps.pop(0))
        while steps and node is not None:
            name = steps.pop(0)
            spec = _FIELDS.get(type(node), {}).get(name)
            if spec is None:
                return None
            node = getattr(node, name)
            if spec[0] == _KEYED and steps:
                node = self.lookup(node, steps.pop(0))
            elif spec[0] != 0:
                return None
        return node

    def lookup(self, items: tuple[Any, ...], k: str) -> Any:
        index = self._indexes.get(id(items))
        if index is None:
            if not items or type(items[0]) not in _KEYS:
                return None
            key = _KEYS[type(items[0])][0]
            index = self._indexes[id(items)] = {key(x): x for x in items}
        return index.get(k)

    def evidence(self, c: Change) -> list[tuple[str, str]]:
        """(label, text) lines of the evidence for a change: of the item added or removed, or around a changed field."""
        if c.kind in ("added", "removed"):
            item = c.new if c.kind == "added" else c.old
            # A sentence the item's line already shows (a statement, an event told in the page's
            # words) is named by its locator only: each quote is shown once.
            shown = self.value(item)
            return [
                (
                    self.w["evidence"],
                    f"[{x.locator}]" if isinstance(x, Evidence) and x.quote in shown else self.value(x),
                )
                for x in _evidence_of(item)
            ]
        if c.path[-1] == "evidence":
            return [(self.w["old evidence"], self.value(c.old)), (self.w["new evidence"], self.value(c.new))]
        # A value that carries its own evidence (units designated, a milestone) shows it; a plain
        # field shows the evidence of the record it belongs to.
        before = _carried(c.old) or _evidence_of(self.resolve(self.d.old, c.path[:-1]))
        after = _carried(c.new) or _evidence_of(self.resolve(self.d.new, c.path[:-1]))
        if before == after:
            return [(self.w["evidence"], self.value(x)) for x in after]
        return [(self.w["old evidence"], self.value(x)) for x in before] + [
            (self.w["new evidence"], self.value(x)) for x in after
        ]

    def groups(self) -> list[tuple[str, list[tuple[str, list[Change]]]]]:
        """Changes by record (partner, programme, ...) then by item or field, in diff order."""
        top_keyed = isinstance(self.d.old, tuple)
        is_dataset = type(self.d.old).__name__ == "Dataset"
        out: dict[tuple[str, ...], dict[tuple[str, ...], list[Change]]] = {}
        for c in self.d.changes:
            p = c.path
            if top_keyed:
                head, rest = p[:1], p[1:]
            elif is_dataset and p[0] != "data_version":
                head, rest = p[:2], p[2:]
            else:
                head, rest = (), p
            root = self.resolve(self.d.old, head) if head else self.d.old
            if root is None:
                root = self.resolve(self.d.new, head) if head else self.d.new
            fields = _FIELDS.get(type(root), {})
            if len(rest) >= 2 and fields.get(rest[0], (0, None))[0] == _KEYED:
                sub = rest[:2]
            elif len(rest) >= 2:
                sub = rest[:1]
            else:
                sub = ()
            out.setdefault(head, {}).setdefault(sub, []).append(c)
        return [(self.title(h), [(self.subtitle(h, s), cs) for s, cs in subs.items()]) for h, subs in out.items()]

    def title(self, head: tuple[str, ...]) -> str:
        d = self.d
        if not head:
            kind = type(d.old).__name__
            key = _KEYS.get(type(d.old))
            if key is not None and type(d.old) is type(d.new):
                a, b = key[0](d.old), key[0](d.new)
                plural = "partners" if kind == "Relation" else kind.lower() + "s"
                names = []
                for k in dict.fromkeys((a, b)):
                    n = self.names.name(plural, k)
                    names.append(f"{k} ({n})" if n else k)
                return f"{self.word(kind.lower() + 's')} " + " → ".join(names)
            return self.word(kind.lower() + "s") if kind != "Dataset" else self.w["general"]
        kind = "relations" if len(head) == 1 else head[0]
        if len(head) == 1:
            item = _item_type(d.old, d.new) if isinstance(d.old, tuple) else None
            kind = {
                "Relation": "relations",
                "Partner": "partners",
                "Programme": "programmes",
                "Topic": "topics",
                "Source": "sources",
            }.get(item.__name__ if item else "", "relations")
        code = head[-1]
        name = self.names.name(kind, code)
        return f"{self.word(kind)} {code}" + (f" ({name})" if name and name != code else "")

    def subtitle(self, head: tuple[str, ...], sub: tuple[str, ...]) -> str:
        if not sub:
            return ""
        if len(sub) == 1:
            return self.word(sub[0])
        name = self.names.name(sub[0], sub[1])
        # A programme by its acronym (PfP, not the code PFP), as every view shows it.
        code = self.names.code("programme", sub[1]) if sub[0] in ("participations", "channels") else sub[1]
        return f"{self.word(sub[0])} {code}" + (f" ({name})" if name and name != code else "")

    def coded(self, field: str, v: Any) -> str:
        """A value of ``field``: topic and programme codes by their label, like the other views."""
        kind = CODE_FIELDS.get(field)
        if kind is not None and isinstance(v, str):
            return self.names.code(kind, v)
        if kind is not None and isinstance(v, tuple) and v and all(isinstance(x, str) for x in v):
            return separator(self.lang).join(self.names.code(kind, x) for x in v)
        return self.value(v)

    def line(self, c: Change, skip: int) -> str:
        rest = c.path[skip:]
        field = c.path[-1]
        if c.kind != "changed" and rest and isinstance(c.old if c.kind == "removed" else c.new, str):
            rest = rest[:-1]  # a code added to or removed from a set: the value names it
            field = c.path[-2] if len(c.path) >= 2 else field
        where = " / ".join(self.word(s) for s in rest) if rest else ""
        w = self.w
        if c.kind == "added":
            body = self.coded(field, c.new)
            return f"+ {where}{self.c} {body}" if where else f"+ {w['added']}{self.c} {body}"
        if c.kind == "removed":
            body = self.coded(field, c.old)
            return f"- {where}{self.c} {body}" if where else f"- {w['removed']}{self.c} {body}"
        return f"~ {where}{self.c} {self.coded(field, c.old)} → {self.coded(field, c.new)}"

    def facts(self, changes: list[Change]) -> list[Change]:
        """The changes worth a line: an item's evidence changing along with a fact of it is shown with that fact,
        and a source's checksum changing with its text follows from it."""
        fields = {c.path[-1] for c in changes if c.kind == "changed"}
        kept = [
            c
            for c in changes
            if not (c.kind == "changed" and c.path[-1] == "evidence" and fields - {"evidence", "sha256"})
            and not (c.kind == "changed" and c.path[-1] == "sha256" and "text" in fields)
        ]
        return kept or changes

    def entry(self, c: Change, skip: int) -> tuple[str, list[tuple[str, str]]]:
        """A change's line and what goes under it: its evidence, a page's changed lines, a stale rendering."""
        w = self.w
        if c.kind == "changed" and isinstance(c.old, str) and isinstance(c.new, str) and "\n" in c.old + c.new:
            # A page's text: its changed lines, not the whole page twice.
            import difflib

            changed = [
                (w["page line before"] if d[0] == "-" else w["page line after"], d[1:])
                for d in difflib.unified_diff(c.old.splitlines(), c.new.splitlines(), lineterm="", n=0)
                if d[:1] in "-+" and not d.startswith(("---", "+++"))
            ]
            where = " / ".join(self.word(s) for s in c.path[skip:])
            count = sum(1 for label, _ in changed if label == w["page line after"]) or len(changed)
            return f"~ {where}{self.c} {w['page lines'].format(n=count)}", changed
        line, evidence = self.line(c, skip), self.evidence(c)
        if c.kind == "changed" and c.path[-1] == "evidence":
            # The evidence lines below show both sides: the line only says what changed, so that
            # each quote is shown once, not in the line and again under it.
            line = f"~ {' / '.join(self.word(s) for s in c.path[skip:])}"
        if c.kind == "changed" and isinstance(c.old, Text) and isinstance(c.new, Text):
            for lang, other in (("en", "fr"), ("fr", "en")):
                if c.old.get(lang) == c.new.get(lang) and c.old.get(other) != c.new.get(other):
                    # Shown in the language that changed, with a warning for the one that did not.
                    where = " / ".join(self.word(s) for s in c.path[skip:])
                    line = f"~ {where} ({other}){self.c} {c.old.get(other)} → {c.new.get(other)}"
                    evidence = [(w["note"], w[f"stale.{lang}"]), *evidence]
        return line, evidence

    def items(self) -> list[tuple[str, list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]]]:
        """Groups with, for each change, its line and its evidence lines."""
        result = []
        top_keyed = isinstance(self.d.old, tuple)
        seen: set[tuple[str, str]] = set()
        quoted: set[str] = set()
        for title, subs in self.groups():
            entries = []
            for subtitle, changes in subs:
                lines = []
                for c in self.facts(changes):
                    skip = _skip(c, top_keyed, type(self.d.old).__name__ == "Dataset", subtitle)
                    lines.append(self.entry(c, skip))
                # Each piece of evidence once: a later change citing the same sentence refers to it
                # above, by its locator alone when it stands under another label.
                for i, (line, evidence) in enumerate(lines):
                    kept = []
                    for label_, text in evidence:
                        if label_ == self.w["note"] or text not in quoted:
                            kept.append((label_, text))
                        elif (label_, text) not in seen and text.startswith("["):
                            kept.append((label_, text[: text.index("]") + 1]))
                    lines[i] = (line, kept)
                    seen.update(evidence)
                    quoted.update(text for _, text in evidence)
                entries.append((subtitle, lines))
            result.append((title, entries))
        return result


def _skip(c: Change, top_keyed: bool, is_dataset: bool, subtitle: str) -> int:
    head = 1 if top_keyed else 2 if is_dataset and c.path[0] != "data_version" else 0
    if not subtitle:
        return head
    rest = c.path[head:]
    # A keyed item (participations/SPS) is named by its subtitle, a plain field too.
    if len(rest) >= 2 and rest[0] in _KEYED_FIELDS:
        return head + 2
    return head + 1


_KEYED_FIELDS = frozenset(name for fields in _SCHEMA.values() for name, mode, _ in fields if mode == _KEYED)


def _carried(value: Any) -> tuple[Support, ...]:
    """The evidence a changed value holds itself: a record's, or that of each record in a tuple."""
    if isinstance(value, tuple):
        return tuple(ev for item in value for ev in _evidence_of(item))
    return _evidence_of(value)


def _evidence_of(record: Any) -> tuple[Support, ...]:
    ev = getattr(record, "evidence", None)
    if isinstance(ev, Evidence | Citation):
        return (ev,)
    if isinstance(ev, tuple):
        return tuple(x for x in ev if isinstance(x, Evidence | Citation))
    return ()


FORMATS = ("text", "markdown", "html", "json", "patch")


def render(d: "Diff", format: str, lang: str) -> str:
    """The diff in ``format``: for people ``text``, ``markdown`` or ``html``; for programs ``json`` or ``patch``.

    ``json`` is :meth:`Diff.to_json`, ``patch`` the RFC 6902 JSON Patch of :meth:`Diff.to_json_patch`;
    the command line's ``diff --format`` offers the same set.
    """
    renderers: dict[str, Callable[[_Renderer], str]] = {"text": _text, "markdown": _markdown, "html": _html}
    if format not in FORMATS:
        raise ArgumentError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if format == "json":
        return d.to_json().rstrip("\n")
    if format == "patch":
        import json

        return json.dumps(d.to_json_patch(), ensure_ascii=False, indent=2)
    r = _Renderer(d, lang)
    if not d.changes:
        if format == "html":
            return f"<p>{r.w['none']}</p>"
        return r.w["none"]
    return renderers[format](r)


def _count(r: _Renderer) -> str:
    n = sum(len(lines) for _, entries in r.items() for _, lines in entries)
    return r.w["change"] if n == 1 else r.w["changes"].format(n=n)


def _mode(r: _Renderer) -> str | None:
    """What was compared, said when two different records are: all fields, or their substance only.

    ``diff(a, b)`` in Python compares every field by default and ``partnerdata diff A B`` the
    substance of two different partners: the rendering says which, so the two never disagree silently.
    """
    d = r.d
    key = _KEYS.get(type(d.old))
    if key is None or type(d.old) is not type(d.new) or key[0](d.old) == key[0](d.new):
        return None
    return r.w["mode.identity" if d.identity else "mode.substance"]


def _text(r: _Renderer) -> str:
    out: list[str] = []
    for title, entries in r.items():
        if out:
            out.append("")
        out.append(title)
        for subtitle, lines in entries:
            indent = "  "
            if subtitle:
                out.append(f"  {subtitle}")
                indent = "    "
            for line, evidence in lines:
                out.append(indent + line)
                out.extend(f"{indent}    {label}{r.c} {text}" for label, text in evidence)
    out.append("")
    mode = _mode(r)
    if mode:
        out.append(mode)
    out.append(f"({_count(r)})")
    return "\n".join(out)


def _md(text: str) -> str:
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def _markdown(r: _Renderer) -> str:
    out: list[str] = []
    for title, entries in r.items():
        out.append(f"### {_md(title)}")
        out.append("")
        for subtitle, lines in entries:
            if subtitle:
                out.append(f"**{_md(subtitle)}**")
                out.append("")
            for line, evidence in lines:
                out.append(f"- \\{_md(line)}")  # "- - removed" would be a nested list
                out.extend(f"  - *{_md(label)}*{r.c} {_md(text)}" for label, text in evidence)
            out.append("")
    mode = _mode(r)
    if mode:
        out += [_md(mode), ""]
    out.append(f"*{_count(r)}*")
    return "\n".join(out)


def _html(r: _Renderer) -> str:
    from html import escape

    out = ['<div class="partnerdata-diff">']
    for title, entries in r.items():
        out.append(f"<h4>{escape(title)}</h4>")
        for subtitle, lines in entries:
            if subtitle:
                out.append(f"<p><b>{escape(subtitle)}</b></p>")
            out.append("<ul>")
            for line, evidence in lines:
                colour = {"+": "#1a7f37", "-": "#cf222e"}.get(line[:1], "#9a6700")
                out.append(f'<li><span style="color:{colour}">{escape(line)}</span>')
                if evidence:
                    out.append("<ul>")
                    out.extend(f"<li><i>{escape(label)}</i>{r.c} {escape(text)}</li>" for label, text in evidence)
                    out.append("</ul>")
                out.append("</li>")
            out.append("</ul>")
    mode = _mode(r)
    if mode:
        out.append(f"<p>{escape(mode)}</p>")
    out.append(f"<p><i>{escape(_count(r))}</i></p></div>")
    return "\n".join(out)
