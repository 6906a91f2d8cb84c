"""Hypothesis strategies for every partnerdata record type and for whole datasets.

Install the extra (``pip install 'partnerdata[hypothesis]'``) and import this module in your tests;
``import partnerdata`` never imports hypothesis. Every strategy is named after the type it
generates, in the plural (:func:`partners`, :func:`relations`, :func:`datasets`, ...), and takes
keyword-only arguments to constrain what it generates.

Generated values are always valid: they pass the same checks as loaded data, their cross-field
invariants hold (a participation never begins before its programme was founded, keys are unique,
every reference resolves inside a generated dataset, every evidence quotes its source page
verbatim), and they survive a JSON round trip. A record generated on its own (a :func:`relations`
draw, say) is one that is valid inside some generated dataset.

Two strategies serve tests of the code around the data: :func:`dataset_pairs` gives two editions
of a dataset with the edits between them known, for testing diffs, and
:func:`near_valid_documents` gives the JSON text of a valid record or dataset with exactly one
defect injected, and where it is, for testing error paths.

The package registers these strategies with hypothesis through an entry point, so
``st.from_type(partnerdata.Partner)`` and ``st.builds`` on a type with partnerdata fields use them
without any set-up.

>>> from hypothesis import given, settings
>>> import partnerdata
>>> from partnerdata.strategies import datasets
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(datasets(max_partners=3))
... def test_round_trip(ds):
...     assert partnerdata.from_json(partnerdata.Dataset, partnerdata.to_json(ds)) == ds
>>> test_round_trip()
"""

import functools
import json
import string
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

import partnerdata
from partnerdata import _hypothesis as _entry_point
from partnerdata._ingest.page import parse
from partnerdata._io.convert import to_dict
from partnerdata._model.records import (
    LANGUAGES,
    MAX_YEAR,
    MIN_YEAR,
    Channel,
    CooperationPlan,
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Relation,
    Source,
    Stance,
    Statement,
    Text,
    Topic,
    UnitDesignation,
)
from partnerdata._model.text import fold
from partnerdata._query.dataset import Dataset

__all__ = [
    "DEFECTS",
    "EditionPair",
    "NearValidDocument",
    "channels",
    "cooperation_plans",
    "dataset_pairs",
    "datasets",
    "events",
    "evidences",
    "milestones",
    "near_valid_documents",
    "partial_dates",
    "participations",
    "partners",
    "programmes",
    "relations",
    "sources",
    "stances",
    "statements",
    "texts",
    "topics",
    "unit_designations",
]

T = TypeVar("T")

DEFAULT_MIN_YEAR = 1990
DEFAULT_MAX_YEAR = 2030

# ---------------------------------------------------------------------------------------------
# Argument checks: a bad argument is an error when the strategy is built, not when it is drawn.


def _check_languages(languages: Iterable[str]) -> tuple[str, ...]:
    if isinstance(languages, str):
        raise InvalidArgument(f"languages must be a sequence of language codes, not the string {languages!r}")
    chosen = tuple(dict.fromkeys(languages))
    if not chosen or any(lang not in LANGUAGES for lang in chosen):
        raise InvalidArgument(f"languages must be a non-empty subset of {LANGUAGES}, got {chosen!r}")
    return chosen


def _check_years(min_year: int, max_year: int) -> None:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if type(value) is not int or not MIN_YEAR <= value <= MAX_YEAR:
            raise InvalidArgument(f"{name} must be an integer between {MIN_YEAR} and {MAX_YEAR}, got {value!r}")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


def _check_size(name: str, value: int, minimum: int = 0) -> None:
    if type(value) is not int or value < minimum:
        raise InvalidArgument(f"{name} must be an integer of at least {minimum}, got {value!r}")


def _check_sizes(low_name: str, low: int, high_name: str, high: int, minimum: int = 0) -> None:
    _check_size(low_name, low, minimum)
    _check_size(high_name, high, minimum)
    if low > high:
        raise InvalidArgument(f"{low_name}={low} is larger than {high_name}={high}")


def _check_records(name: str, records: Iterable[Any] | None, cls: type) -> tuple[Any, ...] | None:
    if records is None:
        return None
    if isinstance(records, str):
        raise InvalidArgument(f"{name} must be a sequence of {cls.__name__} records, not a string")
    chosen = tuple(records)
    for record in chosen:
        if type(record) is not cls:
            raise InvalidArgument(f"{name} must hold {cls.__name__} records, got {record!r}")
    return chosen


# ---------------------------------------------------------------------------------------------
# Words and text: realistic French and English, with some arbitrary Unicode letters mixed in.

# fmt: off
_FR_WORDS = (
    "coopération", "sécurité", "défense", "partenariat", "dialogue", "formation", "programme", "intégrité",
    "réforme", "soutien", "forces", "pays", "Alliés", "régionale", "pratique", "objectifs", "domaines",
    "experts", "gestion", "crises", "frontières", "l’OTAN", "l'Alliance", "civile", "militaire", "politique",
    "de", "la", "le", "des", "et", "avec", "pour", "en", "du", "au", "les", "énergie", "cyberdéfense",
    "terrorisme", "science", "paix", "Conseil", "plan",
)
_EN_WORDS = (
    "cooperation", "security", "defence", "partnership", "dialogue", "training", "programme", "integrity",
    "reform", "support", "forces", "country", "Allies", "regional", "practical", "objectives", "areas",
    "experts", "management", "crisis", "borders", "NATO", "the Alliance's", "civil", "military", "political",
    "of", "the", "and", "with", "for", "in", "to", "energy", "cyber", "terrorism", "science", "peace",
    "Council", "plan", "border", "education",
)
_FR_SENTENCES = (
    "Les relations avec le pays ont débuté en 1992.",
    "La coopération pratique a démarré en 1994, avec l’adhésion au Partenariat pour la paix.",
    "Le pays participe à de nombreuses activités du PPP.",
    "Les objectifs de coopération sont approuvés par les deux parties tous les deux ans.",
    "L'OTAN et le pays mènent un dialogue politique régulier.",
    "Le pays a désigné des unités pour des opérations de maintien de la paix.",
    "Des experts de l’OTAN soutiennent la réforme de la formation « défense ».",
    "Le pays coopère avec les Alliés dans la gestion des crises et la sécurité des frontières.",
    "Depuis 2015, le pays participe au programme pour le développement de l’intégrité.",
    "Le centre d’information sur l’OTAN est hébergé par l’université nationale.",
    "La neutralité permanente du pays est reconnue par les Nations Unies.",
    "Le pays ne fournit ni forces ni infrastructures aux opérations dirigées par l'OTAN.",
)
_EN_SENTENCES = (
    "Relations with the country started in 1992.",
    "Practical cooperation began in 1994, when the country joined the Partnership for Peace.",
    "The country takes part in many PfP activities.",
    "Cooperation objectives are agreed by both sides every two years.",
    "NATO and the country hold a regular political dialogue.",
    "The country has designated units for peacekeeping operations.",
    "NATO experts support the reform of defence education.",
    "The country works with Allies on crisis management and border security.",
    "Since 2015 the country has taken part in the Building Integrity Programme.",
    "A NATO information centre is hosted by the national university.",
    "The country's permanent neutrality is recognised by the United Nations.",
    "The country makes neither forces nor infrastructure available to NATO-led operations.",
)
_FR_PHRASES = (
    "sécurité et maintien de la paix", "réforme de la défense", "gestion des crises", "cyberdéfense",
    "sécurité énergétique", "lutte contre le terrorisme", "Principaux domaines de coopération",
    "Conseil de partenariat euro-atlantique", "développement de l’intégrité", "science au service de la paix",
)
_EN_PHRASES = (
    "security and peacekeeping", "defence reform", "crisis management", "cyber defence", "energy security",
    "counter-terrorism", "Key areas of cooperation", "Euro-Atlantic Partnership Council", "building integrity",
    "science for peace",
)
# fmt: on
_WORDS = {"fr": _FR_WORDS, "en": _EN_WORDS}
_SYLLABLES = ("ka", "ri", "sta", "no", "vé", "lo", "mar", "tu", "zé", "bel", "an", "or", "gu", "ki", "dor", "ska")
_KINDS = ("forum", "action-plan", "programme", "capacity-building-programme", "initiative", "office", "council")

# Letters and digits of any script (no surrogates, no control characters): names and aliases
# may hold them, and JSON must carry them unchanged.
_letters = st.characters(categories=("Lu", "Ll", "Lo", "Nd"), exclude_characters="\x85\u2028\u2029")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join_sentence(words: list[str]) -> str:
    return _capitalise(" ".join(words)) + "."


_CORPUS = {"fr": (_FR_SENTENCES, _FR_PHRASES), "en": (_EN_SENTENCES, _EN_PHRASES)}


def _made(language: str, min_words: int, max_words: int) -> st.SearchStrategy[list[str]]:
    word = st.one_of(*[st.sampled_from(_WORDS[language])] * 3, st.text(_letters, min_size=1, max_size=6))
    return st.lists(word, min_size=min_words, max_size=max_words)


# Built once: strategies are immutable, and building them anew for every draw is slow. Most texts
# come from a small corpus of realistic ones (cheap to draw), the rest are made of words and
# arbitrary letters of any script.
_PHRASE = {
    lang: st.one_of(*[st.sampled_from(_CORPUS[lang][1])] * 2, _made(lang, 1, 4).map(" ".join)) for lang in LANGUAGES
}
_SENTENCE = {
    lang: st.one_of(
        *[st.sampled_from(_CORPUS[lang][0])] * 2,
        st.tuples(_made(lang, 2, 6), st.none() | st.integers(1990, 2030)).map(
            lambda t: _join_sentence([*t[0], str(t[1])] if t[1] is not None else t[0])
        ),
    )
    for lang in LANGUAGES
}


def _language_sets(languages: tuple[str, ...]) -> list[tuple[str, ...]]:
    # Both languages most often, as in the data; each alone as well.
    return [languages, *((lang,) for lang in languages)] if len(languages) > 1 else [languages]


@functools.cache
def _texts(languages: tuple[str, ...], kind: str) -> st.SearchStrategy[Text]:
    parts = _PHRASE if kind == "phrase" else _SENTENCE
    options = [st.builds(Text, **{lang: parts[lang] for lang in chosen}) for chosen in _language_sets(languages)]
    return st.one_of(options[0], *options)  # both languages twice as often as one


@functools.cache
def _optional_texts(languages: tuple[str, ...], kind: str) -> st.SearchStrategy[Text | None]:
    return st.none() | _texts(languages, kind)


def texts(*, languages: Sequence[str] = LANGUAGES, sentences: bool = False) -> st.SearchStrategy[Text]:
    """:class:`~partnerdata.Text` in the given ``languages`` (at least one present, never blank).

    With ``sentences``, every language holds a sentence (a capital, words, a full stop), else a
    label-like phrase.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import texts
    >>> @settings(max_examples=20, database=None)
    ... @given(texts(languages=["fr"]))
    ... def test_french_only(text):
    ...     assert text.fr and text.en is None
    >>> test_french_only()
    """
    chosen = _check_languages(languages)
    return _texts(chosen, "sentence" if sentences else "phrase")


@st.composite
def _partial_dates(draw: st.DrawFn, min_year: int, max_year: int) -> PartialDate:
    import calendar

    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year=year, month=month, day=day)


def partial_dates(
    *, min_year: int = DEFAULT_MIN_YEAR, max_year: int = DEFAULT_MAX_YEAR
) -> st.SearchStrategy[PartialDate]:
    """:class:`~partnerdata.PartialDate` between ``min_year`` and ``max_year``; days exist in the calendar.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import partial_dates
    >>> @settings(max_examples=20, database=None)
    ... @given(partial_dates(min_year=1991, max_year=1999))
    ... def test_nineties(date):
    ...     assert date.isoformat().startswith("199")
    >>> test_nineties()
    """
    _check_years(min_year, max_year)
    return _partial_dates(min_year, max_year)


# ---------------------------------------------------------------------------------------------
# Vocabularies: partners, programmes, topics.

_alpha3s = st.text(string.ascii_uppercase, min_size=3, max_size=3)
_alpha2s = st.text(string.ascii_uppercase, min_size=2, max_size=2)
_programme_codes = st.from_regex(r"\A[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,3})?\Z")
_slug_words = st.sampled_from(
    ("cyber", "defence", "energy", "security", "border", "crisis", "science", "training", "reform", "civil", "peace")
)
_slugs = st.lists(
    st.one_of(_slug_words, _slug_words, st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)),
    min_size=1,
    max_size=3,
).map("-".join)


@functools.cache
def _aliases(languages: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    one = st.one_of(*(_PHRASE[lang] for lang in languages), st.text(_letters, min_size=1, max_size=12))
    return st.lists(one, max_size=2, unique=True)


@st.composite
def _partners(draw: st.DrawFn, languages: tuple[str, ...]) -> Partner:
    stem = "".join(draw(st.lists(st.sampled_from(_SYLLABLES), min_size=2, max_size=3)))
    endings = {"fr": ("ie", "istan", "ande", ""), "en": ("ia", "istan", "and", "")}
    formal = {"fr": "République de {}", "en": "Republic of {}"}
    chosen = draw(st.sampled_from(_language_sets(languages)))
    short = {lang: _capitalise(stem + draw(st.sampled_from(endings[lang]))) for lang in chosen}
    return Partner(
        alpha3=draw(_alpha3s),
        alpha2=draw(_alpha2s),
        name=Text(**short),
        official_name=Text(**{lang: formal[lang].format(name) for lang, name in short.items()}),
        aliases=draw(_aliases(languages)),
        region=draw(_optional_texts(languages, "phrase")),
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
    return _partners(_check_languages(languages))


@st.composite
def _programmes(draw: st.DrawFn, languages: tuple[str, ...], min_year: int, max_year: int) -> Programme:
    code = draw(_programme_codes)
    founded = _maybe(draw, _partial_dates(min_year, max_year))
    ended = _maybe(draw, st.integers(founded.year if founded else min_year, max_year))
    acronym = draw(st.sampled_from([None, Text(**{lang: code for lang in languages}), Text(**{languages[0]: code})]))
    return Programme(
        code=code,
        name=draw(_texts(languages, "phrase")),
        acronym=acronym,
        kind=draw(st.sampled_from(_KINDS)),
        aliases=draw(_aliases(languages)),
        founded=founded,
        ended=ended,
        successor=None,
        note=draw(_optional_texts(languages, "sentence")),
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
    _check_years(min_year, max_year)
    return _programmes(_check_languages(languages), min_year, max_year)


@st.composite
def _topics(draw: st.DrawFn, languages: tuple[str, ...]) -> Topic:
    return Topic(code=draw(_slugs), label=draw(_texts(languages, "phrase")), aliases=draw(_aliases(languages)))


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
    return _topics(_check_languages(languages))


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


# ---------------------------------------------------------------------------------------------
# Source pages: text built from parts, so that parse() yields sentences evidence can quote.


def _page_body(intro: list[str], sections: list[tuple[str | None, list[tuple[bool, list[str]]]]]) -> str:
    lines = [" ".join(intro)]
    for i, (heading, items) in enumerate(sections):
        if heading is not None or i > 0:  # only a first section may stand without heading
            lines.append(_capitalise(heading or "Coopération"))
        lines += [("- " if bullet else "") + " ".join(sentences) for bullet, sentences in items]
    return "\n".join(lines) + "\n"


@functools.cache
def _page_bodies(language: str, max_sections: int) -> st.SearchStrategy[str]:
    """The text of a page after its title line, with the layout :func:`partnerdata._ingest.page.parse` reads."""
    sentences = st.lists(_SENTENCE[language], min_size=1, max_size=2)
    items = st.lists(st.tuples(st.booleans(), sentences), min_size=1, max_size=2)
    sections = st.lists(st.tuples(st.none() | _PHRASE[language], items), min_size=1, max_size=max_sections)
    return st.builds(_page_body, sentences, sections)


def _source_text_title(name: str, language: str) -> str:
    return f"Relations avec {name}" if language == "fr" else f"Relations with {name}"


@st.composite
def _source_for(draw: st.DrawFn, partner: Partner, id: str, languages: tuple[str, ...], max_sections: int) -> Source:
    language = draw(st.sampled_from(languages))
    name = partner.name.get(language) or partner.alpha3
    text = _source_text_title(name, language) + "\n" + draw(_page_bodies(language, max_sections))
    url = _maybe(draw, st.just(f"https://www.nato.int/cps/{language}/natohq/topics_{id}.htm"))
    return Source.from_text(id=id, partner=partner.alpha3, language=language, text=text, url=url)


@st.composite
def _sources(draw: st.DrawFn, languages: tuple[str, ...], partner: Partner | None) -> Source:
    owner = partner if partner is not None else draw(_partners(languages))
    return draw(_source_for(owner, f"{draw(_slugs)}-{owner.alpha3.lower()}", languages, 3))


def sources(*, languages: Sequence[str] = LANGUAGES, partner: Partner | None = None) -> st.SearchStrategy[Source]:
    """:class:`~partnerdata.Source`: a page about ``partner`` (or a generated one) in one of ``languages``.

    The page text has the layout :class:`~partnerdata.Evidence` points into: a title line, an
    introduction, then sections of bullets and paragraphs, with or without headings.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import sources
    >>> @settings(max_examples=20, database=None)
    ... @given(sources(languages=["fr"]))
    ... def test_title(source):
    ...     assert source.title.startswith("Relations avec ")
    >>> test_title()
    """
    chosen = _check_languages(languages)
    if partner is not None and type(partner) is not Partner:
        raise InvalidArgument(f"partner must be a Partner, got {partner!r}")
    return _sources(chosen, partner)


def _sentences_of(source: Source) -> list[Evidence]:
    """Every sentence of a source page, as evidence quoting it."""
    page = parse(source.text)
    return [
        Evidence(source=source.id, section=i, item=j, sentence=k, quote=sentence)
        for i, section in enumerate(page.sections)
        for j, item in enumerate(section.items)
        for k, sentence in enumerate(item.sentences)
        if (i, j) != (0, 0)  # not the title
    ]


# ---------------------------------------------------------------------------------------------
# Relations and their parts, drawn in a context: what a dataset around them holds.


@attrs.frozen(kw_only=True)
class _Context:
    partner: str
    partners: tuple[str, ...]
    programmes: tuple[Programme, ...]
    topics: tuple[str, ...]
    evidence: tuple[Evidence, ...]  # every quotable sentence of the partner's pages
    language_of: dict[str, str]  # source id to the page's language
    languages: tuple[str, ...]
    min_year: int
    max_year: int
    max_items: int


def _floor(ctx: _Context, code: str | None) -> int:
    """The first year something done through ``code`` can have happened."""
    if code is None:
        return ctx.min_year
    founded = next((p.founded for p in ctx.programmes if p.code == code), None)
    return max(ctx.min_year, founded.year) if founded is not None else ctx.min_year


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[T]) -> T | None:
    """``None`` or a value of ``strategy`` (cheaper than building ``st.none() | strategy`` each time)."""
    return draw(strategy) if draw(st.booleans()) else None


def _evidence_list(ctx: _Context, min_size: int = 1) -> st.SearchStrategy[tuple[Evidence, ...]]:
    return _unique_tuples(ctx.evidence, min_size, 2)


def _codes(values: Sequence[str], max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    return _unique_tuples(tuple(values), 0, max_size)


@functools.lru_cache(maxsize=1024)
def _unique_tuples(values: tuple[T, ...], min_size: int, max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    if not values:
        return st.just(())
    return st.lists(st.sampled_from(values), min_size=min_size, max_size=max_size, unique=True).map(tuple)


def _programme_code(ctx: _Context) -> st.SearchStrategy[str]:
    return _sampled(tuple(p.code for p in ctx.programmes))


@functools.lru_cache(maxsize=1024)
def _sampled(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(values)


@st.composite
def _milestone(draw: st.DrawFn, ctx: _Context, after: int) -> Milestone | None:
    possible = [p.code for p in ctx.programmes if _floor(ctx, p.code) <= ctx.max_year]
    via = _maybe(draw, st.sampled_from(possible)) if possible else None
    low = max(after, _floor(ctx, via))
    if low > ctx.max_year:
        return None
    return Milestone(year=draw(st.integers(low, ctx.max_year)), via=via, evidence=draw(_evidence_list(ctx)))


@st.composite
def _participation(draw: st.DrawFn, ctx: _Context, programme: str) -> Participation:
    low = _floor(ctx, programme)
    since = _maybe(draw, st.integers(low, ctx.max_year)) if low <= ctx.max_year else None
    return Participation(
        programme=programme,
        since=since,
        focus=draw(_codes(ctx.topics, 3)),
        aim=draw(_optional_texts(ctx.languages, "phrase")),
        host=draw(_optional_texts(ctx.languages, "phrase")),
        evidence=draw(_evidence_list(ctx)),
    )


@st.composite
def _plan(draw: st.DrawFn, ctx: _Context) -> CooperationPlan:
    return CooperationPlan(
        programme=draw(_programme_code(ctx)),
        cycle_years=_maybe(draw, st.integers(1, 20)),
        renewal=draw(_optional_texts(ctx.languages, "phrase")),
        evidence=draw(_evidence_list(ctx)),
    )


@st.composite
def _designation(draw: st.DrawFn, ctx: _Context) -> UnitDesignation:
    codes = [p.code for p in ctx.programmes]
    return UnitDesignation(
        purpose=draw(_texts(ctx.languages, "phrase")),
        organisation=_maybe(draw, st.sampled_from(codes)) if codes else None,
        topics=draw(_codes(ctx.topics, 2)),
        evidence=draw(_evidence_list(ctx)),
    )


@st.composite
def _stance(draw: st.DrawFn, ctx: _Context) -> Stance:
    flags = [_maybe(draw, st.booleans()) for _ in range(3)]
    evidence = draw(_evidence_list(ctx, min_size=0))
    if any(flag is not None for flag in flags) and not evidence:
        evidence = (draw(_sampled(ctx.evidence)),)  # a known stance needs evidence
    return Stance(
        permanent_neutrality=flags[0],
        contributes_forces=flags[1],
        contributes_infrastructure=flags[2],
        designations=draw(st.lists(_designation(ctx), max_size=min(2, ctx.max_items))),
        evidence=evidence,
    )


@st.composite
def _channel(draw: st.DrawFn, ctx: _Context, body: str) -> Channel:
    return Channel(
        body=body,
        description=draw(_texts(ctx.languages, "phrase")),
        host=draw(_optional_texts(ctx.languages, "phrase")),
        evidence=draw(_evidence_list(ctx)),
    )


@st.composite
def _event(draw: st.DrawFn, ctx: _Context) -> Event:
    date = draw(_partial_dates(ctx.min_year, ctx.max_year))
    return Event(
        id=draw(_slugs),
        date=date,
        end=_maybe(draw, st.integers(date.year, ctx.max_year)),
        text=draw(_texts(ctx.languages, "sentence")),
        programmes=draw(_codes([p.code for p in ctx.programmes], 2)),
        topics=draw(_codes(ctx.topics, 2)),
        partners=draw(_codes(ctx.partners, 2)),
        evidence=draw(_evidence_list(ctx)),
    )


@st.composite
def _statement(draw: st.DrawFn, ctx: _Context, evidence: Evidence) -> Statement:
    language = ctx.language_of[evidence.source]
    text = {language: evidence.quote}
    for other in ctx.languages:  # a rendering in the other language, sometimes
        if other != language and draw(st.booleans()):
            text[other] = draw(_SENTENCE[other])
    return Statement(
        text=Text(**text),
        heading=draw(_optional_texts(ctx.languages, "phrase")),
        topics=draw(_codes(ctx.topics, 2)),
        programmes=draw(_codes([p.code for p in ctx.programmes], 2)),
        evidence=evidence,
    )


@st.composite
def _relation(draw: st.DrawFn, ctx: _Context) -> Relation:
    n = ctx.max_items
    codes = [p.code for p in ctx.programmes]
    relations_since = _maybe(draw, _milestone(ctx, ctx.min_year))
    after = relations_since.year if relations_since is not None else ctx.min_year
    cooperation_since = _maybe(draw, _milestone(ctx, after))
    chosen = draw(_codes(codes, n))
    bodies = draw(_codes(codes, n))
    quoted = draw(_unique_tuples(ctx.evidence, 0, n))
    events = draw(st.lists(_event(ctx), max_size=n, unique_by=lambda e: e.id))
    return Relation(
        partner=ctx.partner,
        relations_since=relations_since,
        cooperation_since=cooperation_since,
        plan=_maybe(draw, _plan(ctx)) if codes else None,
        participations=[draw(_participation(ctx, code)) for code in chosen],
        stance=draw(_stance(ctx)),
        channels=[draw(_channel(ctx, body)) for body in bodies],
        events=events,
        statements=[draw(_statement(ctx, e)) for e in quoted],
    )


# ---------------------------------------------------------------------------------------------
# Datasets.


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
) -> Dataset:
    found = draw(
        st.lists(
            _partners(languages),
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
            st.lists(_programmes(languages, min_year, max_year), min_size=1, max_size=4, unique_by=lambda p: p.code)
        )
        programme_list = _with_successors(draw, _without_clashes(drawn))
    else:
        programme_list = list(programmes)
    if topics is None:
        topic_list = _without_clashes(
            draw(st.lists(_topics(languages), min_size=1, max_size=4, unique_by=lambda t: t.code))
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
    for partner in partner_list:
        wanted = partner in with_relation
        count = draw(st.integers(1, 2) if wanted else st.integers(0, 1))
        own = [draw(_source_for(partner, f"nato-{partner.alpha3.lower()}-{i + 1}", languages, 2)) for i in range(count)]
        source_list += own
        if wanted:
            ctx = _Context(
                partner=partner.alpha3,
                partners=tuple(p.alpha3 for p in partner_list),
                programmes=tuple(programme_list),
                topics=tuple(t.code for t in topic_list),
                evidence=tuple(e for s in own for e in _sentences_of(s)),
                language_of={s.id: s.language for s in own},
                languages=languages,
                min_year=min_year,
                max_year=max_year,
                max_items=max_items,
            )
            relation_list.append(draw(_relation(ctx)))
    version = draw(st.from_regex(r"\A20[0-9]{2}\.(0[1-9]|1[0-2])\Z"))
    return Dataset(
        data_version=version,
        partners=partner_list,
        programmes=programme_list,
        topics=topic_list,
        sources=source_list,
        relations=relation_list,
    )


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
        successor = _maybe(draw, st.sampled_from(others)) if others else None
        out.append(attrs.evolve(programme, successor=successor))
    return out


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
) -> st.SearchStrategy[Dataset]:
    """Whole, valid :class:`~partnerdata.Dataset` editions, small by default so tests stay fast.

    ``min_partners``..``max_partners`` partners, of which ``min_relations``..``max_relations``
    (default: any number) have a relation; every partner with a relation has one or two source
    pages, others may have some too. ``programmes`` and ``topics`` give the vocabularies to use
    (for instance the packaged ones, ``partnerdata.load().programmes``); by default they are
    generated, one to five of each. Texts and pages are in ``languages``; every year lies between
    ``min_year`` and ``max_year``; ``max_items`` bounds each list of a relation (participations,
    channels, events, statements).

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
    _check_sizes("min_partners", min_partners, "max_partners", max_partners, minimum=0)
    _check_size("min_relations", min_relations)
    if max_relations is not None:
        _check_sizes("min_relations", min_relations, "max_relations", max_relations)
    if min_relations > max_partners:
        raise InvalidArgument(f"min_relations={min_relations} is larger than max_partners={max_partners}")
    _check_size("max_items", max_items)
    _check_years(min_year, max_year)
    programme_list = _check_records("programmes", programmes, Programme)
    topic_list = _check_records("topics", topics, Topic)
    return _datasets(
        min_partners=max(min_partners, min_relations),
        max_partners=max_partners,
        min_relations=min_relations,
        max_relations=max_relations,
        programmes=programme_list,
        topics=topic_list,
        languages=_check_languages(languages),
        min_year=min_year,
        max_year=max_year,
        max_items=max_items,
    )


@st.composite
def _contexts(
    draw: st.DrawFn,
    languages: tuple[str, ...],
    min_year: int,
    max_year: int,
    programmes: tuple[Programme, ...] | None,
) -> _Context:
    """A partner, one page about it, and vocabularies: what a relation's parts may refer to."""
    partner = draw(_partners(languages))
    if programmes is None:
        drawn = st.lists(_programmes(languages, min_year, max_year), min_size=1, max_size=3, unique_by=lambda p: p.code)
        programmes = tuple(draw(drawn))
    codes = draw(st.lists(_slugs, max_size=3, unique=True))
    others = draw(st.lists(_alpha3s, max_size=2))
    source = draw(_source_for(partner, f"nato-{partner.alpha3.lower()}-1", languages, 2))
    return _Context(
        partner=partner.alpha3,
        partners=tuple(sorted({partner.alpha3, *others})),
        programmes=programmes,
        topics=tuple(codes),
        evidence=tuple(_sentences_of(source)),
        language_of={source.id: source.language},
        languages=languages,
        min_year=min_year,
        max_year=max_year,
        max_items=2,
    )


@st.composite
def _in_context(
    draw: st.DrawFn,
    make: Callable[[st.DrawFn, _Context], T],
    languages: tuple[str, ...],
    min_year: int,
    max_year: int,
    programmes: tuple[Programme, ...] | None,
) -> T:
    return make(draw, draw(_contexts(languages, min_year, max_year, programmes)))


def _parts(
    make: Callable[[st.DrawFn, _Context], T],
    languages: Sequence[str],
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    programmes: Iterable[Programme] | None = None,
) -> st.SearchStrategy[T]:
    """A part of a relation, drawn in a generated context (a partner, its page, vocabularies)."""
    _check_years(min_year, max_year)
    chosen = _check_records("programmes", programmes, Programme)
    if chosen is not None and not chosen:
        raise InvalidArgument("programmes must not be empty")
    return _in_context(make, _check_languages(languages), min_year, max_year, chosen)


def _draw_milestone(draw: st.DrawFn, ctx: _Context) -> Milestone:
    found = draw(_milestone(ctx, ctx.min_year))
    assert found is not None  # with no programme, any year of the range will do
    return found


def _draw_participation(draw: st.DrawFn, ctx: _Context) -> Participation:
    return draw(_participation(ctx, draw(_programme_code(ctx))))


def _draw_channel(draw: st.DrawFn, ctx: _Context) -> Channel:
    return draw(_channel(ctx, draw(_programme_code(ctx))))


def _draw_statement(draw: st.DrawFn, ctx: _Context) -> Statement:
    return draw(_statement(ctx, draw(_sampled(ctx.evidence))))


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
    return _parts(_draw_milestone, languages, min_year, max_year)


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
    return _parts(_draw_participation, languages, min_year, max_year, programmes)


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
    return _parts(lambda draw, ctx: draw(_plan(ctx)), languages, programmes=programmes)


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
    return _parts(lambda draw, ctx: draw(_designation(ctx)), languages)


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
    return _parts(lambda draw, ctx: draw(_stance(ctx)), languages)


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
    return _parts(_draw_channel, languages, programmes=programmes)


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
    return _parts(lambda draw, ctx: draw(_event(ctx)), languages, min_year, max_year)


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
    return _parts(_draw_statement, languages)


@st.composite
def _evidences(draw: st.DrawFn, languages: tuple[str, ...]) -> Evidence:
    return draw(st.sampled_from(_sentences_of(draw(_sources(languages, None)))))


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
    return _evidences(_check_languages(languages))


# ---------------------------------------------------------------------------------------------
# Pairs of editions, for testing diffs.


@attrs.frozen(kw_only=True)
class EditionPair:
    """Two editions of a dataset and the edits between them, by partner (alpha-3 code).

    Both editions share their vocabularies and source pages; they differ in their relations:
    ``added`` partners have a relation only in ``new``, ``removed`` only in ``old``, and
    ``changed`` partners have a relation in both that differs. Every other relation is equal in
    both editions. ``data_version`` may differ too.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import dataset_pairs
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(dataset_pairs())
    ... def test_known_edits(pair):
    ...     old = {r.partner: r for r in pair.old.relations}
    ...     new = {r.partner: r for r in pair.new.relations}
    ...     assert pair.added == new.keys() - old.keys()
    ...     assert pair.changed == {p for p in old.keys() & new.keys() if old[p] != new[p]}
    >>> test_known_edits()
    """

    old: Dataset
    new: Dataset
    added: frozenset[str]
    removed: frozenset[str]
    changed: frozenset[str]

    @property
    def changed_partners(self) -> frozenset[str]:
        """Every partner whose relation differs between the editions: added, removed or changed."""
        return self.added | self.removed | self.changed

    @property
    def unchanged(self) -> frozenset[str]:
        """Partners whose relation is in both editions, equal."""
        return frozenset(r.partner for r in self.old.relations) - self.removed - self.changed


@st.composite
def _edit(draw: st.DrawFn, relation: Relation, pages: list[Source]) -> Relation:
    """A different, still valid, relation for the same partner."""
    sentences = [e for s in pages for e in _sentences_of(s)]
    language_of = {s.id: s.language for s in pages}
    used = {s.key for s in relation.statements}
    unused = [e for e in sentences if e.locator not in used]
    kinds = ["stance"]
    if relation.statements:
        kinds.append("drop-statement")
    if unused:
        kinds.append("add-statement")
    if relation.events:
        kinds.append("reword-event")
    kind = draw(st.sampled_from(kinds))
    if kind == "drop-statement":
        i = draw(st.integers(0, len(relation.statements) - 1))
        return attrs.evolve(relation, statements=relation.statements[:i] + relation.statements[i + 1 :])
    if kind == "add-statement":
        ev = draw(st.sampled_from(unused))
        added = Statement(text=Text(**{language_of[ev.source]: ev.quote}), evidence=ev)
        return attrs.evolve(relation, statements=(*relation.statements, added))
    if kind == "reword-event":
        i = draw(st.integers(0, len(relation.events) - 1))
        event = relation.events[i]
        text = Text(**{k: (v + " (révisé)" if v is not None else None) for k, v in to_dict(event.text).items()})
        return attrs.evolve(
            relation, events=(*relation.events[:i], attrs.evolve(event, text=text), *relation.events[i + 1 :])
        )
    stance = relation.stance
    value = draw(st.sampled_from([v for v in (None, True, False) if v is not stance.permanent_neutrality]))
    evidence = stance.evidence or (draw(st.sampled_from(sentences)),)
    return attrs.evolve(relation, stance=attrs.evolve(stance, permanent_neutrality=value, evidence=evidence))


@st.composite
def _dataset_pairs(draw: st.DrawFn, base: st.SearchStrategy[Dataset]) -> EditionPair:
    full = draw(base)
    fates = {r.partner: draw(st.sampled_from(("kept", "changed", "added", "removed"))) for r in full.relations}
    old_relations: list[Relation] = []
    new_relations: list[Relation] = []
    for r in full.relations:
        fate = fates[r.partner]
        if fate != "added":
            old_relations.append(r)
        if fate == "kept" or fate == "added":
            new_relations.append(r)
        elif fate == "changed":
            new_relations.append(draw(_edit(r, [s for s in full.sources if s.partner == r.partner])))
    old = attrs.evolve(full, relations=old_relations)
    new_version = draw(st.sampled_from([full.data_version, _next_version(full.data_version)]))
    new = attrs.evolve(full, data_version=new_version, relations=new_relations)
    return EditionPair(
        old=old,
        new=new,
        added=frozenset(p for p, fate in fates.items() if fate == "added"),
        removed=frozenset(p for p, fate in fates.items() if fate == "removed"),
        changed=frozenset(p for p, fate in fates.items() if fate == "changed"),
    )


def _next_version(version: str) -> str:
    return version + ".1"


def dataset_pairs(
    *,
    min_partners: int = 1,
    max_partners: int = 3,
    programmes: Iterable[Programme] | None = None,
    topics: Iterable[Topic] | None = None,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[EditionPair]:
    """Two editions of a generated dataset with known edits between them (:class:`EditionPair`).

    Each relation of a generated dataset is kept, changed (a stance flag, a statement added or
    dropped, an event reworded), added (only in the new edition) or removed (only in the old).
    The arguments are those of :func:`datasets`. See :class:`EditionPair` for an example.
    """
    base = datasets(
        min_partners=min_partners,
        max_partners=max_partners,
        min_relations=min(1, max_partners),
        programmes=programmes,
        topics=topics,
        languages=languages,
        min_year=min_year,
        max_year=max_year,
    )
    return _dataset_pairs(base)


# ---------------------------------------------------------------------------------------------
# Near-valid documents, for testing error paths.

DEFECTS = (
    "wrong-type",
    "missing-field",
    "unknown-field",
    "out-of-range",
    "blank-string",
    "huge-number",
    "not-a-number",
    "deep-nesting",
    "duplicate",
    "dangling-reference",
    "invalid-utf8",
    "truncated",
    "not-an-object",
)
"""Every kind of defect :func:`near_valid_documents` injects."""


@attrs.frozen(kw_only=True)
class NearValidDocument:
    """The JSON text of a valid record or dataset with one defect injected, and where it is.

    ``content`` is what to load (``bytes`` for the ``invalid-utf8`` defect, else ``str``);
    ``type`` the record type it is a document of; ``defect`` one of :data:`DEFECTS`;
    ``path`` a JSON path prefix: loading ``content`` raises
    :class:`~partnerdata.DataValidationError` with some problem at ``path`` or below it.
    ``valid`` is the document before the defect was injected.

    >>> from hypothesis import given, settings
    >>> import pytest
    >>> import partnerdata
    >>> from partnerdata.strategies import near_valid_documents
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(near_valid_documents(partnerdata.Partner))
    ... def test_defect_found(doc):
    ...     with pytest.raises(partnerdata.DataValidationError) as caught:
    ...         partnerdata.from_json(doc.type, doc.content)
    ...     assert any(p.path.startswith(doc.path) for p in caught.value.problems)
    >>> test_defect_found()
    """

    type: type
    content: str | bytes
    defect: str
    path: str
    valid: str

    def __repr__(self) -> str:
        return f"NearValidDocument(type={self.type.__name__}, defect={self.defect!r}, path={self.path!r})"


_SENTINEL = "\x00partnerdata-defect\x00"
_STRING_LISTS = frozenset({"aliases", "focus", "topics", "programmes", "partners"})


def _locations(value: Any, path: str, parent_key: str | None = None) -> list[tuple[str, Any, Any, str | None]]:
    """Every (path, container, key, name of the list it is in) inside a JSON value, root excluded."""
    out: list[tuple[str, Any, Any, str | None]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((f"{path}.{key}", value, key, None))
            out += _locations(item, f"{path}.{key}", key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.append((f"{path}[{i}]", value, i, parent_key))
            out += _locations(item, f"{path}[{i}]")
    return out


def _objects(value: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    if isinstance(value, dict):
        out.append((path, value))
        for key, item in value.items():
            out += _objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _objects(item, f"{path}[{i}]")
    return out


def _where(path: str, in_list: str | None) -> str:
    """The path a value defect is reported at: a sorted list of codes reports at the list."""
    if in_list is not None and in_list in _STRING_LISTS and path.endswith("]"):
        return path[: path.rindex("[")]
    return path


def _wrong(value: Any) -> Any:
    """A JSON value of a type no field holding ``value`` accepts."""
    if value is None or isinstance(value, dict):
        return []
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return 7
    return "not a list"


def _dangling(draw: st.DrawFn, data: dict[str, Any]) -> str | None:
    """Point one reference of a dataset document at nothing: the path reported, or ``None`` if none."""
    partners = {p["alpha3"] for p in data["partners"]}
    programmes = {p["code"] for p in data["programmes"]}
    unknown_partner = next(c for c in ("ZZZ", "ZZY", "ZYZ", "YZZ", "YYZ", "YYY") if c not in partners)
    unknown_programme = next(
        c for c in ("NOPE", "NOPE-1", "NOPE-2", "NOPE-3", "NOPE-4", "NOPE-5") if c not in programmes
    )
    options: list[tuple[str, dict[str, Any], str, Any]] = []  # path reported, object, key, new value
    for i, source in enumerate(data["sources"]):
        options.append((f"$.sources[{i}].partner", source, "partner", unknown_partner))
    for i, programme in enumerate(data["programmes"]):
        options.append((f"$.programmes[{i}].successor", programme, "successor", unknown_programme))
    for i, relation in enumerate(data["relations"]):
        where = f"$.relations[{i}]"  # a changed code may reorder the relation's lists
        for participation in relation["participations"]:
            options.append((where, participation, "programme", unknown_programme))
        for j, event in enumerate(relation["events"]):
            options.append((f"{where}.events[{j}]", event, "partners", [*event["partners"], unknown_partner]))
        for statement in relation["statements"]:
            evidence = statement["evidence"]
            options.append((where, evidence, "source", "no-such-page"))
            options.append((where, evidence, "quote", evidence["quote"] + " Bis."))
    if not options:
        return None
    path, obj, key, value = draw(st.sampled_from(options))
    obj[key] = value
    return str(path)


def _duplicate(draw: st.DrawFn, data: Any, cls: type) -> str | None:
    """Repeat one keyed item; the path the duplicate is reported at, or ``None`` if nothing is keyed."""
    options: list[tuple[str, list[Any]]] = []
    if cls is Dataset:
        for kind in ("partners", "programmes", "topics", "sources", "relations"):
            if data[kind]:
                options.append((f"$.{kind}", data[kind]))
    for path, container, key, _ in _locations(data, "$"):
        if not isinstance(key, str):
            continue
        value = container[key]
        codes = key in _STRING_LISTS and value and isinstance(value[0], str)
        if codes or (key in ("participations", "channels", "events", "statements") and value):
            options.append((path, value))
    if not options:
        return None
    path, items = draw(st.sampled_from(options))
    items.append(items[draw(st.integers(0, len(items) - 1))])
    return str(path)


@st.composite
def _near_valid(
    draw: st.DrawFn, cls: type, base: st.SearchStrategy[Any], defects: tuple[str, ...]
) -> NearValidDocument:
    record = draw(base)
    valid = json.dumps(to_dict(record), ensure_ascii=False, indent=2)
    data = json.loads(valid)
    locations = _locations(data, "$")
    objects = _objects(data, "$")
    ints = [loc for loc in locations if type(loc[1][loc[2]]) is int]
    strings = [loc for loc in locations if type(loc[1][loc[2]]) is str]
    possible = [
        d
        for d in defects
        if not (d in ("out-of-range", "huge-number") and not ints)
        and not (d == "blank-string" and not strings)
        and not (d == "wrong-type" and not locations)
        and not (d == "dangling-reference" and cls is not Dataset)
    ]
    if not possible:  # pragma: no cover - every record has a string or an integer
        possible = ["truncated"]
    defect = draw(st.sampled_from(possible))
    raw: str | None = None  # text replacing the sentinel, for what json.dumps cannot write
    path = "$"
    if defect == "wrong-type":
        path, container, key, in_list = draw(st.sampled_from(locations))
        container[key] = _wrong(container[key])  # refused before any sorting: the path is exact
    elif defect == "missing-field":
        path, obj = draw(st.sampled_from(objects))
        key = draw(st.sampled_from(sorted(obj)))
        del obj[key]
        path = f"{path}.{key}"
    elif defect == "unknown-field":
        path, obj = draw(st.sampled_from(objects))
        key = draw(st.from_regex(r"\A[a-z_]{1,12}\Z").filter(lambda k: k not in obj))
        obj[key] = draw(st.sampled_from([None, 0, "x", [], {}]))
        path = f"{path}.{key}"
    elif defect == "out-of-range":
        path, container, key, in_list = draw(st.sampled_from(ints))
        container[key] = draw(st.sampled_from([-1, 10**6, 2**63, -(2**64), 10**30]))
    elif defect == "blank-string":
        path, container, key, in_list = draw(st.sampled_from(strings))
        container[key] = draw(st.sampled_from(["", " ", "\u00a0", "\t\n"]))
        path = _where(path, in_list)
    elif defect == "huge-number":
        where, container, key, in_list = draw(st.sampled_from(ints))
        container[key] = _SENTINEL
        kind = draw(st.sampled_from(["digits", "exponent"]))
        raw = "9" * draw(st.integers(4400, 6000)) if kind == "digits" else "1e400"
        path = "$" if kind == "digits" else where  # too many digits is a syntax error; 1e400 a float
    elif defect == "not-a-number":
        __, container, key, in_list = draw(st.sampled_from(locations))
        container[key] = _SENTINEL
        raw = draw(st.sampled_from(["NaN", "Infinity", "-Infinity"]))
    elif defect == "deep-nesting":
        __, container, key, in_list = draw(st.sampled_from(locations))
        depth = draw(st.sampled_from([5_000, 100_000]))
        container[key] = _SENTINEL
        raw = "[" * depth + "]" * depth
    elif defect == "duplicate":
        found = _duplicate(draw, data, cls)
        if found is None:
            defect, data = "not-an-object", [data]
        else:
            path = found
    elif defect == "dangling-reference":
        found = _dangling(draw, data)
        if found is None:
            defect, data = "not-an-object", [data]
        else:
            path = found
    elif defect == "not-an-object":
        data = draw(st.sampled_from([[data], None, 1, "text", True]))
    text = json.dumps(data, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    if raw is not None:
        text = text.replace(json.dumps(_SENTINEL), raw)
    content: str | bytes = text
    if defect == "truncated":
        text = valid.rstrip()
        content = text[: draw(st.integers(0, len(text) - 1))]
    elif defect == "invalid-utf8":
        encoded = valid.encode("utf-8")
        at = draw(st.integers(0, len(encoded)))
        content = encoded[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x80"])) + encoded[at:]
    return NearValidDocument(type=cls, content=content, defect=defect, path=path, valid=valid)


_REGISTERED = tuple(getattr(partnerdata, name) for name in _entry_point.REGISTERED)

_RECORD_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {}


def _strategy_for(cls: type) -> st.SearchStrategy[Any]:
    """The default strategy of this module for ``cls``, as ``st.from_type`` uses it."""
    if not _RECORD_STRATEGIES:
        _RECORD_STRATEGIES.update(
            {
                Dataset: lambda: datasets(max_partners=2),
                Partner: partners,
                Programme: programmes,
                Topic: topics,
                Source: sources,
                Relation: relations,
                Milestone: milestones,
                Participation: participations,
                CooperationPlan: cooperation_plans,
                UnitDesignation: unit_designations,
                Stance: stances,
                Channel: channels,
                Event: events,
                Statement: statements,
                Text: texts,
                PartialDate: partial_dates,
                Evidence: evidences,
            }
        )
    if cls not in _RECORD_STRATEGIES:
        raise InvalidArgument(f"expected a partnerdata record type or Dataset, got {cls!r}")
    return _RECORD_STRATEGIES[cls]()


def near_valid_documents(
    of: type = Dataset, *, defects: Iterable[str] = DEFECTS
) -> st.SearchStrategy[NearValidDocument]:
    """Documents of ``of`` (a record type or :class:`~partnerdata.Dataset`) with exactly one defect.

    ``defects`` picks the kinds to inject (default: all of :data:`DEFECTS`). References exist only
    in datasets: for a record type ``dangling-reference`` is never drawn. See
    :class:`NearValidDocument` for an example.
    """
    chosen = tuple(dict.fromkeys(defects))
    unknown = [d for d in chosen if d not in DEFECTS]
    if not chosen or unknown:
        raise InvalidArgument(f"defects must be a non-empty subset of DEFECTS, got {chosen!r}")
    if of is not Dataset and chosen == ("dangling-reference",):
        raise InvalidArgument("only a Dataset document has references to leave dangling")
    return _near_valid(of, _strategy_for(of), chosen)
