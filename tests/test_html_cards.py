"""Record cards in HTML show values, not type names; evidence as quoted sentences with their locator."""

import json
import re
from html import escape
from pathlib import Path

import partnerdata

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_regression_relation_card_showed_type_names() -> None:
    card = partnerdata.load().relation("TKM")._repr_html_()
    raw = json.loads((DATA / "relations" / "TKM.json").read_text(encoding="utf-8"))
    assert "CooperationPlan</td>" not in card and "Stance</td>" not in card
    assert raw["plan"]["renewal"]["en"] in card  # the plan's values, in a nested card
    # Stance flags as yes/no, the neutrality's evidence as the quoted sentence with its locator.
    # Field names read as labels, written here by hand.
    flags = {"permanent neutrality": "permanent_neutrality", "contributes forces": "contributes_forces"}
    for shown, name in flags.items():
        cell = re.search(rf">{shown}</th><td[^>]*>(.*?)</td>", card)
        expected = {True: "yes", False: "no", None: "unknown"}[raw["stance"][name]]
        assert cell is not None and text_of(cell.group(1)).strip() == expected
    quote = raw["stance"]["evidence"][0]
    assert f"« {escape(quote['quote'])} »" in card
    assert f"{quote['source']}#{quote['section']}.{quote['item']}.{quote['sentence']}" in card


def test_regression_participation_evidence_was_a_repr() -> None:
    p = partnerdata.load().relation("KGZ").participation("BI")
    assert p is not None
    card = p._repr_html_()
    assert "Evidence(" not in card
    ev = p.evidence[0]
    assert isinstance(ev, partnerdata.Evidence)
    assert "<blockquote" in card and ev.locator in card and ev.quote[:30] in card


def test_unknown_reads_as_unknown_never_blank_or_zero() -> None:
    deep = partnerdata.load().relation("KGZ").participation("DEEP")
    assert deep is not None
    card = deep._repr_html_()
    since = re.search(r">since</th><td[^>]*>(.*?)</td>", card)
    assert since is not None and "unknown" in since.group(1)


def test_regression_dataset_caption_wrapped() -> None:
    html = partnerdata.load()._repr_html_()
    assert "<caption" not in html and "white-space:nowrap" in html
