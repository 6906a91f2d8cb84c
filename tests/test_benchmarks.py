"""The benchmark scripts still run (on tiny inputs); they measure, the tests only keep them working."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted(p for p in (Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py") if p.name[0] != "_")


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.stem)
def test_benchmark_runs(script: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script), "--quick"], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "a benchmark prints its figures"


def test_every_benchmark_is_covered() -> None:
    assert {p.stem for p in BENCHMARKS} == {
        "diff",
        "extraction_quality",
        "foundation",
        "layouts",
        "pages",
        "panel",
        "query",
        "robustness",
    }
