"""The ``panel`` command: a partner-year panel as CSV, JSON Lines or Parquet, or why one cell is what it is.

``partnerdata panel --start 1991 --end 2026`` writes CSV to stdout; ``-o FILE`` writes a file
(whole or not at all), its format taken from ``--format`` or else from the file's suffix;
``--explain PARTNER YEAR COLUMN`` prints the rule and the evidence behind one cell instead.
(``partnerdata export`` already names its tables, so the panel has a command of its own.)
"""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from partnerdata._cli.output import refuse_clobbering
from partnerdata._display.panel import FORMATS, encode, write
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.load import load


def _format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    suffix = Path(args.output).suffix.lstrip(".").lower() if args.output not in (None, "-") else ""
    if suffix and suffix not in FORMATS:
        # Never CSV in a file named .xlsx: the name says a format the panel does not write.
        raise PartnerDataError(
            f"-o {args.output}: the panel is written as {', '.join(FORMATS)}, not .{suffix}; "
            "name the file accordingly or give --format"
        )
    return suffix or "csv"


def _cmd_panel(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.data)
    snapshot = ds if args.as_of is None else ds.as_of(args.as_of)
    panel = snapshot.panel(args.start, args.end)
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
    format = _format(args)
    refuse_clobbering(args.output, args.data)
    if args.output in (None, "-"):
        if format == "parquet":
            raise PartnerDataError("Parquet is binary: give a file with -o FILE")
        out.write(encode(panel, format).decode("utf-8"))
        return 0
    rows = write(panel, format, args.output)
    print(f"partnerdata: wrote {rows} rows, {len(panel.columns)} columns to {args.output}", file=sys.stderr)
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
    p.add_argument("--start", type=int, required=True, metavar="YEAR", help="first year")
    p.add_argument("--end", type=int, required=True, metavar="YEAR", help="last year")
    p.add_argument(
        "--format", choices=FORMATS, help="csv (unknown: empty cell), jsonl (unknown: null) or parquet (needs pyarrow)"
    )
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout (format from its suffix)")
    p.add_argument("--as-of", type=int, metavar="YEAR", help="the panel of the data as it stood at the end of YEAR")
    p.add_argument(
        "--explain",
        nargs=3,
        metavar=("PARTNER", "YEAR", "COLUMN"),
        help="print the rule and the evidence that decided one cell",
    )
    data_option(p)
