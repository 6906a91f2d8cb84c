"""Figures: a partner's timeline and a programme's participants, checked against the records' JSON."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import partnerdata

pytest.importorskip("matplotlib")

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"


def kgz() -> dict[str, Any]:
    document: dict[str, Any] = json.loads((DATA / "relations" / "KGZ.json").read_text(encoding="utf-8"))
    return document


def codes() -> dict[str, str]:
    """A row label of a timeline (the programme's English acronym) to its code, read from the JSON."""
    programmes = json.loads((DATA / "programmes.json").read_text(encoding="utf-8"))
    return {(p["acronym"] or p["name"])["en"]: p["code"] for p in programmes}


def bars_by_code(ax: Any) -> dict[str, Any]:
    labels = [codes().get(t.get_text(), t.get_text()) for t in ax.get_yticklabels()]
    return {labels[round(b.get_y() + b.get_height() / 2)]: b for b in ax.patches if b.get_facecolor()[3] > 0}


def test_timeline_bars_start_at_each_participation_and_are_open_ended() -> None:
    ax = partnerdata.load().timeline(partner="KGZ").plot(until=2030)
    bars = bars_by_code(ax)
    started = {p["programme"]: p["since"] for p in kgz()["participations"] if p["since"] is not None}
    assert {code: b.get_x() for code, b in bars.items()} == started
    running = {p["programme"] for p in kgz()["participations"] if p["until"] is None and p["suspended"] is None}
    assert {bars[code].get_x() + bars[code].get_width() for code in bars.keys() & running} == {2031}  # to 2030's end


def test_a_participation_that_ended_is_drawn_to_its_end() -> None:
    ax = partnerdata.load().timeline(partner="KGZ").plot(until=2030)
    bars = bars_by_code(ax)
    (nacc,) = [p for p in kgz()["participations"] if p["programme"] == "NACC"]
    assert nacc["until"] == 1997
    assert bars["NACC"].get_x() + bars["NACC"].get_width() == 1998  # to the end of its last year


def test_regression_unknown_start_years_are_never_drawn_from_zero() -> None:
    ax = partnerdata.load().timeline(partner="KGZ").plot(until=2030)
    unknown = sorted(p["programme"] for p in kgz()["participations"] if p["since"] is None)
    texts = [t for t in ax.texts if t.get_text() == "start unknown"]
    assert len(texts) == len(unknown) == 2
    assert min(p.get_x() for p in ax.patches) > 1900


def test_participants_count_by_year() -> None:
    ax = partnerdata.load().participants("PFP").plot(until=2000)
    line, unknown = ax.get_lines()
    pfp = [
        p
        for f in sorted((DATA / "relations").glob("*.json"))
        for p in json.loads(f.read_text(encoding="utf-8"))["participations"]
        if p["programme"] == "PFP"
    ]
    starts = sorted(p["since"] for p in pfp if p["since"] is not None)
    assert list(line.get_xdata()) == list(range(starts[0], 2001))

    def ran(p: dict[str, Any], year: int) -> bool:  # started, not ended, not in a suspension
        if p["since"] is None or year < p["since"] or (p["until"] is not None and year > p["until"]):
            return False
        return not (p["suspended"] is not None and p["suspended"] < year < (p["resumed"] or 10_000))

    for year, count in zip(line.get_xdata(), line.get_ydata(), strict=True):
        assert count == sum(1 for p in pfp if ran(p, int(year)))
    # Those whose start is not known are a dashed line above the count, never counted from year 0.
    not_dated = sum(1 for p in pfp if p["since"] is None)
    assert not_dated > 0 and unknown.get_linestyle() == "--"
    assert set(unknown.get_ydata()) == {line.get_ydata()[-1] + not_dated}
    assert [t.get_text() for t in ax.texts] == [f"+{not_dated}: start unknown"]


def test_participants_count_leaves_out_the_years_of_a_suspension() -> None:
    ds = partnerdata.load()
    ax = ds.participants("PFP").plot(until=2010)
    line = ax.get_lines()[0]
    pfp = [p for r in ds.relations for p in r.participations if p.programme == "PFP" and p.since is not None]
    assert any(p.suspended is not None for p in pfp)  # Malta from 1996 to 2008, Belarus and Russia
    for year, count in zip(line.get_xdata(), line.get_ydata(), strict=True):
        assert count == sum(1 for p in pfp if p.active(int(year)))


def test_other_results_have_no_figure() -> None:
    with pytest.raises(TypeError, match="not results of StatementHit"):
        partnerdata.load().search("cyber").plot()


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_cli_timeline_plot(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"kgz.{suffix}"
    result = subprocess.run(
        [sys.executable, "-m", "partnerdata", "timeline", "--partner", "KGZ", "--plot", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    head = target.read_bytes()[:200]
    magic = {"png": head.startswith(b"\x89PNG"), "pdf": head.startswith(b"%PDF"), "svg": b"<svg" in target.read_bytes()}
    assert magic[suffix]
    assert result.stdout == ""


def test_cli_plot_needs_png_svg_or_pdf(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "partnerdata", "timeline", "--plot", str(tmp_path / "x.jpg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "must end in .png, .svg or .pdf" in result.stderr
    assert not (tmp_path / "x.jpg").exists()


def test_plot_does_not_go_with_json(tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    result = subprocess.run(
        [sys.executable, "-m", "partnerdata", "timeline", "--plot", str(target), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "--plot draws a picture" in result.stderr and not target.exists()


def test_figures_have_a_title_naming_the_partner_and_a_legend() -> None:
    ds = partnerdata.load()
    ax = ds.timeline(partner="TKM").plot(until=2026)
    assert ax.get_title().startswith("Turkmenistan: ")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"taking part", "events", "milestones"} <= set(legend)
    fr = ds.timeline(partner="TKM").plot(until=2026, lang="fr")
    assert fr.get_title().startswith("Turkménistan : ") and "événements" in [
        t.get_text() for t in fr.get_legend().get_texts()
    ]
    pfp = ds.participants("PFP").plot(until=2026)
    assert "PfP" in pfp.get_title() and pfp.get_legend() is not None


def test_every_mark_is_numbered_and_named_in_the_legend() -> None:
    ax = partnerdata.load().timeline(partner="KGZ").plot(until=2026)
    raw = kgz()
    # Two milestones (relations, cooperation) and the dated events of the JSON, each once.
    expected = 2 + len(raw["events"])
    keyed = [t.get_text() for t in ax.get_legend().get_texts() if t.get_text()[:1].isdigit()]
    assert [k.split()[0] for k in keyed] == [str(i) for i in range(1, expected + 1)]
    numbers = [n for a in ax.texts if a.get_text()[:1].isdigit() for n in a.get_text().split(",")]
    assert sorted(numbers, key=int) == [str(i) for i in range(1, expected + 1)]
    assert any("1992: relations (NACC)" in k for k in keyed)


def test_the_axis_starts_at_the_first_dated_fact_of_the_partners() -> None:
    ds = partnerdata.load()
    ax = ds.timeline(partner="KGZ").plot(until=2026)
    assert ax.get_xlim()[0] == 1992 - 0.5  # relations began in 1992 (KGZ.json); SPS was founded in 1958
    everyone = ds.timeline().plot(until=2026)
    relations = [json.loads(f.read_text(encoding="utf-8")) for f in sorted((DATA / "relations").glob("*.json"))]
    years = [e["date"]["year"] for r in relations for e in r["events"]]
    years += [p["since"] for r in relations for p in r["participations"] if p["since"] is not None]
    years += [r[m]["year"] for r in relations for m in ("relations_since", "cooperation_since") if r.get(m)]
    assert everyone.get_xlim()[0] == min(years) - 0.5
    plt = pytest.importorskip("matplotlib.pyplot")
    plt.close("all")


def test_regression_a_saved_figure_clips_no_label(tmp_path: Path) -> None:
    ax = partnerdata.load().timeline(partner="KGZ").plot(until=2026)
    figure = ax.figure
    figure.savefig(tmp_path / "kgz.png")  # the usual way, without bbox_inches="tight"
    renderer = figure.canvas.get_renderer()
    box = figure.bbox
    for artist in [ax.xaxis.label, ax.title, ax.get_legend(), *ax.get_yticklabels()]:
        extent = artist.get_window_extent(renderer)
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0 and extent.y1 <= box.y1


def test_save_at_a_chosen_size_and_dpi(tmp_path: Path) -> None:
    from partnerdata._display.plot import save

    kgz = partnerdata.load().timeline(partner="KGZ")
    save(kgz, tmp_path / "kgz.png", size=(5, 3), dpi=100)
    head = (tmp_path / "kgz.png").read_bytes()[:24]
    assert (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")) == (500, 300)  # PNG IHDR
    save(kgz, tmp_path / "kgz.pdf", size=(5, 3))
    pdf = (tmp_path / "kgz.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/MediaBox [ 0 0 360 216 ]" in pdf  # 72 points an inch
    with pytest.raises(ValueError, match=r"must end in \.png, \.svg or \.pdf"):
        save(kgz, tmp_path / "kgz.gif")


def test_panel_plot_cells_are_the_panel_cells() -> None:
    panel = partnerdata.load().panel(1991, 2026)
    ax = panel.plot(["pfp", "eapc"])
    assert [t.get_text() for t in ax.get_yticklabels()] == list(panel.partners)
    (mesh,) = ax.collections
    n = len(panel.years)
    known = mesh.get_array().reshape((len(panel.partners), 2 * n + 2))  # a gap of two between blocks
    for k, column in enumerate(["pfp", "eapc"]):
        for i, partner in enumerate(panel.partners):
            for j, year in enumerate(panel.years):
                value = panel.cell(partner, year, column)
                x = k * (n + 2) + j
                if value is None:  # left out of the mesh: the hatched block under it shows
                    assert known.mask[i, x]
                else:
                    assert not known.mask[i, x] and known[i, x] == (1.0 if value else 0.0)
    under = [(p.get_x(), p.get_width(), p.get_height(), p.get_hatch()) for p in ax.patches]
    assert under == [(0, n, len(panel.partners), "////"), (n + 2, n, len(panel.partners), "////")]
    # yes, no and unknown: three entries, three different looks (unknown is hatched).
    handles = ax.get_legend().legend_handles
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["yes", "no", "unknown"]
    assert handles[0].get_facecolor() != handles[1].get_facecolor() and handles[2].get_hatch()


def test_panel_plot_refuses_a_column_that_is_not_yes_or_no() -> None:
    with pytest.raises(ValueError, match="draws yes/no columns; 'plan' holds str"):
        partnerdata.load().panel(2000, 2001).plot("plan")


PANEL = [sys.executable, "-m", "partnerdata", "panel", "--start", "1991"]


def test_cli_panel_plot(tmp_path: Path) -> None:
    target = tmp_path / "panel.svg"
    result = subprocess.run(
        [*PANEL, "--end", "1995", "--plot", str(target), "--plot-columns", "pfp,md"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"<svg" in target.read_bytes() and result.stdout == ""
    wrong = subprocess.run(
        [*PANEL, "--end", "1992", "--plot", str(target), "-o", str(tmp_path / "x.csv")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2 and "does not go with -o" in wrong.stderr
