"""The ``editions`` command: a partner's editions, a diff between two of them, its history."""

import argparse
from collections.abc import Callable
from typing import TextIO

from partnerdata._cli.output import lang
from partnerdata._diff.editions import diff_editions, history
from partnerdata._query.load import load


def _run(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.data)
    if args.diff:
        old, new = args.diff
        d = diff_editions(ds, args.partner, old, new)
        out.write(d.render(args.format, lang=lang(args)) + "\n")
        return 0
    if args.history:
        out.write(history(ds, args.partner).render(args.format, lang=lang(args)) + "\n")
        return 0
    editions = ds.editions_of(args.partner)
    for e in editions:
        pages = ", ".join(f"{sid} ({ds.source(sid).language})" for sid in e.sources)
        note = f"; {len(e.conflicts)} conflict{'s' * (len(e.conflicts) != 1)} between languages" if e.conflicts else ""
        latest = " (latest)" if e is editions[-1] else ""
        out.write(f"{e.partner}@{e.label}{latest}: {pages}{note}\n")
        for c in e.conflicts:
            out.write(
                f"  conflict: {c.fact} is {' / '.join(c.values)} ({', '.join(ev.locator for ev in c.evidence)})\n"
            )
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``editions`` to the ``partnerdata`` command."""
    p = command("editions", _run, "list a partner's editions, diff two of them, or show its history")
    p.add_argument("partner", metavar="PARTNER", help="partner code or name (e.g. KAZ, Kazakhstan)")
    p.add_argument(
        "--diff",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="what changed from edition OLD to NEW (dates, 'undated', 'latest')",
    )
    p.add_argument("--history", action="store_true", help="what changed from each edition to the next")
    p.add_argument(
        "--format", choices=("text", "markdown", "html"), default="text", help="text (default), markdown, html"
    )
    lang_option(p)
    data_option(p)
