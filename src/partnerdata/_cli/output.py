"""What every command shares about output: the language, text for a terminal or a pipe, JSON.

Text fits the terminal when standard output is one (its width from ``shutil.get_terminal_size``,
which reads ``COLUMNS`` first): prose wraps between words keeping its indent, a table narrows
its widest column first and wraps its cells, and nothing is ever cut. Piped output is never
wrapped; ``--width N`` fits N columns instead and ``--no-truncate`` never wraps.
"""

import argparse
import os
import shutil
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from partnerdata._display.labels import header, localise_rows
from partnerdata._display.tables import fit_text, text_lines

__all__ = ["add_output_options", "colour", "fit", "group", "lang", "print_table", "usage_error", "width"]


def usage_error(args: argparse.Namespace, message: str) -> NoReturn:
    """Stop with a usage error (exit code 2): the command's usage line, then ``message`` on one line."""
    parser: argparse.ArgumentParser = args.parser
    parser.error(message)


def lang(args: argparse.Namespace) -> str:
    """The language of labels: ``--lang`` given before or after the command, else English."""
    return str(getattr(args, "lang", None) or "en")


def group(p: argparse.ArgumentParser, title: str) -> Any:
    """The group of options titled ``title`` in ``p``'s help (made on first use), so each title appears once."""
    # argparse keeps its groups in a private list; it has no public lookup by title.
    for existing in p._action_groups:
        if existing.title == title:
            return existing
    return p.add_argument_group(title)


def add_output_options(
    p: argparse.ArgumentParser, *, json: bool = True, jsonl: bool = True, table: bool = True
) -> None:
    """``--json``/``--jsonl`` (one of them) and ``--width``/``--no-truncate``, in an "output" group of the help."""
    output = group(p, "output")
    if json or jsonl:
        exclusive = output.add_mutually_exclusive_group()
        if json:
            exclusive.add_argument("--json", action="store_true", help="print JSON instead of text (see docs: cli)")
        if jsonl:
            exclusive.add_argument("--jsonl", action="store_true", help="print JSON Lines: one object a line")
    if table:
        exclusive = output.add_mutually_exclusive_group()
        exclusive.add_argument(
            "--width", type=_positive, metavar="N", help="fit text to N columns (default: the terminal's, if any)"
        )
        exclusive.add_argument("--no-truncate", action="store_true", help="never wrap text, even on a terminal")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 20:
        raise argparse.ArgumentTypeError(f"a width of at least 20 columns, not {value}")
    return value


def width(args: argparse.Namespace, out: TextIO) -> int | None:
    """How wide text may be: ``--width``, else the terminal's when ``out`` is one; ``None``: never wrapped."""
    if getattr(args, "no_truncate", False):
        return None
    if getattr(args, "width", None) is not None:
        return int(args.width)
    isatty = getattr(out, "isatty", None)
    if isatty is not None and isatty():
        return shutil.get_terminal_size().columns
    return None


def fit(text: str, args: argparse.Namespace, out: TextIO) -> str:
    """``text`` with each line wrapped to the width (:func:`width`), keeping its indent."""
    return fit_text(text, width(args, out))


def print_table(
    table: Sequence[dict[str, Any]], vocabulary: Any, args: argparse.Namespace, out: TextIO, indent: str = ""
) -> None:
    """Rows as a table for people: headers and codes in the language asked for, fitted as asked."""
    language = lang(args)
    shown = localise_rows(table, vocabulary, language)
    headers = {n: header(n, language) for n in (table[0] if table else ())}
    room = width(args, out)
    for line in text_lines(shown, None if room is None else room - len(indent), headers, language):
        out.write(indent + line + "\n")


_COLOURS = {"+": "\033[32m", "-": "\033[31m", "~": "\033[33m"}


def colour(text: str, out: TextIO) -> str:
    """A diff's text with added, removed and changed lines in colour, only on a terminal and without ``NO_COLOR``.

    >>> import io
    >>> colour("  + focus: cyber defence", io.StringIO())  # not a terminal: unchanged
    '  + focus: cyber defence'
    """
    isatty = getattr(out, "isatty", None)
    if isatty is None or not isatty() or os.environ.get("NO_COLOR"):  # https://no-color.org: any value
        return text
    lines = []
    current, depth = None, -1  # the colour of the last change line, and its indent
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip())
        code = _COLOURS.get(line.lstrip()[:1]) if line.lstrip()[1:2] == " " else None
        if code is not None:
            current, depth = code, indent
        elif current is not None and indent == depth + 2:
            code = current  # the change's line, wrapped (see fit_text): the same colour
        else:
            current = None
        lines.append(f"{code}{line}\033[0m" if code else line)
    return "\n".join(lines)


def refuse_clobbering(output: str | None, data: str | None) -> None:
    """Refuse an output that would replace what the command reads or the installed package.

    ``panel --data mydata -o mydata/manifest.json`` would replace a dataset with a table, and an
    output inside the installed package (its data folder above all) would change every later
    ``load()``. The maintainers' rebuild of the packaged data is ``build --packaged``.
    """
    from pathlib import Path

    from partnerdata._io.files import UnsafeWriteError

    if output is None or output == "-":
        return
    target = Path(output).resolve()
    if data is not None:
        source = Path(data).resolve()
        if target == source or target.is_relative_to(source):
            raise UnsafeWriteError(f"{output}: is the --data input (or inside it); refusing to overwrite it")
    package = Path(__file__).resolve().parent.parent
    if target.is_relative_to(package):
        raise UnsafeWriteError(f"{output}: is inside the installed partnerdata package; write elsewhere")
