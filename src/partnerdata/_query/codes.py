"""State codes that follow history: the COW, Gleditsch-Ward and ISO 3166-1 codes of each partner, year by year.

The vocabulary gives each partner one ``cow`` and one ``gw`` code, the one it holds today (or
last held). The two state systems say more: when a state was a member, and which code it had
then. Serbia is Gleditsch-Ward 345 (Yugoslavia) until June 2006 and 340 after; Czechia and
Slovakia exist from 1993 and Czechoslovakia until 1992; Montenegro from 2006. This module holds
those facts for the partners of the packaged vocabulary, from 1990 (the year before NACC, the
first partnership forum) on, and answers, for one partner and year, its code in each system.

Sources, as published by the two projects (see ``docs/codes.rst``):

- Correlates of War Project, *State System Membership List*, v2016 (states2016): entry and exit
  dates, through 31 December 2016.
- Gleditsch, Kristian S. and Michael D. Ward (1999), "Interstate System Membership: A Revised List
  of the Independent States since 1816", *International Interactions* 25: 393-413, and the list
  as updated on ksgleditsch.com (independent states, through 2020).

Two conventions, the usual ones for country-year data:

- a state is a member in a year if it was a member on any day of that year (Kyrgyzstan joined
  COW on 26 December 1991: 1991 is a COW year of Kyrgyzstan);
- the code of a year is the one the state held on the last day of that year that it was a member
  (Serbia's 2006 is Gleditsch-Ward 340, the code it took on 5 June 2006).

A state still in a list at the list's end is taken to continue to the years after it: no partner
of the table has left either system since, and both lists are updated only every few years.

ISO 3166-1 codes change too, and :data:`ISO_CHANGED` holds them, year by year from 1990, for the
partners whose alpha-2, alpha-3 or numeric code changed or was first assigned since (same
convention: the code a year has is the one in force on its last day). Sources:

- ISO 3166-3 (codes for formerly used country names), as published in the Debian ``iso-codes``
  package (``iso_3166-3.json``, version 4.15.0), which gives each withdrawn entry its withdrawal
  date: YUCS (Yugoslavia YU/YUG/891, numeric 890 until 27.4.1992) 23.7.2003, CSXX (Serbia and
  Montenegro CS/SCG/891) 26.9.2006, CSHH (Czechoslovakia CS/CSK/200) 15.6.1993, SUHH (USSR
  SU/SUN/810, divided into the successor states' codes) 30.8.1992, BYAA (Byelorussian SSR
  BY/BYS/112) 15.6.1992;
- ISO 3166 Maintenance Agency, news of 23.7.2003 (CS/SCG/891 for Serbia and Montenegro) and ISO
  news of September 2006 (RS/SRB for Serbia, ME/MNE for Montenegro); ISO 3166-3:2020, 4.3
  (Czechoslovakia divided into CZ and SK in 1993).

The year a post-Soviet successor's code was first assigned was not found (ISO 3166-3 dates only
the withdrawal of SU, in 1992): 1990 and 1991 are unknown for them. Nor was the year of HR, SI,
BA and MK: every year before 2026 is unknown for them, rather than guessed (see ``docs/codes.rst``).
"""

from collections.abc import Mapping

__all__ = [
    "ISO_CHANGED",
    "SYSTEMS",
    "TABLE_START",
    "IsoCodes",
    "IsoSpell",
    "Spell",
    "by_year",
    "code_in",
    "iso_by_year",
    "iso_in",
    "iso_spells",
    "spells",
    "tabled",
]

#: The state systems a panel can follow: Correlates of War and Gleditsch-Ward.
SYSTEMS = ("cow", "gw")
#: The first year the table covers; before it a partner's code is the vocabulary's.
TABLE_START = 1990

#: One stretch of membership: the code, the first year and the last year (``None``: to this day).
Spell = tuple[int, int, int | None]

# Partners that were members of both systems from 1990 on under the code the vocabulary gives
# them, with no change since: the code, once for both systems (COW and GW agree for all of them).
_STEADY: Mapping[str, int] = {
    "AFG": 700, "ALB": 339, "ARE": 696, "AUS": 900, "AUT": 305, "BGR": 355, "BHR": 692, "CHE": 225,
    "COL": 100, "DZA": 615, "EGY": 651, "FIN": 375, "HUN": 310, "IRL": 205, "IRQ": 645, "ISR": 666,
    "JOR": 663, "JPN": 740, "KOR": 732, "KWT": 690, "MAR": 600, "MLT": 338, "MNG": 712, "MRT": 435,
    "NZL": 920, "PAK": 770, "POL": 290, "QAT": 694, "ROU": 360, "RUS": 365, "SWE": 380, "TUN": 616,
}  # fmt: skip

# Partners whose membership began, ended or changed code after 1990: (COW spells, GW spells).
# The dates behind each year are in the comment (day.month.year of entry or exit in the list).
_CHANGED: Mapping[str, tuple[tuple[Spell, ...], tuple[Spell, ...]]] = {
    # Czechoslovakia: both lists end it on 31.12.1992; Czechia and Slovakia enter on 1.1.1993.
    "CSK": (((315, 1990, 1992),), ((315, 1990, 1992),)),
    "CZE": (((316, 1993, None),), ((316, 1993, None),)),
    "SVK": (((317, 1993, None),), ((317, 1993, None),)),
    # Serbia: COW keeps Yugoslavia's 345 to this day; GW ends Yugoslavia (345) on 4.6.2006 and
    # lists Serbia as 340 from 5.6.2006.
    "SRB": (((345, 1990, None),), ((345, 1990, 2005), (340, 2006, None))),
    # Montenegro: COW from 12.6.2006, GW from 3.6.2006.
    "MNE": (((341, 2006, None),), ((341, 2006, None),)),
    # The other successors of Yugoslavia. COW: Croatia and Slovenia 15.1.1992, Bosnia and
    # Herzegovina 7.4.1992, North Macedonia 8.4.1993. GW: Croatia and Slovenia 1991, North
    # Macedonia 20.11.1991, Bosnia and Herzegovina 27.4.1992.
    "HRV": (((344, 1992, None),), ((344, 1991, None),)),
    "SVN": (((349, 1992, None),), ((349, 1991, None),)),
    "BIH": (((346, 1992, None),), ((346, 1992, None),)),
    "MKD": (((343, 1993, None),), ((343, 1991, None),)),
    # The successors of the Soviet Union enter both lists in 1991 (COW: the Baltic states on
    # 6.9.1991, the others on 26.12.1991; GW: between 25.8 and 21.12.1991).
    "EST": (((366, 1991, None),), ((366, 1991, None),)),
    "LVA": (((367, 1991, None),), ((367, 1991, None),)),
    "LTU": (((368, 1991, None),), ((368, 1991, None),)),
    "MDA": (((359, 1991, None),), ((359, 1991, None),)),
    "UKR": (((369, 1991, None),), ((369, 1991, None),)),
    "BLR": (((370, 1991, None),), ((370, 1991, None),)),
    "ARM": (((371, 1991, None),), ((371, 1991, None),)),
    "GEO": (((372, 1991, None),), ((372, 1991, None),)),
    "AZE": (((373, 1991, None),), ((373, 1991, None),)),
    "TKM": (((701, 1991, None),), ((701, 1991, None),)),
    "TJK": (((702, 1991, None),), ((702, 1991, None),)),
    "KGZ": (((703, 1991, None),), ((703, 1991, None),)),
    "UZB": (((704, 1991, None),), ((704, 1991, None),)),
    "KAZ": (((705, 1991, None),), ((705, 1991, None),)),
}


def spells(alpha3: str, system: str) -> tuple[Spell, ...] | None:
    """The tabled membership of a partner in ``"cow"`` or ``"gw"`` from 1990, or ``None`` if not tabled.

    >>> spells("SRB", "gw")
    ((345, 1990, 2005), (340, 2006, None))
    >>> spells("CZE", "cow"), spells("XYZ", "cow")
    (((316, 1993, None),), None)
    """
    if system not in SYSTEMS:
        raise ValueError(f"system must be one of {', '.join(SYSTEMS)}, not {system!r}")
    changed = _CHANGED.get(alpha3)
    if changed is not None:
        return changed[SYSTEMS.index(system)]
    code = _STEADY.get(alpha3)
    return None if code is None else ((code, TABLE_START, None),)


def tabled(alpha3: str, cow: int | None, gw: int | None) -> bool:
    """Whether the table speaks for this partner: its alpha-3 is tabled and its codes are the table's latest.

    A vocabulary of one's own may give an alpha-3 of the table to another entity, or other codes;
    the table then stays silent and the vocabulary's codes hold.

    >>> tabled("SRB", 345, 340), tabled("SRB", 345, 345), tabled("CSK", 315, 315)
    (True, False, True)
    """
    for system, code in zip(SYSTEMS, (cow, gw), strict=True):
        held = spells(alpha3, system)
        if held is None or held[-1][0] != code:
            return False
    return True


def code_in(held: tuple[Spell, ...], year: int) -> int | None:
    """The code of ``year`` in a tabled membership, or ``None`` if the state was not a member then.

    >>> code_in(((345, 1990, 2005), (340, 2006, None)), 2005), code_in(((316, 1993, None),), 1992)
    (345, None)
    """
    return by_year(held, year, year)[0]


def by_year(held: tuple[Spell, ...], start: int, end: int) -> list[int | None]:
    """The code of each year from ``start`` to ``end`` in a tabled membership (``None``: not a member).

    >>> by_year(((345, 1990, 2005), (340, 2006, None)), 2004, 2007)
    [345, 345, 340, 340]
    """
    out: list[int | None] = [None] * max(0, end - start + 1)
    for code, first, last in held:  # spells in order: a later one overwrites, so a year gets its end-of-year code
        a = max(first, start)
        b = end if last is None else min(last, end)
        if a <= b:
            out[a - start : b - start + 1] = [code] * (b - a + 1)
    return out


#: ISO 3166-1 alpha-2, alpha-3 and numeric codes (numeric as text, with its leading zeros).
IsoCodes = tuple[str, str, str]
#: One stretch of ISO codes: the codes (``None``: unknown), the first year and the last (``None``: today).
IsoSpell = tuple[IsoCodes | None, int, int | None]

# The partners whose ISO 3166-1 codes changed, or were first assigned, after 1990. A year no
# spell covers is a year the partner had no code of its own; a spell of ``None`` codes is a
# stretch of years whose codes were not found. Dates: the withdrawal in ISO 3166-3 (iso-codes).
_SOVIET_UNKNOWN: IsoSpell = (None, 1990, 1991)  # SU withdrawn 30.8.1992; successors' dates not found
# HR, SI, BA, MK: no source found dates their codes, so every year is unknown but the data's own
# (2026), in which the vocabulary's codes are checked against ISO 3166-1 as published today.
_YUGOSLAV_UNKNOWN: IsoSpell = (None, 1990, 2025)
ISO_CHANGED: Mapping[str, tuple[IsoSpell, ...]] = {
    # Yugoslavia YU/YUG, numeric 890 until 27.4.1992 then 891; CS/SCG from 23.7.2003; RS/SRB
    # (numeric 688) from September 2006, when CS/SCG was withdrawn (26.9.2006).
    "SRB": (
        (("YU", "YUG", "890"), 1990, 1991),
        (("YU", "YUG", "891"), 1992, 2002),
        (("CS", "SCG", "891"), 2003, 2005),
        (("RS", "SRB", "688"), 2006, None),
    ),
    # Montenegro: no code of its own before ME/MNE (September 2006).
    "MNE": ((("ME", "MNE", "499"), 2006, None),),
    # Czechoslovakia CS/CSK/200, withdrawn 15.6.1993; Czechia and Slovakia coded in 1993.
    "CSK": ((("CS", "CSK", "200"), 1990, 1992),),
    "CZE": ((("CZ", "CZE", "203"), 1993, None),),
    "SVK": ((("SK", "SVK", "703"), 1993, None),),
    # Byelorussian SSR BY/BYS/112, withdrawn (renamed, BYAA) 15.6.1992.
    "BLR": ((("BY", "BYS", "112"), 1990, 1991), (("BY", "BLR", "112"), 1992, None)),
    # The successors of the USSR in SUHH (Ukraine, coded before, is not among them).
    "ARM": (_SOVIET_UNKNOWN, (("AM", "ARM", "051"), 1992, None)),
    "AZE": (_SOVIET_UNKNOWN, (("AZ", "AZE", "031"), 1992, None)),
    "EST": (_SOVIET_UNKNOWN, (("EE", "EST", "233"), 1992, None)),
    "GEO": (_SOVIET_UNKNOWN, (("GE", "GEO", "268"), 1992, None)),
    "KAZ": (_SOVIET_UNKNOWN, (("KZ", "KAZ", "398"), 1992, None)),
    "KGZ": (_SOVIET_UNKNOWN, (("KG", "KGZ", "417"), 1992, None)),
    "LVA": (_SOVIET_UNKNOWN, (("LV", "LVA", "428"), 1992, None)),
    "LTU": (_SOVIET_UNKNOWN, (("LT", "LTU", "440"), 1992, None)),
    "MDA": (_SOVIET_UNKNOWN, (("MD", "MDA", "498"), 1992, None)),
    "RUS": (_SOVIET_UNKNOWN, (("RU", "RUS", "643"), 1992, None)),
    "TJK": (_SOVIET_UNKNOWN, (("TJ", "TJK", "762"), 1992, None)),
    "TKM": (_SOVIET_UNKNOWN, (("TM", "TKM", "795"), 1992, None)),
    "UZB": (_SOVIET_UNKNOWN, (("UZ", "UZB", "860"), 1992, None)),
    # The successors of the Socialist Federal Republic of Yugoslavia other than Serbia and Montenegro.
    "HRV": (_YUGOSLAV_UNKNOWN, (("HR", "HRV", "191"), 2026, None)),
    "SVN": (_YUGOSLAV_UNKNOWN, (("SI", "SVN", "705"), 2026, None)),
    "BIH": (_YUGOSLAV_UNKNOWN, (("BA", "BIH", "070"), 2026, None)),
    "MKD": (_YUGOSLAV_UNKNOWN, (("MK", "MKD", "807"), 2026, None)),
}


def iso_spells(alpha3: str, alpha2: str | None, numeric: str | None) -> tuple[IsoSpell, ...] | None:
    """The tabled ISO codes of a partner from 1990, or ``None`` if the table does not speak for it.

    The table speaks for a partner whose vocabulary codes are the table's latest (a vocabulary of
    one's own may give a tabled alpha-3 to another entity); for the others the vocabulary's hold.

    >>> iso_spells("MNE", "ME", "499")
    ((('ME', 'MNE', '499'), 2006, None),)
    >>> iso_spells("MNE", "XX", "499"), iso_spells("AFG", "AF", "004")
    (None, None)
    """
    held = ISO_CHANGED.get(alpha3)
    if held is None or held[-1][0] != (alpha2, alpha3, numeric):
        return None
    return held


def iso_in(held: tuple[IsoSpell, ...], year: int) -> tuple[str, IsoCodes | None]:
    """The rule and the ISO codes of ``year`` (from 1990) in a tabled history.

    The rule is ``iso-list`` (the codes in force at the end of the year), ``iso-unknown`` (the
    year's codes were not found) or ``not-in-iso`` (no code of its own that year).

    >>> iso_in(ISO_CHANGED["SRB"], 2005), iso_in(ISO_CHANGED["CZE"], 1992)[0]
    (('iso-list', ('CS', 'SCG', '891')), 'not-in-iso')
    """
    for codes, first, last in held:
        if first <= year and (last is None or year <= last):
            return ("iso-unknown", None) if codes is None else ("iso-list", codes)
    return "not-in-iso", None


def iso_by_year(held: tuple[IsoSpell, ...], start: int, end: int) -> list[IsoCodes | None]:
    """The ISO codes of each year from ``start`` to ``end`` (from 1990), ``None`` where none or unknown.

    >>> [c and c[1] for c in iso_by_year(ISO_CHANGED["SRB"], 2002, 2006)]
    ['YUG', 'SCG', 'SCG', 'SCG', 'SRB']
    """
    out: list[IsoCodes | None] = [None] * max(0, end - start + 1)
    for codes, first, last in held:
        a = max(first, start)
        b = end if last is None else min(last, end)
        if codes is not None and a <= b:
            out[a - start : b - start + 1] = [codes] * (b - a + 1)
    return out
