"""The figure options shared by ``timeline`` and ``panel``: ``--plot FILE``, ``--plot-size`` and ``--dpi``.

The format is the file's suffix (``.png``, ``.svg`` or ``.pdf``); a wrong one is a usage error
(exit 2) before any data is read, and nothing is written.
"""

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any

from partnerdata._cli.output import refuse_clobbering, usage_error
from partnerdata._display.plot import FORMATS
from partnerdata._model.errors import PartnerDataError

__all__ = ["add_plot_options", "check_plot", "write_plot"]

_SIZE = re.compile(r"([0-9]{1,3}(?:\.[0-9]{1,3})?)[xX]([0-9]{1,3}(?:\.[0-9]{1,3})?)\Z")  # linear: no nesting


def add_plot_options(group: Any, what: str) -> None:
    """Add ``--plot``, ``--plot-size`` and ``--dpi`` to an argument group; ``what`` is what is drawn."""
    group.add_argument(
        "--plot", metavar="FILE", help=f"draw {what} into FILE (.png, .svg or .pdf; needs partnerdata[plot])"
    )
    group.add_argument(
        "--plot-size", metavar="WxH", help="the figure's width and height in inches, e.g. 7x4 (default: fit the rows)"
    )
    group.add_argument("--dpi", type=int, metavar="N", help="resolution of a PNG figure (default 200)")


def check_plot(args: argparse.Namespace) -> tuple[float, float] | None:
    """Refuse a figure file of the wrong kind or a size that is not ``WxH``; returns the size, if given."""
    if args.plot is None:
        if args.plot_size is not None or args.dpi is not None:
            usage_error(args, "--plot-size and --dpi go with --plot FILE")
        return None
    if not args.plot.lower().endswith(tuple(f".{s}" for s in FORMATS)):
        usage_error(args, f"--plot {args.plot}: the file name must end in .png, .svg or .pdf")
    if args.dpi is not None and not 10 <= args.dpi <= 2400:
        usage_error(args, f"--dpi {args.dpi}: give a resolution between 10 and 2400")
    if args.plot_size is None:
        return None
    found = _SIZE.match(args.plot_size)
    if found is None or not all(0 < float(v) <= 100 for v in found.groups()):
        usage_error(args, f"--plot-size {args.plot_size}: give WIDTHxHEIGHT in inches, each at most 100, e.g. 7x4")
    return float(found.group(1)), float(found.group(2))


def write_plot(
    obj: Any, args: argparse.Namespace, lang: str, vocabulary: Any, columns: "Sequence[str] | None" = None
) -> None:
    """Draw ``obj`` into ``args.plot`` (atomically) and say so on stderr."""
    from partnerdata._display.plot import save

    size = check_plot(args)
    refuse_clobbering(args.plot, getattr(args, "data", None))
    try:
        save(obj, args.plot, lang=lang, vocabulary=vocabulary, size=size, dpi=args.dpi, columns=columns)
    except ImportError as exc:  # matplotlib is an optional extra
        raise PartnerDataError(str(exc)) from None
    print(f"partnerdata: wrote {args.plot}", file=sys.stderr)
