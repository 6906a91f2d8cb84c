"""The README reads the same on an index page as in the repository: no relative links, a true install line."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_regression_readme_links_were_relative() -> None:
    targets = re.findall(r"\]\(([^)\s]*)\)", README) + re.findall(r'(?:href|src)="([^"]*)"', README)
    assert [t for t in targets if not t.startswith(("https://", "http://"))] == []


def test_the_first_install_command_works_today() -> None:
    # Until the package is on an index, the first command installs from a clone, and says so.
    first = next(line for line in README.splitlines() if "pip install" in line)
    assert "pip install ." in first
    assert "not on an index yet" in README.split(first, 1)[0]
