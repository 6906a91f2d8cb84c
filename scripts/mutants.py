"""Hand-made mutations of partnerdata, each run against the tests that should catch it: ``nox -s mutants``.

Each mutant replaces one exact piece of a source file with a small bug of the kind a real change
could bring (a bound off by one, a check dropped, a swap forgotten). For each, the source tree,
tests, docs and benchmarks are copied to a temporary folder (the working tree is never touched),
the mutation is applied to the copy, and the named tests run there with ``PYTHONPATH`` pointing at
the copy's ``src``. A mutant is *killed* when a test fails, and *survives* when they all pass.

Usage::

    python scripts/mutants.py              # every mutant; exit 1 if one survives
    python scripts/mutants.py D1 Q1        # only these
    python scripts/mutants.py --list       # the mutants, and whether each still applies
    python scripts/mutants.py D1 --tests tests/test_survivors.py   # does this one test file catch D1?

A mutant whose text is no longer in its file (the code moved on) is an error, not a pass: update
the list. The survivors of the last run are listed in ``docs/testing.rst``. CI does not run this
(it takes several minutes); it is run by hand after changing the code paths below.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path("src") / "partnerdata"
COPIED = ("src", "tests", "docs", "benchmarks", "scripts", ".ci")
COPIED_FILES = ("pyproject.toml", "noxfile.py", "README.md", "CHANGELOG.md", "LICENSE")

LOAD = [
    "tests/test_load.py",
    "tests/test_fast_path.py",
    "tests/test_fast_path_survivors.py",
    "tests/test_deferred.py",
    "tests/test_data.py",
]
INTEGRITY = ["tests/test_survivors.py", "tests/test_load.py", "tests/test_data.py", "tests/test_records.py"]
DIFF = ["tests/test_survivors.py", "tests/test_diff.py", "tests/test_diff_properties.py"]
QUERY = ["tests/test_survivors.py", "tests/test_query.py", "tests/test_query_oracle.py", "tests/test_query_tables.py"]
PANEL = ["tests/test_survivors.py", "tests/test_panel.py"]
LOOKUP = ["tests/test_survivors.py", "tests/test_lookup.py"]
EXTRACT = [
    "tests/test_extract.py",
    "tests/test_extract_recall.py",
    "tests/test_page.py",
    "tests/test_reading_phrasings.py",
]


# How _io/load.py's _read_bytes turns an error of the system into a problem of the file.
_CANNOT_READ = 'raise DataValidationError([Problem(file=where, path="$", message=f"cannot read'


class Mutant(NamedTuple):
    id: str
    area: str
    file: str  # inside src/partnerdata
    old: str  # must occur exactly once in the file
    new: str
    tests: list[str]
    what: str


MUTANTS = [
    Mutant(
        "L1",
        "fast path",
        "_io/load.py",
        "        if actual != digest:\n",
        '        if actual != digest and not name.startswith("relations/"):\n',
        LOAD,
        "the relations' files (read later by the packaged data's fast path) skip their SHA-256 check",
    ),
    Mutant(
        "L2",
        "fast path",
        "_io/structure.py",
        "        elif type(value) is not list:\n",
        "        elif type(value) not in (list, str):\n",
        LOAD,
        'a string is accepted where an array of codes goes ({"aliases": "Kyr"})',
    ),
    Mutant(
        "L3",
        "loader",
        "_io/load.py",
        "        problems += _unlisted(folder, label, listed)\n",
        "        pass\n",
        LOAD,
        "a file in the data folder that the manifest does not list is no longer reported",
    ),
    Mutant(
        "L4",
        "loader",
        "_io/load.py",
        "    except OSError as exc:\n        " + _CANNOT_READ,
        "    except FileNotFoundError as exc:\n        " + _CANNOT_READ,
        ["tests/test_security.py"],
        "a file the system refuses to open (no permission) escapes as PermissionError",
    ),
    Mutant(
        "W1",
        "writes",
        "_io/files.py",
        "    if path.parent.is_symlink():\n",
        "    if False:\n",
        ["tests/test_claims.py"],
        "write_atomic writes through a folder that is a symbolic link",
    ),
    Mutant(
        "I1",
        "integrity",
        "_query/integrity.py",
        "        if source.partner != r.partner:\n",
        "        if False:\n",
        INTEGRITY,
        "evidence quoting another partner's page is accepted",
    ),
    Mutant(
        "I2",
        "integrity",
        "_query/integrity.py",
        "        elif year is not None and found.founded is not None and year < found.founded.year:\n",
        "        elif year is not None and found.founded is not None and year < found.founded.year - 1:\n",
        INTEGRITY,
        "a participation one year older than its programme is accepted",
    ),
    Mutant(
        "I3",
        "integrity",
        "_query/integrity.py",
        "        elif sentence != ev.quote:\n",
        "        elif False:\n",
        INTEGRITY,
        "a quote that is not its sentence verbatim is accepted",
    ),
    Mutant(
        "K1",
        "lookup",
        "_model/keys.py",
        "                if other is not record and other != record:\n",
        "                if False:\n",
        LOOKUP,
        "a name of two records resolves silently to the first",
    ),
    Mutant(
        "K2",
        "lookup",
        "_model/keys.py",
        "        found = self._map.get(fold(key))\n",
        "        found = self._map.get(key.lower())\n",
        LOOKUP,
        "lookups no longer fold accents, apostrophes and spacing",
    ),
    Mutant(
        "D1",
        "diff",
        "_diff/diff.py",
        "old=self.new, new=self.old, identity=self.identity)",
        "old=self.old, new=self.new, identity=self.identity)",
        DIFF,
        "Diff.invert() swaps the changes but not old and new (its JSON Patch no longer applies)",
    ),
    Mutant(
        "D2",
        "diff",
        "_diff/diff.py",
        "        for k in sorted(old ^ new):\n",
        "        for k in sorted(old - new):\n",
        DIFF,
        "codes added to a set (focus, topics, aliases) are not reported",
    ),
    Mutant(
        "Q1",
        "query",
        "_query/questions.py",
        "        hi = seen_at if hi is None else min(hi, seen_at)\n",
        "        hi = seen_at if hi is None else hi\n",
        QUERY,
        "as_of(Y) with a later until= sees past Y",
    ),
    Mutant(
        "Q2",
        "query",
        "_query/questions.py",
        "        return Snapshot(ds, year if until is None else min(year, until))\n",
        "        return Snapshot(ds, year)\n",
        QUERY,
        "a snapshot of a snapshot sees past the first one's year",
    ),
    Mutant(
        "Q3",
        "query",
        "_model/records.py",
        "    paused = suspended is not None and suspended < year\n",
        "    paused = suspended is not None and suspended <= year\n",
        [*QUERY, *PANEL],
        "a participation no longer counts in the year of its suspension",
    ),
    Mutant(
        "Q4",
        "query",
        "_query/questions.py",
        "        lo = after + 1  # type: ignore[operator]\n",
        "        lo = after  # type: ignore[operator]\n",
        QUERY,
        "since_after=Y includes year Y",
    ),
    Mutant(
        "P1",
        "panel",
        "_query/panel.py",
        "        if not p.active(year) and p.until is not None and p.until < year:\n",
        "        if not p.active(year) and p.until is not None and p.until <= year:\n",
        PANEL,
        "the panel's 'left' rule fires in the last year of a participation",
    ),
    Mutant(
        "P2",
        "panel",
        "_query/panel.py",
        "    if until is not None and end > until:\n",
        "    if until is not None and end > until + 1:\n",
        PANEL,
        "a snapshot's panel may run one year past the snapshot",
    ),
    Mutant(
        "E1",
        "extractor",
        "_ingest/sentence.py",
        "        return [None if i is None else ordered[i] for i in found]\n",
        "        return [None if i is None else ordered[0] for i in found]\n",
        EXTRACT,
        "a year goes to the first name of the sentence, not to the name of its clause",
    ),
    Mutant(
        "E2",
        "extractor",
        "_ingest/mentions.py",
        "            if reach < span[1]:\n",
        "            if True:\n",
        EXTRACT,
        "a name nested in another counts as a mention of its own",
    ),
    Mutant(
        "E3",
        "extractor",
        "_ingest/facts_start.py",
        "            found = start_of_cue(s, cues.START)\n",
        "            found = (s.years[0][0], s.unit_at(s.years[0][1]))\n",
        EXTRACT,
        "the first year of a sentence is taken as the start of relations",
    ),
    Mutant(
        "E4",
        "extractor",
        "_ingest/clauses.py",
        "            out.append((current[0], current[1]))\n            current = None\n",
        "            out.append((current[0], len(low)))\n            current = None\n",
        EXTRACT,
        "a negated clause runs to the end of the sentence, past the clauses after it",
    ),
]


def _copy_tree(into: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "_build", "*.pyc")
    for name in COPIED:
        shutil.copytree(ROOT / name, into / name, ignore=ignore)
    for name in COPIED_FILES:
        shutil.copy2(ROOT / name, into / name)


def _check(m: Mutant, root: Path) -> str | None:
    """Why the mutant cannot be applied to the tree at ``root``, or None."""
    path = root / PACKAGE / m.file
    if not path.is_file():
        return f"{m.file} is not there"
    count = path.read_text("utf-8").count(m.old)
    return None if count == 1 else f"its text occurs {count} times in {m.file}, not once"


def _run(tests: list[str], tree: Path, *, first: bool = True, skip: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    """pytest's exit status and its FAILED/ERROR lines then its last line; ``first`` stops at the first failure."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "CI": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HYPOTHESIS_PROFILE", None)  # the derandomized ci profile: the same examples every run
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *tests]
    cmd += ["-x"] if first else []
    for test in skip:
        cmd += ["--deselect", test]
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, check=False, timeout=3600)
    lines = (done.stdout + done.stderr).strip().splitlines()
    failed = [line for line in lines if line.startswith(("FAILED ", "ERROR "))]
    return done.returncode, [*failed, lines[-1] if lines else ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("ids", nargs="*", help="mutant ids to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants and whether each applies")
    parser.add_argument("--tests", nargs="+", metavar="FILE", help="run these test files instead of each mutant's")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if not args.ids or m.id in args.ids]
    if args.tests:
        chosen = [m._replace(tests=args.tests) for m in chosen]
    unknown = set(args.ids) - {m.id for m in MUTANTS}
    if unknown:
        parser.error(f"no mutant {', '.join(sorted(unknown))}")
    broken = {m.id: why for m in chosen if (why := _check(m, ROOT)) is not None}
    if args.list:
        for m in chosen:
            print(f"{m.id:3} {m.area:10} {m.file:22} {broken.get(m.id, 'applies')}: {m.what}")
        return 1 if broken else 0
    if broken:
        for key, why in broken.items():
            print(f"{key}: cannot apply: {why}", file=sys.stderr)
        return 2

    survivors: list[Mutant] = []
    with tempfile.TemporaryDirectory(prefix="partnerdata-mutants-") as tmp:
        base = Path(tmp) / "base"
        _copy_tree(base)
        # A test that fails on the unmutated copy would make every mutant look killed: such tests
        # (work in progress in the tree, say) are left out of the mutant runs, and named.
        needed = sorted({t for m in chosen for t in m.tests})
        status, report = _run(needed, base, first=False)
        if status not in (0, 1) or any(line.startswith("ERROR ") for line in report):
            print(f"the tests cannot run without any mutation: {'; '.join(report)}", file=sys.stderr)
            return 2
        broken_tests = tuple(line.split()[1] for line in report if line.startswith("FAILED "))
        for test in broken_tests:
            print(f"left out, as it fails without any mutation: {test}", flush=True)
        for m in chosen:
            tree = Path(tmp) / m.id
            shutil.copytree(base, tree)
            target = tree / PACKAGE / m.file
            target.write_text(target.read_text("utf-8").replace(m.old, m.new, 1), "utf-8")
            started = time.monotonic()
            status, report = _run(m.tests, tree, skip=broken_tests)
            took = time.monotonic() - started
            if status == 0:
                verdict = "SURVIVED"
                survivors.append(m)
            elif status == 1:
                verdict = "killed"
            else:  # 2-5: interrupted, internal error, usage error, no tests: the run itself is wrong
                print(f"{m.id}: pytest exited {status}: {'; '.join(report)}", file=sys.stderr)
                return 2
            print(f"{m.id:3} {m.area:10} {verdict:8} {took:5.0f} s  {m.what}", flush=True)
            shutil.rmtree(tree)
    print(f"{len(chosen) - len(survivors)} of {len(chosen)} mutants killed; survivors: "
          f"{', '.join(m.id for m in survivors) or 'none'}")  # fmt: skip
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
