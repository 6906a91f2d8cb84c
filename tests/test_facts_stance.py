"""The fact step of the partner's stance (``_ingest/facts_stance.py``) on its own.

Every expectation is written by hand from the sentences: neutrality, forces and infrastructure
for NATO-led operations (None where the page is silent), and units designated for a purpose.
"""

import pytest
from _facts import context

from partnerdata._ingest import facts_stance


def _stance(
    body: str, lang: str = "en", partner: str = "KAZ"
) -> tuple[bool | None, bool | None, bool | None, list[str]]:
    """(neutrality, forces, infrastructure, evidence locators) of the stance read from ``body``."""
    stance = facts_stance.stance(context(body, lang, partner))
    return (
        stance.permanent_neutrality,
        stance.contributes_forces,
        stance.contributes_infrastructure,
        [ev.locator for ev in stance.evidence],
    )


@pytest.mark.parametrize(
    ("body", "lang", "partner", "expected"),
    [
        ("- Austria keeps its permanent neutrality.\n", "en", "AUT", (True, None, None, ["test#1.0.0"])),
        ("- L’Autriche conserve sa neutralité permanente.\n", "fr", "AUT", (True, None, None, ["test#1.0.0"])),
        ("- Kazakhstan contributes troops to NATO-led operations.\n", "en", "KAZ", (None, True, None, ["test#1.0.0"])),
        (
            "- Le Kazakhstan fournit des troupes aux opérations dirigées par l’OTAN.\n",
            "fr",
            "KAZ",
            (None, True, None, ["test#1.0.0"]),
        ),
        # A refusal is an answer: no.
        (
            "- Kazakhstan does not contribute troops to NATO-led operations.\n",
            "en",
            "KAZ",
            (None, False, None, ["test#1.0.0"]),
        ),
        (
            "- Le Kazakhstan ne fournit pas de troupes aux opérations dirigées par l’OTAN.\n",
            "fr",
            "KAZ",
            (None, False, None, ["test#1.0.0"]),
        ),
        # Troops on the side that does not speak of NATO-led operations are not given to them.
        (
            "- Kazakhstan does not contribute troops to NATO-led operations, but a battalion is being trained.\n",
            "en",
            "KAZ",
            (None, False, None, ["test#1.0.0"]),
        ),
        # A yes anywhere on the page outweighs a no.
        (
            "- Kazakhstan contributes troops to NATO-led operations.\n"
            "- Kazakhstan does not contribute troops to NATO-led operations.\n",
            "en",
            "KAZ",
            (None, True, None, ["test#1.0.0", "test#1.1.0"]),
        ),
        # Airfields for Allied aircraft, transit for an operation: infrastructure.
        ("- Kazakhstan opened its airfields to Allied aircraft.\n", "en", "KAZ", (None, None, True, ["test#1.0.0"])),
        ("- Kazakhstan allowed the transit of supplies for ISAF.\n", "en", "KAZ", (None, None, True, ["test#1.0.0"])),
        (
            "- Le Kazakhstan a autorisé le transit de fournitures pour la FIAS.\n",
            "fr",
            "KAZ",
            (None, None, True, ["test#1.0.0"]),
        ),
        # Officers trained are no units given; silence is no answer.
        ("- Kazakh officers went through courses at NATO schools.\n", "en", "KAZ", (None, None, None, [])),
        ("- Kazakhstan takes part in the Partnership for Peace.\n", "en", "KAZ", (None, None, None, [])),
    ],
)
def test_stance(
    body: str, lang: str, partner: str, expected: tuple[bool | None, bool | None, bool | None, list[str]]
) -> None:
    assert _stance(body, lang, partner) == expected


@pytest.mark.parametrize(
    ("body", "lang", "purpose"),
    [
        (
            "- Kazakhstan has designated units for United Nations peacekeeping operations.\n",
            "en",
            "designated units for United Nations peacekeeping operations",
        ),
        (
            "- Le Kazakhstan a mis à disposition des unités pour les opérations de maintien de la paix des "
            "Nations unies.\n",
            "fr",
            "mis à disposition des unités pour les opérations de maintien de la paix des Nations unies",
        ),
    ],
)
def test_units_designated_for_a_purpose(body: str, lang: str, purpose: str) -> None:
    stance = facts_stance.stance(context(body, lang))
    assert [(d.purpose.en or d.purpose.fr, d.organisation, d.topics) for d in stance.designations] == [
        (purpose, "UN", ("peacekeeping",))
    ]
    assert stance.evidence == ()  # a designation is no answer about NATO-led operations


def test_units_not_designated_are_no_designation() -> None:
    body = "- Kazakhstan has not designated units for United Nations peacekeeping operations.\n"
    assert facts_stance.stance(context(body)).designations == ()
