"""Regression tests for the defects of issue #10: each test is named after the defect it guards.

Loading: containment in a data folder, strict types through the leaf memo, error reporting linear in
the number of problems, duplicate keys, extra files, unreadable and special files.
"""

import hashlib
import json
import os
import shutil
import sys
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest

import partnerdata
from partnerdata import DataValidationError
from partnerdata._io import convert as _convert
from partnerdata._io import load as _io_load

PACKAGED = partnerdata.load()
POSIX = sys.platform != "win32"


def copy_data(tmp_path: Path) -> Path:
    with as_file(files("partnerdata").joinpath("data")) as source:
        target = tmp_path / "data"
        shutil.copytree(source, target)
    return target


def set_manifest(folder: Path, entries: dict[str, str]) -> None:
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"].update(entries)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def refusal(path: Any) -> list[tuple[str, str, str]]:
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    return [(str(p.file), p.path, p.message) for p in caught.value.problems]


# --- 1. containment -----------------------------------------------------------------------------


def test_manifest_name_matching_only_its_last_alternative_cannot_escape_the_folder(tmp_path: Path) -> None:
    """``topics.jsonx/../../secret`` matched the old pattern's anchored-at-the-start prefix."""
    folder = copy_data(tmp_path)
    secret = b'{"secret": true}'
    (tmp_path / "secret.json").write_bytes(secret)
    for name in ("topics.jsonx/../../secret.json", "partners.json/../../secret.json", "relations/KGZ.json/../x"):
        set_manifest(folder, {name: sha(secret)})
    found = refusal(folder)
    refused = {path for _, path, message in found if "not a data file name" in message}
    assert refused == {
        "$.files['topics.jsonx/../../secret.json']",
        "$.files['partners.json/../../secret.json']",
        "$.files['relations/KGZ.json/../x']",
    }
    # No message is an oracle of the outside file's hash.
    assert not any(sha(secret) in message and "hashes to" in message for _, _, message in found)


def test_manifest_listing_an_unknown_name_is_a_problem_not_a_key_error(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "topics.json.bak").write_bytes(b"[]")
    set_manifest(folder, {"topics.json.bak": sha(b"[]")})
    found = refusal(folder)
    assert any(path == "$.files['topics.json.bak']" and "not a data file name" in m for _, path, m in found), found


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_symlinked_data_file_is_refused_not_followed(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    outside = tmp_path / "outside.json"
    shutil.move(folder / "relations" / "KGZ.json", outside)
    (folder / "relations" / "KGZ.json").symlink_to(outside)
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], p) for f, p, m in found if "symbolic link" in m] == [
        ("relations/KGZ.json", "$")
    ], found


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_symlinked_subfolder_of_a_data_folder_is_refused(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    shutil.move(folder / "sources", tmp_path / "elsewhere")
    (folder / "sources").symlink_to(tmp_path / "elsewhere")
    found = refusal(folder)
    assert {f.rsplit("data/", 1)[-1] for f, _, m in found if "symbolic link" in m} == {
        "sources/nato-kgz-fr.json",
        "sources/nato-tkm-fr.json",
    }


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_symlinked_manifest_is_refused(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    shutil.move(folder / "manifest.json", tmp_path / "manifest.json")
    (folder / "manifest.json").symlink_to(tmp_path / "manifest.json")
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], m) for f, _, m in found] == [
        ("manifest.json", "a symbolic link: refused (data files must be in the folder)")
    ]


def test_a_data_folder_reached_through_a_link_still_loads(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    link = tmp_path / "link"
    link.symlink_to(folder)
    assert partnerdata.load(link) == PACKAGED


# --- 2. the leaf memo ---------------------------------------------------------------------------


def _relation_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(partnerdata.to_json(PACKAGED.relation("KGZ")))
    return document


def _evidence_dicts(value: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(value, dict):
        if "quote" in value and "section" in value:
            found.append(value)
        for v in value.values():
            found += _evidence_dicts(v)
    elif isinstance(value, list):
        for v in value:
            found += _evidence_dicts(v)
    return found


@pytest.mark.parametrize(("field", "bad"), [("section", True), ("section", 1.0), ("item", False), ("item", 0.0)])
def test_leaf_memo_type_confusion_true_equals_one_is_refused_after_an_equal_record(field: str, bad: Any) -> None:
    """True == 1 == 1.0 hash alike: a memo keyed by value let ``"section": true`` in after a ``1``."""
    document = _relation_document()
    evidence = _evidence_dicts(document)
    # Find a value of ``field`` equal to ``bad`` (1 or 0) in an early evidence, and repeat that
    # evidence later with the bad type.
    first = next(e for e in evidence if e[field] == bad and type(e[field]) is int)
    last = evidence[-1]
    last.clear()
    last.update(first, **{field: bad})
    with pytest.raises(DataValidationError) as caught:
        partnerdata.from_dict(partnerdata.Relation, document)
    assert any(p.path.endswith(f".{field}") for p in caught.value.problems), caught.value


def test_leaf_memo_type_confusion_float_year_is_refused_in_a_dataset() -> None:
    document = json.loads(partnerdata.to_json(PACKAGED))
    dates = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if set(value) == {"year", "month", "day"}:
                dates.append(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(document)
    dates[-1].clear()
    dates[-1].update(dates[0], year=float(dates[0]["year"]))
    with pytest.raises(DataValidationError, match="expected an integer"):
        partnerdata.from_dict(partnerdata.Dataset, document)


# --- 3. linear error reporting ------------------------------------------------------------------


def test_quadratic_in_document_structures_each_kind_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One problem per relation used to re-structure the whole document per problem."""
    from partnerdata._query.synthetic import synthetic

    ds = synthetic(60)
    document = json.loads(partnerdata.to_json(ds))
    broken = [i for i, r in enumerate(document["relations"]) if r["events"]][::2]
    for i in broken:
        document["relations"][i]["events"][0]["partners"] = ["XYZ"]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document))
    calls: list[object] = []
    real = _convert.structure

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(_io_load, "structure", counting)
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    # The oracle: exactly the events we broke, at their positions in the file.
    assert sorted(p.path for p in caught.value.problems) == sorted(
        f"$.relations[{i}].events[0].partners[0]" for i in broken
    )
    assert len(calls) <= 2, calls  # the document once, the relations once to place every problem


def test_quadratic_place_in_a_folder_sorts_each_kind_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from partnerdata._query.synthetic import synthetic

    ds = synthetic(30)
    document = json.loads(partnerdata.to_json(ds))
    broken = {r["partner"] for r in document["relations"] if r["events"]}
    for r in document["relations"]:
        if r["partner"] in broken:
            r["events"][0]["partners"] = ["XYZ"]
    folder = tmp_path / "data"
    entries = {}
    for kind in ("partners", "programmes", "topics"):
        entries[f"{kind}.json"] = json.dumps(document[kind]).encode()
    for s in document["sources"]:
        entries[f"sources/{s['id']}.json"] = json.dumps(s).encode()
    for r in document["relations"]:
        entries[f"relations/{r['partner']}.json"] = json.dumps(r).encode()
    for name, data in entries.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    manifest = {"format": 1, "data_version": "x", "files": {n: sha(d) for n, d in entries.items()}}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    sorts: list[str] = []
    real = _io_load._Placer._order

    def counting(self: Any, kind: str) -> Any:
        if kind not in self.orders:
            sorts.append(kind)
        return real(self, kind)

    monkeypatch.setattr(_io_load._Placer, "_order", counting)
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(folder)
    assert sorted((p.file.rsplit("/", 2)[-2:], p.path) for p in caught.value.problems) == sorted(  # type: ignore[union-attr]
        (["relations", f"{code}.json"], "$.events[0].partners[0]") for code in broken
    )
    assert sorts == ["relations"]


# --- 6. unreadable input, names -----------------------------------------------------------------


def test_load_empty_path_is_refused_not_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(copy_data(tmp_path))  # a valid data folder that "" would have loaded
    with pytest.raises(DataValidationError, match="empty path"):
        partnerdata.load("")


@pytest.mark.skipif(not POSIX, reason="FIFOs")
def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert refusal(fifo) == [(str(fifo), "$", "not a regular file or a folder")]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_into_memory() -> None:
    assert refusal("/dev/zero") == [("/dev/zero", "$", "not a regular file or a folder")]


@pytest.mark.skipif(not POSIX, reason="FIFOs")
def test_fifo_listed_in_a_manifest_is_refused(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "topics.json").unlink()
    os.mkfifo(folder / "topics.json")
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], m) for f, _, m in found] == [
        ("topics.json", "listed in the manifest but missing")
    ]


def test_over_long_path_is_a_validation_error() -> None:
    name = "x" * 5000 + ".json"
    found = refusal(name)
    assert len(found) == 1 and found[0][1] == "$" and found[0][2].startswith("cannot read"), found


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="permissions (root reads everything)")
def test_unreadable_file_in_a_folder_is_a_problem_not_a_permission_error(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "relations" / "KGZ.json").chmod(0)
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], p, m) for f, p, m in found] == [
        ("relations/KGZ.json", "$", "cannot read: Permission denied")
    ]


# --- 7. silent acceptance -----------------------------------------------------------------------


def test_duplicate_json_keys_are_refused_with_their_path(tmp_path: Path) -> None:
    text = partnerdata.to_json(PACKAGED.relation("KGZ"))
    # Repeat the first key of the document and of its first participation.
    text = text.replace('{\n  "partner": "KGZ",', '{\n  "partner": "KGZ",\n  "partner": "TKM",', 1)
    with pytest.raises(DataValidationError) as caught:
        partnerdata.from_json(partnerdata.Relation, text)
    assert [(p.path, p.message) for p in caught.value.problems] == [("$.partner", "duplicate key 'partner'")]
    doc = '{"a": [{"x": 1, "y": 2, "x": 3}], "b": 1, "b": 2}'
    with pytest.raises(DataValidationError) as caught:
        _convert.parse_json(doc, file="f.json")
    # An object's own repeated keys first, then those of what it holds, in order.
    assert [str(p) for p in caught.value.problems] == [
        "f.json: $.b: duplicate key 'b'",
        "f.json: $.a[0].x: duplicate key 'x'",
    ]


@pytest.mark.parametrize(
    "extra", ["KAZ.json.bak", "relations/kaz.json", "relations/KAZ.json~", "sources/x.txt", "misc"]
)
def test_extra_files_in_a_data_folder_are_reported(tmp_path: Path, extra: str) -> None:
    folder = copy_data(tmp_path)
    target = folder / extra
    if extra == "misc":
        target.mkdir()
    else:
        target.write_text("[]")
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], m) for f, _, m in found] == [(extra, "not listed in the manifest")]
