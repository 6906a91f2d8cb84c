"""Time ``partnerdata.diff`` on two generated editions of N partner relations, against a floor and peers.

Both editions are generated deterministically (seeded, by the shared generator
``partnerdata._query.synthetic``, as the strategies and synthetic datasets are) and built
separately, so they share no objects; 1 % of the relations are changed (one or two field edits),
added or removed. Every contender runs in this one process on the same inputs, gets the same
warm-up (one untimed run) and the same number of timed runs (the median is shown), and its result
is checked against the true set of changed keys:

- ``floor``: a minimal hand-written loop over the two editions indexed by partner, ``==`` per pair;
- ``partnerdata``: ``partnerdata.diff`` of the two tuples of relations (typed, field-level changes);
- ``dictdiffer``: ``dictdiffer.diff`` of the dict forms ``{partner: to_dict(relation)}``;
- ``jsonpatch``: ``jsonpatch.make_patch`` of the same dict forms;
- ``deepdiff``: ``DeepDiff(..., ignore_order=True)`` of the same dict forms, its mode for lists
  whose order means nothing (evidence, codes), with the cache its optimisation guide recommends
  for nested data under ``ignore_order`` (``cache_size=5000``, ``cache_purge_level=0``);
- ``deepdiff keyed``: ``DeepDiff(..., group_by="partner")`` of the lists of dict forms, its keyed
  mode (records paired by key), with ``zip_ordered_iterables=True``, which its guide gives as the
  faster way to compare lists in order.

partnerdata skips the pairs of records that are equal before it looks inside any (one ``==`` per
pair). Each peer is given the same one-line pre-filter on the dict forms (the time of the
pre-filter is counted in the peer's time); dictdiffer and jsonpatch are also shown without it.

The editions are tuples of relations, not datasets: a dataset needs a partner per relation, and
partner codes are ISO alpha-3 codes (at most 17,576 of them), so relations are generated with
record validators switched off (``attrs.validators.set_disabled``) and codes such as ``P000123``.

    python benchmarks/diff.py                # N = 1,000, 10,000, 100,000
    python benchmarks/diff.py --quick        # a smoke test with tiny sizes
"""

import argparse
import gc
import itertools
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


Forms = dict[str, dict[str, Any]]


def prefiltered(a: Forms, b: Forms) -> tuple[Forms, Forms]:
    """The pairs that are not equal, and the records on one side only: what partnerdata looks into."""
    return {k: v for k, v in a.items() if b.get(k) != v}, {k: v for k, v in b.items() if a.get(k) != v}


def _dictdiffer(a: Forms, b: Forms) -> set[str]:
    keys: set[str] = set()
    for _, path, payload in dictdiffer.diff(a, b):
        if path in ("", []):
            keys.update(k for k, _ in payload)
        else:
            keys.add(path.split(".")[0] if isinstance(path, str) else str(path[0]))
    return keys


def _jsonpatch(a: Forms, b: Forms) -> set[str]:
    keys: set[str] = set()
    for op in jsonpatch.make_patch(a, b):
        keys.add(op["path"].split("/")[1])
        if "from" in op:  # a move or copy between records touches both
            keys.add(op["from"].split("/")[1])
    return keys


def with_dictdiffer(e: Editions) -> set[str]:
    return _dictdiffer(*prefiltered(e.dict_a, e.dict_b))


def with_jsonpatch(e: Editions) -> set[str]:
    return _jsonpatch(*prefiltered(e.dict_a, e.dict_b))


def with_dictdiffer_whole(e: Editions) -> set[str]:
    return _dictdiffer(e.dict_a, e.dict_b)


def with_jsonpatch_whole(e: Editions) -> set[str]:
    return _jsonpatch(e.dict_a, e.dict_b)


def with_deepdiff(e: Editions) -> set[str]:
    a, b = prefiltered(e.dict_a, e.dict_b)
    return _deepdiff_keys(DeepDiff(a, b, ignore_order=True, cache_size=5000, cache_purge_level=0))


def with_deepdiff_keyed(e: Editions) -> set[str]:
    # group_by pairs the records of two lists by a key, as partnerdata pairs relations by partner.
    a, b = prefiltered(e.dict_a, e.dict_b)
    return _deepdiff_keys(DeepDiff(list(a.values()), list(b.values()), group_by="partner", zip_ordered_iterables=True))


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
    run(e)  # the same warm-up for every contender: one untimed run
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


# name, function, whether it gets the pre-filter
CONTENDERS: list[tuple[str, Callable[[Editions], set[str]], str]] = [
    ("floor", floor, "(its own loop)"),
    ("partnerdata", ours, "(built in)"),
    ("dictdiffer", with_dictdiffer, "yes"),
    ("jsonpatch", with_jsonpatch, "yes"),
    ("deepdiff", with_deepdiff, "yes"),
    ("deepdiff keyed", with_deepdiff_keyed, "yes"),
    ("dictdiffer, whole editions", with_dictdiffer_whole, "no"),
    ("jsonpatch, whole editions", with_jsonpatch_whole, "no"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--deepdiff-max", type=int, default=10_000, help="largest N to run deepdiff on (it is slow)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one repeat: a smoke test")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats = [100, 300], 1
    print(
        f"python {sys.version.split()[0]}, partnerdata {partnerdata.__version__}, 1 % of relations touched; "
        f"each contender: one warm-up run, then the median of {args.repeats} (3 from N = 100,000)\n"
    )
    rows: dict[int, dict[str, tuple[float, bool]]] = {}
    wrong_at: list[str] = []
    for n in args.sizes:
        e = Editions(n)
        row = rows[n] = {}
        for name, run, _ in CONTENDERS:
            if name.startswith("deepdiff") and n > args.deepdiff_max:
                continue
            row[name] = _time(name, run, e, 3 if n >= 100_000 else args.repeats)
            if not row[name][1]:
                missed, spurious = len(e.truth - found_by[name]), len(found_by[name] - e.truth)
                wrong_at.append(f"{name} at N={n:,}: missed {missed}, spurious {spurious}")
    columns = ["contender", "pre-filter"]
    for n in args.sizes:
        columns += [f"N = {n:,}", "/ partnerdata"]
    columns.append("exact")
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for name, _, filtered in CONTENDERS:
        cells = [name, filtered]
        for n in args.sizes:
            row = rows[n]
            if name in row:
                ratio = row[name][0] / row["partnerdata"][0]
                cells += [_fmt(row[name][0]), "1" if name == "partnerdata" else f"{ratio:.2f}"]
            else:
                cells += ["–", "–"]
        exact = all(row[name][1] for row in rows.values() if name in row)
        cells.append("yes" if exact else "NO")
        print("| " + " | ".join(cells) + " |")
    for line in wrong_at:
        print(f"  {line}")
    mine = [rows[n]["partnerdata"][0] for n in args.sizes]
    if len(mine) > 1:
        growth = ", ".join(f"{b / a:.1f}" for a, b in itertools.pairwise(mine))
        print(f"\npartnerdata time growth from one size to the next: {growth}")
    return 0 if not wrong_at else 1


if __name__ == "__main__":
    sys.exit(main())
