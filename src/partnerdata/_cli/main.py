"""The ``partnerdata`` command: list partners, show one with its evidence, validate data.

Errors go to stderr as one line each, never as a traceback; the exit code is 0 on success,
1 when validation finds problems, 2 for a usage error or a failure.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from partnerdata._cli import diff as _diff_cli
from partnerdata._cli import editions as _editions_cli
from partnerdata._cli import ingest as _ingest_cli
from partnerdata._cli import panel as _panel_cli
from partnerdata._cli import query as _query_cli
from partnerdata._cli.output import add_output_options, lang, print_table
from partnerdata._display.labels import LABELS
from partnerdata._display.profile import Profile
from partnerdata._display.tables import write
from partnerdata._io.convert import to_dict
from partnerdata._model.errors import DataValidationError, NotFoundError, PartnerDataError
from partnerdata._model.rows import row
from partnerdata._query.load import load
from partnerdata._version import DATA_VERSION, __version__


def _list_rows(ds: Any, language: str | None) -> list[dict[str, Any]]:
    having = {r.partner: r for r in ds.relations}
    out = []
    for p in ds.partners:
        r = having.get(p.alpha3)
        fields = row(p, language)
        out.append(
            {
                "alpha3": p.alpha3,
                "alpha2": p.alpha2,
                **{k: v for k, v in fields.items() if k.startswith(("name", "region"))},
                "relations_since": None if r is None or r.relations_since is None else r.relations_since.year,
                "pfp_since": None if r is None else r.pfp_since,
            }
        )
    return out


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.data)
    if args.json or args.jsonl:
        table = _list_rows(ds, args.lang)
        write(table, list(table[0]) if table else [], "json" if args.json else "jsonl", out)
        return 0
    print_table(_list_rows(ds, lang(args)), ds, args, out)
    return 0


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.data)
    if args.json:
        import json

        partner = ds.partner(args.key)
        relation = next((r for r in ds.relations if r.partner == partner.alpha3), None)
        document = {
            "partner": to_dict(partner),
            "relation": None if relation is None else to_dict(relation),
        }
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    Profile(ds, lang(args), out).show(args.key)
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.path)
    counts = {name: len(getattr(ds, name)) for name in ("partners", "relations", "programmes", "topics", "sources")}
    out.write(LABELS[lang(args)]["validate.ok"].format(path=args.path, version=ds.data_version, **counts) + "\n")
    return 0


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (which flag, and why), exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="partnerdata",
        description="NATO's relations with its partner countries, with the evidence for every fact.",
    )
    parser.add_argument("--version", action="version", version=f"partnerdata {__version__} (data {DATA_VERSION})")
    parser.add_argument("--lang", choices=("en", "fr"), help="language of labels, for every command (default: en)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def command(name: str, run: Callable[[argparse.Namespace, TextIO], int], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        # The command's own parser reports its usage errors (exit code 2), naming the command.
        p.set_defaults(run=run, parser=p)
        return p

    def data_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data", metavar="PATH", help="a dataset file or folder instead of the packaged data")

    def lang_option(p: argparse.ArgumentParser) -> None:
        # Also accepted before the command; given here, it wins (SUPPRESS: absent leaves the global one).
        p.add_argument(
            "--lang", choices=("en", "fr"), default=argparse.SUPPRESS, help="language of labels (default: en)"
        )

    p = command("list", _cmd_list, "list partners: codes, name, region, relations since, PfP since")
    lang_option(p)
    add_output_options(p)
    data_option(p)
    p = command("show", _cmd_show, "show a partner's relation with the evidence for each fact")
    p.add_argument("key", metavar="KEY", help="partner code or name, in French or English (e.g. KGZ, Turkménistan)")
    lang_option(p)
    add_output_options(p, jsonl=False, table=False)
    data_option(p)
    p = command("validate", _cmd_validate, "check a dataset file or folder and list every problem")
    p.add_argument("path", metavar="PATH", help="a JSON file written by partnerdata.to_json, or a data folder")
    for module in (_diff_cli, _query_cli, _ingest_cli, _editions_cli, _panel_cli):
        # Each feature's module adds its own subcommands.
        module.add_commands(command, data_option, lang_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        return int(args.run(args, out))
    except DataValidationError as exc:
        for line in str(exc).splitlines():
            print(
                f"partnerdata: {line.strip()}" if line.startswith("invalid") else f"  {line.strip()}", file=sys.stderr
            )
        return 1 if args.command == "validate" else 2
    except NotFoundError as exc:
        print(f"partnerdata: {exc}", file=sys.stderr)
        return 2
    except PartnerDataError as exc:
        print(f"partnerdata: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``partnerdata show KGZ | head``); that is not an error of ours.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(f"partnerdata: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
