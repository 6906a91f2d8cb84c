"""What the docs' ``$`` commands that show no output must print or write (used by test_docs_commands.py).

The docs show the output of some commands; for the others (long tables, files written), the
expectations are here, written by hand from the packaged seed pages (KGZ, TKM), the fixture page
that the examples ingest (``uzb-en.txt``) and the shape of each format, never from a run of the
command. A ``$`` command with neither shown output nor an entry here fails its test.
"""

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonpatch

import partnerdata

Check = Callable[[str, Path], None]


def _rows(out: str, first: str) -> list[str]:
    """The lines of a text table that begin with a value of its first column matching ``first``."""
    return [line for line in out.splitlines() if re.match(first, line)]


def _bi_since_2011(out: str, folder: Path) -> None:
    assert out.startswith("Participations: ")
    # nato-kgz-fr: "Depuis 2015, le Kirghizistan participe au programme ... (BI)".
    assert re.search(r"^KGZ\s+BI\s+2015\s", out, re.MULTILINE), out
    years = [int(m) for line in _rows(out, r"[A-Z]{3}\s+BI\s+\d{4}") for m in re.findall(r"^\S+\s+BI\s+(\d{4})", line)]
    assert years and min(years) >= 2011, years


def _cyber_defence_fr(out: str, folder: Path) -> None:
    assert out.startswith("Coopération : ")  # French labels
    # nato-kgz-fr: SPS since 1993, whose key areas include "la cyberdéfense".
    assert re.search(r"^KGZ\s+cyberdéfense\s+participation\s+1993\s+SPS\b", out, re.MULTILINE), out


def _stance_forces(out: str, folder: Path) -> None:
    lines = dict(line.split(" (", 1) for line in out.splitlines()[1:] if " (" in line)
    assert set(lines) == {"yes", "no", "unknown"}, out
    # nato-tkm-fr: Turkmenistan makes no military units available for NATO-led operations.
    assert "TKM" in lines["no"].split("): ", 1)[1].split("; ")
    for group in lines.values():
        count, codes = group.split("): ", 1)
        assert int(count) == len(codes.split("; ")), group


def _search_neutrality(out: str, folder: Path) -> None:
    count = int(out.split("\n", 1)[0].removeprefix("Statements: "))
    rows = _rows(out, r"[A-Z]{3}\s")
    assert count == len(rows) >= 2, out  # nato-tkm-fr names its permanent neutrality twice
    assert all(row.startswith("TKM ") and "nato-tkm-fr#" in row for row in rows), rows


def _forums_in_1996(out: str, folder: Path) -> None:
    assert out.startswith("Frameworks: ")
    assert re.search(r"^NACC\s+North Atlantic Cooperation Council\s+forum\s+1991\s+1997\s+EAPC\s*$", out, re.MULTILINE)
    assert not _rows(out, r"EAPC\s"), "the EAPC was founded in 1997, after the end of 1996"


def _timeline_1991_1997(out: str, folder: Path) -> None:
    assert out.startswith("Timeline: ")
    years = [int(line[:4]) for line in _rows(out, r"\d{4}\s")]
    assert years and all(1991 <= y <= 1997 for y in years), sorted(set(years))
    assert years == sorted(years)


def _timeline_kgz_fr(out: str, folder: Path) -> None:
    assert out.startswith("Chronologie : ")
    rows = _rows(out, r"\d{4}\s")
    assert rows and all(re.search(r"\sKGZ\s", row) for row in rows)
    # The KGZ page dates practical cooperation, through the Partnership for Peace (PPP in French), to 1994.
    assert any(re.match(r"1994\s+coopération\s+KGZ\s+PPP\b", row) for row in rows), rows


def _participants_csv(out: str, folder: Path) -> None:
    with (folder / "participants.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {"partner", "programme", "since", "evidence"} <= set(rows[0])
    assert any(r["partner"] == "KGZ" and r["programme"] == "BI" and r["since"] == "2015" for r in rows)
    assert len({(r["partner"], r["programme"], r.get("status")) for r in rows}) == len(rows)


def _timeline_jsonl_tkm(out: str, folder: Path) -> None:
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and {r["partner"] for r in rows} == {"TKM"}
    # nato-tkm-fr: relations since 1992, through the NACC.
    assert any(r["kind"] == "relations" and r["year"] == 1992 and r["programmes"] == "NACC" for r in rows), rows[:3]


def _diff_kgz_tkm(out: str, folder: Path) -> None:
    assert out.startswith("Relation KGZ (Kyrgyzstan) → TKM (Turkmenistan)\n")
    assert "- removed: BI, since 2015" in out  # only KGZ's page names the BI programme


def _diff_editions_patch(out: str, folder: Path) -> None:
    assert out == ""  # the patch went to the file
    patch = json.loads((folder / "changes.json").read_text("utf-8"))
    old = json.loads((folder / "edition-2025.json").read_text("utf-8"))
    new = json.loads((folder / "edition-2026.json").read_text("utf-8"))
    assert jsonpatch.apply_patch(old, patch) == new


def _diff_markdown_fr(out: str, folder: Path) -> None:
    # The edited relation moves KGZ's SPS start from 1993 to 1996 (tests/test_docs_commands.py's set-up).
    assert out.startswith("### Relation KGZ (Kirghizistan)\n")
    assert re.search(r"depuis : 1993 → 1996", out), out
    assert out.rstrip().endswith("*1 modification*")


def _ingest_text(out: str, folder: Path) -> None:
    assert out.startswith("Draft records read from PAGE.txt (en, source id nato-uzb-en)\n")
    # uzb-en.txt: dialogue started in 1992, when Uzbekistan joined the NACC.
    assert "Relations since 1992 through North Atlantic Cooperation Council (NACC)" in out


def _ingest_json(out: str, folder: Path) -> None:
    found = json.loads(out)
    assert {"partner", "source", "relation", "unplaced"} <= set(found)
    assert found["partner"]["alpha3"] == "UZB" and found["relation"]["partner"] == "UZB"
    assert "text" not in found["source"]
    assert found["relation"]["relations_since"]["year"] == 1992


def _scores(out: str, folder: Path) -> None:
    """Score tables whose figures agree with each other: correct <= both counts, and the two ratios."""
    rows = re.findall(r"^(all fields|\w+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d\.\d\d)\s+(\d\.\d\d)\s*$", out, re.MULTILINE)
    assert any(r[0] == "all fields" for r in rows), out
    for _, expected, extracted, correct, precision, recall in rows:
        e, x, c = int(expected), int(extracted), int(correct)
        assert c <= min(e, x)
        assert float(precision) == round(c / x if x else 1.0, 2)
        assert float(recall) == round(c / e if e else 1.0, 2)


def _provenance(out: str, folder: Path) -> None:
    found = re.match(
        r"Of (\d+) values, (\d+) come from the extractor, (\d+) from the overlay .*?, (\d+) from the cited facts "
        r"and (\d+) from the curated vocabulary",
        out,
    )
    assert found, out[:300]
    total, *parts = map(int, found.groups())
    assert total == sum(parts)


def _panel_rows(rows: list[dict[str, object]]) -> None:
    partners = partnerdata.load().partners
    assert len(rows) == len(partners) * (2026 - 1991 + 1)
    assert {(r["alpha3"], int(str(r["year"]))) for r in rows} == {
        (p.alpha3, y) for p in partners for y in range(1991, 2027)
    }


def _panel_csv(out: str, folder: Path) -> None:
    with (folder / "panel.csv").open(encoding="utf-8", newline="") as f:
        _panel_rows(list(csv.DictReader(f)))


def _panel_gw(out: str, folder: Path) -> None:
    with (folder / "panel-gw.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    every = {(p.alpha3, y) for p in partnerdata.load().partners for y in range(1991, 2027)}
    kept = {(r["alpha3"], int(r["year"])) for r in rows}
    # Only the years a state was in the Gleditsch-Ward system: fewer rows than the full panel,
    # none outside it, and each with its G-W code. Czechoslovakia (CSK) ended in 1992.
    assert len(kept) == len(rows) and kept < every
    assert all(r["gwcode"] for r in rows)
    assert not any(alpha3 == "CSK" and year > 1992 for alpha3, year in kept)


def _panel_jsonl(out: str, folder: Path) -> None:
    lines = (folder / "panel.jsonl").read_text("utf-8").splitlines()
    _panel_rows([json.loads(line) for line in lines])


def _panel_parquet(out: str, folder: Path) -> None:
    import pandas as pd  # type: ignore[import-untyped]

    _panel_rows(pd.read_parquet(folder / "panel.parquet").to_dict("records"))


CHECKS: dict[str, Check] = {
    "partnerdata query --programme BI --since 2011": _bi_since_2011,
    'partnerdata query --topic "cyber defence" --lang fr': _cyber_defence_fr,
    "partnerdata query --stance forces": _stance_forces,
    'partnerdata query --search "neutralité permanente"': _search_neutrality,
    "partnerdata query --as-of 1996 --table frameworks --kind forum": _forums_in_1996,
    "partnerdata timeline 1991 1997": _timeline_1991_1997,
    "partnerdata timeline --partner KGZ --lang fr": _timeline_kgz_fr,
    "partnerdata export participants --format csv --output participants.csv": _participants_csv,
    "partnerdata export timeline --format jsonl --partner TKM": _timeline_jsonl_tkm,
    "partnerdata diff KGZ TKM": _diff_kgz_tkm,
    "partnerdata diff edition-2025.json edition-2026.json --format patch > changes.json": _diff_editions_patch,
    "partnerdata diff KGZ my-edits/relations/KGZ.json --format markdown --lang fr": _diff_markdown_fr,
    "partnerdata ingest PAGE.txt": _ingest_text,
    "partnerdata ingest PAGE.txt --json": _ingest_json,
    "python benchmarks/extraction_quality.py": _scores,
    "python benchmarks/layouts.py": _scores,
    "python benchmarks/extraction_quality.py --heldout": _scores,
    "python scripts/provenance.py": _provenance,
    "partnerdata panel --start 1991 --end 2026 > panel.csv": _panel_csv,
    "partnerdata panel --start 1991 --end 2026 -o panel.jsonl": _panel_jsonl,
    "partnerdata panel --start 1991 --end 2026 --system gw -o panel-gw.csv": _panel_gw,
    "partnerdata panel --start 1991 --end 2026 -o panel.parquet": _panel_parquet,
}


def check(command: str, out: str, folder: Path) -> None:
    """Check what ``command`` printed (``out``) and wrote (in ``folder``); a command without a check fails."""
    # A trailing shell comment ("# the draft profile, ...") is no part of the command.
    key = re.sub(r"\s+#.*$", "", command).strip()
    assert key in CHECKS, f"{command!r} shows no output in the docs and has no check in tests/_doc_outputs.py"
    CHECKS[key](out, folder)
