"""The extractor on the two packaged pages, against everything a reader wrote by hand about them.

``tests/fixtures/pages/nato-kgz-fr.expected.json`` and ``nato-tkm-fr.expected.json`` hold, beside
the facts that ``tests/test_extract.py`` compares field by field, how a reader numbers the page
(title, section headings, every sentence, the sentences naming nothing of the vocabulary), the
sentences each fact is read from, and each fact's details (a plan's renewal, a participation's
focus, aim and host, a unit designation's topics, a channel's host, an event's date, programmes,
topics and partners). They were written by reading the pages, never from the extractor's output
or the packaged data it builds, so these tests can fail. One test per page and aspect: a case the
extractor misreads is marked ``xfail(strict=True)`` with what it misreads, so a fix shows.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import partnerdata
from partnerdata import Extraction

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "src" / "partnerdata" / "_sources" / "pages"
EXPECTED = ROOT / "tests" / "fixtures" / "pages"
NAMES = ("nato-kgz-fr", "nato-tkm-fr")
DS = partnerdata.load()


def _expected(name: str) -> dict[str, Any]:
    return json.loads((EXPECTED / f"{name}.expected.json").read_text("utf-8"))  # type: ignore[no-any-return]


_RESULTS: dict[str, Extraction] = {}


def _extract(name: str) -> Extraction:
    if name not in _RESULTS:
        text = (PAGES / f"{name}.txt").read_text("utf-8")
        _RESULTS[name] = partnerdata.extract(partnerdata.parse_page(text), vocabulary=DS, source_id=name)
    return _RESULTS[name]


def _locators(record: Any) -> list[str]:
    return [ev.locator for ev in record.evidence]


def _fr(text: partnerdata.Text | None) -> str | None:
    return None if text is None else text.fr


def _reading(r: Extraction) -> Any:
    page = partnerdata.parse_page(r.source.text)
    return {
        "title": page.title,
        "language": r.source.language,
        "partner": r.relation.partner,
        "sections": [s.heading for s in page.sections[1:]],
        "statements": [s.evidence.locator for s in r.relation.statements],
        "unplaced": [ev.locator for ev in r.unplaced],
    }


def _want_reading(e: dict[str, Any]) -> Any:
    keys = ("title", "language", "partner", "sections", "statements", "unplaced")
    return {k: e[k] for k in keys}


def _evidence(r: Extraction) -> Any:
    rel = r.relation
    return {
        "relations_since": None if rel.relations_since is None else _locators(rel.relations_since),
        "cooperation_since": None if rel.cooperation_since is None else _locators(rel.cooperation_since),
        "plan": None if rel.plan is None else _locators(rel.plan),
        "participations": {p.programme: _locators(p) for p in rel.participations},
        "stance": _locators(rel.stance),
        "designations": [_locators(d) for d in rel.stance.designations],
        "channels": {c.body: _locators(c) for c in rel.channels},
        "events": [_locators(e) for e in rel.events],
    }


def _details(r: Extraction) -> Any:
    rel = r.relation
    return {
        "plan_renewal": None if rel.plan is None else _fr(rel.plan.renewal),
        "participations": {
            p.programme: {"focus": list(p.focus), "aim": _fr(p.aim), "host": _fr(p.host)} for p in rel.participations
        },
        "designations": [{"organisation": d.organisation, "topics": list(d.topics)} for d in rel.stance.designations],
        "channels": {c.body: _fr(c.host) for c in rel.channels},
        "events": [
            {
                "date": e.date.isoformat(),
                "end": None if e.end is None else str(e.end),
                "programmes": list(e.programmes),
                "topics": list(e.topics),
                "partners": list(e.partners),
            }
            for e in rel.events
        ],
    }


# (page, aspect) -> what the extractor misreads there today; an empty dict: it reads every aspect.
MISREAD: dict[tuple[str, str], str] = {
    ("nato-tkm-fr", "details.participations"): (
        "the SPS aim is not read: 'La coopération vise en priorité à favoriser l'accès de la communauté"
        " universitaire à internet et à promouvoir l'enseignement à distance' gives no aim"
    ),
}


def _aspect(kind: str, key: str) -> tuple[Callable[[Extraction], Any], Callable[[dict[str, Any]], Any]]:
    """What the extractor gives for ``kind[key]`` and what the reader wrote for it."""
    read = _evidence if kind == "evidence" else _details
    return (lambda r: read(r)[key]), (lambda e: e[kind][key])


EVIDENCE = ("relations_since", "cooperation_since", "plan", "participations", "stance", "designations", "channels")
DETAILS = ("plan_renewal", "participations", "designations", "channels", "events")
ASPECTS = {
    "reading": (_reading, _want_reading),
    **{f"evidence.{k}": _aspect("evidence", k) for k in (*EVIDENCE, "events")},
    **{f"details.{k}": _aspect("details", k) for k in DETAILS},
}
CASES = [
    pytest.param(
        name,
        aspect,
        id=f"{name}-{aspect}",
        marks=[pytest.mark.xfail(strict=True, reason=MISREAD[name, aspect])] if (name, aspect) in MISREAD else [],
    )
    for name in NAMES
    for aspect in ASPECTS
]


@pytest.mark.parametrize(("name", "aspect"), CASES)
def test_the_packaged_page_reads_as_a_reader_wrote_it(name: str, aspect: str) -> None:
    got, want = ASPECTS[aspect]
    assert got(_extract(name)) == want(_expected(name))


def test_every_expected_document_covers_the_whole_page() -> None:
    """Every sentence but the title is a statement, and every fact named in the facts has its evidence."""
    for name in NAMES:
        e = _expected(name)
        page = partnerdata.parse_page((PAGES / f"{name}.txt").read_text("utf-8"))
        sentences = [f"{name}#{i}.{j}.{k}" for (i, j, k), _ in page.sentences() if (i, j) != (0, 0)]
        assert e["statements"] == sentences
        assert set(e["evidence"]["participations"]) == set(e["participations"]) == set(e["details"]["participations"])
        assert len(e["evidence"]["events"]) == len(e["events"]) == len(e["details"]["events"])
        assert len(e["evidence"]["designations"]) == len(e["designations"]) == len(e["details"]["designations"])
        assert set(e["evidence"]["channels"]) == set(e["channels"]) == set(e["details"]["channels"])
        cited = {loc for v in e["evidence"].values() for loc in _flat(v)}
        assert cited <= set(sentences)


def _flat(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _flat(v)]
    if isinstance(value, list):
        return [x for v in value for x in _flat(v)]
    return []
