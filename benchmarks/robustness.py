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
3. Reading HTML (``html_blocks``, issue #19): seconds per MB for hostile markup (deep nesting of
   any tag, a deep stack under a long run of tags, attributes, names, siblings, unclosed tags,
   formatting elements reopened, comments, what stalled html.parser) next to a normal page (a
   fixture page repeated), with both parsers, at 64 KiB, 256 KiB, 1 MiB and the page size limit
   (``MAX_BYTES``, 8 MiB), with how each was read: by Lexbor, by the small tree builder, or
   refused (goal: about the same seconds per MB at every size; a page refused for making more
   than ``MAX_ELEMENTS`` elements stops being read there, so its cost stops growing). Then normal
   pages per second, the fixture page itself and repeated to NATO's sizes (goal: at least 100).
"""

import argparse
import contextlib
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
from partnerdata._ingest import html as _html
from partnerdata._ingest.build import default_inputs_dir
from partnerdata._ingest.reader import MAX_BYTES
from partnerdata._query.synthetic import synthetic

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "layouts" / "tkm-en-2019-06-18.html"
HEAD = (
    "<!DOCTYPE html><html><head><title>NATO - Topic: Relations with Georgia</title></head>"
    "<body><main><article><h1>Relations with Georgia</h1><p>NATO and Georgia cooperate.</p>"
)


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


def _filled(unit: str, size: int, before: str = "", after: str = "") -> str:
    """``HEAD``, ``before``, then ``unit`` repeated to about ``size`` bytes (ASCII units), then ``after``."""
    return HEAD + before + unit * max(1, (size - len(HEAD) - len(before) - len(after)) // len(unit)) + after


def _numbered(make: Callable[[int], str], size: int) -> str:
    """``HEAD`` then ``make(k)`` for k = 0, 1, ... to about ``size`` bytes."""
    parts = [HEAD]
    length = len(HEAD)
    k = 0
    while length < size:
        parts.append(make(k))
        length += len(parts[-1])
        k += 1
    return "".join(parts)


def _normal(size: int) -> str:
    page = FIXTURE.read_text("utf-8")
    return page * max(1, size // len(page.encode()))


HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "normal page (a fixture page repeated)": _normal,
    "nested custom elements <x-note>": lambda size: _filled("<x-note>x", size),
    "nested <aside> (a block)": lambda size: _filled("<aside>x", size),
    "150 nested <span>, then <div></div>": lambda size: _filled("<div></div>", size, "<span>" * 150),
    "500 nested <u>, then stray </aside>": lambda size: _filled("</aside>", size, "<u>" * 500),
    "attributes on one tag": lambda size: _numbered(lambda k: f" a{k}=1", size - 4).replace(HEAD, HEAD + "<p", 1) + ">",
    "distinct tag names <x1>x</x1>": lambda size: _numbered(lambda k: f"<x{k}>x</x{k}>", size),
    "siblings <p>x</p>": lambda size: _filled("<p>x</p>", size),
    "unclosed <li>x": lambda size: _filled("<li>x", size, "<ul>"),
    "60 <b id=k> reopened in each <p>x": lambda size: _filled(
        "<p>x", size, "<p>" + "".join(f"<b id={k}>" for k in range(60))
    ),
    "comments <!--x-->": lambda size: _filled("<!--x-->", size),
    "runs of </ (html.parser: quadratic)": lambda size: _filled("</", size),
}


def _how(text: str, parser: str) -> str:
    """How ``html_blocks`` reads ``text`` with ``parser``: by Lexbor, the small builder, or refused (why)."""
    survey = _html._Survey(text).run()
    if survey.refusal is not None:
        return "refused: " + ("nesting" if "deep" in survey.refusal.reason else "elements")
    return "Lexbor" if parser == "selectolax" and survey.doubt is None else "builder"


def _read(text: str, parser: str) -> None:
    with contextlib.suppress(partnerdata.PageError):  # refused: the time to refuse is what is measured
        _html.html_blocks(text, parser)


def _size(size: int) -> str:
    return f"{size / 2**20:g} MiB" if size >= 2**20 else f"{size / 2**10:g} KiB"


def html_reading(sizes: list[int], repeat: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for shape, make in HTML_SHAPES.items():
        for parser in ("selectolax", "stdlib"):
            cells, hows = [], []
            for size in sizes:
                text = make(size)
                megabytes = len(text.encode()) / 2**20
                took = best(functools.partial(_read, text, parser), repeat if size < MAX_BYTES // 2 else 1)
                cells.append(f"{took / megabytes:.2f}")
                hows.append(_how(text, parser))
            how = hows[0] if len(set(hows)) == 1 else ", ".join(hows)
            rows.append((shape, parser, *cells, how))
    return rows


def pages_per_second(sizes: list[int], seconds: float) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for size in sizes:
        text = _normal(size)
        for parser in ("selectolax", "stdlib"):
            _html.html_blocks(text, parser)  # warm
            count = 0
            gc.collect()
            started = time.perf_counter()
            while time.perf_counter() - started < seconds:
                _html.html_blocks(text, parser)
                count += 1
            rate = count / (time.perf_counter() - started)
            kilobytes = len(text.encode()) / 1000
            rows.append((f"{kilobytes:,.0f} KB", parser, f"{rate:,.0f}", "ok" if rate >= 100 else "below"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny inputs, one run: a smoke test")
    args = parser.parse_args()
    if args.quick:
        rows = extraction([4_000, 40_000], 1) + problems([100], 1)
        sizes, html_rows = [16 * 1024, 64 * 1024], [8 * 1024]
    else:
        rows = extraction([4_000, 40_000, 400_000, 4_000_000], 3) + problems([100, 1_000, 10_000], 3)
        sizes, html_rows = [2**16, 2**18, 2**20, MAX_BYTES], [8 * 1024, 50_000, 100_000, 300_000]
    print(f"partnerdata {partnerdata.__version__}, Python {sys.version.split()[0]}\n")
    print("| measure | time | ratio | goal |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    sys.stdout.flush()
    labels = " | ".join(f"s/MB, {_size(size)}" for size in sizes)
    print("\nReading HTML, seconds per MB (goal: about the same at every size; a page refused for its")
    print(f"{_html.MAX_ELEMENTS:,} elements costs the same at any size)\n")
    print(f"| markup | parser | {labels} | read by |")
    print("|---|---|" + "---|" * len(sizes) + "---|")
    for html_row in html_reading(sizes, 1 if args.quick else 3):
        print("| " + " | ".join(html_row) + " |")
    print("\nNormal pages (the fixture page, repeated) read per second (goal: at least 100)\n")
    print("| page | parser | pages/s | goal |")
    print("|---|---|---|---|")
    for rate_row in pages_per_second(html_rows, 0.2 if args.quick else 2.0):
        print("| " + " | ".join(rate_row) + " |")


if __name__ == "__main__":
    main()
