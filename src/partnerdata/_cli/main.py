"""The ``partnerdata`` command: list partners, show one with its evidence, validate data.

Errors go to stderr as one line each, never as a traceback; the exit code is 0 on success,
1 when problems or differences are found (``validate``, ``diff``, ``build --check``), 2 for a usage
error, 3 for an input that cannot be read (or an output that cannot be written), 4 for a bug.
"""

import argparse
import contextlib
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TextIO

from partnerdata._cli import diff as _diff_cli
from partnerdata._cli import editions as _editions_cli
from partnerdata._cli import examples as _examples_cli
from partnerdata._cli import ingest as _ingest_cli
from partnerdata._cli import panel as _panel_cli
from partnerdata._cli import query as _query_cli
from partnerdata._cli.output import add_output_options, fit, group, lang, print_table
from partnerdata._display.labels import LABELS
from partnerdata._display.profile import Profile
from partnerdata._display.tables import write
from partnerdata._ingest.build import BuildError
from partnerdata._ingest.page import PageError
from partnerdata._io.convert import to_dict
from partnerdata._io.files import UnsafeWriteError
from partnerdata._io.reading import UnreadableFileError
from partnerdata._model.errors import DataValidationError, PartnerDataError
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
    buffer = io.StringIO()
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
    Profile(ds, lang(args), buffer).show(args.key)
    out.write(fit(buffer.getvalue(), args, out))
    return 0


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(args.path)
    counts = {name: len(getattr(ds, name)) for name in ("partners", "relations", "programmes", "topics", "sources")}
    text = LABELS[lang(args)]["validate.ok"].format(path=args.path, version=ds.data_version, **counts)
    out.write(fit(text, args, out) + "\n")
    return 0


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (which flag, and why, and the help to read), exit code 2."""

    def error(self, message: str) -> NoReturn:
        # An argument may hold anything: control characters are shown escaped, never sent to the terminal.
        shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in message)
        self.exit(2, f"{self.prog}: {shown} (see {self.prog} --help)\n")

    def unrecognised(self, extras: Sequence[str]) -> NoReturn:
        """Options this command does not take, with the nearest it does take ("did you mean --json?")."""
        import difflib

        known = [o for action in self._actions for o in action.option_strings if action.help != argparse.SUPPRESS]
        close = next((m for e in extras for m in difflib.get_close_matches(e.split("=")[0], known, n=1)), None)
        self.error(f"unrecognized arguments: {' '.join(extras)}" + (f"; did you mean {close}?" if close else ""))


class _Help(argparse.HelpFormatter):
    """Help fitted to the terminal (argparse reads its width), but for the examples, kept line by line."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:  # the examples: one command a line, as typed
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


# One example a command, shown at the end of its --help.
EXAMPLES = {
    "list": "partnerdata list --lang fr",
    "show": "partnerdata show KGZ\n  partnerdata show Turkménistan --json",
    "validate": "partnerdata validate mydata/",
    "diff": "partnerdata diff KGZ TKM\n  partnerdata diff KGZ@undated KGZ@latest --format markdown",
    "query": "partnerdata query --programme SPS\n  partnerdata query --stance forces --lang fr",
    "timeline": "partnerdata timeline 2010 2020 --partner KGZ",
    "export": "partnerdata export participants --programme SPS -o sps.csv",
    "ingest": "partnerdata ingest saved-page.html",
    "build": "partnerdata build pages/ --output mydata",
    "editions": "partnerdata editions KGZ --history",
    "examples": "partnerdata examples pages && partnerdata build pages --output mydata --pages-only",
    "panel": "partnerdata panel --start 1991 --end 2026 -o panel.csv",
}


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="partnerdata",
        description="NATO's relations with its partner countries, with the evidence for every fact.",
        epilog="Each command's options: partnerdata COMMAND --help",
    )
    parser.add_argument("--version", action="version", version=f"partnerdata {__version__} (data {DATA_VERSION})")
    parser.add_argument("--lang", choices=("en", "fr"), help="language of labels, for every command (default: en)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def command(name: str, run: Callable[[argparse.Namespace, TextIO], int], help: str) -> argparse.ArgumentParser:
        example = EXAMPLES.get(name)
        heading = "examples" if example and "\n" in example else "example"
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=f"{heading}:\n  {example}\n" if example else None,
            formatter_class=_Help,
        )
        # The command's own parser reports its usage errors (exit code 2), naming the command.
        p.set_defaults(run=run, parser=p)
        return p

    def data_option(p: argparse.ArgumentParser) -> None:
        group(p, "data").add_argument(
            "--data", metavar="PATH", help="a dataset file or folder instead of the packaged data"
        )

    def lang_option(p: argparse.ArgumentParser) -> None:
        # Also accepted before the command; given here, it wins (SUPPRESS: absent leaves the global one).
        group(p, "output").add_argument(
            "--lang", choices=("en", "fr"), default=argparse.SUPPRESS, help="language of labels (default: en)"
        )

    p = command("list", _cmd_list, "list partners: codes, name, region, relations since, PfP since")
    lang_option(p)
    add_output_options(p)
    data_option(p)
    p = command("show", _cmd_show, "show a partner's relation with the evidence for each fact")
    p.add_argument("key", metavar="KEY", help="partner code or name, in French or English (e.g. KGZ, Turkménistan)")
    lang_option(p)
    add_output_options(p, jsonl=False)
    data_option(p)
    p = command("validate", _cmd_validate, "check a dataset file or folder and list every problem")
    p.add_argument("path", metavar="PATH", help="a JSON file written by partnerdata.to_json, or a data folder")
    for module in (_diff_cli, _query_cli, _ingest_cli, _editions_cli, _panel_cli, _examples_cli):
        # Each feature's module adds its own subcommands.
        module.add_commands(command, data_option, lang_option)
    return parser


# Exit codes (documented in docs/cli.rst).
OK, FOUND, USAGE, UNREADABLE, BUG = 0, 1, 2, 3, 4


def _tolerant(stream: object) -> None:
    """Make a text stream write what its encoding cannot hold as escapes instead of failing.

    ``PYTHONIOENCODING=ascii`` or ``LC_ALL=C`` without UTF-8 mode give an ASCII stdout; French
    names must not turn into a traceback there.
    """
    # Python writes with "strict" (or "surrogateescape" in the C locale): both fail on "é" in ASCII.
    if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "surrogateescape"):
        # A closed stream cannot be reconfigured; whatever is written to it fails the same way.
        with contextlib.suppress(ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def _arguments(argv: Sequence[str]) -> list[str]:
    """The arguments, with UTF-8 typed under an ASCII locale read as UTF-8.

    Under ``LC_ALL=C`` Python decodes the bytes of ``Turkménistan`` as lone surrogates; a
    terminal almost always sends UTF-8, so that is what they are read as when they can be.
    """
    out = []
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            with contextlib.suppress(UnicodeError):
                arg = os.fsencode(arg).decode("utf-8")
        out.append(arg)
    return out


# Line breaks and other control characters in a message (a file name given as "\r") would split
# it or move the cursor: they are shown escaped, so that each message stays one line.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F] if c != 0x0A}


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(message.translate(_CONTROLS), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems or differences found, 2 usage, 3 input).

    Every error is one line on stderr (a validation error lists its problems below it), never a
    traceback; an error that is a bug of partnerdata says so and exits with 4.
    """
    _tolerant(sys.stdout)
    _tolerant(sys.stderr)
    parser = _parser()
    try:
        args, extras = parser.parse_known_args(_arguments(sys.argv[1:] if argv is None else argv))
        if extras:
            # Named by the command that was given, so that the message points to its help.
            command: _Parser = args.parser
            command.unrecognised(extras)
    except SystemExit as exc:  # argparse has printed the usage error (2) or --help/--version (0)
        return exc.code if isinstance(exc.code, int) else USAGE
    # A closed stdout (``partnerdata export partners -o f.csv >&-``) leaves sys.stdout None.
    out: TextIO = sys.stdout if sys.stdout is not None else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    with warnings.catch_warnings():
        # A warning (a page read as windows-1252) is one line like every other message, not Python's form.
        warnings.showwarning = lambda message, *_args, **_kw: _say(f"partnerdata: warning: {message}")
        return _run(args, out)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        return int(args.run(args, out))
    except DataValidationError as exc:
        for line in str(exc).splitlines():
            _say(f"partnerdata: {line.strip()}" if line.startswith("invalid") else f"  {line.strip()}")
        # ``validate`` reports problems as its answer; for any other command the input is unusable.
        return FOUND if args.command == "validate" else UNREADABLE
    except UnsafeWriteError as exc:
        _say(f"partnerdata: {exc}")
        return USAGE
    except (PageError, BuildError, UnreadableFileError) as exc:
        _say(f"partnerdata: {exc}")
        return UNREADABLE
    except PartnerDataError as exc:  # NotFoundError and the rest: what was asked for is wrong
        _say(f"partnerdata: {exc}")
        return USAGE
    except BrokenPipeError:
        # The reader went away (``partnerdata show KGZ | head``); that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, sys.stdout.fileno())
        return OK
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file that cannot be read or written: no such file, permissions, disk full
        where = f": {exc.filename}" if exc.filename else ""
        _say(f"partnerdata: {exc.strerror or exc}{where}")
        return UNREADABLE
    except UnicodeDecodeError as exc:  # a file given as text that is not UTF-8
        _say(f"partnerdata: not UTF-8 text: {exc}")
        return UNREADABLE
    except SystemExit as exc:
        if isinstance(exc.code, str):  # a command's own usage message
            _say(exc.code)
            return USAGE
        # A usage error found while running (a filter the question does not take), already printed.
        return exc.code if isinstance(exc.code, int) else USAGE
    except RecursionError as exc:
        _say(f"partnerdata: input nested too deeply: {exc}")
        return UNREADABLE
    except MemoryError:
        _say("partnerdata: out of memory: the input is too large")
        return UNREADABLE
    except Exception as exc:
        # Not one of the errors above: a bug. Still no traceback for the user, but a distinct
        # exit code, and the traceback on request (the fuzz tests treat 4 as a failure).
        _say(f"partnerdata: internal error (please report it): {type(exc).__name__}: {exc}")
        if os.environ.get("PARTNERDATA_DEBUG"):
            raise
        return BUG
