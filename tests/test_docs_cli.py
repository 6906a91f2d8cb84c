"""Every ``$ partnerdata ...`` example in docs/cli.rst runs and prints what the page says ("..." matches anything)."""

import doctest
import io
import shlex
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from partnerdata._cli.main import main

PAGE = Path(__file__).resolve().parents[1] / "docs" / "cli.rst"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the examples run in: ``pages/`` and, built from them alone once, ``kaz-data/``."""
    root = tmp_path_factory.mktemp("cli-docs")
    # The page's "Your own pages" examples build from the example pages the package ships, as it says.
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert main(["examples", str(root / "pages")]) == 0
        assert main(["build", str(root / "pages"), "--output", str(root / "kaz-data"), "--pages-only"]) == 0
    return root


@pytest.fixture(autouse=True)
def in_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every example runs there, so that each can be run alone (the --pages-only build example rewrites the same folder).
    monkeypatch.chdir(folder)


def blocks() -> list[list[str]]:
    """The lines of each ``.. code-block:: console`` block, unindented."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block:: console"):
            current = []
            found.append(current)
        elif current is not None and line.strip() and not line.startswith("   "):
            current = None
        elif current is not None and line.strip():
            current.append(line[3:])
    return found


def examples() -> list[tuple[str, str]]:
    """(command line, expected output) for each ``$ partnerdata`` line."""
    found: list[tuple[str, list[str]]] = []
    for block in blocks():
        for line in block:
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return [(command, "\n".join(lines) + "\n") for command, lines in found]


def test_the_page_has_examples() -> None:
    assert len(examples()) >= 10
    assert all(command.startswith("partnerdata ") for command, _ in examples())


@pytest.mark.parametrize(("command", "expected"), examples(), ids=[c for c, _ in examples()])
def test_example(command: str, expected: str) -> None:
    buffer = io.StringIO()
    with redirect_stdout(buffer), redirect_stderr(buffer):
        try:
            code = main(shlex.split(command)[1:])
        except SystemExit as exc:
            code = exc.code  # type: ignore[assignment]
    checker = doctest.OutputChecker()
    assert checker.check_output(expected, buffer.getvalue(), doctest.ELLIPSIS), (
        f"{command}\n--- docs/cli.rst says:\n{expected}--- it prints:\n{buffer.getvalue()}"
    )
    # The page's errors are usage errors (exit 2); a diff that finds changes exits 1.
    assert code == (2 if expected.startswith("partnerdata ") else 1 if " diff " in f" {command} " else 0)
