"""A build replaces its output folder whole or not at all (issue #19): kills, a full disk, two builds at once.

The folder written is checked against the two complete states it may be in (the old files or
the new ones, byte for byte), never against what the writer reports.
"""

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from partnerdata._io.files import UnsafeWriteError, made_by_last_build, replace_folder


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _content(tag: str, n: int = 60, size: int = 20_000) -> dict[str, bytes]:
    return {f"relations/{i:03d}.json": (tag * size).encode()[:size] for i in range(n)} | {"manifest.json": tag.encode()}


def _leftovers(parent: Path, name: str) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}."))


def test_a_new_folder_and_a_replaced_one_hold_exactly_the_files(tmp_path: Path) -> None:
    target = tmp_path / "out"
    replace_folder(target, _content("a"))
    assert _tree(target) == _content("a")
    replace_folder(target, {"manifest.json": b"b"}, keep=frozenset(_content("a")))
    assert _tree(target) == {"manifest.json": b"b"}
    assert _leftovers(tmp_path, "out") == []


def test_a_file_the_last_build_did_not_make_is_never_deleted(tmp_path: Path) -> None:
    target = tmp_path / "out"
    replace_folder(target, _content("a", n=2))
    (target / "notes.txt").write_text("mine")
    with pytest.raises(UnsafeWriteError, match=r"notes\.txt.*nothing was written"):
        replace_folder(target, {"manifest.json": b"b"}, keep=frozenset(_content("a", n=2)))
    assert (target / "notes.txt").read_text() == "mine"
    assert (target / "relations" / "000.json").is_file()


def test_an_edited_file_is_not_among_what_the_last_build_made(tmp_path: Path) -> None:
    from partnerdata._model.digest import sha256_hex

    target = tmp_path / "out"
    data = {"relations/KGZ.json": b"{}", "manifest.json": b""}
    manifest = f'{{"files": {{"relations/KGZ.json": "{sha256_hex(b"{}")}"}}}}'.encode()
    replace_folder(target, data | {"manifest.json": manifest})
    assert made_by_last_build(target) == {"manifest.json", "relations/KGZ.json"}
    (target / "relations" / "KGZ.json").write_bytes(b'{"edited": true}')
    assert made_by_last_build(target) == {"manifest.json"}


def test_a_link_inside_the_folder_or_as_the_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.json").write_text("keep")
    target = tmp_path / "out"
    replace_folder(target, {"manifest.json": b"a"})
    (target / "relations").symlink_to(elsewhere)
    with pytest.raises(UnsafeWriteError, match="symbolic link"):
        replace_folder(target, {"manifest.json": b"b"}, keep=frozenset({"manifest.json"}))
    link = tmp_path / "link"
    link.symlink_to(elsewhere)
    with pytest.raises(UnsafeWriteError, match="symbolic link"):
        replace_folder(link, {"manifest.json": b"b"})
    assert (elsewhere / "precious.json").read_text() == "keep"


def test_a_full_disk_leaves_the_old_folder_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    old = _content("a", n=10)
    replace_folder(target, old)
    calls = {"n": 0}
    real = os.fsync

    def full(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] > 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left"):
        replace_folder(target, _content("b", n=10), keep=frozenset(old))
    monkeypatch.undo()
    assert _tree(target) == old
    assert _leftovers(tmp_path, "out") == []  # the half-written folder and the lock are gone


def test_leftovers_of_an_interrupted_build_are_recognised_and_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "out"
    replace_folder(target, {"manifest.json": b"a"})
    # A build killed while writing, and one killed between the two renames (the old folder aside).
    (tmp_path / ".out.partnerdata-build-0123456789ab").mkdir()
    (tmp_path / ".out.partnerdata-build-0123456789ab" / "manifest.json").write_bytes(b"half")
    os.rename(target, tmp_path / ".out.partnerdata-old-0123456789ab")
    (tmp_path / ".out.partnerdata-lock").write_text("999999999")  # its process is gone
    replace_folder(target, {"manifest.json": b"b"}, keep=frozenset({"manifest.json"}))
    assert _tree(target) == {"manifest.json": b"b"}
    assert _leftovers(tmp_path, "out") == []


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    target = tmp_path / "out"
    lock = tmp_path / ".out.partnerdata-lock"
    lock.write_text(str(os.getppid()))  # a live process
    with pytest.raises(UnsafeWriteError, match="another build"):
        replace_folder(target, {"manifest.json": b"a"})
    assert not target.exists()


_WRITER = """
import sys
from pathlib import Path
from partnerdata._io.files import replace_folder
tag, n = sys.argv[2], int(sys.argv[3])
files = {f"relations/{i:03d}.json": (tag * 20000).encode()[:20000] for i in range(n)} | {"manifest.json": tag.encode()}
target = Path(sys.argv[1])
present = target.rglob("*") if target.exists() else []
keep = frozenset(p.relative_to(target).as_posix() for p in present if p.is_file())
try:
    replace_folder(target, files, keep=keep)
except Exception as exc:
    print(type(exc).__name__, exc)
    sys.exit(1)
"""


def _writer(target: Path, tag: str, n: int = 120) -> "subprocess.Popen[bytes]":
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_WRITER), str(target), tag, str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_kill_at_any_point_of_the_write_leaves_the_old_or_the_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "out"
    replace_folder(target, _content("a", n=120))
    states = [_content("a", n=120), _content("b", n=120)]
    started = time.monotonic()
    done = _writer(target, "b")
    assert done.wait(timeout=60) == 0
    whole = time.monotonic() - started
    replace_folder(target, states[0], keep=frozenset(states[1]))
    rng = random.Random(19)
    for round in range(8):
        before = _tree(target)
        tag = "b" if before == states[0] else "a"
        proc = _writer(target, tag)
        time.sleep(rng.uniform(0.05, whole))  # somewhere in start-up, writing or swapping
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert _tree(target) in states, f"round {round}: the folder is neither the old nor the new one"
    # The next build cleans whatever the killed ones left and succeeds.
    replace_folder(target, {"manifest.json": b"c"}, keep=frozenset(_tree(target)))
    assert _tree(target) == {"manifest.json": b"c"}
    assert _leftovers(tmp_path, "out") == []


def test_two_builds_at_once_never_interleave(tmp_path: Path) -> None:
    target = tmp_path / "out"
    states = [_content("a", n=80), _content("b", n=80)]
    replace_folder(target, states[0])
    for _ in range(4):
        first, second = _writer(target, "a", 80), _writer(target, "b", 80)
        codes = [first.wait(timeout=60), second.wait(timeout=60)]
        outputs = [p.stdout.read().decode() if p.stdout else "" for p in (first, second)]
        assert 0 in codes, outputs
        for code, out in zip(codes, outputs, strict=True):
            assert code == 0 or "another build" in out, out
        assert _tree(target) in states
    assert [n for n in _leftovers(tmp_path, "out") if "lock" in n] == []
