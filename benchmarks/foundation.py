"""Foundation costs, each as a ratio against a peer or a floor run in the same process on the same input.

    python benchmarks/foundation.py            # the figures in the README
    python benchmarks/foundation.py --quick    # a smoke run (what the test suite does)

1. ``import partnerdata`` against ``import attrs`` (fresh processes, alternating; goal: <= +5 ms);
   the import is lazy, so also ``import partnerdata`` plus the first use of a record class
   (``partnerdata.Text(fr="a")``, which loads the records module) against ``import attrs`` plus a
   frozen attrs class defined and used (goal: <= +10 ms).
2. A fresh process doing ``load()`` and one lookup against one doing
   ``import pycountry; pycountry.countries.get(alpha_3="KGZ")`` (goal: not slower); as its
   floor, a fresh process that only imports attrs and makes the record classes, and what the
   whole run adds to that floor.
3. A warm lookup by code (goal: < 500 ns) and by any name (goal: < 5 us), next to a plain dict hit.
4. ``load(path)`` of a generated file of 10,000 relations against ``json.loads`` of the same bytes
   (goal: at most 4 times), the garbage collector off on both sides (``load`` turns it off while it
   builds records); and against the fastest JSON parser installed (``orjson`` if importable), GC
   off too, as a floor no pure-Python loader reaches.
"""

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

import partnerdata
from partnerdata._query.synthetic import synthetic

# As users run Python: bytecode caches written once and reused (some sandboxes turn them off).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def fresh(code: str) -> float:
    """Wall time of a fresh interpreter running ``code``, in seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


def paired(a: str, b: str, runs: int) -> tuple[float, float, float]:
    """Medians of A and B (alternating, after a warm-up) and the median of the paired ratios A/B."""
    fresh(a), fresh(b)
    times_a, times_b = [], []
    for _ in range(runs):
        times_a.append(fresh(a))
        times_b.append(fresh(b))
    ratios = [x / y for x, y in zip(times_a, times_b, strict=True)]
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


def per_call(fn: Callable[[], object], number: int) -> float:
    """Best of five timings, per call, in seconds."""
    return min(timeit.repeat(fn, number=number, repeat=5)) / number


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _fastest_parser() -> tuple[str, Callable[[bytes], object]]:
    """The fastest JSON parser importable here: orjson if installed, else the standard library."""
    try:
        import orjson
    except ImportError:
        return "json", json.loads
    return "orjson", orjson.loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few runs on small inputs: checks the script works")
    args = parser.parse_args()
    runs, n, repeat = (3, 300, 1) if args.quick else (21, 10_000, 3)

    rows: list[tuple[str, str, str, str]] = []

    ours, attrs_only, ratio = paired("import partnerdata", "import attrs", runs)
    rows.append(
        (
            "import partnerdata (lazy: loads no module) vs import attrs",
            f"{ours * 1e3:.1f} ms vs {attrs_only * 1e3:.1f} ms",
            f"{(ours - attrs_only) * 1e3:+.1f} ms ({ratio:.2f}x)",
            "<= +5 ms",
        )
    )

    attrs_class = "import attrs\n@attrs.frozen(kw_only=True)\nclass T:\n    fr: str | None = None\nT(fr='a')"
    ours, attrs_only, ratio = paired("import partnerdata; partnerdata.Text(fr='a')", attrs_class, runs)
    rows.append(
        (
            "import + first record vs import attrs + a class",
            f"{ours * 1e3:.1f} ms vs {attrs_only * 1e3:.1f} ms",
            f"{(ours - attrs_only) * 1e3:+.1f} ms ({ratio:.2f}x)",
            "<= +10 ms",
        )
    )

    ours, peer, ratio = paired(
        "import partnerdata; partnerdata.load().partner('KGZ')",
        "import pycountry; pycountry.countries.get(alpha_3='KGZ')",
        runs,
    )
    rows.append(
        (
            "fresh load() + lookup vs pycountry get",
            f"{ours * 1e3:.1f} ms vs {peer * 1e3:.1f} ms",
            f"{ratio:.2f}x",
            "<= 1x",
        )
    )

    # What no change to partnerdata's own code can remove: importing attrs and making the record
    # classes (the data model is attrs classes). The row above cannot beat pycountry by more than this.
    ours, peer, ratio = paired(
        "import partnerdata._model.records",
        "import pycountry; pycountry.countries.get(alpha_3='KGZ')",
        runs,
    )
    rows.append(
        (
            "  floor: attrs + the record classes alone vs pycountry get",
            f"{ours * 1e3:.1f} ms vs {peer * 1e3:.1f} ms",
            f"{ratio:.2f}x",
            "(floor)",
        )
    )
    ours, floor_only, ratio = paired(
        "import partnerdata; partnerdata.load().partner('KGZ')", "import partnerdata._model.records", runs
    )
    rows.append(
        (
            "  what load() + lookup add to that floor",
            f"{ours * 1e3:.1f} ms vs {floor_only * 1e3:.1f} ms",
            f"{(ours - floor_only) * 1e3:+.1f} ms ({ratio:.2f}x)",
            "",
        )
    )

    ds = partnerdata.load()
    floor = {"KGZ": ds.partner("KGZ")}
    dict_hit = per_call(lambda: floor["KGZ"], 200_000)
    by_code = per_call(lambda: ds.partner("KGZ"), 200_000)
    by_name = per_call(lambda: ds.partner("République kirghize"), 200_000)
    by_folded = per_call(lambda: ds.partner("  republique KIRGHIZE "), 50_000)
    rows.append(("warm lookup by code", f"{by_code * 1e9:.0f} ns", f"{by_code / dict_hit:.1f}x a dict hit", "< 500 ns"))
    rows.append(
        ("warm lookup by name as written", f"{by_name * 1e9:.0f} ns", f"{by_name / dict_hit:.1f}x a dict hit", "< 5 us")
    )
    rows.append(
        (
            "warm lookup by name, any case/accents",
            f"{by_folded * 1e9:.0f} ns",
            f"{by_folded / dict_hit:.1f}x a dict hit",
            "< 5 us",
        )
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.json"
        path.write_text(partnerdata.to_json(synthetic(n), indent=None), encoding="utf-8")
        raw = path.read_bytes()
        size = len(raw) / 1e6
        fastest, fastest_loads = _fastest_parser()
        # The same GC setting on every side: load() turns the collector off while it works.
        gc.disable()
        try:
            plain = best(lambda: json.loads(raw), repeat)
            ours_load = best(lambda: partnerdata.load(path), repeat)
            floor_load = best(lambda: fastest_loads(raw), repeat)
        finally:
            gc.enable()
    rows.append(
        (
            f"load(path) of {n:,} relations ({size:.0f} MB) vs json.loads, GC off both",
            f"{ours_load:.2f} s vs {plain:.2f} s",
            f"{ours_load / plain:.2f}x",
            "<= 4x",
        )
    )
    rows.append(
        (
            f"  same, against {fastest}.loads (floor), GC off both",
            f"{ours_load:.2f} s vs {floor_load:.2f} s",
            f"{ours_load / floor_load:.2f}x",
            "(floor)",
        )
    )

    print(f"partnerdata {partnerdata.__version__}, Python {sys.version.split()[0]}, {runs} runs per process figure\n")
    print("| measure | time | ratio | goal |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
