"""The panel's rules a referee checks: succession, agreement with the questions, explanations, codes, accession.

Every expectation here is written by hand from the pages, the vocabulary and the state lists, or
computed by brute force from the records themselves; none is read back from the panel's code.
"""

from typing import Any

import attrs
import pytest

import partnerdata
from partnerdata._query.panel import PanelError

BASE = partnerdata.load()
PANEL = BASE.panel(1990, 2026)
YEARS = range(1990, 2027)
FRAMEWORKS = {"nacc": "NACC", "eapc": "EAPC", "pfp": "PFP", "md": "MD", "ici": "ICI", "patg": "PATG"}


def without(partner: str, *codes: str) -> partnerdata.Dataset:
    """The packaged data without ``partner``'s participations in ``codes`` (as if only its own page were read)."""
    r = BASE.relation(partner)
    kept = [p for p in r.participations if p.programme not in codes]
    others = [x for x in BASE.relations if x.partner != partner]
    return attrs.evolve(BASE, relations=[*others, attrs.evolve(r, participations=kept)])


# Succession: the Kyrgyz and Turkmen pages say NACC "a été remplacé en 1997 par le Conseil de
# partenariat euro-atlantique, qui réunit tous les Alliés et tous les pays partenaires".


@pytest.mark.parametrize(("partner", "locator"), [("KGZ", "nato-kgz-fr#1.0.1"), ("TKM", "nato-tkm-fr#1.1.1")])
def test_the_eapc_is_inferred_from_the_page_that_says_nacc_gave_way_to_it(partner: str, locator: str) -> None:
    panel = without(partner, "EAPC").panel(1990, 2026)
    assert [panel.cell(partner, y, "eapc") for y in (1996, 1997, 2026)] == [False, True, True]
    why = panel.explain(partner, 1997, "eapc")
    assert why.rule == "succeeded"
    assert [e.locator for e in why.evidence if isinstance(e, partnerdata.Evidence)] == [locator]
    assert "tous les pays partenaires" in why.evidence[0].quote  # type: ignore[union-attr]
    # In 1997 the partner sits in both: NACC's last year still counts.
    assert panel.cell(partner, 1997, "nacc") is True


def test_a_cited_page_can_state_the_succession_too() -> None:
    # Belarus's NACC participation cites a NATO page saying the NACC "gave way in 1997 to the
    # Euro-Atlantic Partnership Council, the forum of all Allies and Euro-Atlantic partners".
    panel = without("BLR", "EAPC").panel(1996, 1998)
    why = panel.explain("BLR", 1997, "eapc")
    assert (why.value, why.rule) == (True, "succeeded")
    assert any(isinstance(e, partnerdata.Citation) and "gave way" in (e.says.en or "") for e in why.evidence)
    assert panel.cell("BLR", 1996, "eapc") is False


def test_no_succession_without_a_sentence_saying_the_successor_gathers_all_partners() -> None:
    ds = without("KGZ", "EAPC")
    r = ds.relation("KGZ")
    # The same sentence cut before "qui réunit tous les Alliés et tous les pays partenaires".
    cut = [
        attrs.evolve(s, evidence=attrs.evolve(s.evidence, quote=s.evidence.quote.split(", qui")[0] + "."))
        if s.evidence.locator == "nato-kgz-fr#1.0.1"
        else s
        for s in r.statements
    ]
    others = [x for x in ds.relations if x.partner != "KGZ"]
    # Not the page's sentence any more, so not checkable against it: built without the checks.
    fields = {f.name: getattr(ds, f.name) for f in attrs.fields(partnerdata.Dataset)}
    fields["relations"] = [*others, attrs.evolve(r, statements=cut)]
    ds = partnerdata.Dataset._unchecked(**fields)
    why = ds.panel(1997, 1997).explain("KGZ", 1997, "eapc")
    assert (why.value, why.rule) == (None, "framework-undated")  # listed in the vocabulary, no year


def test_no_succession_for_a_partner_that_left_the_old_forum_before_its_end() -> None:
    ds = without("KGZ", "EAPC")
    r = ds.relation("KGZ")
    left = [attrs.evolve(p, until=1995) if p.programme == "NACC" else p for p in r.participations]
    others = [x for x in ds.relations if x.partner != "KGZ"]
    ds = attrs.evolve(ds, relations=[*others, attrs.evolve(r, participations=left)])
    assert ds.panel(1997, 1997).explain("KGZ", 1997, "eapc").rule != "succeeded"


def test_a_dated_participation_shows_the_page_sentence_that_agrees_with_it() -> None:
    why = PANEL.explain("KGZ", 1997, "eapc")
    assert why.rule == "started"
    assert "nato-kgz-fr#1.0.1" in [e.locator for e in why.evidence if isinstance(e, partnerdata.Evidence)]


# The panel, participants() and frameworks() agree: brute force over the records.


def records_say_taking_part(partner: str, code: str, year: int) -> bool | None:
    """From the relation record alone: True if a dated participation or a milestone puts the partner in ``code``."""
    r = {x.partner: x for x in BASE.relations}.get(partner)
    if r is None:
        return None
    p = next((x for x in r.participations if x.programme == code), None)
    if p is not None and p.since is not None and p.since <= year:
        if p.until is not None and p.until < year:
            return False
        return not (p.suspended is not None and p.suspended < year and (p.resumed is None or year < p.resumed))
    return any(m is not None and m.via == code and m.year <= year for m in (r.relations_since, r.cooperation_since))


def test_participants_frameworks_and_the_panel_agree() -> None:
    frameworks = {f.programme: f for f in BASE.frameworks()}
    for column, code in FRAMEWORKS.items():
        listed = BASE.participants(code)
        dated = {m.partner for m in listed if m.since is not None}
        yes_somewhere = {a for a in PANEL.partners if any(PANEL.cell(a, y, column) is True for y in YEARS)}
        # Every participant with a start year has a "yes" in some year, and no partner has a "yes"
        # that neither participants() nor a milestone nor a stated succession explains.
        assert dated <= yes_somewhere, (code, dated - yes_somewhere)
        via = {m.partner for m in BASE.milestones(via=code)}
        for a in yes_somewhere - dated - via:
            assert {PANEL.explain(a, y, column).rule for y in YEARS if PANEL.cell(a, y, column)} == {"succeeded"}
        f = frameworks[code]
        for a in PANEL.partners:
            for y in YEARS:
                value = PANEL.cell(a, y, column)
                if f.founded is not None and y < f.founded:
                    assert value is False, (a, y, code)  # frameworks() says it did not exist yet
                elif f.ended is not None and y > f.ended:
                    assert value is False, (a, y, code)
                elif records_say_taking_part(a, code, y) is True:
                    assert value is True, (a, y, code)
                elif value is True:
                    rule = PANEL.explain(a, y, column).rule
                    assert rule == "succeeded", (a, y, code, rule)
    assert len(BASE.participants("NACC")) == 23  # the 22 of the NACC page, and Albania (1992)
    nacc = {a for a in PANEL.partners if any(PANEL.cell(a, y, "nacc") for y in YEARS)}
    assert {m.partner for m in BASE.participants("NACC") if m.since is not None} <= nacc


def test_as_of_participants_agree_with_the_panel_year_by_year() -> None:
    ended = {f.programme: f.ended for f in BASE.frameworks()}
    for year in (1992, 1997, 1998, 2015):
        snap = BASE.as_of(year)
        for column, code in FRAMEWORKS.items():
            end = ended[code]
            if end is not None and year > end:
                # A forum that has ended has no participants left (Bulgaria's NACC in 1998, whose
                # entry has no end of its own); the panel says no (rule ``ended``).
                assert snap.participants(code).partners == (), (year, code)
                assert all(PANEL.cell(a, year, column) is False for a in PANEL.partners), (year, code)
                continue
            for m in snap.participants(code):
                if m.since is not None and records_say_taking_part(m.partner, code, year) is True:
                    assert PANEL.cell(m.partner, year, column) is True, (m.partner, year, code)


# explain never says "the pages do not say" where a fact of the pages is about the column.


def test_explain_never_says_not_stated_where_the_pages_name_the_programme() -> None:
    columns = {c: c[len("prog_") :].upper().replace("_", "-") for c in PANEL.columns if c.startswith("prog_")}
    columns.update(FRAMEWORKS)
    named: dict[str, set[str]] = {}
    for r in BASE.relations:
        codes = {c.body for c in r.channels} | {p for e in r.events for p in e.programmes}
        codes |= {p for s in r.statements for p in s.programmes}
        named[r.partner] = codes
    silent = 0
    for a in PANEL.partners:
        for column, code in columns.items():
            for y in (1990, 1998, 2005, 2014, 2026):
                why = PANEL.explain(a, y, column)
                if why.rule == "not-stated":
                    silent += 1
                    assert code not in named.get(a, set()), (a, y, column)
                    assert why.evidence == ()
                if code in named.get(a, set()) and why.value is None:
                    assert "do not say whether" not in why.reason, (a, y, column, why.reason)
    assert silent > 100  # the check did run over cells the pages are silent on


@pytest.mark.parametrize(
    ("partner", "column", "years", "locator"),
    [
        ("KGZ", "prog_sr_cca", range(2004, 2027), "nato-kgz-fr#1.3.0"),  # the Special Representative's dialogue
        ("KGZ", "prog_depository_library", range(1992, 2027), "nato-kgz-fr#4.1.0"),
        ("TKM", "prog_eadrcc", range(1998, 2027), "nato-tkm-fr#4.0.2"),  # its 2014 EADRCC request
    ],
)
def test_the_87_cells_name_the_sentence_of_the_page(partner: str, column: str, years: range, locator: str) -> None:
    for y in years:
        why = PANEL.explain(partner, y, column)
        assert (why.value, why.rule) == (None, "mentioned"), (y, why)
        assert locator in [e.locator for e in why.evidence if isinstance(e, partnerdata.Evidence)]


# NATO membership, from the accession year on.


@pytest.mark.parametrize(
    ("partner", "year", "value"),
    [
        ("FIN", 2022, False),
        ("FIN", 2023, True),
        ("SWE", 2023, False),
        ("SWE", 2024, True),
        ("CZE", 1998, False),
        ("CZE", 1999, True),
        ("MNE", 2017, True),
        ("MKD", 2019, False),
        ("MKD", 2020, True),
        ("KGZ", 2026, False),
        ("CSK", 1992, False),
    ],
)
def test_nato_membership_from_the_accession_year(partner: str, year: int, value: bool) -> None:
    assert PANEL.cell(partner, year, "nato") is value


def test_a_participation_after_accession_is_kept_and_explained() -> None:
    why = PANEL.explain("FIN", 2024, "pfp")
    assert why.value is True and "NATO Ally since 2023" in why.reason
    assert "NATO Ally" not in PANEL.explain("FIN", 2022, "pfp").reason


# Codes that follow history.

# From the COW State System Membership list (v2016) and the Gleditsch-Ward list, by hand.
HAND: dict[tuple[str, str], dict[int, int | None]] = {
    ("SRB", "gwcode"): {1990: 345, 2005: 345, 2006: 340, 2026: 340},
    ("SRB", "ccode"): {1990: 345, 2006: 345, 2026: 345},
    ("MNE", "ccode"): {2005: None, 2006: 341},
    ("MNE", "gwcode"): {2005: None, 2006: 341},
    ("CZE", "ccode"): {1992: None, 1993: 316},
    ("SVK", "gwcode"): {1992: None, 1993: 317},
    ("CSK", "ccode"): {1990: 315, 1992: 315, 1993: None},
    ("HRV", "ccode"): {1991: None, 1992: 344},
    ("HRV", "gwcode"): {1990: None, 1991: 344},
    ("MKD", "ccode"): {1992: None, 1993: 343},
    ("MKD", "gwcode"): {1990: None, 1991: 343},
    ("KGZ", "ccode"): {1990: None, 1991: 703},
    ("AFG", "ccode"): {1990: 700, 2026: 700},
}


@pytest.mark.parametrize(("key", "years"), HAND.items())
def test_codes_follow_the_state_lists(key: tuple[str, str], years: dict[int, int | None]) -> None:
    partner, column = key
    for year, code in years.items():
        assert PANEL.cell(partner, year, column) == code, (partner, column, year)


def test_a_gleditsch_ward_merge_matches_every_serbia_row() -> None:
    pandas = pytest.importorskip("pandas")
    df = BASE.panel(1991, 2026).to_pandas()
    # A GW country-year table for Serbia as the list defines it: 345 to 2005, 340 from 2006.
    gw = pandas.DataFrame({"gwcode": [345] * 15 + [340] * 21, "year": list(range(1991, 2027))})
    merged = gw.merge(df, on=["gwcode", "year"], how="left")
    assert merged["alpha3"].tolist() == ["SRB"] * 36


def expected_rows(system: str) -> int:
    first = {
        "cow": {"CZE": 1993, "SVK": 1993, "MNE": 2006, "MKD": 1993, "HRV": 1992, "SVN": 1992, "BIH": 1992},
        "gw": {"CZE": 1993, "SVK": 1993, "MNE": 2006, "MKD": 1991, "HRV": 1991, "SVN": 1991, "BIH": 1992},
    }[system]
    soviet = set("EST LVA LTU MDA UKR BLR ARM GEO AZE TKM TJK KGZ UZB KAZ".split())
    total = 0
    for p in BASE.partners:
        a = p.alpha3
        lo = first.get(a, 1991 if a in soviet else 1990)
        hi = 1992 if a == "CSK" else 2026
        total += max(0, hi - max(lo, 1990) + 1)
    return total


@pytest.mark.parametrize("system", ["cow", "gw"])
def test_a_panel_keeps_only_the_years_of_a_state_system(system: str) -> None:
    panel = BASE.panel(1990, 2026, system=system)
    assert len(panel) == expected_rows(system)
    code = "ccode" if system == "cow" else "gwcode"
    assert None not in panel.column(code)
    rows = set(zip(panel.column("alpha3"), panel.column("year"), strict=True))
    assert ("CSK", 1992) in rows and ("CSK", 1993) not in rows
    assert ("CZE", 1992) not in rows and ("CZE", 1993) in rows
    assert (("HRV", 1991) in rows) is (system == "gw")
    with pytest.raises(KeyError, match="not a member"):
        panel.cell("MNE", 2000, "pfp")
    assert panel.cell("MNE", 2006, "pfp") == PANEL.cell("MNE", 2006, "pfp")


def test_a_system_panel_refuses_years_the_table_does_not_cover() -> None:
    with pytest.raises(PanelError, match="at least 1990"):
        BASE.panel(1985, 2000, system="cow")
    with pytest.raises(PanelError, match="'cow', 'gw' or None"):
        BASE.panel(1990, 2000, system="iso")


def test_codes_before_1990_are_unknown_not_todays() -> None:
    early = BASE.panel(1985, 1990)
    assert early.cell("SRB", 1989, "gwcode") is None  # not 340, which Serbia took in 2006
    assert early.explain("SRB", 1989, "gwcode").rule == "not-tabled"
    assert early.cell("SRB", 1990, "gwcode") == 345


def test_an_entity_of_ones_own_keeps_its_vocabulary_codes() -> None:
    # A vocabulary giving "SRB" other codes is another entity: the lists do not speak for it.
    other = attrs.evolve(BASE.partner("SRB"), cow=999, gw=998)
    ds = attrs.evolve(BASE, partners=[other if p.alpha3 == "SRB" else p for p in BASE.partners])
    panel = ds.panel(1990, 1991)
    cells: list[Any] = [panel.cell("SRB", 1990, "ccode"), panel.cell("SRB", 1991, "gwcode")]
    assert cells == [999, 998]
    assert panel.explain("SRB", 1990, "ccode").rule == "vocabulary"


@pytest.mark.parametrize("system", ["cow", "gw"])
def test_a_system_panel_is_the_full_panel_without_the_rows_outside_the_system(system: str) -> None:
    kept = BASE.panel(1990, 2026, system=system)
    full = {(r["alpha3"], r["year"]): r for r in PANEL.rows()}
    code = "ccode" if system == "cow" else "gwcode"
    rows = kept.rows()
    assert [(r["alpha3"], r["year"]) for r in rows] == [k for k, r in full.items() if r[code] is not None]
    for r in rows:
        assert r == full[(r["alpha3"], r["year"])]


# ISO 3166-1 codes at the end of each year, by hand from ISO 3166-3 (withdrawal dates of YUCS,
# CSXX, CSHH) and ISO's news of 23 July 2003 and September 2006: (alpha-3, alpha-2, numeric).
ISO_HAND: dict[str, dict[int, tuple[str, str, str] | None]] = {
    "SRB": {
        1992: ("YUG", "YU", "891"),
        1993: ("YUG", "YU", "891"),
        2003: ("SCG", "CS", "891"),
        2005: ("SCG", "CS", "891"),
        2006: ("SRB", "RS", "688"),
        2007: ("SRB", "RS", "688"),
    },
    "MNE": {1992: None, 1993: None, 2003: None, 2005: None, 2006: ("MNE", "ME", "499"), 2007: ("MNE", "ME", "499")},
    "CZE": {1992: None, 1993: ("CZE", "CZ", "203"), 2003: ("CZE", "CZ", "203"), 2007: ("CZE", "CZ", "203")},
    "SVK": {1992: None, 1993: ("SVK", "SK", "703"), 2005: ("SVK", "SK", "703"), 2006: ("SVK", "SK", "703")},
    "CSK": {1990: ("CSK", "CS", "200"), 1992: ("CSK", "CS", "200"), 1993: None, 2006: None},
}


@pytest.mark.parametrize(("partner", "years"), ISO_HAND.items())
def test_iso_codes_follow_iso_3166_history(partner: str, years: dict[int, tuple[str, str, str] | None]) -> None:
    for year, codes in years.items():
        got = tuple(PANEL.cell(partner, year, c) for c in ("iso_alpha3", "iso_alpha2", "iso_num"))
        assert got == (codes or (None, None, None)), (partner, year)
        assert PANEL.cell(partner, year, "alpha3") == partner  # the row key does not change


def test_iso_years_without_a_code_say_why() -> None:
    assert PANEL.explain("MNE", 2005, "iso_alpha3").rule == "not-in-iso"
    assert PANEL.explain("KGZ", 1991, "iso_alpha2").rule == "iso-unknown"  # assignment year not found
    assert PANEL.explain("SRB", 2003, "iso_num").rule == "iso-list"
    assert PANEL.cell("AFG", 1995, "iso_alpha3") == "AFG"  # no change since 1990: the vocabulary's code
