"""Records: partners, programmes, topics, source pages, evidence, and the parts of a relation.

The parts of a relation are drawn in a context (:class:`~partnerdata._query.synthetic.RelationContext`):
a partner, a page about it, and vocabularies, as a dataset around them would hold. The shared
generator builds them; hypothesis draws every choice.
"""

import functools
import string
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from partnerdata._model.records import (
    LANGUAGES,
    Channel,
    Citation,
    Conflict,
    CooperationPlan,
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Reference,
    Source,
    Stance,
    Statement,
    Text,
    Topic,
    UnitDesignation,
)
from partnerdata._query import synthetic as synth
from partnerdata._query.synthetic import PageSection, RelationContext
from partnerdata.strategies._common import (
    DEFAULT_MAX_YEAR,
    DEFAULT_MIN_YEAR,
    check_languages,
    check_records,
    check_years,
    maybe,
)
from partnerdata.strategies._text import (
    PHRASE,
    SENTENCE,
    Draws,
    letters,
    optional_texts_in,
    partial_dates_between,
    slugs,
    texts_in,
)

T = TypeVar("T")

alpha3s = st.text(string.ascii_uppercase, min_size=3, max_size=3)
_alpha2s = st.text(string.ascii_uppercase, min_size=2, max_size=2)
_programme_codes = st.from_regex(r"\A[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,3})?\Z")


# ---------------------------------------------------------------------------------------------
# Vocabularies: partners, programmes, topics.


@functools.cache
def _aliases(languages: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    one = st.one_of(*(PHRASE[lang] for lang in languages), st.text(letters, min_size=1, max_size=12))
    return st.lists(one, max_size=2, unique=True)


@st.composite
def partners_in(draw: st.DrawFn, languages: tuple[str, ...]) -> Partner:
    stem = "".join(draw(st.lists(st.sampled_from(synth.SYLLABLES), min_size=2, max_size=3)))
    chosen = draw(st.sampled_from(synth.language_sets(languages)))
    return synth.invented_partner(
        alpha3=draw(alpha3s),
        alpha2=draw(_alpha2s),
        stem=stem,
        endings={lang: draw(st.sampled_from(synth.ENDINGS[lang])) for lang in chosen},
        aliases=draw(_aliases(languages)),
        region=draw(optional_texts_in(languages, "phrase")),
    )


def partners(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Partner]:
    """:class:`~partnerdata.Partner`: ISO-shaped codes, names and official names in ``languages``.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import partners
    >>> @settings(max_examples=20, database=None)
    ... @given(partners())
    ... def test_codes(partner):
    ...     assert len(partner.alpha3) == 3 and len(partner.alpha2) == 2
    >>> test_codes()
    """
    return partners_in(check_languages(languages))


@st.composite
def programmes_in(draw: st.DrawFn, languages: tuple[str, ...], min_year: int, max_year: int) -> Programme:
    code = draw(_programme_codes)
    founded = maybe(draw, partial_dates_between(min_year, max_year))
    ended = maybe(draw, st.integers(founded.year if founded else min_year, max_year))
    acronym = draw(st.sampled_from([None, Text(**{lang: code for lang in languages}), Text(**{languages[0]: code})]))
    return Programme(
        code=code,
        name=draw(texts_in(languages, "phrase")),
        acronym=acronym,
        kind=draw(st.sampled_from(synth.KINDS)),
        aliases=draw(_aliases(languages)),
        founded=founded,
        ended=ended,
        successor=None,
        note=draw(optional_texts_in(languages, "sentence")),
    )


def programmes(
    *,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[Programme]:
    """:class:`~partnerdata.Programme`: founded (when known) and ended between ``min_year`` and ``max_year``.

    A programme drawn alone has no successor; inside :func:`datasets`, successors name other
    programmes of the dataset.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import programmes
    >>> @settings(max_examples=20, database=None)
    ... @given(programmes(min_year=2000))
    ... def test_order(programme):
    ...     if programme.founded and programme.ended:
    ...         assert 2000 <= programme.founded.year <= programme.ended
    >>> test_order()
    """
    check_years(min_year, max_year)
    return programmes_in(check_languages(languages), min_year, max_year)


@st.composite
def topics_in(draw: st.DrawFn, languages: tuple[str, ...]) -> Topic:
    return Topic(code=draw(slugs), label=draw(texts_in(languages, "phrase")), aliases=draw(_aliases(languages)))


def topics(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Topic]:
    """:class:`~partnerdata.Topic`: a slug code and a label in ``languages``.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import topics
    >>> @settings(max_examples=20, database=None)
    ... @given(topics(languages=["en"]))
    ... def test_english(topic):
    ...     assert topic.label.en and topic.code == topic.code.lower()
    >>> test_english()
    """
    return topics_in(check_languages(languages))


# ---------------------------------------------------------------------------------------------
# Source pages: text built from parts, so that evidence can quote its sentences.


@functools.cache
def _page_parts(language: str, max_sections: int) -> st.SearchStrategy[tuple[list[str], list[PageSection]]]:
    """An introduction and sections, for :func:`partnerdata._query.synthetic.page_body`."""
    sentences = st.lists(SENTENCE[language], min_size=1, max_size=2)
    items = st.lists(st.tuples(st.booleans(), sentences), min_size=1, max_size=2)
    sections = st.lists(st.tuples(st.none() | PHRASE[language], items), min_size=1, max_size=max_sections)
    return st.tuples(sentences, sections)


@st.composite
def source_for(
    draw: st.DrawFn,
    partner: Partner,
    id: str,
    languages: tuple[str, ...],
    max_sections: int,
    edition: PartialDate | None = None,
) -> Source:
    language = draw(st.sampled_from(languages))
    intro, sections = draw(_page_parts(language, max_sections))
    url = maybe(draw, st.just(f"https://www.nato.int/cps/{language}/natohq/topics_{id}.htm"))
    page = synth.source_page(id=id, partner=partner, language=language, intro=intro, sections=sections, url=url)
    return page if edition is None else attrs.evolve(page, edition=edition)


@functools.cache
def edition_dates(min_year: int, max_year: int) -> st.SearchStrategy[PartialDate | None]:
    """An edition date or ``None`` (unknown, as the packaged pages have it)."""
    return st.none() | partial_dates_between(min_year, max_year)


@st.composite
def _sources(draw: st.DrawFn, languages: tuple[str, ...], partner: Partner | None) -> Source:
    owner = partner if partner is not None else draw(partners_in(languages))
    edition = draw(edition_dates(DEFAULT_MIN_YEAR, DEFAULT_MAX_YEAR))
    return draw(source_for(owner, f"{draw(slugs)}-{owner.alpha3.lower()}", languages, 3, edition))


def sources(*, languages: Sequence[str] = LANGUAGES, partner: Partner | None = None) -> st.SearchStrategy[Source]:
    """:class:`~partnerdata.Source`: a page about ``partner`` (or a generated one) in one of ``languages``.

    The page text has the layout :class:`~partnerdata.Evidence` points into: a title line, an
    introduction, then sections of bullets and paragraphs, with or without headings. Its
    ``edition`` is a date (to the year, month or day) or ``None`` (unknown).

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import sources
    >>> @settings(max_examples=20, database=None)
    ... @given(sources(languages=["fr"]))
    ... def test_title(source):
    ...     assert source.title.startswith("Relations avec ")
    >>> test_title()
    """
    chosen = check_languages(languages)
    if partner is not None and type(partner) is not Partner:
        raise InvalidArgument(f"partner must be a Partner, got {partner!r}")
    return _sources(chosen, partner)


@st.composite
def _evidences(draw: st.DrawFn, languages: tuple[str, ...]) -> Evidence:
    return draw(st.sampled_from(synth.evidence_in(draw(_sources(languages, None)))))


def evidences(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Evidence]:
    """:class:`~partnerdata.Evidence` quoting a sentence of a generated source page exactly.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import evidences
    >>> @settings(max_examples=20, database=None)
    ... @given(evidences())
    ... def test_quote(evidence):
    ...     assert evidence.quote.strip() and evidence.section >= 0
    >>> test_quote()
    """
    return _evidences(check_languages(languages))


@st.composite
def _references(draw: st.DrawFn, min_year: int, max_year: int) -> Reference:
    return synth.reference(Draws(draw), f"nato-{draw(slugs)}", min_year, max_year)


def references(*, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR) -> st.SearchStrategy[Reference]:
    """:class:`~partnerdata.Reference`: a NATO page a dataset cites, dated between ``min_year`` and ``max_year``.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import references
    >>> @settings(max_examples=20, database=None)
    ... @given(references(min_year=2000, max_year=2010))
    ... def test_dated(ref):
    ...     assert 2000 <= ref.date.year <= 2010 and ref.url.startswith("https://")
    >>> test_dated()
    """
    check_years(min_year, max_year)
    return _references(min_year, max_year)


@st.composite
def _citations(draw: st.DrawFn, languages: tuple[str, ...]) -> Citation:
    ref = draw(_references(DEFAULT_MIN_YEAR, DEFAULT_MAX_YEAR))
    return draw(st.sampled_from(synth.citations_of(Draws(draw), [ref], languages)))


def citations(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Citation]:
    """:class:`~partnerdata.Citation`: a fact in our own words (in ``languages``) citing a generated reference.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import citations
    >>> @settings(max_examples=20, database=None)
    ... @given(citations(languages=["en"]))
    ... def test_own_words(citation):
    ...     assert citation.says.en and citation.source.startswith("nato-")
    >>> test_own_words()
    """
    return _citations(check_languages(languages))


# ---------------------------------------------------------------------------------------------
# The parts of a relation, each drawn in a generated context.


@st.composite
def _contexts(
    draw: st.DrawFn,
    languages: tuple[str, ...],
    min_year: int,
    max_year: int,
    programmes: tuple[Programme, ...] | None,
) -> RelationContext:
    """A partner, one page about it, and vocabularies: what a relation's parts may refer to."""
    partner = draw(partners_in(languages))
    if programmes is None:
        drawn = st.lists(
            programmes_in(languages, min_year, max_year), min_size=1, max_size=3, unique_by=lambda p: p.code
        )
        programmes = tuple(draw(drawn))
    codes = draw(st.lists(slugs, max_size=3, unique=True))
    others = draw(st.lists(alpha3s, max_size=2))
    source = draw(source_for(partner, f"nato-{partner.alpha3.lower()}-1", languages, 2))
    return RelationContext(
        partner=partner.alpha3,
        partners=tuple(sorted({partner.alpha3, *others})),
        programmes=programmes,
        topics=tuple(codes),
        evidence=tuple(synth.evidence_in(source)),
        language_of={source.id: source.language},
        languages=languages,
        min_year=min_year,
        max_year=max_year,
        max_items=2,
    )


@st.composite
def _in_context(
    draw: st.DrawFn,
    make: Callable[[synth.Chooser, RelationContext], T],
    languages: tuple[str, ...],
    min_year: int,
    max_year: int,
    programmes: tuple[Programme, ...] | None,
) -> T:
    return make(Draws(draw), draw(_contexts(languages, min_year, max_year, programmes)))


def _parts(
    make: Callable[[synth.Chooser, RelationContext], T],
    languages: Sequence[str],
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    programmes: Iterable[Programme] | None = None,
) -> st.SearchStrategy[T]:
    """A part of a relation, built by ``make`` in a generated context (a partner, its page, vocabularies)."""
    check_years(min_year, max_year)
    chosen = check_records("programmes", programmes, Programme)
    if chosen is not None and not chosen:
        raise InvalidArgument("programmes must not be empty")
    return _in_context(make, check_languages(languages), min_year, max_year, chosen)


def _milestone(c: synth.Chooser, ctx: RelationContext) -> Milestone:
    found = synth.milestone(c, ctx, ctx.min_year)
    assert found is not None  # with no programme, any year of the range will do
    return found


def milestones(
    *, languages: Sequence[str] = LANGUAGES, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> st.SearchStrategy[Milestone]:
    """:class:`~partnerdata.Milestone` of generated relations (a year never before its programme's founding).

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import milestones
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(milestones(min_year=1995, max_year=2005))
    ... def test_years(milestone):
    ...     assert 1995 <= milestone.year <= 2005 and milestone.evidence
    >>> test_years()
    """
    return _parts(_milestone, languages, min_year, max_year)


def participations(
    *,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    programmes: Iterable[Programme] | None = None,
) -> st.SearchStrategy[Participation]:
    """:class:`~partnerdata.Participation` in one of ``programmes`` (or of generated ones).

    >>> from hypothesis import given, settings
    >>> import partnerdata
    >>> from partnerdata.strategies import participations
    >>> known = partnerdata.load().programmes
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(participations(programmes=known))
    ... def test_known_programme(participation):
    ...     assert participation.programme in {p.code for p in known}
    >>> test_known_programme()
    """
    return _parts(
        lambda c, ctx: synth.participation(c, ctx, c.choice(ctx.codes)), languages, min_year, max_year, programmes
    )


def cooperation_plans(
    *, languages: Sequence[str] = LANGUAGES, programmes: Iterable[Programme] | None = None
) -> st.SearchStrategy[CooperationPlan]:
    """:class:`~partnerdata.CooperationPlan` through one of ``programmes`` (or of generated ones).

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import cooperation_plans
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(cooperation_plans())
    ... def test_cycle(plan):
    ...     assert plan.cycle_years is None or 1 <= plan.cycle_years <= 20
    >>> test_cycle()
    """
    return _parts(synth.plan, languages, programmes=programmes)


def unit_designations(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[UnitDesignation]:
    """:class:`~partnerdata.UnitDesignation` of generated relations' stances.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import unit_designations
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(unit_designations(languages=["en"]))
    ... def test_purpose(designation):
    ...     assert designation.purpose.en
    >>> test_purpose()
    """
    return _parts(synth.designation, languages)


def stances(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Stance]:
    """:class:`~partnerdata.Stance` of generated relations: a known flag always has evidence.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import stances
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(stances())
    ... def test_evidence(stance):
    ...     if stance.permanent_neutrality is not None:
    ...         assert stance.evidence
    >>> test_evidence()
    """
    return _parts(synth.stance, languages)


def channels(
    *, languages: Sequence[str] = LANGUAGES, programmes: Iterable[Programme] | None = None
) -> st.SearchStrategy[Channel]:
    """:class:`~partnerdata.Channel` through one of ``programmes`` (or of generated ones).

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import channels
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(channels())
    ... def test_evidence(channel):
    ...     assert channel.evidence
    >>> test_evidence()
    """
    return _parts(lambda c, ctx: synth.channel(c, ctx, c.choice(ctx.codes)), languages, programmes=programmes)


def events(
    *, languages: Sequence[str] = LANGUAGES, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> st.SearchStrategy[Event]:
    """:class:`~partnerdata.Event` dated between ``min_year`` and ``max_year``; a range never ends before it starts.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import events
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(events(min_year=2010, max_year=2020))
    ... def test_range(event):
    ...     assert 2010 <= event.year <= (event.end or event.year) <= 2020
    >>> test_range()
    """
    return _parts(lambda c, ctx: synth.event(c, ctx, c.slug()), languages, min_year, max_year)


def statements(*, languages: Sequence[str] = LANGUAGES) -> st.SearchStrategy[Statement]:
    """:class:`~partnerdata.Statement`: a sentence of a generated page, verbatim, with an optional rendering.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import statements
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(statements(languages=["fr"]))
    ... def test_verbatim(statement):
    ...     assert statement.text.fr == statement.evidence.quote
    >>> test_verbatim()
    """
    return _parts(lambda c, ctx: synth.statement(c, ctx, c.choice(ctx.evidence)), languages)


# ---------------------------------------------------------------------------------------------
# Conflicts: two pages of one edition that give a fact different values.


@st.composite
def conflict_in(
    draw: st.DrawFn, pages: Sequence[Source], min_year: int, max_year: int, programmes: Sequence[str]
) -> Conflict:
    """A conflict between the first two of ``pages`` (in id order): a sentence of each, two different years."""
    first, second = sorted(pages, key=lambda s: s.id)[:2]
    facts = ["relations_since", "cooperation_since", *(f"participations.{code}.since" for code in programmes)]
    fact = draw(st.sampled_from(facts))
    years = draw(st.lists(st.integers(min_year, max_year), min_size=2, max_size=2, unique=True))
    # One evidence per value, in the order the record keeps evidence (by source id): values follow it.
    evidence = (draw(st.sampled_from(synth.evidence_in(first))), draw(st.sampled_from(synth.evidence_in(second))))
    return Conflict(fact=fact, values=tuple(str(y) for y in years), evidence=evidence)


@st.composite
def _conflicts(draw: st.DrawFn, languages: tuple[str, ...], min_year: int, max_year: int) -> Conflict:
    owner = draw(partners_in(languages))
    edition = draw(edition_dates(min_year, max_year))
    # The two pages of one edition: one per language where there are two languages.
    order = draw(st.permutations(languages)) if len(languages) > 1 else languages * 2
    pages = [
        draw(source_for(owner, f"nato-{owner.alpha3.lower()}-{lang}-{i + 1}", (lang,), 2, edition))
        for i, lang in enumerate(order[:2])
    ]
    return draw(conflict_in(pages, min_year, max_year, ()))


def conflicts(
    *, languages: Sequence[str] = LANGUAGES, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> st.SearchStrategy[Conflict]:
    """:class:`~partnerdata.Conflict`: two pages of one edition giving a fact two different years.

    Each value comes with the evidence of its page (one sentence of each of two generated pages
    about one partner, in two of ``languages`` when there are two); the values are years between
    ``min_year`` and ``max_year``, written as text, and differ.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import conflicts
    >>> @settings(max_examples=20, database=None)
    ... @given(conflicts(min_year=2000, max_year=2010))
    ... def test_two_pages_disagree(conflict):
    ...     first, second = conflict.values
    ...     assert first != second and 2000 <= int(first) <= 2010
    ...     assert len({e.source for e in conflict.evidence}) == 2
    >>> test_two_pages_disagree()
    """
    check_years(min_year, max_year)
    return _conflicts(check_languages(languages), min_year, max_year)
