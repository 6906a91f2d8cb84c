"""Benchmark of the query engine: a query's cost grows with its result, not with the dataset.

Builds a synthetic dataset (10,000 partners by default, through the public ``Dataset``
constructor with its integrity checks), times each question's first call and then its warm calls,
and prints a table of the cost per call against the result size. The first question of a kind
(participants, cooperating, milestones) is answered by a scan; the second of that kind builds the
indexes it draws from, so a "first call" in the table is either a scan or an index build.

    python benchmarks/query.py            # 10,000 partners
    python benchmarks/query.py --quick    # 200 partners, a smoke run
"""

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from partnerdata._query.synthetic import synthetic


def _time(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def _size(result: Any) -> str:
    if hasattr(result, "yes"):
        return f"{len(result.yes)}/{len(result.no)}/{len(result.unknown)}"
    unknown = len(result.unknown)
    return f"{len(result)}" + (f" (+{unknown} unknown)" if unknown else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partners", type=int, default=10_000, help="dataset size (default 10,000)")
    parser.add_argument("--quick", action="store_true", help="a tiny smoke run (200 partners, 3 repeats)")
    parser.add_argument("--repeat", type=int, default=20, help="warm calls per query; the best is reported")
    args = parser.parse_args(argv)
    n = 200 if args.quick else args.partners
    repeat = 3 if args.quick else args.repeat

    start = time.perf_counter()
    ds = synthetic(n, seed=0)
    print(f"dataset: {n} partners, built and checked in {time.perf_counter() - start:.2f} s")
    some = ds.partners[n // 2].alpha3
    queries: list[tuple[str, Callable[[], Any]]] = [
        ("participants('PFP')", lambda: ds.participants("PFP")),
        ("participants('PFP', since=2023)", lambda: ds.participants("PFP", since=2023)),
        ("participants('SPS', topic='cyber-defence')", lambda: ds.participants("SPS", topic="cyber-defence")),
        (f"participants(partner={some!r})", lambda: ds.participants(partner=some)),
        ("cooperating('cyber-defence')", lambda: ds.cooperating("cyber-defence")),
        (f"cooperating('science', partner={some!r})", lambda: ds.cooperating("science", partner=some)),
        ("stance('forces')", lambda: ds.stance("forces")),
        ("milestones('relations', until=1992)", lambda: ds.milestones("relations", until=1992)),
        ("timeline(2024, 2024)", lambda: ds.timeline(2024, 2024)),
        (f"timeline(partner={some!r})", lambda: ds.timeline(partner=some)),
        ("search('mot042')", lambda: ds.search("mot042")),
        ("search('cooperation')", lambda: ds.search("cooperation")),
        ("as_of(1995).participants('PFP')", lambda: ds.as_of(1995).participants("PFP")),
    ]
    print(f"{'query':<46} {'first call':>11} {'warm call':>10} {'result':>18} {'warm µs/record':>15}")
    for name, call in queries:
        first, _ = _time(call, 1)
        warm, result = _time(call, repeat)
        records = len(result) + len(result.unknown) if not hasattr(result, "yes") else n
        per = warm * 1e6 / max(records, 1)
        print(f"{name:<46} {first * 1e3:>9.2f}ms {warm * 1e3:>8.3f}ms {_size(result):>18} {per:>15.2f}")
    _first_against_a_scan(n)
    return 0


def _first_against_a_scan(n: int) -> None:
    """The first question of a fresh dataset against a plain scan of its records for the same answer.

    The floor builds the same answer records (one Membership per PFP participation, sorted) by
    walking every relation, with no index: what a user without the engine would write. Both run
    with the garbage collector as users have it (on), on the same dataset, the scan second, after
    one untimed walk over every participation: whichever ran first would otherwise pay alone for
    bringing 10,000 records into the processor's caches. The second question of the same kind
    (which builds the indexes) is timed too, as where the cost went.
    """
    from partnerdata._model.results import Membership

    ds = synthetic(n, seed=1)
    sum(len(r.participations) for r in ds.relations)  # the warm-up walk
    start = time.perf_counter()
    answer = ds.participants("PFP")
    first = time.perf_counter() - start
    start = time.perf_counter()
    scanned = sorted(
        (
            Membership(
                partner=r.partner,
                programme=p.programme,
                since=p.since,
                until=p.until,
                suspended=p.suspended,
                resumed=p.resumed,
                focus=p.focus,
                evidence=p.evidence,
            )
            for r in ds.relations
            for p in r.participations
            if p.programme == "PFP"
        ),
        key=lambda m: (m.since is None, m.partner),
    )
    scan = time.perf_counter() - start
    # The same answer records (in another order), or the ratio means nothing.
    assert sorted(scanned, key=lambda m: m.partner) == sorted([*answer, *answer.unknown], key=lambda m: m.partner)
    start = time.perf_counter()
    ds.participants("SPS")
    second = time.perf_counter() - start
    print(
        f"\nfirst participants('PFP') on a fresh dataset: {first * 1e3:.1f} ms; "
        f"plain scan of the records for the same answer (floor): {scan * 1e3:.1f} ms; {first / scan:.2f}x the floor"
        f"\nsecond question of that kind, participants('SPS'), which builds the indexes: {second * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(main())
