"""docs/model.rst names every field of every record class it describes."""

import re
from pathlib import Path

import attrs

import partnerdata

MODEL = Path(__file__).resolve().parents[1] / "docs" / "model.rst"


def entries() -> dict[str, str]:
    """Each ``:class:`~partnerdata.X``` term of the page and the indented paragraph under it."""
    found: dict[str, str] = {}
    current = None
    for line in MODEL.read_text(encoding="utf-8").splitlines():
        term = re.fullmatch(r":class:`~partnerdata\.(\w+)`", line.strip()) if not line.startswith(" ") else None
        if term is not None:
            current = term.group(1)
            found[current] = ""
        elif current is not None and (line.startswith(" ") or not line.strip()):
            found[current] += line + "\n"
        else:
            current = None
    return found


def test_regression_the_model_page_lists_every_field() -> None:
    described = entries()
    assert "Partner" in described and "Relation" in described
    missing = {
        name: [f.name for f in attrs.fields(getattr(partnerdata, name)) if f"``{f.name}``" not in text]
        for name, text in described.items()
        if attrs.has(getattr(partnerdata, name))
    }
    assert {name: fields for name, fields in missing.items() if fields} == {}
