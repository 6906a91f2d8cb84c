"""Checks across a whole dataset: unique codes, resolving references, evidence that quotes its page."""

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from partnerdata._model.errors import Problem
from partnerdata._model.layout import Section, layout, sentence_at
from partnerdata._model.records import Citation, Evidence, Programme, Reference, Relation, Source, Support

if TYPE_CHECKING:
    from partnerdata._query.dataset import Dataset


def _duplicates(where: str, keys: Iterable[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, key in enumerate(keys):
        if key in seen:
            yield Problem(file=None, path=f"$.{where}[{i}]", message=f"duplicate code {key!r}")
        seen.add(key)


def problems(ds: "Dataset") -> list[Problem]:
    """Every problem of the dataset as a whole, with JSON paths from the dataset's root."""
    found: list[Problem] = []
    found += _duplicates("partners", (p.alpha3 for p in ds.partners))
    found += _duplicates("partners", (p.alpha2 or f"<none {i}>" for i, p in enumerate(ds.partners)))
    for code in ("numeric", "cow", "gw"):
        found += _duplicates("partners", (str(getattr(p, code) or f"<none {i}>") for i, p in enumerate(ds.partners)))
    found += _duplicates("programmes", (p.code for p in ds.programmes))
    found += _duplicates("topics", (t.code for t in ds.topics))
    found += _duplicates("sources", (s.id for s in ds.sources))
    found += _duplicates("references", (r.id for r in ds.references))
    taken = {s.id for s in ds.sources}
    for i, ref in enumerate(ds.references):
        if ref.id in taken:
            found.append(Problem(file=None, path=f"$.references[{i}].id", message=f"{ref.id!r} is also a source id"))
    found += _duplicates("relations", (r.partner for r in ds.relations))

    index = ds._index
    for kind, names, clashes in (
        ("partners", [p.alpha3 for p in ds.partners], index.partners.clashes),
        ("programmes", [p.code for p in ds.programmes], index.programmes.clashes),
        ("topics", [t.code for t in ds.topics], index.topics.clashes),
    ):
        position = {code: i for i, code in enumerate(names)}
        said: set[tuple[str, str]] = set()
        for name, first, second in clashes:
            code = _code(second)
            path, message = (
                f"$.{kind}[{position.get(code, 0)}]",
                f"the name {name!r} of {code} also names {_code(first)}",
            )
            if (path, message) not in said:  # a name given twice (French and English, official) is said once
                said.add((path, message))
                found.append(Problem(file=None, path=path, message=message))

    programmes = {p.code: p for p in ds.programmes}
    topics = {t.code for t in ds.topics}
    partners = {p.alpha3 for p in ds.partners}
    for i, partner in enumerate(ds.partners):
        for k, code in enumerate(partner.frameworks):
            if code not in programmes:
                found.append(
                    Problem(file=None, path=f"$.partners[{i}].frameworks[{k}]", message=f"unknown programme {code!r}")
                )
    for i, p in enumerate(ds.programmes):
        if p.successor is not None and p.successor not in programmes:
            found.append(
                Problem(file=None, path=f"$.programmes[{i}].successor", message=f"unknown programme {p.successor!r}")
            )

    pages: dict[str, tuple[Section, ...] | None] = {}
    for i, s in enumerate(ds.sources):
        if s.partner not in partners:
            found.append(Problem(file=None, path=f"$.sources[{i}].partner", message=f"unknown partner {s.partner!r}"))
        try:
            pages[s.id] = layout(s.text, sentences=False)  # split when a quote points in
        except ValueError as exc:
            pages[s.id] = None
            found.append(Problem(file=None, path=f"$.sources[{i}].text", message=str(exc)))
    sources: dict[str, object] = {s.id: s for s in ds.sources}
    sources.update((r.id, r) for r in ds.references)

    # A load shares one record among equal evidence (a statement and the facts read from it):
    # evidence found good is not looked up again for the next fact that holds it.
    quoted: dict[int, str] = {}
    split: dict[str, dict[tuple[int, int], tuple[str, ...]]] = {}
    for i, r in enumerate(ds.relations):
        found += _relation(r, f"$.relations[{i}]", programmes, topics, partners, sources, pages, quoted, split)
    found += _editions(ds, programmes, topics, partners, sources, pages, quoted, split)
    return found


def _editions(
    ds: "Dataset",
    programmes: Mapping[str, object],
    topics: set[str],
    partners: set[str],
    sources: Mapping[str, object],
    pages: Mapping[str, tuple[Section, ...] | None],
    quoted: dict[int, str],
    split: dict[str, dict[tuple[int, int], tuple[str, ...]]],
) -> list[Problem]:
    """Editions: one per partner and date, pages of that partner and date, the latest is the relation."""
    found: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    latest: dict[str, tuple[int, object]] = {}
    relations = {r.partner: r for r in ds.relations}
    for i, e in enumerate(ds.editions):
        root = f"$.editions[{i}]"
        if (e.partner, e.label) in seen:
            found.append(Problem(file=None, path=root, message=f"a second edition {e.partner}@{e.label}"))
        seen.add((e.partner, e.label))
        latest[e.partner] = (i, e.relation)
        for k, sid in enumerate(e.sources):
            source = sources.get(sid)
            if not isinstance(source, Source):
                found.append(Problem(file=None, path=f"{root}.sources[{k}]", message=f"unknown source {sid!r}"))
            elif source.partner != e.partner or source.edition != e.date:
                dated = source.edition.isoformat() if source.edition else "undated"
                found.append(
                    Problem(
                        file=None,
                        path=f"{root}.sources[{k}]",
                        message=f"{sid} is a page about {source.partner} of edition {dated}, not {e.partner}@{e.label}",
                    )
                )
        if e.relation != relations.get(e.partner):  # the latest one is checked as a relation
            found += _relation(
                e.relation, f"{root}.relation", programmes, topics, partners, sources, pages, quoted, split
            )
    for partner, (i, relation) in sorted(latest.items()):
        if relations.get(partner) != relation:
            found.append(
                Problem(
                    file=None,
                    path=f"$.editions[{i}].relation",
                    message=f"the latest edition of {partner} is not the dataset's relation of {partner}",
                )
            )
    return found


def _code(record: object) -> str:
    for attribute in ("alpha3", "code"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return repr(record)


def _at(where: tuple[str | int, ...]) -> str:
    """A JSON path from its steps: a name is ``.name``, a number ``[number]``."""
    return "".join(f"[{step}]" if type(step) is int else f".{step}" for step in where)


def _relation(
    r: Relation,
    root: str,
    programmes: Mapping[str, object],
    topics: set[str],
    partners: set[str],
    sources: Mapping[str, object],
    pages: Mapping[str, tuple[Section, ...] | None],
    quoted: dict[int, str],
    split: dict[str, dict[tuple[int, int], tuple[str, ...]]],
) -> list[Problem]:
    """The problems of one relation.

    ``quoted`` maps the ids of evidence found good (a quote in its page, a citation of a known
    reference) to the partner they were found good for; ``split`` keeps each page's items split
    into sentences, split when a quote first points into them. Paths are kept as their steps and
    written out only for a problem: most relations have none.
    """
    out: list[Problem] = []
    partner = r.partner

    def bad(where: tuple[str | int, ...], message: str) -> None:
        out.append(Problem(file=None, path=root + _at(where), message=message))

    def programme(where: tuple[str | int, ...], code: str | None, year: int | None = None) -> None:
        if code is None:
            return
        found = programmes.get(code)
        if not isinstance(found, Programme):
            bad(where, f"unknown programme {code!r}")
        elif year is not None and found.founded is not None and year < found.founded.year:
            bad(where, f"{code} began in {found.founded.year}, after {year}")

    def programme_list(where: tuple[str | int, ...], codes: tuple[str, ...]) -> None:
        for k, code in enumerate(codes):
            if code not in programmes:
                programme((*where, k), code)

    def topic_list(where: tuple[str | int, ...], codes: tuple[str, ...]) -> None:
        if codes and not topics.issuperset(codes):
            for k, code in enumerate(codes):
                if code not in topics:
                    bad((*where, k), f"unknown topic {code!r}")

    def evidence(where: tuple[str | int, ...], ev: Support) -> None:
        if type(ev) is Citation:
            if not isinstance(sources.get(ev.source), Reference):
                bad((*where, "source"), f"unknown reference {ev.source!r}")
            else:
                quoted[id(ev)] = partner
            return
        assert isinstance(ev, Evidence)
        source = sources.get(ev.source)
        if not isinstance(source, Source):
            bad((*where, "source"), f"unknown source {ev.source!r}")
            return
        if source.partner != partner:
            bad((*where, "source"), f"{ev.source} is a page about {source.partner}, not {partner}")
        page = pages.get(ev.source)
        if page is None:
            return
        sentence = sentence_at(page, ev.section, ev.item, ev.sentence, split.setdefault(ev.source, {}))
        place = f"{ev.section}.{ev.item}.{ev.sentence}"
        if sentence is None:
            bad(where, f"{ev.source} has no sentence {place}")
        elif sentence != ev.quote:
            bad((*where, "quote"), f"does not match sentence {place} of {ev.source}: {sentence!r}")
        elif source.partner == partner:
            quoted[id(ev)] = partner

    def evidences(where: tuple[str | int, ...], items: tuple[Support, ...]) -> None:
        for k, ev in enumerate(items):
            if quoted.get(id(ev)) != partner:  # found good once already: the same record, the same answer
                evidence((*where, k), ev)

    if partner not in partners:
        bad(("partner",), f"unknown partner {partner!r}")
    for name in ("relations_since", "cooperation_since", "member_since"):
        milestone = getattr(r, name)
        if milestone is not None:
            programme((name, "via"), milestone.via, milestone.year)
            evidences((name, "evidence"), milestone.evidence)
    if r.plan is not None:
        programme(("plan", "programme"), r.plan.programme)
        evidences(("plan", "evidence"), r.plan.evidence)
    for j, p in enumerate(r.participations):
        if p.programme in programmes:
            programme(("participations", j, "since"), p.programme, p.since)
        else:
            programme(("participations", j, "programme"), p.programme)
        topic_list(("participations", j, "focus"), p.focus)
        evidences(("participations", j, "evidence"), p.evidence)
    evidences(("stance", "evidence"), r.stance.evidence)
    for j, d in enumerate(r.stance.designations):
        programme(("stance", "designations", j, "organisation"), d.organisation)
        topic_list(("stance", "designations", j, "topics"), d.topics)
        evidences(("stance", "designations", j, "evidence"), d.evidence)
    for j, c in enumerate(r.channels):
        programme(("channels", j, "body"), c.body)
        evidences(("channels", j, "evidence"), c.evidence)
    for j, e in enumerate(r.events):
        programme_list(("events", j, "programmes"), e.programmes)
        topic_list(("events", j, "topics"), e.topics)
        for k, code in enumerate(e.partners):
            if code not in partners:
                bad(("events", j, "partners", k), f"unknown partner {code!r}")
        evidences(("events", j, "evidence"), e.evidence)
    for j, s in enumerate(r.statements):
        programme_list(("statements", j, "programmes"), s.programmes)
        topic_list(("statements", j, "topics"), s.topics)
        if quoted.get(id(s.evidence)) != partner:
            evidence(("statements", j, "evidence"), s.evidence)
        source = sources.get(s.evidence.source)
        if isinstance(source, Source) and s.text.get(source.language, fallback=False) != s.evidence.quote:
            bad(("statements", j, "text", source.language), "is not the quoted sentence verbatim")
    for j, conflict in enumerate(r.conflicts):
        evidences(("conflicts", j, "evidence"), conflict.evidence)
    return out
