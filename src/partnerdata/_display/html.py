"""HTML for notebooks (``_repr_html_``): tables and cards, every value escaped, every style inline.

Jupyter, JupyterLab, VS Code and a plain browser each style tables their own way (or not at all),
so every cell carries its own padding, alignment and rule: the same display reads alike in all of
them. Field names read as the labels of :mod:`partnerdata._display.labels` (English), values as
words: ``yes``, ``no``, ``unknown`` (greyed: unknown is never blank, 0 or "no"). An evidence cell
shows the locators, with the quoted sentences as its tooltip.
"""

import html
from collections.abc import Sequence
from typing import Any

import attrs

from partnerdata._diff.diff import Diff
from partnerdata._display.diff import render as render_diff
from partnerdata._display.labels import LABELS, header, localise_rows
from partnerdata._display.tables import dataset_text
from partnerdata._model.results import Answer, Results
from partnerdata._model.rows import row
from partnerdata._query.panel import Panel
from partnerdata._query.questions import Questions

MAX_ROWS = 30
# A wide table scrolls sideways inside its box instead of widening the page or the notebook cell.
_SCROLL = "overflow-x:auto;max-width:100%"
#: Rows of a panel shown before "… N more rows".
PANEL_ROWS = 12

_TABLE = "border-collapse:collapse;font-size:0.9em;margin:0.3em 0;line-height:1.35"
_CAPTION = "caption-side:top;text-align:left;font-weight:bold;padding:0.2em 0 0.4em 0"
# Left and top aligned with room around each cell: notebooks right-align cells by default and a
# plain browser pads none, which runs cells together and scatters a card's nested values.
_CELL = "text-align:left;vertical-align:top;padding:0.25em 0.75em 0.25em 0;border-bottom:1px solid #e2e2e2"
_HEAD = "text-align:left;vertical-align:bottom;padding:0.25em 0.75em 0.25em 0;border-bottom:1px solid #888"
_KEY = "text-align:left;vertical-align:top;padding:0.25em 1em 0.25em 0;font-weight:600;white-space:nowrap"
_UNKNOWN = '<span style="color:#888;font-style:italic">unknown</span>'
_NO_ROWS = '<tr><td style="{}">(none)</td></tr>'

# Fields whose None says the sources do not tell (shown "unknown", never left out); elsewhere
# None means there is nothing of that kind (no end, no successor, no heading) and the row or
# column is left out when it is empty throughout.
_TRI_STATE = frozenset(
    {
        "since",
        "year",
        "founded",
        "permanent_neutrality",
        "contributes_forces",
        "contributes_infrastructure",
        "relations_since",
        "cooperation_since",
    }
)


_PROSE = frozenset({"cited", "text", "text_en", "text_fr", "heading", "heading_en", "heading_fr", "name_en", "name_fr"})


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _word(name: str, value: Any) -> str:
    """A flat cell's value for people: yes/no, unknown (greyed), a labelled kind, else the value."""
    if value is None:
        return _UNKNOWN if name in _TRI_STATE else ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name in ("kind", "through", "answer") and isinstance(value, str):
        return _esc(LABELS["en"].get(f"value.{value}", value))
    return _esc(value)


def _cell(name: str, r: dict[str, Any]) -> str:
    if name == "evidence":
        # One locator a line, never broken at a hyphen: a locator is a name to look up, not prose
        # (a section name in it may hold spaces, where it may wrap).
        shown = "<br>".join(f"<code>{_unbroken(x)}</code>" for x in r["evidence"].split("; "))
        tip = f' title="{_esc(r["quote"])}"' if r.get("quote") else ""
        return f'<td style="{_CELL}"{tip}>{shown}</td>'
    # Prose keeps room to be read: narrow columns of codes would squeeze it to a word a line.
    if name in _PROSE:
        return f'<td style="{_CELL};min-width:16em">{_word(name, r.get(name))}</td>'
    value = r.get(name)
    if isinstance(value, str) and value and name not in ("kind", "through", "answer"):
        return f'<td style="{_CELL}">{_unbroken(value)}</td>'  # codes wrap between words, never at a hyphen
    return f'<td style="{_CELL}">{_word(name, value)}</td>'


def _unbroken(text: str) -> str:
    """``text`` escaped, each of its words kept on one line."""
    return " ".join(f'<span style="white-space:nowrap">{_esc(w)}</span>' for w in text.split(" "))


def _blank(value: Any) -> bool:
    return value is None or value == ""


def table(rows: Sequence[dict[str, Any]], caption: str, limit: int = MAX_ROWS) -> str:
    """Rows as an HTML table with a caption; at most ``limit`` rows, then a note of how many more.

    Headers are labels; a column empty in every row (an end no participation has, say) is left
    out, unless its empty cells mean "unknown".

    >>> html = table([{"partner": "<KGZ>", "since": 1993, "until": None}], "a & b")
    >>> "<caption" in html and "a &amp; b</caption>" in html, "&lt;KGZ&gt;" in html, "until" in html
    (True, True, False)
    """
    parts = [f'<table style="{_TABLE}"><caption style="{_CAPTION}">{_esc(caption)}</caption>']
    if rows:
        names = [n for n in rows[0] if n != "quote" and (n in _TRI_STATE or not all(_blank(r.get(n)) for r in rows))]
        parts.append(
            "<thead><tr>"
            + "".join(f'<th style="{_HEAD}">{_esc(header(n, "en"))}</th>' for n in names)
            + "</tr></thead>"
        )
        parts.append("<tbody>")
        for r in rows[:limit]:
            parts.append("<tr>" + "".join(_cell(n, r) for n in names) + "</tr>")
        if len(rows) > limit:
            more = f"… {len(rows) - limit} more (all of them: .rows() or .to_pandas())"
            parts.append(f'<tr><td colspan="{len(names)}" style="{_CELL};color:#666">{_esc(more)}</td></tr>')
        parts.append("</tbody>")
    else:
        parts.append("<tbody>" + _NO_ROWS.format(_CELL) + "</tbody>")
    parts.append("</table>")
    return "".join(parts)


def _named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with topic and programme codes shown by their labels, as the command line shows them."""
    from partnerdata._query.load import load

    return localise_rows(rows, load(), "en")  # the packaged vocabulary; a code it lacks reads as itself


def _title(results: Any) -> str:
    return results.title or (results.cls.__name__ if results.cls is not None else "results")


def results_table(results: Any) -> str:
    """A :class:`Results` as a table of its matches, and one of its unknown records if it has any.

    >>> import partnerdata
    >>> page = results_table(partnerdata.load().participants("BI", since_after=2010))
    >>> "<caption" in page, ">since</th>" in page, page.count("<table")
    (True, True, 2)
    """
    out = table(_named(results.rows("en")), f"{_title(results)}: {len(results)}")
    unknown = results.unknown
    if unknown:
        out += table(_named(unknown.rows("en")), f"year not known, so neither counted nor dropped: {len(unknown)}")
    return f'<div style="{_SCROLL}">{out}</div>'


def answer_html(answer: Any) -> str:
    """An :class:`Answer`: its question, then a table with an ``answer`` column."""
    counts = f"yes {len(answer.yes)}, no {len(answer.no)}, unknown {len(answer.unknown)}"
    return f'<div style="{_SCROLL}">{table(_named(answer.rows("en")), f"{answer.question}: {counts}")}</div>'


def record_card(record: Any) -> str:
    """One record as a two-column card: label, value; nested records as nested cards, evidence as quotes.

    A field that is unknown reads "unknown"; one that holds nothing (no end, no membership, an
    empty list) is left out, so a card never says "unknown" of what simply did not happen.

    >>> import partnerdata, re
    >>> card = record_card(partnerdata.load().relation("TKM").participation("SPS"))
    >>> re.sub(r' style="[^"]*"', "", card)[:116]
    '<table><caption>Participation</caption><tbody><tr><th>programme</th><td>SPS</td></tr><tr><th>since</th><td>1993</td>'
    >>> "<blockquote" in card and "nato-tkm-fr#4.1.0" in card and "until" not in card
    True
    >>> "&lt;b&gt;" in record_card(partnerdata.Text(fr="<b>", en="<b>"))
    True
    """
    pairs: list[tuple[str, str]] = []
    if _flat(record):
        for k, v in row(record, "en").items():
            if k in ("quote", "cited"):
                continue  # the evidence row shows both, with the quote in full
            value = record.evidence if k == "evidence" else v
            if k in _TRI_STATE or not _empty(value):
                pairs.append((k, _value(value) if k == "evidence" else _word(k, value)))
    else:
        for f in attrs.fields(type(record)):
            value = getattr(record, f.name)
            if f.name in _TRI_STATE or not _empty(value):
                pairs.append((f.name, _value(value)))
    body = "".join(
        f'<tr><th style="{_KEY}">{_esc(_field_label(k))}</th><td style="{_CELL}">{v}</td></tr>' for k, v in pairs
    )
    return (
        f'<table style="{_TABLE}"><caption style="{_CAPTION}">{_esc(_card_title(record))}</caption>'
        f"<tbody>{body}</tbody></table>"
    )


def _field_label(name: str) -> str:
    shown = header(name, "en")
    return shown[:1].lower() + shown[1:] if shown[:1].isupper() and not shown[:2].isupper() else shown


def _card_title(record: Any) -> str:
    name = type(record).__name__
    for key in ("partner", "alpha3", "code"):
        value = getattr(record, key, None)
        if isinstance(value, str) and value:
            edition = getattr(record, "label", None)  # an edition: its date, or "undated"
            return f"{name} {value} ({edition})" if isinstance(edition, str) else f"{name} {value}"
    return name


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == ()


def _flat(record: Any) -> bool:
    # Answer records (Membership, Cooperation, ...) are shown as their flat rows.
    return bool(getattr(type(record), "_flat_card", False))


def _quote(ev: Any) -> str:
    # The sentence itself, then where it is: the evidence people check.
    return (
        f'<blockquote style="margin:0.2em 0;padding:0 0 0 0.6em;border-left:3px solid #ccc">« {_esc(ev.quote)} »'
        f"<br><small><code>{_esc(ev.locator)}</code></small></blockquote>"
    )


def _cite(ev: Any) -> str:
    # Our words, never in quotation marks, then the NATO page and place they cite.
    where = f"{ev.source}, {ev.section}" if ev.section else ev.source
    return f'<div style="margin:0.2em 0">{_esc(str(ev.says))}<br><small>cited: <code>{_esc(where)}</code></small></div>'


def _value(value: Any) -> str:
    kind = type(value).__name__
    if value is None:
        return _UNKNOWN  # None is unknown, never "no" or 0
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
            name = type(value[0]).__name__
            return f'<details><summary style="cursor:pointer">{len(value)} × {_esc(name)}</summary>{inner}</details>'
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
        f'<table style="{_TABLE}"><tbody><tr><th colspan="2" style="{_KEY}">'
        f"{_esc(dataset_text(ds))}</th></tr>"
        f'<tr><th style="{_KEY}">relations</th><td style="{_CELL}">{_esc(relations)}</td></tr></tbody></table>'
    )


_PANEL_VALUE = {
    True: '<td style="{};color:#1f4e9c;font-weight:600">yes</td>',
    False: '<td style="{};color:#666">no</td>',
    None: '<td style="{}">' + _UNKNOWN + "</td>",
}


def panel_html(panel: Panel) -> str:
    """A :class:`Panel`: its size, then its first rows (yes in blue, no in grey, unknown greyed italic).

    >>> import partnerdata
    >>> page = panel_html(partnerdata.load().panel(1994, 1995))
    >>> page.count("<tr>"), "110 rows" in page, "overflow-x:auto" in page
    (14, True, True)
    """
    n = len(panel)
    caption = (
        f"Panel: {len(panel.partners)} partners × {panel.start}–{panel.end}, {n:,} rows, {len(panel.columns)} columns"
    )
    head = "".join(f'<th style="{_HEAD}">{_esc(c)}</th>' for c in panel.columns)
    rows = panel.rows()
    half = PANEL_ROWS // 2
    # The first rows and the last ones, as pandas shows a frame: the first partner's years alone
    # would show one country, and often nothing but "no".
    shown = [rows] if n <= PANEL_ROWS else [rows[:half], rows[-half:]]
    body = []
    for k, part in enumerate(shown):
        if k:
            more = f"… {n - PANEL_ROWS:,} more rows: panel.to_pandas() or panel.rows() for all, panel.explain() for why"
            body.append(f'<tr><td colspan="{len(panel.columns)}" style="{_CELL};color:#666">{_esc(more)}</td></tr>')
        for r in part:
            cells = []
            for v in r.values():
                if v is None or isinstance(v, bool):
                    cells.append(_PANEL_VALUE[v].format(_CELL))
                else:
                    cells.append(f'<td style="{_CELL}">{_esc(v)}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    return (
        # Forty-odd columns: the table scrolls sideways inside its box instead of widening the page.
        f'<div style="{_SCROLL}"><table style="{_TABLE}">'
        f'<caption style="{_CAPTION}">{_esc(caption)}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}{note}</tbody></table></div>"
    )


def render(obj: Any) -> str:
    """The HTML of anything shown in a notebook: a result, an answer, a panel, a dataset, a diff or a record."""
    if isinstance(obj, Results):
        return results_table(obj)
    if isinstance(obj, Answer):
        return answer_html(obj)
    if isinstance(obj, Panel):
        return panel_html(obj)
    if isinstance(obj, Questions):
        return dataset_html(obj)
    if isinstance(obj, Diff):
        return render_diff(obj, "html", "en")
    return record_card(obj)
