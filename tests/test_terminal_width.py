"""Text output fits the terminal: prose wraps with its indent, tables narrow their widest column, nothing is cut.

The snapshots are written by hand from the packaged KGZ record (names, codes, years), at 60, 80
and 120 columns; the other tests check properties against the unwrapped output of the same
command (``--no-truncate``): every word still there, whole, and no line wider than asked.
"""

import io
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdata._cli.main import main
from partnerdata._display.tables import text_lines, wrap


def out_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) in (0, 1)  # diff exits 1 when it finds differences
    return capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# Hand-written snapshots: the first lines of a few commands at three widths.

SHOW_KGZ_60 = """\
Kyrgyzstan (KGZ / KG) - Kyrgyz Republic
Region: Central Asia
Also known as: Kirghizia; Kirghizie; Kirgizia; Kyrgyzia
Sources: nato-kgz-fr « Relations avec la République
  kirghize » (fr)
NATO pages cited: 5
  nato-news-115018-en-2014-11-10: NATO, "NATO marks two
    decades of cooperation with Kyrgyzstan" (en,
    2014-11-10),
    https://www.nato.int/cps/en/natohq/news_115018.htm
"""

SHOW_KGZ_80 = """\
Kyrgyzstan (KGZ / KG) - Kyrgyz Republic
Region: Central Asia
Also known as: Kirghizia; Kirghizie; Kirgizia; Kyrgyzia
Sources: nato-kgz-fr « Relations avec la République kirghize » (fr)
NATO pages cited: 5
  nato-news-115018-en-2014-11-10: NATO, "NATO marks two decades of cooperation
    with Kyrgyzstan" (en, 2014-11-10),
    https://www.nato.int/cps/en/natohq/news_115018.htm
"""

SHOW_KGZ_120 = """\
Kyrgyzstan (KGZ / KG) - Kyrgyz Republic
Region: Central Asia
Also known as: Kirghizia; Kirghizie; Kirgizia; Kyrgyzia
Sources: nato-kgz-fr « Relations avec la République kirghize » (fr)
NATO pages cited: 5
  nato-news-115018-en-2014-11-10: NATO, "NATO marks two decades of cooperation with Kyrgyzstan" (en, 2014-11-10),
    https://www.nato.int/cps/en/natohq/news_115018.htm
"""

# At 60 columns the six columns of `list` cannot fit whole words: each partner is a block.
LIST_60 = """\
AFG  AF
  name: Afghanistan
  region: South Asia
  relations since: 2003

ALB  AL
  name: Albania
  region: Western Balkans
  relations since: 1992
"""

# At 80 the two-word header wraps rather than a name: "United Arab Emirates" stays whole.
LIST_80 = """\
alpha-3  alpha-2  name                    region           relations   PfP since
                                                           since
AFG      AF       Afghanistan             South Asia       2003
ALB      AL       Albania                 Western Balkans  1992
ARE      AE       United Arab Emirates    Gulf             2005
"""

LIST_120 = """\
alpha-3  alpha-2  name                    region           relations since  PfP since
AFG      AF       Afghanistan             South Asia       2003
ALB      AL       Albania                 Western Balkans  1992
ARE      AE       United Arab Emirates    Gulf             2005
"""

# The timeline's locators are long codes: no table of it fits 60 columns, so each entry is a
# block headed by its year, kind and partner; the empty month, day and topics columns are gone.
TIMELINE_KGZ_60 = """\
Timeline: 13
1992  relations  KGZ
  programmes: NACC
  text: Kyrgyzstan: relations with NATO begin (through NACC)
  evidence: nato-kgz-fr#1.0.0

1992  participation  KGZ
  programmes: NACC
  until: 1997
  text: Kyrgyzstan: starts taking part in North Atlantic
    Cooperation Council (NACC)
"""

TIMELINE_KGZ_120_FIRST = "Timeline: 13\n1992  relations  KGZ\n  programmes: NACC\n"


@pytest.mark.parametrize(
    ("argv", "width", "expected"),
    [
        (["show", "KGZ"], 60, SHOW_KGZ_60),
        (["show", "KGZ"], 80, SHOW_KGZ_80),
        (["show", "KGZ"], 120, SHOW_KGZ_120),
        (["list"], 60, LIST_60),
        (["list"], 80, LIST_80),
        (["list"], 120, LIST_120),
        (["timeline", "--partner", "KGZ"], 60, TIMELINE_KGZ_60),
        (["timeline", "--partner", "KGZ"], 120, TIMELINE_KGZ_120_FIRST),
    ],
)
def test_snapshots_at_60_80_and_120_columns(
    capsys: pytest.CaptureFixture[str], argv: list[str], width: int, expected: str
) -> None:
    assert out_of(capsys, *argv, "--width", str(width)).startswith(expected)


def test_the_terminal_width_comes_from_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # shutil.get_terminal_size reads COLUMNS first
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["show", "KGZ"]) == 0
    assert terminal.getvalue().startswith(SHOW_KGZ_60)
    piped, unwrapped = io.StringIO(), Terminal()
    monkeypatch.setattr(sys, "stdout", piped)
    assert main(["show", "KGZ"]) == 0
    monkeypatch.setattr(sys, "stdout", unwrapped)
    assert main(["show", "KGZ", "--no-truncate"]) == 0
    # Piped: never wrapped, whatever COLUMNS says.
    assert piped.getvalue() == unwrapped.getvalue()
    assert "Sources: nato-kgz-fr « Relations avec la République kirghize » (fr)\n" in piped.getvalue()


# Properties against the unwrapped output.

PROSE = [
    ["show", "KGZ"],
    ["show", "TKM", "--lang", "fr"],
    ["diff", "KGZ", "TKM"],
    ["editions", "KGZ"],
    ["query", "--stance", "forces"],
]
TABLES = [
    ["list"],
    ["list", "--lang", "fr"],
    ["timeline", "--partner", "KGZ"],
    ["query", "--programme", "SPS"],
    ["query", "--table", "milestones", "--partner", "KGZ"],
]


def _fits(text: str, width: int) -> bool:
    """Every line fits, but for a line that is one word after its indent (a long URL or locator)."""
    return all(len(line) <= width or len(line.split()) == 1 for line in text.splitlines())


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("argv", PROSE, ids=" ".join)
def test_prose_wraps_between_words_and_loses_none(
    capsys: pytest.CaptureFixture[str], argv: list[str], width: int
) -> None:
    whole = out_of(capsys, *argv, "--no-truncate")
    fitted = out_of(capsys, *argv, "--width", str(width))
    assert _fits(fitted, width)
    assert max(len(line) for line in whole.splitlines()) > width or fitted == whole
    # The same words in the same order: only line breaks and indents differ.
    assert fitted.split() == whole.split()


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("argv", TABLES, ids=" ".join)
def test_tables_fit_and_cut_no_word(capsys: pytest.CaptureFixture[str], argv: list[str], width: int) -> None:
    whole = out_of(capsys, *argv, "--no-truncate")
    fitted = out_of(capsys, *argv, "--width", str(width))
    assert _fits(fitted, width) and "…" not in fitted
    # Every word of every cell is still there, whole: a block says "header: value" and a date as one.
    have = {w.rstrip(":") for w in fitted.split()}
    have |= {part.lstrip("0") for w in have if re.fullmatch(r"\d{4}(-\d\d){1,2}", w) for part in w.split("-")}
    assert {w.rstrip(":") for w in _cell_words(whole)} <= have


def _cell_words(text: str) -> set[str]:
    """The words of an unwrapped table's cells: not of its title lines ("Timeline: 13") nor its header lines."""
    lines = text.splitlines()
    titles = [i for i, line in enumerate(lines) if re.fullmatch(r"\S.*: \d+", line)]
    headers = {i + 1 for i in titles} if titles else {0}
    return {w for i, line in enumerate(lines) if i not in headers and i not in titles for w in line.split()}


def test_a_column_empty_in_every_row_is_left_out() -> None:
    rows = [{"year": 1992, "month": None, "day": None, "partner": "KGZ"}, {"year": 1994, "month": None, "partner": ""}]
    assert text_lines(rows) == ["year  partner", "1992  KGZ", "1994"]


def test_the_widest_prose_column_narrows_first_and_codes_stay_whole() -> None:
    rows = [
        {"partner": "KGZ", "programme": "Partnership for Peace", "text": "one two three four five six seven eight"},
        {"partner": "TKM", "programme": "NACC", "text": "nine"},
    ]
    lines = text_lines(rows, width=50)
    assert lines == [
        "partner  programme              text",
        "KGZ      Partnership for Peace  one two three four",
        "                                five six seven",
        "                                eight",
        "",
        "TKM      NACC                   nine",
    ]


def test_a_word_longer_than_the_line_stands_alone_and_whole() -> None:
    url = "https://www.nato.int/cps/en/natohq/topics_49607.htm"
    assert wrap(f"see {url} for more", 30, indent="  ") == ["  see", f"    {url}", "    for more"]


def test_french_punctuation_stays_with_its_word() -> None:
    assert wrap("Thèmes : cyberdéfense ; « défense »", 12) == ["Thèmes :", "  cyberdéfense ;", "  « défense »"]


words = st.text(alphabet="abcdefghij«»:;-", min_size=1, max_size=15).filter(lambda w: w.strip(" ") == w)


@given(st.lists(words, min_size=1, max_size=30), st.integers(min_value=10, max_value=80), st.integers(0, 6))
def test_wrap_keeps_every_word_and_fits(ws: list[str], width: int, indent: int) -> None:
    text = " ".join(ws)
    lines = wrap(text, width, indent=" " * indent)
    assert " ".join(line.strip() for line in lines).split() == text.split()
    # A line longer than the width is one word (with the marks glued to it) after its indent.
    for line in lines:
        assert line.startswith(" " * indent)
        assert len(line) <= width or " " not in line.strip() or any(m in line for m in "«»:;")


def test_a_wrapped_change_keeps_its_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnerdata._cli.output import colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    text = "    - removed: BI, since\n      2015\n        evidence: [nato-kgz-fr#3.2.0]"
    assert colour(text, Terminal()).split("\n") == [
        "\033[31m    - removed: BI, since\033[0m",
        "\033[31m      2015\033[0m",  # its continuation, two more spaces in
        "        evidence: [nato-kgz-fr#3.2.0]",  # what goes under it stays plain
    ]


cells = st.lists(st.text(alphabet="abcxyz-#0123", min_size=1, max_size=12), max_size=6).map(" ".join)
table_rows = st.lists(
    st.fixed_dictionaries(
        {"partner": st.sampled_from(["KGZ", "TKM", "", None]), "name": cells, "text": cells, "evidence": cells}
    ),
    min_size=1,
    max_size=6,
)


@given(table_rows, st.integers(min_value=20, max_value=100))
def test_a_fitted_table_or_its_blocks_keep_every_word(rows: list[dict[str, str | None]], width: int) -> None:
    # Table and blocks (the fallback) against the unwrapped table: the same cell words, lines that fit.
    whole = text_lines(rows)
    fitted = text_lines(rows, width=width)
    assert all(len(line) <= width or len(line.split()) == 1 for line in fitted)
    words = {w.rstrip(":") for line in fitted for w in line.split()}
    for r in rows:
        for value in r.values():
            assert set((value or "").split()) <= words
    assert bool(whole) == bool(fitted)
