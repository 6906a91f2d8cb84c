"""State codes that follow history: the COW and Gleditsch-Ward code of each partner, year by year.

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
"""

from collections.abc import Mapping

__all__ = ["SYSTEMS", "TABLE_START", "Spell", "by_year", "code_in", "spells", "tabled"]

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
