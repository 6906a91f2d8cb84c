"""The panel's codebook: every rule a cell can be decided by, and what each column means.

The rules the panel applies (``_query/panel.py``) return a rule identifier; :data:`RULES` is the
one table that says, for each identifier, what kind of source decided the cell (the *provenance*:
``page``, ``vocabulary``, ``inference``, ``unknown`` or ``row``) and what the rule says. The
codebook of a panel (:meth:`partnerdata.Panel.codebook`), the per-cell provenance and the docs
page ``docs/codebook.rst`` are all made from it, and a test checks that every rule a cell of the
packaged panel reports is in it and in its column's entry.
"""

from typing import Any

__all__ = ["FAMILY_RULES", "PROVENANCE", "RULES", "column_entry", "family_of", "provenance_of"]

#: The kinds of source a cell can rest on.
PROVENANCE = ("page", "vocabulary", "inference", "unknown", "row")

#: Rule identifier -> (provenance, what the rule says).
RULES: dict[str, tuple[str, str]] = {
    "not-founded": ("vocabulary", "no: the programme was founded after the year (vocabulary)"),
    "ended": ("vocabulary", "no: the programme ended before the year; its last year still counts (vocabulary)"),
    "started": ("page", "yes: the pages date the partner's start to this year or earlier"),
    "left": ("page", "no: the pages date the end of the partner's participation before the year"),
    "suspended": ("page", "no: the pages date a suspension before the year, not resumed by it"),
    "began-through": ("page", "yes: the pages say the partner's relations or cooperation began through it"),
    "succeeded": (
        "inference",
        "yes: the partner took part in the forum this one replaced until its end, and the pages state "
        "that the successor brings together all partners (the sentence is the evidence)",
    ),
    "not-yet-started": ("page", "no: the pages date the partner's start after the year"),
    "before-relations": ("page", "no: the pages date the start of the partner's relations with NATO after the year"),
    "start-not-stated": ("unknown", "unknown: the pages say the partner takes part but not since when"),
    "not-in-framework": ("vocabulary", "no: the vocabulary lists the partner's frameworks, without this one"),
    "framework-undated": ("unknown", "unknown: the vocabulary lists this framework for the partner, without years"),
    "mentioned": (
        "unknown",
        "unknown: the pages name the programme for the partner (a statement, a channel or a dated "
        "event) without saying since when it takes part (the sentences are the evidence)",
    ),
    "not-stated": ("unknown", "unknown: the pages say nothing about it"),
    "no-relation": ("unknown", "unknown: the dataset has no relation data for the partner"),
    "vocabulary": ("vocabulary", "the partner vocabulary's code"),
    "state-list": ("vocabulary", "the code the state held that year in the published state list"),
    "not-in-system": ("vocabulary", "none: the state was not a member of that state system in the year"),
    "iso-list": ("vocabulary", "the ISO 3166-1 code in force at the end of the year (ISO 3166-1 and 3166-3)"),
    "not-in-iso": ("vocabulary", "none: the partner had no ISO 3166-1 code of its own at the end of the year"),
    "iso-unknown": ("unknown", "unknown: the year the partner's ISO 3166-1 code was first assigned was not found"),
    "no-code": ("unknown", "none: the partner has no such code"),
    "not-tabled": ("unknown", "unknown: the state lists are followed from 1990 on, not in earlier years"),
    "row": ("row", "the year of the row"),
    "member": ("vocabulary", "yes: the partner joined NATO as an Ally in this year or earlier"),
    "not-yet-member": ("vocabulary", "no: the partner joined NATO after the year"),
    "not-member": ("vocabulary", "no: the vocabulary gives the partner no year of accession to NATO"),
    "plan": ("page", "the cooperation plan the pages name, in the year they were read"),
    "stance": ("page", "the stance the pages state, in the year they were read"),
    "undated": ("unknown", "unknown: the fact is not dated; it is known only for the year the pages were read"),
    "events": ("page", "the number of events the pages date to the year"),
}

#: Column family -> the rules that can decide a cell of it.
FAMILY_RULES: dict[str, tuple[str, ...]] = {
    "key": ("vocabulary",),
    "iso": ("vocabulary", "no-code"),
    "iso_year": ("iso-list", "not-in-iso", "iso-unknown", "not-tabled", "vocabulary", "no-code"),
    "state": ("state-list", "not-in-system", "not-tabled", "vocabulary", "no-code"),
    "year": ("row",),
    "framework": (
        "not-founded", "ended", "started", "left", "suspended", "began-through", "succeeded",
        "not-yet-started", "before-relations", "start-not-stated", "not-in-framework", "framework-undated",
        "mentioned", "not-stated", "no-relation",
    ),
    "programme": (
        "not-founded", "ended", "started", "left", "suspended", "began-through", "succeeded",
        "not-yet-started", "before-relations", "start-not-stated", "mentioned", "not-stated", "no-relation",
    ),
    "nato": ("member", "not-yet-member", "not-member"),
    "plan": ("plan", "undated", "not-stated", "no-relation"),
    "stance": ("stance", "undated", "not-stated", "no-relation"),
    "events": ("events", "no-relation"),
}  # fmt: skip

_MEANINGS = {
    "alpha3": "the partner: its ISO 3166-1 alpha-3 code in the vocabulary (today's, or the last it had), the "
    "same in every year; the panel's key",
    "alpha2": "the partner's ISO 3166-1 alpha-2 code in the vocabulary, the same in every year",
    "iso_numeric": "the partner's ISO 3166-1 numeric code in the vocabulary, as text with its leading zeros",
    "ccode": "the Correlates of War state number the state held in that year (State System Membership v2016)",
    "gwcode": "the Gleditsch-Ward state number the state held in that year (list of independent states)",
    "year": "the year of the row",
    "iso_alpha3": "the ISO 3166-1 alpha-3 code the partner held at the end of that year (SCG for Serbia in 2005)",
    "iso_alpha2": "the ISO 3166-1 alpha-2 code the partner held at the end of that year (CS for Serbia in 2005)",
    "iso_num": "the ISO 3166-1 numeric code the partner held at the end of that year, as text with its leading zeros",
    "nacc": "takes part in the North Atlantic Cooperation Council (NACC, 1991-1997) in that year",
    "eapc": "takes part in the Euro-Atlantic Partnership Council (EAPC, from 1997) in that year",
    "pfp": "takes part in the Partnership for Peace (PfP, from 1994) in that year",
    "md": "takes part in the Mediterranean Dialogue (from 1994) in that year",
    "ici": "takes part in the Istanbul Cooperation Initiative (from 2004) in that year",
    "patg": "is one of NATO's partners across the globe in that year",
    "nato": "is a NATO member (an Ally) in that year: from the year of accession on",
    "plan": "the cooperation plan in force (IPP, IPCP, IPAP, ITPP ...), as a programme code",
    "neutrality": "the partner states a policy of permanent neutrality",
    "contributes_forces": "the partner makes forces available to NATO-led operations",
    "contributes_infrastructure": "the partner makes infrastructure available to NATO-led operations",
    "events": "how many dated events of the partner's pages began in that year",
}

_VALUES = {
    "bool": "true (yes), false (no), empty/null (unknown)",
    "int": "an integer, empty/null where there is none",
    "str": "text, empty/null where there is none",
}


def family_of(column: str) -> str:
    """The family of a column: which rules can decide it.

    >>> family_of("pfp"), family_of("prog_sps"), family_of("gwcode"), family_of("neutrality")
    ('framework', 'programme', 'state', 'stance')
    """
    if column.startswith("prog_"):
        return "programme"
    return {
        "alpha3": "key",
        "alpha2": "iso",
        "iso_numeric": "iso",
        "ccode": "state",
        "gwcode": "state",
        "iso_alpha3": "iso_year",
        "iso_alpha2": "iso_year",
        "iso_num": "iso_year",
        "year": "year",
        "nato": "nato",
        "plan": "plan",
        "events": "events",
        "neutrality": "stance",
        "contributes_forces": "stance",
        "contributes_infrastructure": "stance",
    }.get(column, "framework")


def provenance_of(rule: str) -> str:
    """The kind of source a rule rests on: ``page``, ``vocabulary``, ``inference``, ``unknown`` or ``row``.

    >>> provenance_of("started"), provenance_of("ended"), provenance_of("succeeded"), provenance_of("not-stated")
    ('page', 'vocabulary', 'inference', 'unknown')
    """
    return RULES[rule][0]


def column_entry(column: str, kind: str, *, programme: str | None, edition: int | None) -> dict[str, Any]:
    """The codebook entry of one column: its meaning, values, rules and the years it can be known.

    ``programme`` is the programme code a ``prog_`` column stands for; ``edition`` the year the
    pages were read (the only year the plan and stances can be known).

    >>> entry = column_entry("prog_sps", "bool", programme="SPS", edition=2026)
    >>> entry["meaning"], entry["rules"][:2]
    ('takes part in the programme SPS in that year', ['not-founded', 'ended'])
    """
    family = family_of(column)
    meaning = _MEANINGS.get(column) or f"takes part in the programme {programme} in that year"
    if family in ("plan", "stance"):
        years = (
            f"only {edition}, the year the pages were read; unknown in every other year"
            if edition is not None
            else "no year: the data version gives no year the pages were read"
        )
    elif family == "state":
        years = "from 1990 on, year by year; unknown before 1990 (the vocabulary's code for a partner not tabled)"
    elif family == "iso_year":
        years = (
            "from 1990 on, year by year (unknown where the year of assignment was not found); unknown "
            "before 1990 for a partner whose codes changed; the vocabulary's codes for the others"
        )
    elif family in ("framework", "programme"):
        years = "every year: no before the programme existed, then as the pages date it, unknown where they do not"
    else:
        years = "every year"
    return {
        "column": column,
        "kind": kind,
        "meaning": meaning,
        "values": _VALUES[kind],
        "rules": list(FAMILY_RULES[family]),
        "years": years,
    }
