"""Precision and recall of reading and extraction, per field, on pages in every layout NATO has used.

The pages of ``tests/fixtures/layouts`` (text and saved HTML, French and English, 2010-2024
layouts) were all written before the layout reader's rules, by another hand; each has
``NAME.expected.json`` with the facts a careful reader finds. Pages to refuse are skipped. The
scoring is :mod:`extraction_quality`'s (same fields, same counting); an event's end is compared
as the expected ISO string against the extracted end year.

The pages of ``tests/fixtures/heldout`` were written later, by yet another hand, after the
extractor was tuned on the layout pages and without reading its rules; no rule has been changed
to fit them. They are scored apart: they are the measure of pages the extractor has not seen.

Run: ``python benchmarks/layouts.py`` (prints two reStructuredText tables: tuned on, held out).
"""

import json
import sys
from pathlib import Path

import extraction_quality as quality

import partnerdata

LAYOUTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "layouts"
HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "heldout"


def score(pages: Path = LAYOUTS) -> dict[str, tuple[int, int, int]]:
    """``{field: (true positives, false positives, false negatives)}`` over every content page."""
    totals = {f: [0, 0, 0] for f in quality.FIELDS}
    ds = partnerdata.load()
    for path in sorted(p for p in pages.iterdir() if p.suffix in (".txt", ".html")):
        expected = json.loads((pages / (path.stem + ".expected.json")).read_text("utf-8"))
        if expected.get("reject"):
            continue
        result = partnerdata.extract(partnerdata.read_page(path), vocabulary=ds)
        want, got = quality.facts(expected), quality.facts(quality.extracted(result))
        for f in quality.FIELDS:
            tp = sum((want[f] & got[f]).values())
            totals[f][0] += tp
            totals[f][1] += sum(got[f].values()) - tp
            totals[f][2] += sum(want[f].values()) - tp
    return {f: (t[0], t[1], t[2]) for f, t in totals.items()}


def main() -> int:
    sys.stdout.write("Layout pages (written before the reader; the extractor was tuned on them):\n\n")
    sys.stdout.write(quality.table(score(LAYOUTS)) + "\n\n")
    sys.stdout.write("Held-out pages (written after the tuning, never used to change a rule):\n\n")
    sys.stdout.write(quality.table(score(HELDOUT)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
