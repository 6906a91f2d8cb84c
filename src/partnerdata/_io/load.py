"""Reading datasets from files and folders; the dataset class to build is given by the caller.

A folder (the packaged data is one) holds ``manifest.json``, which names every data file with its
SHA-256. File names in a manifest are checked against a fixed pattern before any file is opened,
so a manifest cannot make the loader read outside its folder. Every problem in every file is
collected before anything is returned: a dataset is loaded whole or not at all.
"""

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from partnerdata._io.convert import parse_json, structure, to_dict
from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import DataValidationError, Problem
from partnerdata._model.records import Partner, Programme, Relation, Source, Topic

T = TypeVar("T")

__all__ = ["Node", "quietly", "read", "read_folder"]

MANIFEST = "manifest.json"
FORMAT = 1
# Every name a manifest may list: a closed set of shapes, never a path of the user's choosing.
_FILE_NAME = re.compile(
    r"(?:partners|programmes|topics)\.json|relations/[A-Z]{3}\.json|sources/[a-z0-9]+(?:-[a-z0-9]+)*\.json\Z"
)
_REQUIRED = ("partners.json", "programmes.json", "topics.json")


class Node(Protocol):
    """What the loader needs of a folder: ``pathlib.Path`` and importlib's ``Traversable`` both fit."""

    @property
    def name(self) -> str: ...

    def joinpath(self, *child: str) -> Any: ...
    def is_file(self) -> bool: ...
    def is_dir(self) -> bool: ...
    def iterdir(self) -> Any: ...
    def read_bytes(self) -> bytes: ...


def read(path: "str | os.PathLike[str]", make: "type[T]") -> T:
    """The dataset in a user's file or folder, built by ``make`` (the dataset class) from its records."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    target = Path(path)
    if target.is_dir():
        return quietly(lambda: read_folder(target, str(target), make))
    if not target.exists():
        raise DataValidationError([Problem(file=str(target), path="$", message="no such file or folder")])
    return quietly(lambda: _load_document(target, make))


def _load_document(target: Path, make: "type[T]") -> T:

    name = str(target)
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise DataValidationError([Problem(file=name, path="$", message=f"cannot read: {exc.strerror}")]) from None
    data = parse_json(raw, file=name)
    if isinstance(data, dict) and data.keys() >= MANIFEST_KEYS and "partners" not in data:
        raise DataValidationError(
            [Problem(file=name, path="$", message="this is a manifest: load the folder that holds it")]
        )
    try:
        return structure(data, make, file=name)
    except DataValidationError as exc:
        raise DataValidationError([_in_document(p, data) for p in exc.problems]) from None


MANIFEST_KEYS = frozenset({"format", "data_version", "files"})


def quietly(build: "Callable[[], T]") -> T:
    # Parsing and structuring make many small objects; the cyclic GC would walk them all again
    # and again while they are made, and none of them can form a cycle.
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return build()
    finally:
        if enabled:
            gc.enable()


def _read_manifest(folder: Node, label: str) -> tuple[str, dict[str, str], list[Problem]]:
    where = f"{label}/{MANIFEST}"
    node = folder.joinpath(MANIFEST)
    if not node.is_file():
        return "", {}, [Problem(file=where, path="$", message="missing: a data folder needs a manifest")]
    data = parse_json(node.read_bytes(), file=where)
    problems: list[Problem] = []

    def bad(path: str, message: str) -> None:
        problems.append(Problem(file=where, path=path, message=message))

    if not isinstance(data, dict):
        bad("$", "expected an object")
        return "", {}, problems
    for key in sorted(data.keys() - MANIFEST_KEYS):
        bad(f"$.{key}", "unknown field")
    for key in sorted(MANIFEST_KEYS - data.keys()):
        bad(f"$.{key}", "required field missing")
    if "format" in data and (type(data["format"]) is not int or data["format"] != FORMAT):
        bad("$.format", f"unsupported format {data['format']!r} (this version reads {FORMAT})")
    version = data.get("data_version")
    if "data_version" in data and (type(version) is not str or not version):
        bad("$.data_version", f"expected a non-empty string, got {version!r}")
    files = data.get("files")
    listed: dict[str, str] = {}
    if "files" in data and not isinstance(files, dict):
        bad("$.files", "expected an object of file name to SHA-256")
    elif isinstance(files, dict):
        for name, digest in files.items():
            if not _FILE_NAME.match(name):
                bad(
                    f"$.files[{name!r}]",
                    "not a data file name (partners.json, relations/ABC.json, sources/id.json, ...)",
                )
            elif type(digest) is not str or not re.fullmatch(r"[0-9a-f]{64}", digest):
                bad(f"$.files[{name!r}]", f"expected a lowercase hex SHA-256, got {digest!r}")
            else:
                listed[name] = digest
        for name in _REQUIRED:
            if name not in files:
                bad("$.files", f"{name} is not listed")
    return version if isinstance(version, str) else "", listed, problems


def read_folder(folder: "Node", label: str, make: "Callable[..., T]") -> T:
    """The dataset in a data folder (a ``Path`` or an importlib ``Traversable``), built by ``make``."""

    if not folder.is_dir():
        raise DataValidationError([Problem(file=label, path="$", message="not a folder")])
    version, listed, problems = _read_manifest(folder, label)
    problems += _unlisted(folder, label, listed)
    parsed: dict[str, Any] = {}
    for name, digest in sorted(listed.items()):
        where = f"{label}/{name}"
        node = folder.joinpath(*name.split("/"))
        if not node.is_file():
            problems.append(Problem(file=where, path="$", message="listed in the manifest but missing"))
            continue
        raw = node.read_bytes()
        actual = sha256_hex(raw)
        if actual != digest:
            problems.append(
                Problem(
                    file=where,
                    path="$",
                    message=f"checksum mismatch: the manifest says {digest}, the file hashes to {actual}",
                )
            )
            continue
        try:
            parsed[name] = parse_json(raw, file=where)
        except DataValidationError as exc:
            problems += exc.problems

    def build() -> T:
        lists: dict[str, list[Any]] = {"partners": [], "programmes": [], "topics": [], "sources": [], "relations": []}
        files: dict[str, list[str]] = {key: [] for key in lists}  # which file each record came from
        kinds: dict[str, type] = {"partners": Partner, "programmes": Programme, "topics": Topic}
        for name, data in parsed.items():
            where = f"{label}/{name}"
            try:
                if "/" not in name:
                    key = name.removesuffix(".json")
                    records = structure(data, tuple[kinds[key], ...], file=where)  # type: ignore[valid-type]
                    lists[key] += records
                    files[key] += [name] * len(records)
                    continue
                folder_name, stem = name.removesuffix(".json").split("/")
                if folder_name == "sources":
                    source = structure(data, Source, file=where)
                    if source.id != stem:
                        problems.append(
                            Problem(file=where, path="$.id", message=f"{source.id!r} does not match the file name")
                        )
                    lists["sources"].append(source)
                    files["sources"].append(name)
                else:
                    relation = structure(data, Relation, file=where)
                    if relation.partner != stem:
                        problems.append(
                            Problem(
                                file=where,
                                path="$.partner",
                                message=f"{relation.partner!r} does not match the file name",
                            )
                        )
                    lists["relations"].append(relation)
                    files["relations"].append(name)
            except DataValidationError as exc:
                problems.extend(exc.problems)
        if problems:
            raise DataValidationError(problems)
        try:
            return make(data_version=version, **lists)
        except DataValidationError as exc:
            raise DataValidationError([_place(p, lists, files, parsed, label) for p in exc.problems]) from None

    return build()


def _unlisted(folder: Node, label: str, listed: dict[str, str]) -> list[Problem]:
    """Data files in the folder that the manifest does not name: loading them silently would lie."""
    found: list[Problem] = []
    for sub in ("", "relations", "sources"):
        node = folder.joinpath(sub) if sub else folder
        if not node.is_dir():
            continue
        for child in node.iterdir():
            name = f"{sub}/{child.name}" if sub else child.name
            if child.name.endswith(".json") and name != MANIFEST and name not in listed and _FILE_NAME.match(name):
                found.append(Problem(file=f"{label}/{name}", path="$", message="not listed in the manifest"))
    return found


def _place(
    problem: Problem, lists: dict[str, list[Any]], files: dict[str, list[str]], raw: dict[str, Any], label: str
) -> Problem:
    """Turn a dataset-wide path (``$.relations[1].x``) into the file and path the record came from."""
    match = re.match(r"\$\.(\w+)\[(\d+)\](.*)", problem.path)
    if match is None:
        return Problem(file=f"{label}/{MANIFEST}", path=problem.path, message=problem.message)
    kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
    # The dataset sorted its records; find the one the path names among the ones read from files.
    ordered = sorted(range(len(lists[kind])), key=lambda i: getattr(lists[kind][i], _KEYS[kind]))
    original = ordered[index]
    record, name = lists[kind][original], files[kind][original]
    if "/" in name:
        return Problem(file=f"{label}/{name}", path="$" + file_path(rest, record, raw[name]), message=problem.message)
    position = files[kind][:original].count(name)
    rest = file_path(rest, record, raw[name][position])
    return Problem(file=f"{label}/{name}", path=f"$[{position}]{rest}", message=problem.message)


_KEYS = {"partners": "alpha3", "programmes": "code", "topics": "code", "sources": "id", "relations": "partner"}


def file_path(path: str, record: Any, raw: Any) -> str:
    """Rewrite the list indices of ``path`` (which count a record's sorted tuples) as positions in ``raw``.

    Records keep their collections in a canonical order; a file may hold them in another, and a
    user fixing a file needs the position in the file.
    """
    out: list[str] = []
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        if name:
            out.append(f".{name}")
            record = getattr(record, name, None)
            raw = raw.get(name) if isinstance(raw, dict) else None
            continue
        i = j = int(index)
        if isinstance(record, tuple) and i < len(record) and isinstance(raw, list):
            item = record[i]
            form: Any = to_dict(item) if hasattr(type(item), "__attrs_attrs__") else item
            j = next((k for k, candidate in enumerate(raw) if candidate == form), i)
            record, raw = item, (raw[j] if j < len(raw) else None)
        else:
            record, raw = None, None
        out.append(f"[{j}]")
    return "".join(out)


def _in_document(problem: Problem, data: Any) -> Problem:
    """Place a problem the dataset found (indices in sorted order) at its position in the document."""
    match = re.match(r"\$\.(partners|programmes|topics|sources|relations)\[(\d+)\](.*)", problem.path)
    if match is None or not isinstance(data, dict) or not isinstance(data.get(match.group(1)), list):
        return problem
    kind = match.group(1)
    cls: Any = {"partners": Partner, "programmes": Programme, "topics": Topic, "sources": Source}.get(kind, Relation)
    try:
        records = sorted(structure(data[kind], tuple[cls, ...]), key=lambda r: getattr(r, _KEYS[kind]))
    except DataValidationError:
        return problem
    rest = file_path(f"[{match.group(2)}]{match.group(3)}", tuple(records), data[kind])
    return Problem(file=problem.file, path=f"$.{kind}{rest}", message=problem.message)
