"""Careful writes: a whole new file or the old one untouched, never through a symbolic link.

:func:`write_atomic` writes to a temporary file in the target's folder, flushes it to disk, then
renames it over the target (a rename within one folder is atomic on POSIX and Windows), so an
interrupted write leaves the old file whole. A target that is a symbolic link is refused: writing
through it would change a file elsewhere.
"""

import os
import secrets
import stat
from pathlib import Path

from partnerdata._model.errors import PartnerDataError

__all__ = ["UnsafeWriteError", "write_atomic"]


class UnsafeWriteError(PartnerDataError, OSError):
    """A write refused because it would go through a symbolic link or replace what it must not."""


def write_atomic(
    target: "str | os.PathLike[str]", data: bytes, *, inside: "str | os.PathLike[str] | None" = None
) -> None:
    """Replace ``target`` with ``data`` atomically; refuse a target that is a symbolic link.

    The temporary file is made in the folder that really holds the target (its parent resolved),
    then renamed over it: a rename replaces a link itself, never what it points to. ``inside``, if
    given, is a folder the target must stay in once resolved (for writers of a whole folder, such
    as the build); a target outside it, or reached through a link in it, is refused. The new file
    keeps the permissions of the one it replaces (or gets the usual ones for a new file).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.json", b"{}")
    >>> (folder / "a.json").read_bytes()
    b'{}'
    >>> (folder / "b.json").symlink_to(folder / "a.json")
    >>> write_atomic(folder / "b.json", b"[]")
    Traceback (most recent call last):
    ...
    partnerdata._io.files.UnsafeWriteError: ...b.json: is a symbolic link; refusing to write through it
    """
    path = Path(target)
    if path.is_symlink():
        raise UnsafeWriteError(f"{path}: is a symbolic link; refusing to write through it")
    folder = path.parent.resolve()
    if inside is not None:
        root = Path(inside).resolve()
        if not folder.is_relative_to(root) or _linked_below(Path(inside), path.parent):
            raise UnsafeWriteError(f"{path}: not inside {inside} (a symbolic link leads out); refusing to write")
    if path.exists() and not path.is_file():
        raise UnsafeWriteError(f"{path}: not a regular file; refusing to replace it")
    final = folder / path.name
    mode = _mode(final)
    fd, temporary = _create_temporary(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, final)
    except BaseException:
        # Never leave the temporary file behind, whatever stopped the write; the error goes on.
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _linked_below(root: Path, folder: Path) -> bool:
    """Whether a folder between ``root`` (excluded) and ``folder`` (included) is a symbolic link."""
    step = folder
    while step != root and step != step.parent:
        if step.is_symlink():
            return True
        step = step.parent
    return False


def _mode(path: Path) -> int | None:
    """The permissions of the file being replaced; ``None`` for a new file (the umask decides)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    # Like tempfile.mkstemp, but with the permissions a new file would get (0o666 less the umask),
    # not mkstemp's 0o600: an exported table must be as readable as one written by open().
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = str(folder / f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: cannot create a temporary file")


def _sync_folder(folder: Path) -> None:
    # The rename is durable once the folder's entry is on disk (POSIX; Windows has no folder fds).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse to sync a folder; the rename itself is done
        pass
    finally:
        os.close(fd)
