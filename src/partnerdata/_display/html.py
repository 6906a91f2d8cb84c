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
# Left and top aligned: notebooks right-align cells by default, which scatters a card's nested values.
_TH = ' style="text-align:left;vertical-align:top;padding-right:1em"'


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
    """One record as a two-column card: field, value; nested records as nested cards, evidence as quotes.

    >>> import partnerdata, re
    >>> card = record_card(partnerdata.load().relation("TKM").participation("SPS"))
    >>> re.sub(r' style="[^"]*"', "", card)[:121]
    '<table><caption>Participation</caption><tbody><tr><th>programme</th><td>SPS</td></tr><tr><th>since</th><td>1993</td></tr>'
    >>> "<blockquote" in card and "nato-tkm-fr#4.1.0" in card and "<td>unknown" not in card
    True
    >>> "&lt;b&gt;" in record_card(partnerdata.Text(fr="<b>", en="<b>"))
    True
    """
    if _flat(record):
        cells: dict[str, Any] = row(record, "en")
        body = "".join(
            f"<tr><th{_TH}>{_esc(k)}</th>{_td(record.evidence if k == 'evidence' else v)}</tr>"
            for k, v in cells.items()
            if k != "quote"
        )
    else:
        body = "".join(
            f"<tr><th{_TH}>{_esc(f.name)}</th>{_td(getattr(record, f.name))}</tr>" for f in attrs.fields(type(record))
        )
    return (
        f'<table style="{_STYLE}"><caption style="text-align:left;font-weight:bold">{_esc(type(record).__name__)}'
        f"</caption><tbody>{body}</tbody></table>"
    )


def _flat(record: Any) -> bool:
    # Answer records (Membership, Cooperation, ...) are shown as their flat rows.
    return bool(getattr(type(record), "_flat_card", False))


def _quote(ev: Any) -> str:
    # The sentence itself, then where it is: the evidence people check.
    return (
        f'<blockquote style="margin:0.2em 0">« {_esc(ev.quote)} »'
        f"<br><small><code>{_esc(ev.locator)}</code></small></blockquote>"
    )


def _cite(ev: Any) -> str:
    # Our words, never in quotation marks, then the NATO page and place they cite.
    where = f"{ev.source}, {ev.section}" if ev.section else ev.source
    return f'<div style="margin:0.2em 0">{_esc(str(ev.says))}<br><small>cited: <code>{_esc(where)}</code></small></div>'


def _td(value: Any) -> str:
    return f'<td style="text-align:left;vertical-align:top">{_value(value)}</td>'


def _value(value: Any) -> str:
    kind = type(value).__name__
    if value is None:
        return '<span style="color:#888">unknown</span>'  # None is unknown, never "no" or 0
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "Evidence":
        return _quote(value)
    if kind == "Citation":
        return _cite(value)
    if kind == "Text":
        return f"{_esc(value.en)}<br><i>{_esc(value.fr)}</i>" if value.en != value.fr else _esc(value.en)
    if kind == "PartialDate":
        return _esc(value.isoformat())
    if isinstance(value, tuple):
        if not value:
            return ""
        if all(type(v).__name__ in ("Evidence", "Citation") for v in value):
            return "".join(_quote(v) if type(v).__name__ == "Evidence" else _cite(v) for v in value)
        if attrs.has(type(value[0])):
            # A collection of records: each a nested card, folded so the card stays short.
            inner = "".join(record_card(v) for v in value)
            return f"<details><summary>{len(value)} × {_esc(type(value[0]).__name__)}</summary>{inner}</details>"
        return _esc("; ".join(str(v) for v in value))
    if attrs.has(type(value)):
        return record_card(value)
    return _esc(value)


def dataset_html(ds: Any) -> str:
    """A dataset (or a snapshot) as a card of counts and the partners with relation data."""
    dataset = getattr(ds, "dataset", ds)
    relations = ", ".join(r.partner for r in dataset.relations[:MAX_ROWS])
    if len(dataset.relations) > MAX_ROWS:
        relations += f", … {len(dataset.relations) - MAX_ROWS} more"
    return (
        # The summary as the first row rather than a caption: a caption wraps to the table's width.
        f'<table style="{_STYLE}"><tbody><tr><th colspan="2" style="text-align:left;white-space:nowrap">'
        f"{_esc(dataset_text(ds))}</th></tr>"
        f"<tr><th{_TH}>relations</th><td>{_esc(relations)}</td></tr></tbody></table>"
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
