"""Careful writes: a whole new file or the old one untouched, never through a symbolic link.

:func:`write_atomic` writes to a temporary file in the target's folder, flushes it to disk, then
renames it over the target (a rename within one folder is atomic on POSIX and Windows), so an
interrupted write leaves the old file whole. A target that is a symbolic link, or whose folder is
one, is refused: writing through it would change a file elsewhere.
"""

import contextlib
import errno
import json
import os
import secrets
import stat
import sys
from pathlib import Path

from partnerdata._model.errors import PartnerDataError

__all__ = [
    "UnsafeWriteError",
    "made_by_last_build",
    "replace_folder",
    "write_atomic",
]


class UnsafeWriteError(PartnerDataError, OSError):
    """A write refused because it would go through a symbolic link or replace what it must not."""


def write_atomic(
    target: "str | os.PathLike[str]", data: bytes, *, inside: "str | os.PathLike[str] | None" = None
) -> None:
    """Replace ``target`` with ``data`` atomically; refuse a target or a folder of it that is a symbolic link.

    What is guaranteed: the target itself is never a symbolic link, nor is the folder the path
    names as holding it (``out`` in ``out/table.csv``); links further up the path (a linked home
    folder, ``/tmp`` on macOS) are resolved like any path. That folder is opened once, without
    following a link, and the temporary file is made, renamed over the target and flushed through
    that open folder, so a folder swapped for a link meanwhile is not written into either (POSIX;
    elsewhere the checks are made by path). A rename replaces a link itself, never what it points
    to. ``inside``, if given, is a folder the target must stay in once resolved (for writers of a
    whole folder, such as the build); a target outside it, or reached through a link in it, is
    refused. The new file keeps the permissions of the one it replaces (or gets the usual ones for
    a new file).

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
    >>> (folder / "linked").symlink_to(folder)
    >>> write_atomic(folder / "linked" / "c.json", b"[]")
    Traceback (most recent call last):
    ...
    partnerdata._io.files.UnsafeWriteError: ...c.json: its folder ...linked is a symbolic link; ...
    """
    path = Path(target)
    if path.is_symlink():
        raise UnsafeWriteError(f"{path}: is a symbolic link; refusing to write through it")
    if path.parent.is_symlink():
        raise UnsafeWriteError(
            f"{path}: its folder {path.parent} is a symbolic link; refusing to write through it "
            f"(name the folder it leads to, {path.parent.resolve()}, if that is meant)"
        )
    folder = path.parent.resolve()
    if inside is not None:
        root = Path(inside).resolve()
        if not folder.is_relative_to(root) or _linked_below(Path(inside), path.parent):
            raise UnsafeWriteError(f"{path}: not inside {inside} (a symbolic link leads out); refusing to write")
    if path.exists() and not path.is_file():
        raise UnsafeWriteError(f"{path}: not a regular file; refusing to replace it")
    final = folder / path.name
    mode = _mode(final)
    at = _open_folder(folder, path)
    try:
        fd, temporary = _create_temporary(folder, path.name, at)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                if mode is not None:
                    os.chmod(f.fileno() if os.chmod in os.supports_fd else folder / temporary, mode)
                os.fsync(f.fileno())
            if at is None:
                os.replace(folder / temporary, final)
            else:
                os.replace(temporary, path.name, src_dir_fd=at, dst_dir_fd=at)
        except BaseException:
            # Never leave the temporary file behind, whatever stopped the write; the error goes on.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary if at is not None else folder / temporary, dir_fd=at)
            raise
        _sync_folder(folder, at)
    finally:
        if at is not None:
            os.close(at)


def _open_folder(folder: Path, path: Path) -> int | None:
    """The resolved folder, opened without following a link (``None`` where folders cannot be opened)."""
    nofollow, directory = getattr(os, "O_NOFOLLOW", None), getattr(os, "O_DIRECTORY", None)
    if os.name != "posix" or nofollow is None or directory is None:
        return None
    try:
        return os.open(folder, os.O_RDONLY | directory | nofollow)
    except OSError as exc:
        # Made a link since it was resolved (Linux says ENOTDIR for a link opened as a folder).
        if exc.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(folder):
            raise UnsafeWriteError(f"{path}: its folder became a symbolic link; refusing to write") from None
        raise


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


def _create_temporary(folder: Path, name: str, at: int | None = None) -> tuple[int, str]:
    """A new temporary file beside ``name``: its descriptor and its name (relative to ``at`` if given)."""
    # Like tempfile.mkstemp, but with the permissions a new file would get (0o666 less the umask),
    # not mkstemp's 0o600: an exported table must be as readable as one written by open().
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            if at is None:
                return os.open(folder / temporary, flags, 0o666), temporary
            return os.open(temporary, flags, 0o666, dir_fd=at), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{folder}: cannot create a temporary file")


def _sync_folder(folder: Path, at: int | None = None) -> None:
    # The rename is durable once the folder's entry is on disk (POSIX; Windows has no folder fds).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY) if at is None else at
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse to sync a folder; the rename itself is done
        pass
    finally:
        if at is None:
            os.close(fd)


# --- Replacing a whole folder -------------------------------------------------------------------

# Beside the target ``DIR``: ``.DIR.partnerdata-build-<hex>`` (a build being written),
# ``.DIR.partnerdata-old-<hex>`` (the folder it replaced, until removed) and ``.DIR.partnerdata-lock``.
_STAGING, _OLD, _LOCK = "partnerdata-build", "partnerdata-old", "partnerdata-lock"


def replace_folder(
    target: "str | os.PathLike[str]", files: dict[str, bytes], *, keep: "frozenset[str]" = frozenset()
) -> None:
    """Make ``target`` hold exactly ``files`` (relative names to bytes), replacing the folder whole.

    The new folder is written beside the target and swapped in by a rename, so that at every
    instant the target is the old complete folder or the new complete one (on Linux the two are
    exchanged in one step; elsewhere, between two renames, the old folder is kept beside it and
    the next call puts it back if it was interrupted there). A lock beside the target keeps two
    writers out of one folder: the second is refused with a clear message. Leftovers of an
    interrupted call are recognised by their names and removed by the next. What the target held
    is checked first: every file in it must be named in ``keep`` (the files an earlier build made,
    unchanged), else nothing is written and :class:`UnsafeWriteError` names the others. Neither the
    target nor anything in it may be a symbolic link.
    """
    path = Path(target)
    if path.is_symlink():
        raise UnsafeWriteError(f"{path}: is a symbolic link; refusing to replace what it points to")
    parent = path.parent.resolve()
    parent.mkdir(parents=True, exist_ok=True)
    final = parent / path.name
    with _Lock(parent / f".{path.name}.{_LOCK}"):
        _recover(parent, path.name)
        if final.exists():
            _check_replaceable(final, keep)
        staging = parent / f".{path.name}.{_STAGING}-{secrets.token_hex(6)}"
        try:
            _write_tree(staging, files)
            if final.exists():
                old = parent / f".{path.name}.{_OLD}-{secrets.token_hex(6)}"
                _exchange(staging, final, old)
                _remove_tree(old)
            else:
                os.rename(staging, final)
            _sync_folder(parent)
        except BaseException:
            _remove_tree(staging)
            raise


class _Lock:
    """A lock file beside the target, made with O_EXCL; one left by a process that is gone is taken over."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> "_Lock":
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for _ in range(3):
            try:
                fd = os.open(self.path, flags, 0o644)
            except FileExistsError:
                holder = _holder(self.path)
                if holder is not None and _alive(holder):
                    raise UnsafeWriteError(
                        f"{self.path.parent / self.path.name.removeprefix('.').removesuffix('.' + _LOCK)}: "
                        f"another build (process {holder}) is writing this folder; wait for it to finish"
                    ) from None
                self.path.unlink(missing_ok=True)  # left by a build that was killed
                continue
            with os.fdopen(fd, "w") as f:
                f.write(str(os.getpid()))
            return self
        raise UnsafeWriteError(f"{self.path}: cannot take the lock")

    def __exit__(self, *_: object) -> None:
        self.path.unlink(missing_ok=True)


def _holder(path: Path) -> int | None:
    try:
        text = path.read_text("ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


def _recover(parent: Path, name: str) -> None:
    """Undo what an interrupted call left: put back a folder moved aside, remove half-written ones."""
    final = parent / name
    for leftover in sorted(parent.iterdir()):
        if leftover.is_symlink() or not leftover.is_dir():
            continue
        if leftover.name.startswith(f".{name}.{_OLD}-"):
            if not final.exists():
                os.rename(leftover, final)  # interrupted between the two renames: the old folder is whole
            else:
                _remove_tree(leftover)
        elif leftover.name.startswith(f".{name}.{_STAGING}-"):
            _remove_tree(leftover)


def _check_replaceable(final: Path, keep: "frozenset[str]") -> None:
    if not final.is_dir():
        raise UnsafeWriteError(f"{final}: is a file, not a folder; refusing to replace it")
    others: list[str] = []
    for root, dirs, names in os.walk(final):
        here = Path(root)
        for d in dirs:
            if (here / d).is_symlink():
                raise UnsafeWriteError(f"{here / d}: is a symbolic link; refusing to replace a folder holding one")
        for n in names:
            relative = (here / n).relative_to(final).as_posix()
            if (here / n).is_symlink() or relative not in keep:
                others.append(relative)
    if others:
        shown = ", ".join(sorted(others)[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise UnsafeWriteError(
            f"{final}: holds files the last build did not make or that were changed since ({shown}); "
            "nothing was written: move them elsewhere, or write to another folder"
        )


def _write_tree(root: Path, files: dict[str, bytes]) -> None:
    root.mkdir()
    made = {root}
    for name, data in files.items():
        path = root / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    for folder in made:
        _sync_folder(folder)


def _exchange(staging: Path, final: Path, old: Path) -> None:
    """Put ``staging`` at ``final``; what was at ``final`` ends at ``old``."""
    if _rename_exchange(staging, final):
        os.rename(staging, old)  # staging now holds the old folder
        return
    os.rename(final, old)
    os.rename(staging, final)


def _rename_exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    if sys.platform != "linux":
        return False
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    rename = getattr(libc, "renameat2", None)
    if rename is None:
        return False
    at_fdcwd, exchange = -100, 2
    result = rename(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), exchange)
    if result == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: this kernel or file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def _remove_tree(root: Path) -> None:
    """Remove a folder this module made, never following a link out of it."""
    import shutil

    if root.is_symlink() or not root.exists():
        return
    shutil.rmtree(root)  # rmtree does not follow symbolic links (it removes the link itself)


def made_by_last_build(folder: "str | os.PathLike[str]") -> frozenset[str]:
    """The files of ``folder`` its manifest lists with their current checksum, and the manifest itself.

    These a new build may replace: it made them and nobody changed them since. A file the manifest
    does not list, or lists with another checksum (edited by hand), is not among them.
    """
    from partnerdata._model.digest import sha256_hex

    root = Path(folder)
    manifest = root / "manifest.json"
    if manifest.is_symlink() or not manifest.is_file():
        return frozenset()
    try:
        listed = json.loads(manifest.read_bytes()).get("files", {})
    except (ValueError, AttributeError, OSError):
        return frozenset()
    made = {"manifest.json"}
    for name, digest in listed.items() if isinstance(listed, dict) else ():
        path = root / str(name)
        if not isinstance(digest, str) or path.is_symlink() or not path.is_file():
            continue
        if not path.resolve().is_relative_to(root.resolve()):
            continue  # a manifest naming a file outside its folder vouches for nothing
        if sha256_hex(path.read_bytes()) == digest:
            made.add(Path(name).as_posix())
    return frozenset(made)
