"""Every result type's notebook HTML: well formed, styled inline, labelled; laid out by a real browser.

Notebooks (Jupyter, VS Code) and a plain browser style tables differently or not at all, so the
cells must carry their padding and alignment themselves. A parser checks the markup of every
type; where a headless Chromium is installed, a test lays the page out and measures the cells.
"""

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import partnerdata

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"
VOID = {"br", "meta", "img", "hr", "input"}


class Checker(HTMLParser):
    """Balanced tags, and the style of every table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.cells: list[dict[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.cells.append({k: v or "" for k, v in attrs})
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def displays() -> dict[str, Any]:
    ds = partnerdata.load()
    return {
        "participants": ds.participants("SPS"),
        "unknown part": ds.participants("BI", since_after=2010),
        "answer": ds.stance("contributes_forces"),
        "timeline": ds.timeline(partner="TKM"),
        "membership": ds.participants("SPS")[0],
        "relation": ds.relation("KGZ"),
        "partner": ds.partner("KGZ"),
        "panel": ds.panel(1991, 2026),
        "dataset": ds,
        "edition": ds.editions_of("KGZ")[0],
        "history": partnerdata.history(ds, "KGZ"),
        "diff": partnerdata.diff(ds.relation("KGZ"), ds.relation("TKM")),
    }


@pytest.mark.parametrize("name", list(displays()))
def test_every_display_is_well_formed_and_pads_its_cells(name: str) -> None:
    page = displays()[name]._repr_html_()
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.open == []
    assert checker.cells or name in ("diff", "history"), name  # headings and lists, no table
    for cell in checker.cells:
        style = cell.get("style", "")
        assert "padding" in style and "text-align:left" in style, (name, cell)


def test_regression_results_were_unlabelled_codes_and_field_names() -> None:
    page = partnerdata.load().participants("BI", since_after=2010)._repr_html_()
    headers = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", page)
    assert headers[:4] == ["partner", "programme", "since", "focus"]
    assert "until" not in headers  # no BI participation ended: an empty column is left out
    # ARM, COL and MNG take part without a start year (their JSON): "unknown", never blank.
    unknown = page[page.index("year not known") :]
    assert unknown.count(">unknown</span>") == 3


def test_regression_relation_card_said_unknown_of_a_membership_that_never_was() -> None:
    card = partnerdata.load().relation("KGZ")._repr_html_()
    raw = json.loads((DATA / "relations" / "KGZ.json").read_text(encoding="utf-8"))
    assert raw.get("member_since") is None
    assert "member since" not in card.lower() and "member_since" not in card
    heads = re.findall(r"<th(?: [^>]*)?>(.*?)</th>", card)
    assert "relations since" in heads and "cycle (years)" in heads
    assert "relations_since" not in heads and "cycle_years" not in heads


def test_panel_display_shows_first_and_last_rows_and_words_for_cells() -> None:
    panel = partnerdata.load().panel(1991, 2026)
    page = panel._repr_html_()
    rows = re.findall(r"<tr>(.*?)</tr>", page)
    assert rows[1].startswith("<td") and ">AFG<" in rows[1] and ">UZB<" in rows[-1]
    assert f"{len(panel) - 12:,} more rows" in page
    first = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>.*?</td>", rows[1])]
    expected = {True: "yes", False: "no", None: "unknown"}
    for column, shown in zip(panel.columns, first, strict=True):
        value = panel.cell("AFG", 1991, column)
        assert shown == (expected[value] if value is None or isinstance(value, bool) else str(value))


BROWSER = next((b for b in ("chromium-headless-shell", "chromium", "google-chrome") if shutil.which(b)), None)

# Runs in the page once laid out: for each table, whether any two neighbouring cells' text comes
# closer than 6 CSS pixels, and whether any cell is right-aligned; the answer replaces the body.
MEASURE = """
<script>
const out = [];
for (const table of document.querySelectorAll("table")) {
  for (const row of table.rows) {
    const cells = Array.from(row.cells);
    for (let i = 0; i + 1 < cells.length; i++) {
      const a = document.createRange(); a.selectNodeContents(cells[i]);
      const b = document.createRange(); b.selectNodeContents(cells[i + 1]);
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      if (ra.width && rb.width && rb.left - ra.right < 6) out.push("tight:" + cells[i].textContent.slice(0, 20));
    }
    for (const c of cells) {
      if (getComputedStyle(c).textAlign === "right") out.push("right:" + c.textContent.slice(0, 20));
    }
  }
}
document.body.textContent = "RESULT" + JSON.stringify(out) + "END";
</script>
"""


@pytest.mark.skipif(BROWSER is None, reason="no headless Chromium here (apt-get install chromium-headless-shell)")
def test_a_real_browser_lays_every_display_out_with_space_between_cells(tmp_path: Path) -> None:
    # Jupyter's own stylesheet right-aligns cells; a plain page has none. Both must read alike:
    # here the bare browser, with a notebook-like rule that inline styles must override.
    notebook_css = "<style>td, th {text-align: right; padding: 0}</style>"
    body = "".join(f"<h3>{name}</h3>{obj._repr_html_()}" for name, obj in displays().items())
    page = tmp_path / "page.html"
    page.write_text(f'<!doctype html><meta charset="utf-8">{notebook_css}{body}{MEASURE}', encoding="utf-8")
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r"RESULT(.*)END", done.stdout)
    assert found is not None, done.stderr[-2000:]
    assert json.loads(found.group(1)) == []
