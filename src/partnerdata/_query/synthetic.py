"""The one generator of invented data: word lists, names, pages, evidence and relations.

Three users drive it: :func:`synthetic` (seeded datasets of any size, for benchmarks and property
tests), the hypothesis strategies (:mod:`partnerdata.strategies`) and ``benchmarks/diff.py``. Every
builder here takes the values already drawn, or a :class:`Chooser` that draws them: a
:class:`RandomChooser` over a seeded :class:`random.Random` here, a chooser over hypothesis's
``draw`` in the strategies (so that hypothesis still shrinks what it draws). Nothing here imports
hypothesis.

:func:`synthetic` makes ``n`` invented partners with the packaged programmes and topics, each with
a French source page whose bullets are its statements, and relations whose every fact quotes one
of those bullets. The dataset is built through the public :class:`Dataset` constructor, so it
passes every integrity check. The same ``seed`` always gives the same dataset.
"""

import calendar
import random
import string
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

import attrs

from partnerdata._model.layout import layout
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
    Relation,
    Source,
    Stance,
    Statement,
    Support,
    Text,
    UnitDesignation,
)

T = TypeVar("T")

# ---------------------------------------------------------------------------------------------
# Words and corpora: realistic French and English.

# fmt: off
FR_WORDS = (
    "coopération", "sécurité", "défense", "partenariat", "dialogue", "formation", "programme", "intégrité",
    "réforme", "soutien", "forces", "pays", "Alliés", "régionale", "pratique", "objectifs", "domaines",
    "experts", "gestion", "crises", "frontières", "l’OTAN", "l'Alliance", "civile", "militaire", "politique",
    "de", "la", "le", "des", "et", "avec", "pour", "en", "du", "au", "les", "énergie", "cyberdéfense",
    "terrorisme", "science", "paix", "Conseil", "plan",
)
EN_WORDS = (
    "cooperation", "security", "defence", "partnership", "dialogue", "training", "programme", "integrity",
    "reform", "support", "forces", "country", "Allies", "regional", "practical", "objectives", "areas",
    "experts", "management", "crisis", "borders", "NATO", "the Alliance's", "civil", "military", "political",
    "of", "the", "and", "with", "for", "in", "to", "energy", "cyber", "terrorism", "science", "peace",
    "Council", "plan", "border", "education",
)
FR_SENTENCES = (
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
EN_SENTENCES = (
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
FR_PHRASES = (
    "sécurité et maintien de la paix", "réforme de la défense", "gestion des crises", "cyberdéfense",
    "sécurité énergétique", "lutte contre le terrorisme", "Principaux domaines de coopération",
    "Conseil de partenariat euro-atlantique", "développement de l’intégrité", "science au service de la paix",
)
EN_PHRASES = (
    "security and peacekeeping", "defence reform", "crisis management", "cyber defence", "energy security",
    "counter-terrorism", "Key areas of cooperation", "Euro-Atlantic Partnership Council", "building integrity",
    "science for peace",
)
# fmt: on
WORDS = {"fr": FR_WORDS, "en": EN_WORDS}
SENTENCES = {"fr": FR_SENTENCES, "en": EN_SENTENCES}
PHRASES = {"fr": FR_PHRASES, "en": EN_PHRASES}
SYLLABLES = ("ka", "ri", "sta", "no", "vé", "lo", "mar", "tu", "zé", "bel", "an", "or", "gu", "ki", "dor", "ska")
KINDS = ("forum", "action-plan", "programme", "capacity-building-programme", "initiative", "office", "council")
SLUG_WORDS = tuple("cyber defence energy security border crisis science training reform civil peace".split())
ENDINGS = {"fr": ("ie", "istan", "ande", ""), "en": ("ia", "istan", "and", "")}
FORMAL = {"fr": "République de {}", "en": "Republic of {}"}

# Words of synthetic statements: a few common ones and many rare ones, so that searches return
# results of every size.
COMMON = ("cooperation", "securite")
RARE = tuple(f"mot{i:03d}" for i in range(500))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_sentence(words: Sequence[str]) -> str:
    return capitalise(" ".join(words)) + "."


def language_sets(languages: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The sets of languages a text may have: both most often, as in the data; each alone as well."""
    return [languages, *((lang,) for lang in languages)] if len(languages) > 1 else [languages]


def letters_code(i: int, letters: int) -> str:
    """The ``i``-th code of ``letters`` capital letters (AAA, AAB, ...): distinct codes for distinct ``i``."""
    out = ""
    for _ in range(letters):
        i, r = divmod(i, 26)
        out = string.ascii_uppercase[r] + out
    return out


def next_version(version: str) -> str:
    return version + ".1"


# ---------------------------------------------------------------------------------------------
# Partners and pages, from drawn values.


def invented_partner(
    *,
    alpha3: str,
    alpha2: str | None,
    stem: str,
    endings: Mapping[str, str],
    aliases: Iterable[str] = (),
    region: Text | None = None,
) -> Partner:
    """A partner named ``stem`` plus an ending per language (from :data:`ENDINGS`), formally too."""
    short = {lang: capitalise(stem + ending) for lang, ending in endings.items()}
    return Partner(
        alpha3=alpha3,
        alpha2=alpha2,
        name=Text(**short),
        official_name=Text(**{lang: FORMAL[lang].format(name) for lang, name in short.items()}),
        aliases=tuple(aliases),
        region=region,
    )


def source_title(name: str, language: str) -> str:
    return f"Relations avec {name}" if language == "fr" else f"Relations with {name}"


# A page section: its heading (or None) and its items, each (a bullet?, its sentences).
PageSection = tuple[str | None, Sequence[tuple[bool, Sequence[str]]]]


def page_body(intro: Sequence[str], sections: Sequence[PageSection]) -> str:
    """The text of a page after its title line, with the layout evidence points into."""
    lines = [" ".join(intro)]
    for i, (heading, items) in enumerate(sections):
        if heading is not None or i > 0:  # only a first section may stand without heading
            lines.append(capitalise(heading or "Coopération"))
        lines += [("- " if bullet else "") + " ".join(sentences) for bullet, sentences in items]
    return "\n".join(lines) + "\n"


def source_page(
    *,
    id: str,
    partner: Partner,
    language: str,
    intro: Sequence[str],
    sections: Sequence[PageSection],
    url: str | None = None,
) -> Source:
    """A source page about ``partner``: its title, then :func:`page_body`."""
    name = partner.name.get(language) or partner.alpha3
    text = source_title(name, language) + "\n" + page_body(intro, sections)
    return Source.from_text(id=id, partner=partner.alpha3, language=language, text=text, url=url)


def page_parts(c: "Chooser", language: str, max_sections: int) -> tuple[list[str], list[PageSection]]:
    """An introduction and sections of bullets and paragraphs, each of corpus sentences, for :func:`source_page`."""

    def sentences() -> list[str]:
        return [c.sentence(language) for _ in range(c.integer(1, 2))]

    sections: list[PageSection] = [
        (c.phrase(language) if c.boolean() else None, [(c.boolean(), sentences()) for _ in range(c.integer(1, 2))])
        for _ in range(c.integer(1, max_sections))
    ]
    return sentences(), sections


def evidence_in(source: Source) -> list[Evidence]:
    """Every sentence of a source page but its title, as evidence quoting it (numbered as pages are read)."""
    return [
        Evidence(source=source.id, section=i, item=j, sentence=k, quote=sentence)
        for i, (_, _, items) in enumerate(layout(source.text))
        for j, (_, _, _, sentences) in enumerate(items)
        for k, sentence in enumerate(sentences)
        if (i, j) != (0, 0)
    ]


# ---------------------------------------------------------------------------------------------
# Relations from drawn choices.


class Chooser(Protocol):
    """What the relation builders draw from: a seeded random generator, or hypothesis's ``draw``."""

    def integer(self, low: int, high: int) -> int: ...

    def boolean(self) -> bool: ...

    def choice(self, options: Sequence[T]) -> T: ...

    def subset(self, options: Sequence[T], min_size: int, max_size: int) -> tuple[T, ...]:
        """Distinct items of ``options`` (as many as there are, if fewer than ``min_size``)."""
        ...

    def phrase(self, language: str) -> str: ...

    def sentence(self, language: str) -> str: ...

    def slug(self) -> str: ...


@attrs.frozen
class RandomChooser:
    """A :class:`Chooser` over a :class:`random.Random`: the same seed, the same choices."""

    rng: random.Random

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def boolean(self) -> bool:
        return self.rng.random() < 0.5

    def choice(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def subset(self, options: Sequence[T], min_size: int, max_size: int) -> tuple[T, ...]:
        high = min(max_size, len(options))
        return tuple(self.rng.sample(list(options), self.rng.randint(min(min_size, high), high)))

    def phrase(self, language: str) -> str:
        return self.rng.choice(PHRASES[language])

    def sentence(self, language: str) -> str:
        return self.rng.choice(SENTENCES[language])

    def slug(self) -> str:
        return "-".join(self.rng.sample(SLUG_WORDS, self.rng.randint(1, 3)))


def maybe(c: Chooser, value: T) -> T | None:
    return value if c.boolean() else None


def text(c: Chooser, languages: tuple[str, ...], kind: str = "phrase") -> Text:
    """A text in some of ``languages``: a phrase each, or a sentence each for ``kind="sentence"``."""
    chosen = c.choice(language_sets(languages))
    make = c.sentence if kind == "sentence" else c.phrase
    return Text(**{lang: make(lang) for lang in chosen})


def optional_text(c: Chooser, languages: tuple[str, ...], kind: str = "phrase") -> Text | None:
    return text(c, languages, kind) if c.boolean() else None


def partial_date(c: Chooser, min_year: int, max_year: int) -> PartialDate:
    """A date known to the year, the month or the day; the day exists in the calendar."""
    year = c.integer(min_year, max_year)
    precision = c.choice(("year", "month", "day"))
    if precision == "year":
        return PartialDate(year=year)
    month = c.integer(1, 12)
    if precision == "month":
        return PartialDate(year=year, month=month)
    return PartialDate(year=year, month=month, day=c.integer(1, calendar.monthrange(year, month)[1]))


@attrs.frozen(kw_only=True)
class RelationContext:
    """What the dataset around a relation holds: what its parts may refer to and quote."""

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
    # Citations of NATO pages the dataset cites without shipping them (its references).
    cited: tuple[Citation, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.programmes)

    def floor(self, code: str | None) -> int:
        """The first year something done through ``code`` can have happened."""
        if code is None:
            return self.min_year
        founded = next((p.founded for p in self.programmes if p.code == code), None)
        return max(self.min_year, founded.year) if founded is not None else self.min_year


def _evidence(c: Chooser, ctx: RelationContext, min_size: int = 1) -> tuple[Support, ...]:
    return c.subset((*ctx.evidence, *ctx.cited), min_size, 2)


def reference(c: Chooser, id: str, min_year: int, max_year: int) -> Reference:
    """A NATO page a dataset cites: an address under nato.int, a title, a language and a date."""
    language = c.choice(LANGUAGES)
    return Reference(
        id=id,
        url=f"https://www.nato.int/cps/{language}/natohq/{id}.htm",
        title=c.phrase(language).capitalize(),
        language=language,
        date=partial_date(c, min_year, max_year),
        kind=c.choice(("partner-page", "press-release", "framework-page", "declaration")),
    )


def citations_of(c: Chooser, references: Sequence[Reference], languages: tuple[str, ...]) -> tuple[Citation, ...]:
    """One or two citations of each reference: a place on the page and a fact in our words."""
    found: list[Citation] = []
    for ref in references:
        for _ in range(c.integer(1, 2)):
            section = c.phrase(ref.language).capitalize() if c.boolean() else None
            found.append(Citation(source=ref.id, section=section, says=text(c, languages, "sentence")))
    return tuple(dict.fromkeys(found))


def milestone(c: Chooser, ctx: RelationContext, after: int) -> Milestone | None:
    """A milestone no earlier than ``after`` nor its programme's founding; ``None`` if no year fits."""
    possible = [code for code in ctx.codes if ctx.floor(code) <= ctx.max_year]
    via = c.choice(possible) if possible and c.boolean() else None
    low = max(after, ctx.floor(via))
    if low > ctx.max_year:
        return None
    year = c.integer(low, ctx.max_year)
    return Milestone(year=year, via=via, date=_date_in(c, year), evidence=_evidence(c, ctx))


def _date_in(c: Chooser, year: int) -> PartialDate | None:
    """Sometimes the full date of something known to have happened in ``year``."""
    if not c.boolean():
        return None
    date = partial_date(c, year, year)
    return date if date.month is not None else None


def participation(c: Chooser, ctx: RelationContext, programme: str) -> Participation:
    low = ctx.floor(programme)
    since = c.integer(low, ctx.max_year) if low <= ctx.max_year and c.boolean() else None
    # Some participations end, or were suspended and perhaps resumed, in order.
    suspended = resumed = until = None
    if since is not None and c.boolean():
        suspended = c.integer(since, ctx.max_year)
        resumed = c.integer(suspended, ctx.max_year) if c.boolean() else None
    if since is not None and c.boolean():
        until = c.integer(max(since, resumed or suspended or since), ctx.max_year)
    return Participation(
        programme=programme,
        since=since,
        date=_date_in(c, since) if since is not None else None,
        until=until,
        suspended=suspended,
        resumed=resumed,
        focus=c.subset(ctx.topics, 0, 3),
        aim=optional_text(c, ctx.languages),
        host=optional_text(c, ctx.languages),
        evidence=_evidence(c, ctx),
    )


def plan(c: Chooser, ctx: RelationContext) -> CooperationPlan:
    return CooperationPlan(
        programme=c.choice(ctx.codes),
        cycle_years=c.integer(1, 20) if c.boolean() else None,
        renewal=optional_text(c, ctx.languages),
        evidence=_evidence(c, ctx),
    )


def designation(c: Chooser, ctx: RelationContext) -> UnitDesignation:
    return UnitDesignation(
        purpose=text(c, ctx.languages),
        organisation=c.choice(ctx.codes) if ctx.codes and c.boolean() else None,
        topics=c.subset(ctx.topics, 0, 2),
        evidence=_evidence(c, ctx),
    )


def stance(c: Chooser, ctx: RelationContext) -> Stance:
    flags = [c.choice((True, False)) if c.boolean() else None for _ in range(3)]
    evidence = _evidence(c, ctx, min_size=0)
    if any(flag is not None for flag in flags) and not evidence:
        evidence = (c.choice(ctx.evidence),)  # a known stance needs evidence
    return Stance(
        permanent_neutrality=flags[0],
        contributes_forces=flags[1],
        contributes_infrastructure=flags[2],
        designations=[designation(c, ctx) for _ in range(c.integer(0, min(2, ctx.max_items)))],
        evidence=evidence,
    )


def channel(c: Chooser, ctx: RelationContext, body: str) -> Channel:
    return Channel(
        body=body,
        description=text(c, ctx.languages),
        host=optional_text(c, ctx.languages),
        evidence=_evidence(c, ctx),
    )


def event(c: Chooser, ctx: RelationContext, id: str) -> Event:
    date = partial_date(c, ctx.min_year, ctx.max_year)
    return Event(
        id=id,
        date=date,
        end=c.integer(date.year, ctx.max_year) if c.boolean() else None,
        text=text(c, ctx.languages, "sentence"),
        programmes=c.subset(ctx.codes, 0, 2),
        topics=c.subset(ctx.topics, 0, 2),
        partners=c.subset(ctx.partners, 0, 2),
        evidence=_evidence(c, ctx),
    )


def statement(c: Chooser, ctx: RelationContext, evidence: Evidence) -> Statement:
    """A statement rendering the sentence ``evidence`` quotes, verbatim, and sometimes another language."""
    language = ctx.language_of[evidence.source]
    rendered = {language: evidence.quote}
    for other in ctx.languages:
        if other != language and c.boolean():
            rendered[other] = c.sentence(other)
    return Statement(
        text=Text(**rendered),
        heading=optional_text(c, ctx.languages),
        topics=c.subset(ctx.topics, 0, 2),
        programmes=c.subset(ctx.codes, 0, 2),
        evidence=evidence,
    )


def relation(c: Chooser, ctx: RelationContext, statements: Sequence[Statement] | None = None) -> Relation:
    """A valid relation of ``ctx.partner``; ``statements`` replaces the drawn ones when given."""
    n = ctx.max_items
    relations_since = milestone(c, ctx, ctx.min_year) if c.boolean() else None
    after = relations_since.year if relations_since is not None else ctx.min_year
    cooperation_since = milestone(c, ctx, after) if c.boolean() else None
    member_since = milestone(c, ctx, after) if ctx.cited and c.boolean() else None
    if member_since is not None:
        member_since = attrs.evolve(member_since, via=None)
    chosen = c.subset(ctx.codes, 0, n)
    bodies = c.subset(ctx.codes, 0, n)
    quoted = c.subset(ctx.evidence, 0, n) if statements is None else ()
    events: dict[str, Event] = {}
    for _ in range(c.integer(0, n)):
        id = c.slug()
        events.setdefault(id, event(c, ctx, id))  # ids are unique in a relation
    return Relation(
        partner=ctx.partner,
        relations_since=relations_since,
        cooperation_since=cooperation_since,
        plan=plan(c, ctx) if ctx.codes and c.boolean() else None,
        participations=[participation(c, ctx, code) for code in chosen],
        stance=stance(c, ctx),
        channels=[channel(c, ctx, body) for body in bodies],
        events=list(events.values()),
        statements=[statement(c, ctx, e) for e in quoted] if statements is None else statements,
        member_since=member_since,
        conflicts=[conflict(c, ctx)] if ctx.cited and c.boolean() else [],
    )


def conflict(c: Chooser, ctx: RelationContext) -> Conflict:
    """Two sources giving one fact two different years, each with its own evidence."""
    pool: tuple[Support, ...] = (*ctx.evidence, *ctx.cited)
    first, second = c.subset(pool, 2, 2)
    year = c.integer(ctx.min_year, ctx.max_year - 1)
    later = c.integer(year + 1, ctx.max_year)
    fact = f"participations.{c.choice(ctx.codes)}.since" if ctx.codes else "relations_since"
    return Conflict(fact=fact, values=(str(year), str(later)), evidence=(first, second))


def edited(c: Chooser, relation: Relation, pages: Sequence[Source]) -> Relation:
    """A different, still valid, relation for the same partner: one edit to a stance, statement or event."""
    sentences = [e for s in pages for e in evidence_in(s)]
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
    kind = c.choice(kinds)
    if kind == "drop-statement":
        i = c.integer(0, len(relation.statements) - 1)
        return attrs.evolve(relation, statements=relation.statements[:i] + relation.statements[i + 1 :])
    if kind == "add-statement":
        ev = c.choice(unused)
        added = Statement(text=Text(**{language_of[ev.source]: ev.quote}), evidence=ev)
        return attrs.evolve(relation, statements=(*relation.statements, added))
    if kind == "reword-event":
        i = c.integer(0, len(relation.events) - 1)
        old = relation.events[i]
        reworded = Text(**{lang: v + " (révisé)" for lang in LANGUAGES if (v := old.text.get(lang, fallback=False))})
        return attrs.evolve(
            relation, events=(*relation.events[:i], attrs.evolve(old, text=reworded), *relation.events[i + 1 :])
        )
    current = relation.stance
    value = c.choice([v for v in (None, True, False) if v is not current.permanent_neutrality])
    evidence = current.evidence or (c.choice(sentences),)
    return attrs.evolve(relation, stance=attrs.evolve(current, permanent_neutrality=value, evidence=evidence))


# ---------------------------------------------------------------------------------------------
# Synthetic datasets of any size.


def synthetic(n: int, seed: int = 0, *, base: Any = None) -> Any:
    """A dataset of ``n`` invented partners (``n`` up to 17,576), the same for the same ``seed``.

    >>> ds = synthetic(3, seed=1)
    >>> len(ds.partners), len(ds.relations), ds.data_version
    (3, 3, 'synthetic-3-1')
    """
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.load import load

    if not 0 <= n <= 26**3:
        raise ValueError(f"n must be between 0 and {26**3}, not {n}")
    c = RandomChooser(random.Random(seed))
    base = base if base is not None else load()
    programmes = tuple(p for p in base.programmes if p.kind != "operation")
    topics = tuple(t.code for t in base.topics)
    alpha3s = [letters_code(i, 3) for i in range(n)]
    partners: list[Partner] = []
    sources: list[Source] = []
    relations: list[Relation] = []
    for i, alpha3 in enumerate(alpha3s):
        # The stem is the code itself, so no two partners' names can clash.
        partner = invented_partner(
            alpha3=alpha3,
            alpha2=letters_code(i, 2) if i < 26**2 else None,
            stem=alpha3.capitalize(),
            endings={lang: c.choice(ENDINGS[lang][:3]) for lang in LANGUAGES},
        )
        partners.append(partner)
        # Statements: one bullet each, with one to three topics and a common and a rare word.
        facts: list[tuple[str, str, tuple[str, ...]]] = []
        name = partner.name.get("fr") or alpha3
        for _ in range(c.integer(2, 4)):
            chosen = tuple(sorted(c.subset(topics, 1, 3)))
            common, rare = c.choice(COMMON), c.choice(RARE)
            fr = f"{name} agit en {common} sur {', '.join(chosen)} avec le {rare}."
            en = f"Partner {alpha3} works in {common} on {', '.join(chosen)} with the {rare}."
            facts.append((fr, en, chosen))
        source = source_page(
            id=f"synthetic-{alpha3.lower()}-fr",
            partner=partner,
            language="fr",
            intro=["Introduction."],
            sections=[("Faits", [(True, [fr]) for fr, _, _ in facts])],
        )
        sources.append(source)
        evidence = [e for e in evidence_in(source) if e.section > 0]
        ctx = RelationContext(
            partner=alpha3,
            partners=tuple(alpha3s[max(0, i - 2) : i + 3]),
            programmes=programmes,
            topics=topics,
            evidence=tuple(evidence),
            language_of={source.id: "fr"},
            languages=LANGUAGES,
            min_year=1990,
            max_year=2024,
            max_items=2,  # about the size of the packaged relations
        )
        said = [
            Statement(text=Text(fr=fr, en=en), topics=chosen, evidence=e)
            for (fr, en, chosen), e in zip(facts, evidence, strict=True)
        ]
        relations.append(relation(c, ctx, statements=said))
    return Dataset(
        data_version=f"synthetic-{n}-{seed}",
        partners=partners,
        programmes=base.programmes,
        topics=base.topics,
        sources=sources,
        relations=relations,
    )
