"""``partnerdata ingest PAGE`` reads every layout and encoding that ``build`` and ``read_page`` read.

The expectations are the fixtures' own ``.expected.json`` files, written by hand with the pages
(see tests/fixtures/layouts/README.md), not output of the extractor.
"""

import json
from pathlib import Path

import pytest

from partnerdata._cli.main import main

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"

PAGES = [
    "tkm-en-2019-06-18.html",  # saved HTML, UTF-8
    "mda-fr-2021-10-11-cp1252.html",  # saved HTML, windows-1252 declared in a meta tag
    "uzb-fr-2017-12-05-cp1252-undeclared.html",  # saved HTML, windows-1252 not declared
    "geo-en-2019-07-04-broken.html",  # broken markup
    "aze-en-2020-03-11-browser.txt",  # text copied from a browser: bullets, blank lines, stamp
    "kgz-en-2012-03-14-accordion.txt",  # the accordion layout
    "geo-fr-2011-older.txt",  # the older layout, undated
]


def _expected(page: str) -> dict[str, object]:
    stem = page.rsplit(".", 1)[0]
    found: dict[str, object] = json.loads((LAYOUTS / f"{stem}.expected.json").read_text("utf-8"))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_ingest_reads_every_layout_and_encoding(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    expected = _expected(page)
    assert main(["ingest", str(LAYOUTS / page), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    partner = expected["partner"]
    assert isinstance(partner, str)
    assert document["partner"]["alpha3"] == partner
    assert document["source"]["id"] == f"nato-{partner.lower()}-{expected['language']}"
    assert document["source"]["language"] == expected["language"]
    assert document["source"]["title"] == expected["title"]
    edition = document["source"]["edition"]
    shown = None if edition is None else f"{edition['year']:04d}-{edition['month']:02d}-{edition['day']:02d}"
    assert shown == expected["edition"]
    # The fixtures give the year and the forum; a day is expected only where one names it (none do).
    relations_since = expected["relations_since"]
    assert isinstance(relations_since, dict)
    assert {k: v for k, v in document["relation"]["relations_since"].items() if k != "evidence"} == {
        "date": None,
        **relations_since,
    }


def test_ingest_reads_a_windows_1252_page_not_only_utf8(capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: ``ingest`` refused any page that was not UTF-8 text ("not UTF-8 text ...")."""
    page = LAYOUTS / "uzb-fr-2017-12-05-cp1252-undeclared.html"
    with pytest.raises(UnicodeDecodeError):
        page.read_bytes().decode("utf-8")  # the fixture is what the defect needs
    assert main(["ingest", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Projet d'enregistrements lu dans {page} (fr, source nato-uzb-fr)")
    assert "Ouzbékistan (UZB / UZ)" in out
    assert "Relations depuis 1992" in out


@pytest.mark.parametrize(
    ("page", "refusal", "reason"),
    [
        (
            "nato-news-en-2018-09-13.html",
            "not a partner page",
            "the title 'NATO Deputy Secretary General visits Kazakhstan' is not that",
        ),
        ("kaz-de.txt", "not a partner page", "the page is in another language than French or English"),
        ("empty.txt", "not a partner page", "the text is empty"),
        ("missing.html", "cannot read the page", "cannot be read"),  # no page at all: not called a non-page
    ],
)
def test_ingest_refuses_what_is_not_a_partner_page_with_the_file_and_reason(
    page: str, refusal: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(LAYOUTS / page)]) == 3  # unreadable input (docs/cli.rst), not a usage error
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"partnerdata: {refusal}: {LAYOUTS / page}")
    assert reason in captured.err
    assert "Traceback" not in captured.err
