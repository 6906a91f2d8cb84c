"""The ``editions`` command: a partner's editions, a diff between two of them, its history."""

import argparse
from collections.abc import Callable
from typing import TextIO

from partnerdata._cli.output import add_output_options, fit, group, lang
from partnerdata._diff.editions import diff_editions, history
from partnerdata._display.labels import LABELS, colon
from partnerdata._query.load import load


def _run(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.data)
    language = lang(args)
    if args.diff:
        old, new = args.diff
        d = diff_editions(ds, args.partner, old, new)
        text = d.render(args.format, lang=language)
        out.write((fit(text, args, out) if args.format == "text" else text) + "\n")
        return 0
    if args.history:
        text = history(ds, args.partner).render(args.format, lang=language)
        out.write((fit(text, args, out) if args.format == "text" else text) + "\n")
        return 0
    ds.relation(args.partner)  # a known partner without relation data: the error says so, as in Python
    editions = ds.editions_of(args.partner)
    w, c = LABELS[language], colon(language)
    lines = []
    for e in editions:
        pages = ", ".join(f"{sid} ({ds.source(sid).language})" for sid in e.sources)
        if not e.sources:  # a relation built from citations alone, not read from a page
            pages = w["edition.no-page"].format(partner=e.partner)
        n = len(e.conflicts)
        note = f"; {w['edition.conflicts' if n != 1 else 'edition.conflict'].format(n=n)}" if n else ""
        latest = f" ({w['edition.latest']})" if e is editions[-1] else ""
        lines.append(f"{e.partner}@{e.label}{latest}{c} {pages}{note}")
        for conflict in e.conflicts:
            where = ", ".join(ev.locator for ev in conflict.evidence)
            values = " / ".join(conflict.values)
            lines.append(f"  {w['edition.conflict.line'].format(fact=conflict.fact, values=values, where=where)}")
    out.write(fit("\n".join(lines), args, out) + "\n")
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``editions`` to the ``partnerdata`` command."""
    p = command("editions", _run, "list a partner's editions, diff two of them, or show its history")
    p.add_argument("partner", metavar="PARTNER", help="partner code or name (e.g. KAZ, Kazakhstan)")
    p.add_argument_group("what to show").add_argument(
        "--diff",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="what changed from edition OLD to NEW (dates, 'undated', 'latest')",
    )
    group(p, "what to show").add_argument(
        "--history", action="store_true", help="what changed from each edition to the next"
    )
    group(p, "output").add_argument(
        "--format", choices=("text", "markdown", "html"), default="text", help="text (default), markdown, html"
    )
    lang_option(p)
    add_output_options(p, json=False, jsonl=False)
    data_option(p)
