"""Reading a file a user names: a regular file, within a size, or a clear refusal before any read.

Kept apart from :mod:`partnerdata._io.files` (careful writes) so that the loader, which every
``load()`` imports, needs nothing beyond ``os`` and ``stat``.
"""

import os
import stat

from partnerdata._model.errors import PartnerDataError

__all__ = ["UnreadableFileError", "read_regular"]


class UnreadableFileError(PartnerDataError, OSError):
    """A file refused before it is read: not a regular file (a FIFO, a device, a folder) or too large."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_regular(path: "str | os.PathLike[str]", limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is refused before it is read.

    The file is opened without blocking (a FIFO would block an ordinary ``open``), then what was
    opened is checked: a FIFO, a device, a socket or a folder raises :class:`UnreadableFileError`
    saying which; so does a file larger than ``limit``, and reading stops at ``limit`` + 1 bytes
    whatever the file system says its size is (``/proc`` files say 0). ``follow_links=False``
    refuses a symbolic link too. A missing or unreadable file raises the usual ``OSError``.

    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "a.txt").write_bytes(b"hello")
    5
    >>> read_regular(folder / "a.txt", 10)
    b'hello'
    >>> os.mkfifo(folder / "pipe")
    >>> read_regular(folder / "pipe", 10)
    Traceback (most recent call last):
    ...
    partnerdata._io.reading.UnreadableFileError: ...pipe: is a FIFO (named pipe), not a regular file
    >>> read_regular(folder / "a.txt", 3)
    Traceback (most recent call last):
    ...
    partnerdata._io.reading.UnreadableFileError: ...a.txt: holds more than 3 bytes
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise UnreadableFileError(f"{os.fspath(path)}: is {kind}, not a regular file")
        chunks: list[bytes] = []
        total = 0
        # First as much as the file system says there is (and one byte more), so that a file read
        # whole is one read and one buffer, not a join of copies; then by chunks, for a file that
        # grew or that says it is empty.
        step = max(info.st_size, 0) + 1
        while True:
            chunk = os.read(fd, min(step, limit + 1 - total))
            step = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFileError(f"{os.fspath(path)}: holds more than {limit:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)
