"""The README's examples run, and its two commands exist and do what it says."""

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_examples_run() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md", "README.md", 0)
    assert test.examples, "the README should show a runnable example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_readme_starts_with_the_library_then_has_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    # For someone who ran pip install: what it is, how to install it, an example, before anything else.
    assert text.index("pip install partnerdata") < text.index(">>> import partnerdata") < text.index("## ")
    development = text.split("## Development", 1)[1].split("\n## ", 1)[0]
    commands = [line.split("#")[0].strip() for line in development.splitlines() if line.startswith("bash ")]
    assert commands == ["bash scripts/demo", "bash scripts/check"]
    assert all((ROOT / c.split()[1]).is_file() for c in commands)
    assert "scripts/check" in (ROOT / ".ci" / "run").read_text()  # CI runs the README's test command
