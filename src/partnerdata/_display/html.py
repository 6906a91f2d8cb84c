"""HTML for Jupyter (``_repr_html_``): compact tables and cards, every value escaped.

Cells show the flat row values (see :mod:`partnerdata._display.tables`) in English; an evidence cell shows
the locators, with the quoted sentences as its tooltip.
"""

import html
from collections.abc import Sequence
from typing import Any

import attrs

from partnerdata._diff.diff import Diff
from partnerdata._display.diff import render as render_diff
from partnerdata._display.tables import dataset_text
from partnerdata._model.results import Answer, Results
from partnerdata._model.rows import row
from partnerdata._query.questions import Questions

MAX_ROWS = 30

_STYLE = "border-collapse:collapse;font-size:0.9em"


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _cell(name: str, r: dict[str, Any]) -> str:
    if name == "evidence" and r.get("quote"):
        return f'<td title="{_esc(r["quote"])}"><code>{_esc(r["evidence"])}</code></td>'
    return f"<td>{_esc(r.get(name))}</td>"


def table(rows: Sequence[dict[str, Any]], caption: str, limit: int = MAX_ROWS) -> str:
    """Rows as an HTML table with a caption; at most ``limit`` rows, then a note of how many more.

    >>> html = table([{"partner": "<KGZ>", "since": 1993}], "a & b")
    >>> html.startswith('<table style='), "<caption>a &amp; b</caption>" in html
    (True, True)
    >>> html[html.index("<tbody>"):]
    '<tbody><tr><td>&lt;KGZ&gt;</td><td>1993</td></tr></tbody></table>'
    """
    parts = [f'<table style="{_STYLE}"><caption>{_esc(caption)}</caption>']
    if rows:
        names = [n for n in rows[0] if n != "quote"]
        parts.append("<thead><tr>" + "".join(f"<th>{_esc(n)}</th>" for n in names) + "</tr></thead><tbody>")
        for r in rows[:limit]:
            parts.append("<tr>" + "".join(_cell(n, r) for n in names) + "</tr>")
        if len(rows) > limit:
            parts.append(f'<tr><td colspan="{len(names)}">… {len(rows) - limit} more</td></tr>')
        parts.append("</tbody>")
    parts.append("</table>")
    return "".join(parts)


def results_table(results: Any) -> str:
    """A :class:`Results` as a table of its matches, and one of its unknown records if it has any."""
    title = results.title or "results"
    out = table(results.rows("en"), f"{title}: {len(results)}")
    unknown = results.unknown
    if unknown:
        out += table(unknown.rows("en"), f"unknown: {len(unknown)}")
    return f"<div>{out}</div>"


def answer_html(answer: Any) -> str:
    """An :class:`Answer`: its question, then a table with an ``answer`` column."""
    counts = f"yes {len(answer.yes)}, no {len(answer.no)}, unknown {len(answer.unknown)}"
    return f"<div>{table(answer.rows('en'), f'{answer.question}: {counts}')}</div>"


def record_card(record: Any) -> str:
    """One record as a two-column card: field, value.

    >>> from partnerdata import Text
    >>> html = record_card(Text(fr="<b>", en="a & b"))
    >>> html[html.index("<tbody>"):]
    '<tbody><tr><th>fr</th><td>&lt;b&gt;</td></tr><tr><th>en</th><td>a &amp; b</td></tr></tbody></table>'
    """
    cells = (
        row(record, "en") if _flat(record) else {f.name: getattr(record, f.name) for f in attrs.fields(type(record))}
    )
    body = "".join(
        f"<tr><th>{_esc(k)}</th>{_cell(k, cells) if k == 'evidence' else _td(v)}</tr>"
        for k, v in cells.items()
        if k != "quote"
    )
    return f'<table style="{_STYLE}"><caption>{_esc(type(record).__name__)}</caption><tbody>{body}</tbody></table>'


def _flat(record: Any) -> bool:
    # Answer records (Membership, Cooperation, ...) are shown as their flat rows.
    return bool(getattr(type(record), "_flat_card", False))


def _td(value: Any) -> str:
    if isinstance(value, tuple):
        if value and attrs.has(type(value[0])):
            return f"<td>{len(value)} × {_esc(type(value[0]).__name__)}</td>"
        return f"<td>{_esc('; '.join(str(v) for v in value))}</td>"
    if attrs.has(type(value)) and type(value).__name__ not in ("Text", "PartialDate"):
        return f"<td>{_esc(type(value).__name__)}</td>"
    if type(value).__name__ == "PartialDate":
        return f"<td>{_esc(value.isoformat())}</td>"
    return f"<td>{_esc(value)}</td>"


def dataset_html(ds: Any) -> str:
    """A dataset (or a snapshot) as a card of counts and the partners with relation data."""
    dataset = getattr(ds, "dataset", ds)
    relations = ", ".join(r.partner for r in dataset.relations[:MAX_ROWS])
    if len(dataset.relations) > MAX_ROWS:
        relations += f", … {len(dataset.relations) - MAX_ROWS} more"
    return (
        f'<table style="{_STYLE}"><caption>{_esc(dataset_text(ds))}</caption><tbody>'
        f"<tr><th>relations</th><td>{_esc(relations)}</td></tr></tbody></table>"
    )


def render(obj: Any) -> str:
    """The HTML of anything partnerdata shows in Jupyter: a result, an answer, a dataset, a diff or a record."""
    if isinstance(obj, Results):
        return results_table(obj)
    if isinstance(obj, Answer):
        return answer_html(obj)
    if isinstance(obj, Questions):
        return dataset_html(obj)
    if isinstance(obj, Diff):
        return render_diff(obj, "html", "en")
    return record_card(obj)
