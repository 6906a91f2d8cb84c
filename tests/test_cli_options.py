"""The command line's options behave alike across commands: filters, --lang, JSON, tables, usage errors.

Expectations come from the packaged JSON files read directly (not through the query layer), or are
written out by hand.
"""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from partnerdata._cli.main import main

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"


def raw(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def relations() -> list[dict[str, Any]]:
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted((DATA / "relations").glob("*.json"))]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partnerdata", *args], capture_output=True, text=True, check=False, timeout=60
    )


def out_of(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    assert main(list(argv)) == code
    return capsys.readouterr().out


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2  # main() returns the exit code, usage errors included
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()  # one line: which flag, and why
    return line


# Filters that do not apply are usage errors, never ignored.


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["timeline", "--stance", "forces"], "--stance"),
        (["timeline", "--search", "neutralité"], "--search"),
        (["query", "--topic", "cyber-defence", "--stance", "forces"], "--topic"),
        (["query", "--kind", "relations"], "--kind"),
        (["query", "--table", "frameworks", "--partner", "KGZ"], "--partner"),
        (["query", "--table", "partners", "--topic", "cyber-defence"], "--topic"),
        (["export", "participants", "--search", "cyber"], "--search"),
        (["timeline", "--since-after", "2000"], "--since-after"),
    ],
)
def test_regression_filters_silently_ignored(capsys: pytest.CaptureFixture[str], argv: list[str], flag: str) -> None:
    line = usage_error(capsys, *argv)
    assert f"{flag} does not apply to the" in line


def test_query_through_answers_the_cooperation_question(capsys: pytest.CaptureFixture[str]) -> None:
    # Regression: `query --through event` printed participations.
    document = json.loads(out_of(capsys, "query", "--through", "event", "--json"))
    expected = sorted(
        (r["partner"], t, e["date"]["year"]) for r in relations() for e in r["events"] for t in e["topics"]
    )
    assert sorted((row["partner"], row["topic"], row["year"]) for row in document) == expected
    assert {row["through"] for row in document} == {"event"}


@pytest.mark.parametrize(
    ("argv", "needs"),
    [(["export", "statements"], "--search"), (["query", "--table", "stance"], "--stance")],
)
def test_regression_missing_required_filter_exited_1(
    capsys: pytest.CaptureFixture[str], argv: list[str], needs: str
) -> None:
    assert usage_error(capsys, *argv).endswith(f"needs {needs} (see partnerdata {argv[0]} --help)")


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "2020", "2010"],
        ["query", "--since-after", "2010", "--since-before", "2000"],
        ["query", "--since-after", "2010", "--since-before", "2011"],
    ],
)
def test_regression_reversed_range_printed_zero_rows(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert "2010" in usage_error(capsys, *argv)


def test_bad_values_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert "kind must be one of" in usage_error(capsys, "timeline", "--kind", "coup")
    assert "invalid choice: 'sometimes'" in usage_error(capsys, "query", "--stance", "sometimes")
    assert "at least 20 columns" in usage_error(capsys, "list", "--width", "3")
    assert "not allowed with argument" in usage_error(capsys, "list", "--json", "--jsonl")


@pytest.mark.parametrize(
    "argv",
    [
        ["timeline", "abc"],
        ["query", "--as-of", "x"],
        ["diff", "KGZ"],
        ["show"],
        ["list", "--lang", "de"],
        ["--lang", "de", "list"],
        ["export", "nothing"],
        ["query", "--width", "-1"],
    ],
)
def test_no_traceback_for_any_argument(argv: list[str]) -> None:
    result = run(*argv)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


# --lang, before or after the command, headers and labels included.


def test_regression_lang_fr_was_refused_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    before = out_of(capsys, "--lang", "fr", "show", "KGZ")
    after = out_of(capsys, "show", "KGZ", "--lang", "fr")
    assert before == after and before.startswith("Kirghizistan (KGZ / KG)")
    assert out_of(capsys, "--lang", "en", "show", "KGZ", "--lang", "fr") == after  # the command's own wins


def test_regression_query_lang_fr_printed_english(capsys: pytest.CaptureFixture[str]) -> None:
    fr = out_of(capsys, "query", "--programme", "SPS", "--lang", "fr").splitlines()
    assert fr[0] == "Participations : 5"  # French puts a space before a colon
    assert fr[1].split() == ["partenaire", "programme", "depuis", "thèmes", "source", "d’après"]
    assert fr[2].startswith("KGZ ")
    assert "lutte contre le terrorisme ; cyberdéfense ; sécurité environnementale" in fr[2]
    assert "questions scientifiques et environnementales" in fr[3]  # KOR's topic, cited


def test_timeline_in_french_has_french_headers_kinds_and_topics(capsys: pytest.CaptureFixture[str]) -> None:
    lines = out_of(capsys, "--lang", "fr", "timeline", "1994", "1994", "--partner", "KGZ").splitlines()
    assert lines[0] == "Chronologie : 2"
    # month and day are empty in every row: left out
    assert lines[1].split()[:4] == ["année", "type", "partenaire", "programmes"]
    assert "coopération" in lines[2] and "activités de formation" in lines[3]
    assert "PPP" in lines[3]  # PFP by its French acronym, from the vocabulary


def test_one_label_for_a_topic_in_show_query_timeline_and_diff(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (topic,) = [t for t in raw("topics.json") if t["code"] == "training-exercises"]
    for lang in ("en", "fr"):
        word = topic["label"][lang]
        assert word in out_of(capsys, "show", "KGZ", "--lang", lang)
        assert word in out_of(capsys, "query", "--topic", "training-exercises", "--lang", lang)
        assert word in out_of(capsys, "timeline", "--partner", "KGZ", "--lang", lang)
        shown = json.loads(out_of(capsys, "show", "KGZ", "--json"))
        (pfp,) = [p for p in shown["relation"]["participations"] if p["programme"] == "PFP"]
        pfp["focus"] = []
        edited = tmp_path / "edited.json"
        edited.write_text(json.dumps(shown), encoding="utf-8")
        before = tmp_path / "before.json"
        before.write_text(out_of(capsys, "show", "KGZ", "--json"), encoding="utf-8")
        text = out_of(capsys, "diff", str(before), str(edited), "--lang", lang, code=1)
        assert word in text and "training-exercises" not in text


def test_lists_are_joined_with_semicolons(capsys: pytest.CaptureFixture[str]) -> None:
    # Regression: topics were joined with commas although a label may contain one.
    import partnerdata

    labels = {t["code"]: t["label"]["en"] for t in raw("topics.json")}
    codes = partnerdata.load().relation("KGZ").topics
    assert any(", " in labels[c] for c in codes)  # the case that made commas ambiguous
    out = out_of(capsys, "show", "KGZ")
    assert "Topics: " + "; ".join(labels[c] for c in codes) in out.splitlines()


# JSON on every command that prints data, in a documented shape.


def test_list_json_and_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    partners = raw("partners.json")
    rows = json.loads(out_of(capsys, "list", "--json"))
    assert [r["alpha3"] for r in rows] == [p["alpha3"] for p in partners]
    assert rows[0].keys() >= {"alpha3", "alpha2", "name_fr", "name_en", "relations_since", "pfp_since"}
    since = {r["partner"]: None if r["relations_since"] is None else r["relations_since"]["year"] for r in relations()}
    assert None in since.values()  # a relation that does not say when relations began: null, not left out
    assert {r["alpha3"]: r["relations_since"] for r in rows} == since
    lines = out_of(capsys, "--lang", "fr", "list", "--jsonl").splitlines()
    assert [json.loads(line)["name"] for line in lines] == [p["name"]["fr"] for p in partners]


def test_query_json_against_the_records(capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.loads(out_of(capsys, "query", "--programme", "PFP", "--json"))
    expected = sorted(
        (r["partner"], p["since"]) for r in relations() for p in r["participations"] if p["programme"] == "PFP"
    )
    assert sorted((row["partner"], row["since"]) for row in rows) == expected
    assert {row["status"] for row in rows} == {"match"}


def test_timeline_jsonl_has_unknown_rows(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [json.loads(line) for line in out_of(capsys, "timeline", "--partner", "KGZ", "--jsonl").splitlines()]
    (kgz,) = [r for r in relations() if r["partner"] == "KGZ"]
    undated = sorted(p["programme"] for p in kgz["participations"] if p["since"] is None)
    assert sorted(r["programmes"] for r in rows if r["status"] == "unknown") == undated
    assert all(r["year"] is None for r in rows if r["status"] == "unknown")


def test_stance_json(capsys: pytest.CaptureFixture[str], only_kgz_file: Path) -> None:
    rows = json.loads(out_of(capsys, "query", "--stance", "neutrality", "--json"))
    expected = {r["partner"]: r["stance"]["permanent_neutrality"] for r in relations()}
    got = {row["partner"]: row["answer"] for row in rows}
    assert got.keys() == {p["alpha3"] for p in raw("partners.json")}  # every partner has an answer
    assert {p: a for p, a in got.items() if p in expected} == {
        p: {True: "yes", False: "no", None: "unknown"}[v] for p, v in expected.items()
    }
    # A partner without relation data is unknown, never "no".
    rows = json.loads(out_of(capsys, "query", "--stance", "neutrality", "--json", "--data", str(only_kgz_file)))
    got = {row["partner"]: row["answer"] for row in rows}
    assert got.pop("KGZ") == "unknown"  # its pages do not state it
    assert got.keys() == {p["alpha3"] for p in raw("partners.json")} - {"KGZ"}
    assert set(got.values()) == {"unknown"}


def test_regression_show_json_was_refused_by_diff(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    shown = tmp_path / "kgz.json"
    shown.write_text(out_of(capsys, "show", "KGZ", "--json"), encoding="utf-8")
    assert json.loads(out_of(capsys, "diff", str(shown), "KGZ", "--json"))["changes"] == []
    document = json.loads(shown.read_text(encoding="utf-8"))
    document["relation"]["relations_since"]["year"] = "1992"
    shown.write_text(json.dumps(document), encoding="utf-8")
    result = run("diff", str(shown), "KGZ")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "$.relation.relations_since.year: expected an integer, got '1992'" in result.stderr


def test_diff_formats_are_the_render_formats(capsys: pytest.CaptureFixture[str]) -> None:
    import partnerdata

    # The command compares two different partners in substance by default (identity=None).
    d = partnerdata.diff(partnerdata.load().relation("KGZ"), partnerdata.load().relation("TKM"), identity=None)
    for format in ("text", "markdown", "html", "json", "patch"):
        assert out_of(capsys, "diff", "KGZ", "TKM", "--format", format, code=1) == d.render(format) + "\n"
    assert out_of(capsys, "diff", "KGZ", "TKM", "--json", code=1) == d.to_json()
    assert json.loads(d.render("patch")) == d.to_json_patch()


# Tables: never cut when piped; fit --width; --no-truncate.


def test_tables_are_not_cut_when_piped() -> None:
    (tkm,) = [r for r in relations() if r["partner"] == "TKM"]
    (event,) = [e for e in tkm["events"] if e["date"]["year"] == 2014]
    result = run("timeline", "2014", "2014", "--partner", "TKM")
    assert result.returncode == 0 and event["text"]["en"] in result.stdout and "…" not in result.stdout


def test_width_fits_and_no_truncate_does_not(capsys: pytest.CaptureFixture[str]) -> None:
    fitted = out_of(capsys, "timeline", "--partner", "KGZ", "--width", "100")
    whole = out_of(capsys, "timeline", "--partner", "KGZ", "--no-truncate")
    assert max(len(line) for line in fitted.splitlines()) <= 100 < max(len(line) for line in whole.splitlines())
    assert "…" not in fitted + whole  # wrapped between words, never cut


def test_lang_before_the_command_reaches_ingest(capsys: pytest.CaptureFixture[str]) -> None:
    page = str(Path(__file__).parent / "fixtures" / "pages" / "arm-en.txt")
    french = out_of(capsys, "--lang", "fr", "ingest", page).splitlines()
    assert "Arménie (ARM / AM) - République d'Arménie" in french
    assert "Armenia (ARM / AM) - Republic of Armenia" in out_of(capsys, "ingest", page).splitlines()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_diff_in_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["diff", "KGZ", "TKM"]) == 1
    coloured = terminal.getvalue()
    assert "\033[31m    - focus: cyber defence\033[0m" in coloured
    assert "\033[32m    + focus: internet access" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = Terminal()
    monkeypatch.setattr(sys, "stdout", plain)
    assert main(["diff", "KGZ", "TKM"]) == 1
    assert "\033[" not in plain.getvalue()
    unwrapped = Terminal()
    monkeypatch.setattr(sys, "stdout", unwrapped)
    assert main(["diff", "KGZ", "TKM", "--no-truncate"]) == 1
    piped = io.StringIO()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys, "stdout", piped)
    assert main(["diff", "KGZ", "TKM"]) == 1
    assert "\033[" not in piped.getvalue() and piped.getvalue() == unwrapped.getvalue()


def test_show_json_of_a_partner_without_relation_is_refused_clearly(tmp_path: Path, only_kgz_file: Path) -> None:
    shown = tmp_path / "geo.json"
    shown.write_text(run("show", "GEO", "--json", "--data", str(only_kgz_file)).stdout, encoding="utf-8")
    assert json.loads(shown.read_text(encoding="utf-8"))["relation"] is None
    result = run("diff", str(shown), "KGZ")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == f"partnerdata: {shown}: $.relation: null: this partner has no relation data to compare\n"


def test_regression_str_of_a_diff_was_its_repr() -> None:
    import partnerdata

    ds = partnerdata.load()
    d = partnerdata.diff(ds.relation("KGZ"), ds.relation("TKM"))
    assert str(d) == d.render("text") and str(d).startswith("Relation KGZ (Kyrgyzstan) → TKM (Turkmenistan)\n")


def test_validate_and_ingest_speak_french_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert out_of(capsys, "--lang", "fr", "validate", str(DATA)).startswith(f"ok : {DATA} : version des données ")
    page = str(Path(__file__).parent / "fixtures" / "pages" / "arm-en.txt")
    lines = out_of(capsys, "ingest", page, "--lang", "fr").splitlines()
    assert lines[0].startswith(f"Projet d'enregistrements lu dans {page} (en, ")
    assert lines[-1].startswith("Phrases non placées")


# One year-bound convention: --since and --until include their year, as since= and until= do.


@pytest.mark.parametrize(("since", "until"), [(1993, 1993), (1994, 2015), (1990, 1992)])
def test_cli_year_bounds_agree_with_python(capsys: pytest.CaptureFixture[str], since: int, until: int) -> None:
    import partnerdata

    ds = partnerdata.load()
    bounds = ("--since", str(since), "--until", str(until))
    shown = json.loads(out_of(capsys, "query", "--programme", "SPS", *bounds, "--json"))
    expected = ds.participants("SPS", since=since, until=until).rows(with_unknown=True)
    assert shown == json.loads(json.dumps(expected))
    shown = json.loads(out_of(capsys, "timeline", "--partner", "KGZ", *bounds, "--json"))
    expected = ds.timeline(since, until, partner="KGZ").rows(with_unknown=True)
    assert shown == json.loads(json.dumps(expected))
    # Both ends are included: a year equal to a bound is a match.
    assert all(since <= r["year"] <= until for r in shown if r["status"] == "match")


def test_cli_reversed_year_bounds_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    line = usage_error(capsys, "query", "--programme", "SPS", "--since", "2000", "--until", "1990")
    assert "--since 2000 is after --until 1990" in line
