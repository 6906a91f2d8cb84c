"""The sdist holds what its own checks need: unpacked elsewhere, it builds a wheel and its tests run from it."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly"]


def test_the_sdist_builds_and_tests_from_itself(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path / "dist")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (sdist,) = (tmp_path / "dist").glob("partnerdata-*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path / "unpacked", filter="data")
    (tree,) = (tmp_path / "unpacked").iterdir()
    for needed in ("scripts/check", ".ci/run", "pyproject.toml", "noxfile.py", "docs/conf.py", "tests/conftest.py"):
        assert (tree / needed).is_file(), needed
    assert not (tree / "docs" / "_build").exists() and not (tree / ".venv").exists()
    wheel = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path / "wheel")],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    assert wheel.returncode == 0, wheel.stderr
    # A few of its tests, importing the unpacked package (not this folder's): the README's
    # examples and commands, and the model page against the records.
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(
        [*PYTEST, "--basetemp", str(tmp_path / "t"), "tests/test_readme.py", "tests/test_docs_model.py"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    check = subprocess.run(
        [sys.executable, "-c", "import partnerdata; print(partnerdata.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(check.stdout.strip()).is_relative_to(tree)
