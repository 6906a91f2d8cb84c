"""Benchmark of the partner-year panel: its cost against a floor, and how it grows with the partners.

    python benchmarks/panel.py            # the figures in the README
    python benchmarks/panel.py --quick    # a smoke run (what the test suite does)

1. A panel of 60 synthetic partners x 35 years, warm (the dataset built and asked once before):
   against a floor, the bare filling of the same columns with one value per partner (what any
   column-by-column build must do at least), and against a brute-force oracle, no peer: one
   ``as_of(year)`` question per partner, year and programme column, the way a test checks cells
   (it fills the programme columns only, fewer than the panel). Every contender gets one untimed
   warm-up run and the best of the same number of timed runs, over all 60 partners (goal: under
   50 ms).
2. Synthetic datasets of 1,000, 3,000 and 10,000 partners x 35 years: time per row at each size
   against the floor's, and against the smallest size's (linear: the per-row cost stays flat).
"""

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import partnerdata
from partnerdata._query.synthetic import synthetic

START, END = 1990, 2024


def best(fn: Callable[[], object], repeat: int) -> float:
    """The best of ``repeat`` timings of ``fn()``, in seconds, after one untimed warm-up run and a collection."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)


def floor(ds: Any, columns: int) -> list[list[Any]]:
    """The same number of columns and rows, each partner's stretch filled with one value."""
    n = END - START + 1
    out: list[list[Any]] = [[] for _ in range(columns)]
    for p in ds.partners:
        for column in out:
            column += [p.alpha3] * n
    return out


def brute_force(ds: Any) -> None:
    """Each programme cell of every partner from an ``as_of`` question: an oracle, not a peer."""
    codes = [p.code for p in ds.programmes]
    for p in ds.partners:
        for year in range(START, END + 1):
            snap = ds.as_of(year)
            for code in codes:
                snap.participants(code, partner=p.alpha3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats: checks the script works")
    args = parser.parse_args()
    sizes, repeat = ((100, 300), 1) if args.quick else ((1_000, 3_000, 10_000), 5)
    base = partnerdata.load()

    ds = synthetic(10 if args.quick else 60, seed=0, base=base)
    panel = ds.panel(START, END)  # warm: the dataset's lookups built once
    warm = best(lambda: ds.panel(START, END), repeat)
    bare = best(lambda: floor(ds, len(panel.columns)), repeat)
    naive = best(lambda: brute_force(ds), repeat)
    frame = best(panel.to_pandas, repeat)
    print(
        f"panel of {len(ds.partners)} partners x {END - START + 1} years: "
        f"{len(panel)} rows, {len(panel.columns)} columns"
    )
    print(f"{'measure':<44} {'time':>10} {'ratio':>12} {'goal':>10}")
    print(f"{'ds.panel(1990, 2024), warm':<44} {warm * 1e3:>8.2f}ms {'':>12} {'< 50 ms':>10}")
    print(f"{'  floor: the columns filled, no rule':<44} {bare * 1e3:>8.2f}ms {warm / bare:>10.1f}x {'':>10}")
    slower = f"{naive / warm:.0f}x slower"
    print(f"{'  oracle: as_of per programme cell':<44} {naive * 1e3:>8.0f}ms {slower:>12} {'':>10}")
    print(f"{'panel.to_pandas()':<44} {frame * 1e3:>8.2f}ms {'':>12} {'':>10}")

    # The packaged data, every partner, 1991 to the data's year, with the per-year state codes:
    # cold is the first panel of a freshly loaded dataset (its lookups not built yet).
    year = 2026
    fresh = partnerdata.load(Path(partnerdata.__file__).parent / "data")  # a new dataset, not the shared one
    began = time.perf_counter()
    packaged = fresh.panel(1991, year)
    cold = time.perf_counter() - began
    hot = best(lambda: fresh.panel(1991, year), repeat * 4)
    bare = best(lambda: floor(fresh, len(packaged.columns)), repeat * 4)
    label = f"packaged panel 1991-{year}, {len(fresh.partners)} partners"
    print(f"{label + ', cold':<44} {cold * 1e3:>8.2f}ms {cold / bare:>10.1f}x {'< 50 ms':>10}")
    print(f"{label + ', warm':<44} {hot * 1e3:>8.2f}ms {hot / bare:>10.1f}x {'< 10 ms':>10}")

    print()
    head = ("partners", "rows", "panel", "µs/row", "floor", "/ floor", "µs/row vs first")
    print("{:>9} {:>8} {:>10} {:>8} {:>10} {:>8} {:>16}".format(*head))
    first: float | None = None
    for n in sizes:
        big = synthetic(n, seed=0, base=base)
        big.panel(START, END)
        took = best(lambda big=big: big.panel(START, END), repeat)  # type: ignore[misc]
        bare = best(lambda big=big: floor(big, len(panel.columns)), repeat)  # type: ignore[misc]
        rows = n * (END - START + 1)
        per = took * 1e6 / rows
        first = per if first is None else first
        print(
            f"{n:>9,} {rows:>8,} {took * 1e3:>8.1f}ms {per:>8.3f} {bare * 1e3:>8.1f}ms "
            f"{took / bare:>7.1f}x {per / first:>15.2f}x"
        )


if __name__ == "__main__":
    main()
