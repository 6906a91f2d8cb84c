"""Outputs that carry their provenance: codebook, per-cell provenance, versions in every file, citation files."""

import io
import json
import re
from pathlib import Path

import attrs
import pytest

import partnerdata
from partnerdata._cli.main import main
from partnerdata._display.panel import codebook_path, codebook_rst, encode, write
from partnerdata._query.codebook import PROVENANCE, RULES

ROOT = Path(__file__).resolve().parents[1]
BASE = partnerdata.load()
PANEL = BASE.panel(1990, 2026)


def test_every_rule_a_cell_reports_is_in_the_codebook_entry_of_its_column() -> None:
    entries = {e["column"]: e for e in PANEL.codebook()}
    assert list(entries) == list(PANEL.columns)
    seen: set[str] = set()
    for a in PANEL.partners:
        for y in (1990, 1991, 1993, 1997, 1998, 2006, 2014, 2023, 2026):
            for column in PANEL.columns:
                rule = PANEL.explain(a, y, column).rule
                seen.add(rule)
                assert rule in RULES, rule
                assert rule in entries[column]["rules"], (a, y, column, rule)
    # The packaged panel reaches every rule but these, which datasets made for them reach
    # (tests/test_panel.py, tests/test_panel_rules.py) or years before 1990 (not-tabled).
    assert set(RULES) - seen == {"began-through", "no-code", "no-relation", "not-tabled", "succeeded"}


def test_provenance_is_the_kind_of_the_rule_that_decided_each_cell() -> None:
    panel = BASE.panel(1993, 1998)
    rows = list(zip(panel.column("alpha3"), panel.column("year"), strict=True))
    for column in ("pfp", "eapc", "nato", "gwcode", "prog_sps", "neutrality", "events", "year"):
        kinds = panel.provenance(column)
        assert len(kinds) == len(rows)
        for (a, y), kind in zip(rows, kinds, strict=True):
            assert kind == RULES[panel.explain(a, y, column).rule][0]
            assert kind in PROVENANCE


@pytest.mark.parametrize(
    ("partner", "year", "column", "kind"),
    [
        ("KGZ", 1993, "pfp", "vocabulary"),  # the PfP was founded in 1994
        ("KGZ", 1994, "pfp", "page"),  # the page dates its accession to 1994
        ("KGZ", 1994, "prog_deep", "unknown"),  # the page gives no start
        ("JPN", 2000, "pfp", "vocabulary"),  # not among its frameworks in the vocabulary
        ("FIN", 2023, "nato", "vocabulary"),
        ("SRB", 2000, "gwcode", "vocabulary"),  # the state list's code
        ("CZE", 1992, "ccode", "vocabulary"),  # the state list says: not a member yet
    ],
)
def test_provenance_by_hand(partner: str, year: int, column: str, kind: str) -> None:
    i = list(zip(PANEL.column("alpha3"), PANEL.column("year"), strict=True)).index((partner, year))
    assert PANEL.provenance(column)[i] == kind


def test_an_inferred_cell_says_inference() -> None:
    r = BASE.relation("KGZ")
    kept = [p for p in r.participations if p.programme != "EAPC"]
    ds = attrs.evolve(
        BASE, relations=[x if x.partner != "KGZ" else attrs.evolve(r, participations=kept) for x in BASE.relations]
    )
    panel = ds.panel(1997, 1997)
    assert panel.provenance("eapc")[panel.partners.index("KGZ")] == "inference"


def test_the_codebook_page_is_the_codebook_of_the_packaged_panel() -> None:
    page = (ROOT / "docs" / "codebook.rst").read_text("utf-8")
    assert page == codebook_rst(BASE.panel(1991, 2026)), (
        "docs/codebook.rst is out of date: partnerdata panel --start 1991 --end 2026 --codebook rst > docs/codebook.rst"
    )
    for rule in RULES:
        assert f"``{rule}``" in page


def test_parquet_names_its_data_and_library_version_and_round_trips() -> None:
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas")
    import importlib

    pq = importlib.import_module("pyarrow.parquet")  # no type stubs
    data = encode(PANEL, "parquet")
    meta = json.loads(pq.read_schema(io.BytesIO(data)).metadata[b"partnerdata"])
    assert (meta["data_version"], meta["partnerdata_version"]) == (partnerdata.DATA_VERSION, partnerdata.__version__)
    assert [c["column"] for c in meta["columns"]] == list(PANEL.columns)
    back = pandas.read_parquet(io.BytesIO(data), dtype_backend="numpy_nullable")
    pandas.testing.assert_frame_equal(back, PANEL.to_pandas(), check_dtype=True)


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
def test_a_csv_or_jsonl_file_gets_its_codebook_beside_it(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"panel.{suffix}"
    assert main(["panel", "--start", "2000", "--end", "2001", "-o", str(target)]) == 0
    book = json.loads((tmp_path / "panel.codebook.json").read_text("utf-8"))
    assert codebook_path(target) == tmp_path / "panel.codebook.json"
    assert book["data_version"] == "2026.12.3" and book["partnerdata_version"] == partnerdata.__version__
    assert book["years"] == "2000-2001" and book["system"] == "all years"
    assert {c["column"] for c in book["columns"]} == set(BASE.panel(2000, 2001).columns)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"panel.{suffix}", "panel.codebook.json"])


def test_provenance_columns_in_a_file(tmp_path: Path) -> None:
    target = tmp_path / "panel.jsonl"
    write(BASE.panel(1994, 1994), "jsonl", target, provenance=True)
    rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    kgz = next(r for r in rows if r["alpha3"] == "KGZ")
    assert (kgz["pfp"], kgz["pfp_source"], kgz["prog_deep"], kgz["prog_deep_source"]) == (True, "page", None, "unknown")
    assert "alpha3_source" not in kgz and "year_source" not in kgz
    book = json.loads(codebook_path(target).read_text("utf-8"))
    assert "pfp_source" in [c["column"] for c in book["columns"]]


def test_read_csv_with_the_codebook_dtypes_gives_the_frame_back() -> None:
    pandas = pytest.importorskip("pandas")
    dtypes = {n: {"bool": "boolean", "int": "Int64", "str": "string"}[k] for n, k in PANEL.kinds().items()}
    text = encode(PANEL, "csv").decode("utf-8")
    back = pandas.read_csv(io.StringIO(text), dtype=dtypes, keep_default_na=False, na_values=[""])
    pandas.testing.assert_frame_equal(back, PANEL.to_pandas(), check_dtype=True)


@pytest.mark.parametrize(
    ("output", "extra"),
    [
        ("panel.xlsx", []),
        ("panel.xlsx", ["--format", "csv"]),  # never CSV in a file named .xlsx
        ("panel.csv", ["--format", "jsonl"]),
        ("panel.parquet", ["--format", "csv"]),
        ("panel.txt", []),
    ],
)
def test_a_suffix_the_format_does_not_match_is_a_usage_error(
    tmp_path: Path, output: str, extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / output
    assert main(["panel", "--start", "2000", "--end", "2000", "-o", str(target), *extra]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_another_suffix_with_an_explicit_format_is_written(tmp_path: Path) -> None:
    target = tmp_path / "panel.txt"
    assert main(["panel", "--start", "2000", "--end", "2000", "-o", str(target), "--format", "csv"]) == 0
    assert target.read_text("utf-8").startswith("alpha3,")


def test_the_cli_keeps_the_years_of_a_state_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["panel", "--start", "1992", "--end", "1993", "--system", "cow"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    keys = {(r.split(",")[0], r.split(",")[5]) for r in rows}
    assert ("CSK", "1992") in keys and ("CSK", "1993") not in keys and ("CZE", "1992") not in keys


def test_citation_files_name_both_versions_and_ship_in_the_sdist() -> None:
    cff = (ROOT / "CITATION.cff").read_text("utf-8")
    assert re.search(r"^version: 0\.3\.1$", cff, re.MULTILINE)
    assert partnerdata.__version__ == "0.3.1"
    assert f"version: {partnerdata.DATA_VERSION}" in cff
    notice = (ROOT / "NOTICE").read_text("utf-8")
    for needle in ("nato-kgz-fr.txt", "nato-tkm-fr.txt", "Correlates of War", "Gleditsch", "MIT licence"):
        assert needle in notice
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    sdist = pyproject[pyproject.index("[tool.hatch.build.targets.sdist]") :]
    assert '"CITATION.cff"' in sdist and '"NOTICE' in sdist
