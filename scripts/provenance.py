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
holds between its ``provenance-table`` markers; a test checks that they agree.
"""

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import partnerdata
from partnerdata._io.convert import to_dict
from partnerdata._model.text import fold

ORIGINS = ("extractor", "overlay", "vocabulary")
_EVIDENCE_KEYS = {"source", "section", "item", "sentence", "quote"}


def _key(item: Any, index: int) -> str:
    """A list item's identity, so that items are paired by what they are, not by position."""
    if isinstance(item, dict):
        for name in ("programme", "body", "alpha3", "code"):
            found = item.get(name)
            if isinstance(found, str):
                return found
        evidence = item.get("evidence")
        if isinstance(evidence, dict):
            return _locator(evidence)
        if isinstance(evidence, list) and evidence:
            return _locator(evidence[0])
    return str(index)


def _locator(evidence: dict[str, Any]) -> str:
    return f"{evidence['source']}#{evidence['section']}.{evidence['item']}.{evidence['sentence']}"


def leaves(value: Any, path: str = "", label: str = "") -> dict[str, tuple[str, Any]]:
    """``{concrete path: (field label, value)}`` for every known leaf of a record's JSON form."""
    out: dict[str, tuple[str, Any]] = {}
    if value is None or value == [] or value == "":
        return out
    if isinstance(value, dict) and set(value) == _EVIDENCE_KEYS:
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

    for source in ds.sources:
        raw = partnerdata.extract(source.text, vocabulary=ds)
        for kind, built, extracted in (
            ("Source", to_dict(source), to_dict(raw.source)),
            ("Relation", to_dict(ds.relation(source.partner)), to_dict(raw.relation)),
        ):
            theirs = leaves(extracted)
            for path, (label, value) in leaves(built).items():
                same = path in theirs and theirs[path][1] == value
                add(kind + label, "extractor" if same else "overlay")
    for kind, records in (("Partner", ds.partners), ("Programme", ds.programmes), ("Topic", ds.topics)):
        for record in records:
            for label, _value in leaves(to_dict(record)).values():
                add(kind + label, "vocabulary")
    return dict(sorted(out.items()))


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
        f"{totals['overlay']} from the overlay ({english} of them English texts) and "
        f"{totals['vocabulary']} from the curated vocabulary. {found} of the vocabulary's {aliases} "
        "aliases occur word for word in a source page: they were lifted from the pages by hand."
    )
    return f"{summary}\n\n{table(counts)}\n"


def main() -> int:
    sys.stdout.write(report())
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
