"""Loading never fails in an unplanned way, and the packaged dataset is loaded once and never harmed."""

import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

import partnerdata
from partnerdata import Dataset, DataValidationError
from partnerdata import strategies as pst
from partnerdata._query import load as _load

PACKAGED = partnerdata.load()
PACKAGED_JSON = partnerdata.to_json(PACKAGED)
TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(autouse=True)
def _packaged_untouched() -> Iterator[None]:
    """After every test here, the cached packaged dataset is the same object, with the same data."""
    yield
    assert _load._packaged is PACKAGED
    assert partnerdata.load() is PACKAGED
    assert partnerdata.to_json(PACKAGED) == PACKAGED_JSON


def write_folder(ds: Dataset, folder: Path) -> Path:
    """Lay a dataset out as a data folder (as the packaged data is), manifest and all."""
    files: dict[str, Any] = {
        "partners.json": [partnerdata.to_dict(p) for p in ds.partners],
        "programmes.json": [partnerdata.to_dict(p) for p in ds.programmes],
        "topics.json": [partnerdata.to_dict(t) for t in ds.topics],
    }
    files.update({f"sources/{s.id}.json": partnerdata.to_dict(s) for s in ds.sources})
    files.update({f"relations/{r.partner}.json": partnerdata.to_dict(r) for r in ds.relations})
    if ds.references:
        files["references.json"] = [partnerdata.to_dict(r) for r in ds.references]
    digests = {}
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
        digests[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {"format": 2, "data_version": ds.data_version, "files": digests}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), "utf-8")
    return folder


@TMP
@given(doc=pst.near_valid_documents(Dataset))
def test_near_valid_files_raise_validation_errors_naming_file_and_path(tmp_path: Path, doc: Any) -> None:
    path = tmp_path / "edition.json"
    path.write_bytes(doc.content if isinstance(doc.content, bytes) else doc.content.encode("utf-8"))
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    problems = caught.value.problems
    assert problems
    assert all(p.file == str(path) for p in problems)
    assert any(p.path.startswith(doc.path) for p in problems), (doc, problems)


@TMP
@given(ds=pst.datasets(max_partners=2))
def test_generated_datasets_load_from_documents_and_folders(tmp_path: Path, ds: Dataset) -> None:
    document = tmp_path / "edition.json"
    document.write_text(partnerdata.to_json(ds), "utf-8")
    assert partnerdata.load(document) == ds
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    for old in folder.rglob("*.json"):
        old.unlink()
    assert partnerdata.load(write_folder(ds, folder)) == ds


@TMP
@given(ds=pst.datasets(min_relations=1, max_partners=2), data=st.data())
def test_a_defect_in_one_file_of_a_folder_names_that_file(tmp_path: Path, ds: Dataset, data: st.DataObject) -> None:
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    for old in folder.rglob("*.json"):
        old.unlink()
    write_folder(ds, folder)
    relation = data.draw(st.sampled_from(ds.relations))
    document = partnerdata.to_dict(relation)
    key = data.draw(st.sampled_from(sorted(document)))
    action = data.draw(st.sampled_from(["delete", "wrong-type", "unknown"]))
    if action == "delete":
        del document[key]
    elif action == "wrong-type":
        document[key] = 12 if isinstance(document[key], str) else "12"
    else:
        document[key + "_extra"] = None
    name = f"relations/{relation.partner}.json"
    (folder / name).write_text(json.dumps(document), "utf-8")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(folder)
    files = {p.file for p in caught.value.problems}
    assert f"{folder}/{name}" in files, caught.value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
RECORD_TYPES = [Dataset, partnerdata.Relation, partnerdata.Partner, partnerdata.Source, partnerdata.Event]


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=[c.__name__ for c in RECORD_TYPES])
def test_arbitrary_json_is_refused_only_with_validation_errors(cls: type) -> None:
    @given(json_values)
    def check(value: Any) -> None:
        with pytest.raises(DataValidationError):
            partnerdata.from_json(cls, json.dumps(value))
        with pytest.raises(DataValidationError):
            partnerdata.from_dict(cls, value)

    check()


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=[c.__name__ for c in RECORD_TYPES])
def test_arbitrary_dicts_with_the_right_keys_are_refused_only_with_validation_errors(cls: type) -> None:
    import attrs

    names = [a.name for a in attrs.fields(cls)]

    @given(st.fixed_dictionaries({name: json_values for name in names}))
    def check(value: dict[str, Any]) -> None:
        problems: tuple[partnerdata.Problem, ...] = ()
        try:
            partnerdata.from_dict(cls, value)
        except DataValidationError as exc:
            problems = exc.problems or (partnerdata.Problem(file=None, path="", message="no problems"),)
        assert all(p.path.startswith("$") for p in problems)

    check()


@TMP
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_in_a_file_are_refused_only_with_validation_errors(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "noise.json"
    path.write_bytes(raw)
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(path)
    assert all(p.file == str(path) for p in caught.value.problems)


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("[" * 100_000 + "]" * 100_000, "$"),
        ('{"data_version": ' + "9" * 10_000 + "}", "$"),
        (b"\xff\xfe{}", "$"),
        ('{"data_version": "x", "partners": [], "programmes": [], "topics": [], "sources": [], "relations": [', "$"),
        (
            '{"data_version": 1e400, "partners": [], "programmes": [], "topics": [], "sources": [], "relations": []}',
            "$.data_version",
        ),
    ],
)
def test_hostile_documents_are_refused_with_their_path(tmp_path: Path, text: str | bytes, path: str) -> None:
    target = tmp_path / "hostile.json"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(DataValidationError) as caught:
        partnerdata.load(target)
    assert any(p.path == path and p.file == str(target) for p in caught.value.problems), caught.value


def test_many_threads_loading_at_once_share_one_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = _load.read_folder
    barrier = threading.Barrier(16)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_load, "_packaged", None)
    monkeypatch.setattr(_load, "read_folder", counting)
    results: list[Dataset] = []
    errors: list[BaseException] = []

    def worker() -> None:
        barrier.wait()
        try:
            results.append(partnerdata.load())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 16
    assert all(r is results[0] for r in results)
    assert len(calls) == 1
    assert results[0] == PACKAGED
    monkeypatch.undo()  # the fixture checks the original cache is back in place
