"""Figures for results people would rather look at than read (the ``plot`` extra: matplotlib).

- a timeline (:meth:`Results.plot` of ``ds.timeline(...)``): one row per participation, a bar
  from its start year to its end (an arrow past the last year drawn when no end is recorded), a
  dotted outline for the years it was suspended; a participation whose start is not stated is a
  hatched row labelled as such, never a bar from year 0; events and milestones are labelled marks
  on their own rows;
- participants (``ds.participants("PFP").plot()``): how many partners take part, year by year
  (a suspended participation does not count in the years it was suspended), and how many more
  whose start year is not known;
- a panel (:meth:`Panel.plot`): one row per partner, one cell per year for each column asked
  for, yes, no and unknown drawn so they differ at a glance and in grey print.

Every figure made here has a title naming its partner(s) or programme, a legend and a constrained
layout, so no label is clipped however the figure is saved. Names come from ``vocabulary`` (a
dataset), else from the packaged one; a code no vocabulary knows reads as itself. The axis starts
at the first dated fact of the partners drawn. matplotlib is imported only here, when a figure is
asked for.
"""

import datetime
import io
import os
from collections.abc import Sequence
from typing import Any

from partnerdata._display.labels import LABELS, code_label, label
from partnerdata._model.errors import ArgumentError, ArgumentTypeError

__all__ = ["FORMATS", "panel", "plot", "save", "save_timeline"]

#: The file formats a figure is saved in, by file suffix.
FORMATS = ("png", "svg", "pdf")

_BLUE = "#3b6fb6"  # taking part; yes in a panel
_ORANGE = "#dd8452"  # events and milestones
_GREY = "#8c8c8c"  # start unknown
_NO = "#d9d9d9"  # no in a panel: light, so yes stands out and unknown (hatched white) differs from both
_HATCH = "#a6a6a6"


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


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    if ax is not None:
        return ax
    # Constrained layout: the title, tick labels and legend fit however the figure is saved
    # (``ax.figure.savefig(...)`` without ``bbox_inches``), in a notebook or a file.
    _, ax = _pyplot().subplots(figsize=size, layout="constrained")
    return ax


def _vocabulary(vocabulary: Any) -> Any:
    if vocabulary is not None:
        return vocabulary
    from partnerdata._query.load import load

    return load()  # the packaged vocabulary, parsed once per process


def _programme(vocabulary: Any, code: str, lang: str) -> str:
    shown = code_label(vocabulary, "programme", code, lang)
    return shown if len(shown) <= 24 else code  # a long name (no acronym) would squeeze the bars


def _partner(vocabulary: Any, code: str, lang: str) -> str:
    try:
        return str(vocabulary.partner(code).name.get(lang))
    except LookupError:  # a partner the vocabulary does not know reads as its code
        return code


def _who(vocabulary: Any, partners: Sequence[str], lang: str) -> str:
    if not partners:
        return label("question.partners", lang)
    if len(partners) <= 3:
        return ", ".join(_partner(vocabulary, p, lang) for p in partners)
    return label("plot.several", lang).format(n=len(partners))


def _participation_spans(e: Any, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (first, last) years a dated participation ran, and those it was suspended, up to ``end``."""
    last = min(e.until, end) if e.until is not None else end
    if e.suspended is None:
        return [(e.year, last)], []
    ran = [(e.year, min(e.suspended, last))]  # the year of a suspension counts (Participation.active)
    back = e.resumed if e.resumed is not None else last + 1
    paused = [(e.suspended + 1, min(back - 1, last))] if e.suspended < last else []
    if e.resumed is not None and e.resumed <= last:
        ran.append((e.resumed, last))
    return ran, [p for p in paused if p[0] <= p[1]]


def _mark_label(e: Any, vocabulary: Any, lang: str) -> str:
    names = ", ".join(_programme(vocabulary, p, lang) for p in e.programmes)
    if e.kind in ("relations", "cooperation"):
        word = LABELS[lang][f"value.{e.kind}"]
        return f"{word} ({names})" if names else word
    if names:
        return names
    if e.topics:
        return code_label(vocabulary, "topic", e.topics[0], lang)
    text = str(e.text.get(lang))
    return text if len(text) <= 40 else text[:40].rsplit(" ", 1)[0] + " …"


def timeline(results: Any, ax: Any = None, lang: str = "en", until: int | None = None, vocabulary: Any = None) -> Any:
    """Draw a timeline's entries on ``ax`` (a new figure if ``None``); returns the Axes."""
    vocabulary = _vocabulary(vocabulary)
    entries = [*results, *results.unknown]
    ax = _axes(ax, (9, 0.45 * _rows(results) + 1.8))
    w = LABELS[lang]
    dated = [e for e in results if e.year is not None]
    undated = [e for e in results.unknown if e.year is None]
    partners = sorted({e.partner for e in entries if e.partner is not None})
    several = len(partners) > 1
    end = until if until is not None else max([datetime.date.today().year, *(e.year for e in dated)])
    # The first dated fact of the partners drawn: a programme founded decades before (SPS, 1958)
    # would stretch the axis over years that say nothing about them.
    own = [e.year for e in dated if e.partner is not None and e.year <= end]
    start = min(own or [e.year for e in dated if e.year <= end] or [end - 10])
    rows: list[str] = []
    shown: set[str] = set()

    def row(name: str) -> int:
        if name not in rows:
            rows.append(name)
        return rows.index(name)

    def participation_label(e: Any) -> str:
        names = ", ".join(_programme(vocabulary, p, lang) for p in e.programmes)
        return f"{e.partner} {names}" if several and e.partner else names

    for e in dated:
        if e.kind != "participation" or e.year > end:
            continue
        y = row(participation_label(e))
        ran, paused = _participation_spans(e, end)
        for first, last in ran:
            ax.barh(y, last - first + 1, left=first, height=0.5, color=_BLUE)
        for first, last in paused:
            ax.barh(y, last - first + 1, left=first, height=0.5, color="none", edgecolor=_BLUE, linestyle=":")
            shown.add("suspended")
        running = e.until is None and (e.suspended is None or e.resumed is not None)
        if running:  # no end is recorded: an arrow past the last year drawn
            ax.annotate("", xy=(end + 1.8, y), xytext=(end + 1, y), arrowprops={"arrowstyle": "->", "color": _BLUE})
        shown.add("taking part")
    for e in undated:
        if e.kind == "participation":
            y = row(participation_label(e))
            ax.barh(y, end - start + 1, left=start, height=0.5, color="none", edgecolor=_GREY, hatch="//")
            ax.text(start + 0.3, y, w["start unknown"], va="center", fontsize=8, color="#555555")
            shown.add("start unknown")
    marks = [e for e in dated if e.kind != "participation" and e.partner is not None and e.year <= end]
    marks.sort(key=lambda e: e.year)
    # Each mark is numbered and the legend says what it is: labels beside marks of near years
    # would cover each other. Past 15 marks, the numbers would too: the legend names the kinds only.
    keyed = len(marks) <= 15
    key: list[str] = []
    numbers: dict[tuple[int, int], list[str]] = {}
    for e in marks:
        kind = "events" if e.kind == "event" else "milestones"
        y = row(label(f"plot.{kind}", lang) + (f" {e.partner}" if several else ""))
        ax.plot([e.year + 0.5], [y], marker="o" if kind == "events" else "D", color=_ORANGE, linestyle="none")
        shown.add(kind)
        if keyed:
            key.append(f"{len(key) + 1}  {e.date}: {_mark_label(e, vocabulary, lang)}")
            numbers.setdefault((y, e.year), []).append(str(len(key)))
    for (y, year), shown_numbers in numbers.items():  # marks of one year on one row share one label: "1, 2"
        ax.annotate(
            ",".join(shown_numbers), (year + 0.5, y), xytext=(0, 7), textcoords="offset points", ha="center", fontsize=7
        )
    ax.set_yticks(range(len(rows)), rows)
    ax.set_ylim(len(rows) - 0.4, -0.6)  # first row on top, as in the text table; room for the mark labels
    ax.set_xlim(start - 0.5, end + 2.5)
    ax.set_xlabel(label("plot.year", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(label("plot.timeline", lang).format(who=_who(vocabulary, partners, lang), start=start, end=end))
    _legend(ax, shown, lang, key)
    return ax


def _legend(ax: Any, shown: set[str], lang: str, key: Sequence[str] = ()) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = {
        "taking part": Patch(color=_BLUE, label=label("plot.taking part", lang)),
        "suspended": Patch(facecolor="none", edgecolor=_BLUE, linestyle=":", label=label("plot.suspended", lang)),
        "start unknown": Patch(facecolor="none", edgecolor=_GREY, hatch="//", label=label("start unknown", lang)),
        "events": Line2D([], [], marker="o", color=_ORANGE, linestyle="none", label=label("plot.events", lang)),
        "milestones": Line2D([], [], marker="D", color=_ORANGE, linestyle="none", label=label("plot.milestones", lang)),
    }
    chosen = [h for k, h in handles.items() if k in shown]
    chosen += [Line2D([], [], linestyle="none", label=line) for line in key]
    if chosen:
        # Beside the axes, never over a bar; constrained layout makes room for it.
        ax.legend(handles=chosen, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)


def participants(
    results: Any, ax: Any = None, lang: str = "en", until: int | None = None, vocabulary: Any = None
) -> Any:
    """Draw how many partners take part, year by year, on ``ax``; returns the Axes."""
    vocabulary = _vocabulary(vocabulary)
    ax = _axes(ax, (8, 3.8))
    dated = [m for m in results if m.since is not None]
    unknown = [m for m in [*results, *results.unknown] if m.since is None]
    end = until if until is not None else max([datetime.date.today().year, *(m.since for m in dated)])
    first = min((m.since for m in dated), default=end)
    years = list(range(first, end + 1))
    # A suspended participation does not count in the years it was suspended (Malta 1997-2007).
    counts = [sum(1 for m in dated if m.active(y)) for y in years]
    codes = sorted({m.programme for m in [*results, *results.unknown]})
    what = ", ".join(_programme(vocabulary, c, lang) for c in codes) or label("plot.participants", lang)
    ax.step(years, counts, where="post", color=_BLUE, label=f"{label('plot.taking part', lang)} ({what})")
    if unknown:
        # Their start is not known: shown apart, never counted from year 0.
        top = (counts[-1] if counts else 0) + len(unknown)
        ax.axhline(top, color=_GREY, linestyle="--", label=f"+ {label('start unknown', lang)}")
        ax.text(first, top, f"+{len(unknown)}: {LABELS[lang]['start unknown']}", va="bottom", fontsize=8)
    ax.set_xlabel(label("plot.year", lang))
    ax.set_ylabel(label("plot.participants", lang))
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(bottom=0, top=max([*counts, (counts[-1] if counts else 0) + len(unknown), 1]) * 1.15)
    ax.set_title(label("plot.participants.title", lang).format(what=what))
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(alpha=0.3)
    return ax


def _column_label(column: str, vocabulary: Any, lang: str) -> str:
    from partnerdata._query.panel import FRAMEWORK_COLUMNS

    code = FRAMEWORK_COLUMNS.get(column)
    if code is None and column.startswith("prog_"):
        try:
            code = next(p.code for p in vocabulary.programmes if column == "prog_" + p.code.lower().replace("-", "_"))
        except StopIteration:
            code = None
    if code is not None:
        return _programme(vocabulary, code, lang)
    return label(column, lang)


def panel(
    table: Any,
    columns: "str | Sequence[str] | None" = None,
    ax: Any = None,
    lang: str = "en",
    vocabulary: Any = None,
) -> Any:
    """Draw a panel's yes/no columns, partner by year, on ``ax`` (a new figure if ``None``); returns the Axes.

    ``columns`` is one column name or several (default: the framework columns); each gets a block
    of years, side by side, with the partners as rows in the panel's order.
    """
    import numpy

    from partnerdata._query.panel import FRAMEWORK_COLUMNS

    vocabulary = _vocabulary(vocabulary)
    kinds = table.kinds()
    if columns is None:
        names = [c for c in FRAMEWORK_COLUMNS if c in kinds]
    elif isinstance(columns, str):
        names = [columns]
    else:
        names = list(columns)
    if not names:
        raise ArgumentError("Panel.plot() needs at least one column")
    for name in names:
        if name not in kinds:
            raise ArgumentError(f"no column {name!r}; columns: {', '.join(table.columns)}")
        if kinds[name] != "bool":
            yes_no = ", ".join(c for c, k in kinds.items() if k == "bool")
            raise ArgumentError(f"Panel.plot() draws yes/no columns; {name!r} holds {kinds[name]} (yes/no: {yes_no})")
    partners, years = table.partners, table.years
    n, gap = len(years), 2
    width = len(names) * n + (len(names) - 1) * gap
    ax = _axes(ax, (max(6.0, 0.06 * width + 2.5), 0.17 * len(partners) + 1.8))
    grid = numpy.full((len(partners), width), numpy.nan)  # NaN: a gap between two columns' blocks
    for k, name in enumerate(names):
        values = table.column(name)
        block = numpy.array([numpy.nan if v is None else float(v) for v in values]).reshape(len(partners), n)
        # Unknown is 0.5 here only to be told apart from a gap below; it is never drawn as a value.
        grid[:, k * (n + gap) : k * (n + gap) + n] = numpy.where(numpy.isnan(block), 0.5, block)
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Rectangle

    # Unknown cells are left out of the mesh: a hatched rectangle under each block shows through
    # them. One patch a block, not one a cell, keeps an SVG or PDF of 55 partners small.
    for k in range(len(names)):
        ax.add_patch(
            Rectangle((k * (n + gap), 0), n, len(partners), facecolor="white", edgecolor=_HATCH, hatch="////", lw=0)
        )
    known = numpy.ma.masked_where(numpy.isnan(grid) | (grid == 0.5), grid)
    # Rasterized in SVG and PDF (text stays vector): 55 partners x 36 years x 6 columns as vector
    # quads would weigh megabytes.
    mesh = ListedColormap([_NO, _BLUE])
    ax.pcolormesh(known, cmap=mesh, vmin=0, vmax=1, edgecolors="white", linewidth=0.3, rasterized=True)
    ax.set_ylim(len(partners), 0)  # first partner on top
    ax.set_yticks([i + 0.5 for i in range(len(partners))], partners, fontsize=7)
    ticks: list[float] = []
    tick_labels: list[str] = []
    for k, name in enumerate(names):
        left = k * (n + gap)
        for i, year in enumerate(years):
            if n <= 12 or year % 5 == 0:  # every year of a short panel, else every fifth
                ticks.append(left + i + 0.5)
                tick_labels.append(str(year))
        ax.text(left + n / 2, -0.6, _column_label(name, vocabulary, lang), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(ticks, tick_labels, fontsize=7, rotation=90)
    ax.tick_params(length=2)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    what = ", ".join(_column_label(c, vocabulary, lang) for c in names)
    ax.set_title(label("plot.panel.title", lang).format(what=what, start=table.start, end=table.end), pad=26)
    ax.set_xlabel(label("plot.year", lang))
    ax.set_ylabel(label("plot.partner", lang))
    from matplotlib.patches import Patch

    handles = [
        Patch(color=_BLUE, label=label("yes", lang)),
        Patch(color=_NO, label=label("no", lang)),
        Patch(facecolor="white", edgecolor=_HATCH, hatch="////", label=label("unknown", lang)),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    return ax


def plot(
    results: Any,
    *,
    ax: Any = None,
    lang: str = "en",
    until: int | None = None,
    vocabulary: Any = None,
    columns: "str | Sequence[str] | None" = None,
) -> Any:
    """The figure of a timeline, of participants or of a panel (see the module); other results have none."""
    from partnerdata._query.panel import Panel

    if lang not in LABELS:
        raise ArgumentError(f"lang must be 'en' or 'fr', not {lang!r}")
    if isinstance(results, Panel):
        return panel(results, columns, ax, lang, vocabulary)
    kind = results.cls.__name__ if results.cls is not None else None
    if kind == "TimelineEntry":
        return timeline(results, ax, lang, until, vocabulary)
    if kind == "Membership":
        return participants(results, ax, lang, until, vocabulary)
    raise ArgumentTypeError(f"plot() draws a timeline or participants, not results of {kind or 'nothing'}")


def _format(path: "str | os.PathLike[str]") -> str:
    name = os.fspath(path)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in os.path.basename(name) else ""
    if suffix not in FORMATS:
        raise ArgumentError(f"{name}: the figure's file name must end in .png, .svg or .pdf")
    return suffix


def save(
    obj: Any,
    path: "str | os.PathLike[str]",
    *,
    lang: str = "en",
    vocabulary: Any = None,
    size: tuple[float, float] | None = None,
    dpi: float | None = None,
    columns: "str | Sequence[str] | None" = None,
) -> None:
    """Draw ``obj`` (a timeline, participants or a panel) into ``path``, written atomically.

    The format is the file's suffix: ``.png``, ``.svg`` or ``.pdf``. ``size`` is (width, height) in
    inches (default: sized to the rows drawn); ``dpi`` the resolution of a PNG (default 200).
    SVG and PDF files carry no date, so the same data draws the same file.
    """
    from partnerdata._io.files import write_atomic

    suffix = _format(path)
    if size is not None and not (len(size) == 2 and all(0 < s <= 100 for s in size)):
        raise ArgumentError(f"size must be (width, height) in inches, each above 0 and at most 100, not {size!r}")
    if dpi is not None and not 10 <= dpi <= 2400:
        raise ArgumentError(f"dpi must be between 10 and 2400, not {dpi!r}")
    figure = _figure_class()(layout="constrained")
    plot(obj, ax=figure.add_subplot(), lang=lang, vocabulary=vocabulary, columns=columns)
    if size is None:
        size = _natural_size(obj, columns)
    figure.set_size_inches(*size)
    buffer = io.BytesIO()
    metadata = {"Date": None} if suffix == "svg" else {"CreationDate": None} if suffix == "pdf" else None
    figure.savefig(buffer, format=suffix, dpi=dpi if dpi is not None else 200, metadata=metadata)
    write_atomic(path, buffer.getvalue())


def _natural_size(obj: Any, columns: "str | Sequence[str] | None") -> tuple[float, float]:
    from partnerdata._query.panel import FRAMEWORK_COLUMNS, Panel

    if isinstance(obj, Panel):
        count = 1 if isinstance(columns, str) else len(columns or [c for c in FRAMEWORK_COLUMNS if c in obj.columns])
        width = count * len(obj.years) + (count - 1) * 2
        return (max(6.0, 0.06 * width + 2.5), 0.17 * len(obj.partners) + 1.8)
    if obj.cls is not None and obj.cls.__name__ == "Membership":
        return (8.0, 3.8)
    return (9.0, 0.45 * _rows(obj) + 1.8)


def save_timeline(results: Any, path: str, lang: str, vocabulary: Any) -> None:
    """Draw a timeline into ``path`` (``.png``, ``.svg`` or ``.pdf``): :func:`save` at its natural size."""
    save(results, path, lang=lang, vocabulary=vocabulary)


def _rows(results: Any) -> int:
    entries: Sequence[Any] = [*results, *results.unknown]
    return len({(e.partner, e.programmes) for e in entries if e.kind == "participation"}) + 2
