"""Robustness costs: extraction linear in a page's length, error reporting linear in the problems.

    python benchmarks/robustness.py            # the figures in docs/security.rst
    python benchmarks/robustness.py --quick    # a smoke run (what the test suite does)

1. ``parse_page`` + ``extract`` of pages of 4 KB, 40 KB, 400 KB and 4 MB, made by repeating the
   body of a packaged page (goal: each tenfold size about tenfold time; 40 KB under 0.5 s). Each
   is shown against the page before it (the growth) and against a floor run on the same text in
   the same process: splitting it into words with one regular expression.
2. ``load(path)`` of a dataset document with 100, 1,000 and 10,000 problems (one per relation:
   a type error, found by the detailed pass, or an unknown programme, found by the dataset's
   checks and placed in the file), against loading the same document without the problems
   (goal: 10,000 problems under 5 s).
"""

import argparse
import functools
import gc
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import partnerdata
from partnerdata._ingest.build import default_inputs_dir
from partnerdata._query.synthetic import synthetic


def best(fn: Callable[[], object], repeat: int) -> float:
    """The best of ``repeat`` wall times, in seconds (the GC collected before each)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def page_of(size: int) -> str:
    """A page of about ``size`` characters: a packaged page's title and introduction, its body repeated."""
    seed = (default_inputs_dir() / "pages" / "nato-kgz-fr.txt").read_text("utf-8").rstrip("\n").split("\n")
    head, body = seed[:2], seed[2:]
    lines = list(head)
    length = sum(len(line) + 1 for line in lines)
    i = 0
    while length < size:  # line by line, so that the page is about ``size``, not a multiple of the body
        line = body[i % len(body)]
        lines.append(line)
        length += len(line.encode()) + 1
        i += 1
    return "\n".join(lines) + "\n"


def _extract(text: str, ds: partnerdata.Dataset) -> None:
    partnerdata.extract(partnerdata.parse_page(text), vocabulary=ds)


def extraction(sizes: list[int], repeat: int) -> list[tuple[str, str, str, str]]:
    ds = partnerdata.load()
    partnerdata.extract(partnerdata.parse_page(page_of(4_000)), vocabulary=ds)  # warm: the vocabulary's matcher
    words = re.compile(r"\w+")
    rows = []
    previous: float | None = None
    for size in sizes:
        text = page_of(size)
        runs = repeat if size <= 400_000 else 1
        took = best(functools.partial(_extract, text, ds), runs)
        floor = best(functools.partial(words.findall, text), runs)
        growth = "" if previous is None else f"{took / previous:.1f}x the page before"
        goal = "< 0.5 s" if size == 40_000 else ("about 10x" if previous is not None else "")
        rows.append(
            (
                f"extract a {len(text.encode()) / 1000:,.0f} KB page",
                f"{took:.3f} s",
                f"{took / floor:.0f}x splitting it into words; {growth}".rstrip("; "),
                goal,
            )
        )
        previous = took
    return rows


def problems(counts: list[int], repeat: int) -> list[tuple[str, str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in counts:
            valid = json.loads(partnerdata.to_json(synthetic(n), indent=None))
            path = Path(tmp) / f"valid-{n}.json"
            path.write_text(json.dumps(valid), encoding="utf-8")
            floor = best(functools.partial(partnerdata.load, path), repeat)
            for kind in ("type errors", "unknown programmes"):
                broken = json.loads(json.dumps(valid))
                expected = 0  # one problem per relation changed
                for r in broken["relations"]:
                    if kind == "type errors":
                        r["stance"]["contributes_forces"] = "yes"
                        expected += 1
                    elif r["participations"]:
                        r["participations"][0]["programme"] = "NOPE"
                        expected += 1
                bad = Path(tmp) / f"bad-{n}.json"
                bad.write_text(json.dumps(broken), encoding="utf-8")

                def run(bad: Path = bad, n: int = expected) -> None:
                    found = -1
                    try:
                        partnerdata.load(bad)
                    except partnerdata.DataValidationError as exc:
                        found = len(exc.problems)
                    if found != n:
                        raise AssertionError(f"expected {n} problems, found {found}")

                took = best(run, repeat)
                rows.append(
                    (
                        f"load a document with {expected:,} {kind}",
                        f"{took:.3f} s",
                        f"{took / floor:.1f}x loading it without them",
                        "< 5 s" if n == 10_000 else "",
                    )
                )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny inputs, one run: a smoke test")
    args = parser.parse_args()
    if args.quick:
        rows = extraction([4_000, 40_000], 1) + problems([100], 1)
    else:
        rows = extraction([4_000, 40_000, 400_000, 4_000_000], 3) + problems([100, 1_000, 10_000], 3)
    print(f"partnerdata {partnerdata.__version__}, Python {sys.version.split()[0]}\n")
    print("| measure | time | ratio | goal |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
