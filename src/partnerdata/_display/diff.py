"""Diffs as data for other tools (RFC 6902 JSON Patch, a JSON document) and for people (text, markdown, HTML)."""

import bisect
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from partnerdata._diff.diff import _FIELDS, _KEYED, _KEYS, _SCHEMA, _SET, Change, _escape, _item_type, _trie
from partnerdata._model.records import Evidence, PartialDate, Text

if TYPE_CHECKING:
    from partnerdata._diff.diff import Diff

# JSON


def _json(value: Any) -> Any:
    """The JSON form of a value as :func:`partnerdata.to_dict` writes it: records as objects, tuples as lists."""
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    if attrs.has(type(value)):
        from partnerdata._io.convert import to_dict

        return to_dict(value)
    return value


def document(d: "Diff") -> dict[str, Any]:
    """The plain JSON document of a diff's changes."""
    kind: str | None = None
    if isinstance(d.old, tuple):
        kind = "list"
    elif d.old is not None:
        kind = type(d.old).__name__
    return {
        "type": kind,
        "identity": d.identity,
        "changes": [
            {"path": list(c.path), "where": c.where, "kind": c.kind, "old": _json(c.old), "new": _json(c.new)}
            for c in d.changes
        ],
    }


def json_patch(d: "Diff", *, test: bool = False) -> list[dict[str, Any]]:
    """RFC 6902 operations turning the JSON form of ``d.old`` into that of ``d.new``."""
    ops: list[dict[str, Any]] = []
    if not d.changes:
        return ops
    if d.old is None or d.new is None:
        raise ValueError("a JSON Patch needs the diff's old and new values (a Diff made by partnerdata.diff)")
    trie = _trie(d.changes)
    if isinstance(d.old, tuple):
        item = _item_type(d.old, d.new)
        assert item is not None
        order = _KEYS[item][1]
        _patch_keyed(sorted(d.old, key=order), sorted(d.new, key=order), trie, item, "", ops, test)
    elif type(d.old) in _SCHEMA:
        _patch_record(d.old, d.new, trie, "", ops, test)
    else:
        for name, c in trie.items():
            _replace(c, f"/{_escape(name)}", ops, test)
    return ops


def _replace(c: Change, pointer: str, ops: list[dict[str, Any]], test: bool) -> None:
    if test:
        ops.append({"op": "test", "path": pointer, "value": _json(c.old)})
    ops.append({"op": "replace", "path": pointer, "value": _json(c.new)})


def _patch_record(a: Any, b: Any, node: dict[str, Any], pointer: str, ops: list[dict[str, Any]], test: bool) -> None:
    fields = _FIELDS[type(a)]
    for name, sub in node.items():
        mode, item = fields[name]
        here = f"{pointer}/{_escape(name)}"
        if isinstance(sub, Change):
            _replace(sub, here, ops, test)
        elif mode == _KEYED:
            assert item is not None
            _patch_keyed(getattr(a, name), getattr(b, name), sub, item, here, ops, test)
        elif mode == _SET:
            _patch_codes(getattr(a, name), getattr(b, name), sub, here, ops, test)
        else:
            _patch_record(getattr(a, name), getattr(b, name), sub, here, ops, test)


def _patch_keyed(
    xs: Sequence[Any],
    ys: Sequence[Any],
    node: dict[str, Any],
    item: type,
    pointer: str,
    ops: list[dict[str, Any]],
    test: bool,
) -> None:
    # The JSON list holds the items in the record's order. Remove (from the end) what goes and
    # what moves, change the rest in place, then insert what comes and what moved (from the start).
    key, order = _KEYS[item]
    old_at = {key(x): i for i, x in enumerate(xs)}
    new_at = {key(y): i for i, y in enumerate(ys)}
    removals: list[tuple[int, Any]] = []
    additions: list[tuple[int, Any]] = []
    inner: list[tuple[int, Any, Any, dict[str, Any]]] = []
    for k, sub in node.items():
        if isinstance(sub, Change):
            if sub.kind != "added":
                removals.append((old_at[k], xs[old_at[k]]))
            if sub.kind != "removed":
                additions.append((new_at[k], ys[new_at[k]]))
            continue
        x, y = xs[old_at[k]], ys[new_at[k]]
        if order(x) != order(y):  # an event whose date changed moves in the list
            removals.append((old_at[k], x))
            additions.append((new_at[k], y))
        else:
            inner.append((old_at[k], x, y, sub))
    removals.sort(key=lambda r: r[0], reverse=True)
    for i, x in removals:
        if test:
            ops.append({"op": "test", "path": f"{pointer}/{i}", "value": _json(x)})
        ops.append({"op": "remove", "path": f"{pointer}/{i}"})
    gone = sorted(i for i, _ in removals)
    inner.sort(key=lambda r: r[0])
    for i, x, y, sub in inner:
        _patch_record(x, y, sub, f"{pointer}/{i - bisect.bisect_left(gone, i)}", ops, test)
    additions.sort(key=lambda r: r[0])
    for i, y in additions:
        ops.append({"op": "add", "path": f"{pointer}/{i}", "value": _json(y)})


def _patch_codes(
    xs: tuple[str, ...], ys: tuple[str, ...], node: dict[str, Any], pointer: str, ops: list[dict[str, Any]], test: bool
) -> None:
    old_at = {x: i for i, x in enumerate(xs)}
    new_at = {y: i for i, y in enumerate(ys)}
    for i in sorted((old_at[k] for k, c in node.items() if c.kind == "removed"), reverse=True):
        if test:
            ops.append({"op": "test", "path": f"{pointer}/{i}", "value": xs[i]})
        ops.append({"op": "remove", "path": f"{pointer}/{i}"})
    for i in sorted(new_at[k] for k, c in node.items() if c.kind == "added"):
        ops.append({"op": "add", "path": f"{pointer}/{i}", "value": ys[i]})


# People

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "none": "No differences.",
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "evidence": "evidence",
        "old evidence": "evidence before",
        "new evidence": "evidence after",
        "unknown": "unknown",
        "yes": "yes",
        "no": "no",
        "changes": "{n} changes",
        "change": "1 change",
        "general": "General",
        "since": "since",
        "partners": "Partner",
        "programmes": "Programme",
        "topics": "Topic",
        "sources": "Source",
        "relations": "Relation",
        "participations": "Participation",
        "channels": "Channel",
        "events": "Event",
        "statements": "Statement",
        "stance": "Stance",
        "plan": "Cooperation plan",
        "relations_since": "Relations since",
        "cooperation_since": "Practical cooperation since",
        "permanent_neutrality": "permanent neutrality",
        "contributes_forces": "contributes forces",
        "contributes_infrastructure": "makes infrastructure available",
        "designations": "units designated",
        "focus": "focus",
        "aim": "aim",
        "host": "host",
        "year": "year",
        "via": "through",
        "cycle_years": "cycle (years)",
        "renewal": "renewal",
        "date": "date",
        "end": "end",
        "text": "text",
        "heading": "heading",
        "description": "description",
        "name": "name",
        "official_name": "official name",
        "aliases": "aliases",
        "region": "region",
        "label": "label",
        "founded": "founded",
        "ended": "ended",
        "successor": "successor",
        "note": "note",
        "data_version": "data version",
    },
    "fr": {
        "none": "Aucune différence.",
        "added": "ajouté",
        "removed": "supprimé",
        "changed": "modifié",
        "evidence": "source",
        "old evidence": "source avant",
        "new evidence": "source après",
        "unknown": "inconnu",
        "yes": "oui",
        "no": "non",
        "changes": "{n} modifications",
        "change": "1 modification",
        "general": "Général",
        "since": "depuis",
        "partners": "Partenaire",
        "programmes": "Programme",
        "topics": "Thème",
        "sources": "Source",
        "relations": "Relation",
        "participations": "Participation",
        "channels": "Canal",
        "events": "Événement",
        "statements": "Énoncé",
        "stance": "Position",
        "plan": "Plan de coopération",
        "relations_since": "Relations depuis",
        "cooperation_since": "Coopération pratique depuis",
        "permanent_neutrality": "neutralité permanente",
        "contributes_forces": "fournit des forces",
        "contributes_infrastructure": "met des infrastructures à disposition",
        "designations": "unités désignées",
        "focus": "thèmes",
        "aim": "objectif",
        "host": "lieu",
        "year": "année",
        "via": "par",
        "cycle_years": "cycle (années)",
        "renewal": "renouvellement",
        "date": "date",
        "end": "fin",
        "text": "texte",
        "heading": "titre",
        "description": "description",
        "name": "nom",
        "official_name": "nom officiel",
        "aliases": "autres noms",
        "region": "région",
        "label": "libellé",
        "founded": "fondé",
        "ended": "terminé",
        "successor": "successeur",
        "note": "note",
        "data_version": "version des données",
    },
}


class _Names:
    """Names of partners and programmes in one language, from the compared datasets or the packaged one."""

    def __init__(self, d: "Diff", lang: str) -> None:
        from partnerdata._query.dataset import Dataset

        self.lang = lang
        self.datasets = [x for x in (d.new, d.old) if isinstance(x, Dataset)]
        self._packaged = False

    def _sets(self) -> list[Any]:
        if not self._packaged:
            self._packaged = True
            try:
                from partnerdata._query.load import load

                self.datasets.append(load())
            except Exception:  # the labels are a courtesy: a broken install must not stop a diff
                pass
        return self.datasets

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
            except Exception:
                continue
            text = getattr(record, "name", None) or getattr(record, "label", None)
            if isinstance(text, Text):
                return str(text.get(self.lang))
        return None


class _Renderer:
    def __init__(self, d: "Diff", lang: str) -> None:
        if lang not in _WORDS:
            raise ValueError(f"lang must be 'en' or 'fr', not {lang!r}")
        self.d, self.lang, self.w = d, lang, _WORDS[lang]
        self.names = _Names(d, lang)
        self._indexes: dict[int, dict[str, Any]] = {}

    def word(self, name: str) -> str:
        return self.w.get(name, name.replace("_", " "))

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
        if isinstance(v, Evidence):
            return f"[{v.locator}] « {v.quote} »"
        if isinstance(v, tuple):
            return "; ".join(self.value(x) for x in v) if v else "—"
        if attrs.has(type(v)):
            return self.summary(v)
        return str(v)

    def summary(self, v: Any) -> str:
        cls = type(v).__name__
        since = self.w["since"]
        if cls == "Participation":
            return f"{v.programme}" + (f", {since} {v.since}" if v.since is not None else "")
        if cls == "Event":
            return f"{v.date.isoformat()}: {self.value(v.text)}"
        if cls == "Statement":
            return f"[{v.key}] {self.value(v.text)}"
        if cls == "Channel":
            return f"{v.body}: {self.value(v.description)}"
        if cls == "Milestone":
            return f"{v.year}" + (f" ({self.word('via')} {v.via})" if v.via else "")
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
        if c.kind == "added":
            return [(self.w["evidence"], self.value(x)) for x in _evidence_of(c.new)]
        if c.kind == "removed":
            return [(self.w["evidence"], self.value(x)) for x in _evidence_of(c.old)]
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
        return f"{self.word(sub[0])} {sub[1]}" + (f" ({name})" if name and name != sub[1] else "")

    def line(self, c: Change, skip: int) -> str:
        rest = c.path[skip:]
        if c.kind != "changed" and rest and isinstance(c.old if c.kind == "removed" else c.new, str):
            rest = rest[:-1]  # a code added to or removed from a set: the value names it
        where = " / ".join(self.word(s) for s in rest) if rest else ""
        w = self.w
        if c.kind == "added":
            body = self.value(c.new)
            return f"+ {where}: {body}" if where else f"+ {w['added']}: {body}"
        if c.kind == "removed":
            body = self.value(c.old)
            return f"- {where}: {body}" if where else f"- {w['removed']}: {body}"
        return f"~ {where}: {self.value(c.old)} → {self.value(c.new)}"

    def items(self) -> list[tuple[str, list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]]]]:
        """Groups with, for each change, its line and its evidence lines."""
        result = []
        top_keyed = isinstance(self.d.old, tuple)
        for title, subs in self.groups():
            entries = []
            for subtitle, changes in subs:
                lines = []
                for c in changes:
                    skip = _skip(c, top_keyed, type(self.d.old).__name__ == "Dataset", subtitle)
                    lines.append((self.line(c, skip), self.evidence(c)))
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


def _carried(value: Any) -> tuple[Evidence, ...]:
    """The evidence a changed value holds itself: a record's, or that of each record in a tuple."""
    if isinstance(value, tuple):
        return tuple(ev for item in value for ev in _evidence_of(item))
    return _evidence_of(value)


def _evidence_of(record: Any) -> tuple[Evidence, ...]:
    ev = getattr(record, "evidence", None)
    if isinstance(ev, Evidence):
        return (ev,)
    if isinstance(ev, tuple):
        return tuple(x for x in ev if isinstance(x, Evidence))
    return ()


def render(d: "Diff", format: str, lang: str) -> str:
    """The diff for people, in ``format``: ``text``, ``markdown`` or ``html``."""
    renderers: dict[str, Callable[[_Renderer], str]] = {"text": _text, "markdown": _markdown, "html": _html}
    if format not in renderers:
        raise ValueError(f"format must be 'text', 'markdown' or 'html', not {format!r}")
    r = _Renderer(d, lang)
    if not d.changes:
        if format == "html":
            return f"<p>{r.w['none']}</p>"
        return r.w["none"]
    return renderers[format](r)


def _count(r: _Renderer) -> str:
    n = len(r.d.changes)
    return r.w["change"] if n == 1 else r.w["changes"].format(n=n)


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
                out.extend(f"{indent}    {label}: {text}" for label, text in evidence)
    out.append("")
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
                out.extend(f"  - *{_md(label)}*: {_md(text)}" for label, text in evidence)
            out.append("")
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
                    out.extend(f"<li><i>{escape(label)}</i>: {escape(text)}</li>" for label, text in evidence)
                    out.append("</ul>")
                out.append("</li>")
            out.append("</ul>")
    out.append(f"<p><i>{escape(_count(r))}</i></p></div>")
    return "\n".join(out)
