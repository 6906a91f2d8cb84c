"""Issue #19, defect by defect: each test was written to fail on the code before the fix.

Readers refuse what is not a regular file before reading it and read at most their limit;
decoding never guesses silently; every layout has the same limits; outputs never replace an
input or the installed package; the command line tells a user's mistake (2) and unreadable input
(3) from a bug (4); the loader names linked, stray and special entries without listing what lies
outside the folder.
"""

import os
import shutil
import threading
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import partnerdata
from partnerdata import PageError
from partnerdata._cli.main import main
from partnerdata._io.reading import UnreadableFileError, read_regular

DATA = Path(partnerdata.__file__).parent / "data"
POSIX = os.name == "posix"


def _promptly(call: Callable[[], Any], seconds: float = 20) -> Any:
    """Run ``call`` in a thread; fail (instead of hanging the suite) if it has not returned in time."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:  # handed to the test thread, which re-raises it
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the call blocked"
    if "error" in result:
        raise result["error"]
    return result.get("value")


# --- bounded readers ----------------------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero are POSIX")
def test_a_fifo_and_a_device_are_refused_before_they_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "FIFO"), (Path("/dev/zero"), "character device")):
        with pytest.raises(PageError, match=kind) as info:
            _promptly(lambda p=path: partnerdata.read_page(p))  # type: ignore[misc]
        assert info.value.kind == "file"
        with pytest.raises(UnreadableFileError, match=kind):
            _promptly(lambda p=path: read_regular(p, 1000))  # type: ignore[misc]


def test_reading_stops_at_the_limit_whatever_the_size_the_file_system_reports(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(UnreadableFileError, match="more than 4,999 bytes"):
        read_regular(big, 4999)
    assert read_regular(big, 5000) == b"x" * 5000


@pytest.mark.skipif(not POSIX, reason="FIFOs are POSIX")
def test_commands_given_a_fifo_exit_3_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    pages = Path(__file__).parent / "fixtures" / "pages" / "arm-en.txt"
    assert _promptly(lambda: main(["ingest", str(fifo)])) == 3
    out = tmp_path / "out"
    assert _promptly(lambda: main(["build", str(pages), "--output", str(out), "--partners", str(fifo)])) == 3
    assert main(["build", str(pages), "--output", str(out), "--partners", str(tmp_path / "none.json")]) == 3
    err = capsys.readouterr().err
    assert "FIFO" in err and "none.json" in err and not out.exists()


def test_ingest_takes_the_partner_from_the_title_as_build_does(capsys: pytest.CaptureFixture[str]) -> None:
    readme = Path(__file__).parents[1] / "README.md"
    assert main(["ingest", str(readme)]) == 3
    assert "not a partner page" in capsys.readouterr().err


# --- decoding -------------------------------------------------------------------------------------


def test_one_invalid_byte_in_a_utf8_page_is_an_error_with_its_offset() -> None:
    good = "Relations avec l’Arménie\n\nL’Arménie coopère avec l’OTAN.\n\n- Un fait.\n".encode()
    bad = good[:40] + b"\xff" + good[40:]
    with pytest.raises(PageError, match=r"invalid byte 0xFF at offset 40") as info:
        partnerdata.read_page(bad)
    assert info.value.kind == "encoding"


def test_an_undeclared_windows_1252_page_is_read_with_a_warning() -> None:
    data = "Relations avec l’Arménie\n\nL’Arménie coopère.\n\n- Un fait.".encode("cp1252")
    with pytest.warns(UserWarning, match="read as windows-1252"):
        page = partnerdata.read_page(data)
    assert page.title == "Relations avec l’Arménie"
    declared = (
        '<html><head><meta charset="windows-1252"><title>Relations avec l’Arménie</title></head><body>'
        "<h1>Relations avec l’Arménie</h1><p>L’Arménie coopère.</p><ul><li>Un fait.</li></ul></body></html>"
    ).encode("cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # declared: nothing to warn about
        partnerdata.read_page(declared)


def test_utf16_without_a_bom_is_told_as_such() -> None:
    data = "Relations with Armenia\n\nNATO and Armenia cooperate.\n\n- A fact.\n".encode("utf-16-le")
    with pytest.raises(PageError, match="UTF-16 without a byte order mark"):
        partnerdata.read_page(data)


# --- the same limits in every layout ----------------------------------------------------------------


def _html(items: int) -> str:
    bullets = "".join(f"<li>Fact {i}.</li>" for i in range(items))
    return (
        "<html><head><title>Relations with Kazakhstan</title></head><body><h1>Relations with Kazakhstan</h1>"
        f"<p>NATO and Kazakhstan cooperate.</p><ul>{bullets}</ul></body></html>"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\nHighlights\n"
        + "\n".join(f"- Fact {i}." for i in range(10_002)),
        "Relations with Kazakhstan\n\nNATO and Kazakhstan cooperate.\n\n"
        + "\n".join(f"• Fact {i}." for i in range(10_002)),
        _html(10_002),
    ],
    ids=["plain", "text", "html"],
)
def test_more_items_than_evidence_can_number_is_a_page_error_in_every_layout(text: str) -> None:
    with pytest.raises(PageError, match="more than 10,000 items"):
        partnerdata.parse_page(text)


@pytest.mark.parametrize(
    "text",
    [
        "Relations with Kazakhstan\n\u200b\n- \u200b",
        "Relations with Kazakhstan\n\nNATO and Kazakhstan cooperate.\n\n• \u200b\u2060\n",
    ],
    ids=["plain", "text"],
)
def test_a_line_of_invisible_characters_is_a_page_error_not_a_field_error(text: str) -> None:
    with pytest.raises(PageError, match="only invisible characters"):
        partnerdata.extract(partnerdata.parse_page(text))


# --- outputs that cannot clobber inputs ----------------------------------------------------------


def test_panel_refuses_to_write_over_its_own_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    manifest = (data / "manifest.json").read_bytes()
    argv = ["panel", "--data", str(data), "--start", "2000", "--end", "2001", "--format", "csv"]
    assert main([*argv, "-o", str(data / "manifest.json")]) == 2
    assert (data / "manifest.json").read_bytes() == manifest
    assert "--data input" in capsys.readouterr().err


def test_nothing_is_written_into_the_installed_package(capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in DATA.iterdir())
    assert main(["export", "partners", "-o", str(DATA / "partners.json")]) == 2
    assert main(["panel", "--start", "2000", "--end", "2000", "-o", str(DATA / "panel.csv")]) == 2
    assert sorted(p.name for p in DATA.iterdir()) == before
    assert capsys.readouterr().err.count("installed partnerdata package") == 2


def test_a_panel_suffix_the_panel_cannot_write_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "panel.xlsx"
    assert main(["panel", "--start", "2000", "--end", "2000", "-o", str(target)]) == 2
    assert not target.exists() and ".xlsx" in capsys.readouterr().err


# --- exit codes that classify -------------------------------------------------------------------------


def test_a_bug_exits_4_never_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from partnerdata._cli import main as cli

    def broken(*_: object, **__: object) -> None:
        raise ValueError("a bug inside the library")

    monkeypatch.setattr(cli, "Profile", broken)
    assert main(["show", "KGZ"]) == 4
    assert "internal error" in capsys.readouterr().err


def test_a_value_the_user_gave_wrong_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--search", "cyber", "--lang", "fr", "--table", "statements"]) == 0
    capsys.readouterr()
    assert main(["query", "--stance", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_control_characters_in_a_message_stay_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "a\rb\x1b[2J"]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\\x0d" in err and "\x1b" not in err


# --- the loader names what it refuses ----------------------------------------------------------------


@pytest.mark.skipif(not POSIX, reason="symbolic links and FIFOs are POSIX")
def test_the_loader_names_linked_stray_and_special_entries_and_nothing_outside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(data / "sources", elsewhere)
    (elsewhere / "private-notes.json").write_text("{}")
    (data / "sources").symlink_to(elsewhere)
    (data / "editions").write_text("not a folder")
    (data / "relations" / "KGZ.json").unlink()
    os.mkfifo(data / "relations" / "KGZ.json")
    with pytest.raises(partnerdata.DataValidationError) as info:
        _promptly(lambda: partnerdata.load(data))
    found = {(str(p.file).rsplit("data", 1)[-1], p.message) for p in info.value.problems}
    assert ("/sources", "is a symbolic link; a data folder holds no links") in found
    assert ("/editions", "is a file where a folder of data files goes") in found
    assert ("/relations/KGZ.json", "not a regular file") in found
    assert not any("private-notes" in str(p) for p in info.value.problems)


def test_a_folder_the_loader_cannot_list_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads everything, so the refusal is made by the system call itself.
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    real = os.listdir

    def denied(path: Any = ".") -> list[str]:
        if str(path).endswith("relations"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", denied)
    with pytest.raises(partnerdata.DataValidationError) as info:
        partnerdata.load(data)
    assert any(p.message == "cannot list the folder: Permission denied" for p in info.value.problems)


# --- reading every page (issue #20, the parts done with #19) ------------------------------------------


@pytest.mark.parametrize(
    ("title", "partner", "lang"),
    [
        ("NATO cooperation with Colombia", "COL", "en"),
        ("Partnership with Mongolia", "MNG", "en"),
        ("Relations between NATO and Japan", "JPN", "en"),
        ("Coopération entre l’OTAN et l’Iraq", "IRQ", "fr"),
        ("Le partenariat de l’OTAN avec la Mongolie", "MNG", "fr"),
        ("La coopération de l’OTAN avec la Colombie", "COL", "fr"),
    ],
)
def test_every_title_nato_used_names_its_partner(title: str, partner: str, lang: str) -> None:
    from partnerdata._ingest.assemble import title_partner

    intro = "NATO and its partner cooperate." if lang == "en" else "L’OTAN et son partenaire coopèrent."
    page = partnerdata.parse_page(f"{title}\n{intro}\n- {'A fact.' if lang == 'en' else 'Un fait.'}")
    assert page.language == lang
    assert title_partner(page.title, partnerdata.load(), "page") == partner


def test_a_title_naming_no_known_partner_is_still_refused() -> None:
    from partnerdata._ingest.assemble import title_partner

    with pytest.raises(PageError, match="no partner country of the vocabulary"):
        title_partner("NATO cooperation with Narnia", partnerdata.load(), "page")


def test_extract_keeps_the_edition_date_the_page_gave() -> None:
    page = partnerdata.parse_page(
        "Relations with Georgia\n\n  • Last updated: 04 Jul. 2019 12:30\n\nNATO and Georgia cooperate.\n\n"
        "  • Relations began in 1992.\n"
    )
    source = partnerdata.extract(page).source
    assert source.edition is not None and source.edition.isoformat() == "2019-07-04"
