"""The build: the packaged data is the extractor's output plus the overlay, and nothing else."""

import json
import shutil
from pathlib import Path

import pytest

import partnerdata
from partnerdata._cli.main import main
from partnerdata._ingest import build as _build
from partnerdata._ingest.build import BuildError


def test_committed_data_is_what_the_build_makes() -> None:
    assert _build.check() == []


def test_build_into_a_fresh_folder_loads_as_the_packaged_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("partners.json", "programmes.json", "topics.json"):
        shutil.copy(_build.default_data_dir() / name, data / name)
    written = _build.write(data)
    assert "manifest.json" in written
    assert "relations/KGZ.json" in written
    assert "sources/nato-tkm-fr.json" in written
    assert partnerdata.load(data) == partnerdata.load()
    assert _build.write(data) == []  # a second build changes nothing


def _inputs(tmp_path: Path) -> Path:
    inputs = tmp_path / "inputs"
    shutil.copytree(_build.default_inputs_dir(), inputs)
    return inputs


def test_check_reports_a_hand_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(_build.default_data_dir(), data)
    kgz = data / "relations" / "KGZ.json"
    kgz.write_text(kgz.read_text("utf-8").replace('"since": 2015', '"since": 2014'), "utf-8")
    (data / "relations" / "XXX.json").write_text("{}", "utf-8")
    differences = _build.check(data)
    assert any(d.startswith("relations/KGZ.json: differs") and "2014" in d for d in differences)
    assert "relations/XXX.json: not made by the build" in differences
    assert not any(d.startswith("manifest.json") for d in differences)  # the manifest was not touched


def test_a_stale_overlay_entry_fails_the_build(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    overlay = json.loads((inputs / "overlay.json").read_text("utf-8"))
    overlay["relations"]["KGZ"]["participations"]["NOPE"] = {"aim": "x"}
    (inputs / "overlay.json").write_text(json.dumps(overlay), "utf-8")
    with pytest.raises(BuildError, match="participations/NOPE: matches nothing"):
        _build.build_files(inputs_dir=inputs)


def test_a_missing_rendering_fails_the_build(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    overlay = json.loads((inputs / "overlay.json").read_text("utf-8"))
    del overlay["relations"]["TKM"]["statements"]["nato-tkm-fr#4.1.1"]
    (inputs / "overlay.json").write_text(json.dumps(overlay), "utf-8")
    with pytest.raises(BuildError, match=r"relations/TKM.json: \$.statements\[\d+\].text lacks a language"):
        _build.build_files(inputs_dir=inputs)


def test_a_revised_page_flows_into_the_data(tmp_path: Path) -> None:
    """NATO revises a page: the build follows it without hand-copying (here BI from 2016)."""
    inputs = _inputs(tmp_path)
    page = inputs / "pages" / "nato-kgz-fr.txt"
    page.write_text(page.read_text("utf-8").replace("Depuis 2015,", "Depuis 2016,"), "utf-8")
    overlay = json.loads((inputs / "overlay.json").read_text("utf-8"))
    overlay["relations"]["KGZ"]["statements"]["nato-kgz-fr#3.2.0"] = "Since 2016, Kyrgyzstan has taken part in BI."
    (inputs / "overlay.json").write_text(json.dumps(overlay), "utf-8")
    files = _build.build_files(inputs_dir=inputs)
    kgz = partnerdata.from_json(partnerdata.Relation, files["relations/KGZ.json"])
    assert kgz.participation("BI").since == 2016  # type: ignore[union-attr]
    assert (
        json.loads(files["manifest.json"])["files"]["relations/KGZ.json"]
        != json.loads((_build.default_data_dir() / "manifest.json").read_text("utf-8"))["files"]["relations/KGZ.json"]
    )


def test_cli_build_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["build", "--check"]) == 0
    assert "ok" in capsys.readouterr().out
    data = tmp_path / "data"
    shutil.copytree(_build.default_data_dir(), data)
    (data / "relations" / "TKM.json").unlink()
    assert main(["build", "--check", "--data-dir", str(data)]) == 1
    assert "relations/TKM.json: missing" in capsys.readouterr().out
    assert main(["build", "--data-dir", str(data)]) == 0
    assert "relations/TKM.json" in capsys.readouterr().out
    assert main(["build", "--check", "--data-dir", str(data)]) == 0


def test_cli_ingest_prints_records_evidence_and_unplaced(capsys: pytest.CaptureFixture[str]) -> None:
    page = _build.default_inputs_dir() / "pages" / "nato-tkm-fr.txt"
    assert main(["ingest", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Relations depuis 1992" in out
    assert "[nato-tkm-fr#1.1.0]" in out
    assert "Phrases non placées (2)" in out  # labels in the page's language, like the profile
    assert "[nato-tkm-fr#2.0.0]" in out
    assert main(["ingest", str(page), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"partner", "source", "relation", "unplaced"}
    assert document["relation"]["relations_since"]["year"] == 1992
    assert "text" not in document["source"]
    assert [u["section"] for u in document["unplaced"]] == [0, 2]


def test_cli_ingest_refuses_a_non_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("just one line", "utf-8")
    assert main(["ingest", str(bad)]) == 3  # unreadable input (docs/cli.rst), not a usage error
    assert f"not a partner page: {bad}: line 2 (the introduction) is missing" in capsys.readouterr().err
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["ingest", str(binary)]) == 3
    # A UTF-16 byte order mark, then half a character: the reader names the file and the encoding.
    assert f"{binary} is not utf-16 text (byte 0x00 at offset 2)" in capsys.readouterr().err
