"""Whole datasets, and relations (each the relation of a generated dataset)."""

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from partnerdata._model.records import (
    LANGUAGES,
    Citation,
    Conflict,
    Edition,
    Partner,
    Programme,
    Reference,
    Relation,
    Source,
    Text,
    Topic,
)
from partnerdata._model.text import fold
from partnerdata._query import synthetic as synth
from partnerdata._query.dataset import Dataset
from partnerdata.strategies._common import (
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    check_languages,
    check_records,
    check_size,
    check_sizes,
    check_years,
    maybe,
)
from partnerdata.strategies._records import (
    conflict_in,
    edition_dates,
    partners_in,
    programmes_in,
    source_for,
    topics_in,
)
from partnerdata.strategies._text import Draws

T = TypeVar("T")


def _names(record: Any) -> tuple[str, ...]:
    """Every name a dataset's lookups would index for a vocabulary record."""
    texts_ = [getattr(record, a, None) for a in ("name", "official_name", "acronym", "label")]
    words = [s for t in texts_ if t is not None for s in (t.fr, t.en) if s is not None]
    codes = [getattr(record, a) for a in ("alpha3", "alpha2", "code") if hasattr(record, a)]
    return (*codes, *words, *record.aliases)


def _without_clashes(records: list[T]) -> list[T]:
    """Keep the records whose names (folded as lookups fold them) name no earlier record."""
    taken: set[str] = set()
    kept: list[T] = []
    for record in records:
        keys = {fold(name) for name in _names(record)}
        if keys & taken:
            continue
        taken |= keys
        kept.append(record)
    return kept


def _plain_partner(partner: Partner, i: int) -> Partner:
    """A partner with names that cannot clash with generated ones (only for the rare fix-up)."""
    return attrs.evolve(
        partner,
        name=Text(en=f"Partner {partner.alpha3}"),
        official_name=Text(en=f"Partner {partner.alpha3} {i}"),
        aliases=(),
        region=None,
    )


def _with_successors(draw: st.DrawFn, found: list[Programme]) -> list[Programme]:
    codes = [p.code for p in found]
    out = []
    for programme in found:
        others = [c for c in codes if c != programme.code]
        successor = maybe(draw, st.sampled_from(others)) if others else None
        out.append(attrs.evolve(programme, successor=successor))
    return out


@st.composite
def _datasets(
    draw: st.DrawFn,
    *,
    min_partners: int,
    max_partners: int,
    min_relations: int,
    max_relations: int | None,
    programmes: tuple[Programme, ...] | None,
    topics: tuple[Topic, ...] | None,
    languages: tuple[str, ...],
    min_year: int,
    max_year: int,
    max_items: int,
    max_editions: int,
) -> Dataset:
    found = draw(
        st.lists(
            partners_in(languages),
            min_size=min_partners,
            max_size=max_partners,
            unique_by=(lambda p: p.alpha3, lambda p: p.alpha2),
        )
    )
    # A clash of names between two partners would make lookups ambiguous: give the later one plain names.
    partner_list = _without_clashes(found)
    while len(partner_list) < min_partners:
        partner_list = _without_clashes([*partner_list, *(_plain_partner(p, i) for i, p in enumerate(found))])
    if programmes is None:
        drawn = draw(
            st.lists(programmes_in(languages, min_year, max_year), min_size=1, max_size=4, unique_by=lambda p: p.code)
        )
        programme_list = _with_successors(draw, _without_clashes(drawn))
    else:
        programme_list = list(programmes)
    if topics is None:
        topic_list = _without_clashes(
            draw(st.lists(topics_in(languages), min_size=1, max_size=4, unique_by=lambda t: t.code))
        )
    else:
        topic_list = list(topics)

    high = len(partner_list) if max_relations is None else min(max_relations, len(partner_list))
    low = min(min_relations, high)
    with_relation = draw(
        st.lists(st.sampled_from(partner_list), min_size=low, max_size=high, unique_by=lambda p: p.alpha3)
    )
    source_list: list[Source] = []
    relation_list: list[Relation] = []
    edition_list: list[Edition] = []
    codes = tuple(p.code for p in programme_list)

    reference_list: list[Reference] = []

    def relation_from(partner: Partner, own: list[Source]) -> Relation:
        # Some relations also rest on NATO pages cited but not shipped, as the packaged data's do.
        cited: tuple[Citation, ...] = ()
        if draw(st.booleans()):
            refs = [
                synth.reference(
                    Draws(draw), f"cited-{partner.alpha3.lower()}-{len(reference_list)}", min_year, max_year
                )
            ]
            reference_list.extend(refs)
            cited = synth.citations_of(Draws(draw), refs, languages)
        ctx = synth.RelationContext(
            partner=partner.alpha3,
            partners=tuple(p.alpha3 for p in partner_list),
            programmes=tuple(programme_list),
            topics=tuple(t.code for t in topic_list),
            evidence=tuple(e for s in own for e in synth.evidence_in(s)),
            language_of={s.id: s.language for s in own},
            languages=languages,
            min_year=min_year,
            max_year=max_year,
            max_items=max_items,
            cited=cited,
        )
        return synth.relation(Draws(draw), ctx)

    for partner in partner_list:
        wanted = partner in with_relation
        stem = f"nato-{partner.alpha3.lower()}"
        if wanted and max_editions > 1:
            # Editions of the partner's pages, oldest first (an undated one counts as the oldest).
            dates = draw(
                st.lists(
                    edition_dates(min_year, max_year),
                    min_size=1,
                    max_size=max_editions,
                    unique_by=lambda d: "undated" if d is None else d.isoformat(),
                )
            )
            dates.sort(key=lambda d: (0, 0, 0, 0) if d is None else (1, *d.sort_key()))
            for k, date in enumerate(dates):
                # One page per language, as NATO publishes them.
                chosen = draw(st.lists(st.sampled_from(languages), min_size=1, max_size=2, unique=True))
                pages = [draw(source_for(partner, f"{stem}-{k + 1}-{lang}", (lang,), 2, date)) for lang in chosen]
                source_list += pages
                found_conflicts: list[Conflict] = []
                if len(pages) == 2 and draw(st.booleans()):
                    found_conflicts.append(draw(conflict_in(pages, min_year, max_year, codes)))
                edition_list.append(
                    Edition(
                        partner=partner.alpha3,
                        date=date,
                        sources=[s.id for s in pages],
                        relation=relation_from(partner, pages),
                        conflicts=found_conflicts,
                    )
                )
            relation_list.append(edition_list[-1].relation)
            continue
        # Today's shape: the partner's pages (if any) are of one edition, dated or not.
        date = draw(edition_dates(min_year, max_year))
        count = draw(st.integers(1, 2) if wanted else st.integers(0, 1))
        own = [draw(source_for(partner, f"{stem}-{i + 1}", languages, 2, date)) for i in range(count)]
        source_list += own
        if wanted:
            relation_list.append(relation_from(partner, own))
    version = draw(st.from_regex(r"\A20[0-9]{2}\.(0[1-9]|1[0-2])\Z"))
    return Dataset(
        data_version=version,
        partners=partner_list,
        programmes=programme_list,
        topics=topic_list,
        sources=source_list,
        references=reference_list,
        relations=relation_list,
        editions=edition_list,
    )


def datasets(
    *,
    min_partners: int = 1,
    max_partners: int = 3,
    min_relations: int = 0,
    max_relations: int | None = None,
    programmes: Iterable[Programme] | None = None,
    topics: Iterable[Topic] | None = None,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    max_items: int = 2,
    max_editions: int = 1,
) -> st.SearchStrategy[Dataset]:
    """Whole, valid :class:`~partnerdata.Dataset` editions, small by default so tests stay fast.

    ``min_partners``..``max_partners`` partners, of which ``min_relations``..``max_relations``
    (default: any number) have a relation; every partner with a relation has one or two source
    pages, others may have some too. ``programmes`` and ``topics`` give the vocabularies to use
    (for instance the packaged ones, ``partnerdata.load().programmes``); by default they are
    generated, one to five of each. Texts and pages are in ``languages``; every year lies between
    ``min_year`` and ``max_year``; ``max_items`` bounds each list of a relation (participations,
    channels, events, statements).

    With ``max_editions`` above 1, every partner with a relation has one to ``max_editions``
    editions of its pages (:class:`~partnerdata.Edition`, at most one undated), each with a French
    or English page or both, its own relation read from them and, when it has both, sometimes a
    :class:`~partnerdata.Conflict`; the dataset's relation is the latest edition's. By default
    (``max_editions=1``) a dataset has no edition records: a partner's pages share one edition
    date, or none.

    Every reference resolves, every evidence quotes its page verbatim, every statement renders
    the sentence it quotes, and no year of a participation or milestone precedes the founding of
    its programme.

    >>> from hypothesis import given, settings
    >>> import partnerdata
    >>> from partnerdata.strategies import datasets
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(datasets(programmes=partnerdata.load().programmes, min_relations=1))
    ... def test_programmes_resolve(ds):
    ...     for relation in ds.relations:
    ...         for participation in relation.participations:
    ...             assert ds.programme(participation.programme).code == participation.programme
    >>> test_programmes_resolve()
    """
    check_sizes("min_partners", min_partners, "max_partners", max_partners, minimum=0)
    check_size("min_relations", min_relations)
    if max_relations is not None:
        check_sizes("min_relations", min_relations, "max_relations", max_relations)
    if min_relations > max_partners:
        raise InvalidArgument(f"min_relations={min_relations} is larger than max_partners={max_partners}")
    check_size("max_items", max_items)
    check_size("max_editions", max_editions, minimum=1)
    check_years(min_year, max_year)
    programme_list = check_records("programmes", programmes, Programme)
    topic_list = check_records("topics", topics, Topic)
    return _datasets(
        min_partners=max(min_partners, min_relations),
        max_partners=max_partners,
        min_relations=min_relations,
        max_relations=max_relations,
        programmes=programme_list,
        topics=topic_list,
        languages=check_languages(languages),
        min_year=min_year,
        max_year=max_year,
        max_items=max_items,
        max_editions=max_editions,
    )


# Here rather than with the other records: a relation is drawn as the relation of a whole dataset.
def relations(
    *,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    programmes: Iterable[Programme] | None = None,
    topics: Iterable[Topic] | None = None,
    max_items: int = 2,
) -> st.SearchStrategy[Relation]:
    """:class:`~partnerdata.Relation`, each the relation of a generated valid dataset.

    The arguments are those of :func:`datasets`.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import relations
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(relations(min_year=2000))
    ... def test_cooperation_follows_relations(relation):
    ...     if relation.relations_since and relation.cooperation_since:
    ...         assert 2000 <= relation.relations_since.year <= relation.cooperation_since.year
    >>> test_cooperation_follows_relations()
    """
    return datasets(
        min_relations=1,
        max_relations=1,
        max_partners=2,
        languages=languages,
        min_year=min_year,
        max_year=max_year,
        programmes=programmes,
        topics=topics,
        max_items=max_items,
    ).map(lambda ds: ds.relations[0])


def editions(
    *,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    programmes: Iterable[Programme] | None = None,
    topics: Iterable[Topic] | None = None,
    max_items: int = 2,
) -> st.SearchStrategy[Edition]:
    """:class:`~partnerdata.Edition`, each one of the editions of a generated valid dataset.

    Its date is an edition date or ``None`` (undated); its pages, one or two (French, English),
    are of that date; its relation quotes them. The arguments are those of :func:`datasets`.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import editions
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(editions(min_year=2000))
    ... def test_dated_after_2000(edition):
    ...     assert edition.date is None or edition.date.year >= 2000
    ...     assert edition.relation.partner == edition.partner and 1 <= len(edition.sources) <= 2
    >>> test_dated_after_2000()
    """
    return datasets(
        min_relations=1,
        max_relations=1,
        max_partners=2,
        languages=languages,
        min_year=min_year,
        max_year=max_year,
        programmes=programmes,
        topics=topics,
        max_items=max_items,
        max_editions=3,
    ).flatmap(lambda ds: st.sampled_from(ds.editions))
