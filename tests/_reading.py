"""What the hand-written reading tests share: short pages of one partner, and the facts they compare.

A case is a short page: a title naming the partner, an opening sentence naming nothing, then the
lines under test. ``since`` and ``start`` put the facts read in the form the cases write by hand.
"""

from typing import Any

import partnerdata

DS = partnerdata.load()

# The title and an opening sentence, per partner and language.
HEADS = {
    ("KAZ", "en"): "Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n",
    ("KAZ", "fr"): "Relations avec le Kazakhstan\nL’OTAN et le Kazakhstan coopèrent.\n",
    ("MNG", "en"): "Relations with Mongolia\nNATO and Mongolia cooperate.\n",
    ("MNG", "fr"): "Relations avec la Mongolie\nL’OTAN et la Mongolie coopèrent.\n",
    ("DZA", "en"): "Relations with Algeria\nNATO and Algeria cooperate.\n",
    ("DZA", "fr"): "Relations avec l’Algérie\nL’OTAN et l’Algérie coopèrent.\n",
    ("AUT", "en"): "Relations with Austria\nNATO and Austria cooperate.\n",
    ("AUT", "fr"): "Relations avec l’Autriche\nL’OTAN et l’Autriche coopèrent.\n",
    ("QAT", "en"): "Relations with Qatar\nNATO and Qatar cooperate.\n",
    ("QAT", "fr"): "Relations avec le Qatar\nL’OTAN et le Qatar coopèrent.\n",
    ("KWT", "en"): "Relations with Kuwait\nNATO and Kuwait cooperate.\n",
    ("KWT", "fr"): "Relations avec le Koweït\nL’OTAN et le Koweït coopèrent.\n",
    ("AFG", "en"): "Relations with Afghanistan\nNATO and Afghanistan cooperate.\n",
    ("AFG", "fr"): "Relations avec l’Afghanistan\nL’OTAN et l’Afghanistan coopèrent.\n",
}


def read(body: str, lang: str, partner: str = "KAZ") -> partnerdata.Relation:
    """The relation read from the page of ``partner`` in ``lang`` whose lines after the head are ``body``."""
    return partnerdata.extract(HEADS[partner, lang] + body, vocabulary=DS).relation


def since(relation: partnerdata.Relation) -> dict[str, int | None]:
    """Each participation's programme and start year."""
    return {p.programme: p.since for p in relation.participations}


def start(milestone: Any) -> tuple[int, str | None] | None:
    """A milestone as (year, framework it came through), or None."""
    return None if milestone is None else (milestone.year, milestone.via)


def lines(body: str, lang: str, partner: str = "KAZ") -> partnerdata.Relation:
    """The relation read from a page whose lines after the head are ``body``'s lines, each a bullet."""
    return read("\n".join("- " + line for line in body.split("\n")), lang, partner)


def events(relation: partnerdata.Relation) -> list[str]:
    """Each event as its ISO date, or "START..END" for a range."""
    return [e.date.isoformat() if e.end is None else f"{e.date.isoformat()}..{e.end}" for e in relation.events]
