"""A diff of two data editions a reader can follow: each changed fact once, the page not dumped."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from partnerdata._cli.main import main

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"
OLD_SENTENCE = "Depuis 2015, le Kirghizistan participe"
NEW_SENTENCE = "Depuis 2016, le Kirghizistan participe"


def edition_with_one_year_changed(folder: Path) -> Path:
    """The packaged data with one year changed in the KGZ page's French sentence, English left as it was."""
    shutil.copytree(DATA, folder)
    for name in ("sources/nato-kgz-fr.json", "relations/KGZ.json"):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert OLD_SENTENCE in text
        path.write_text(text.replace(OLD_SENTENCE, NEW_SENTENCE).replace('"since": 2015', '"since": 2016'), "utf-8")
    source = json.loads((folder / "sources/nato-kgz-fr.json").read_text(encoding="utf-8"))
    source["sha256"] = hashlib.sha256(source["text"].encode()).hexdigest()
    (folder / "sources/nato-kgz-fr.json").write_text(json.dumps(source, ensure_ascii=False), encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest["files"]:
        manifest["files"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def text(tmp_path_factory: pytest.TempPathFactory) -> str:
    new = edition_with_one_year_changed(tmp_path_factory.mktemp("ed") / "new")
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["diff", str(DATA), str(new)]) == 1
    return buffer.getvalue()


def test_regression_diff_dumped_the_source_page_twice(text: str) -> None:
    page = json.loads((DATA / "sources/nato-kgz-fr.json").read_text(encoding="utf-8"))["text"]
    unchanged = [line for line in page.splitlines() if OLD_SENTENCE not in line]
    assert not any(line in text for line in unchanged if len(line) > 30)
    assert "1 line(s) of the page changed" in text
    assert "sha256" not in text  # follows from the text


def test_regression_same_quote_four_times(text: str) -> None:
    old_quotes = [line for line in text.splitlines() if f"« {OLD_SENTENCE}" in line]
    assert len(old_quotes) == 1  # the evidence before, once
    assert "~ since: 2015 → 2016" in text
    assert text.count("~ evidence") == 0  # shown with the fact it supports


def test_regression_stale_english_rendering_not_flagged(text: str) -> None:
    assert "~ text (fr): Depuis 2015" in text
    assert "the French sentence changed but its English rendering did not: the rendering is stale" in text
    assert "Since 2015, Kyrgyzstan" not in text  # the unchanged English is not shown as a change
