"""The ``ingest`` and ``build`` commands: read a page into draft records; rebuild the packaged data."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from partnerdata._display.profile import Profile
from partnerdata._ingest import build as _build
from partnerdata._ingest.extract import extract
from partnerdata._ingest.page import PageError, parse_page
from partnerdata._io.convert import to_dict
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.dataset import Dataset
from partnerdata._query.load import load

Command = Callable[[str, Callable[[argparse.Namespace, TextIO], int], str], argparse.ArgumentParser]
Option = Callable[[argparse.ArgumentParser], None]


def _read_page(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:  # universal newlines: CRLF files read as LF
            return f.read()
    except UnicodeDecodeError as exc:
        raise PartnerDataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _cmd_ingest(args: argparse.Namespace, out: TextIO) -> int:
    text = _read_page(args.page)
    try:
        page = parse_page(text)
    except PageError as exc:
        raise PartnerDataError(f"{args.page}: {exc}") from None
    ds = load(args.data)
    result = extract(page, vocabulary=ds, source_id=args.source_id)
    if args.json:
        import json

        document = {
            "partner": to_dict(result.partner),
            "source": {k: v for k, v in to_dict(result.source).items() if k != "text"},
            "relation": to_dict(result.relation),
            "unplaced": [to_dict(ev) for ev in result.unplaced],
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    # A draft dataset: the vocabulary with this one page and relation, checked like the packaged data.
    draft = Dataset(
        data_version="draft",
        partners=ds.partners,
        programmes=ds.programmes,
        topics=ds.topics,
        sources=(result.source,),
        relations=(result.relation,),
    )
    lang = args.lang or page.language
    out.write(f"Draft records read from {args.page} ({page.language}, source id {result.source.id})\n\n")
    Profile(draft, lang, out).show(result.partner.alpha3)
    out.write("\n")
    if result.unplaced:
        out.write(f"Unplaced sentences ({len(result.unplaced)}): nothing recognised in them\n")
        for ev in result.unplaced:
            out.write(f"  [{ev.locator}] {ev.quote}\n")
    else:
        out.write("Unplaced sentences: none\n")
    return 0


def _cmd_build(args: argparse.Namespace, out: TextIO) -> int:
    data_dir = Path(args.data_dir) if args.data_dir else None
    inputs_dir = Path(args.inputs) if args.inputs else None
    if args.check:
        differences = _build.check(data_dir, inputs_dir)
        if differences:
            out.write(f"the packaged data differs from its build ({len(differences)} files):\n")
            for d in differences:
                out.write(f"  {d}\n")
            out.write("run `partnerdata build` to regenerate it\n")
            return 1
        out.write("ok: the packaged data is what the build makes\n")
        return 0
    changed = _build.write(data_dir, inputs_dir, clean=args.clean)
    target = data_dir or _build.default_data_dir()
    if changed:
        out.write(f"wrote {len(changed)} files in {target}: {', '.join(changed)}\n")
    else:
        out.write(f"ok: {target} is up to date\n")
    return 0


def add_commands(command: Any, data_option: Option, lang_option: Option) -> None:
    """Add ``ingest`` and ``build`` to the ``partnerdata`` command."""
    p = command("ingest", _cmd_ingest, "read a partner page (plain text) into draft records with their evidence")
    p.add_argument(
        "page", metavar="PAGE.txt", help="the page's text: UTF-8, title line, introduction line, headings, bullets"
    )
    p.add_argument(
        "--json", action="store_true", help="print the partner, source, relation and unplaced sentences as JSON"
    )
    p.add_argument("--source-id", metavar="ID", help="the source id the evidence cites (default nato-<alpha3>-<lang>)")
    p.add_argument("--lang", choices=("en", "fr"), default=None, help="language of labels (default: the page's)")
    data_option(p)
    p = command("build", _cmd_build, "regenerate the packaged data from its source pages and overlay (or --check it)")
    p.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 if the data differs")
    p.add_argument(
        "--clean",
        action="store_true",
        help="also remove data files the build does not make (by default only those it made itself)",
    )
    p.add_argument("--data-dir", metavar="PATH", help="the data folder to build into (default: the packaged one)")
    p.add_argument(
        "--inputs", metavar="PATH", help="the folder with overlay.json and pages/ (default: the packaged one)"
    )
