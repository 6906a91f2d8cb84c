"""Lookups by code or any name, forgiving of case, accents, apostrophes and spacing; helpful misses."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import NotFoundError
from partnerdata._model.text import fold

DS = partnerdata.load()


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("KGZ", "KGZ"),
        ("kg", "KGZ"),
        ("Kirghizistan", "KGZ"),
        ("kyrgyzstan", "KGZ"),
        ("République kirghize", "KGZ"),
        ("REPUBLIQUE   KIRGHIZE", "KGZ"),
        ("Kyrgyz Republic", "KGZ"),
        ("Turkménistan", "TKM"),
        ("turkmenistan", "TKM"),
        ("Bosnie-Herzégovine", "BIH"),
        ("bosnie herzegovine", "BIH"),
        ("Bosnia and Herzegovina", "BIH"),
    ],
)
def test_partner_lookup(key: str, code: str) -> None:
    assert DS.partner(key).alpha3 == code


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("PFP", "PFP"),
        ("PfP", "PFP"),
        ("PPP", "PFP"),
        ("Partenariat pour la paix", "PFP"),
        ("COCONA", "NACC"),
        ("Conseil de coopération nord-atlantique", "NACC"),
        ("programme OTAN pour le développement de l’intégrité", "BI"),
        ("programme OTAN pour le développement de l'intégrité", "BI"),
        ("FIAS", "ISAF"),
        ("ONU", "UN"),
    ],
)
def test_programme_lookup(key: str, code: str) -> None:
    assert DS.programme(key).code == code


def test_topic_lookup() -> None:
    assert DS.topic("cyber-defence").code == "cyber-defence"
    assert DS.topic("Cyberdéfense").code == "cyber-defence"
    assert DS.topic("réforme de la formation « défense »").code == "defence-education"


def test_relation_lookup_goes_through_the_partner() -> None:
    assert DS.relation("Kirghizistan") is DS.relation("KGZ")
    with pytest.raises(NotFoundError) as info:
        DS.relation("Géorgie")  # a known partner without relation data
    assert info.value.suggestions == ("KGZ", "TKM")


def test_misses_raise_lookup_errors_with_suggestions() -> None:
    with pytest.raises(LookupError) as info:
        DS.partner("Turkmenistn")
    assert isinstance(info.value, NotFoundError)
    assert fold(info.value.suggestions[0]) == "turkmenistan"
    assert "did you mean" in str(info.value)
    with pytest.raises(NotFoundError, match=r"^no programme matches 'XYZZY'$"):
        DS.programme("XYZZY")
    with pytest.raises(NotFoundError):
        DS.source("nope")
    with pytest.raises(TypeError):
        DS.partner(417)  # type: ignore[arg-type]


def _accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


NAMES = [(n, p.alpha3) for p in DS.partners for n in (p.name.fr, p.name.en, *p.aliases) if n]


@given(st.sampled_from(NAMES), st.booleans(), st.booleans(), st.integers(1, 3))
def test_any_spelling_of_any_name_finds_its_partner(
    entry: tuple[str, str], upper: bool, strip_accents: bool, spaces: int
) -> None:
    name, code = entry
    variant = name.upper() if upper else name.lower()
    if strip_accents:
        variant = _accents(variant)
    variant = (" " * spaces).join(variant.split(" ")).replace("'", "\u2019")
    assert DS.partner(f" {variant} ").alpha3 == code


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
