"""Loading: the packaged data once and shared, users' files and folders whole or not at all."""

import hashlib
import json
import shutil
import threading
from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import attrs
import pytest

import partnerdata
from partnerdata import Dataset, DataValidationError

PACKAGED = partnerdata.load()


def copy_data(tmp_path: Path) -> Path:
    with as_file(files("partnerdata").joinpath("data")) as source:
        target = tmp_path / "data"
        shutil.copytree(source, target)
    return target


def rewrite(folder: Path, name: str, change: Callable[[Any], Any], *, fix_manifest: bool = True) -> None:
    """Edit one JSON file of a data folder, then (by default) refresh its checksum in the manifest."""
    path = folder / name
    path.write_text(json.dumps(change(json.loads(path.read_text("utf-8"))), ensure_ascii=False, indent=2))
    if fix_manifest:
        manifest_path = folder / "manifest.json"
        manifest = json.loads(manifest_path.read_text("utf-8"))
        manifest["files"][name] = hashlib.sha256(path.read_bytes()).hexdigest()
        manifest_path.write_text(json.dumps(manifest, indent=2))


def problems(exc: pytest.ExceptionInfo[DataValidationError]) -> list[tuple[str | None, str, str]]:
    return [(p.file.rsplit("data/", 1)[-1] if p.file else None, p.path, p.message) for p in exc.value.problems]


def test_packaged_dataset_is_parsed_once_and_shared() -> None:
    assert partnerdata.load() is PACKAGED
    results: list[Dataset] = []
    threads = [threading.Thread(target=lambda: results.append(partnerdata.load())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is PACKAGED for r in results)


def test_no_caller_can_change_what_another_sees() -> None:
    kgz = PACKAGED.relation("KGZ")
    before = partnerdata.to_json(PACKAGED)
    with pytest.raises(AttributeError):
        kgz.participations.append(None)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        PACKAGED.partners = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        object.__setattr__(kgz.stance, "nope", 1)
    assert partnerdata.to_json(partnerdata.load()) == before


def test_folder_and_document_load_like_the_packaged_data(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    assert partnerdata.load(folder) == PACKAGED
    assert partnerdata.load(str(folder)) is not PACKAGED
    document = tmp_path / "all.json"
    document.write_text(partnerdata.to_json(PACKAGED), encoding="utf-8")
    assert partnerdata.load(document) == PACKAGED


def first_relation_change(change: Callable[[dict[str, Any]], None]) -> Callable[[Any], Any]:
    def apply(data: Any) -> Any:
        change(data)
        return data

    return apply


@pytest.mark.parametrize(
    ("name", "change", "expected"),
    [
        (
            "relations/KGZ.json",
            lambda d: d["participations"][4].update(since="1993"),
            ("relations/KGZ.json", "$.participations[4].since", "expected an integer, got '1993'"),
        ),
        (
            "relations/KGZ.json",
            lambda d: d["relations_since"].pop("via"),
            ("relations/KGZ.json", "$.relations_since.via", "required field missing"),
        ),
        (
            "relations/KGZ.json",
            lambda d: d["stance"].update(forces=True),
            ("relations/KGZ.json", "$.stance.forces", "unknown field"),
        ),
        (
            "relations/KGZ.json",
            lambda d: d["participations"][0].update(programme="NOPE"),
            ("relations/KGZ.json", "$.participations[0].programme", "unknown programme 'NOPE'"),
        ),
        (
            "relations/TKM.json",
            lambda d: d["statements"][0]["evidence"].update(quote="Autre chose."),
            ("relations/TKM.json", "$.statements[0].evidence.quote", "does not match sentence 0.1.0"),
        ),
        (
            "partners.json",
            lambda d: d.append(dict(d[0])),
            ("partners.json", "$[55]", "duplicate code 'AFG'"),  # 55 partners: the copy stands at 55
        ),
        (
            "topics.json",
            lambda d: d[0].update(label=123),
            ("topics.json", "$[0].label", "expected an object for Text, got 123"),
        ),
        (
            "relations/KGZ.json",
            lambda d: d.update(partner="TKM"),
            ("relations/KGZ.json", "$.partner", "'TKM' does not match the file name"),
        ),
    ],
)
def test_bad_files_name_file_path_and_value(
    tmp_path: Path, name: str, change: Callable[[Any], None], expected: tuple[str, str, str]
) -> None:
    folder = copy_data(tmp_path)
    rewrite(folder, name, first_relation_change(change))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    file, path, message = expected
    assert any(p[0] == file and p[1] == path and message in p[2] for p in problems(info)), problems(info)
    assert partnerdata.load() is PACKAGED  # the shared dataset is untouched


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    rewrite(folder, "relations/KGZ.json", first_relation_change(lambda d: d.update(partner=1, plan="x")))
    rewrite(folder, "relations/TKM.json", first_relation_change(lambda d: d["events"][0].update(id=None)))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    paths = {(p[0], p[1]) for p in problems(info)}
    assert {
        ("relations/KGZ.json", "$.partner"),
        ("relations/KGZ.json", "$.plan"),
        ("relations/TKM.json", "$.events[0].id"),
    } <= paths
    assert "3 problems" in str(info.value)


def test_checksum_mismatch(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    rewrite(folder, "topics.json", lambda d: d, fix_manifest=False)
    with pytest.raises(DataValidationError, match=r"topics.json: \$: checksum mismatch"):
        partnerdata.load(folder)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe[]", "not UTF-8: byte 0xff at offset 0"),
        (b'[{"alpha3": ', "invalid JSON: Expecting value"),
        (b"[NaN]", "invalid JSON: NaN is not a JSON number"),
        (b"[" + b"1" * 5000 + b"]", "invalid JSON: Exceeds the limit"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid JSON: nested too deeply"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    folder = copy_data(tmp_path)
    (folder / "topics.json").write_bytes(content)
    rewrite(folder, "manifest.json", lambda m: m, fix_manifest=False)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["topics.json"] = hashlib.sha256(content).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    assert any(p[0] == "topics.json" and message in p[2] for p in problems(info)), problems(info)


def test_manifest_cannot_point_outside_its_folder(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (tmp_path / "secret.json").write_text("[]")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["../secret.json"] = hashlib.sha256(b"[]").hexdigest()
    manifest["files"]["relations/../../secret.json"] = hashlib.sha256(b"[]").hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    assert {p[1] for p in problems(info)} == {"$.files['../secret.json']", "$.files['relations/../../secret.json']"}


def test_unlisted_and_missing_files_are_problems(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    shutil.copy(folder / "relations" / "KGZ.json", folder / "relations" / "ZZZ.json")
    (folder / "sources" / "nato-tkm-fr.json").unlink()
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    found = {(p[0], p[2]) for p in problems(info)}
    assert ("relations/ZZZ.json", "not listed in the manifest") in found
    assert ("sources/nato-tkm-fr.json", "listed in the manifest but missing") in found


def test_missing_manifest_and_missing_path(tmp_path: Path) -> None:
    folder = copy_data(tmp_path)
    (folder / "manifest.json").unlink()
    with pytest.raises(DataValidationError, match="a data folder needs a manifest"):
        partnerdata.load(folder)
    with pytest.raises(DataValidationError, match="no such file or folder"):
        partnerdata.load(tmp_path / "nope.json")
    with pytest.raises(TypeError, match="path must be"):
        partnerdata.load(42)  # type: ignore[arg-type]


def test_document_with_a_broken_reference(tmp_path: Path) -> None:
    data = json.loads(partnerdata.to_json(PACKAGED))
    data["relations"][1]["events"][0]["partners"] = ["XYZ"]
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(path)
    assert problems(info) == [
        (str(path).rsplit("data/", 1)[-1], "$.relations[1].events[0].partners[0]", "unknown partner 'XYZ'")
    ]


def test_paths_count_positions_in_the_file_not_the_sorted_record(tmp_path: Path) -> None:
    """A hand-edited file need not be in canonical order; problems point at the item as written."""

    def append_unknown(d: dict[str, Any]) -> None:
        extra = dict(d["participations"][0], programme="AAA")  # sorts first, stands last
        d["participations"].append(extra)

    folder = copy_data(tmp_path)
    rewrite(folder, "relations/KGZ.json", first_relation_change(append_unknown))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(folder)
    # KGZ has 8 participations: the appended one is the ninth, at index 8.
    assert problems(info) == [("relations/KGZ.json", "$.participations[8].programme", "unknown programme 'AAA'")]

    document = json.loads(partnerdata.to_json(PACKAGED))
    kgz = [r["partner"] for r in document["relations"]].index("KGZ")
    append_unknown(document["relations"][kgz])
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load(path)
    assert [p[1] for p in problems(info)] == [f"$.relations[{kgz}].participations[8].programme"]


def test_packaged_folder_on_disk_reads_like_importlib_resources() -> None:
    # The loader finds the packaged folder on the file system; importlib.resources is its fallback.
    from importlib.resources import files

    from partnerdata._io.load import read_folder
    from partnerdata._query.load import packaged_folder

    via_resources = read_folder(files("partnerdata").joinpath("data"), "partnerdata/data", partnerdata.Dataset)
    assert str(packaged_folder()) == str(files("partnerdata").joinpath("data"))
    assert via_resources == partnerdata.load()


def test_the_packaged_manifest_is_the_one_the_code_trusts() -> None:
    # load() skips the whole-dataset checks for this manifest only; rebuilt data needs a new digest.
    from partnerdata._query.load import packaged_folder
    from partnerdata._version import PACKAGED_MANIFEST_SHA256

    actual = hashlib.sha256(Path(str(packaged_folder()), "manifest.json").read_bytes()).hexdigest()
    assert actual == PACKAGED_MANIFEST_SHA256, (
        "the packaged data changed: once the rest of this suite passes on it, set "
        f"PACKAGED_MANIFEST_SHA256 = {actual!r} in src/partnerdata/_version.py"
    )


def test_the_trusted_packaged_load_is_the_fully_checked_load() -> None:
    from partnerdata._io.load import read_folder
    from partnerdata._query.integrity import problems as whole_dataset_problems
    from partnerdata._query.load import packaged_folder, packaged_is_tested

    assert packaged_is_tested(packaged_folder())  # so load() took the unchecked path
    checked = read_folder(packaged_folder(), "partnerdata/data", Dataset)  # every check
    assert whole_dataset_problems(checked) == []
    assert checked == PACKAGED
    assert partnerdata.to_json(checked) == partnerdata.to_json(PACKAGED)


def test_packaged_data_other_than_the_tested_one_is_checked_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import partnerdata._query.load as query_load
    from partnerdata._io.load import Local

    folder = copy_data(tmp_path)
    # Consistent checksums, a broken reference: only the whole-dataset checks can see it.
    rewrite(
        folder, "relations/KGZ.json", first_relation_change(lambda d: d["participations"][0].update(programme="NOPE"))
    )
    monkeypatch.setattr(query_load, "packaged_folder", lambda: Local(str(folder)))
    monkeypatch.setattr(query_load, "_packaged", None)
    assert not query_load.packaged_is_tested(Local(str(folder)))
    with pytest.raises(DataValidationError) as info:
        partnerdata.load()
    assert problems(info) == [("relations/KGZ.json", "$.participations[0].programme", "unknown programme 'NOPE'")]


def test_unchecked_skips_the_whole_dataset_checks_only_while_it_builds() -> None:
    relation = PACKAGED.relation("KGZ")
    broken = attrs.evolve(relation, partner="XYZ")  # a partner the dataset does not hold
    vocabulary = {name: getattr(PACKAGED, name) for name in ("partners", "programmes", "topics", "sources")}
    fields = {**vocabulary, "data_version": "t", "relations": (broken,)}
    with pytest.raises(DataValidationError, match="unknown partner 'XYZ'"):
        Dataset(**fields)
    assert Dataset._unchecked(**fields).relations == (broken,)
    with pytest.raises(DataValidationError, match="unknown partner 'XYZ'"):
        Dataset(**fields)
    with pytest.raises(partnerdata.FieldError, match="data_version: must not be empty"):
        Dataset._unchecked(data_version="")  # each field's own validator still runs
