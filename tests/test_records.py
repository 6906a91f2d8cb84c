"""Records refuse what they cannot hold and cannot be changed once built."""

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerdata
from partnerdata import (
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Relation,
    Source,
    Statement,
    Text,
)


def untyped(value: object) -> Any:
    """A value the type checker would refuse, for testing what the constructors refuse at run time."""
    return value


EV = Evidence(source="x-fr", section=1, item=0, sentence=0, quote="Une phrase.")


def test_records_are_frozen_slotted_and_hashable() -> None:
    relation = partnerdata.load().relation("KGZ")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        relation.partner = "TKM"  # type: ignore[misc]
    assert not hasattr(relation, "__dict__")
    assert isinstance(relation.participations, tuple)
    assert hash(relation) == hash(partnerdata.from_json(Relation, partnerdata.to_json(relation)))


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: PartialDate(year=untyped("1994")), "year: expected an integer, got '1994'"),
        (lambda: PartialDate(year=True), "year: expected an integer, got True"),
        (lambda: PartialDate(year=1850), "year: 1850 is not between 1900 and 2100"),
        (lambda: PartialDate(year=1994, day=3), "day: a day needs a month"),
        (lambda: PartialDate(year=1994, month=13), "month: 13 is not between 1 and 12"),
        (lambda: Text(), "a text needs French or English"),
        (lambda: Text(fr=""), "fr: must not be empty (use None for unknown)"),
        (lambda: Text(en=untyped(123)), "en: expected a string, got 123"),
        (lambda: Milestone(year=1992, via="nacc", evidence=(EV,)), "via: 'nacc' is not a programme code"),
        (lambda: Milestone(year=1992, evidence=()), "evidence: needs at least one item"),
        (
            lambda: Participation(programme="SPS", focus=untyped("science"), evidence=(EV,)),
            "expected a list, got a string",
        ),
        (
            lambda: Participation(programme="SPS", focus=("science", "science"), evidence=(EV,)),
            "focus: duplicate code 'science'",
        ),
        (lambda: Participation(programme="SPS", focus=("Science",), evidence=(EV,)), "focus[0]: 'Science' is not"),
        (
            lambda: Partner(alpha3="kgz", alpha2="KG", name=Text(en="K"), official_name=Text(en="K")),
            "alpha3: 'kgz' is not an ISO 3166-1 alpha-3 code",
        ),
        (
            lambda: Relation(
                partner="KGZ",
                participations=(Participation(programme="SPS", evidence=(EV,)),) * 2,
            ),
            "participations: duplicate programme 'SPS'",
        ),
        (
            lambda: Relation(
                partner="KGZ",
                relations_since=Milestone(year=1994, evidence=(EV,)),
                cooperation_since=Milestone(year=1992, evidence=(EV,)),
            ),
            "cooperation cannot begin before relations",
        ),
    ],
)
def test_constructors_refuse_bad_values(build: object, message: str) -> None:
    with pytest.raises((ValueError, TypeError)) as info:
        build()  # type: ignore[operator]
    assert message in str(info.value)


def test_lists_become_tuples_and_code_sets_are_sorted() -> None:
    p = Participation(programme="SPS", focus=("science", "cyber-defence"), evidence=(EV,))
    assert p.focus == ("cyber-defence", "science")
    assert p.evidence == (EV,)


def test_relation_collections_take_a_canonical_order() -> None:
    a = Participation(programme="SPS", evidence=(EV,))
    b = Participation(programme="BI", evidence=(EV,))
    assert Relation(partner="KGZ", participations=(a, b)) == Relation(partner="KGZ", participations=(b, a))
    assert Relation(partner="KGZ", participations=(a, b)).participations == (b, a)


def test_source_checks_its_checksum_and_title() -> None:
    text = "Relations avec X\nIntroduction."
    source = Source.from_text(id="x-fr", partner="XXX", language="fr", text=text)
    with pytest.raises(ValueError, match="checksum mismatch"):
        attrs.evolve(source, text=text + " Plus.")
    with pytest.raises(ValueError, match="not the first line"):
        attrs.evolve(source, title="Autre titre")


def test_text_picks_a_language() -> None:
    t = Text(fr="neutralité permanente", en="permanent neutrality")
    assert (t.get("fr"), t.get("en"), str(t)) == (
        "neutralité permanente",
        "permanent neutrality",
        "permanent neutrality",
    )
    assert Text(fr="seul").get("en") == "seul"
    assert Text(fr="seul").get("en", fallback=False) is None
    with pytest.raises(ValueError, match="lang must be"):
        t.get("de")


def test_statement_key_is_its_sentence() -> None:
    s = Statement(text=Text(fr="Une phrase."), evidence=EV)
    assert s.key == "x-fr#1.0.0"


def test_relation_derived_views() -> None:
    kgz = partnerdata.load().relation("KGZ")
    assert kgz.pfp_since == 1994
    assert kgz.participation("NOPE") is None
    assert set(kgz.topics) >= {"cyber-defence", "integrity-building", "peacekeeping"}
    assert list(kgz.topics) == sorted(kgz.topics)
    assert kgz.sources == ("nato-kgz-fr",)


def _reversed_lists(value: Any) -> Any:
    """The JSON form with every array reversed: the same content in another order."""
    if isinstance(value, dict):
        return {k: _reversed_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_reversed_lists(v) for v in reversed(value)]
    return value


def test_reordered_evidence_and_collections_load_to_equal_records() -> None:
    """Regression: a document whose lists (evidence in particular) were reordered loaded to a different dataset."""
    ds = partnerdata.load()
    for relation in ds.relations:
        shuffled = partnerdata.from_dict(Relation, _reversed_lists(partnerdata.to_dict(relation)))
        assert shuffled == relation
        assert not partnerdata.diff(relation, shuffled)
    again = partnerdata.from_dict(partnerdata.Dataset, _reversed_lists(partnerdata.to_dict(ds)))
    assert again == ds
    assert not partnerdata.diff(ds, again)


def test_evidence_is_kept_in_page_order() -> None:
    first = Evidence(source="a-fr", section=1, item=0, sentence=1, quote="B.")
    second = Evidence(source="a-fr", section=2, item=0, sentence=0, quote="A.")
    other = Evidence(source="b-fr", section=0, item=1, sentence=0, quote="C.")
    m = Milestone(year=1992, evidence=(other, second, first))
    assert m.evidence == (first, second, other)
    assert m == Milestone(year=1992, evidence=(first, other, second))
    stance = partnerdata.Stance(contributes_forces=True, evidence=[second, first])
    assert stance.evidence == (first, second)


def _event(**changes: Any) -> partnerdata.Event:
    fields: dict[str, Any] = {
        "id": "2016-exercise",
        "date": PartialDate(year=2016, month=6, day=12),
        "text": Text(en="An exercise."),
        "evidence": (EV,),
    }
    fields.update(changes)
    return partnerdata.Event(**fields)


def test_event_range_keeps_the_precision_of_both_ends() -> None:
    week = _event(end=2016, end_month=6, end_day=15)
    assert week.end_date == PartialDate(year=2016, month=6, day=15)
    assert _event(end=2016).end_date == PartialDate(year=2016)  # same year, end month unknown: not backwards
    assert _event(end=2016, end_month=6).end_date == PartialDate(year=2016, month=6)
    assert _event().end_date is None
    for bad, field_name in (
        ({"end": 2016, "end_month": 6, "end_day": 11}, "end"),
        ({"end": 2016, "end_month": 5}, "end"),
        ({"end": 2015}, "end"),
        ({"end_month": 6}, "end_month"),
        ({"end": 2016, "end_day": 20}, "end_day"),
        ({"end": 2016, "end_month": 13}, "end_month"),
    ):
        with pytest.raises(partnerdata.FieldError) as caught:
            _event(**bad)
        assert caught.value.field == field_name, bad


def test_a_record_shows_as_its_constructor_call() -> None:
    assert repr(Text(fr="a")) == "Text(fr='a', en=None)"
    assert repr(PartialDate(year=1994, month=5)) == "PartialDate(year=1994, month=5, day=None)"
    assert repr(EV) == "Evidence(source='x-fr', section=1, item=0, sentence=0, quote='Une phrase.')"
    source = partnerdata.load().source("nato-tkm-fr")
    assert repr(source).startswith("Source(id='nato-tkm-fr', partner='TKM', title='Relations avec le Turkménistan', ")
    assert "text=" not in repr(source)  # the page itself would fill the screen


# Every record type whose fields all show (Source hides its text; Relation and Edition summarise).
SHOWN_WHOLE = tuple(
    cls
    for cls in (getattr(partnerdata, name) for name in partnerdata.__all__)
    if isinstance(cls, type)
    and attrs.has(cls)
    and cls.__module__ == "partnerdata._model.records"
    and cls not in (Source, Relation, partnerdata.Edition)
)


@given(st.one_of(*[st.from_type(cls) for cls in SHOWN_WHOLE]))
def test_a_records_repr_reads_back_as_an_equal_record(record: Any) -> None:
    names = {name: getattr(partnerdata, name) for name in partnerdata.__all__}
    assert eval(repr(record), names) == record  # our own repr, read back in a test
