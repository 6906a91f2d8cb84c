"""The packaged dataset reads its relations and references on first use, and is then the same data.

A fresh ``load()`` and a lookup of a partner read the vocabularies only (the speed issue #18 sets);
these tests hold the laziness to what it must not change: what the data is, who may see it half
read, and that checksums are still checked when the deferred files are read.
"""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import partnerdata
from partnerdata._query import dataset as _dataset


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def test_a_fresh_load_and_lookup_leave_the_relations_unread() -> None:
    out = _run(
        """
        import partnerdata
        from partnerdata._query import dataset
        ds = partnerdata.load()
        ds.partner("Kirghizistan")
        print(id(ds) in dataset._LATER)
        print(len(ds.relations), id(ds) in dataset._LATER)
        """
    )
    assert out.split("\n") == ["True", "55 False"]


def test_the_deferred_dataset_equals_the_one_read_in_full() -> None:
    out = _run(
        """
        import partnerdata
        from partnerdata._query.load import packaged_folder
        lazy = partnerdata.load()
        full = partnerdata.load(packaged_folder())
        print(type(lazy) is type(full), lazy == full, full == lazy, hash(lazy) == hash(full))
        print(partnerdata.to_json(lazy) == partnerdata.to_json(full), partnerdata.diff(lazy, full).changes)
        """
    )
    assert out.split("\n") == ["True True True True", "True ()"]


def test_threads_asking_at_once_all_see_the_relations() -> None:
    out = _run(
        """
        import threading
        import partnerdata
        ds = partnerdata.load()
        seen = []
        barrier = threading.Barrier(8)
        def ask():
            barrier.wait()
            seen.append(ds.relations)
        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(seen), all(s is seen[0] for s in seen), len(seen[0]))
        """
    )
    assert out == "8 True 55"


def test_a_deferred_file_that_no_longer_matches_its_checksum_is_refused(tmp_path: Path) -> None:
    # The deferred reader is the folder reader's own: a file changed after the manifest was read
    # is a problem naming the file when the relations are first asked for.
    from partnerdata._io.load import read_folder

    folder = tmp_path / "data"
    shutil.copytree(Path(partnerdata.__file__).parent / "data", folder)
    ds = read_folder(folder, "data", partnerdata.Dataset._unchecked, trusted=True, defer=True)
    (folder / "relations" / "KGZ.json").write_text("[]", encoding="utf-8")
    with pytest.raises(partnerdata.DataValidationError) as info:
        ds.relations  # noqa: B018
    problems = info.value.problems
    assert any(p.file == "data/relations/KGZ.json" and "checksum mismatch" in p.message for p in problems)
    assert id(ds) in _dataset._LATER  # asked again, it fails again rather than seeming empty
