"""The example pages shipped with the package: listed, read, built, listed by edition and diffed.

What each page is (partner, language, edition, format) and what changes between its editions
(the 2022 pages add the Planning and Review Process, since 2002, which the 2017 page does not
name) were written here from the pages, by hand. ``tests/test_packaging.py`` runs the same
commands from the built wheel.
"""

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import partnerdata
from partnerdata._cli.main import main

PAGES = [
    ("kaz-fr-2016-04-07.html", "KAZ", "fr", "2016-04-07", "html", "Relations avec le Kazakhstan"),
    ("kaz-en-2017-12-12.txt", "KAZ", "en", "2017-12-12", "text", "Relations with Kazakhstan"),
    ("kaz-en-2022-05-23.html", "KAZ", "en", "2022-05-23", "html", "Relations with Kazakhstan"),
    ("kaz-fr-2022-05-23.txt", "KAZ", "fr", "2022-05-23", "text", "Relations avec le Kazakhstan"),
]


def _cli(*argv: str) -> tuple[int, str]:
    buffer = io.StringIO()
    with redirect_stdout(buffer), redirect_stderr(buffer):
        code = main(list(argv))
    return code, buffer.getvalue()


def test_the_example_pages_are_listed_oldest_first() -> None:
    got = [(p.name, p.partner, p.language, p.edition, p.format) for p in partnerdata.examples()]
    assert got == [row[:5] for row in PAGES]


@pytest.mark.parametrize(("name", "partner", "language", "edition", "fmt", "title"), PAGES, ids=[r[0] for r in PAGES])
def test_each_page_reads_as_its_name_says(
    tmp_path: Path, name: str, partner: str, language: str, edition: str, fmt: str, title: str
) -> None:
    (example,) = [p for p in partnerdata.examples() if p.name == name]
    path = example.save(tmp_path)
    assert path == tmp_path / name
    assert path.read_bytes() == example.read_bytes()
    page = partnerdata.read_page(path)
    assert (page.title, page.language, page.edition and page.edition.isoformat()) == (title, language, edition)
    assert partnerdata.extract(page).partner.alpha3 == partner


def test_save_refuses_to_write_through_a_link(tmp_path: Path) -> None:
    example = partnerdata.examples()[0]
    (tmp_path / "elsewhere").write_text("keep", "utf-8")
    (tmp_path / example.name).symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OSError, match="symbolic link"):
        example.save(tmp_path)
    assert (tmp_path / "elsewhere").read_text("utf-8") == "keep"


def test_build_editions_and_diff_from_the_examples(tmp_path: Path) -> None:
    pages, data = tmp_path / "pages", tmp_path / "data"
    code, out = _cli("examples", str(pages))
    assert code == 0
    assert sorted(p.name for p in pages.iterdir()) == sorted(r[0] for r in PAGES)
    code, out = _cli("build", str(pages), "--output", str(data), "--pages-only")
    assert (code, out.splitlines()[0]) == (0, f"wrote {data}: 4 pages, 1 partners, 3 editions")
    ds = partnerdata.load(data)
    assert [(e.label, e.sources) for e in ds.editions_of("KAZ")] == [
        ("2016-04-07", ("nato-kaz-fr-2016-04-07",)),
        ("2017-12-12", ("nato-kaz-en-2017-12-12",)),
        ("2022-05-23", ("nato-kaz-en-2022-05-23", "nato-kaz-fr-2022-05-23")),
    ]
    code, out = _cli("editions", "KAZ", "--data", str(data))
    assert code == 0
    assert out.splitlines()[-1].startswith("KAZ@2022-05-23 (latest): nato-kaz-en-2022-05-23 (en), nato-kaz-fr")
    code, out = _cli("diff", "KAZ@2017-12-12", "KAZ@2022-05-23", "--data", str(data))
    assert code == 1  # they differ
    assert "+ added: PARP, since 2002" in out
    d = partnerdata.diff_editions(ds, "KAZ", "2017-12-12", "2022-05-23")
    (parp,) = [c for c in d if c.where == "participations/PARP"]
    assert (parp.kind, parp.new.since) == ("added", 2002)
