"""Building a user's dataset folder from NATO pages: read, extract, group by edition, merge languages, write.

Pages (``.txt``, ``.htm``, ``.html``, or folders of them) are read with
:func:`partnerdata.read_page` and extracted against the packaged vocabulary, optionally extended
with the user's own partners (a JSON list in the format of ``partners.json``). Pages of one
partner and one edition date (the page's "last updated" line, else a ``YYYY-MM-DD`` in its file
name, else unknown) form one :class:`partnerdata.Edition`: the facts its French and English pages
agree on are merged (evidence of both); facts they disagree on are kept as the first page's value
and reported as :class:`partnerdata.Conflict` (pages in the order of their ids: English before
French). The dataset's ``relations`` are the latest editions'. A page that cannot be read is
reported with its file and reason; the others are still built.
"""

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from partnerdata._ingest.extract import Extraction, extract
from partnerdata._ingest.page import PageError, read_page
from partnerdata._ingest.reader import title_prefix
from partnerdata._io.convert import parse_json, structure, to_dict
from partnerdata._io.files import made_by_last_build, replace_folder
from partnerdata._io.jsontext import file_bytes
from partnerdata._io.load import MAX_DATA_BYTES
from partnerdata._io.reading import UnreadableFileError, read_regular
from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import DataValidationError, FieldError, NotFoundError, PartnerDataError, Problem
from partnerdata._model.records import (
    Conflict,
    Edition,
    Milestone,
    PartialDate,
    Partner,
    Relation,
    Support,
    Text,
)
from partnerdata._model.text import fold

__all__ = ["Built", "build_pages", "collect", "merge_relations", "read_partners", "write_folder"]

SUFFIXES = (".txt", ".htm", ".html")
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@attrs.frozen
class Built:
    """What :func:`build_pages` made: the dataset (``None`` if nothing could be built) and each failure."""

    dataset: Any
    failures: tuple[tuple[str, str], ...]  # (file, reason)
    conflicts: tuple[tuple[str, Conflict], ...]  # (edition label "KAZ@2022-05-23", conflict)


def collect(paths: Iterable["str | Path"]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The page files named (folders searched recursively, in name order), and the paths that are none."""
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found += sorted(q for q in path.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
        elif path.is_file():
            found.append(path)
        else:
            missing.append((str(path), "no such file or folder"))
    return found, missing


def read_partners(path: "str | Path") -> tuple[Partner, ...]:
    """Partners from a vocabulary extension file: a JSON list in the format of ``partners.json``."""
    name = str(path)
    try:
        raw = read_regular(path, MAX_DATA_BYTES)
    except UnreadableFileError as exc:
        raise DataValidationError([Problem(file=name, path="$", message=str(exc).removeprefix(f"{name}: "))]) from None
    except OSError as exc:
        # A file that is not there cannot be read: the input is unusable (exit 3), not the command.
        raise DataValidationError(
            [Problem(file=name, path="$", message=f"cannot read: {exc.strerror or exc}")]
        ) from None
    data = parse_json(raw, file=name)
    return tuple(structure(data, tuple[Partner, ...], file=name))


def _vocabulary(base: Any, extra: Sequence[Partner]) -> Any:
    """The packaged vocabulary with the user's partners (an entry with a packaged code replaces it)."""
    from partnerdata._query.dataset import Dataset

    codes = {p.alpha3 for p in extra}
    partners = [p for p in base.partners if p.alpha3 not in codes] + list(extra)
    return Dataset(data_version="vocabulary", partners=partners, programmes=base.programmes, topics=base.topics)


_ARTICLE = re.compile(r"(?:the|la|le|les|l') ?")


def _title_partner(title: str, vocabulary: Any) -> tuple[str | None, str]:
    """``(alpha3 or None, the name the title gives)``: the partner the title names, if the vocabulary knows it."""
    folded = fold(title)
    match = title_prefix(folded)
    rest = folded[match.end() :] if match else folded
    name = rest[_ARTICLE.match(rest).end() :] if _ARTICLE.match(rest) else rest  # type: ignore[union-attr]
    for candidate in (rest, name):
        try:
            return vocabulary.partner(candidate).alpha3, name
        except NotFoundError:
            pass
    words = f" {rest} "
    for p in vocabulary.partners:
        names = [p.alpha3, *(t for t in (p.name.fr, p.name.en) if t), *p.aliases]
        if p.official_name is not None:
            names += [t for t in (p.official_name.fr, p.official_name.en) if t]
        if any(f" {fold(n)} " in words for n in names if len(n) > 3):
            return p.alpha3, name
    return None, name


def title_partner(title: str, vocabulary: Any, file: str) -> str:
    """The alpha-3 code of the partner a page's title names; :class:`PageError` if it names none.

    Every command takes the partner from the title, as ``build`` does: a page that only mentions a
    partner in its text (a README, a news article) is not that partner's page.
    """
    alpha3, name = _title_partner(title, vocabulary)
    if alpha3 is None:
        raise PageError(f"{file}: {_unknown_partner(file, name)}", kind="not-a-partner-page")
    return alpha3


def _unknown_partner(file: str, name: str) -> str:
    name = name if len(name) <= 60 else name[:57] + "..."  # a title can be a whole paragraph
    return (
        f"the page is about {name!r}, which is no partner country of the vocabulary (NATO's pages about "
        "organisations or groups of partners are not partner pages). If it is a partner, write it in a "
        "partners file (a JSON list in the format of partners.json: alpha3, alpha2, numeric, cow, gw, name, "
        f"official_name, aliases, region, frameworks, member_since) and pass it: partnerdata build {file} "
        "--partners FILE"
    )


def edition_of(page_edition: PartialDate | None, path: Path) -> PartialDate | None:
    """A page's edition: its "last updated" date, else a ``YYYY-MM-DD`` in its file name, else unknown."""
    if page_edition is not None:
        return page_edition
    match = _FILE_DATE.search(path.name)
    if match is None:
        return None
    try:
        return PartialDate(year=int(match.group(1)), month=int(match.group(2)), day=int(match.group(3)))
    except ValueError:
        return None


def build_pages(
    paths: Sequence["str | Path"],
    *,
    partners: Sequence[Partner] = (),
    data_version: str = "local",
    progress: Callable[[int, int, str], None] | None = None,
    base: Any = None,
) -> Built:
    """Read every page, extract, group by partner and edition, merge languages, and check the dataset.

    ``base`` is a dataset to start from (the command line passes the packaged data unless told
    ``--pages-only``): its relations, pages and cited references are kept, and a partner's latest
    edition read here is merged with its relation there. A fact both give alike is one fact with
    both evidence; one they give differently keeps the page's value and both as a conflict.
    """
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.load import load

    vocabulary = _vocabulary(load(), partners)
    files, failures = collect(paths)
    extractions: dict[str, tuple[Extraction, Path]] = {}
    for n, path in enumerate(files, start=1):
        if progress is not None:
            progress(n, len(files), str(path))
        try:
            page = read_page(path)
        except PageError as exc:
            failures.append((str(path), exc.reason.removeprefix(f"{path}: ")))
            continue
        alpha3, name = _title_partner(page.title, vocabulary)
        if alpha3 is None:
            failures.append((str(path), _unknown_partner(str(path), name)))
            continue
        edition = edition_of(page.edition, path)
        label = "undated" if edition is None else edition.isoformat()
        sid = f"nato-{alpha3.lower()}-{page.language}-{label}"
        if sid in extractions:
            failures.append(
                (
                    str(path),
                    f"a second page of {alpha3} in {page.language} of edition {label} "
                    f"(the first is {extractions[sid][1]}); skipped",
                )
            )
            continue
        try:
            result = extract(page, vocabulary=vocabulary, source_id=sid, url=page.url)
        except NotFoundError:
            failures.append((str(path), _unknown_partner(str(path), name)))
            continue
        source = attrs.evolve(result.source, edition=edition, partner=alpha3)
        relation = attrs.evolve(result.relation, partner=alpha3) if result.relation.partner != alpha3 else None
        extractions[sid] = (
            attrs.evolve(result, source=source, relation=relation or result.relation),
            path,
        )
    groups: dict[tuple[str, str], list[Extraction]] = {}
    for sid in sorted(extractions):
        result = extractions[sid][0]
        src = result.source
        key = (src.partner, "undated" if src.edition is None else src.edition.isoformat())
        groups.setdefault(key, []).append(result)
    editions: list[Edition] = []
    conflicts: list[tuple[str, Conflict]] = []
    for (alpha3, label), results in sorted(groups.items()):
        relation, found = merge_relations([r.relation for r in results])
        relation = _event_ids(relation)
        conflicts += [(f"{alpha3}@{label}", c) for c in found]
        editions.append(
            Edition(
                partner=alpha3,
                date=results[0].source.edition,
                sources=tuple(r.source.id for r in results),
                relation=relation,
                conflicts=tuple(found),
            )
        )
    latest: dict[str, Edition] = {}
    for e in sorted(editions, key=lambda e: (e.partner, e.sort_key())):
        latest[e.partner] = e
    if not extractions:
        return Built(dataset=None, failures=tuple(failures), conflicts=())
    relations = {partner: e.relation for partner, e in latest.items()}
    sources = [r.source for r, _ in extractions.values()]
    references: tuple[Any, ...] = ()
    if base is not None:
        for kept in base.relations:
            mine = relations.get(kept.partner)
            if mine is None:
                relations[kept.partner] = kept
                continue
            merged, found = merge_relations([mine, kept])
            merged = attrs.evolve(merged, conflicts=merged.conflicts + found)
            relations[kept.partner] = merged
            conflicts += [(f"{kept.partner}@{latest[kept.partner].label} and the packaged data", c) for c in found]
            # The latest edition is the dataset's relation: it now holds the packaged facts too.
            i = editions.index(latest[kept.partner])
            editions[i] = attrs.evolve(editions[i], relation=merged)
        taken = {s.id for s in sources}
        sources += [s for s in base.sources if s.id not in taken]
        references = base.references
    ds = Dataset(
        data_version=data_version,
        partners=vocabulary.partners,
        programmes=vocabulary.programmes,
        topics=vocabulary.topics,
        sources=sources,
        references=references,
        relations=list(relations.values()),
        editions=editions,
    )
    return Built(dataset=ds, failures=tuple(failures), conflicts=tuple(conflicts))


def _event_ids(relation: Relation) -> Relation:
    """Events named by their dates (``2016-06-12``, a second one of that date ``2016-06-12-2``).

    The extractor's ids name the event's place in its page, which moves from edition to edition;
    the date names the same event in every edition, so diffs between editions match events by it.
    """
    events = []
    taken: set[str] = set()
    for e in relation.events:  # in date order
        base = e.date.isoformat() + ("" if e.end is None else f"-{e.end}")
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        events.append(attrs.evolve(e, id=name))
    return attrs.evolve(relation, events=events)


# --- merging the pages of one edition -----------------------------------------------------------


def _text(x: Text | None, y: Text | None) -> Text | None:
    if x is None or y is None:
        return x or y
    return Text(fr=x.fr if x.fr is not None else y.fr, en=x.en if x.en is not None else y.en)


def _evidence(x: tuple[Support, ...], y: tuple[Support, ...]) -> tuple[Support, ...]:
    return x + tuple(e for e in y if e not in x)


def _combine(x: Any, y: Any) -> Any:
    """``x`` with ``y``'s evidence added and the languages ``x``'s texts lack taken from ``y``'s."""
    changes: dict[str, Any] = {}
    for a in attrs.fields(type(x)):
        mine, theirs = getattr(x, a.name), getattr(y, a.name)
        if a.name == "evidence":
            changes["evidence"] = _evidence(mine, theirs)
        elif isinstance(mine, Text) or isinstance(theirs, Text):
            changes[a.name] = _text(mine, theirs)
        elif a.name in ("topics", "focus", "programmes", "partners") and isinstance(mine, tuple):
            changes[a.name] = tuple(sorted(set(mine) | set(theirs)))
        elif mine is None and theirs is not None:
            changes[a.name] = theirs  # a fact one source gives and the other does not say
    return attrs.evolve(x, **changes)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def conflict(self, fact: str, x: Any, y: Any, ex: Support | None, ey: Support | None) -> None:
        evidence = tuple(e for e in (ex, ey) if e is not None)
        if evidence:
            self.conflicts.append(Conflict(fact=fact, values=(_show(x), _show(y)), evidence=evidence))

    def one(self, fact: str, x: Any, y: Any, key: Callable[[Any], Any]) -> Any:
        if x is None or y is None:
            return x if y is None else y
        if key(x) == key(y):
            return _combine(x, y)
        self.conflict(fact, key(x), key(y), x.evidence[0], y.evidence[0])
        return x

    def keyed(
        self, fact: str, xs: tuple[Any, ...], ys: tuple[Any, ...], ident: str, key: Callable[[Any], Any]
    ) -> list[Any]:
        out = {getattr(x, ident): x for x in xs}
        for y in ys:
            k = getattr(y, ident)
            x = out.get(k)
            if x is None:
                out[k] = y
            elif key(x) is None or key(y) is None or key(x) == key(y):
                merged = _combine(x, y)
                if key(x) is None and key(y) is not None:
                    merged = attrs.evolve(merged, **{_KEY_FIELD[fact]: key(y)})
                out[k] = merged
            else:
                self.conflict(f"{fact}.{k}", key(x), key(y), x.evidence[0], y.evidence[0])
                out[k] = _keep_disputed(x, y, _KEY_FIELD[fact])
        return list(out.values())

    def relation(self, a: Relation, b: Relation) -> Relation:
        stance_fields = {}
        for name in ("permanent_neutrality", "contributes_forces", "contributes_infrastructure"):
            x, y = getattr(a.stance, name), getattr(b.stance, name)
            if x is not None and y is not None and x != y:
                self.conflict(
                    f"stance.{name}",
                    x,
                    y,
                    a.stance.evidence[0] if a.stance.evidence else None,
                    b.stance.evidence[0] if b.stance.evidence else None,
                )
            stance_fields[name] = x if x is not None else y
        designations = {d.organisation: d for d in a.stance.designations}
        for d in b.stance.designations:
            designations[d.organisation] = (
                _combine(designations[d.organisation], d) if d.organisation in designations else d
            )
        stance = attrs.evolve(
            a.stance,
            designations=tuple(designations.values()),
            evidence=_evidence(a.stance.evidence, b.stance.evidence),
            **stance_fields,
        )
        events = {(e.date, e.end): e for e in a.events}
        ids = {e.id for e in a.events}
        for e in b.events:
            same = events.get((e.date, e.end))
            if same is not None:
                events[(e.date, e.end)] = _combine(same, e)
            else:
                base, n = e.id, 2
                while e.id in ids:  # two events of one id read from two pages: number the second
                    e = attrs.evolve(e, id=f"{base}-{n}")
                    n += 1
                ids.add(e.id)
                events[(e.date, e.end)] = e
        relations_since = self.one("relations_since", a.relations_since, b.relations_since, _milestone)
        cooperation_since = self.one("cooperation_since", a.cooperation_since, b.cooperation_since, _milestone)
        member_since = self.one("member_since", a.member_since, b.member_since, _milestone)
        if (
            relations_since is not None
            and cooperation_since is not None
            and cooperation_since.year < relations_since.year
        ):
            cooperation_since = a.cooperation_since
        return attrs.evolve(
            a,
            relations_since=relations_since,
            cooperation_since=cooperation_since,
            member_since=member_since,
            plan=self.one("plan", a.plan, b.plan, lambda p: (p.programme, p.cycle_years)),
            participations=self.keyed("participations", a.participations, b.participations, "programme", _since),
            stance=stance,
            channels=self.keyed("channels", a.channels, b.channels, "body", lambda c: None),
            events=list(events.values()),
            statements=a.statements + b.statements,
            conflicts=a.conflicts + tuple(c for c in b.conflicts if c not in a.conflicts),
        )


_KEY_FIELD = {"participations": "since", "channels": "body"}


def _keep_disputed(x: Any, y: Any, disputed: str) -> Any:
    """``x`` with what ``y`` adds beyond the disputed field (topics, an aim, evidence), its own value kept.

    The disputed value and what hangs on it (a participation's full date) stay ``x``'s; if ``y``'s
    other facts cannot stand with ``x``'s value (an end before ``x``'s start), ``x`` is kept as it is.
    """
    hanging = {disputed: getattr(x, disputed)}
    if disputed == "since":
        hanging["date"] = x.date
    try:
        merged = _combine(x, attrs.evolve(y, **hanging))
    except FieldError:
        return x
    # The evidence stays x's: y's says the other value, and the conflict keeps it with that value.
    return attrs.evolve(merged, evidence=x.evidence)


def _since(p: Any) -> Any:
    return p.since


def _milestone(m: Milestone) -> tuple[int, str | None]:
    return (m.year, m.via)


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return " via ".join(str(v) for v in value if v is not None)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def merge_relations(relations: Sequence[Relation]) -> tuple[Relation, tuple[Conflict, ...]]:
    """One relation from the pages of one edition, and the facts on which they disagree.

    Facts they agree on are one fact with the evidence of every page; a fact one page gives and
    another does not say is taken; facts they disagree on keep the first page's value and are
    returned as conflicts, with both values and both evidence.
    """
    merger = _Merger()
    merged = relations[0]
    for other in relations[1:]:
        merged = merger.relation(merged, other)
    return merged, tuple(merger.conflicts)


# --- writing the folder ----------------------------------------------------------------------------


def folder_files(ds: Any) -> dict[str, bytes]:
    """Every file of the dataset's folder, by relative name, the manifest last."""
    files: dict[str, bytes] = {
        "partners.json": file_bytes([to_dict(p) for p in ds.partners]),
        "programmes.json": file_bytes([to_dict(p) for p in ds.programmes]),
        "topics.json": file_bytes([to_dict(t) for t in ds.topics]),
    }
    for s in ds.sources:
        files[f"sources/{s.id}.json"] = file_bytes(to_dict(s))
    if ds.references:
        files["references.json"] = file_bytes([to_dict(r) for r in ds.references])
    for r in ds.relations:
        files[f"relations/{r.partner}.json"] = file_bytes(to_dict(r))
    by_partner: dict[str, list[Edition]] = {}
    for e in ds.editions:
        by_partner.setdefault(e.partner, []).append(e)
    for partner, editions in by_partner.items():
        files[f"editions/{partner}.json"] = file_bytes([to_dict(e) for e in editions])
    manifest = {
        "format": 2,
        "data_version": ds.data_version,
        "files": {name: sha256_hex(data) for name, data in sorted(files.items())},
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
    return files


def write_folder(ds: Any, output: "str | Path", *, packaged: Path | None = None) -> list[str]:
    """Write the dataset's folder, replacing any earlier build of it whole (see :func:`replace_folder`).

    Refuses a folder inside the installed package (``packaged``), a file where the folder goes, and
    a folder holding anything the last build did not make (a file added or edited by hand): it is
    never deleted. Returns the names of the files written.
    """
    target = Path(output)
    if packaged is not None:
        inside = target.resolve()
        if inside == packaged.resolve() or packaged.resolve() in inside.parents:
            raise PartnerDataError(
                f"{target}: is inside the installed package; write your data elsewhere "
                "(the maintainers rebuild the packaged data with `partnerdata build --packaged`)"
            )
    if target.exists() and not target.is_symlink() and not target.is_dir():
        raise PartnerDataError(f"{target}: is a file, not a folder")
    files = folder_files(ds)
    replace_folder(target, files, keep=made_by_last_build(target))
    return list(files)


def progress_bar(stream: TextIO = sys.stderr, *, minimum: int = 20) -> Callable[[int, int, str], None] | None:
    """A one-line progress bar on ``stream`` when it is a terminal (``None`` otherwise)."""
    if not stream.isatty():
        return None

    def show(n: int, total: int, name: str) -> None:
        if total < minimum:
            return
        width = 30
        done = width * n // total
        stream.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {Path(name).name[:40]:<40}")
        if n == total:
            stream.write("\n")
        stream.flush()

    return show
