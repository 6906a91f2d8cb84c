"""Rebuilding the packaged data: the extractor's output for the source pages, plus a reviewed overlay.

Inputs (packaged, outside the loaded data folder so the loader never sees them):

- ``partnerdata/_sources/overlay.json``: the source pages to read (id, page file, url) and what no
  extractor should guess: renderings in the other language of statements, headings, aims,
  purposes, descriptions, hosts and renewals, event ids, and a few editorial texts;
- ``partnerdata/_sources/pages/<id>.txt``: each page verbatim;
- the vocabulary files of the data folder (``partners.json``, ``programmes.json``,
  ``topics.json``), which are curated by hand and only rewritten in canonical form.

Outputs: ``sources/<id>.json``, ``relations/<ALPHA3>.json``, the vocabulary files and
``manifest.json``. :func:`check` compares them with the files on disk.
"""

import json
import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from partnerdata._io.convert import parse_json, structure, to_dict
from partnerdata._io.files import UnsafeWriteError, made_by_last_build, replace_folder
from partnerdata._io.jsontext import file_bytes
from partnerdata._io.load import MAX_DATA_BYTES
from partnerdata._io.reading import UnreadableFileError, read_regular
from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import DataValidationError, PartnerDataError
from partnerdata._model.records import Partner, Programme, Reference, Relation, Text, Topic
from partnerdata._model.text import fold_marks

__all__ = ["BuildError", "build_files", "check", "default_data_dir", "default_inputs_dir", "write"]

_VOCABULARY: dict[str, type] = {"partners.json": Partner, "programmes.json": Programme, "topics.json": Topic}


class BuildError(PartnerDataError):
    """The build's inputs are inconsistent: a stale overlay entry, a missing rendering, a bad page."""


def default_data_dir() -> Path:
    """The packaged data folder (in a source checkout, ``src/partnerdata/data``)."""
    return Path(__file__).resolve().parent.parent / "data"


def default_inputs_dir() -> Path:
    """The packaged build inputs: ``overlay.json`` and ``pages/``."""
    return Path(__file__).resolve().parent.parent / "_sources"


class _Vocabulary:
    def __init__(self, partners: tuple[Any, ...], programmes: tuple[Any, ...], topics: tuple[Any, ...]) -> None:
        self.partners, self.programmes, self.topics = partners, programmes, topics


def _merge(text: Text | None, value: Any, where: str) -> Text:
    """Fill ``text`` with the overlay's ``value``: a string for the missing language, or ``{"fr":..., "en":...}``."""
    if isinstance(value, str):
        if text is None:
            raise BuildError(f"{where}: a bare string needs an extracted text to complete")
        return attrs.evolve(text, en=value) if text.en is None else attrs.evolve(text, fr=value)
    if not isinstance(value, dict) or not set(value) <= {"fr", "en"}:
        raise BuildError(f"{where}: expected a string or an object with 'fr' and/or 'en'")
    fields = {} if text is None else {"fr": text.fr, "en": text.en}
    fields.update(value)
    return Text(**fields)


class _Overlay:
    """Applies one relation's overlay entries and remembers which ones were used."""

    def __init__(self, entries: dict[str, Any], headings: dict[str, Any], where: str) -> None:
        self.entries, self.headings, self.where = entries, headings, where
        self.used: set[str] = set()

    def get(self, group: str, key: str) -> Any:
        found = self.entries.get(group, {}).get(key)
        if found is not None:
            self.used.add(f"{group}/{key}")
        return found

    def unused(self) -> list[str]:
        every = {f"{g}/{k}" for g, items in self.entries.items() for k in items}
        return sorted(every - self.used)

    def heading(self, text: Text | None) -> Text | None:
        if text is None:
            return None
        raw = text.fr if text.fr is not None else text.en
        value = self.headings.get(fold_marks(str(raw)))
        return text if value is None else _merge(text, value, f"headings/{raw}")

    def apply(self, r: Relation) -> Relation:
        w = self.where
        statements = []
        for s in r.statements:
            entry = self.get("statements", s.key)
            s = attrs.evolve(s, heading=self.heading(s.heading))
            if isinstance(entry, dict) and ("text" in entry or "topics" in entry or "programmes" in entry):
                changes: dict[str, Any] = {}
                if "text" in entry:
                    changes["text"] = _merge(s.text, entry["text"], f"{w}/statements/{s.key}")
                for name in ("topics", "programmes"):
                    if name in entry:
                        changes[name] = entry[name]
                s = attrs.evolve(s, **changes)
            elif entry is not None:
                s = attrs.evolve(s, text=_merge(s.text, entry, f"{w}/statements/{s.key}"))
            statements.append(s)
        plan = r.plan
        if plan is not None:
            entry = self.get("plan", plan.programme)
            if entry is not None:
                plan = attrs.evolve(plan, renewal=_merge(plan.renewal, entry.get("renewal"), f"{w}/plan"))
        participations = []
        for p in r.participations:
            entry = self.get("participations", p.programme)
            if entry is not None:
                changes = {
                    k: _merge(getattr(p, k), v, f"{w}/participations/{p.programme}/{k}") for k, v in entry.items()
                }
                p = attrs.evolve(p, **changes)
            participations.append(p)
        designations = []
        for d in r.stance.designations:
            entry = self.get("designations", d.evidence[0].locator)
            if entry is not None:
                d = attrs.evolve(d, purpose=_merge(d.purpose, entry.get("purpose"), f"{w}/designations"))
            designations.append(d)
        channels = []
        for c in r.channels:
            entry = self.get("channels", c.body)
            if entry is not None:
                changes = {k: _merge(getattr(c, k), v, f"{w}/channels/{c.body}/{k}") for k, v in entry.items()}
                c = attrs.evolve(c, **changes)
            channels.append(c)
        events = []
        for e in r.events:
            entry = self.get("events", e.evidence[0].locator)
            if entry is not None:
                e = attrs.evolve(
                    e,
                    id=entry.get("id", e.id),
                    text=_merge(e.text, entry["text"], f"{w}/events/{e.id}") if "text" in entry else e.text,
                )
            events.append(e)
        return attrs.evolve(
            r,
            statements=statements,
            plan=plan,
            participations=participations,
            stance=attrs.evolve(r.stance, designations=designations),
            channels=channels,
            events=events,
        )


def _missing_languages(value: Any, path: str) -> list[str]:
    if isinstance(value, Text):
        return [] if value.fr is not None and value.en is not None else [path]
    if attrs.has(type(value)):
        return [
            m for a in attrs.fields(type(value)) for m in _missing_languages(getattr(value, a.name), f"{path}.{a.name}")
        ]
    if isinstance(value, tuple):
        return [m for i, item in enumerate(value) for m in _missing_languages(item, f"{path}[{i}]")]
    return []


def read_vocabulary(data_dir: Path | None = None) -> dict[str, tuple[Any, ...]]:
    """The hand-curated vocabularies of the data folder (partners, programmes, topics), in canonical order."""
    data_dir = data_dir or default_data_dir()
    vocabulary: dict[str, tuple[Any, ...]] = {}
    for name, cls in _VOCABULARY.items():
        data = parse_json(_read(data_dir / name), file=str(data_dir / name))
        records = tuple(structure(data, tuple[cls, ...], file=name))  # type: ignore[valid-type]
        key: Callable[[Any], str] = (lambda r: r.alpha3) if cls is Partner else (lambda r: r.code)
        vocabulary[name.removesuffix(".json")] = tuple(sorted(records, key=key))
    return vocabulary


def main(argv: Sequence[str] | None = None) -> int:
    """Check cited files against the packaged vocabulary: 0 when every one is valid, 1 with the problems printed."""
    from partnerdata._ingest.cited import check_files

    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    problems = check_files(paths, read_vocabulary())
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"{len(paths)} cited file(s): no problem")
    return 1 if problems else 0


def _read_cited(inputs_dir: Path) -> tuple[dict[str, Reference], dict[str, Relation]]:
    """The cited facts of ``_sources/cited/``: every reference once, and each partner's relation."""
    from partnerdata._ingest.cited import read_cited

    folder = inputs_dir / "cited"
    references: dict[str, Reference] = {}
    relations: dict[str, Relation] = {}
    problems: list[str] = []
    names = sorted(p.name for p in folder.iterdir() if p.suffix == ".json") if folder.is_dir() else []
    for name in names:
        try:
            cited = read_cited(folder / name, _read(folder / name))
        except DataValidationError as exc:
            problems += [str(p) for p in exc.problems]
            continue
        for ref in cited.references:
            if references.setdefault(ref.id, ref) != ref:
                problems.append(f"cited/{name}: $.references: {ref.id} differs from another file's entry")
        relations[cited.relation.partner] = cited.relation
    if problems:
        raise BuildError("the cited facts are malformed:\n  " + "\n  ".join(problems))
    return references, relations


def build_files(data_dir: Path | None = None, inputs_dir: Path | None = None) -> dict[str, bytes]:
    """Every file of the data folder as the build makes it, by relative name (manifest included)."""
    from partnerdata._ingest.assemble import merge_relations
    from partnerdata._ingest.extract import extract
    from partnerdata._ingest.page import PageError, parse_page
    from partnerdata._query.dataset import Dataset
    from partnerdata._version import DATA_VERSION

    inputs_dir = inputs_dir or default_inputs_dir()
    overlay = _read_overlay(inputs_dir)
    vocabulary = read_vocabulary(data_dir)
    files: dict[str, bytes] = {
        f"{name}.json": file_bytes([to_dict(r) for r in records]) for name, records in vocabulary.items()
    }
    references, cited = _read_cited(inputs_dir)
    vocab = _Vocabulary(vocabulary["partners"], vocabulary["programmes"], vocabulary["topics"])
    relations_overlay = overlay.get("relations", {})
    sources, relations = [], []
    problems: list[str] = []
    for entry in overlay.get("sources", []):
        sid = entry["id"]
        where = inputs_dir / entry["page"]
        try:
            text = _read(where).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BuildError(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        try:
            page = parse_page(text)
        except PageError as exc:
            raise BuildError(f"{entry['page']}: {exc}") from None
        result = extract(page, vocabulary=vocab, source_id=sid, url=entry.get("url"))
        if "partner" in entry and entry["partner"] != result.partner.alpha3:
            problems.append(f"{sid}: the page names {result.partner.alpha3}, the overlay says {entry['partner']}")
        alpha3 = result.partner.alpha3
        applier = _Overlay(relations_overlay.get(alpha3, {}), overlay.get("headings", {}), f"relations/{alpha3}")
        relation = applier.apply(result.relation)
        problems += [f"overlay relations/{alpha3}/{u}: matches nothing in the extraction" for u in applier.unused()]
        problems += [f"relations/{alpha3}.json: {p} lacks a language" for p in _missing_languages(relation, "$")]
        if alpha3 in cited:
            # The page's own facts first: a cited fact that agrees adds its citation, one that
            # disagrees is kept as a conflict, the page's value standing.
            relation, conflicts = merge_relations([relation, cited.pop(alpha3)])
            relation = attrs.evolve(relation, conflicts=relation.conflicts + conflicts)
        sources.append(result.source)
        relations.append(relation)
        files[f"sources/{sid}.json"] = file_bytes(to_dict(result.source))
    relations += cited.values()
    for relation in relations:
        files[f"relations/{relation.partner}.json"] = file_bytes(to_dict(relation))
    if references:
        files["references.json"] = file_bytes([to_dict(r) for r in sorted(references.values(), key=lambda r: r.id)])
    unknown = set(relations_overlay) - {r.partner for r in relations}
    problems += [f"overlay relations/{code}: no source page for this partner" for code in sorted(unknown)]
    if problems:
        raise BuildError("the build inputs are inconsistent:\n  " + "\n  ".join(problems))
    # The whole dataset must pass every integrity check before anything is written.
    ds = Dataset(
        data_version=DATA_VERSION,
        sources=sources,
        references=tuple(references.values()),
        relations=relations,
        **vocabulary,
    )
    # Files hold records in canonical order, as the dataset's own round trip would write them.
    for relation in ds.relations:
        files[f"relations/{relation.partner}.json"] = file_bytes(to_dict(relation))
    manifest = {
        "format": 2,
        "data_version": DATA_VERSION,
        "files": {name: sha256_hex(data) for name, data in sorted(files.items())},
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
    return dict(sorted(files.items()))


_PAGE = re.compile(r"pages/[a-z0-9]+(?:-[a-z0-9]+)*\.txt")
_SOURCE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _read(path: Path) -> bytes:
    """A build input's bytes; any failure to read it is a :class:`BuildError` naming the file."""
    try:
        return read_regular(path, MAX_DATA_BYTES, follow_links=False)
    except UnreadableFileError as exc:
        raise BuildError(f"{exc}; refused") from None
    except OSError as exc:
        raise BuildError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_overlay(inputs_dir: Path) -> dict[str, Any]:
    """``overlay.json``, checked in shape: every problem is a :class:`BuildError` with its JSON path."""
    where = inputs_dir / "overlay.json"
    try:
        overlay = parse_json(_read(where), file=str(where))
    except DataValidationError as exc:
        raise BuildError("; ".join(str(p) for p in exc.problems)) from None
    problems: list[str] = []

    def bad(path: str, message: str) -> None:
        problems.append(f"{where}: {path}: {message}")

    if not isinstance(overlay, dict):
        raise BuildError(f"{where}: $: expected an object")
    if overlay.get("format") != 1:
        bad("$.format", f"unknown format {overlay.get('format')!r} (expected 1)")
    for key, kind in (("sources", list), ("headings", dict), ("relations", dict)):
        if key in overlay and not isinstance(overlay[key], kind):
            bad(f"$.{key}", f"expected {'an array' if kind is list else 'an object'}")
    sources = overlay.get("sources", [])
    for i, entry in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(entry, dict):
            bad(f"$.sources[{i}]", "expected an object with id and page")
            continue
        for key in sorted(entry.keys() - {"id", "page", "partner", "url"}):
            bad(f"$.sources[{i}].{key}", "unknown field")
        if not isinstance(entry.get("id"), str) or not _SOURCE_ID.fullmatch(entry["id"]):
            bad(f"$.sources[{i}].id", f"expected a source id (lowercase words joined by '-'), got {entry.get('id')!r}")
        # The page is named within pages/: an overlay cannot make the build read elsewhere.
        if not isinstance(entry.get("page"), str) or not _PAGE.fullmatch(entry["page"]):
            bad(f"$.sources[{i}].page", f"expected pages/<id>.txt, got {entry.get('page')!r}")
        for key in ("partner", "url"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                bad(f"$.sources[{i}].{key}", f"expected a string or null, got {entry[key]!r}")
    relations = overlay.get("relations", {})
    for code, entries in relations.items() if isinstance(relations, dict) else ():
        if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
            bad(f"$.relations.{code}", "expected an object of objects (statements, plan, participations, ...)")
    if problems:
        raise BuildError("overlay.json is malformed:\n  " + "\n  ".join(problems))
    return typing.cast(dict[str, Any], overlay)


def _on_disk(data_dir: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(data_dir.rglob("*.json")):
        found[path.relative_to(data_dir).as_posix()] = path.read_bytes()
    return found


def check(data_dir: Path | None = None, inputs_dir: Path | None = None) -> list[str]:
    """The differences between the data files on disk and what the build makes (empty: up to date)."""
    import difflib

    data_dir = data_dir or default_data_dir()
    built = build_files(data_dir, inputs_dir)
    present = _on_disk(data_dir)
    out: list[str] = []
    for name in sorted(set(built) | set(present)):
        if name not in present:
            out.append(f"{name}: missing (the build makes it)")
        elif name not in built:
            out.append(f"{name}: not made by the build")
        elif present[name] != built[name]:
            diff = difflib.unified_diff(
                present[name].decode("utf-8", "replace").splitlines(),
                built[name].decode("utf-8", "replace").splitlines(),
                f"{name} (committed)",
                f"{name} (built)",
                n=1,
                lineterm="",
            )
            lines = list(diff)
            shown = "\n".join("    " + line for line in lines[:24])
            more = f"\n    ... {len(lines) - 24} more lines" if len(lines) > 24 else ""
            out.append(f"{name}: differs from the build\n{shown}{more}")
    return out


def write(data_dir: Path | None = None, inputs_dir: Path | None = None, *, clean: bool = False) -> list[str]:
    """Regenerate the data folder; returns the names of the files written or removed.

    The folder is replaced whole (:func:`partnerdata._io.files.replace_folder`): an interrupted
    build leaves the old folder complete, two builds at once cannot interleave, and nothing is
    written through a symbolic link. A file in the folder that the last build did not make, or
    that was changed since (its checksum is not the manifest's), is never deleted: the build
    refuses and names it, unless ``clean`` is true.
    """
    data_dir = data_dir or default_data_dir()
    built = build_files(data_dir, inputs_dir)
    present = _on_disk(data_dir)
    changed = sorted(name for name in set(built) | set(present) if built.get(name) != present.get(name))
    if not changed:
        return []
    # The vocabularies are inputs the build read from this folder and rewrites in canonical form.
    keep = frozenset(present) if clean else made_by_last_build(data_dir) | set(_VOCABULARY)
    try:
        replace_folder(data_dir, built, keep=keep)
    except UnsafeWriteError as exc:
        raise BuildError(f"{exc} (or build with --clean)") from None
    return changed


if __name__ == "__main__":
    raise SystemExit(main())
