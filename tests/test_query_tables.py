"""Rows, DataFrames, exports, HTML and the command line of the query engine."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import partnerdata
from partnerdata._cli.main import main
from partnerdata._model.results import Results, StatementHit


@pytest.fixture(scope="module")
def ds() -> partnerdata.Dataset:
    dataset: partnerdata.Dataset = partnerdata.load()
    return dataset


def test_rows_are_flat_and_documented(ds: partnerdata.Dataset) -> None:
    rows = ds.participants("SPS").rows()
    assert list(rows[0]) == [
        *("partner", "programme", "since", "until", "suspended", "resumed", "focus", "evidence", "quote", "cited")
    ]
    assert rows[0]["focus"] == "counter-terrorism; cyber-defence; environmental-security"
    # NATO's quoted sentences and the project's own words of a citation never share a column.
    by_partner = {r["partner"]: r for r in rows}
    assert by_partner["KGZ"]["quote"].startswith("La République kirghize") and by_partner["KGZ"]["cited"] == ""
    assert by_partner["KOR"]["quote"] == "" and by_partner["KOR"]["cited"].startswith("Relations deepened")
    assert all(isinstance(v, str | int | bool | type(None)) for r in rows for v in r.values())
    hits = ds.search("neutralité").rows()
    assert {"text_fr", "text_en", "heading_fr", "heading_en"} <= set(hits[0])
    assert set(ds.search("neutralité").rows("fr")[0]) >= {"text", "heading"}


def test_rows_with_unknown(ds: partnerdata.Dataset) -> None:
    rows = ds.participants(partner="KGZ", since_before=2000).rows(with_unknown=True)
    assert [(r["status"], r["programme"]) for r in rows] == [
        ("match", "EAPC"),
        ("match", "NACC"),
        ("match", "PFP"),
        ("match", "SPS"),
        ("unknown", "DEEP"),
        ("unknown", "RETRAINING"),
    ]


def test_to_pandas(ds: partnerdata.Dataset) -> None:
    df = ds.participants(partner="KGZ").to_pandas()
    assert list(df["programme"]) == ["BI", "DEEP", "EAPC", "NACC", "PARP", "PFP", "RETRAINING", "SPS"]
    assert str(df["since"].dtype) == "Int64"  # a missing year keeps the column integer
    empty = ds.participants("UN").to_pandas()
    assert len(empty) == 0
    assert "since" in empty.columns
    answer = ds.stance("forces").to_pandas()
    assert list(answer.columns)[:2] == ["answer", "partner"]


def test_import_does_not_load_pandas_or_query_modules() -> None:
    code = (
        "import sys, partnerdata; "
        "heavy = ('pandas', 'csv', 'json', 'partnerdata._query.engine', 'partnerdata._display.tables'); "
        "bad = [m for m in heavy if m in sys.modules]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_html_is_escaped() -> None:
    evil = partnerdata.Text(fr="<script>alert('x')</script>", en="a & <b>")
    ev = partnerdata.Evidence(source="x-fr", section=0, item=0, sentence=0, quote='say "<hi>"')
    result = Results([StatementHit(partner="KGZ", text=evil, evidence=(ev,))], title="<t>")
    html = result._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" not in html
    assert "a &amp; &lt;b&gt;" in html
    assert "&lt;t&gt;" in html
    assert 'title="say &quot;&lt;hi&gt;&quot;"' in html
    card = result[0]._repr_html_()
    assert ">StatementHit KGZ</caption>" in card and "« say &quot;&lt;hi&gt;&quot; »" in card
    assert "a &amp; &lt;b&gt;" in card


def test_html_of_datasets_answers_and_records(ds: partnerdata.Dataset) -> None:
    assert "55 relations" in ds._repr_html_()
    assert "as of the end of 1995" in ds.as_of(1995)._repr_html_()
    assert "contributes_forces" in ds.stance("forces")._repr_html_()
    relation_html = ds.relation("KGZ")._repr_html_()
    assert relation_html.startswith("<table")
    assert "KGZ" in relation_html
    long = ds.timeline()._repr_html_()
    assert long.count("<tr>") <= 2 * 31 + 4


def test_cli_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--programme", "SPS"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Participations: 5\n")
    assert "KGZ" in out
    assert "TKM" in out


def test_cli_query_unknown_part_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--partner", "KGZ", "--since-before", "2000", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "inconnu : 2" in out  # French puts a space before the colon
    assert "DEEP" in out


def test_cli_query_stance_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--stance", "forces"]) == 0
    assert "no (1): TKM" in capsys.readouterr().out
    assert main(["query", "--search", "cyberdefense", "--lang", "fr"]) == 0
    assert "Autres domaines de coopération" in capsys.readouterr().out


def test_cli_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "2014", "2015", "--partner", "TKM", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Chronologie : 2\n")
    assert "En 2014" in out or "2014" in out


def test_cli_export_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "participants", "--format", "csv", "--programme", "SPS"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["status"], r["partner"], r["since"]) for r in rows] == [
        ("match", "KGZ", "1993"),
        ("match", "KOR", ""),
        ("match", "TJK", ""),
        ("match", "TKM", "1993"),
        ("match", "UZB", ""),
    ]


def test_cli_export_jsonl_and_json_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "timeline", "--format", "jsonl", "--partner", "KGZ"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0]["kind"] == "relations"
    assert lines[-1]["status"] == "unknown"
    target = tmp_path / "forces.json"
    assert (
        main(["export", "stance", "--stance", "forces", "--format", "json", "--output", str(target), "--lang", "fr"])
        == 0
    )
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [r["partner"] for r in document if r["answer"] == "no"] == ["TKM"]


def test_cli_bad_name_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--programme", "NOPE"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("partnerdata: no programme matches 'NOPE'")
    assert len(err.splitlines()) == 1


def test_every_column_of_the_rows_is_named_and_exported(
    ds: partnerdata.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    result = ds.participants("SPS")
    names = list(result.rows()[0])
    assert result.columns() == names
    assert list(result.to_pandas().columns) == names
    assert main(["export", "participants", "--format", "csv", "--programme", "SPS"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split(",") == ["status", *names]
