"""Tables for people and files: rows (see :mod:`partnerdata._model.rows`) as CSV, JSON Lines, JSON and text.

csv and json are imported only when a function here needs them.
"""

from collections.abc import Sequence
from typing import Any, TextIO

from partnerdata._diff.diff import Diff
from partnerdata._display.diff import render as render_diff
from partnerdata._display.labels import LABELS, colon, header, label, localise_rows, separator
from partnerdata._model.errors import ArgumentError
from partnerdata._model.results import Answer, Results

FORMATS = ("csv", "jsonl", "json")


def write(table: Sequence[dict[str, Any]], names: Sequence[str], format: str, out: TextIO) -> None:
    """Write rows as ``csv`` (with a header line), ``jsonl`` (one object a line) or ``json`` (an array).

    In CSV, unknown (``None``) is an empty cell and a yes-or-no value ``true`` or ``false``.

    >>> import io
    >>> buffer = io.StringIO()
    >>> write([{"partner": "KGZ", "since": 1993, "forces": True}], ["partner", "since", "forces"], "csv", buffer)
    >>> buffer.getvalue()
    'partner,since,forces\\r\\nKGZ,1993,true\\r\\n'
    """
    if format == "csv":
        import csv

        writer = csv.DictWriter(out, fieldnames=list(names), extrasaction="ignore")
        writer.writeheader()
        # true/false as JSON and the panel's CSV write them, not Python's True/False.
        writer.writerows({k: _csv_value(v) for k, v in r.items()} for r in table)
    elif format == "jsonl":
        import json

        for r in table:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format == "json":
        import json

        out.write(json.dumps(list(table), ensure_ascii=False, indent=2) + "\n")
    else:
        raise ArgumentError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# Marks that French sets apart with a space but that must stay with their word at a line break.
_CLOSING = frozenset({":", ";", "!", "?", "»"})


def _words(text: str) -> list[str]:
    """The words of ``text`` a line may break between: "Région :" and "« Les" count as one word each.

    >>> _words("Thèmes : cyberdéfense ; « défense »")
    ['Thèmes :', 'cyberdéfense ;', '« défense »']
    """
    words: list[str] = []
    opening = False
    for word in text.split():
        if words and (word in _CLOSING or opening):
            words[-1] += " " + word
        else:
            words.append(word)
        opening = word == "«"
    return words


def wrap(text: str, width: int | None, indent: str = "", hang: int = 2) -> list[str]:
    """``text`` as lines of at most ``width`` characters, each starting with ``indent``, broken between words.

    Continuation lines are indented ``hang`` more; a word (a code, a locator, a URL) is never cut,
    so a word longer than the room stands alone on its line. ``width=None`` never breaks.

    >>> wrap("Relations began in 1992 through NACC", 20, indent="  ")
    ['  Relations began in', '    1992 through', '    NACC']
    >>> wrap("nato-topics-49607-en-2017-12-12#introduction", 20)
    ['nato-topics-49607-en-2017-12-12#introduction']
    """
    if width is None or len(indent) + len(text) <= width:
        return [indent + text]
    lines: list[str] = []
    current = ""
    room = width - len(indent)
    for word in _words(text):
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = ""
            room = width - len(indent) - hang
        current = f"{current} {word}" if current else word
    lines.append(current)
    return [indent + line if i == 0 else indent + " " * hang + line for i, line in enumerate(lines)]


def fit_text(text: str, width: int | None) -> str:
    """Every line of ``text`` wrapped to ``width`` (see :func:`wrap`), keeping its own indent.

    >>> print(fit_text("Stance:\\n  contributes forces to NATO-led operations: yes", 30))
    Stance:
      contributes forces to
        NATO-led operations: yes
    """
    if width is None:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip(" ")
        out += wrap(body, width, line[: len(line) - len(body)])
    return "\n".join(out)


def _cell_lines(text: str, width: int) -> list[str]:
    """A cell's text in lines of at most ``width`` characters (longer only for a word that is longer)."""
    return wrap(text, width, hang=0) if text else [""]


def _longest_word(text: str) -> int:
    return max((len(w) for w in _words(text)), default=0)


def _fit(widths: list[int], floors: list[int], total: int) -> list[int] | None:
    """Column widths whose lines (two spaces between columns) fit ``total`` characters, or None if they cannot.

    The widest column gives up one character at a time, never below its floor.

    >>> _fit([10, 40, 5], [5, 8, 5], 40)
    [10, 21, 5]
    >>> _fit([10, 40, 5], [10, 30, 5], 40) is None
    True
    """
    widths = list(widths)
    excess = sum(widths) + 2 * (len(widths) - 1) - total
    while excess > 0:
        i = max(range(len(widths)), key=lambda j: (widths[j] > floors[j], widths[j], -j))
        if widths[i] <= floors[i]:
            return None  # as narrow as columns may get without cutting a word
        widths[i] -= 1
        excess -= 1
    return widths


def text_lines(
    table: Sequence[dict[str, Any]],
    width: int | None = None,
    headers: dict[str, str] | None = None,
    lang: str = "en",
) -> list[str]:
    """Rows as aligned text lines (a header, then a row's lines), leaving out ``quote`` and empty columns.

    With ``width`` the widest column is narrowed first and its cells wrapped between words, so
    that lines fit ``width`` characters and no word (a code, a name's word) is cut; when even that
    cannot fit, each row becomes a block of lines (:func:`_blocks`). Without ``width`` nothing is
    wrapped. ``headers`` gives a column's header (default: its name). A column empty in every row
    is left out.

    >>> rows = [{"partner": "KGZ", "since": None, "text": "Relations began in 1992"}]
    >>> print("\\n".join(text_lines(rows)))
    partner  text
    KGZ      Relations began in 1992
    >>> print("\\n".join(text_lines(rows, width=24, headers={"partner": "partenaire"})))
    partenaire  text
    KGZ         Relations
                began in
                1992
    """
    if not table:
        return []
    cells = [{n: "" if r.get(n) is None else str(r.get(n)) for n in r} for r in table]
    names = [n for n in table[0] if n != "quote" and any(c.get(n) for c in cells)]
    if not names:
        return []  # every cell empty: nothing to show
    titles = [(headers or {}).get(n, n) for n in names]
    widths = [max(len(t), *(len(c[n]) for c in cells)) for n, t in zip(names, titles, strict=True)]
    if width is not None:
        # No word is cut, of a cell or a header; prose columns wrap before names do.
        words = [
            max(_longest_word(t), *(_longest_word(c[n]) for c in cells)) for n, t in zip(names, titles, strict=True)
        ]
        whole = [
            w if n in _PROSE else max(_longest_word(t), *(len(c[n]) for c in cells))
            for n, t, w in zip(names, titles, words, strict=True)
        ]
        fitted = _fit(widths, whole, width) or _fit(widths, words, width)
        if fitted is None:
            return _blocks(cells, names, titles, width, lang)
        widths = fitted
    rows: list[list[str]] = []
    for c in [dict(zip(names, titles, strict=True)), *cells]:
        parts = [_cell_lines(c[n], w) for n, w in zip(names, widths, strict=True)]
        rows.append(
            [
                "  ".join((p[i] if i < len(p) else "").ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()
                for i in range(max(len(p) for p in parts))
            ]
        )
    if all(len(r) == 1 for r in rows[1:]):
        return [line for r in rows for line in r]
    # Rows of several lines are told apart by a blank line between them.
    return [*rows[0], *rows[1], *(line for r in rows[2:] for line in ["", *r])]


# Columns of sentences and lists: narrowed and wrapped before a column of names or codes is.
_PROSE = frozenset({"text", "cited", "evidence", "heading", "description", "aim", "official_name", "topics", "focus"})


def _blocks(cells: list[dict[str, str]], names: list[str], titles: list[str], width: int, lang: str) -> list[str]:
    """Rows too wide for a table, each as a block: its leading short codes on one line, then a line a field.

    A short code has no space and at most 16 characters in every row; each field's line is wrapped.
    """
    # The leading short codes (year, kind, partner, ...) head the block; a date reads as one.
    heads = names[:1]  # the first column names the row, whatever its length
    for n in names[1:]:
        if not all(" " not in c[n] and len(c[n]) <= 16 for c in cells):
            break
        heads.append(n)
    lines: list[str] = []
    for c in cells:
        if lines:
            lines.append("")
        shown = [c[n] for n in heads if c[n] and n not in ("month", "day")]
        if "year" in heads and c.get("month"):
            date = "-".join(v.zfill(2) for v in (c["year"], c["month"], c.get("day", "")) if v)
            shown[heads.index("year")] = date
        lines += wrap("  ".join(shown), width)
        for n, t in zip(names, titles, strict=True):
            if n not in heads and c[n]:
                lines += wrap(f"{t}{colon(lang)} {c[n]}", width, indent="  ")
    return lines


# Columns that name a row rather than tell something about it: a row with nothing else is empty.
_NAMING = frozenset({"status", "answer", "partner", "kind", "programme"})


def quiet(table: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The rows worth reading and how many were left out: empty rows and undated vocabulary entries.

    A row is empty when every column but those naming it (partner, kind, ...) is empty, like a
    milestone nothing is known of; an undated vocabulary entry is a timeline row of no partner and
    no year ("founded" of a programme whose founding year is not known).

    >>> quiet([{"partner": "AFG", "kind": "relations", "year": None, "evidence": ""},
    ...        {"partner": "KGZ", "kind": "relations", "year": 1992, "evidence": "nato-kgz-fr#1.0.0"},
    ...        {"partner": None, "kind": "founded", "year": None, "text": "UN: founded"}])
    ([{'partner': 'KGZ', 'kind': 'relations', 'year': 1992, 'evidence': 'nato-kgz-fr#1.0.0'}], 2)
    """
    kept = [
        r
        for r in table
        if any(v not in (None, "") for k, v in r.items() if k not in _NAMING)
        and not ("year" in r and r.get("year") is None and "partner" in r and r.get("partner") is None)
    ]
    return kept, len(table) - len(kept)


def results_lines(
    results: "Results[Any]",
    lang: str,
    vocabulary: Any,
    *,
    title: str,
    width: int | None = None,
    every: bool = False,
    hint: str = "left out.all",
) -> list[str]:
    """A result for people, the same from Python (``str()``) and the command line.

    The title and the number of matches, the matches as a table with codes by their labels
    (:func:`~partnerdata._display.labels.localise_rows`) and headers in ``lang``, then the
    unknown records. Unless ``every``, empty rows and undated vocabulary entries are left out
    (:func:`quiet`) and a last line says how many and how to see them (``hint``, a label key).
    """
    w = LABELS[lang]
    left_out = 0
    lines = [f"{title}{colon(lang)} {len(results)}"]
    parts = [(results.rows(lang), "")]
    if results.unknown:
        parts.append((results.unknown.rows(lang), w["unknown"]))
    for table, heading in parts:
        if not every:
            table, dropped = quiet(table)
            left_out += dropped
        if not table:
            continue
        if heading:
            lines += ["", f"{heading}{colon(lang)} {len(results.unknown)}"]
        names = {n: header(n, lang) for n in table[0]}
        lines += text_lines(localise_rows(table, vocabulary, lang), width, names, lang)
    if left_out:
        lines += ["", w["left out"].format(n=left_out) + separator(lang) + w[hint]]
    return [line.rstrip() for line in lines]


# The question a result answers, by its record type: its title in every interface.
_QUESTIONS = {
    "Membership": "participants",
    "Cooperation": "cooperation",
    "PartnerMilestone": "milestones",
    "Framework": "frameworks",
    "StatementHit": "statements",
    "TimelineEntry": "timeline",
    "Partner": "partners",
}


def title(results: "Results[Any]", lang: str) -> str:
    """The title of a result's text, the same in Python and on the command line: its question.

    >>> import partnerdata
    >>> title(partnerdata.load().participants("SPS"), "fr")
    'Participations'
    """
    question = _QUESTIONS.get(results.cls.__name__ if results.cls is not None else "")
    return LABELS[lang][f"question.{question}"] if question else results.title or "results"


def answer_lines(answer: "Answer[Any]", lang: str, width: int | None = None) -> list[str]:
    """A yes-or-no answer for people: the question, then the partners of each part, wrapped between codes."""
    w, c, sep = LABELS[lang], colon(lang), separator(lang)
    lines = [label(answer.question, lang)]
    for name, part in (("yes", answer.yes), ("no", answer.no), ("unknown", answer.unknown)):
        lines += wrap(f"{w[name]} ({len(part)}){c} {sep.join(part.partners) or w['nothing']}", width)
    return lines


def text_table(results: "Results[Any]", lang: str = "en", vocabulary: Any = None) -> str:
    """A result as readable text (its ``str()``): what ``partnerdata query`` prints, nothing wrapped.

    ``vocabulary`` names the codes (default: the packaged dataset's).
    """
    if vocabulary is None:
        from partnerdata._query.load import load

        vocabulary = load()
    return "\n".join(results_lines(results, lang, vocabulary, title=title(results, lang), hint="left out.rows"))


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
    """The text (``str()``) of a result, an answer, a dataset or a snapshot, or a diff."""
    if isinstance(obj, Results):
        return text_table(obj)
    if isinstance(obj, Answer):
        return "\n".join(answer_lines(obj, "en"))
    if isinstance(obj, Diff):
        return render_diff(obj, "text", "en")
    return dataset_text(obj)
