"""Regression tests for the defects of issue #10: each test is named after the defect it guards.

Loading: containment in a data folder, strict types through the leaf memo, error reporting linear in
the number of problems, duplicate keys, extra files, unreadable and special files.
"""

import hashlib
import json
import os
import re
import shutil
import sys
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import attrs
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
    # The linked folder itself, and the listed files reached through it; never a name from elsewhere.
    assert {f.rsplit("data/", 1)[-1] for f, _, m in found if "symbolic link" in m} == {
        "sources",
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
    # Many problems in one list: the list is searched once, not once per problem.
    crowded = max(range(len(document["relations"])), key=lambda i: len(document["relations"][i]["events"]))
    crowded_events = document["relations"][crowded]["events"]
    assert len(crowded_events) >= 2
    for event in crowded_events:
        event["partners"] = ["XYZ"]
    expected = {f"$.relations[{i}].events[0].partners[0]" for i in broken}
    expected |= {f"$.relations[{crowded}].events[{k}].partners[0]" for k in range(len(crowded_events))}
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
    assert sorted(p.path for p in caught.value.problems) == sorted(expected)
    # The document once, then at most once each list that holds a problem (to find where in the
    # file each record is written): linear in the problems, never once per problem per list.
    assert len(calls) <= 1 + len(set(broken) | {crowded}), calls


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
    assert [(f.rsplit("data/", 1)[-1], m) for f, _, m in found] == [("topics.json", "not a regular file")]


def test_over_long_path_is_a_validation_error() -> None:
    name = "x" * 5000 + ".json"
    found = refusal(name)
    assert len(found) == 1 and found[0][1] == "$" and found[0][2].startswith("cannot read"), found


def test_unreadable_file_in_a_folder_is_a_problem_not_a_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # CI runs as root, who may read any file: the system's refusal is made where the reader opens
    # the file, so that this test runs (and can fail) for every user.
    folder = copy_data(tmp_path)
    real_open = os.open

    def refuse_kgz(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith(os.path.join("relations", "KGZ.json")):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_kgz)
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], p, m) for f, p, m in found] == [
        ("relations/KGZ.json", "$", "cannot read: Permission denied")
    ]


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="permissions (root reads everything)")
def test_a_file_without_read_permission_is_a_problem(tmp_path: Path) -> None:
    # The same refusal made by the file system, for developers who do not work as root.
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


# --- 5. writes ----------------------------------------------------------------------------------

from partnerdata._cli.main import main  # noqa: E402
from partnerdata._ingest import build as _build  # noqa: E402
from partnerdata._io.files import UnsafeWriteError, write_atomic  # noqa: E402


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_truncating_before_writing_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``export -o FILE`` truncated FILE first: a failure (disk full, kill) left a fragment."""
    target = tmp_path / "out.csv"
    target.write_text("the previous export\n")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = cli(capsys, "export", "partners", "-o", str(target))
    assert code == 3 and "No space left on device" in err
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left


def test_export_over_its_own_data_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export ... --data mydata.json -o mydata.json`` replaced the dataset with CSV."""
    data = tmp_path / "mydata.json"
    data.write_text(partnerdata.to_json(PACKAGED))
    before = data.read_bytes()
    code, _, err = cli(capsys, "export", "partners", "--data", str(data), "-o", str(data))
    assert code == 2 and "refusing to overwrite" in err
    assert data.read_bytes() == before
    folder = copy_data(tmp_path)
    code, _, err = cli(capsys, "export", "partners", "--data", str(folder), "-o", str(folder / "x.csv"))
    assert code == 2 and not (folder / "x.csv").exists()


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_export_through_a_symlink_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "out.csv").symlink_to(victim)
    code, _, err = cli(capsys, "export", "partners", "-o", str(tmp_path / "out.csv"))
    assert code == 2 and "symbolic link" in err
    assert victim.read_text() == "precious"


def test_export_writes_the_table_atomically_with_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "partners.csv"
    assert cli(capsys, "export", "partners", "-o", str(target))[0] == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("status,alpha3,") and len(lines) == 1 + len(PACKAGED.partners)
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def build_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(_build.default_data_dir(), data)
    return data


def test_build_deleted_a_users_file_it_did_not_create(tmp_path: Path) -> None:
    """``build --data-dir DIR`` deleted a user's ``relations/ZZZ.json``."""
    data = build_folder(tmp_path)
    mine = data / "relations" / "ZZZ.json"
    mine.write_text("{}")
    with pytest.raises(_build.BuildError, match=r"did not make or that were changed since \(relations/ZZZ.json\)"):
        _build.write(data)
    assert mine.read_text() == "{}"
    assert _build.write(data, clean=True) == ["relations/ZZZ.json"]
    assert not mine.exists()


def test_build_removes_a_stale_file_it_made_itself(tmp_path: Path) -> None:
    data = build_folder(tmp_path)
    # A file listed in the manifest with its checksum was made by an earlier build.
    stale = data / "relations" / "ZZZ.json"
    stale.write_text("{}")
    set_manifest(data, {"relations/ZZZ.json": sha(b"{}")})
    assert _build.write(data) == ["manifest.json", "relations/ZZZ.json"]
    assert not stale.exists()
    assert partnerdata.load(data) == PACKAGED


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_build_through_a_symlink_is_refused(tmp_path: Path) -> None:
    """``build`` wrote through a symbolic link: a file outside the folder was overwritten."""
    data = build_folder(tmp_path)
    victim = tmp_path / "victim.json"
    victim.write_text("precious")
    (data / "topics.json").unlink()
    (data / "topics.json").symlink_to(victim)
    with pytest.raises((UnsafeWriteError, _build.BuildError)):
        _build.write(data)
    assert victim.read_text() == "precious"
    # A linked subfolder leads out of the data folder too.
    data2 = build_folder(tmp_path / "two")
    shutil.move(data2 / "relations", tmp_path / "outside-relations")
    (data2 / "relations").symlink_to(tmp_path / "outside-relations")
    (tmp_path / "outside-relations" / "TKM.json").write_text("precious")
    with pytest.raises(_build.BuildError, match="symbolic link"):
        _build.write(data2)
    assert (tmp_path / "outside-relations" / "TKM.json").read_text() == "precious"


def test_build_interrupted_leaves_every_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupted build left ``programmes.json`` cut at 8,192 bytes."""
    from partnerdata._io import files

    data = build_folder(tmp_path)
    (data / "relations" / "TKM.json").write_text("{}")  # something for the build to rewrite
    (data / "programmes.json").write_bytes((data / "programmes.json").read_bytes().replace(b"\n", b"\n\n"))
    before = {p: p.read_bytes() for p in data.rglob("*.json")}

    def killed(*_: Any) -> None:
        raise KeyboardInterrupt  # the new folder is written; the moment before it is swapped in

    monkeypatch.setattr(files, "_exchange", killed)
    with pytest.raises(KeyboardInterrupt):
        _build.write(data, clean=True)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in data.rglob("*.json")} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".data.")] == []  # nothing left beside


def test_write_atomic_refuses_a_target_outside_the_folder_it_must_stay_in(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    with pytest.raises(UnsafeWriteError, match="not inside"):
        write_atomic(tmp_path / "inner" / ".." / "x.json", b"{}", inside=tmp_path / "inner")
    assert not (tmp_path / "x.json").exists()


def test_malformed_overlay_in_build_check_is_a_clean_error(tmp_path: Path) -> None:
    """A malformed overlay gave JSONDecodeError or ``KeyError: 'id'``; a page path could leave pages/."""
    inputs = tmp_path / "inputs"
    shutil.copytree(_build.default_inputs_dir(), inputs)
    overlay = inputs / "overlay.json"
    overlay.write_text("{")
    with pytest.raises(_build.BuildError, match="invalid JSON"):
        _build.check(inputs_dir=inputs)
    document = json.loads((_build.default_inputs_dir() / "overlay.json").read_text("utf-8"))
    del document["sources"][0]["id"]
    document["sources"][1]["page"] = "../../../../etc/passwd"
    overlay.write_text(json.dumps(document))
    with pytest.raises(_build.BuildError) as caught:
        _build.check(inputs_dir=inputs)
    assert "$.sources[0].id: expected a source id" in str(caught.value)
    assert "$.sources[1].page: expected pages/<id>.txt" in str(caught.value)


# --- 6. tracebacks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["query", "--stance", "nope"],
        ["query", "--table", "milestones", "--kind", "nope"],
        ["timeline", "--kind", "nope"],
        ["query", "--table", "statements"],
    ],
)
def test_bad_values_are_usage_errors_not_tracebacks(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = cli(capsys, *argv)
    assert code == 2 and out == ""
    # One line naming the command ("partnerdata query: ..."), never a traceback.
    assert err.startswith("partnerdata") and err.count("\n") == 1 and "Traceback" not in err


def test_data_option_empty_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "list", "--data", "")
    assert code == 3 and "empty path" in err


def test_malformed_overlay_in_build_check_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(_build.default_inputs_dir(), inputs)
    (inputs / "overlay.json").write_text('{"format": 1, "sources": [{"page": "pages/x.txt"}]}')
    code, _, err = cli(capsys, "build", "--check", "--inputs", str(inputs))
    assert code == 3 and "$.sources[0].id" in err and "Traceback" not in err


def test_an_unexpected_error_in_a_command_is_reported_as_a_bug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from partnerdata._cli import main as _main

    def broken(*args: Any) -> Any:
        raise KeyError("oops")

    monkeypatch.setattr(_main, "load", broken)
    monkeypatch.delenv("PARTNERDATA_DEBUG", raising=False)
    code, _, err = cli(capsys, "list")
    assert code == 4 and err == "partnerdata: internal error (please report it): KeyError: 'oops'\n"


def run_cli(*argv: str, env: dict[str, str] | None = None, **kwargs: Any) -> Any:
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "partnerdata", *argv],
        capture_output=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
        **kwargs,
    )


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}],
    ids=["ascii", "C-locale"],
)
def test_non_utf8_stdout_writes_escapes_not_tracebacks(env: dict[str, str]) -> None:
    result = run_cli("show", "Turkménistan", "--lang", "fr", env=env)
    assert result.returncode == 0, result.stderr
    assert b"Turkm\\xe9nistan (TKM / TM)" in result.stdout
    assert b"Traceback" not in result.stderr


def test_closed_stdout_is_not_an_attribute_error(tmp_path: Path) -> None:
    """``partnerdata list >&-`` (stdout closed, sys.stdout None) gave AttributeError."""
    import subprocess

    for argv in (["list"], ["export", "partners", "-o", str(tmp_path / "p.csv")]):
        code = f"import sys; sys.stdout = None; from partnerdata._cli.main import main; sys.exit(main({argv!r}))"
        closed = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert closed.returncode == 0 and b"Traceback" not in closed.stderr, closed.stderr
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").startswith("status,alpha3")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("\ud800", "holds a lone surrogate (U+D800) at offset 0"),
        ("Kaz\udfffakhstan", "holds a lone surrogate (U+DFFF) at offset 3"),
        ("\u200b\u200b", "must not be invisible characters only"),
        ("\ufeff\u2060 ", "must not be invisible characters only"),
        ("Kazakh\x00stan", "holds a control or direction-override character (U+0000) at offset 6"),
        ("abc\u202egnp.exe", "holds a control or direction-override character (U+202E) at offset 3"),
        ("x\u2066y", "U+2066"),
        ("a\x1bb", "U+001B"),
    ],
)
def test_names_with_lone_surrogates_controls_bidi_overrides_or_only_zero_width_are_refused(
    value: str, message: str
) -> None:
    with pytest.raises(partnerdata.FieldError, match=re.escape(message)):
        partnerdata.Text(en=value)
    document = json.loads(partnerdata.to_json(PACKAGED.partner("KGZ")))
    document["aliases"] = [value]
    with pytest.raises(DataValidationError) as caught:
        partnerdata.from_dict(partnerdata.Partner, document)
    assert [p.path for p in caught.value.problems] == ["$.aliases[0]"]


def test_names_with_ordinary_text_still_load() -> None:
    # Tabs, accents, non-Latin scripts and a left-to-right mark are text, not tricks.
    for value in ("Kazakhstan\tKZ", "Қазақстан", "Türkmenistan", "ישראל\u200e", "Côte d’Ivoire"):
        assert partnerdata.Text(en=value).en == value


def test_lone_surrogate_in_a_file_is_refused_before_it_can_break_to_json(tmp_path: Path) -> None:
    """``"\\ud800"`` was accepted and later broke ``to_json``, ``list`` and ``extract``."""
    document = json.loads(partnerdata.to_json(PACKAGED))
    document["partners"][0]["aliases"] = ["\\ud800"]
    text = json.dumps(document).replace("\\\\ud800", "\\ud800")  # a JSON escape of the lone surrogate
    path = tmp_path / "d.json"
    path.write_text(text, encoding="ascii")
    found = refusal(path)
    assert [(p, m) for _, p, m in found] == [
        ("$.partners[0].aliases[0]", "holds a lone surrogate (U+D800) at offset 0")
    ]
    with pytest.raises(partnerdata.PageError, match=re.escape("line 2 holds a lone surrogate U+D800")):
        partnerdata.extract("Relations with Georgia\nNATO \ud800 and Georgia.\n- Relations began in 1992.")


# --- 8. diff ------------------------------------------------------------------------------------


def test_json_patch_test_true_guards_additions_too() -> None:
    """An add-only patch applied to the wrong base succeeded and made a duplicate code."""
    import attrs
    import jsonpatch

    kgz = PACKAGED.relation("KGZ")
    taken = {p.programme for p in kgz.participations}
    code = next(p.code for p in PACKAGED.programmes if p.code not in taken)
    extra = attrs.evolve(kgz.participations[0], programme=code)
    added = attrs.evolve(kgz, participations=[*kgz.participations, extra])
    d = partnerdata.diff(kgz, added)
    assert [c.kind for c in d] == ["added"]
    patch = d.to_json_patch(test=True)
    old, new = json.loads(partnerdata.to_json(kgz)), json.loads(partnerdata.to_json(added))
    assert jsonpatch.apply_patch(old, patch) == new
    # The wrong base: the addition is already there. Without the guard the patch adds it again.
    with pytest.raises(jsonpatch.JsonPatchTestFailed):
        jsonpatch.apply_patch(new, patch)
    unguarded = jsonpatch.apply_patch(new, d.to_json_patch())
    codes = [p["programme"] for p in unguarded["participations"]]
    assert len(codes) == len(set(codes)) + 1  # what the guard prevents


def test_json_patch_test_true_guards_an_added_code() -> None:
    import attrs
    import jsonpatch

    kgz = PACKAGED.relation("KGZ")
    statement = kgz.statements[0]
    code = next(t.code for t in PACKAGED.topics if t.code not in statement.topics)
    edited = attrs.evolve(
        kgz, statements=[attrs.evolve(statement, topics=(*statement.topics, code)), *kgz.statements[1:]]
    )
    patch = partnerdata.diff(kgz, edited).to_json_patch(test=True)
    new = json.loads(partnerdata.to_json(edited))
    assert jsonpatch.apply_patch(json.loads(partnerdata.to_json(kgz)), patch) == new
    with pytest.raises(jsonpatch.JsonPatchTestFailed):
        jsonpatch.apply_patch(new, patch)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (5, "must be a sequence of strings"),
        ("participations", "must be a sequence of strings"),
        (("participations", 3), "holds 3 at position 1"),
        (("participations", ""), "holds '' at position 1"),
        ((None,), "holds None at position 0"),
    ],
)
def test_hand_built_change_with_a_bad_path_raises_a_clear_error(path: Any, message: str) -> None:
    """A hand-built Change with a bad path raised AttributeError or TypeError from deep inside."""
    with pytest.raises(TypeError, match=re.escape(message)):
        partnerdata.Change(path=path, kind="changed", old=1, new=2)


@pytest.mark.parametrize(
    "path",
    [("nope",), ("participations", "NOPE", "since"), ("relations_since", "year", "deeper"), ("focus", "x")],
)
def test_hand_built_change_naming_nothing_is_a_conflict_in_apply_and_patch(path: tuple[str, ...]) -> None:
    kgz = PACKAGED.relation("KGZ")
    d = partnerdata.Diff(changes=[partnerdata.Change(path=path, kind="changed", old=1, new=2)], old=kgz, new=kgz)
    with pytest.raises(partnerdata.DiffConflictError):
        d.apply(kgz)
    with pytest.raises(partnerdata.DiffConflictError):
        d.to_json_patch()


def test_dataset_index_relations_is_read_only_for_every_later_load() -> None:
    """``ds._index.relations`` was a plain dict: what one caller put in it every later load() saw."""
    ds = partnerdata.load()
    with pytest.raises(TypeError):
        ds._index.relations["XXX"] = PACKAGED.relation("KGZ")  # type: ignore[index]
    with pytest.raises(TypeError):
        ds._index.sources["x"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        ds._index.relations = {}
    assert "XXX" not in partnerdata.load()._index.relations


# --- no code execution --------------------------------------------------------------------------


def test_no_code_is_executed_from_data() -> None:
    """Data is JSON and plain text only: nothing in the package can run code it reads.

    No eval, exec or compile of text, no pickle, marshal, shelve or YAML, no shell; imports by
    name only of the package's own modules and of optional extras named in the source.
    """
    import ast

    forbidden_calls = {"eval", "exec", "compile", "__import__", "system", "popen", "loads"}
    forbidden_modules = {"pickle", "marshal", "shelve", "yaml", "subprocess", "dill", "cloudpickle"}
    package = Path(partnerdata.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found += [f"{path.name}: import {n}" for n in names if n.split(".")[0] in forbidden_modules]
            elif isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                owner = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
                generated = path.name == "builders.py" and name in {"exec", "compile"} and owner == ""
                if (
                    name in forbidden_calls
                    and not (name == "compile" and owner == "re")
                    and owner != "json"
                    and not generated  # builders from class definitions: see the test below
                ):
                    found.append(f"{path.name}:{node.lineno}: {owner + '.' if owner else ''}{name}()")
                if name == "import_module" and not all(isinstance(a, ast.Constant) for a in node.args):
                    # partnerdata's lazy attributes: the module name comes from the package's own table.
                    found.append(f"{path.name}:{node.lineno}: import_module of a computed name")
    # The one computed import: ``partnerdata.X`` resolved lazily from the package's own table.
    assert [f for f in found if not (f.startswith("__init__.py:") and "import_module" in f)] == [], found


def test_generated_builders_hold_no_text_but_their_field_names() -> None:
    """The one place that compiles code makes it from a record class's definition, never from data.

    Every string literal in a generated builder's source is one of the class's field names, every
    number is 1 (a tuple's length), and every name it reads is one of its own (v0, b1, check2,
    ...) or of a fixed set; loading a document that is not valid changes none of it.
    """
    import ast

    from partnerdata._io import builders
    from partnerdata._model import records

    classes = [getattr(records, name) for name in records.__all__] + [partnerdata.Dataset]
    with pytest.raises(DataValidationError):
        partnerdata.from_json(partnerdata.Relation, '{"partner": "__import__(\'os\')"}')
    fixed = {"data", "memo", "keep", "record", "key", "found", "x", "Invalid", "_refuse", "_cls", "_names"}
    fixed |= {"_new", "_put", "_type", "_dict", "_list", "_tuple", "_str", "_int", "_bool", "_frozenset"}
    fixed |= {"_len", "_set", "_map", "_any", "_all", "_only_str", "_post", "build", "TypeError"}
    fixed |= {"build_pairs", "_size", "_sorted", "_id", "_first", "_printable", "_blank", "_cap"}
    own = re.compile(r"(?:v|b|q|c|a|e|f|k|n|s|check|lo|hi|inv|bad|fit|known|key|[A-Z][a-z]+)[0-9]+\Z")
    for cls in classes:
        tree = ast.parse(builders.builder(cls).__source__)  # type: ignore[attr-defined]
        names = {a.name for a in attrs.fields(cls)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant):
                assert node.value in names or node.value in (None, 1), (cls, node.value)
            elif isinstance(node, ast.Name):
                assert node.id in fixed or own.match(node.id), (cls, node.id)


@pytest.mark.skipif(not POSIX, reason="symbolic links")
def test_a_document_named_through_a_users_link_still_loads(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text(partnerdata.to_json(PACKAGED), encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    assert partnerdata.load(tmp_path / "link.json") == PACKAGED


@pytest.mark.parametrize(("errno", "message"), [(5, "Input/output error"), (13, "Permission denied")])
def test_unreadable_file_in_a_folder_eio_or_permission_is_a_problem_not_an_os_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno: int, message: str
) -> None:
    """An unreadable file in a folder raised PermissionError or OSError EIO (works as root too)."""
    folder = copy_data(tmp_path)
    victim = str(folder / "relations" / "KGZ.json")
    real_open = os.open

    def failing(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == victim:
            raise OSError(errno, os.strerror(errno), victim)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing)
    found = refusal(folder)
    assert [(f.rsplit("data/", 1)[-1], p, m) for f, p, m in found] == [
        ("relations/KGZ.json", "$", f"cannot read: {os.strerror(errno)}")
    ]
    assert message == os.strerror(errno)
