"""The ``panel`` command: a partner-year panel as CSV, JSON Lines or Parquet, or why one cell is what it is.

``partnerdata panel --start 1991 --end 2026`` writes CSV to stdout; ``-o FILE`` writes a file
(whole or not at all), its format taken from ``--format`` or else from the file's suffix;
``--explain PARTNER YEAR COLUMN`` prints the rule and the evidence behind one cell instead.
(``partnerdata export`` already names its tables, so the panel has a command of its own.)
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from partnerdata._cli.figure import add_plot_options, check_plot, write_plot
from partnerdata._cli.output import lang, refuse_clobbering, usage_error
from partnerdata._display.panel import FORMATS, codebook_path, encode, write
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.load import load

# Suffixes of other data formats: a file so named never receives CSV, whatever --format says.
_OTHER_FORMATS = ("xlsx", "xls", "ods", "json", "tsv", "dta", "sav", "feather", "arrow", "orc", "avro", "sqlite")


def _format(args: argparse.Namespace) -> str:
    suffix = Path(args.output).suffix.lstrip(".").lower() if args.output not in (None, "-") else ""
    given = None if args.format is None else str(args.format)
    if suffix in FORMATS and given is not None and suffix != given:
        usage_error(args, f"-o {args.output} names a .{suffix} file but --format is {given}; make them agree")
    if suffix in _OTHER_FORMATS or (suffix and suffix not in FORMATS and given is None):
        # Never CSV in a file named .xlsx: the name says a format the panel does not write.
        usage_error(
            args,
            f"-o {args.output}: the panel is written as {', '.join(FORMATS[:-1])} or {FORMATS[-1]}, "
            f"not .{suffix}; name the file .{', .'.join(FORMATS[:-1])} or .{FORMATS[-1]} "
            "(or, for another suffix, give --format)",
        )
    return given or suffix or "csv"


def _cmd_panel(args: argparse.Namespace, out: TextIO) -> int:
    check_plot(args)
    others = (args.output, args.format, args.explain, getattr(args, "codebook", None))
    if args.plot is not None and any(o is not None for o in others):
        usage_error(args, "--plot draws a picture: it does not go with -o, --format, --explain or --codebook")
    if args.plot is None and args.plot_columns is not None:
        usage_error(args, "--plot-columns goes with --plot FILE")
    ds = load(args.data)
    snapshot = ds if args.as_of is None else ds.as_of(args.as_of)
    panel = snapshot.panel(args.start, args.end, system=args.system)
    if args.codebook is not None:
        from partnerdata._display.panel import codebook, codebook_rst

        if args.codebook == "rst":
            out.write(codebook_rst(panel))
        else:
            out.write(json.dumps(codebook(panel, provenance=args.provenance), ensure_ascii=False, indent=1) + "\n")
        return 0
    if args.explain is not None:
        key, year, column = args.explain
        if not year.lstrip("-").isdigit():
            raise PartnerDataError(f"--explain: the year must be a number, not {year!r}")
        try:
            why = panel.explain(ds.partner(key).alpha3, int(year), column)
        except KeyError as exc:
            raise PartnerDataError(f"--explain: {exc.args[0]}") from None
        out.write(str(why) + "\n")
        return 0
    if args.plot is not None:
        columns = [c.strip() for c in args.plot_columns.split(",")] if args.plot_columns else None
        write_plot(panel, args, lang(args), ds, columns)
        return 0
    refuse_clobbering(args.output, args.data)  # first: a write onto the input is the worse mistake
    format = _format(args)
    if args.output in (None, "-"):
        if format == "parquet":
            raise PartnerDataError("Parquet is binary: give a file with -o FILE")
        out.write(encode(panel, format, provenance=args.provenance).decode("utf-8"))
        return 0
    rows = write(panel, format, args.output, provenance=args.provenance)
    book = "" if format == "parquet" else f" (codebook: {codebook_path(args.output)})"
    print(f"partnerdata: wrote {rows} rows, {len(panel.columns)} columns to {args.output}{book}", file=sys.stderr)
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``panel`` to the ``partnerdata`` command."""
    p = command(
        "panel",
        _cmd_panel,
        "a partner-year panel (one row per partner and year; yes, no or unknown in each cell) "
        "as CSV, JSON Lines or Parquet",
    )
    # Help groups (issue 23): the years, the output, and what to print instead of the panel.
    years = p.add_argument_group("years")
    output = p.add_argument_group("output")
    instead = p.add_argument_group("instead of the panel")
    years.add_argument("--start", type=int, required=True, metavar="YEAR", help="first year")
    years.add_argument("--end", type=int, required=True, metavar="YEAR", help="last year")
    output.add_argument(
        "--format", choices=FORMATS, help="csv (unknown: empty cell), jsonl (unknown: null) or parquet (needs pyarrow)"
    )
    output.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of stdout (format from its suffix)"
    )
    years.add_argument("--as-of", type=int, metavar="YEAR", help="the panel of the data as it stood at the end of YEAR")
    years.add_argument(
        "--system",
        choices=("cow", "gw"),
        help="keep only the years each partner was a member of the Correlates of War or Gleditsch-Ward state system",
    )
    output.add_argument(
        "--provenance",
        action="store_true",
        help="add a COLUMN_source column after each column: what decided its cell "
        "(page, vocabulary, inference, unknown)",
    )
    instead.add_argument(
        "--codebook",
        choices=("json", "rst"),
        help="print the codebook (one entry per column: meaning, values, rules, years) instead of the panel",
    )
    instead.add_argument(
        "--explain",
        nargs=3,
        metavar=("PARTNER", "YEAR", "COLUMN"),
        help="print the rule and the evidence that decided one cell",
    )
    figure = p.add_argument_group("figure")
    add_plot_options(figure, "the yes/no columns, partner by year,")
    figure.add_argument(
        "--plot-columns", metavar="COL,...", help="the columns --plot draws (default: the frameworks), e.g. pfp,eapc"
    )
    data_option(p)
