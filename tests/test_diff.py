"""Diff by example: keyed matching, apply and its conflicts, invert, JSON Patch, rendering, the command line."""

import json
import subprocess
import sys
from pathlib import Path

import attrs
import jsonpatch
import pytest

import partnerdata
from partnerdata import Change, Diff, DiffConflictError, PartialDate, Relation
from partnerdata._cli.main import main

DS = partnerdata.load()
KGZ = DS.relation("KGZ")
TKM = DS.relation("TKM")
# An edition of two relations, KGZ and TKM, on the packaged vocabularies: small enough to list every change.
TWO = attrs.evolve(DS, relations=[KGZ, TKM])


def _with_since(r: Relation, code: str, since: int | None) -> Relation:
    return attrs.evolve(
        r, participations=[attrs.evolve(p, since=since) if p.programme == code else p for p in r.participations]
    )


def test_a_changed_participation_is_one_change_by_key() -> None:
    edited = _with_since(KGZ, "SPS", 1996)
    d = partnerdata.diff(KGZ, edited)
    assert d.changes == (Change(path=("participations", "SPS", "since"), kind="changed", old=1993, new=1996),)
    assert d.changes[0].where == "participations/SPS/since"
    assert d.apply(KGZ) == edited


def test_removing_an_item_is_one_removal_not_a_cascade() -> None:
    edited = attrs.evolve(KGZ, participations=[p for p in KGZ.participations if p.programme != "BI"])
    d = partnerdata.diff(KGZ, edited)
    assert [(c.where, c.kind) for c in d] == [("participations/BI", "removed")]
    assert d.changes[0].old == KGZ.participation("BI")
    assert d.changes[0].new is None


def test_order_of_a_collection_is_no_change() -> None:
    assert not partnerdata.diff(list(DS.relations), list(reversed(DS.relations)))
    assert not partnerdata.diff(KGZ, attrs.evolve(KGZ, participations=reversed(KGZ.participations)))


def test_identical_and_equal_inputs_give_an_empty_diff() -> None:
    assert partnerdata.diff(KGZ, KGZ).changes == ()
    copy = partnerdata.from_json(Relation, partnerdata.to_json(KGZ))
    assert copy is not KGZ
    assert len(partnerdata.diff(KGZ, copy)) == 0
    assert partnerdata.diff(DS, DS).to_json_patch() == []


def test_diff_first_law_holds_by_default_for_two_partners() -> None:
    """Regression: by default diff compared two partners in substance only, and apply raised DiffConflictError."""
    d = partnerdata.diff(KGZ, TKM)
    assert d.identity
    assert d.apply(KGZ) == TKM
    assert d.invert().apply(TKM) == KGZ
    assert partnerdata.diff(DS.source("nato-kgz-fr"), DS.source("nato-tkm-fr")).apply(DS.source("nato-kgz-fr")) == (
        DS.source("nato-tkm-fr")
    )


def test_two_partners_compare_in_substance() -> None:
    d = partnerdata.diff(KGZ, TKM, identity=False)
    assert not d.identity
    assert partnerdata.diff(KGZ, TKM, identity=None) == d  # None: substance for two different keys
    wheres = [c.where for c in d]
    assert "partner" not in wheres
    assert not any(c.path[0] == "statements" or "evidence" in c.path for c in d)
    kinds = {c.where: c.kind for c in d}
    assert kinds["participations/BI"] == "removed"  # only KGZ has it
    assert kinds["events/2014-eadrcc-assistance"] == "added"  # only TKM has it
    assert kinds["stance/permanent_neutrality"] == "changed"
    assert kinds["participations/SPS/focus/internet-access"] == "added"
    assert "participations/PFP" not in kinds  # shared, same year: only its focus differs
    full = partnerdata.diff(KGZ, TKM, identity=True)
    assert full.identity
    assert Change(path=("partner",), kind="changed", old="KGZ", new="TKM") in full.changes
    assert any(c.path[0] == "statements" for c in full)
    assert full.apply(KGZ) == TKM


def test_invert_swaps_and_undoes() -> None:
    d = partnerdata.diff(KGZ, TKM, identity=True)
    assert d.invert() == partnerdata.diff(TKM, KGZ, identity=True)
    assert d.invert().invert() == d
    assert d.invert().apply(TKM) == KGZ


def test_apply_refuses_a_diff_that_does_not_fit() -> None:
    d = partnerdata.diff(KGZ, _with_since(KGZ, "SPS", 1996))
    with pytest.raises(DiffConflictError, match=r"participations/SPS/since is 1995, the diff expects 1993"):
        d.apply(_with_since(KGZ, "SPS", 1995))
    with pytest.raises(DiffConflictError, match=r"participations/SPS is not there"):
        d.apply(TKM.__class__(partner="KGZ"))
    removal = partnerdata.diff(KGZ, attrs.evolve(KGZ, participations=KGZ.participations[1:]))
    with pytest.raises(DiffConflictError, match=r"participations/BI is not there, the diff would remove it"):
        removal.apply(attrs.evolve(KGZ, participations=KGZ.participations[1:]))
    with pytest.raises(DiffConflictError, match=r"participations/BI is already there"):
        removal.invert().apply(KGZ)
    with pytest.raises(DiffConflictError, match=r"participations/BI is Participation\(programme='BI', since=2016"):
        removal.apply(_with_since(KGZ, "BI", 2016))  # removes only the item it knows
    with pytest.raises(DiffConflictError, match="the diff is of a Relation, not of a Dataset"):
        d.apply(DS)
    assert issubclass(DiffConflictError, partnerdata.PartnerDataError)


def test_apply_refuses_a_result_that_is_not_a_valid_record() -> None:
    d = Diff(changes=[Change(path=("relations_since", "year"), kind="changed", old=1992, new=1999)], old=KGZ)
    with pytest.raises(DiffConflictError, match="would become an invalid Relation"):
        d.apply(KGZ)  # practical cooperation (1994) cannot begin before relations


def test_diff_of_different_types_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="two records of one type"):
        partnerdata.diff(KGZ, DS)
    with pytest.raises(TypeError, match="one keyed type"):
        partnerdata.diff([KGZ], [DS.partner("KGZ")])


def test_datasets_diff_by_key_at_every_level() -> None:
    rels = [_with_since(KGZ, "PFP", 1995), Relation(partner="ARM")]
    edition = attrs.evolve(TWO, data_version="2027.01", relations=rels)
    d = partnerdata.diff(TWO, edition)
    assert [(c.where, c.kind) for c in d] == [
        ("data_version", "changed"),
        ("relations/ARM", "added"),
        ("relations/KGZ/participations/PFP/since", "changed"),
        ("relations/TKM", "removed"),
    ]
    assert d.apply(TWO) == edition
    assert jsonpatch.apply_patch(partnerdata.to_dict(TWO), d.to_json_patch()) == partnerdata.to_dict(edition)


def test_json_patch_moves_an_event_whose_date_changed() -> None:
    first = TKM.events[0]
    moved = attrs.evolve(TKM, events=[attrs.evolve(first, date=PartialDate(year=2020)), *TKM.events[1:]])
    assert moved.events[-1].id == first.id
    d = partnerdata.diff(TKM, moved)
    assert [c.where for c in d] == [f"events/{first.id}/date"]
    patch = d.to_json_patch(test=True)
    assert [op["op"] for op in patch] == ["test", "remove", "add"]
    assert jsonpatch.apply_patch(partnerdata.to_dict(TKM), patch) == partnerdata.to_dict(moved)
    with pytest.raises(jsonpatch.JsonPatchTestFailed):
        jsonpatch.apply_patch(partnerdata.to_dict(moved), patch)


def test_json_patch_indices_account_for_removals() -> None:
    edited = attrs.evolve(
        _with_since(KGZ, "SPS", 2000),
        participations=[p for p in _with_since(KGZ, "SPS", 2000).participations if p.programme != "BI"],
    )
    patch = partnerdata.diff(KGZ, edited).to_json_patch()
    assert patch == [
        {"op": "remove", "path": "/participations/0"},
        {"op": "replace", "path": "/participations/6/since", "value": 2000},
    ]
    assert jsonpatch.apply_patch(partnerdata.to_dict(KGZ), patch) == partnerdata.to_dict(edited)


def test_json_document_of_the_changes() -> None:
    doc = json.loads(partnerdata.diff(KGZ, _with_since(KGZ, "SPS", None)).to_json())
    assert doc == {
        "type": "Relation",
        "identity": True,
        "changes": [
            {
                "path": ["participations", "SPS", "since"],
                "where": "participations/SPS/since",
                "kind": "changed",
                "old": 1993,
                "new": None,
            }
        ],
    }
    added = json.loads(partnerdata.diff(TWO.relations[:1], TWO.relations).to_json())
    assert added["type"] == "list"
    assert added["changes"][0]["new"] == partnerdata.to_dict(TKM)


def test_render_groups_by_partner_and_field_with_evidence() -> None:
    edition = attrs.evolve(TWO, relations=[_with_since(KGZ, "SPS", 1996), TKM])
    d = partnerdata.diff(TWO, edition)
    text = d.render()
    assert text.splitlines()[0] == "Relation KGZ (Kyrgyzstan)"
    assert "  Participation SPS (Science for Peace and Security Programme)" in text
    assert "    ~ since: 1993 → 1996" in text
    sps = KGZ.participation("SPS")
    assert sps is not None
    first = sps.evidence[0]
    assert isinstance(first, partnerdata.Evidence)
    sps_quote = first.quote
    assert sps_quote in text
    fr = d.render(lang="fr")
    assert "Relation KGZ (Kirghizistan)" in fr
    assert "~ depuis : 1993 → 1996" in fr
    md = d.render("markdown")
    assert md.startswith("### Relation KGZ (Kyrgyzstan)")
    assert "- \\~ since: 1993 → 1996" in md
    html = d._repr_html_()
    assert "<h4>Relation KGZ (Kyrgyzstan)</h4>" in html
    assert "1993 → 1996" in html
    with pytest.raises(ValueError, match="format"):
        d.render("rtf")


def test_render_of_two_partners() -> None:
    text = partnerdata.diff(KGZ, TKM).render()
    assert text.startswith("Relation KGZ (Kyrgyzstan) → TKM (Turkmenistan)")
    assert "- removed: BI, since 2015" in text
    assert "~ permanent neutrality: — → yes" in text
    assert "+ focus: internet access for academia" in text  # a topic by its label, as in every view
    assert text.endswith(f"({sum(line.lstrip()[:2] in ('+ ', '- ', '~ ') for line in text.splitlines())} changes)")
    assert partnerdata.diff(KGZ, KGZ).render("markdown") == "No differences."
    # A changed value that carries evidence (the units designated) shows its own, not its parent's.
    lines = text.splitlines()
    units = next(i for i, line in enumerate(lines) if "~ units designated:" in line)
    assert lines[units + 1].strip().startswith("evidence before: [nato-kgz-fr#3.0.1]")
    assert lines[units + 2].strip().startswith("evidence after: [nato-tkm-fr#4.0.1]")


def test_importing_partnerdata_stays_light() -> None:
    code = (
        "import sys, partnerdata; print(sorted(m for m in ('json', 'cattrs', 'html', 'difflib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# Command line


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_exit_codes_like_diff(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "KGZ", "Kirghizistan")[:2] == (0, "No differences.\n")
    code, out, _ = _run(capsys, "KGZ", "TKM")
    assert code == 1
    assert out.startswith("Relation KGZ (Kyrgyzstan) → TKM (Turkmenistan)")
    code, out, err = _run(capsys, "KGZ", "Atlantis")
    assert (code, out) == (2, "")
    assert "no partner matches 'Atlantis'" in err


def test_cli_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "KGZ", "TKM", "--format", "markdown", "--lang", "fr")
    assert code == 1
    assert out.startswith("### Relation KGZ (Kirghizistan) → TKM (Turkménistan)")
    code, out, _ = _run(capsys, "KGZ", "TKM", "--format", "json")
    assert json.loads(out)["changes"][0]["where"] == "plan/renewal"
    code, out, _ = _run(capsys, "KGZ", "TKM", "--format", "patch", "--identity")
    assert jsonpatch.apply_patch(partnerdata.to_dict(KGZ), json.loads(out)) == partnerdata.to_dict(TKM)


def test_cli_compares_editions_in_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(partnerdata.to_json(DS), encoding="utf-8")
    edition = attrs.evolve(DS, relations=[_with_since(KGZ, "SPS", 1996), TKM])
    new.write_text(partnerdata.to_json(edition), encoding="utf-8")
    code, out, _ = _run(capsys, str(old), str(new), "--format", "patch")
    assert code == 1
    assert jsonpatch.apply_patch(json.loads(old.read_text()), json.loads(out)) == json.loads(new.read_text())
    assert _run(capsys, str(old), str(old))[0] == 0
    # a relation file against a partner key of the packaged data
    rel = tmp_path / "KGZ.json"
    rel.write_text(partnerdata.to_json(_with_since(KGZ, "SPS", 1996)), encoding="utf-8")
    code, out, _ = _run(capsys, "KGZ", str(rel))
    assert code == 1
    assert "~ since: 1993 → 1996" in out
    code, _, err = _run(capsys, "KGZ", str(old))
    assert code == 2
    assert "cannot compare a Relation (KGZ) with a Dataset" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = _run(capsys, str(bad), str(old))
    assert code == 3  # unreadable input
    assert "invalid JSON" in err
    code, _, err = _run(capsys, str(tmp_path / "missing.json"), str(old))
    assert code == 3  # unreadable input


def test_cli_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "KGZ"]) == 2
