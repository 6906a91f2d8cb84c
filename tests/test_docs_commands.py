"""The command lines of the docs run: every ``$ ...`` line of a ``console`` block, with its output.

A console block's ``$ command`` lines run in a shell, in a temporary folder holding the files the
examples name (``PAGE.txt``, two editions, an edited relation); ``python`` commands, which run the
checkout's scripts, run at its root. Lines after a command, up to the
next one, are its expected output (``...`` matches anything, as in doctests); the output of a
command without output lines is checked by ``tests/_doc_outputs.py``. ``partnerdata diff`` may
exit 1, which means "they differ". No command may print a traceback.
"""

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from _doc_outputs import check as check_output

import partnerdata

ROOT = Path(__file__).resolve().parents[1]
# The pages this developer's docs own; cli.rst has its own tests.
DOCS = ("query.rst", "diff.rst", "ingest.rst", "provenance.rst", "panel.rst")
_BLOCK = re.compile(r"^\.\. code-block:: console\n\n((?:(?:   .*)?\n)+)", re.MULTILINE)


def commands(text: str) -> list[tuple[str, list[str]]]:
    """``(command, expected output lines)`` for every ``$`` line of the console blocks of ``text``."""
    out: list[tuple[str, list[str]]] = []
    for block in _BLOCK.finditer(text):
        for line in block.group(1).splitlines():
            line = line[3:]
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out and line.strip():
                out[-1][1].append(line)
    return out


def _setup(folder: Path) -> None:
    ds = partnerdata.load()
    shutil.copy(ROOT / "tests" / "fixtures" / "pages" / "uzb-en.txt", folder / "PAGE.txt")
    kgz = ds.relation("KGZ")
    sps = kgz.participation("SPS")
    assert sps is not None
    edited = attrs.evolve(
        kgz, participations=[p if p.programme != "SPS" else attrs.evolve(sps, since=1996) for p in kgz.participations]
    )
    (folder / "edition-2025.json").write_text(partnerdata.to_json(ds), "utf-8")
    (folder / "edition-2026.json").write_text(partnerdata.to_json(attrs.evolve(ds, relations=[edited])), "utf-8")
    (folder / "my-edits" / "relations").mkdir(parents=True)
    (folder / "my-edits" / "relations" / "KGZ.json").write_text(partnerdata.to_json(edited), "utf-8")


def _cases() -> list[tuple[str, str, list[str]]]:
    return [(name, cmd, want) for name in DOCS for cmd, want in commands((ROOT / "docs" / name).read_text("utf-8"))]


@pytest.mark.parametrize(("page", "command", "expected"), _cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_docs_command_runs(page: str, command: str, expected: list[str], tmp_path: Path) -> None:
    _setup(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["COLUMNS"] = "120"
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=ROOT if command.startswith("python ") else tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    allowed = {0, 1} if command.startswith("partnerdata diff") else {0}
    assert result.returncode in allowed, (page, command, result.stderr)
    assert "Traceback" not in result.stderr
    if expected:
        checker = doctest.OutputChecker()
        want = "\n".join(expected) + "\n"
        flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
        assert checker.check_output(want, result.stdout, flags), (command, result.stdout)
    else:  # the docs show no output: tests/_doc_outputs.py says what it must be
        check_output(command, result.stdout, tmp_path)


def test_every_owned_page_has_its_commands_found() -> None:
    found = {name: commands((ROOT / "docs" / name).read_text("utf-8")) for name in DOCS}
    assert all(found[name] for name in ("query.rst", "diff.rst", "ingest.rst")), found
    # A comment after a command is part of the shell line and harmless; a prompt is never left in.
    assert not any(cmd.startswith("$") for cmds in found.values() for cmd, _ in cmds)
