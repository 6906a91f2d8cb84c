"""Careful writes: a whole new file or the old one untouched, never through a symbolic link.

:func:`write_atomic` writes to a temporary file in the target's folder, flushes it to disk, then
renames it over the target (a rename within one folder is atomic on POSIX and Windows), so an
interrupted write leaves the old file whole. A target that is a symbolic link is refused: writing
through it would change a file elsewhere.
"""

import os
import tempfile
from pathlib import Path

from partnerdata._model.errors import PartnerDataError

__all__ = ["UnsafeWriteError", "write_atomic"]


class UnsafeWriteError(PartnerDataError, OSError):
    """A write refused because it would go through a symbolic link or replace what it must not."""


def write_atomic(target: "str | os.PathLike[str]", data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically; refuse a target (or a parent folder) that is a link.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.json", b"{}")
    >>> (folder / "a.json").read_bytes()
    b'{}'
    """
    path = Path(target)
    if path.is_symlink():
        raise UnsafeWriteError(f"{path}: is a symbolic link; refusing to write through it")
    folder = path.parent
    if folder.is_symlink():
        raise UnsafeWriteError(f"{folder}: is a symbolic link; refusing to write through it")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        # Never leave the temporary file behind, whatever stopped the write; the error goes on.
        Path(temporary).unlink(missing_ok=True)
        raise
