"""Two mutations that once passed the whole suite (issue #21): each has a test here that fails on it.

- The packaged data's fast path (trusted records, deferred relations) must still check every
  file against the manifest's SHA-256: a file changed after the suite checked the data is refused.
- The fast structuring pass must refuse a string where an array goes; ``tuple("Kyr")`` would
  otherwise become three one-letter aliases that every validator accepts.
"""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import partnerdata
from partnerdata import DataValidationError, Partner, Programme, Relation, Topic
from partnerdata._io import structure as _structure
from partnerdata._io.load import Local
from partnerdata._query import load as _load

PACKAGED = Path(partnerdata.__file__).parent / "data"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PACKAGED, folder)
    return folder


def _touch(path: Path) -> None:
    """Add a space at the end of a data file: the same JSON, other bytes, another SHA-256."""
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")


def test_the_tested_manifest_takes_the_fast_path_and_a_changed_one_does_not(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert _load.packaged_is_tested(Local(str(folder)))
    _touch(folder / "manifest.json")
    assert not _load.packaged_is_tested(Local(str(folder)))


def test_the_fast_path_refuses_a_vocabulary_file_that_does_not_match_its_checksum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The manifest is byte for byte the tested one, so load() takes the trusted path; the file it
    # reads at once (partners.json) differs from what the manifest's SHA-256 vouches for.
    folder = _copy(tmp_path)
    _touch(folder / "partners.json")
    monkeypatch.setattr(_load, "packaged_folder", lambda: Local(str(folder)))
    monkeypatch.setattr(_load, "_packaged", None)
    with pytest.raises(DataValidationError) as info:
        _load.load()
    assert [(p.file, p.path) for p in info.value.problems] == [("partnerdata/data/partners.json", "$")]
    assert info.value.problems[0].message.startswith("checksum mismatch: the manifest says b567")


def test_the_fast_path_refuses_a_deferred_relation_that_does_not_match_its_checksum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy(tmp_path)
    _touch(folder / "relations" / "KGZ.json")
    monkeypatch.setattr(_load, "packaged_folder", lambda: Local(str(folder)))
    monkeypatch.setattr(_load, "_packaged", None)
    ds = _load.load()  # the relations are read when first asked for
    with pytest.raises(DataValidationError) as info:
        ds.relations  # noqa: B018
    found = [(p.file, p.path) for p in info.value.problems]
    assert found == [("partnerdata/data/relations/KGZ.json", "$")]
    assert "checksum mismatch" in info.value.problems[0].message


def _valid(cls: type, key: str) -> dict[str, Any]:
    ds = partnerdata.load()
    record = {Partner: ds.partner, Programme: ds.programme, Topic: ds.topic}[cls](key)
    data: dict[str, Any] = json.loads(partnerdata.to_json(record))
    return data


@pytest.mark.parametrize(("cls", "key"), [(Partner, "KGZ"), (Programme, "PFP"), (Topic, "cyber-defence")])
def test_the_fast_pass_refuses_a_string_where_an_array_of_strings_goes(cls: type, key: str) -> None:
    data = _valid(cls, key)
    _structure.build(cls, data, {})  # the document is valid as written
    data["aliases"] = "Kyr"
    with pytest.raises(_structure.Invalid):
        _structure.build(cls, data, {})
    with pytest.raises(DataValidationError) as info:
        partnerdata.from_dict(cls, data)
    assert [(p.path, p.message) for p in info.value.problems] == [("$.aliases", "expected an array, got 'Kyr'")]


def test_the_fast_pass_refuses_a_string_where_an_array_of_records_goes() -> None:
    data: dict[str, Any] = json.loads(partnerdata.to_json(partnerdata.load().relation("KGZ")))
    data["participations"] = "PFP"
    with pytest.raises(_structure.Invalid):
        _structure.build(Relation, data, {})
