"""Claims of the docs and of pyproject.toml that a test holds to (issue 21, item 5)."""

import sys
import tomllib
from pathlib import Path

import pytest

from partnerdata._io import files as _files
from partnerdata._io.files import UnsafeWriteError, write_atomic

ROOT = Path(__file__).resolve().parents[1]
POSIX = sys.platform != "win32"


# --- write_atomic: what it guarantees about links ------------------------------------------------


def test_write_atomic_refuses_a_folder_that_is_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "out.csv").write_bytes(b"before")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    with pytest.raises(UnsafeWriteError, match=r"its folder .*linked is a symbolic link"):
        write_atomic(tmp_path / "linked" / "out.csv", b"after")
    with pytest.raises(UnsafeWriteError, match=r"its folder .*linked is a symbolic link"):
        write_atomic(tmp_path / "linked" / "new.csv", b"after")
    assert (real / "out.csv").read_bytes() == b"before"
    assert sorted(p.name for p in real.iterdir()) == ["out.csv"]  # no temporary file left either


def test_write_atomic_follows_links_higher_up_the_path_as_documented(tmp_path: Path) -> None:
    # Only the target and the folder named as holding it are checked: a linked grandparent (a
    # linked home folder, /tmp on macOS) is resolved like any path.
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    write_atomic(tmp_path / "linked" / "sub" / "x.json", b"{}")
    assert (tmp_path / "real" / "sub" / "x.json").read_bytes() == b"{}"


@pytest.mark.skipif(not POSIX, reason="folders are opened by descriptor on POSIX only")
def test_write_atomic_does_not_write_into_a_folder_made_a_link_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folder is swapped for a link between the checks and the write: the write goes through
    # the folder opened without following links, or is refused, never into the link's target.
    folder, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    real_open_folder = _files._open_folder

    def swap_then_open(resolved: Path, path: Path) -> int | None:
        folder.rename(tmp_path / "moved")
        folder.symlink_to(elsewhere, target_is_directory=True)
        return real_open_folder(resolved, path)

    monkeypatch.setattr(_files, "_open_folder", swap_then_open)
    with pytest.raises(UnsafeWriteError, match="became a symbolic link"):
        write_atomic(folder / "x.json", b"{}")
    assert list(elsewhere.iterdir()) == []


def test_write_atomic_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    if POSIX:
        assert target.stat().st_mode & 0o777 == 0o640


# --- pyproject.toml ------------------------------------------------------------------------------


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def test_the_build_system_floor_is_the_one_the_floors_session_builds_with() -> None:
    # hatchling 1.25 cannot read `license-files` as a list (PEP 639) and 1.26 writes no
    # License-Expression: 1.27 is the first that builds this project's metadata right, which
    # `nox -s floors` checks by building with exactly the floor.
    requires = _pyproject()["build-system"]["requires"]  # type: ignore[index]
    assert requires == ["hatchling>=1.27"]
    noxfile = (ROOT / "noxfile.py").read_text("utf-8")
    assert "def floors(" in noxfile and '"build-system"' in noxfile


def test_the_dependency_floors_are_read_by_the_floors_session() -> None:
    dependencies = _pyproject()["project"]["dependencies"]  # type: ignore[index]
    assert all(">=" in d for d in dependencies), dependencies
    noxfile = (ROOT / "noxfile.py").read_text("utf-8")
    assert '["project"]["dependencies"]' in noxfile


def test_ci_runs_the_floors_and_the_other_pythons() -> None:
    check = (ROOT / "scripts" / "check").read_text("utf-8")
    assert "nox -s floors" in check
    assert "smoke" in check
