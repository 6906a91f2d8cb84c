"""Time ``partnerdata.diff`` on two generated editions of N partner relations, against a floor and peers.

Both editions are generated deterministically (seeded, by the shared generator
``partnerdata._query.synthetic``, as the strategies and synthetic datasets are) and built
separately, so they share no objects; 1 % of the relations are changed (one or two field edits), added or removed. Every
contender runs in this one process on the same inputs, and its result is checked against the true
set of changed keys:

- ``floor``: a minimal hand-written loop over the two editions indexed by partner, ``==`` per pair;
- ``partnerdata``: ``partnerdata.diff`` of the two tuples of relations (typed, field-level changes);
- ``dictdiffer``: ``dictdiffer.diff`` of the dict forms ``{partner: to_dict(relation)}``;
- ``jsonpatch``: ``jsonpatch.make_patch`` of the same dict forms;
- ``deepdiff``: ``DeepDiff(..., ignore_order=True)`` of the same dict forms (up to ``--deepdiff-max``),
  its mode for lists whose order means nothing (evidence, codes);
- ``deepdiff keyed``: ``DeepDiff(..., group_by="partner")`` of the lists of dict forms, its keyed
  mode (records paired by key, lists inside compared in order), which is faster.

The editions are tuples of relations, not datasets: a dataset needs a partner per relation, and
partner codes are ISO alpha-3 codes (at most 17,576 of them), so relations are generated with
record validators switched off (``attrs.validators.set_disabled``) and codes such as ``P000123``.

    python benchmarks/diff.py                # N = 1,000, 10,000, 100,000
    python benchmarks/diff.py --quick        # a smoke test with tiny sizes
"""

import argparse
import gc
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs
import dictdiffer  # type: ignore[import-untyped]
import jsonpatch
from deepdiff import DeepDiff

import partnerdata
from partnerdata import Relation, Source
from partnerdata._query import synthetic as synth


def _relation(code: str, seed: int, around: tuple[str, ...]) -> tuple[Relation, Source]:
    """The relation of partner ``code`` and its page: equal (not the same objects) for the same code and seed.

    Each partner has its own seeded generator, so an edition can be rebuilt relation by relation.
    """
    c = synth.RandomChooser(random.Random(f"{seed}-{code}"))
    partner = synth.invented_partner(alpha3=code, alpha2=None, stem=code, endings={"fr": ""})
    intro, sections = synth.page_parts(c, "fr", 3)
    page_id = f"nato-{code.lower()}-fr"
    page = synth.source_page(id=page_id, partner=partner, language="fr", intro=intro, sections=sections)
    ctx = synth.RelationContext(
        partner=code,
        partners=around,
        programmes=_PROGRAMMES,
        topics=_TOPICS,
        evidence=tuple(synth.evidence_in(page)),
        language_of={page.id: "fr"},
        languages=("fr", "en"),
        min_year=1991,
        max_year=2024,
        max_items=3,
    )
    return synth.relation(c, ctx), page


_PACKAGED = partnerdata.load()
_PROGRAMMES = tuple(p for p in _PACKAGED.programmes if p.kind != "operation")
_TOPICS = tuple(t.code for t in _PACKAGED.topics)


class Editions:
    """Two editions of ``n`` relations and the truth about which keys differ."""

    def __init__(self, n: int, changed: float = 0.01, seed: int = 42) -> None:
        rnd = random.Random(seed)
        codes = [f"P{i:06d}" for i in range(n)]
        k = max(5, round(n * changed))
        touched = rnd.sample(codes, k)
        self.removed = set(touched[: k // 5])
        edited = set(touched[2 * (k // 5) :])
        self.added = {f"Q{i:06d}" for i in range(k // 5)}
        old: dict[str, Relation] = {}
        new: dict[str, Relation] = {}
        with attrs.validators.disabled():  # partner codes beyond the 17,576 alpha-3 codes
            for i, code in enumerate(codes):
                around = tuple(codes[max(0, i - 2) : i + 3])
                old[code] = _relation(code, seed, around)[0]
                if code in self.removed:
                    continue
                relation, page = _relation(code, seed, around)  # built again: the editions share no objects
                if code in edited:
                    chooser = synth.RandomChooser(random.Random(f"{seed}-edit-{code}"))
                    for _ in range(rnd.randint(1, 2)):
                        relation = synth.edited(chooser, relation, [page])
                new[code] = relation
            for code in sorted(self.added):
                new[code] = _relation(code, seed, (code,))[0]
        self.changed = {c for c in edited if c in new and new[c] != old[c]}
        self.truth = self.added | self.removed | self.changed
        self.a = tuple(old.values())
        self.b = tuple(new[c] for c in sorted(new))
        self.dict_a = {r.partner: partnerdata.to_dict(r) for r in self.a}
        self.dict_b = {r.partner: partnerdata.to_dict(r) for r in self.b}


def floor(e: Editions) -> set[str]:
    old = {r.partner: r for r in e.a}
    new = {r.partner: r for r in e.b}
    found = []
    for k, x in old.items():
        y = new.get(k)
        if y is None or x != y:
            found.append(k)
    found.extend(k for k in new if k not in old)
    return set(found)


def ours(e: Editions) -> set[str]:
    return {c.path[0] for c in partnerdata.diff(e.a, e.b)}


def with_dictdiffer(e: Editions) -> set[str]:
    keys: set[str] = set()
    for _, path, payload in dictdiffer.diff(e.dict_a, e.dict_b):
        if path in ("", []):
            keys.update(k for k, _ in payload)
        else:
            keys.add(path.split(".")[0] if isinstance(path, str) else str(path[0]))
    return keys


def with_jsonpatch(e: Editions) -> set[str]:
    keys: set[str] = set()
    for op in jsonpatch.make_patch(e.dict_a, e.dict_b):
        keys.add(op["path"].split("/")[1])
        if "from" in op:  # a move or copy between records touches both
            keys.add(op["from"].split("/")[1])
    return keys


def with_deepdiff(e: Editions) -> set[str]:
    return _deepdiff_keys(DeepDiff(e.dict_a, e.dict_b, ignore_order=True))


def with_deepdiff_keyed(e: Editions) -> set[str]:
    # group_by pairs the records of two lists by a key, as partnerdata pairs relations by partner.
    return _deepdiff_keys(DeepDiff(list(e.dict_a.values()), list(e.dict_b.values()), group_by="partner"))


def _deepdiff_keys(result: Any) -> set[str]:
    keys: set[str] = set()
    for items in result.values():
        for path in items:
            match = re.match(r"root\['([^']+)'\]", str(path))
            if match:
                keys.add(match.group(1))
    return keys


found_by: dict[str, set[str]] = {}


def _time(name: str, run: Callable[[Editions], set[str]], e: Editions, repeats: int) -> tuple[float, bool]:
    times = []
    found: set[str] = set()
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        found = run(e)
        times.append(time.perf_counter() - start)
        if times[-1] > 10:
            break
    found_by[name] = found
    return statistics.median(times), found == e.truth


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--deepdiff-max", type=int, default=10_000, help="largest N to run deepdiff on (it is slow)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repeat: a smoke test")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [100, 300], 1
    contenders: list[tuple[str, Callable[[Editions], set[str]]]] = [
        ("floor", floor),
        ("partnerdata", ours),
        ("dictdiffer", with_dictdiffer),
        ("jsonpatch", with_jsonpatch),
        ("deepdiff", with_deepdiff),
        ("deepdiff keyed", with_deepdiff_keyed),
    ]
    print(
        f"python {sys.version.split()[0]}, partnerdata {partnerdata.__version__}, 1 % of relations touched, "
        f"median of {args.repeats}\n"
    )
    columns = ["N", "floor", "partnerdata", "ours / floor", "dictdiffer", "/ ours", "jsonpatch", "/ ours", "deepdiff"]
    columns += ["/ ours", "deepdiff keyed", "/ ours", "exact"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    ok = True
    previous: float | None = None
    growth = []
    for n in args.sizes:
        e = Editions(n)
        floor(e), ours(e)  # warm up
        row: dict[str, tuple[float, bool]] = {}
        for name, run in contenders:
            if name.startswith("deepdiff") and n > args.deepdiff_max:
                continue
            slow = name.startswith("deepdiff")
            row[name] = _time(name, run, e, 1 if slow else (3 if n >= 100_000 else args.repeats))
        mine = row["partnerdata"][0]
        wrong = [name for name, (_, good) in row.items() if not good]
        ok = ok and not wrong
        cells = [f"{n:,}", _fmt(row["floor"][0]), _fmt(mine), f"{mine / row['floor'][0]:.2f}"]
        for name in ("dictdiffer", "jsonpatch", "deepdiff", "deepdiff keyed"):
            cells += [_fmt(row[name][0]), f"{row[name][0] / mine:.0f}×"] if name in row else ["–", "–"]
        cells.append("yes" if not wrong else "NO: " + ", ".join(wrong))
        print("| " + " | ".join(cells) + " |")
        for name in wrong:
            missed, spurious = len(e.truth - found_by[name]), len(found_by[name] - e.truth)
            print(f"  {name} at N={n}: missed {missed}, spurious {spurious}")
        if previous is not None:
            growth.append(f"{mine / previous:.1f}")
        previous = mine
    if growth:
        print(f"\npartnerdata time growth from one size to the next: {' , '.join(growth)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
