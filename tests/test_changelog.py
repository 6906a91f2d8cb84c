"""CHANGELOG.md keeps the Keep a Changelog form: one heading a release, with its day, newest first."""

import re
from pathlib import Path

import partnerdata

CHANGELOG = (Path(__file__).resolve().parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_release_has_a_version_and_a_day_newest_first() -> None:
    headings = [line for line in CHANGELOG.splitlines() if line.startswith("## ")]
    found = [re.fullmatch(r"## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2}|unreleased)", h) for h in headings]
    assert all(found), [h for h, f in zip(headings, found, strict=True) if f is None]
    releases = [(f.group(1), f.group(2)) for f in found if f is not None]
    # Only the version being made may be unreleased: the one the code says it is.
    assert [v for v, day in releases if day == "unreleased"] in ([], [partnerdata.__version__])
    days = [day for _, day in releases if day != "unreleased"]
    assert days == sorted(days, reverse=True)
    versions = [tuple(int(n) for n in v.split(".")) for v, _ in releases]
    assert versions == sorted(versions, reverse=True)
