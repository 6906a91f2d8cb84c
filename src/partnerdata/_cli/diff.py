"""The ``partnerdata diff OLD NEW`` command: exit 0 when equal, 1 when different, 2 on error, like diff(1)."""

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from partnerdata._cli.output import colour, lang
from partnerdata._diff.diff import diff
from partnerdata._display.diff import FORMATS
from partnerdata._io.convert import parse_json, structure
from partnerdata._model.errors import PartnerDataError
from partnerdata._model.records import Relation
from partnerdata._query.load import load

_RELATION_KEYS = frozenset(
    {
        "partner",
        "relations_since",
        "cooperation_since",
        "plan",
        "participations",
        "stance",
        "channels",
        "events",
        "statements",
    }
)
_SHOWN_KEYS = frozenset({"partner", "relation"})


def _is_path(side: str) -> bool:
    return os.path.exists(side) or os.sep in side or "/" in side or side.lower().endswith(".json")


def _side(side: str, data: str | None) -> Any:
    """A partner key names its relation (in ``--data`` or the packaged data); a path, a dataset or a relation."""
    if _is_path(side):
        target = Path(side)
        if target.is_file():
            document = parse_json(target.read_bytes(), file=side)
            if isinstance(document, dict) and document.keys() == _SHOWN_KEYS:
                # What ``partnerdata show KEY --json`` writes: the partner and its relation.
                if document["relation"] is None:
                    raise PartnerDataError(f"{side}: $.relation: null: this partner has no relation data to compare")
                return structure(document["relation"], Relation, file=side, root="$.relation")
            if isinstance(document, dict) and document.keys() == _RELATION_KEYS:
                return structure(document, Relation, file=side)
        return load(side)
    return load(data).relation(side)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    old, new = _side(args.old, args.data), _side(args.new, args.data)
    if type(old) is not type(new):
        raise PartnerDataError(
            f"cannot compare a {type(old).__name__} ({args.old}) with a {type(new).__name__} ({args.new})"
        )
    d = diff(old, new, identity=True if args.identity else None)
    format = "json" if args.json else args.format
    text = d.render(format, lang=lang(args))
    out.write((colour(text, out) if format == "text" else text) + "\n")
    return 1 if d else 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``diff`` to the ``partnerdata`` command."""
    p = command(
        "diff",
        _run,
        "show what changed between two partners' relations or two data editions"
        " (exit 0: equal, 1: different, 2: error)",
    )
    p.add_argument(
        "old", metavar="OLD", help="a partner key (e.g. KGZ), a relation or dataset JSON file, or a data folder"
    )
    p.add_argument("new", metavar="NEW", help="the same kind of thing as OLD")
    formats = p.add_mutually_exclusive_group()
    formats.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), markdown, html, json (the changes) or patch (RFC 6902 JSON Patch)",
    )
    formats.add_argument("--json", action="store_true", help="the same as --format json")
    p.add_argument(
        "--identity",
        action="store_true",
        help="also compare identity fields, statements and evidence when comparing two different partners",
    )
    lang_option(p)
    data_option(p)
