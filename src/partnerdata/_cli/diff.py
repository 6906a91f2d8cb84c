"""The ``partnerdata diff OLD NEW`` command: exit 0 when equal, 1 when different, like diff(1); 2 and 3 on errors."""

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import attrs

from partnerdata._cli.output import add_output_options, colour, fit, group, lang
from partnerdata._diff.diff import diff
from partnerdata._diff.editions import diff_editions
from partnerdata._display.diff import FORMATS
from partnerdata._io.convert import parse_json, structure
from partnerdata._io.load import MAX_DATA_BYTES, upgrade_relation
from partnerdata._io.reading import read_regular
from partnerdata._model.errors import PartnerDataError
from partnerdata._model.records import Relation
from partnerdata._query.load import load

# A relation's file, as to_json writes it (the loader reads a format 1 file's keys too).
_RELATION_KEYS = frozenset(a.name for a in attrs.fields(Relation))
_RELATION_V1_KEYS = _RELATION_KEYS - {"member_since", "conflicts"}
_SHOWN_KEYS = frozenset({"partner", "relation"})


def _is_path(side: str) -> bool:
    return os.path.exists(side) or os.sep in side or "/" in side or side.lower().endswith(".json")


def _side(side: str, data: str | None) -> Any:
    """A partner key names its relation (in ``--data`` or the packaged data); a path, a dataset or a relation."""
    if _is_path(side):
        target = Path(side)
        if target.is_file():
            document = parse_json(read_regular(target, MAX_DATA_BYTES), file=side)
            if isinstance(document, dict) and document.keys() == _SHOWN_KEYS:
                # What ``partnerdata show KEY --json`` writes: the partner and its relation.
                if document["relation"] is None:
                    raise PartnerDataError(f"{side}: $.relation: null: this partner has no relation data to compare")
                return structure(document["relation"], Relation, file=side, root="$.relation")
            if isinstance(document, dict) and document.keys() in (_RELATION_KEYS, _RELATION_V1_KEYS):
                return structure(upgrade_relation(document, 1), Relation, file=side)
        return load(side)
    if "@" in side:  # PARTNER@EDITION: the relation as that edition of the partner's pages gave it
        partner, _, edition = side.partition("@")
        return load(data).relation(partner, edition)
    return load(data).relation(side)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    old, new = _side(args.old, args.data), _side(args.new, args.data)
    if type(old) is not type(new):
        raise PartnerDataError(
            f"cannot compare a {type(old).__name__} ({args.old}) with a {type(new).__name__} ({args.new})"
        )
    editions = "@" in args.old and "@" in args.new and not args.identity
    if editions and args.old.partition("@")[0] == args.new.partition("@")[0]:
        old_key, _, old_edition = args.old.partition("@")
        d = diff_editions(load(args.data), old_key, old_edition, args.new.partition("@")[2])
    else:
        d = diff(old, new, identity=True if args.identity else None)
    format = "json" if args.json else args.format
    text = d.render(format, lang=lang(args))
    out.write((colour(fit(text, args, out), out) if format == "text" else text) + "\n")
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
        " (exit 0: equal, 1: different, 2: usage error, 3: unreadable input)",
    )
    p.add_argument(
        "old", metavar="OLD", help="a partner key (e.g. KGZ), a relation or dataset JSON file, or a data folder"
    )
    p.add_argument("new", metavar="NEW", help="the same kind of thing as OLD")
    formats = group(p, "output").add_mutually_exclusive_group()
    formats.add_argument(
        "--format",
        choices=FORMATS,
        metavar="FORMAT",
        default="text",
        help="text (default), markdown, html, json (the changes) or patch (RFC 6902 JSON Patch)",
    )
    formats.add_argument("--json", action="store_true", help="the same as --format json")
    group(p, "comparison").add_argument(
        "--identity",
        action="store_true",
        help="also compare identity fields, statements and evidence when comparing two different partners",
    )
    lang_option(p)
    add_output_options(p, json=False, jsonl=False)
    data_option(p)
