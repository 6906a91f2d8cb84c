"""Figures for results people would rather look at than read (the ``plot`` extra: matplotlib).

- a timeline (:meth:`Results.plot` of ``ds.timeline(...)``): one row per participation, a bar from
  its start year, open-ended (an arrow) since a participation has no recorded end; a participation
  whose start is not stated is a hatched row labelled as such, never a bar from year 0; events and
  milestones are marks on their own rows;
- participants (``ds.participants("PFP").plot()``): how many partners take part, year by year,
  and how many more whose start year is not known.

matplotlib is imported only here, when a figure is asked for.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from partnerdata._display.labels import LABELS, code_label, label
from partnerdata._model.errors import ArgumentError, ArgumentTypeError

__all__ = ["plot", "save_timeline"]


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot  # optional: the ``plot`` extra

        return matplotlib.pyplot
    except ImportError:
        raise ImportError("plot() needs matplotlib: pip install 'partnerdata[plot]'") from None


def _figure_class() -> Any:
    try:
        from matplotlib.figure import Figure  # optional: the ``plot`` extra

        return Figure
    except ImportError:
        raise ImportError("plot() needs matplotlib: pip install 'partnerdata[plot]'") from None


def _words(lang: str) -> dict[str, str]:
    return {k: label(f"plot.{k}", lang) for k in ("events", "milestones", "participants", "year")}


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    pyplot = _pyplot()
    _, ax = pyplot.subplots(figsize=(8, 3.5))
    return ax


def _name(vocabulary: Any, code: str, lang: str) -> str:
    shown = code if vocabulary is None else code_label(vocabulary, "programme", code, lang)
    return shown if len(shown) <= 24 else code  # a long name (no acronym) would squeeze the bars


def timeline(results: Any, ax: Any = None, lang: str = "en", until: int | None = None, vocabulary: Any = None) -> Any:
    """Draw a timeline's entries on ``ax`` (a new figure if ``None``); returns the Axes."""
    ax = _axes(ax)
    words, w = _words(lang), LABELS[lang]
    dated = [e for e in results if e.year is not None]
    undated = list(results.unknown)
    several = len({e.partner for e in [*dated, *undated]}) > 1
    end = until if until is not None else max([datetime.date.today().year, *(e.year for e in dated)])
    start = min((e.year for e in dated), default=end - 10)
    rows: list[str] = []

    def row(label: str) -> int:
        if label not in rows:
            rows.append(label)
        return rows.index(label)

    def participation_label(e: Any) -> str:
        names = ", ".join(_name(vocabulary, p, lang) for p in e.programmes)
        return f"{e.partner} {names}" if several and e.partner else names

    for e in dated:
        if e.kind == "participation":
            y = row(participation_label(e))
            ax.barh(y, end - e.year + 1, left=e.year, height=0.5, color="#4c72b0")
            # Still running (no end is recorded): an arrow past the last year drawn.
            ax.annotate("", xy=(end + 1.8, y), xytext=(end + 1, y), arrowprops={"arrowstyle": "->", "color": "#4c72b0"})
    for e in undated:
        if e.kind == "participation":
            y = row(participation_label(e))
            ax.barh(y, end - start + 1, left=start, height=0.5, color="none", edgecolor="#999999", hatch="//")
            ax.text(start + 0.3, y, w["start unknown"], va="center", fontsize=8, color="#555555")
    marks = [e for e in dated if e.kind != "participation"]
    for e in marks:
        kind = "events" if e.kind == "event" else "milestones"
        y = row(words[kind] + (f" {e.partner}" if several and e.partner else ""))
        ax.plot([e.year], [y], marker="o" if kind == "events" else "D", color="#dd8452", linestyle="none")
    ax.set_yticks(range(len(rows)), rows)
    ax.invert_yaxis()  # first row on top, as in the text table
    ax.set_xlim(start - 1, end + 2)
    ax.set_xlabel(words["year"])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0.3)
    return ax


def participants(results: Any, ax: Any = None, lang: str = "en", until: int | None = None) -> Any:
    """Draw how many partners take part, year by year, on ``ax``; returns the Axes."""
    ax = _axes(ax)
    words = _words(lang)
    starts = sorted(m.since for m in results if m.since is not None)
    unknown = [m for m in [*results, *results.unknown] if m.since is None]
    end = until if until is not None else max([datetime.date.today().year, *starts])
    first = starts[0] if starts else end
    years = list(range(first, end + 1))
    counts = [sum(1 for s in starts if s <= y) for y in years]
    programmes = sorted({m.programme for m in [*results, *results.unknown]})
    ax.step(years, counts, where="post", color="#4c72b0", label=", ".join(programmes) or words["participants"])
    if unknown:
        # Their start is not known: shown apart, never counted from year 0.
        ax.axhline(counts[-1] + len(unknown) if counts else len(unknown), color="#999999", linestyle="--")
        ax.text(
            first, (counts[-1] if counts else 0) + len(unknown), f"+{len(unknown)}: {LABELS[lang]['start unknown']}"
        )
    ax.set_xlabel(words["year"])
    ax.set_ylabel(words["participants"])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(bottom=0)
    ax.legend(loc="lower right")
    ax.grid(alpha=0.3)
    return ax


def plot(results: Any, *, ax: Any = None, lang: str = "en", until: int | None = None, vocabulary: Any = None) -> Any:
    """The figure of a timeline or of participants (see the module); other results have none."""
    if lang not in LABELS:
        raise ArgumentError(f"lang must be 'en' or 'fr', not {lang!r}")
    kind = results.cls.__name__ if results.cls is not None else None
    if kind == "TimelineEntry":
        return timeline(results, ax, lang, until, vocabulary)
    if kind == "Membership":
        return participants(results, ax, lang, until)
    raise ArgumentTypeError(f"plot() draws a timeline or participants, not results of {kind or 'nothing'}")


def save_timeline(results: Any, path: str, lang: str, vocabulary: Any) -> None:
    """Draw a timeline into ``path`` (``.png`` or ``.svg``), written atomically."""
    import io

    from partnerdata._io.files import write_atomic

    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in ("png", "svg"):
        raise ArgumentError(f"{path}: the figure's file name must end in .png or .svg")
    figure = _figure_class()(figsize=(9, 0.5 * _rows(results) + 1.5), layout="constrained")
    timeline(results, figure.add_subplot(), lang, vocabulary=vocabulary)
    buffer = io.BytesIO()
    # No date in the SVG: the same data draws the same file.
    figure.savefig(buffer, format=suffix, metadata={"Date": None} if suffix == "svg" else None)
    write_atomic(path, buffer.getvalue())


def _rows(results: Any) -> int:
    entries: Sequence[Any] = [*results, *results.unknown]
    return len({(e.partner, e.programmes) for e in entries if e.kind == "participation"}) + 2
