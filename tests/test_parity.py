"""One behaviour, two interfaces: each question asked in Python and on the command line gets the same answer.

The same text (``str()`` of a result is what ``partnerdata query`` prints when piped), the same rows
(``--json`` is ``rows(with_unknown=True)``), the same error messages, the same labels; where the
two differ by design (a diff of two partners), both say so. Counts are checked against the
packaged JSON files read directly.
"""

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import partnerdata
from partnerdata._cli.main import main

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def ds() -> partnerdata.Dataset:
    return partnerdata.load()


QUESTIONS: list[tuple[list[str], Callable[[Any], Any]]] = [
    (["query", "--programme", "SPS"], lambda ds: ds.participants("SPS")),
    (["query", "--programme", "BI", "--since-after", "2010"], lambda ds: ds.participants("BI", since_after=2010)),
    (["query", "--topic", "cyber-defence"], lambda ds: ds.cooperating("cyber-defence")),
    (["query", "--table", "milestones", "--partner", "KGZ"], lambda ds: ds.milestones(partner="KGZ")),
    (["query", "--table", "milestones"], lambda ds: ds.milestones()),
    (["query", "--table", "frameworks"], lambda ds: ds.frameworks()),
    (["query", "--search", "cyber"], lambda ds: ds.search("cyber")),
    (["timeline", "2010", "2020"], lambda ds: ds.timeline(2010, 2020)),
    (["timeline", "--partner", "KGZ"], lambda ds: ds.timeline(partner="KGZ")),
    (["query", "--stance", "forces"], lambda ds: ds.stance("forces")),
    (["query", "--stance", "neutrality"], lambda ds: ds.stance("permanent_neutrality")),
]


@pytest.mark.parametrize(("argv", "ask"), QUESTIONS, ids=[" ".join(a) for a, _ in QUESTIONS])
def test_the_same_text_both_ways(
    capsys: pytest.CaptureFixture[str], ds: partnerdata.Dataset, argv: list[str], ask: Callable[[Any], Any]
) -> None:
    code, out, err = cli(capsys, *argv)
    assert (code, err) == (0, "")
    # Only the way to see what was left out differs: a flag here, a method there.
    assert out.replace("; --all shows them\n", "; rows() lists them\n") == str(ask(ds)) + "\n"


@pytest.mark.parametrize(("argv", "ask"), QUESTIONS, ids=[" ".join(a) for a, _ in QUESTIONS])
def test_the_same_rows_both_ways(
    capsys: pytest.CaptureFixture[str], ds: partnerdata.Dataset, argv: list[str], ask: Callable[[Any], Any]
) -> None:
    _, out, _ = cli(capsys, *argv, "--json")
    result = ask(ds)
    rows = result.rows() if isinstance(result, partnerdata.Answer) else result.rows(with_unknown=True)
    assert json.loads(out) == json.loads(json.dumps(rows))


def test_counts_agree_with_the_files(capsys: pytest.CaptureFixture[str]) -> None:
    # The title counts the matches; the note counts what it left out: together every record.
    relations = [json.loads(f.read_text(encoding="utf-8")) for f in (DATA / "relations").glob("*.json")]
    _, out, _ = cli(capsys, "query", "--table", "milestones")
    lines = out.splitlines()
    assert lines[0] == f"Milestones: {2 * len(relations)}"  # relations and cooperation, for each partner
    undated = sum(
        1
        for r in relations
        for m in (r["relations_since"], r["cooperation_since"])
        if m is None or (m.get("year") is None and not m.get("evidence"))
    )
    assert undated > 0
    assert lines[-1] == f"{undated} rows left out (empty, or vocabulary entries without a date); --all shows them"
    _, everything, _ = cli(capsys, "query", "--table", "milestones", "--all")
    assert len(everything.splitlines()) == 2 + 2 * len(relations)  # title, header, every row
    _, exported, _ = cli(capsys, "export", "milestones")
    assert len(exported.splitlines()) == 1 + 2 * len(relations)  # a file gets every row


def test_undated_vocabulary_entries_are_left_out_and_counted(capsys: pytest.CaptureFixture[str]) -> None:
    programmes = json.loads((DATA / "programmes.json").read_text(encoding="utf-8"))
    never_dated = [p["code"] for p in programmes if p.get("founded") is None]
    assert never_dated  # the vocabulary has programmes whose founding is not dated ("founded UN")
    _, quiet, _ = cli(capsys, "timeline", "2010", "2020")
    _, loud, _ = cli(capsys, "timeline", "2010", "2020", "--all")
    assert "founded" in loud and not any(line.startswith("founded ") for line in quiet.splitlines())
    assert "--all shows them" in quiet.splitlines()[-1] and "--all" not in loud


BAD = [
    (["query", "--programme", "XYZ"], lambda ds: ds.participants("XYZ")),
    (["show", "Kazakstn"], lambda ds: ds.partner("Kazakstn")),
    (["query", "--topic", "nothing-at-all"], lambda ds: ds.cooperating("nothing-at-all")),
]


@pytest.mark.parametrize(("argv", "ask"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_the_same_error_both_ways(
    capsys: pytest.CaptureFixture[str], ds: partnerdata.Dataset, argv: list[str], ask: Callable[[Any], Any]
) -> None:
    with pytest.raises(partnerdata.NotFoundError) as raised:
        ask(ds)
    code, out, err = cli(capsys, *argv)
    assert (code, out, err) == (2, "", f"partnerdata: {raised.value}\n")


def test_a_known_partner_without_data_says_so_both_ways(
    capsys: pytest.CaptureFixture[str], only_kgz_file: Path
) -> None:
    mine = partnerdata.load(only_kgz_file)
    expected = (
        "KAZ (Kazakhstan) is a known partner, but the data holds no relation for it; partners with relation data: KGZ"
    )
    for ask in (mine.relation, mine.editions_of):
        with pytest.raises(partnerdata.NotFoundError, match=r"^KAZ \(Kazakhstan\) is a known partner"):
            ask("KAZ")
    for argv in (["editions", "KAZ"], ["editions", "KAZ", "--history"], ["diff", "KAZ", "KGZ"]):
        code, out, err = cli(capsys, *argv, "--data", str(only_kgz_file))
        assert (code, out, err) == (2, "", f"partnerdata: {expected}\n"), argv


def test_a_diff_of_two_partners_says_what_it_compared(
    capsys: pytest.CaptureFixture[str], ds: partnerdata.Dataset
) -> None:
    kgz, tkm = ds.relation("KGZ"), ds.relation("TKM")
    _, substance, _ = cli(capsys, "diff", "KGZ", "TKM")
    _, everything, _ = cli(capsys, "diff", "KGZ", "TKM", "--identity")
    # The command line compares two partners on substance, Python every field: each says which.
    assert substance == str(partnerdata.diff(kgz, tkm, identity=False)) + "\n"
    assert everything == str(partnerdata.diff(kgz, tkm)) + "\n"
    assert "Substance compared: the names, statements and evidence of the two are left out" in substance
    assert "Every field compared, the names, statements and evidence of the two included" in everything
    # One partner in two editions: nothing to say about it.
    assert "compared" not in str(partnerdata.diff(kgz, kgz))


def test_yes_and_no_read_alike_in_every_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, stance, _ = cli(capsys, "export", "stance", "--stance", "forces")
    _, panel, _ = cli(capsys, "panel", "--start", "2000", "--end", "2000")
    for text in (stance, panel):
        values = {v for row in csv.reader(io.StringIO(text)) for v in row}
        assert "true" in values and not {"True", "False"} & values


@pytest.mark.parametrize(("lang", "pfp"), [("en", "PfP"), ("fr", "PPP")])
def test_one_label_for_a_programme_everywhere(
    capsys: pytest.CaptureFixture[str], ds: partnerdata.Dataset, lang: str, pfp: str
) -> None:
    (record,) = [p for p in json.loads((DATA / "programmes.json").read_text(encoding="utf-8")) if p["code"] == "PFP"]
    assert record["acronym"][lang] == pfp
    texts = [
        cli(capsys, "--lang", lang, "show", "KGZ")[1],
        cli(capsys, "--lang", lang, "timeline", "--partner", "KGZ")[1],
        cli(capsys, "--lang", lang, "diff", "KGZ", "TKM")[1],
        "\n".join(str(e.text.get(lang)) for e in ds.timeline(partner="KGZ")),
    ]
    for text in texts:
        assert pfp in text and "PFP" not in text


def test_a_diff_shows_each_quote_once(ds: partnerdata.Dataset) -> None:
    import attrs

    kgz, tkm = ds.relation("KGZ"), ds.relation("TKM")
    # A changed evidence field: its line says so, the sentences before and after follow once each.
    text = partnerdata.diff(kgz, tkm).render()
    assert text.count("Les relations avec le Kirghizistan ont débuté en 1992") == 1
    assert "~ evidence\n" in text
    # A removed statement, in its page's language, already shows its sentence: the evidence names its locator.
    first = kgz.statements[0]
    fewer = partnerdata.diff(kgz, attrs.evolve(kgz, statements=kgz.statements[1:])).render(lang="fr")
    assert fewer.count(first.evidence.quote) == 1
    assert f"source : [{first.evidence.locator}]\n" in fewer + "\n"
