"""Cited facts: NATO's facts about a partner in the project's own words, each citing NATO's page.

The packaged data ships the text of two NATO pages only (the seeds). For every other partner the
facts are written by hand in ``_sources/cited/<ALPHA3>.json`` (the format is described in
``docs/format.rst``): the NATO pages they cite (:class:`~partnerdata.Reference`) and the partner's
:class:`~partnerdata.Relation`, every fact resting on a :class:`~partnerdata.Citation`. This module
reads and checks one such file; the packaged build merges them with what the seed pages say.

``python -m partnerdata._ingest.build FILE...`` checks cited files and prints every problem.
"""

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from partnerdata._io.convert import parse_json, structure
from partnerdata._io.load import MAX_DATA_BYTES
from partnerdata._io.reading import read_regular
from partnerdata._model.errors import DataValidationError, Problem
from partnerdata._model.records import Citation, Evidence, Reference, Relation

__all__ = ["Cited", "check_files", "read_cited"]

_NAME = re.compile(r"[A-Z]{3}\.json")
_KEYS = ("partner", "references", "relation")


@attrs.frozen
class Cited:
    """One partner's cited facts: the NATO pages cited and the relation built from them."""

    references: tuple[Reference, ...]
    relation: Relation


def read_cited(path: Path, data: bytes) -> Cited:
    """The cited facts of one file; every defect is a :class:`DataValidationError` with the file and JSON path."""
    where = str(path)
    doc = parse_json(data, file=where)
    problems: list[Problem] = []

    def bad(at: str, message: str) -> None:
        problems.append(Problem(file=where, path=at, message=message))

    if not _NAME.fullmatch(path.name):
        bad("$", "a cited file is named after its partner's ISO alpha-3 code (ARM.json)")
    if not isinstance(doc, dict):
        raise DataValidationError([Problem(file=where, path="$", message="expected an object")])
    for key in sorted(doc.keys() - set(_KEYS)):
        bad(f"$.{key}", f"unknown field (known: {', '.join(_KEYS)})")
    for key in _KEYS:
        if key not in doc:
            bad(f"$.{key}", "required field missing")
    if problems:
        raise DataValidationError(problems)
    references: tuple[Reference, ...] = ()
    relation: Relation | None = None
    try:
        references = structure(doc["references"], tuple[Reference, ...], file=where, root="$.references")
    except DataValidationError as exc:
        problems += exc.problems
    try:
        relation = structure(doc["relation"], Relation, file=where, root="$.relation")
    except DataValidationError as exc:
        problems += exc.problems
    stem = path.name.removesuffix(".json")
    if doc["partner"] != stem:
        bad("$.partner", f"{doc['partner']!r} is not the file's partner {stem!r}")
    ids = [r.id for r in references]
    for i, rid in enumerate(ids):
        if rid in ids[:i]:
            bad(f"$.references[{i}].id", f"duplicate reference {rid!r}")
    if relation is not None:
        if relation.partner != stem:
            bad("$.relation.partner", f"{relation.partner!r} is not the file's partner {stem!r}")
        if relation.statements:
            bad("$.relation.statements", "a cited file holds no statements: they are sentences of a shipped page")
        for at, ev in _supports(doc["relation"], relation):
            if type(ev) is Evidence:
                bad(at, "a quote: a cited file gives facts in our own words with a citation")
            elif ev.source not in ids:
                bad(f"{at}.source", f"{ev.source!r} is not one of the file's references")
    if problems:
        raise DataValidationError(problems)
    assert relation is not None
    return Cited(references=references, relation=relation)


def _supports(raw: Any, relation: Relation) -> list[tuple[str, Evidence | Citation]]:
    """Every evidence of the relation with its JSON path in the file (positions as written)."""
    found: list[tuple[str, Evidence | Citation]] = []

    def walk(value: Any, at: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "evidence" and isinstance(item, list):
                    for i, ev in enumerate(item):
                        if isinstance(ev, dict):
                            found.append((f"{at}.evidence[{i}]", _support(ev)))
                else:
                    walk(item, f"{at}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{at}[{i}]")

    walk(raw, "$.relation")
    return found


def _support(raw: dict[str, Any]) -> Evidence | Citation:
    # The relation was built from this very data, so each object is one of the two kinds.
    if "says" in raw:
        return structure(raw, Citation)
    return structure(raw, Evidence)


def check_files(paths: Sequence[Path], vocabulary: dict[str, tuple[Any, ...]]) -> list[Problem]:
    """Every problem of the cited files named, checked with the vocabulary as a dataset would check them.

    Two files that give one reference differently are a problem too.
    """
    from partnerdata._query.dataset import Dataset

    problems: list[Problem] = []
    seen: dict[str, tuple[Reference, Path]] = {}
    for path in paths:
        try:
            cited = read_cited(path, read_regular(path, MAX_DATA_BYTES))
            Dataset(data_version="check", references=cited.references, relations=(cited.relation,), **vocabulary)
        except DataValidationError as exc:
            problems += [Problem(file=p.file or str(path), path=p.path, message=p.message) for p in exc.problems]
            continue
        except OSError as exc:
            problems.append(Problem(file=str(path), path="$", message=f"cannot read: {exc.strerror or exc}"))
            continue
        for ref in cited.references:
            first = seen.setdefault(ref.id, (ref, path))
            if first[0] != ref:
                problems.append(
                    Problem(
                        file=str(path), path="$.references", message=f"{ref.id} differs from its entry in {first[1]}"
                    )
                )
    return problems
