"""The ``examples`` command: save the example pages shipped with the package into a folder.

So that ``build``, ``editions`` and ``diff`` can be tried from an installed package, without a
clone of the repository: ``partnerdata examples pages`` then ``partnerdata build pages ...``.
"""

import argparse
import os
from collections.abc import Callable
from typing import TextIO

from partnerdata._io.examples import examples


def _run(args: argparse.Namespace, out: TextIO) -> int:
    os.makedirs(args.folder, exist_ok=True)
    pages = examples()
    for page in pages:
        page.save(args.folder)
    out.write(f"wrote {len(pages)} example pages to {args.folder}:\n")
    for page in pages:
        out.write(f"  {page.name}  ({page.partner}, {page.edition}, {page.language}, {page.format})\n")
    return 0


def add_commands(
    command: Callable[..., argparse.ArgumentParser],
    data_option: Callable[[argparse.ArgumentParser], None],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``examples`` to the ``partnerdata`` command."""
    p = command(
        "examples",
        _run,
        "save the example pages shipped with the package (Kazakhstan's page, three editions, "
        "French and English, text and HTML) into a folder, to try build, editions and diff",
    )
    p.add_argument("folder", metavar="FOLDER", help="the folder to write them into (made if missing)")
