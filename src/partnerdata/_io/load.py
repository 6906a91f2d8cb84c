"""Reading datasets from files and folders; the dataset class to build is given by the caller.

A folder (the packaged data is one) holds ``manifest.json``, which names every data file with its
SHA-256. File names in a manifest are checked as whole matches of a fixed pattern before any file
is opened, a file that is a symbolic link (or resolves outside the folder) is refused, and only
regular files are read, so a manifest cannot make the loader read outside its folder, nor hang on
a pipe or a device. Every problem in every file is collected before anything is returned: a
dataset is loaded whole or not at all.
"""

import os
import re
import stat
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from partnerdata._io.convert import decode, parse_json, refile, structure, to_dict
from partnerdata._io.reading import UnreadableFileError, read_regular
from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import DataValidationError, Problem
from partnerdata._model.records import Edition, Partner, Programme, Reference, Relation, Source, Topic

T = TypeVar("T")

__all__ = ["Local", "Node", "quietly", "read", "read_folder", "upgrade_relation"]

MANIFEST = "manifest.json"
FORMAT = 2
READS = (1, 2)  # format 1 (0.2) folders read as format 2 with the new facts unknown
# Every name a manifest may list: a closed set of shapes, never a path of the user's choosing.
_FILE_NAME = re.compile(
    r"(?:partners|programmes|topics|references)\.json|(?:relations|editions)/[A-Z]{3}\.json|sources/[a-z0-9]+(?:-[a-z0-9]+)*\.json"
)  # always used with fullmatch: a prefix match would let "topics.jsonx/../../x" through
_REQUIRED = ("partners.json", "programmes.json", "topics.json")


class Node(Protocol):
    """What the loader needs of a folder: :class:`Local` and importlib's ``Traversable`` both fit."""

    @property
    def name(self) -> str: ...

    def joinpath(self, *child: str) -> Any: ...
    def is_file(self) -> bool: ...
    def is_dir(self) -> bool: ...
    def iterdir(self) -> Any: ...
    def read_bytes(self) -> bytes: ...


class Local:
    """A file or folder on this machine, by its path: the part of ``pathlib.Path`` the loader uses.

    ``pathlib`` (with the ``urllib.parse`` and ``ipaddress`` it imports) costs a fresh process
    about 7 ms, more than the rest of a packaged ``load()`` spends reading files; ``os.path`` is
    already loaded. Like ``Path``, it follows links when asked what a path is; the loader refuses
    links itself (:func:`_outside`) and opens files without following them (:func:`_read_bytes`).
    """

    __slots__ = ("_real", "path")

    def __init__(self, path: str) -> None:
        self.path = path
        self._real: str | None = None

    def real(self) -> str:
        """The path with every link resolved; computed once, as a folder is asked for each of its files."""
        if self._real is None:
            self._real = os.path.realpath(self.path)
        return self._real

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def joinpath(self, *child: str) -> "Local":
        return Local(os.path.join(self.path, *child))

    def is_file(self) -> bool:
        return os.path.isfile(self.path)

    def is_dir(self) -> bool:
        return os.path.isdir(self.path)

    def iterdir(self) -> "list[Local]":
        return [Local(os.path.join(self.path, name)) for name in os.listdir(self.path)]

    def read_bytes(self) -> bytes:
        return _read_bytes(self, self.path)

    def __fspath__(self) -> str:
        return self.path

    def __str__(self) -> str:
        return self.path

    def __repr__(self) -> str:
        return f"Local({self.path!r})"


def read(path: "str | os.PathLike[str]", make: "type[T]") -> T:
    """The dataset in a user's file or folder, built by ``make`` (the dataset class) from its records."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    if os.fspath(path) in ("", b""):
        # Path("") is the current folder: an empty option must not load whatever is there.
        raise DataValidationError([Problem(file=None, path="$", message="empty path: name a dataset file or folder")])
    name = _label(path)
    target = Local(name)
    try:
        mode = os.stat(name).st_mode
    except FileNotFoundError:
        raise DataValidationError([Problem(file=name, path="$", message="no such file or folder")]) from None
    except (OSError, ValueError) as exc:  # too long a name, a loop of links, a NUL byte, no permission
        raise DataValidationError([Problem(file=name, path="$", message=f"cannot read: {_reason(exc)}")]) from None
    if stat.S_ISDIR(mode):
        return quietly(lambda: read_folder(target, name, make))
    if not stat.S_ISREG(mode):
        # A pipe would block for ever and a device such as /dev/zero never ends.
        raise DataValidationError([Problem(file=name, path="$", message="not a regular file or a folder")])
    return quietly(lambda: _load_document(target, make))


def _label(path: "str | os.PathLike[str]") -> str:
    """The path as the user gave it, without trailing separators, as problems name it."""
    text = os.fspath(path)
    return text.rstrip(os.sep) or text  # "data/" names "data"; "/" stays "/"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


# The largest data file read (a single JSON document of 10,000 relations is about 50 MB).
MAX_DATA_BYTES = 512 * 1024 * 1024


def _read_bytes(node: Any, where: str) -> bytes:
    """The bytes of a regular file; any failure to read it is a problem of that file."""
    try:
        if isinstance(node, Local):
            # Open without following a final link and check what was opened, not what was looked at.
            return read_regular(node, MAX_DATA_BYTES, follow_links=False)
        return bytes(node.read_bytes())
    except UnreadableFileError as exc:
        message = str(exc).removeprefix(f"{node}: ")
        raise DataValidationError([Problem(file=where, path="$", message=message)]) from None
    except OSError as exc:
        raise DataValidationError([Problem(file=where, path="$", message=f"cannot read: {_reason(exc)}")]) from None
    except MemoryError:
        raise DataValidationError([Problem(file=where, path="$", message="cannot read: too large")]) from None


def _load_document(target: Local, make: "type[T]") -> T:
    name = target.path
    # The file the user named may be a link of theirs: follow it here, and only here.
    raw = _read_bytes(Local(os.path.realpath(name)), name)
    text = decode(raw, file=name)
    del raw  # the bytes do not stay alive while the records are built
    # A valid dataset document is built as its text is read, never held whole (the text and the
    # records are all a load holds); any other (bad data, a manifest, a format 1 document) is read
    # whole and takes the path below, which words its problems. The text goes once it is parsed.
    from partnerdata._io.stream import Refused, build_document  # json with them: a packaged load() needs neither

    try:
        found = build_document(text, make)
    except Refused as refused:
        # The dataset's own checks: placed in the document as below, with the records it was given.
        # The quick way read every object of the text (no key twice, no NaN): json.loads makes of
        # it what parse_json would, without a call per object.
        import json

        data = json.loads(text)
        placer = _InDocument(data, refused.fields)
        raise DataValidationError([placer.place(refile(p, name)) for p in refused.error.problems]) from None
    if found is not None:
        return found
    data = parse_json(text, file=name)
    del text
    if isinstance(data, dict) and data.keys() >= MANIFEST_KEYS and "partners" not in data:
        raise DataValidationError(
            [Problem(file=name, path="$", message="this is a manifest: load the folder that holds it")]
        )
    if isinstance(data, dict) and "partners" in data and "relations" in data:
        # A dataset document written before editions: no editions, sources of unknown date.
        data = dict(data)
        data.setdefault("editions", [])
        if isinstance(data.get("sources"), list):
            data["sources"] = [_edition_field(s) for s in data["sources"]]
    built: dict[str, Any] = {}
    try:
        return structure(data, make, file=name, keep=built)
    except DataValidationError as exc:
        placer = _InDocument(data, built)
        raise DataValidationError([placer.place(p) for p in exc.problems]) from None


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


def _read_manifest(folder: Node, label: str) -> tuple[str, int, dict[str, str], list[Problem]]:
    where = f"{label}/{MANIFEST}"
    node = folder.joinpath(MANIFEST)
    if not node.is_file():
        return "", FORMAT, {}, [Problem(file=where, path="$", message="missing: a data folder needs a manifest")]
    refused = _outside(folder, node, where)
    if refused is not None:
        return "", FORMAT, {}, [refused]
    data = parse_json(_read_bytes(node, where), file=where)
    problems: list[Problem] = []

    def bad(path: str, message: str) -> None:
        problems.append(Problem(file=where, path=path, message=message))

    if not isinstance(data, dict):
        bad("$", "expected an object")
        return "", FORMAT, {}, problems
    for key in sorted(data.keys() - MANIFEST_KEYS):
        bad(f"$.{key}", "unknown field")
    for key in sorted(MANIFEST_KEYS - data.keys()):
        bad(f"$.{key}", "required field missing")
    fmt = data.get("format")
    if "format" in data and (type(fmt) is not int or fmt not in READS):
        bad("$.format", f"unsupported format {fmt!r} (this version reads {' and '.join(map(str, READS))})")
    if type(fmt) is not int or fmt not in READS:
        fmt = FORMAT
    version = data.get("data_version")
    if "data_version" in data and (type(version) is not str or not version):
        bad("$.data_version", f"expected a non-empty string, got {version!r}")
    files = data.get("files")
    listed: dict[str, str] = {}
    if "files" in data and not isinstance(files, dict):
        bad("$.files", "expected an object of file name to SHA-256")
    elif isinstance(files, dict):
        for name, digest in files.items():
            if not _FILE_NAME.fullmatch(name):
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
    return version if isinstance(version, str) else "", fmt, listed, problems


def read_folder(
    folder: "Node", label: str, make: "Callable[..., T]", *, trusted: bool = False, defer: bool = False
) -> T:
    """The dataset in a data folder (a path, a :class:`Local` or an importlib ``Traversable``), built by ``make``.

    ``trusted`` builds the records without checking them, once their files match the manifest's
    checksums: for the packaged data the test suite checked, and only for it. ``defer`` (with
    ``trusted``) leaves the relations and references unread: ``make`` then receives ``later``, a
    function that reads, checksums and builds them when first asked, as this function would have.
    """
    if isinstance(folder, os.PathLike) and not isinstance(folder, Local):
        folder = Local(os.fspath(folder))  # a pathlib.Path: checked for links like any folder on disk
    if not folder.is_dir():
        raise DataValidationError([Problem(file=label, path="$", message="not a folder")])
    version, fmt, listed, problems = _read_manifest(folder, label)
    if listed or not problems:  # without a list of files, every file would look unlisted
        problems += _unlisted(folder, label, listed)
    later: dict[str, str] = {}
    if trusted and defer:
        later = {n: d for n, d in listed.items() if n.startswith("relations/") or n == "references.json"}
        listed = {n: d for n, d in listed.items() if n not in later}
    parsed = _parse_listed(folder, label, listed, problems)
    built = _build_parsed(parsed, label, version, fmt, problems, trusted)
    if not later:
        return _made_by(make, built, version, parsed, label)

    def deferred() -> dict[str, tuple[Any, ...]]:
        found: list[Problem] = []
        rest = _build_parsed(_parse_listed(folder, label, later, found), label, version, fmt, found, trusted)
        if found:
            raise DataValidationError(found)
        return {"relations": tuple(rest[0]["relations"]), "references": tuple(rest[0]["references"])}

    lists = {k: v for k, v in built[0].items() if k not in ("relations", "references")}
    return make(data_version=version, later=deferred, **lists)


def _parse_listed(folder: Node, label: str, listed: dict[str, str], problems: list[Problem]) -> dict[str, Any]:
    """The JSON of every listed file that is inside the folder, a regular file, and matches its checksum."""
    parsed: dict[str, Any] = {}
    for name, digest in sorted(listed.items()):
        where = f"{label}/{name}"
        node = folder.joinpath(*name.split("/"))
        refused = _outside(folder, node, where)
        if refused is not None:
            problems.append(refused)
            continue
        if not node.is_file():
            exists = os.path.lexists(node.path) if isinstance(node, Local) else False
            # A FIFO or a device is there, but it is no data file: say what it is, not "missing".
            message = "not a regular file" if exists else "listed in the manifest but missing"
            problems.append(Problem(file=where, path="$", message=message))
            continue
        try:
            raw = _read_bytes(node, where)
        except DataValidationError as exc:
            problems += exc.problems
            continue
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
    return parsed


def _build_parsed(
    parsed: dict[str, Any], label: str, version: str, fmt: int, problems: list[Problem], trusted: bool
) -> tuple[dict[str, list[Any]], dict[str, list[str]]]:
    """The records of the parsed files by kind, and the file each came from; defects go to ``problems``."""
    lists: dict[str, list[Any]] = {
        "partners": [],
        "programmes": [],
        "topics": [],
        "sources": [],
        "references": [],
        "relations": [],
        "editions": [],
    }
    files: dict[str, list[str]] = {key: [] for key in lists}  # which file each record came from
    kinds: dict[str, type] = {
        "partners": Partner,
        "programmes": Programme,
        "topics": Topic,
        "references": Reference,
    }
    for name, data in parsed.items():
        where = f"{label}/{name}"
        try:
            if "/" not in name:
                key = name.removesuffix(".json")
                records = structure(data, tuple[kinds[key], ...], file=where, trusted=trusted)  # type: ignore[valid-type]
                lists[key] += records
                files[key] += [name] * len(records)
                continue
            folder_name, stem = name.removesuffix(".json").split("/")
            if folder_name == "editions":
                editions = structure(data, tuple[Edition, ...], file=where, trusted=trusted)
                for k, e in enumerate(editions):
                    if e.partner != stem:
                        problems.append(
                            Problem(file=where, path=f"$[{k}].partner", message=f"{e.partner!r} is not {stem!r}")
                        )
                lists["editions"] += editions
                files["editions"] += [name] * len(editions)
            elif folder_name == "sources":
                source = structure(_edition_field(data), Source, file=where, trusted=trusted)
                if source.id != stem:
                    problems.append(
                        Problem(file=where, path="$.id", message=f"{source.id!r} does not match the file name")
                    )
                lists["sources"].append(source)
                files["sources"].append(name)
            else:
                relation = structure(upgrade_relation(data, fmt), Relation, file=where, trusted=trusted)
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
    return lists, files


def _made_by(
    make: "Callable[..., T]",
    built: tuple[dict[str, list[Any]], dict[str, list[str]]],
    version: str,
    parsed: dict[str, Any],
    label: str,
) -> T:
    """``make``'s dataset of the records; its problems placed in the files the records came from."""
    lists, files = built
    try:
        return make(data_version=version, **lists)
    except DataValidationError as exc:
        placer = _Placer(lists, files, parsed, label)
        raise DataValidationError([placer.place(p) for p in exc.problems]) from None


def _unlisted(folder: Node, label: str, listed: dict[str, str]) -> list[Problem]:
    """Files in the folder that the manifest does not name: ignoring them silently would hide a mistake.

    ``relations/KAZ.json`` added by hand, ``KAZ.json.bak`` left by an editor, ``relations/kaz.json``
    misspelt: each is reported, so that what is loaded is what the folder seems to hold.
    """
    found: list[Problem] = []
    for sub in ("", "relations", "sources", "editions"):
        node = folder.joinpath(sub) if sub else folder
        where = f"{label}/{sub}" if sub else label
        if sub and isinstance(node, Local) and os.path.islink(node.path):
            # Never listed: its names would be those of a folder elsewhere (see _outside).
            found.append(Problem(file=where, path="$", message="is a symbolic link; a data folder holds no links"))
            continue
        if sub and isinstance(node, Local) and os.path.lexists(node.path) and not node.is_dir():
            found.append(Problem(file=where, path="$", message="is a file where a folder of data files goes"))
            continue
        if not node.is_dir():
            continue
        try:
            children = sorted(node.iterdir(), key=lambda c: str(c.name))
        except OSError as exc:
            found.append(Problem(file=where, path="$", message=f"cannot list the folder: {_reason(exc)}"))
            continue
        for child in children:
            name = f"{sub}/{child.name}" if sub else child.name
            if name == MANIFEST or name in listed or (not sub and name in ("relations", "sources", "editions")):
                continue
            found.append(Problem(file=f"{label}/{name}", path="$", message="not listed in the manifest"))
    return found


def _outside(folder: Node, node: Node, where: str) -> Problem | None:
    """A problem if ``node`` is a symbolic link or resolves outside ``folder`` (a folder on disk only).

    ``node`` is ``folder.joinpath(...)``: every step from it up to ``folder`` is checked.
    """
    if not isinstance(folder, Local) or not isinstance(node, Local):
        return None  # an importlib Traversable (a zip, say) has no links
    try:
        step = node.path
        while step != folder.path and os.path.dirname(step) != step:
            if os.path.islink(step):
                return Problem(
                    file=where,
                    path="$",
                    message="a symbolic link: refused (data files must be in the folder)",
                )
            step = os.path.dirname(step)
        inside = folder.real()
        if os.path.commonpath([inside, node.real()]) != inside:
            return Problem(file=where, path="$", message="resolves outside the data folder: refused")
    except (OSError, ValueError) as exc:  # a name too long, a NUL byte
        return Problem(file=where, path="$", message=f"cannot read: {_reason(exc)}")
    return None


class _Placer:
    """Turns dataset-wide paths (``$.relations[1].x``) into the file and path each record came from.

    The sorted order of each kind is computed once, so placing n problems costs O(n log n), not n².
    """

    def __init__(self, lists: dict[str, list[Any]], files: dict[str, list[str]], raw: dict[str, Any], label: str):
        self.lists, self.files, self.raw, self.label = lists, files, raw, label
        self.orders: dict[str, list[int]] = {}
        self.positions: dict[str, list[int]] = {}
        self.memo: dict[int, dict[Any, int]] = {}

    def _order(self, kind: str) -> tuple[list[int], list[int]]:
        if kind not in self.orders:
            records, names = self.lists[kind], self.files[kind]
            # The dataset sorted its records (stably) by key; the same sort finds each one's origin.
            self.orders[kind] = sorted(range(len(records)), key=lambda i: getattr(records[i], _KEYS[kind]))
            seen: dict[str, int] = {}
            positions = []
            for name in names:  # the position of each record in its own file
                positions.append(seen.get(name, 0))
                seen[name] = positions[-1] + 1
            self.positions[kind] = positions
        return self.orders[kind], self.positions[kind]

    def place(self, problem: Problem) -> Problem:
        label = self.label
        match = _DATASET_PATH.match(problem.path)
        if match is None or int(match.group(2)) >= len(self.lists[match.group(1)]):
            return Problem(file=f"{label}/{MANIFEST}", path=problem.path, message=problem.message)
        kind, index, rest = match.group(1), int(match.group(2)), match.group(3)
        ordered, positions = self._order(kind)
        original = ordered[index]
        record, name = self.lists[kind][original], self.files[kind][original]
        if "/" in name:
            path = "$" + file_path(rest, record, self.raw[name], self.memo)
            return Problem(file=f"{label}/{name}", path=path, message=problem.message)
        position = positions[original]
        rest = file_path(rest, record, self.raw[name][position], self.memo)
        return Problem(file=f"{label}/{name}", path=f"$[{position}]{rest}", message=problem.message)


_DATASET_PATH = re.compile(
    r"\$\.(partners|programmes|topics|sources|references|relations|editions)\[(\d+)\](.*)", re.DOTALL
)
_CLASSES: dict[str, type] = {
    "partners": Partner,
    "programmes": Programme,
    "topics": Topic,
    "sources": Source,
    "references": Reference,
    "relations": Relation,
    "editions": Edition,
}
_KEYS = {
    "partners": "alpha3",
    "programmes": "code",
    "topics": "code",
    "sources": "id",
    "references": "id",
    "relations": "partner",
    "editions": "partner",
}


# What format 2 added to a relation's file (citations, ends and suspensions, accession, conflicts):
# a format 1 file lacks these keys and reads as it always did, with each of them unknown.
_RELATION_V2: dict[str, Any] = {"member_since": None, "conflicts": []}
_PARTICIPATION_V2 = {"date": None, "until": None, "suspended": None, "resumed": None}
_MILESTONES = ("relations_since", "cooperation_since")


def upgrade_relation(data: Any, fmt: int) -> Any:
    """A relation of a format 1 folder, with the keys format 2 added filled in as unknown."""
    if fmt >= 2 or not isinstance(data, dict):
        return data
    data = {**data}
    for key, value in _RELATION_V2.items():
        data.setdefault(key, value)
    for key in _MILESTONES:
        if isinstance(data.get(key), dict):
            data[key] = {**data[key]}
            data[key].setdefault("date", None)
    if isinstance(data.get("participations"), list):
        data["participations"] = [
            {**p, **{k: v for k, v in _PARTICIPATION_V2.items() if k not in p}} if isinstance(p, dict) else p
            for p in data["participations"]
        ]
    return data


def _edition_field(data: Any) -> Any:
    """A source file written before sources had an edition date reads as one of unknown date."""
    if isinstance(data, dict) and "edition" not in data and "sha256" in data:
        return {**data, "edition": None}
    return data


def file_path(path: str, record: Any, raw: Any, memo: "dict[int, dict[Any, int]] | None" = None) -> str:
    """Rewrite the list indices of ``path`` (which count a record's sorted tuples) as positions in ``raw``.

    Records keep their collections in a canonical order; a file may hold them in another, and a
    user fixing a file needs the position in the file. ``memo`` (one per document) keeps, for each
    list of ``raw`` already searched, where each of its records sits: many problems in one list
    structure it once, not once per problem.
    """
    memo = {} if memo is None else memo
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
            found = _position(item, raw, memo)
            j = i if found is None else found
            record, raw = item, (raw[j] if j < len(raw) else None)
        else:
            record, raw = None, None
        out.append(f"[{j}]")
    return "".join(out)


def _position(item: Any, raw: list[Any], memo: "dict[int, dict[Any, int]]") -> int | None:
    """Where ``item`` (as built) is written in ``raw``, or None if nowhere."""
    if not hasattr(type(item), "__attrs_attrs__"):
        return next((k for k, candidate in enumerate(raw) if candidate == item), None)
    if id(raw) not in memo:
        try:
            built: tuple[Any, ...] = structure(raw, tuple[type(item), ...])  # type: ignore[arg-type,misc]
        except DataValidationError:  # one item does not build: compare them one by one
            return next((k for k, candidate in enumerate(raw) if _same(candidate, item)), None)
        where: dict[Any, int] = {}
        for k, b in enumerate(built):
            where.setdefault(b, k)
        memo[id(raw)] = where
    return memo[id(raw)].get(item)


def _same(written: Any, item: Any) -> bool:
    """Whether ``written`` (JSON) is ``item``: a record is compared as built, its own lists sorted."""
    try:
        return bool(structure(written, type(item)) == item)
    except DataValidationError:  # a format 1 record, say: compare the JSON forms
        return bool(written == to_dict(item))


class _InDocument:
    """Places problems the dataset found (indices in sorted order) at their positions in one document.

    Each kind of record is structured and sorted once, however many problems there are: the cost
    is linear in the number of problems (it was one structuring of the whole document per problem).
    """

    def __init__(self, data: Any, built: dict[str, Any]) -> None:
        self.data, self.built = data, built
        self.kinds: dict[str, tuple[tuple[Any, ...], list[int]] | None] = {}
        self.memo: dict[int, dict[Any, int]] = {}

    def _kind(self, kind: str) -> tuple[tuple[Any, ...], list[int]] | None:
        if kind not in self.kinds:
            try:
                # The records the fast pass built before the dataset refused them, if it got so far.
                records = self.built.get(kind)
                if not isinstance(records, tuple) or len(records) != len(self.data[kind]):
                    records = structure(self.data[kind], tuple[_CLASSES[kind], ...])  # type: ignore[valid-type]
            except DataValidationError:
                self.kinds[kind] = None
            else:
                key = _KEYS[kind]
                self.kinds[kind] = (records, sorted(range(len(records)), key=lambda i: getattr(records[i], key)))
        return self.kinds[kind]

    def place(self, problem: Problem) -> Problem:
        match = _DATASET_PATH.match(problem.path)
        data = self.data
        if match is None or not isinstance(data, dict) or not isinstance(data.get(match.group(1)), list):
            return problem
        kind, index = match.group(1), int(match.group(2))
        found = self._kind(kind)
        if found is None or index >= len(found[0]):
            return problem
        records, order = found
        original = order[index]
        rest = file_path(match.group(3), records[original], data[kind][original], self.memo)
        return Problem(file=problem.file, path=f"$.{kind}[{original}]{rest}", message=problem.message)
