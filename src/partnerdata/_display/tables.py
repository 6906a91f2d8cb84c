"""Tables for people and files: rows (see :mod:`partnerdata._model.rows`) as CSV, JSON Lines, JSON and text.

csv and json are imported only when a function here needs them.
"""

from collections.abc import Sequence
from typing import Any, TextIO

from partnerdata._diff.diff import Diff
from partnerdata._display.diff import render as render_diff
from partnerdata._model.errors import ArgumentError
from partnerdata._model.results import Results

FORMATS = ("csv", "jsonl", "json")


def write(table: Sequence[dict[str, Any]], names: Sequence[str], format: str, out: TextIO) -> None:
    """Write rows as ``csv`` (with a header line), ``jsonl`` (one object a line) or ``json`` (an array).

    >>> import io
    >>> buffer = io.StringIO()
    >>> write([{"partner": "KGZ", "since": 1993}], ["partner", "since"], "csv", buffer)
    >>> buffer.getvalue()
    'partner,since\\r\\nKGZ,1993\\r\\n'
    """
    if format == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=list(names), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(table)
    elif format == "jsonl":
        import json

        for r in table:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format == "json":
        import json

        out.write(json.dumps(list(table), ensure_ascii=False, indent=2) + "\n")
    else:
        raise ArgumentError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fit(widths: list[int], floors: list[int], total: int) -> list[int]:
    """Column widths whose lines (two spaces between columns) fit ``total`` characters, if they can.

    The widest column gives up one character at a time, never below its floor.

    >>> _fit([10, 40, 5], [5, 8, 5], 40)
    [10, 21, 5]
    """
    widths = list(widths)
    excess = sum(widths) + 2 * (len(widths) - 1) - total
    while excess > 0:
        i = max(range(len(widths)), key=lambda j: (widths[j] - floors[j], -j))
        if widths[i] <= floors[i]:
            break  # as narrow as columns may get: the lines stay longer than ``total``
        widths[i] -= 1
        excess -= 1
    return widths


def text_lines(
    table: Sequence[dict[str, Any]],
    width: int | None = None,
    headers: dict[str, str] | None = None,
) -> list[str]:
    """Rows as aligned text lines (a header, then one line a row), leaving out the ``quote`` column.

    With ``width`` the widest cells are cut (ending in "…") so lines fit ``width`` characters;
    without it nothing is cut. ``headers`` gives a column's header (default: its name).

    >>> rows = [{"partner": "KGZ", "text": "Relations began in 1992"}]
    >>> print("\\n".join(text_lines(rows)))
    partner  text
    KGZ      Relations began in 1992
    >>> print("\\n".join(text_lines(rows, width=20, headers={"partner": "partenaire"})))
    partenaire  text
    KGZ         Relatio…
    """
    if not table:
        return []
    names = [n for n in table[0] if n != "quote"]
    titles = [(headers or {}).get(n, n) for n in names]
    cells = [["" if r.get(n) is None else str(r.get(n)) for n in names] for r in table]
    widths = [max(len(t), *(len(c[i]) for c in cells)) for i, t in enumerate(titles)]
    if width is not None:
        # A header is never cut; a column keeps at least 8 characters (or its header's width).
        widths = _fit(widths, [min(w, max(8, len(t))) for w, t in zip(widths, titles, strict=True)], width)
    lines = ["  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True)).rstrip()]
    lines += ["  ".join(_clip(c, w).ljust(w) for c, w in zip(cs, widths, strict=True)).rstrip() for cs in cells]
    return lines


def text_table(results: "Results[Any]", lang: str = "en") -> str:
    """A result as readable text: its matches, then its unknown records, if any; nothing cut."""
    lines = [f"{results.title or 'results'}: {len(results)}"]
    lines += ["  " + line for line in text_lines(results.rows(lang))]
    unknown = results.unknown
    if unknown:
        lines.append(f"unknown: {len(unknown)}")
        lines += ["  " + line for line in text_lines(unknown.rows(lang))]
    return "\n".join(lines)


def dataset_text(ds: Any) -> str:
    """A dataset (or snapshot) in a few readable lines."""
    dataset = getattr(ds, "dataset", ds)
    year = getattr(ds, "year", None)
    head = f"partnerdata {dataset.data_version}" + (f" as of the end of {year}" if year is not None else "")
    return (
        f"{head}: {len(dataset.partners)} partners, {len(dataset.relations)} relations, "
        f"{len(dataset.programmes)} programmes, {len(dataset.topics)} topics, {len(dataset.sources)} sources"
    )


def render(obj: Any) -> str:
    """The text (``str()``) of a result, a dataset or a snapshot, or a diff."""
    if isinstance(obj, Results):
        return text_table(obj)
    if isinstance(obj, Diff):
        return render_diff(obj, "text", "en")
    return dataset_text(obj)
