"""The ``query``, ``timeline`` and ``export`` commands: the dataset's questions from a terminal.

``query`` prints a readable table (in French or English with ``--lang``), the records it could
not decide listed after it as unknown; ``export`` writes any table as CSV, JSON Lines or JSON to
stdout or to a file, unknown records included (column ``status``).
"""

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from partnerdata._display.labels import LABELS
from partnerdata._display.tables import FORMATS, text_lines, write
from partnerdata._io.files import UnsafeWriteError, write_atomic
from partnerdata._model.results import Answer, Results
from partnerdata._query.load import load

TABLES = ("participants", "cooperation", "stance", "milestones", "frameworks", "statements", "timeline", "partners")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--programme", "--program", metavar="NAME", help="programme code or name (e.g. SPS, PfP, BI)")
    p.add_argument("--topic", metavar="NAME", help="topic code or name (e.g. cyber-defence, cyberdéfense)")
    p.add_argument(
        "--partner", metavar="NAME", action="append", help="partner code or name; repeat for several partners"
    )
    p.add_argument("--since-after", type=int, metavar="YEAR", help="began after YEAR")
    p.add_argument("--since-before", type=int, metavar="YEAR", help="began before YEAR")
    p.add_argument(
        "--through", choices=("statement", "participation", "event", "designation"), help="cooperation link kind"
    )
    p.add_argument("--kind", metavar="KIND", help="milestone kind, programme kind or timeline kind")
    p.add_argument("--search", metavar="TEXT", help="full-text search in statements (any case, any accents)")
    p.add_argument(
        "--stance",
        metavar="FLAG",
        help="contributes_forces (forces), contributes_infrastructure (infrastructure) "
        "or permanent_neutrality (neutrality)",
    )
    p.add_argument("--as-of", type=int, metavar="YEAR", help="answer for the state of things at the end of YEAR")


def _table(args: argparse.Namespace) -> str:
    if getattr(args, "table", None):
        return str(args.table)
    if args.search:
        return "statements"
    if args.stance:
        return "stance"
    if args.topic and not args.programme:
        return "cooperation"
    return "participants"


def _answer(args: argparse.Namespace, table: str) -> Any:
    ds: Any = load(args.data)
    if args.as_of is not None:
        ds = ds.as_of(args.as_of)
    years = {"since_after": args.since_after, "since_before": args.since_before}
    if table == "participants":
        return ds.participants(args.programme, partner=args.partner, topic=args.topic, **years)
    if table == "cooperation":
        return ds.cooperating(args.topic, partner=args.partner, programme=args.programme, through=args.through, **years)
    if table == "stance":
        return ds.stance(args.stance or "contributes_forces")
    if table == "milestones":
        return ds.milestones(args.kind, partner=args.partner, via=args.programme, **years)
    if table == "frameworks":
        return ds.frameworks(kind=args.kind, existing_in=args.since_before)
    if table == "statements":
        if not args.search:
            raise SystemExit("partnerdata: the statements table needs --search TEXT")
        return ds.search(args.search, partner=args.partner, topic=args.topic, programme=args.programme)
    if table == "timeline":
        return ds.timeline(
            getattr(args, "start", None) or args.since_after,
            getattr(args, "end", None) or args.since_before,
            partner=args.partner,
            kind=args.kind,
            programme=args.programme,
            topic=args.topic,
        )
    # partners: every partner record of the dataset
    dataset = getattr(ds, "dataset", ds)
    return Results(dataset.partners, title="partners", cls=type(dataset.partners[0]) if dataset.partners else None)


def _print(result: Any, lang: str, out: TextIO) -> None:
    w = LABELS[lang]
    if isinstance(result, Answer):
        out.write(f"{result.question}\n")
        for name, part in (("yes", result.yes), ("no", result.no), ("unknown", result.unknown)):
            out.write(f"{w[name]} ({len(part)}): {', '.join(part.partners) or w['nothing']}\n")
        return
    out.write(f"{result.title}: {len(result)}\n")
    for line in text_lines(result.rows(lang)):
        out.write(line + "\n")
    if result.unknown:
        out.write(f"\n{w['unknown']}: {len(result.unknown)}\n")
        for line in text_lines(result.unknown.rows(lang)):
            out.write(line + "\n")


def _cmd_query(args: argparse.Namespace, out: TextIO) -> int:
    _print(_answer(args, _table(args)), args.lang, out)
    return 0


def _cmd_timeline(args: argparse.Namespace, out: TextIO) -> int:
    _print(_answer(args, "timeline"), args.lang, out)
    return 0


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    if args.output is not None:
        _refuse_overwriting_input(args.output, args.data)
    result = _answer(args, args.table)
    lang = args.lang
    if isinstance(result, Answer):
        table = result.rows(lang)
        names = ["answer", *result.yes.columns(lang)]
    else:
        table = result.rows(lang, with_unknown=True)
        names = result.columns(lang, with_unknown=True)
    if args.output in (None, "-"):
        write(table, names, args.format, out)
    else:
        buffer = io.StringIO(newline="")  # csv writes its own \r\n line ends
        write(table, names, args.format, buffer)
        # A whole new file or the old one untouched, never through a link (see write_atomic).
        write_atomic(args.output, buffer.getvalue().encode("utf-8"))
        print(f"partnerdata: wrote {len(table)} rows to {args.output}", file=sys.stderr)
    return 0


def _refuse_overwriting_input(output: str, data: str | None) -> None:
    """``export --data mydata.json -o mydata.json`` would replace the dataset with a table."""
    if data is None or output == "-":
        return
    source, target = Path(data).resolve(), Path(output).resolve()
    if target == source or target.is_relative_to(source):
        raise UnsafeWriteError(f"{output}: is the --data input (or inside it); refusing to overwrite it")


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
        "stances (--stance), statements (--search); filters combine",
    )
    p.add_argument("--table", choices=TABLES, help="which question to answer (default: from the filters given)")
    _filters(p)
    lang_option(p)
    data_option(p)

    p = command("timeline", _cmd_timeline, "what happened between two years, across partners or for one, in order")
    p.add_argument("start", type=int, nargs="?", metavar="START", help="first year (default: the beginning)")
    p.add_argument("end", type=int, nargs="?", metavar="END", help="last year (default: the end)")
    _filters(p)
    lang_option(p)
    data_option(p)

    p = command("export", _cmd_export, "write a table as CSV, JSON Lines or JSON, to stdout or a file")
    p.add_argument("table", choices=TABLES, metavar="TABLE", help=f"one of: {', '.join(TABLES)}")
    p.add_argument("--format", choices=FORMATS, default="csv", help="csv (default), jsonl or json")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    _filters(p)
    p.add_argument("--lang", choices=("en", "fr"), help="one column per text in this language (default: both)")
    data_option(p)
