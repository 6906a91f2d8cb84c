"""scripts/check writes nothing outside the project's folder: its temporary files and caches stay in it."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECK = (ROOT / "scripts" / "check").read_text(encoding="utf-8")


def test_pytest_and_its_temporary_folders_stay_inside_and_are_removed() -> None:
    pytest_line = next(line for line in CHECK.splitlines() if "bin/pytest" in line)
    assert '--basetemp="$here/.tmp/pytest"' in pytest_line
    assert "trap 'rm -rf \"$here/.tmp\"' EXIT" in CHECK  # removed however the script ends
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ".tmp/" in ignored and ".cache/" in ignored


def test_the_environment_of_the_checks_keeps_temporary_files_and_caches_inside(tmp_path: Path) -> None:
    # The script's environment lines, run in a folder of their own, then what a doctest and
    # matplotlib do: a temporary folder never removed, a font cache. Both must land inside.
    block = re.search(r"# env-begin.*?\n(.*?)# env-end", CHECK, re.S)
    assert block is not None
    setup = block.group(1).replace("trap ", ": ")  # the removal is checked above; here, look inside
    probe = (
        "import tempfile, matplotlib, matplotlib.font_manager; "
        "print(tempfile.mkdtemp()); print(matplotlib.get_cachedir())"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TMPDIR", "MPLCONFIGDIR", "XDG_CACHE_HOME")}
    done = subprocess.run(
        ["bash", "-c", f'set -euo pipefail\n{setup}\n"{sys.executable}" -c "{probe}"'],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    temporary, cache = done.stdout.split()
    assert Path(temporary).is_relative_to(tmp_path / ".tmp") and Path(cache).is_relative_to(tmp_path / ".cache")
