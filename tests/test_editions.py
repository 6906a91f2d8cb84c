"""Building a dataset folder from pages, and its editions: listing, relation as of an edition, diffs, history.

Expectations come from the fixture pages' own records (``*.expected.json``, ``README.md`` of
``tests/fixtures/layouts``: which edition changes what), written before this code.
"""

import json
import shutil
from pathlib import Path

import attrs
import pytest

import partnerdata
from partnerdata import DataValidationError, Edition, PartialDate
from partnerdata._cli.main import main
from partnerdata._ingest.assemble import build_pages, merge_relations, write_folder
from partnerdata._ingest.build import default_data_dir

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "data"
    assert main(["build", str(LAYOUTS), "--output", str(out)]) == 1  # three pages are refused
    return out


def _expected(name: str) -> dict[str, object]:
    return json.loads((LAYOUTS / f"{name}.expected.json").read_text("utf-8"))  # type: ignore[no-any-return]


def test_build_writes_a_folder_that_load_reads(built: Path, tmp_path: Path) -> None:
    content = [p for p in LAYOUTS.glob("*.expected.json") if not json.loads(p.read_text("utf-8")).get("reject")]
    partners = {str(json.loads(p.read_text("utf-8"))["partner"]) for p in content}
    # From the pages alone: one source per readable page, one relation per partner they are about.
    alone = tmp_path / "pages-only"
    assert main(["build", str(LAYOUTS), "--output", str(alone), "--pages-only"]) == 1
    pages = partnerdata.load(alone)
    assert len(pages.sources) == len(content)
    assert {r.partner for r in pages.relations} == partners
    # By default the build starts from the packaged data: its pages and relations are kept beside the new ones.
    ds = partnerdata.load(built)
    packaged = partnerdata.load()
    assert {s.id for s in ds.sources} == {s.id for s in pages.sources} | {s.id for s in packaged.sources}
    assert len(ds.sources) == len(content) + len(packaged.sources)
    assert {r.partner for r in ds.relations} == partners | {r.partner for r in packaged.relations}
    for manifest in (json.loads((folder / "manifest.json").read_text("utf-8")) for folder in (built, alone)):
        assert "editions/KAZ.json" in manifest["files"]


def test_editions_are_the_pages_dates_oldest_first(built: Path) -> None:
    ds = partnerdata.load(built)
    want = sorted(
        {str(_expected(n)["edition"]) for n in ("kaz-en-2017-12-12", "kaz-en-2019-04-02", "kaz-en-2022-05-23")}
    )
    assert [e.label for e in ds.editions_of("Kazakhstan")] == want
    latest = ds.edition("KAZ")
    assert latest.date == PartialDate(year=2022, month=5, day=23)
    assert [ds.source(s).language for s in latest.sources] == ["en", "fr"]
    assert ds.relation("KAZ") == latest.relation
    assert ds.relation("KAZ", "2019-04-02") == ds.edition("KAZ", "2019-04-02").relation


def test_undated_editions_come_first(built: Path) -> None:
    ds = partnerdata.load(built)
    assert [e.label for e in ds.editions_of("GEO")] == ["undated", "2019-07-04"]
    assert ds.relation("GEO").sources == ("nato-geo-en-2019-07-04",)


def test_unknown_edition_says_which_exist(built: Path) -> None:
    ds = partnerdata.load(built)
    with pytest.raises(partnerdata.NotFoundError, match="2019-04-02"):
        ds.edition("KAZ", "2020-01-01")


def test_languages_that_disagree_are_a_conflict_not_a_choice(built: Path) -> None:
    edition = partnerdata.load(built).edition("KAZ", "2022-05-23")
    (conflict,) = edition.conflicts
    assert conflict.fact == "participations.PARP"
    assert conflict.values == ("2002", "2003")
    assert [ev.source for ev in conflict.evidence] == ["nato-kaz-en-2022-05-23", "nato-kaz-fr-2022-05-23"]
    second = conflict.evidence[1]
    assert isinstance(second, partnerdata.Evidence) and "2003" in second.quote


def test_facts_the_languages_agree_on_cite_both_pages(built: Path) -> None:
    relation = partnerdata.load(built).relation("KAZ")
    assert relation.relations_since is not None
    evidence = relation.relations_since.evidence
    assert [ev.source for ev in evidence if type(ev) is partnerdata.Evidence] == [
        "nato-kaz-en-2022-05-23",
        "nato-kaz-fr-2022-05-23",
    ]
    # Beside the quotes, the citations the packaged relation gives for the same fact.
    packaged = partnerdata.load().relation("KAZ").relations_since
    assert packaged is not None and (packaged.year, packaged.via) == (relation.relations_since.year, "NACC")
    assert [ev for ev in evidence if type(ev) is not partnerdata.Evidence] == list(packaged.evidence)
    assert {s.evidence.source for s in relation.statements} == {"nato-kaz-en-2022-05-23", "nato-kaz-fr-2022-05-23"}


def test_diff_between_editions_shows_what_the_pages_changed(built: Path) -> None:
    ds = partnerdata.load(built)
    d = partnerdata.diff_editions(ds, "KAZ", "2019-04-02", "2022-05-23")
    where = {c.where: c for c in d}
    assert where["participations/DEEP/since"].old == 2008
    assert where["participations/DEEP/since"].new == 2009
    assert where["events/2021-10-14"].kind == "added"
    assert any(w.startswith("events/2016-06") and c.kind == "removed" for w, c in where.items())
    # What both editions say alike is no change, though their sentences are different pages'.
    assert not any(w.startswith(("relations_since", "statements")) for w in where)
    earlier = partnerdata.diff_editions(ds, "KAZ", "2017-12-12", "2019-04-02")
    assert {c.where for c in earlier if c.kind == "added"} >= {"participations/BI", "channels/SR-CCA"}


def test_history_in_text_markdown_and_html(built: Path) -> None:
    h = partnerdata.history(partnerdata.load(built), "KAZ")
    assert [(a.label, b.label) for a, b, _ in h] == [("2017-12-12", "2019-04-02"), ("2019-04-02", "2022-05-23")]
    text = h.render()
    assert text.startswith("History of KAZ: 3 editions (2017-12-12, 2019-04-02, 2022-05-23)")
    assert "2008 → 2009" in text
    assert "conflict between languages: participations.PARP: 2002 / 2003" in text
    assert h.render("markdown").startswith("# History of KAZ")
    assert h.render("html").startswith("<h2>History of KAZ")
    with pytest.raises(ValueError, match="unknown format"):
        h.render("pdf")


def test_cli_editions_diff_and_history(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["editions", "KAZ", "--data", str(built)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "KAZ@2017-12-12: nato-kaz-en-2017-12-12 (en)"
    assert "KAZ@2022-05-23 (latest)" in out
    assert main(["diff", "KAZ@2019-04-02", "KAZ@2022-05-23", "--data", str(built)]) == 1
    assert "2008 → 2009" in capsys.readouterr().out
    assert main(["editions", "KAZ", "--history", "--format", "html", "--data", str(built)]) == 0
    assert "<h3>" in capsys.readouterr().out


def test_a_partner_outside_the_vocabulary_is_named_with_the_way_to_add_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "narnia.txt"
    page.write_text("Relations with Narnia\n\nNATO and Narnia talk.\n\n• Relations began in 1995.\n", "utf-8")
    assert main(["build", str(page), "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{page}: the page is about 'narnia', which is no partner country of the vocabulary" in err
    assert "--partners FILE" in err
    narnia = attrs.evolve(
        partnerdata.load().partner("KAZ"),
        alpha3="NRN",
        alpha2=None,
        numeric=None,
        cow=None,
        gw=None,
        name=partnerdata.Text(fr="Narnia", en="Narnia"),
        official_name=partnerdata.Text(fr="Royaume de Narnia", en="Kingdom of Narnia"),
        aliases=(),
    )
    extra = tmp_path / "partners.json"
    extra.write_text(json.dumps([partnerdata.to_dict(narnia)]), "utf-8")
    assert main(["build", str(page), "--output", str(tmp_path / "out"), "--partners", str(extra)]) == 0
    ds = partnerdata.load(tmp_path / "out")
    assert ds.relation("Narnia").relations_since is not None
    assert ds.relation("NRN").relations_since.year == 1995  # type: ignore[union-attr]


def test_build_refuses_the_installed_package_and_foreign_folders(tmp_path: Path) -> None:
    ds = build_pages([LAYOUTS / "kaz-en-2019-04-02.txt"]).dataset
    with pytest.raises(partnerdata.PartnerDataError, match="inside the installed package"):
        write_folder(ds, default_data_dir() / "x", packaged=default_data_dir())
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(partnerdata.PartnerDataError, match=r"the last build did not make .*\(notes.txt\)"):
        write_folder(ds, tmp_path, packaged=default_data_dir())
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"


def test_a_rebuild_removes_the_files_of_partners_gone(tmp_path: Path) -> None:
    out = tmp_path / "data"
    write_folder(
        build_pages([LAYOUTS / "kaz-en-2019-04-02.txt", LAYOUTS / "aze-en-2020-03-11-browser.txt"]).dataset, out
    )
    write_folder(build_pages([LAYOUTS / "kaz-en-2019-04-02.txt"]).dataset, out)
    assert [r.partner for r in partnerdata.load(out).relations] == ["KAZ"]
    assert not (out / "relations" / "AZE.json").exists()


def test_build_without_pages_or_flags_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build"]) == 2
    assert "--output DIR" in capsys.readouterr().err


def test_source_files_without_edition_load_as_undated(tmp_path: Path) -> None:
    """Regression: data folders written before sources had an edition date keep loading."""
    folder = tmp_path / "data"
    shutil.copytree(default_data_dir(), folder)
    source = folder / "sources" / "nato-tkm-fr.json"
    data = json.loads(source.read_text("utf-8"))
    del data["edition"]
    raw = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    source.write_bytes(raw)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    import hashlib

    manifest["files"]["sources/nato-tkm-fr.json"] = hashlib.sha256(raw).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    assert partnerdata.load(folder).source("nato-tkm-fr").edition is None


def test_dataset_document_without_editions_loads(tmp_path: Path) -> None:
    document = json.loads(partnerdata.to_json(partnerdata.load()))
    del document["editions"]
    for s in document["sources"]:
        del s["edition"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(document), "utf-8")
    assert partnerdata.load(path).editions_of("TKM")[0].label == "undated"


def test_an_edition_must_cite_pages_of_its_date() -> None:
    ds = build_pages([LAYOUTS / "kaz-en-2019-04-02.txt", LAYOUTS / "kaz-en-2022-05-23.txt"]).dataset
    old, new = ds.editions_of("KAZ")
    wrong = attrs.evolve(old, sources=new.sources)
    with pytest.raises(DataValidationError, match="of edition 2022-05-23, not KAZ@2019-04-02"):
        attrs.evolve(ds, editions=(wrong, new))
    with pytest.raises(DataValidationError, match="latest edition of KAZ is not the dataset's relation"):
        attrs.evolve(ds, relations=[old.relation])
    with pytest.raises(DataValidationError, match="a second edition KAZ@2022-05-23"):
        attrs.evolve(ds, editions=(old, new, new))


def test_merge_oracle_agreeing_and_disagreeing_facts() -> None:
    """Brute force: every fact of two pages is in the merge, once; disagreements are exactly the conflicts."""
    ds = build_pages([LAYOUTS / "kaz-en-2022-05-23.txt", LAYOUTS / "kaz-fr-2022-05-23-browser.txt"]).dataset
    (edition,) = ds.editions_of("KAZ")
    en, fr = (
        partnerdata.extract(partnerdata.read_page(LAYOUTS / n)).relation
        for n in (
            "kaz-en-2022-05-23.txt",
            "kaz-fr-2022-05-23-browser.txt",
        )
    )
    merged, conflicts = merge_relations([en, fr])
    programmes = {p.programme for p in en.participations} | {p.programme for p in fr.participations}
    assert {p.programme for p in merged.participations} == programmes
    disagree = {
        f"participations.{p.programme}"
        for p in en.participations
        if (q := fr.participation(p.programme)) is not None and None not in (p.since, q.since) and p.since != q.since
    }
    assert {c.fact for c in conflicts if c.fact.startswith("participations.")} == disagree
    assert len(merged.statements) == len(en.statements) + len(fr.statements)
    assert isinstance(edition, Edition)


def test_edition_and_conflict_round_trip_exactly(built: Path) -> None:
    edition = partnerdata.load(built).edition("KAZ", "2022-05-23")
    for record in (edition, edition.conflicts[0]):
        cls = type(record)
        assert partnerdata.from_json(cls, partnerdata.to_json(record)) == record


def test_editions_in_different_languages_compare_without_their_texts(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(LAYOUTS / "kaz-en-2019-04-02.txt", pages)
    shutil.copy(LAYOUTS / "kaz-fr-2022-05-23-browser.txt", pages)
    ds = build_pages([pages]).dataset
    d = partnerdata.diff_editions(ds, "KAZ")
    assert not any(isinstance(c.old, partnerdata.Text) and isinstance(c.new, partnerdata.Text) for c in d)
    where = {c.where: c for c in d}
    # The French page of 2022 says 2003 for PARP and 2009 for DEEP (README of the fixtures).
    assert (where["participations/PARP/since"].old, where["participations/PARP/since"].new) == (2002, 2003)
    assert (where["participations/DEEP/since"].old, where["participations/DEEP/since"].new) == (2008, 2009)


def test_a_bad_partners_file_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = tmp_path / "partners.json"
    extra.write_text('[{"alpha3": "NRN"}]', "utf-8")
    assert (
        main(["build", str(LAYOUTS / "kaz-en-2019-04-02.txt"), "-o", str(tmp_path / "o"), "--partners", str(extra)])
        == 3  # unreadable input
    )
    err = capsys.readouterr().err
    assert f"{extra}: $[0]" in err
    assert not (tmp_path / "o").exists()


def test_progress_bar_on_a_terminal_only() -> None:
    import io

    from partnerdata._ingest.assemble import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert progress_bar(io.StringIO()) is None
    screen = Terminal()
    show = progress_bar(screen, minimum=2)
    assert show is not None
    show(1, 2, "pages/a.txt")
    show(2, 2, "pages/b.txt")
    assert screen.getvalue().endswith("] 2/2 b.txt" + " " * 35 + "\n")
    assert "[###############...............] 1/2 a.txt" in screen.getvalue()


def test_a_dataset_diff_keys_editions_by_partner_and_date() -> None:
    two = build_pages([LAYOUTS / "kaz-en-2017-12-12.txt", LAYOUTS / "kaz-en-2019-04-02.txt"]).dataset
    three = build_pages(
        [LAYOUTS / "kaz-en-2017-12-12.txt", LAYOUTS / "kaz-en-2019-04-02.txt", LAYOUTS / "kaz-en-2022-05-23.txt"]
    ).dataset
    d = partnerdata.diff(two, three)
    assert [c.kind for c in d if c.path[0] == "editions"] == ["added"]
    assert [c.where for c in d if c.path[0] == "editions"] == ["editions/KAZ@2022-05-23"]
    assert d.apply(two) == three
    assert d.invert().apply(three) == two
    assert "Edition KAZ@2022-05-23" in d.render()
