"""Precision and recall of the extractor, per field, on the hand-written fixture pages.

Each ``tests/fixtures/pages/NAME.txt`` has ``NAME.expected.json``: the facts a careful reader
finds in it under ``extraction-conventions.md``. Every fact is an item (a field and its value);
an extracted item equal to an expected one is a true positive. Counts are summed over pages.

Run: ``python benchmarks/extraction_quality.py`` (prints a reStructuredText table).
"""

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import partnerdata

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pages"
FIELDS = (
    "partner",
    "language",
    "relations_since",
    "cooperation_since",
    "pfp_since",
    "plan",
    "participations",
    "participation_since",
    "stance",
    "designations",
    "channels",
    "events",
    "topics",
)


def facts(expected: dict[str, Any]) -> dict[str, Counter[str]]:
    """The items of each field, as comparable strings, from an expected-facts document."""
    out: dict[str, Counter[str]] = {f: Counter() for f in FIELDS}
    for name in ("partner", "language", "pfp_since"):
        if expected[name] is not None:
            out[name][str(expected[name])] += 1
    for name in ("relations_since", "cooperation_since"):
        if expected[name] is not None:
            out[name][f"{expected[name]['year']} via {expected[name]['via']}"] += 1
    if expected["plan"] is not None:
        out["plan"][f"{expected['plan']['programme']} every {expected['plan']['cycle_years']}"] += 1
    for code, since in expected["participations"].items():
        out["participations"][code] += 1
        if since is not None:
            out["participation_since"][f"{code} {since}"] += 1
    for flag, value in expected["stance"].items():
        if value is not None:
            out["stance"][f"{flag}={value}"] += 1
    out["designations"].update(str(o) for o in expected["designations"])
    out["channels"].update(expected["channels"])
    out["events"].update(f"{e['date']}..{e['end']}" for e in expected["events"])
    out["topics"].update(expected["topics"])
    return out


def extracted(result: Any) -> dict[str, Any]:
    """An extraction in the expected-facts form."""
    r = result.relation
    return {
        "partner": result.partner.alpha3,
        "language": result.source.language,
        "relations_since": None
        if r.relations_since is None
        else {"year": r.relations_since.year, "via": r.relations_since.via},
        "cooperation_since": None
        if r.cooperation_since is None
        else {"year": r.cooperation_since.year, "via": r.cooperation_since.via},
        "pfp_since": r.pfp_since,
        "plan": None if r.plan is None else {"programme": r.plan.programme, "cycle_years": r.plan.cycle_years},
        "participations": {p.programme: p.since for p in r.participations},
        "stance": {
            "permanent_neutrality": r.stance.permanent_neutrality,
            "contributes_forces": r.stance.contributes_forces,
            "contributes_infrastructure": r.stance.contributes_infrastructure,
        },
        "designations": [d.organisation for d in r.stance.designations],
        "channels": [c.body for c in r.channels],
        "events": [{"date": e.date.isoformat(), "end": e.end} for e in r.events],
        "topics": list(r.topics),
    }


def score(pages: Path = PAGES) -> dict[str, tuple[int, int, int]]:
    """``{field: (true positives, false positives, false negatives)}`` over every fixture page."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    ds = partnerdata.load()
    for path in sorted(pages.glob("*.txt")):
        expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
        result = partnerdata.extract(path.read_text("utf-8"), vocabulary=ds)
        want, got = facts(expected), facts(extracted(result))
        for f in FIELDS:
            tp = sum((want[f] & got[f]).values())
            totals[f][0] += tp
            totals[f][1] += sum(got[f].values()) - tp
            totals[f][2] += sum(want[f].values()) - tp
    return {f: (t[0], t[1], t[2]) for f, t in totals.items()}


def ratios(tp: int, fp: int, fn: int) -> tuple[float, float]:
    """Precision and recall; 1.0 where nothing was expected or extracted."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def table(scores: dict[str, tuple[int, int, int]]) -> str:
    """The scores as a reStructuredText table."""
    rows = [("field", "expected", "extracted", "correct", "precision", "recall")]
    for f, (tp, fp, fn) in scores.items():
        p, r = ratios(tp, fp, fn)
        rows.append((f, str(tp + fn), str(tp + fp), str(tp), f"{p:.2f}", f"{r:.2f}"))
    tp, fp, fn = (sum(s[i] for s in scores.values()) for i in range(3))
    p, r = ratios(tp, fp, fn)
    rows.append(("all fields", str(tp + fn), str(tp + fp), str(tp), f"{p:.2f}", f"{r:.2f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    rule = "  ".join("=" * w for w in widths)
    lines = [rule, "  ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=True)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows[1:]]
    lines.append(rule)
    return "\n".join(lines)


def main() -> int:
    sys.stdout.write(table(score()) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
