"""Reading pages and building from them: pages per second, a 1,000-page build, editions warm.

Pages are generated from two fixture pages (``tests/fixtures/layouts``: the English text page of
Kazakhstan of 2019 and the English HTML page of Turkmenistan), with the partner's names, the
edition's stamp and a few years changed, so every page is different. Figures, all on one core:

- text and HTML pages per second, read and extracted (:func:`partnerdata.read_page` then
  :func:`partnerdata.extract`), against the floor of reading the same bytes and splitting their
  lines (the least any reader does);
- a build of 50 partners × 2 languages × 10 editions (1,000 pages), folder written, and its time
  against the goal of 10 s;
- listing a partner's editions and diffing two editions, warm (median of many runs), against the
  goal of 1 ms.

    python benchmarks/pages.py            # the figures above
    python benchmarks/pages.py --quick    # a smoke test with tiny sizes
"""

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import partnerdata
from partnerdata._ingest.assemble import build_pages, write_folder

LAYOUTS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "layouts"
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _text_page(name: str, lang: str, edition: int) -> str:
    """A text page of the 2019 layout about ``name``, in ``lang``, for edition ``edition`` (0-9)."""
    if lang == "en":
        text = (LAYOUTS / "kaz-en-2019-04-02.txt").read_text("utf-8")
        text = text.replace("Kazakhstan", name)
        stamp = "Last updated:"
    else:
        text = (LAYOUTS / "kaz-fr-2022-05-23-browser.txt").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        text = re.sub(r"(?:le |du |au )?Kazakhstan", name, text)
        stamp = "Mis à jour le:"
    year = 2012 + edition
    text = re.sub(
        r"(Last updated:|Mis à jour le:) [^\n]*", f"{stamp} {10 + edition:02d} {MONTHS[edition]}. {year} 10:15", text
    )
    # Each edition says something else: the Building Integrity year moves.
    return text.replace("2018", str(2005 + edition))


def _html_page(name: str, edition: int) -> str:
    html = (LAYOUTS / "tkm-en-2019-06-18.html").read_text("utf-8").replace("Turkmenistan", name)
    return html.replace("18 Jun. 2019", f"{10 + edition:02d} {MONTHS[edition]}. {2012 + edition}")


def _rate(paths: list[Path]) -> tuple[float, float, float]:
    """Pages per second over ``paths``: read and extracted, read only, and the floor."""
    ds = partnerdata.load()
    started = time.process_time()
    for p in paths:
        partnerdata.read_page(p)
    reading = time.process_time() - started
    started = time.process_time()
    for p in paths:
        partnerdata.extract(partnerdata.read_page(p), vocabulary=ds)
    took = time.process_time() - started
    started = time.process_time()
    for p in paths:
        p.read_bytes().decode("utf-8", "replace").splitlines()
    floor = time.process_time() - started
    return len(paths) / took, len(paths) / max(reading, 1e-9), len(paths) / max(floor, 1e-9)


def _warm(call: "object", runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.process_time()
        call()  # type: ignore[operator]
        timings.append(time.process_time() - started)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test")
    args = parser.parse_args(argv)
    partners_n, editions_n, sample = (3, 2, 6) if args.quick else (50, 10, 200)
    ds = partnerdata.load()
    partners = [p for p in ds.partners if p.name.en and p.name.fr][:partners_n]
    work = Path(tempfile.mkdtemp(prefix="partnerdata-pages-"))
    try:
        pages = work / "pages"
        pages.mkdir()
        for p in partners:
            for e in range(editions_n):
                (pages / f"{p.alpha3.lower()}-en-{e}.txt").write_text(_text_page(str(p.name.en), "en", e), "utf-8")
                (pages / f"{p.alpha3.lower()}-fr-{e}.txt").write_text(_text_page(str(p.name.fr), "fr", e), "utf-8")
        html = work / "html"
        html.mkdir()
        for k in range(sample):
            p = partners[k % len(partners)]
            (html / f"{p.alpha3.lower()}-{k}.html").write_text(_html_page(str(p.name.en), k % 10), "utf-8")
        texts = sorted(pages.glob("*.txt"))[:sample]
        out = sys.stdout
        for kind, paths, goal in (("text", texts, 200), ("HTML", sorted(html.glob("*.html")), 100)):
            both, reading, floor = _rate(paths)
            out.write(
                f"{kind} pages: {both:,.0f} pages/s read and extracted (goal {goal}); "
                f"{reading:,.0f} pages/s read only; floor (bytes split in lines) {floor:,.0f}\n"
            )

        started = time.process_time()
        built = build_pages([pages])
        write_folder(built.dataset, work / "data")
        took = time.process_time() - started
        n = len(partners) * 2 * editions_n
        assert not built.failures, built.failures
        out.write(f"build of {n:,} pages ({len(partners)} partners x 2 languages x {editions_n} editions): ")
        out.write(f"{took:.2f} s (goal 10 s; {took / 10:.2f} of it)\n")

        data = partnerdata.load(work / "data")
        code = partners[0].alpha3
        editions = data.editions_of(code)
        assert len(editions) == editions_n, editions
        first, last = editions[0].label, editions[-1].label
        runs = 50 if args.quick else 2000
        listing = _warm(lambda: data.editions_of(code), runs)
        diffing = _warm(lambda: partnerdata.diff_editions(data, code, first, last), runs // 10)
        out.write(f"listing editions (warm): {listing * 1e6:,.1f} µs (goal 1 ms)\n")
        out.write(f"diffing two editions (warm): {diffing * 1e6:,.1f} µs (goal 1 ms)\n")
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
