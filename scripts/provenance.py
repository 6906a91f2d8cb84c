"""Where each field of the packaged data comes from: the extractor, the overlay or the curated vocabulary.

The build (``partnerdata build``) has three inputs: the source pages, read by the extractor; the
hand-written overlay (``src/partnerdata/_sources/overlay.json``); and the vocabulary files
(``partners.json``, ``programmes.json``, ``topics.json``), curated by hand. This script runs the
extractor alone on each source page and compares its output with the packaged records, value by
value: a value equal to the extractor's comes from the extractor, any other from the overlay. Every
vocabulary value is curated by hand; the aliases among them that occur word for word in a source
page are counted apart (they were lifted from the pages by hand, not found by a program).

A value is a leaf of a record's JSON form: one language of a text, a number, a code, a flag, a list
of codes (as one value), or one piece of evidence (its locator). Unknown values (``null``) and
empty lists are not counted.

Run: ``python scripts/provenance.py`` prints the reStructuredText that ``docs/provenance.rst``
holds between its ``provenance-table`` markers, ``python scripts/provenance.py --coverage`` the
per-partner table between its ``coverage-table`` markers; a test checks that they agree.
"""

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import partnerdata
from partnerdata._io.convert import to_dict
from partnerdata._model.text import fold

ORIGINS = ("extractor", "overlay", "cited", "vocabulary")
_EVIDENCE_KEYS = {"source", "section", "item", "sentence", "quote"}
_CITATION_KEYS = {"source", "section", "says"}
CITED = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "_sources" / "cited"


def _key(item: Any, index: int) -> str:
    """A list item's identity, so that items are paired by what they are, not by position."""
    if isinstance(item, dict) and set(item) in (_EVIDENCE_KEYS, _CITATION_KEYS):
        return _locator(item)  # evidence is a set: paired by what it says, not by position
    if isinstance(item, dict):
        for name in ("programme", "body", "alpha3", "code", "fact"):
            found = item.get(name)
            if isinstance(found, str):
                return found
        evidence = item.get("evidence")
        if isinstance(evidence, dict):
            return _locator(evidence)
        if isinstance(evidence, list) and evidence:
            # Every locator, and the date: two cited events may rest on one page's same place.
            date = item.get("date")
            when = "-".join(str(v) for v in date.values() if v is not None) if isinstance(date, dict) else ""
            return when + "|" + "|".join(_locator(e) for e in evidence)
    return str(index)


def _locator(evidence: dict[str, Any]) -> str:
    if set(evidence) == _CITATION_KEYS:
        return f"{evidence['source']}#{evidence['section']}: {evidence['says']['en']}"
    return f"{evidence['source']}#{evidence['section']}.{evidence['item']}.{evidence['sentence']}"


def leaves(value: Any, path: str = "", label: str = "") -> dict[str, tuple[str, Any]]:
    """``{concrete path: (field label, value)}`` for every known leaf of a record's JSON form."""
    out: dict[str, tuple[str, Any]] = {}
    if value is None or value == [] or value == "":
        return out
    if isinstance(value, dict) and set(value) in (_EVIDENCE_KEYS, _CITATION_KEYS):
        out[path] = (label, _locator(value))
    elif isinstance(value, dict):
        for name, item in value.items():
            out.update(leaves(item, f"{path}.{name}", f"{label}.{name}"))
    elif isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        out[path] = (label, tuple(value))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.update(leaves(item, f"{path}[{_key(item, i)}]", f"{label}[]"))
    else:
        out[path] = (label, value)
    return out


def count(ds: Any = None) -> dict[str, Counter[str]]:
    """``{field label: Counter(origin)}`` over every value of the packaged data."""
    ds = ds or partnerdata.load()
    out: dict[str, Counter[str]] = {}

    def add(label: str, origin: str) -> None:
        out.setdefault(label, Counter())[origin] += 1

    paged = set()
    for source in ds.sources:
        raw = partnerdata.extract(source.text, vocabulary=ds)
        paged.add(source.partner)
        cited = _cited(source.partner)
        for kind, built, extracted in (
            ("Source", to_dict(source), to_dict(raw.source)),
            ("Relation", to_dict(ds.relation(source.partner)), to_dict(raw.relation)),
        ):
            theirs = leaves(extracted)
            for path, (label, value) in leaves(built).items():
                if path in theirs and theirs[path][1] == value:
                    add(kind + label, "extractor")
                else:
                    add(
                        kind + label,
                        "cited" if kind == "Relation" and cited.get(path, (None, None))[1] == value else "overlay",
                    )
    for relation in ds.relations:
        if relation.partner not in paged:
            for label, _value in leaves(to_dict(relation)).values():
                add("Relation" + label, "cited")
    for kind, records in (("Partner", ds.partners), ("Programme", ds.programmes), ("Topic", ds.topics)):
        for record in records:
            for label, _value in leaves(to_dict(record)).values():
                add(kind + label, "vocabulary")
    return dict(sorted(out.items()))


def _cited(partner: str) -> dict[str, tuple[str, Any]]:
    """The leaves of a partner's hand-written cited facts (``_sources/cited/<ALPHA3>.json``), if any."""
    import json

    path = CITED / f"{partner}.json"
    if not path.is_file():
        return {}
    return leaves(json.loads(path.read_text("utf-8"))["relation"])


def lifted_aliases(ds: Any = None) -> tuple[int, int]:
    """(aliases of the vocabulary found word for word in a source page, all aliases), after folding."""
    ds = ds or partnerdata.load()
    pages = [fold(s.text) for s in ds.sources]
    aliases = [a for records in (ds.partners, ds.programmes, ds.topics) for r in records for a in r.aliases]
    found = sum(1 for a in aliases if any(fold(a) in page for page in pages))
    return found, len(aliases)


def table(counts: dict[str, Counter[str]]) -> str:
    """The counts as a reStructuredText table, one row per field, with totals per origin."""
    rows: list[tuple[str, ...]] = [("field", *ORIGINS)]
    for label, c in counts.items():
        rows.append((label, *(str(c[o]) if c[o] else "" for o in ORIGINS)))
    totals = Counter[str]()
    for c in counts.values():
        totals.update(c)
    rows.append(("all values", *(str(totals[o]) for o in ORIGINS)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=True)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows[1:]]
    lines.append(rule)
    return "\n".join(lines)


def facts(relation: Any) -> list[tuple[str, Any]]:
    """``(fact name, record)`` for every fact of a relation that rests on evidence (statements aside)."""
    found: list[tuple[str, Any]] = []
    for name in ("relations_since", "cooperation_since", "member_since", "plan"):
        if getattr(relation, name) is not None:
            found.append((name, getattr(relation, name)))
    for group in ("participations", "channels", "events"):
        found += [(group, record) for record in getattr(relation, group)]
    stance = relation.stance
    known = [
        f
        for f in ("permanent_neutrality", "contributes_forces", "contributes_infrastructure")
        if getattr(stance, f) is not None
    ]
    found += [(f"stance.{f}", stance) for f in known]
    found += [("stance.designations", d) for d in stance.designations]
    return found


def coverage(ds: Any = None) -> list[tuple[str, int, int, int, int, int, str]]:
    """Per partner: (alpha-3, facts, quoted, cited, hand-curated, NATO pages cited, newest source date).

    Hand-curated are the partner's vocabulary values (codes, names, frameworks, accession year):
    written by hand from public references, without evidence.

    A fact is quoted when one of its evidence is a sentence of a shipped page, cited when one is a
    citation of a NATO page the package does not ship (a fact can be both). Partners without a
    relation have a row of zeros.
    """
    ds = ds or partnerdata.load()
    rows = []
    for partner in ds.partners:
        relation = ds.get_relation(partner.alpha3)
        curated = len(leaves(to_dict(partner)))
        if relation is None:
            rows.append((partner.alpha3, 0, 0, 0, curated, 0, ""))
            continue
        all_facts = facts(relation)
        quoted = sum(1 for _, r in all_facts if any(type(e) is partnerdata.Evidence for e in r.evidence))
        cited = sum(1 for _, r in all_facts if any(type(e) is partnerdata.Citation for e in r.evidence))
        pages = {e.source for _, r in all_facts for e in r.evidence if type(e) is partnerdata.Citation}
        dates = [ds.reference(i).date for i in pages]
        newest = max(dates, key=lambda d: d.sort_key()).isoformat() if dates else ""
        rows.append((partner.alpha3, len(all_facts), quoted, cited, curated, len(pages), newest))
    return rows


def coverage_table(rows: list[tuple[str, int, int, int, int, int, str]]) -> str:
    """The coverage as a reStructuredText table, with a total row."""
    head = ("partner", "facts", "quoted", "cited", "hand-curated", "NATO pages", "newest cited page")
    body = [tuple(str(v) for v in row) for row in rows]
    total = (
        "all",
        str(sum(row[1] for row in rows)),
        str(sum(row[2] for row in rows)),
        str(sum(row[3] for row in rows)),
        str(sum(row[4] for row in rows)),
        str(len({r[0] for r in rows if r[5]})) + " partners",
        "",
    )
    table_rows = [head, *body, total]
    widths = [max(len(r[i]) for r in table_rows) for i in range(len(head))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table_rows[1:]]
    lines.append(rule)
    return "\n".join(lines)


def report() -> str:
    """The provenance section's generated part: a summary and the table."""
    ds = partnerdata.load()
    counts = count(ds)
    totals = Counter[str]()
    for c in counts.values():
        totals.update(c)
    english = sum(c["overlay"] for label, c in counts.items() if label.endswith(".en"))
    found, aliases = lifted_aliases(ds)
    summary = (
        f"Of {sum(totals.values())} values, {totals['extractor']} come from the extractor, "
        f"{totals['overlay']} from the overlay ({english} of them English texts), {totals['cited']} from the "
        f"cited facts and {totals['vocabulary']} from the curated vocabulary. {found} of the vocabulary's {aliases} "
        "aliases occur word for word in a source page: they were lifted from the pages by hand."
    )
    return f"{summary}\n\n{table(counts)}\n"


def coverage_report() -> str:
    """The coverage section's generated part: a summary and the table per partner."""
    ds = partnerdata.load()
    rows = coverage(ds)
    with_data = [r for r in rows if r[1]]
    summary = (
        f"{len(with_data)} of {len(rows)} partners have relation data: {sum(r[1] for r in rows)} facts, "
        f"{sum(r[2] for r in rows)} quoted from the two shipped pages and {sum(r[3] for r in rows)} cited from "
        f"{len(ds.references)} NATO pages (a fact can be both); {sum(r[4] for r in rows)} hand-curated "
        "vocabulary values (codes, names, frameworks, accession years)."
    )
    return f"{summary}\n\n{coverage_table(rows)}\n"


def main() -> int:
    sys.stdout.write(coverage_report() if sys.argv[1:] == ["--coverage"] else report())
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
