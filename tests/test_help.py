"""Each command's --help lists only the options it takes, grouped, with an example; a typo names that help."""

import re

import pytest

from partnerdata._cli.main import EXAMPLES, main

COMMANDS = ["list", "show", "validate", "diff", "query", "timeline", "export", "ingest", "build", "editions", "panel"]


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main([*argv, "--help"]) == 0
    return capsys.readouterr().out


def options(text: str) -> set[str]:
    """The options a help text lists (in its option lines, not its prose)."""
    return {m for line in text.splitlines() if line.startswith("  -") for m in re.findall(r"--[a-z][a-z-]*", line)}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_an_example_that_runs_that_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    text = help_of(capsys, command)
    assert re.search(r"^examples?:$", text, re.MULTILINE)
    assert f"  partnerdata {command} " in text
    assert EXAMPLES[command].startswith(f"partnerdata {command} ")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_fits_60_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert max(len(line) for line in help_of(capsys, command).splitlines()) <= 60


def test_timeline_help_lists_only_the_filters_timeline_takes(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(capsys, "timeline")
    # timeline(since, until, partner, kind, programme, topic): these, and no filter of another question.
    assert {"--programme", "--topic", "--partner", "--since", "--until", "--kind", "--as-of"} <= options(text)
    rejected = {"--stance", "--search", "--through", "--existing-in", "--since-after", "--since-before"}
    assert not rejected & options(text)
    assert re.search(r"^filters:$", text, re.MULTILINE) and re.search(r"^output:$", text, re.MULTILINE)


def test_legacy_flags_are_hidden_but_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    text = help_of(capsys, "query")
    assert not {"--since-after", "--since-before", "--program"} & options(text)
    assert main(["query", "--program", "BI", "--since-after", "2010", "--json"]) == 0
    assert '"partner": "KGZ"' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "command", "nearest"),
    [
        (["show", "KGZ", "--jsn"], "show", "--json"),
        (["timeline", "--partnr=KGZ"], "timeline", "--partner"),
        (["list", "--widht", "80"], "list", "--width"),
    ],
)
def test_a_mistyped_option_names_the_command_help(
    capsys: pytest.CaptureFixture[str], argv: list[str], command: str, nearest: str
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"partnerdata {command}: unrecognized arguments: ")
    assert f"did you mean {nearest}?" in line
    assert line.endswith(f"(see partnerdata {command} --help)")


def test_a_filter_another_question_takes_is_still_refused_with_a_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--stance", "forces"]) == 2
    assert "--stance does not apply to the timeline question" in capsys.readouterr().err
