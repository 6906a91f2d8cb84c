"""The ``query``, ``timeline`` and ``export`` commands: the dataset's questions from a terminal.

Flags reach the question by name: each filter flag fills the question's parameter of the same
name (``--programme`` fills ``programme``, or ``via`` for milestones), read from the question's
signature. A flag the chosen question has no parameter for is a usage error, never ignored, so
a new filter is one parameter of a question plus its flag here.

``query`` and ``timeline`` print a readable table (in French or English with ``--lang``), the
records they could not decide after it as unknown; ``--json`` and ``--jsonl`` print the rows
``export`` writes. ``export`` writes any table as CSV, JSON Lines or JSON to stdout or a file.
"""

import argparse
import inspect
import io
import sys
from collections.abc import Callable
from typing import Any, TextIO

from partnerdata._cli.figure import add_plot_options, check_plot, write_plot
from partnerdata._cli.output import add_output_options, group, lang, refuse_clobbering, usage_error, width
from partnerdata._display.tables import FORMATS, answer_lines, results_lines, title, write
from partnerdata._io.files import write_atomic
from partnerdata._model.results import Answer, Results
from partnerdata._query.engine import FLAGS, THROUGH
from partnerdata._query.load import load

# Each table is answered by one question (a method of the dataset); "partners" lists the records.
QUESTIONS = {
    "participants": "participants",
    "cooperation": "cooperating",
    "stance": "stance",
    "milestones": "milestones",
    "frameworks": "frameworks",
    "statements": "search",
    "timeline": "timeline",
    "partners": None,
}
TABLES = tuple(QUESTIONS)

# Each filter (its argparse dest) and the parameters it may fill, first match wins.
FILLS: dict[str, tuple[str, ...]] = {
    "programme": ("programme", "via"),
    "topic": ("topic",),
    "partner": ("partner",),
    "since": ("since",),
    "until": ("until",),
    "since_after": ("since_after",),
    "since_before": ("since_before",),
    "existing_in": ("existing_in",),
    "through": ("through",),
    "kind": ("kind",),
    "search": ("text",),
    "stance": ("flag",),
    "start": ("start",),
    "end": ("end",),
}


def _flag(dest: str) -> str:
    return dest.upper() if dest in ("start", "end") else "--" + dest.replace("_", "-")


# Older spellings still accepted, left out of the help: --since/--until say the same with YEAR included.
_LEGACY = frozenset({"since_after", "since_before"})


def _filters(p: argparse.ArgumentParser, question: str | None = None) -> None:
    """The filter flags, in a "filters" group of the help.

    For a command answering one ``question`` (``timeline``), the help lists only the flags that
    question takes; the others stay accepted, to be refused with a message saying why.
    """
    takes: set[str] | None = None
    if question is not None:
        from partnerdata._query.dataset import Dataset

        params = inspect.signature(getattr(Dataset, question)).parameters
        takes = {dest for dest, names in FILLS.items() if any(n in params for n in names)}
    filters = group(p, "filters")

    def add(*flags: str, **kw: Any) -> None:
        dest = flags[0].lstrip("-").replace("-", "_")
        if dest in _LEGACY or (takes is not None and dest not in takes and dest != "as_of"):
            kw["help"] = argparse.SUPPRESS
        filters.add_argument(*flags, **kw)

    add("--programme", metavar="NAME", help="programme code or name (e.g. SPS, PfP, BI)")
    # The American spelling, accepted but not listed twice.
    filters.add_argument("--program", dest="programme", metavar="NAME", help=argparse.SUPPRESS)
    add("--topic", metavar="NAME", help="topic code or name (e.g. cyber-defence, cyberdéfense)")
    add("--partner", metavar="NAME", action="append", help="partner code or name; repeat for several partners")
    add("--since", type=int, metavar="YEAR", help="from YEAR on (YEAR included, like every bound)")
    add("--until", type=int, metavar="YEAR", help="up to YEAR (YEAR included)")
    add("--since-after", type=int, metavar="YEAR", help="began after YEAR (YEAR excluded; older flag)")
    add("--since-before", type=int, metavar="YEAR", help="began before YEAR (YEAR excluded; older flag)")
    add("--existing-in", type=int, metavar="YEAR", help="frameworks: existed at the end of YEAR")
    add("--through", choices=THROUGH, metavar="KIND", help=f"cooperation: the kind of link ({', '.join(THROUGH)})")
    add("--kind", metavar="KIND", help="milestone kind, programme kind or timeline kind")
    add("--search", metavar="TEXT", help="statements containing every word of TEXT (any case, accents)")
    add(
        "--stance",
        choices=tuple(FLAGS),
        metavar="FLAG",
        help="contributes_forces (forces), contributes_infrastructure (infrastructure) "
        "or permanent_neutrality (neutrality)",
    )
    add("--as-of", type=int, metavar="YEAR", help="answer for the state of things at the end of YEAR")


def _all_option(p: argparse.ArgumentParser) -> None:
    group(p, "output").add_argument(
        "--all",
        action="store_true",
        help="also print empty rows and vocabulary entries without a date (left out by default, and counted)",
    )


def _table(args: argparse.Namespace) -> str:
    """The question ``query`` answers: ``--table``, else the one its filters point to."""
    if getattr(args, "table", None):
        return str(args.table)
    if args.search is not None:
        return "statements"
    if args.stance is not None:
        return "stance"
    if args.through is not None or (args.topic is not None and args.programme is None):
        return "cooperation"
    if args.existing_in is not None:
        return "frameworks"
    return "participants"


def _takes(params: Any) -> list[str]:
    return [_flag(dest) for dest, names in FILLS.items() if dest not in _LEGACY and any(n in params for n in names)]


def _check_ranges(args: argparse.Namespace) -> None:
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None and end is not None and start > end:
        usage_error(args, f"START ({start}) is after END ({end}): give the earlier year first")
    since, until = getattr(args, "since", None), getattr(args, "until", None)
    if since is not None and until is not None and since > until:
        usage_error(args, f"--since {since} is after --until {until}: give the earlier year first")
    after, before = args.since_after, args.since_before
    if after is not None and before is not None and after + 1 >= before:
        usage_error(
            args, f"--since-after {after} --since-before {before}: no year is after {after} and before {before}"
        )


def answer(args: argparse.Namespace, table: str) -> Any:
    """The chosen question's answer, every filter given passed by name; a usage error if one does not apply."""
    _check_ranges(args)
    ds: Any = load(args.data)
    if args.as_of is not None:
        ds = ds.as_of(args.as_of)
    method_name = QUESTIONS[table]
    given = {dest: getattr(args, dest, None) for dest in FILLS}
    given = {dest: value for dest, value in given.items() if value is not None}
    if method_name is None:
        if given:
            usage_error(args, f"{_flag(next(iter(given)))} does not apply to the partners table (it takes no filter)")
        dataset = getattr(ds, "dataset", ds)
        return Results(dataset.partners, title="partners", cls=type(dataset.partners[0]) if dataset.partners else None)
    method: Callable[..., Any] = getattr(ds, method_name)
    params = inspect.signature(method).parameters
    kwargs: dict[str, Any] = {}
    for dest, value in given.items():
        target = next((n for n in FILLS[dest] if n in params), None)
        if target is None:
            usage_error(
                args,
                f"{_flag(dest)} does not apply to the {table} question (it takes {', '.join(_takes(params))})"
                + ("; choose another with --table" if hasattr(args, "table") else ""),
            )
        kwargs[target] = value
    for name, param in params.items():
        if param.default is inspect.Parameter.empty and name not in kwargs:
            needed = next(_flag(dest) for dest, names in FILLS.items() if name in names)
            usage_error(args, f"the {table} question needs {needed}")
    try:
        return method(**kwargs)
    except ValueError as exc:  # a value the question does not know (a kind, say): the message names it
        usage_error(args, str(exc))


def rows(result: Any, language: str | None) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows ``export`` writes (and ``--json``/``--jsonl`` print) and their column names."""
    if isinstance(result, Answer):
        return result.rows(language), ["answer", *result.yes.columns(language)]
    return result.rows(language, with_unknown=True), result.columns(language, with_unknown=True)


def _print(result: Any, table: str, args: argparse.Namespace, vocabulary: Any, out: TextIO) -> None:
    if args.json or args.jsonl:
        found, names = rows(result, getattr(args, "lang", None))
        write(found, names, "json" if args.json else "jsonl", out)
        return
    language = lang(args)
    room = width(args, out)
    if isinstance(result, Answer):
        out.write("\n".join(answer_lines(result, language, room)) + "\n")
        return
    for line in results_lines(result, language, vocabulary, title=title(result, language), width=room, every=args.all):
        out.write(line + "\n")


def _cmd_query(args: argparse.Namespace, out: TextIO) -> int:
    table = _table(args)
    _print(answer(args, table), table, args, load(args.data), out)
    return 0


def _cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    check_plot(args)
    if args.plot and (args.json or args.jsonl):
        usage_error(args, f"--plot draws a picture: it does not go with --{'json' if args.json else 'jsonl'}")
    result = answer(args, "timeline")
    if args.plot:
        write_plot(result, args, lang(args), load(args.data))
        return 0
    _print(result, "timeline", args, load(args.data), out)
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if args.output is not None:
        refuse_clobbering(args.output, args.data)
    result = answer(args, args.table)
    table, names = rows(result, args.lang)
    if args.output in (None, "-"):
        write(table, names, args.format, out)
    else:
        buffer = io.StringIO(newline="")  # csv writes its own \r\n line ends
        write(table, names, args.format, buffer)
        # A whole new file or the old one untouched, never through a link (see write_atomic).
        write_atomic(args.output, buffer.getvalue().encode("utf-8"))
        print(f"partnerdata: wrote {len(table)} rows to {args.output}", file=sys.stderr)
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``query``, ``timeline`` and ``export`` to the ``partnerdata`` command."""
    p = command(
        "query",
        _cmd_query,
        "answer a question: who takes part in a programme (--programme), who cooperates on a topic (--topic), "
        "stances (--stance), statements (--search); a filter the question does not take is an error",
    )
    group(p, "question").add_argument(
        "--table",
        choices=TABLES,
        metavar="TABLE",
        help=f"which question to answer: {', '.join(TABLES)} (default: from the filters given)",
    )
    _filters(p)
    lang_option(p)
    add_output_options(p)
    _all_option(p)
    data_option(p)

    p = command("timeline", _cmd_timeline, "what happened between two years, across partners or for one, in order")
    p.add_argument("start", type=int, nargs="?", metavar="START", help="first year (default: the beginning)")
    p.add_argument("end", type=int, nargs="?", metavar="END", help="last year (default: the end)")
    _filters(p, "timeline")
    lang_option(p)
    add_output_options(p)
    _all_option(p)
    add_plot_options(group(p, "output"), "the timeline")
    data_option(p)

    p = command("export", _cmd_export, "write a table as CSV, JSON Lines or JSON, to stdout or a file")
    p.add_argument("table", choices=TABLES, metavar="TABLE", help=f"one of: {', '.join(TABLES)}")
    _filters(p)
    output = group(p, "output")
    output.add_argument("--format", choices=FORMATS, default="csv", help="csv (default), jsonl or json")
    output.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    lang_option(p)
    data_option(p)
