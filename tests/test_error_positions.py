"""Validation errors name the position of an item in the file as the user wrote it (issue #21, item 3).

Records keep sets (aliases, codes, topics, participations, evidence) in a canonical order, and their
validators count items in that order; a user fixing a file needs the position in the file. These
tests write a generated document with every list in another order, break one item at a random
position, and check the path the error gives.
"""

import json
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import Dataset, DataValidationError
from partnerdata.strategies import datasets, partners, programmes, relations, topics

SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)


def _shuffle(value: Any, rng: random.Random) -> None:
    """Put every list of ``value`` in another order, as a user may write it."""
    if isinstance(value, dict):
        for item in value.values():
            _shuffle(item, rng)
    elif isinstance(value, list):
        rng.shuffle(value)
        for item in value:
            _shuffle(item, rng)


def _string_lists(value: Any, path: str) -> list[tuple[str, list[Any]]]:
    """(JSON path, list) of every non-empty list of strings in ``value``."""
    found: list[tuple[str, list[Any]]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _string_lists(item, f"{path}.{key}")
    elif isinstance(value, list):
        if value and all(type(item) is str for item in value):
            found.append((path, value))
        for i, item in enumerate(value):
            found += _string_lists(item, f"{path}[{i}]")
    return found


def _paths(run: Any) -> list[str]:
    try:
        run()
    except DataValidationError as exc:
        return [p.path for p in exc.problems]
    raise AssertionError("the broken document was accepted")


@SLOW
@given(st.one_of(relations(), partners(), programmes(), topics()), st.randoms(use_true_random=False), st.data())
def test_a_broken_item_is_reported_at_its_position_in_the_file(
    record: Any, rng: random.Random, data: st.DataObject
) -> None:
    doc = json.loads(partnerdata.to_json(record))
    _shuffle(doc, rng)
    spots = _string_lists(doc, "$")
    if not spots:
        return  # nothing to break: no list of strings in this record
    path, items = data.draw(st.sampled_from(spots))
    k = data.draw(st.integers(0, len(items) - 1))
    items[k] = ""  # every string of a list must be non-empty
    assert _paths(lambda: partnerdata.from_dict(type(record), doc)) == [f"{path}[{k}]"]


@SLOW
@given(datasets(max_partners=4, max_items=3), st.randoms(use_true_random=False), st.data())
def test_a_problem_the_dataset_finds_is_reported_at_its_position_in_the_file(
    tmp_path_factory: Any, ds: Dataset, rng: random.Random, data: st.DataObject
) -> None:
    # The dataset's own checks see sorted records; the loader places what they find in the file.
    # Either an unknown programme among a partner's frameworks, or an unknown source in the
    # evidence of a participation, whose own lists (focus, evidence) are in another order too.
    doc = json.loads(partnerdata.to_json(ds))
    _shuffle(doc, rng)
    spots: list[tuple[str, list[Any], str]] = [
        (f"$.partners[{i}].frameworks", p["frameworks"], "") for i, p in enumerate(doc["partners"]) if p["frameworks"]
    ]
    spots += [
        (f"$.relations[{i}].participations[{j}].evidence", p["evidence"], "source")
        for i, r in enumerate(doc["relations"])
        for j, p in enumerate(r["participations"])
    ]
    if not spots:
        return
    where, items, key = data.draw(st.sampled_from(spots))
    k = data.draw(st.integers(0, len(items) - 1))
    if key:
        items[k][key] = "no-such-page"
    else:
        items[k] = "ZZZ-UNKNOWN"
    path = Path(tmp_path_factory.mktemp("doc")) / "dataset.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert _paths(lambda: partnerdata.load(path)) == [f"{where}[{k}]" + (f".{key}" if key else "")]


def test_the_example_of_the_issue() -> None:
    """``aliases[0]`` of the file was reported as ``$.aliases[3]``, its place once sorted."""
    doc = json.loads(partnerdata.to_json(partnerdata.load().partner("KGZ")))
    doc["aliases"] = ["\u00a0", "Kirghizie", "Kyrgyz Republic", "Kirghizistan"]  # a no-break space only
    assert _paths(lambda: partnerdata.from_dict(partnerdata.Partner, doc)) == ["$.aliases[0]"]
