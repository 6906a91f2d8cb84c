"""Lookups by code or any name, forgiving of case, accents, apostrophes and spacing; helpful misses."""

import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import NotFoundError
from partnerdata._model.text import fold

DS = partnerdata.load()


def _two_partners() -> partnerdata.Dataset:
    """The packaged vocabularies with relation data for KGZ and TKM only: every other partner is known but lacks it."""
    return attrs.evolve(DS, relations=[DS.relation("KGZ"), DS.relation("TKM")])


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
    assert DS.relation("Géorgie") is DS.relation("GEO")
    two = _two_partners()
    assert two.relation("Kirghizistan") is two.relation("KGZ")
    with pytest.raises(NotFoundError) as info:
        two.relation("Géorgie")  # a known partner without relation data
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


def test_relation_participation_reads_codes_in_any_case_and_refuses_names() -> None:
    """Regression: relation.participation("PfP"), ("sps") or a French name silently returned None."""
    kgz = partnerdata.load().relation("KGZ")
    pfp = kgz.participation("PFP")
    assert pfp is not None
    assert kgz.participation("PfP") is pfp
    assert kgz.participation(" pfp ") is pfp
    sps = kgz.participation("sps")
    assert sps is not None
    assert sps.since == 1993
    assert kgz.participation("ISAF") is None  # a code it has no participation in
    with pytest.raises(partnerdata.NotFoundError, match="not a programme code"):
        kgz.participation("Partenariat pour la paix")
    with pytest.raises(TypeError):
        kgz.participation(None)  # type: ignore[arg-type]


def test_dataset_participation_accepts_any_code_or_name_and_raises_on_a_miss() -> None:
    ds = partnerdata.load()
    for partner in ("KGZ", "kg", "Kirghizistan", "Kyrgyz Republic"):
        for programme in ("PFP", "PfP", "ppp", "Partenariat pour la paix", "Partnership for Peace"):
            assert ds.participation(partner, programme).since == 1994
    with pytest.raises(partnerdata.NotFoundError, match="TKM has no participation in BI"):
        ds.participation("Turkménistan", "Building Integrity Programme")
    assert ds.participation("KAZ", "PFP").since == 1995
    with pytest.raises(partnerdata.NotFoundError, match="no relation"):
        _two_partners().participation("KAZ", "PFP")


def test_known_partner_without_relation_data_is_told_so() -> None:
    """Regression: ds.relation("KAZ") said "did you mean 'KGZ'" although KAZ is a known partner."""
    ds = _two_partners()
    with pytest.raises(partnerdata.NotFoundError) as caught:
        ds.relation("KAZ")
    message = str(caught.value)
    assert "KAZ (Kazakhstan) is a known partner" in message
    assert "partners with relation data: KGZ, TKM" in message
    assert "did you mean" not in message


def test_source_accepts_close_ids_and_suggests_on_a_miss() -> None:
    ds = partnerdata.load()
    kgz = ds.source("nato-kgz-fr")
    assert ds.source("NATO-KGZ-FR") is kgz
    assert ds.source(" nato_kgz fr ") is kgz
    with pytest.raises(partnerdata.NotFoundError) as caught:
        ds.source("nato-kgz-en")
    assert caught.value.suggestions[0] == "nato-kgz-fr"


def test_exact_key_variants_return_none_on_a_miss() -> None:
    ds = partnerdata.load()
    assert ds.get_partner("KGZ") is ds.partner("KGZ")
    assert ds.get_partner("Kirghizistan") is None  # exact codes only
    assert ds.get_relation("KAZ") is ds.relation("KAZ")
    assert ds.get_relation("Kazakhstan") is None  # exact codes only
    assert _two_partners().get_relation("KAZ") is None
    assert ds.get_relation("TKM") is ds.relation("TKM")
    assert ds.get_programme("PFP") is ds.programme("PFP")
    assert ds.get_programme("PfP") is None
    assert ds.get_topic("cyber-defence") is ds.topic("cyber-defence")
    assert ds.get_topic("cyberdéfense") is None
    assert ds.get_source("nato-tkm-fr") is ds.source("nato-tkm-fr")
    assert ds.get_source("NATO-TKM-FR") is None
