"""French output reads as French: a space before ``:`` and ``;``, articles before names, the French acronyms.

Expectations are written by hand; the acronyms are checked against the vocabulary file read directly.
"""

import json
import re
from pathlib import Path

import pytest

from partnerdata._cli.main import main
from partnerdata._display.labels import LABELS, with_article

DATA = Path(__file__).resolve().parents[1] / "src" / "partnerdata" / "data"


def out_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["--lang", "fr", *argv]) in (0, 1)
    return capsys.readouterr().out


def test_no_french_label_glues_a_colon_or_semicolon_to_its_word() -> None:
    glued = {k: v for k, v in LABELS["fr"].items() if re.search(r"\S[:;!?]", v)}
    assert glued == {}


def test_the_profile_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    lines = out_of(capsys, "show", "KGZ").splitlines()
    for expected in (
        "Région : Asie centrale",
        "Autres noms : Kirghizia ; Kirghizie ; Kirgizia ; Kyrgyzia",
        "Relations depuis 1992 par le Conseil de coopération nord-atlantique (COCONA)",
        "Coopération pratique depuis 1994 par le Partenariat pour la paix (PPP)",
        "Position :",
        "  neutralité permanente : inconnu",
        "  Conseil de partenariat euro-atlantique (CPEA), depuis 1997",
        "Participations :",
    ):
        assert expected in lines
    # The organisation of units designated by its acronym, not a name in nested parentheses.
    assert not any("(ONU))" in line for line in lines)


def test_the_french_acronyms_are_the_vocabulary_s(capsys: pytest.CaptureFixture[str]) -> None:
    programmes = {p["code"]: p for p in json.loads((DATA / "programmes.json").read_text(encoding="utf-8"))}
    assert [programmes[c]["acronym"]["fr"] for c in ("NACC", "EAPC", "PFP")] == ["COCONA", "CPEA", "PPP"]
    text = out_of(capsys, "timeline", "--partner", "KGZ")
    assert "COCONA" in text and "CPEA" in text and "PPP" in text
    assert not re.search(r"\b(NACC|EAPC|PFP|PfP)\b", text.split("d’après")[0])  # before NATO's English words


def test_lists_and_answers_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    answer = out_of(capsys, "query", "--stance", "neutrality").splitlines()
    assert answer[0] == "neutralité permanente"
    assert answer[1] == "oui (6) : CHE ; IRL ; MDA ; MLT ; SRB ; TKM"
    assert answer[2] == "non (0) : (aucun)"
    assert out_of(capsys, "editions", "KGZ") == "KGZ@undated (la plus récente) : nato-kgz-fr (fr)\n"
    header = out_of(capsys, "list").splitlines()[0].split()
    assert header == ["alpha-3", "alpha-2", "nom", "région", "relations", "depuis", "PPP", "depuis"]


def test_articles() -> None:
    assert with_article("Conseil de coopération nord-atlantique", "fr") == "le Conseil de coopération nord-atlantique"
    assert with_article("Initiative de coopération d'Istanbul", "fr") == "l’Initiative de coopération d'Istanbul"
    assert with_article("Force internationale d'assistance à la sécurité", "fr", "FIAS") == "la FIAS"
    assert with_article("partenaires dans le monde", "fr") == "les partenaires dans le monde"
    assert with_article("Partnership Interoperability Initiative", "fr") == "Partnership Interoperability Initiative"
    assert with_article("North Atlantic Cooperation Council", "en") == "North Atlantic Cooperation Council"
