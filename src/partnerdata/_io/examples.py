"""Example partner pages shipped with the package, to try building, listing and diffing editions.

The pages live in ``partnerdata/_examples`` (package data, installed with the wheel); they are
written in the project's own words, with facts taken from NATO's pages (the folder's README names
the page and edition of each). Their file names say what they are: ``kaz-en-2017-12-12.txt`` is
the English text of Kazakhstan's page of 12 December 2017.
"""

import os
import re
from importlib.resources import files
from pathlib import Path

from attrs import frozen

from partnerdata._io.files import write_atomic

__all__ = ["ExamplePage", "examples"]

# partner, language, edition date, suffix: the whole file name, nothing else.
_NAME = re.compile(r"([a-z]{3})-(en|fr)-(\d{4}-\d{2}-\d{2})\.(txt|html)")
_FORMATS = {"txt": "text", "html": "html"}


@frozen(kw_only=True)
class ExamplePage:
    """One example page: which partner, language, edition and format it is, and how to get its bytes.

    The bytes are read from the installed package (a folder, or a zip archive), so a page is
    saved where a command can read it with :meth:`save`.

    >>> import partnerdata
    >>> page = partnerdata.examples()[1]
    >>> page.name, page.partner, page.language, page.edition, page.format
    ('kaz-en-2017-12-12.txt', 'KAZ', 'en', '2017-12-12', 'text')
    >>> page.read_bytes().decode("utf-8").splitlines()[0]
    'Relations with Kazakhstan'
    """

    name: str
    partner: str
    language: str
    edition: str
    format: str

    def read_bytes(self) -> bytes:
        """The page's bytes, as a browser or a text copy saved them."""
        return files("partnerdata").joinpath("_examples", self.name).read_bytes()

    def save(self, folder: "str | os.PathLike[str]") -> Path:
        """Write the page into ``folder`` (which must exist) under its name; return the file's path.

        The write is atomic and refuses to go through a symbolic link.
        """
        target = Path(folder) / self.name
        write_atomic(target, self.read_bytes())
        return target


def examples() -> tuple[ExamplePage, ...]:
    """The example pages shipped with the package, oldest edition first (then by language, name).

    Three editions of Kazakhstan's page (2016, 2017 and 2022), in French and English, as copied
    text and as saved HTML, written in the project's own words from NATO's pages. Save them in a
    folder and build a dataset of your own from them (see :doc:`own-data`):

    >>> import subprocess, sys, tempfile
    >>> import partnerdata
    >>> pages = partnerdata.examples()
    >>> for p in pages:
    ...     print(p.edition, p.language, p.format)
    2016-04-07 fr html
    2017-12-12 en text
    2022-05-23 en html
    2022-05-23 fr text
    >>> folder = tempfile.mkdtemp()
    >>> saved = [p.save(folder) for p in pages]
    >>> out = folder + "/data"
    >>> build = [sys.executable, "-m", "partnerdata", "build", folder, "--output", out, "--pages-only"]
    >>> subprocess.run(build, capture_output=True).returncode
    0
    >>> [e.label for e in partnerdata.load(out).editions_of("KAZ")]
    ['2016-04-07', '2017-12-12', '2022-05-23']
    """
    found = []
    for entry in files("partnerdata").joinpath("_examples").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match is None:
            continue  # the folder's README
        partner, language, edition, suffix = match.groups()
        found.append(
            ExamplePage(
                name=entry.name, partner=partner.upper(), language=language, edition=edition, format=_FORMATS[suffix]
            )
        )
    return tuple(sorted(found, key=lambda p: (p.edition, p.language, p.name)))
