"""The standing fuzz suite: hostile documents, folders, pages and command lines (issue #10).

Every test asserts that the only outcomes are a valid result or the documented error
(:class:`~partnerdata.DataValidationError` for data, :class:`~partnerdata.PageError` or
:class:`~partnerdata.NotFoundError` for pages, exit codes 0 to 3 with one-line messages for the
command line), never another exception and never a hang (a guard stops a run that takes far longer
than any linear one could).

The number of examples follows the hypothesis profile (``tests/conftest.py``): under ``CI=true``
the file stays under a minute; ``HYPOTHESIS_PROFILE=deep`` runs twenty times as many.
"""

import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerdata
from partnerdata import DataValidationError, NotFoundError, PageError
from partnerdata._cli.main import main

PACKAGED = partnerdata.load()
POSIX = sys.platform != "win32"
# The profile's budget, shared out: a folder or a command costs more than a document.
BUDGET = settings().max_examples
FUZZ = settings(max_examples=max(10, BUDGET // 3), suppress_health_check=list(HealthCheck), deadline=None)
FEW = settings(max_examples=max(5, BUDGET // 6), suppress_health_check=list(HealthCheck), deadline=None)


@contextlib.contextmanager
def hang_guard(seconds: int = 60) -> Iterator[None]:
    """Fail instead of hanging (a pipe read, a quadratic loop); a guard, not a speed assertion."""
    if not POSIX:  # pragma: no cover
        yield
        return

    def stop(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- values and mutations ----------------------------------------------------------------------

HOSTILE_STRINGS = [
    "",
    " ",
    "\u200b",
    "\ud800",
    "a\x00b",
    "\u202eevil",
    "é" * 3,
    "KGZ",
    "kgz",
    "../../etc/passwd",
    "x" * 5000,
    "1994",
    "null",
    "\ufeff",
    "\\",
    "Қазақстан",
    "中文",
]
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 1994, 10_001, 2**63]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1.0, 0.0, 1994.0, -0.0, 1e308]),
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=12),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6,
)


def locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path inside a JSON value, the root included."""
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += locations(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += locations(v, (*path, i))
    return out


def get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """``base`` (a JSON value, copied) with one to three mutations at random places."""
    value = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, 3))):
        places = locations(value)
        path = places[draw(st.integers(0, len(places) - 1))]
        kind = draw(st.sampled_from(["replace", "delete", "add-key", "null", "wrap", "swap-type"]))
        if not path:
            if kind == "replace":
                value = draw(json_values)
            continue
        parent, last = get(value, path[:-1]), path[-1]
        if kind == "replace":
            parent[last] = draw(json_values)
        elif kind == "null":
            parent[last] = None
        elif kind == "delete":
            del parent[last]
        elif kind == "add-key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "", "partner", "\u200b"]))] = draw(json_values)
        elif kind == "wrap":
            parent[last] = [parent[last]]
        elif kind == "swap-type":
            old = parent[last]
            parent[last] = str(old) if not isinstance(old, str) else (int(old) if old.isdigit() else 0)
    return value


def encodings(text: str) -> st.SearchStrategy[bytes]:
    raw = text.encode("utf-8")
    return st.sampled_from(
        [
            raw,
            b"\xef\xbb\xbf" + raw,
            text.encode("utf-16"),
            text.encode("latin-1", "replace"),
            raw[: len(raw) // 2],
            raw.replace(b"\xc3", b"\xff", 1),
            raw.replace(b'"', b"'", 3),
            raw.replace(b"{", b'{"data_version": "x", ', 1),  # a duplicate key
        ]
    )


def refusal(run: Any) -> DataValidationError | None:
    """The validation error ``run()`` raises, or ``None`` if it succeeds; any other exception goes on."""
    try:
        run()
    except DataValidationError as exc:
        return exc
    return None


def assert_refused_cleanly(caught: DataValidationError | None, file: str) -> None:
    if caught is None:
        return
    assert caught.problems, "a validation error lists its problems"
    for p in caught.problems:
        assert p.file is not None and p.file.startswith(file), p
        assert p.path.startswith("$"), p
        assert p.message and "\n" not in p.message, p
    str(caught).encode("utf-8")  # printable: no lone surrogate reaches the message


# --- documents ---------------------------------------------------------------------------------

DATASET = json.loads(partnerdata.to_json(PACKAGED))
RELATION = json.loads(partnerdata.to_json(PACKAGED.relation("KGZ")))


@FUZZ
@given(st.one_of(mutated(DATASET), mutated(RELATION)))
def test_mutated_documents_load_or_are_refused_with_file_and_path(value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        with hang_guard():
            assert_refused_cleanly(refusal(lambda: partnerdata.load(path)), str(path))
    for cls in (partnerdata.Dataset, partnerdata.Relation):
        caught = refusal(lambda cls=cls: partnerdata.from_dict(cls, value))
        assert caught is None or all(p.path.startswith("$") for p in caught.problems)


@FUZZ
@given(st.data())
def test_documents_in_hostile_encodings_are_refused_with_file_and_path(data: st.DataObject) -> None:
    text = partnerdata.to_json(PACKAGED.relation("TKM"))
    raw = data.draw(encodings(text))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        path.write_bytes(raw)
        assert_refused_cleanly(refusal(lambda: partnerdata.load(path)), str(path))
        caught = refusal(lambda: partnerdata.from_json(partnerdata.Relation, raw))
        assert caught is None or all(p.path.startswith("$") for p in caught.problems)


# --- folders -----------------------------------------------------------------------------------

MANIFEST_NAMES = [
    "topics.json.bak",
    "topics.jsonx/../../secret.json",
    "../secret.json",
    "/etc/passwd",
    "relations/../../secret.json",
    "relations/kgz.json",
    "relations/KAZ.json",
    "sources/a/../../secret.json",
    "sources/nato-kgz-fr.json\x00",
    "sources/ünïcode.json",
    "",
    "relations/KGZ.json/",
    "C:\\windows\\system.ini",
]


def copy_data(root: Path) -> Path:
    with as_file(files("partnerdata").joinpath("data")) as source:
        target = root / "data"
        shutil.copytree(source, target)
    return target


@st.composite
def folder_mutations(draw: st.DrawFn) -> list[tuple[str, str, str, Any]]:
    names = ["partners.json", "topics.json", "relations/KGZ.json", "sources/nato-tkm-fr.json", "manifest.json"]
    steps = []
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(
            st.sampled_from(
                ["manifest-name", "symlink", "symlink-dir", "chmod", "extra", "delete", "bytes", "fifo", "json"]
            )
        )
        steps.append((kind, draw(st.sampled_from(names)), draw(st.sampled_from(MANIFEST_NAMES)), draw(json_values)))
    return steps


def apply_mutation(root: Path, folder: Path, step: tuple[str, str, str, Any]) -> None:
    kind, name, listed, value = step
    target = folder / name
    if kind == "manifest-name":
        try:
            manifest = json.loads((folder / "manifest.json").read_text())
        except (OSError, ValueError):  # an earlier step deleted it, locked it or broke it: nothing to rename
            return
        if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict):
            manifest["files"][listed] = hashlib.sha256(b'{"secret": 1}').hexdigest()
        (folder / "manifest.json").write_text(json.dumps(manifest))
    elif kind == "symlink" and target.exists() and POSIX:
        target.unlink()
        target.symlink_to(root / "secret.json" if value is None else "/dev/zero")
    elif kind == "symlink-dir" and POSIX and (folder / "sources").is_dir() and not (folder / "sources").is_symlink():
        shutil.move(folder / "sources", root / "moved-sources")
        (folder / "sources").symlink_to(root / "moved-sources")
    elif kind == "chmod" and target.exists():
        target.chmod(0)
    elif kind == "extra":
        extra = folder / listed.lstrip("/").replace("..", "up").replace("\x00", "") if listed else folder / "x"
        with contextlib.suppress(OSError):
            extra.parent.mkdir(parents=True, exist_ok=True)
            extra.write_text("{}")
    elif kind == "delete" and target.exists() and not target.is_symlink():
        target.unlink()
    elif kind == "bytes" and target.exists():
        target.write_bytes(json.dumps(value).encode("utf-8", "surrogatepass")[:50] + b"\xff")
    elif kind == "fifo" and target.exists() and POSIX:
        target.unlink()
        os.mkfifo(target)
    elif kind == "json" and target.exists() and target.is_file():
        target.write_text(json.dumps(value, ensure_ascii=True))


@FEW
@given(folder_mutations())
def test_mutated_folders_load_or_are_refused_never_reading_outside(steps: list[tuple[str, str, str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        secret = root / "secret.json"
        secret.write_text('{"secret": 1}')
        folder = copy_data(root)
        for step in steps:
            apply_mutation(root, folder, step)
        try:
            with hang_guard():
                caught = refusal(lambda: partnerdata.load(folder))
            assert_refused_cleanly(caught, str(folder))
            # The outside file is never read: no message gives its hash (an oracle of its content).
            assert f"hashes to {hashlib.sha256(secret.read_bytes()).hexdigest()}" not in str(caught)
        finally:
            for path in folder.rglob("*"):  # let the temporary folder go
                with contextlib.suppress(OSError):
                    if not path.is_symlink():
                        path.chmod(0o700)


# --- pages -------------------------------------------------------------------------------------

CUES = [
    "first",
    "the aim of",
    "is to",
    "pour former",
    "since 1994",
    "depuis 1992",
    "du 3 au 7 mars 2011",
    "Partnership for Peace",
    "Partenariat pour la paix",
    "PPP",
    "Kazakhstan",
    "Kirghizistan",
    "based in",
    "situé à",
    "every two years",
    "NATO-led",
    "units",
    "ne ... pas",
    "1994-1995",
    "Mr.",
    "«",
    "»",
    ".",
    ",",
    " ",
    "  ",
    "\t",
    "\u200b",
    "\u202e",
    "\x00",
    "\x1b",
    "\ud800",
    "Қазақстан",
    "中文",
    "عربى",
    "é",
    "- ",
    "\n",
    "\n- ",
    "\r",
    "<b>",
]
page_texts = st.builds(
    lambda title, intro, body: f"{title}\n{intro}\n{body}",
    st.sampled_from(["Relations with Kazakhstan", "Relations avec le Kirghizistan", "Relations with Atlantis", ""]),
    st.lists(st.sampled_from(CUES), max_size=8).map(" ".join),
    st.lists(st.sampled_from(CUES), max_size=60).map("".join).map(lambda s: "- " + s),
)


def extract_or_refuse(text: str) -> None:
    try:
        page = partnerdata.parse_page(text)
    except PageError:
        return
    try:
        result = partnerdata.extract(page)
    except NotFoundError:
        return
    partnerdata.to_json(result.relation)  # the draft records can be written


@FUZZ
@given(page_texts)
def test_hostile_pages_parse_and_extract_or_are_refused(text: str) -> None:
    with hang_guard():
        extract_or_refuse(text)


@pytest.mark.parametrize(
    "unit",
    ["first the aim pour ", "Kazakhstan PPP Partenariat pour la paix ", " " * 50, "1994 ", "Mr. X. ", "é中عا "],
)
def test_large_repetitive_pages_do_not_hang(unit: str) -> None:
    body = unit * (200_000 // len(unit))
    text = f"Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n- {body}\n- {body}."
    with hang_guard(120):
        extract_or_refuse(text)


# --- the command line ----------------------------------------------------------------------------

WORDS = ["KGZ", "TKM", "Atlantis", "", "-", "--", "nope", "1994", "-1", "99999", "é", "\u202e", "x" * 300]
# Valid values too, so that runs get past argument parsing into the commands themselves.
VALID = [
    "en",
    "fr",
    "csv",
    "jsonl",
    "json",
    "patch",
    "partners",
    "participants",
    "timeline",
    "milestones",
    "cooperation",
    "statements",
    "SPS",
    "PfP",
    "cyber-defence",
    "forces",
    "neutrality",
    "event",
    "2000",
]
OPTIONS: dict[str, list[str]] = {
    "list": ["--lang", "--data"],
    "show": ["KEY", "--lang", "--json", "--data"],
    "validate": ["PATH"],
    "diff": ["KEY", "KEY", "--format", "--identity", "--lang", "--data"],
    "query": ["--table", "--programme", "--topic", "--partner", "--since", "--until", "--since-after",
              "--since-before", "--through", "--kind", "--search", "--stance", "--as-of", "--lang", "--data"],
    "timeline": ["YEAR", "YEAR", "--since", "--until", "--kind", "--partner", "--programme", "--topic", "--lang",
                 "--data"],
    "export": ["TABLE", "--format", "-o", "--kind", "--stance", "--search", "--lang", "--data", "--programme"],
    "ingest": ["PAGE", "--json", "--source-id", "--lang", "--data"],
    "build": ["--check", "--inputs"],
    "editions": ["KEY", "--history", "--format", "--lang", "--data"],
    "panel": ["--start", "--end", "--format", "--as-of", "--data"],
}  # fmt: skip
FLAGS = {"--json", "--identity", "--check", "--history"}


@st.composite
def command_lines(draw: st.DrawFn, places: dict[str, str]) -> list[str]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    argv = [command]
    # ``ingest`` opens its page with open(): a pipe would block it (the page reader is the CLI's,
    # issue #12); every other command refuses a pipe.
    paths = sorted(v for k, v in places.items() if not (command == "ingest" and k == "fifo"))
    values = st.one_of(st.sampled_from(VALID), st.sampled_from(WORDS), st.sampled_from(paths), st.text(max_size=8))
    for option in draw(st.lists(st.sampled_from(OPTIONS[command]), max_size=5)):
        if option.isupper():
            argv.append(draw(values))
        elif option in FLAGS:
            argv.append(option)
        elif option in ("-o", "--inputs"):
            argv += [option, draw(st.sampled_from(paths))]
        else:
            argv += [option, draw(values)]
    if command == "build":
        argv.append("--check")  # never rebuild the packaged data from a fuzz test
    return argv


def run_main(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: a usage error (2) or --help (0)
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("cli")
    bad = root / "bad.json"
    bad.write_text('{"partners": [')
    page = root / "page.txt"
    page.write_text("Relations with Kazakhstan\nNATO and Kazakhstan.\n- Relations began in 1992.\n", "utf-8")
    binary = root / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    document = root / "data.json"
    document.write_text(partnerdata.to_json(PACKAGED), "utf-8")
    fifo = root / "fifo.json"
    if POSIX:
        os.mkfifo(fifo)
    (root / "out").mkdir()
    return {
        "bad": str(bad),
        "page": str(page),
        "binary": str(binary),
        "document": str(document),
        "folder": str(copy_data(root)),
        "missing": str(root / "missing.json"),
        "out": str(root / "out" / "table.csv"),
        "dir": str(root / "out"),
        "fifo": str(fifo),
        "devnull": os.devnull,
    }


def test_every_command_is_fuzzed() -> None:
    from partnerdata._cli.main import _parser

    commands = next(a for a in _parser()._actions if a.dest == "command").choices
    assert set(OPTIONS) == set(commands)  # type: ignore[arg-type]


@FUZZ
@given(data=st.data())
def test_every_command_with_bad_arguments_exits_with_a_documented_code(
    places: dict[str, str], data: st.DataObject
) -> None:
    argv = data.draw(command_lines(places))
    with hang_guard():
        code, err = run_main(argv)
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err, (argv, err)
    lines = err.splitlines()
    assert all(line.startswith(("partnerdata", "usage:", "  ")) or not line.strip() for line in lines), (argv, err)


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--lang", "fr"],
        ["show", "Turkménistan", "--lang", "fr"],
        ["query", "--search", "défense", "--lang", "fr"],
        ["export", "partners", "--lang", "fr", "--format", "jsonl"],
        ["diff", "KGZ", "TKM", "--lang", "fr"],
        ["show", "Tадж\u202e"],
        ["validate", "/no/such/fïle.json"],
    ],
)
def test_commands_under_a_non_utf8_locale_print_escapes_not_tracebacks(argv: list[str]) -> None:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    result = subprocess.run(
        [sys.executable, "-m", "partnerdata", *argv], capture_output=True, env=env, timeout=120, check=False
    )
    assert result.returncode in (0, 1, 2, 3), result.stderr
    assert b"Traceback" not in result.stderr
    result.stdout.decode("ascii")  # everything outside ASCII was escaped
