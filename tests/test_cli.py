"""The command line as a user runs it: readable output, errors on stderr, exit codes, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import partnerdata
from partnerdata._cli.main import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partnerdata", *args], capture_output=True, text=True, check=False, timeout=60
    )


def test_show_prints_a_profile_with_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "Kirghizistan"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kyrgyzstan (KGZ / KG) - Kyrgyz Republic")
    assert "Relations since 1992 through North Atlantic Cooperation Council (NACC)" in out
    assert "[nato-kgz-fr#1.0.0] « Les relations avec le Kirghizistan ont débuté en 1992" in out
    assert "Building Integrity Programme (BI), since 2015" in out
    assert "Defence Education Enhancement Programme (DEEP), start unknown" in out
    assert "permanent neutrality: unknown" in out  # the pages are silent: unknown, never "no"
    assert "contributes forces to NATO-led operations: yes" in out  # cited from NATO's 2017 page
    assert (
        '(cited from NATO, "Relations with the Kyrgyz Republic" (en, 2017-12-12), '
        "https://www.nato.int/cps/en/natohq/topics_49607.htm (section Security cooperation))"
    ) in out


def test_show_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "TKM", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Turkménistan (TKM / TM)")
    assert "neutralité permanente : oui" in out
    assert "fournit des forces aux opérations dirigées par l'OTAN : non" in out
    # French typography: the article before a name, a space before a colon (issue 23).
    assert "Relations depuis 1992 par le Conseil de coopération nord-atlantique (COCONA)" in out


def test_show_json_is_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "tkm", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    ds = partnerdata.load()
    assert partnerdata.from_dict(partnerdata.Relation, document["relation"]) == ds.relation("TKM")
    assert partnerdata.from_dict(partnerdata.Partner, document["partner"]) == ds.partner("TKM")


def test_show_partner_without_relation(only_kgz_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "Géorgie", "--data", str(only_kgz_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Georgia (GEO / GE) - Georgia\n")
    assert "No relation data for this partner." in out


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["alpha-3", "alpha-2", "name", "region", "relations", "since", "PfP", "since"]
    assert len(lines) == 1 + len(partnerdata.load().partners)
    kgz = next(line for line in lines if line.startswith("KGZ"))
    assert kgz.split()[-2:] == ["1992", "1994"]


def test_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(partnerdata.to_json(partnerdata.load()), encoding="utf-8")
    assert main(["validate", str(good)]) == 0
    assert "ok:" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(good.read_text(encoding="utf-8").replace('"since": 1993', '"since": "1993"', 1), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "partnerdata: invalid data: 1 problem" in err
    # The first "since": 1993 of the document is KGZ's SPS (relations sorted by code, participations by programme).
    assert "$.relations[28].participations[7].since: expected an integer, got '1993'" in err


def test_errors_reach_stderr_without_traceback() -> None:
    result = run("show", "Atlantis")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("partnerdata: no partner matches 'Atlantis'")
    assert "Traceback" not in result.stderr
    result = run("validate", "/no/such/file.json")
    assert result.returncode == 1 and "no such file or folder" in result.stderr and "Traceback" not in result.stderr
    result = run("frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.stdout.strip() == f"partnerdata {partnerdata.__version__} (data {partnerdata.DATA_VERSION})"


def test_editions_of_a_partner_known_only_from_citations_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # Kazakhstan's packaged relation comes from cited pages, none shipped: no page id to list.
    assert main(["editions", "KAZ"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("KAZ@undated (latest): no page of its own")
    assert "partnerdata show KAZ" in out
