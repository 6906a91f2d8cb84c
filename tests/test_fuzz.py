"""The standing fuzz suite: hostile documents, folders, pages and command lines (issue #10).

Every test asserts that the only outcomes are a valid result or the documented error
(:class:`~partnerdata.DataValidationError` for data, :class:`~partnerdata.PageError` or
:class:`~partnerdata.NotFoundError` for pages, exit codes 0 to 3 with one-line messages for the
command line), never another exception and never a hang: every test body runs under
:func:`hang_guard`, which fails the test naming its input when it runs far longer than any linear
run could or reads without bound (issue #19), and no mutation step reads or writes what an earlier
step turned into a FIFO, a device or a link (:func:`read_regular`, :func:`write_regular`).

The number of examples follows the hypothesis profile (``tests/conftest.py``): under ``CI=true``
the examples are derandomized (the same every run) and the file stays under a minute;
``nox -s fuzz`` (``HYPOTHESIS_PROFILE=fuzz``) draws new ones from a random seed it prints;
``HYPOTHESIS_PROFILE=deep`` runs twenty times as many.
"""

import contextlib
import faulthandler
import hashlib
import inspect
import io
import json
import os
import reprlib
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
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


if sys.platform != "win32":
    import resource

try:  # where pytest's faulthandler plugin writes: the real stderr, not the captured one
    from _pytest.faulthandler import fault_handler_stderr_fd_key
except ImportError:  # pragma: no cover
    fault_handler_stderr_fd_key = None  # type: ignore[assignment]

#: A guarded step that runs this long fails: every example takes well under a second, so this is a
#: guard against a blocked read or a runaway loop, not a speed assertion (a hang found is shrunk,
#: and each shrink step that hangs costs this much, so it is kept short).
GUARD_SECONDS = 20.0
#: How much more address space a guarded step may take: a read of ``/dev/zero`` stops here.
GUARD_MEGABYTES = 1024
#: If the alarm cannot stop a step (stuck in C code that never checks for signals), faulthandler
#: prints every thread's stack and ends the process this much later: a failed run, never a hung one.
BACKSTOP_SECONDS = 60.0
_backstop_fd: list[int] = []  # the real stderr, set by the fixture below
_guarded: list[str] = []  # the step under a guard, if any: guards do not nest


@pytest.fixture(autouse=True)
def _backstop_to_real_stderr(request: pytest.FixtureRequest) -> None:
    fd = request.config.stash.get(fault_handler_stderr_fd_key, None) if fault_handler_stderr_fd_key else None
    _backstop_fd[:] = [] if fd is None else [fd]


def shown(value: object) -> str:
    """``repr(value)`` cut to a readable length, for naming an input in a failure message."""
    short = reprlib.Repr()
    short.maxstring, short.maxother, short.maxlist, short.maxtuple, short.maxdict = 80, 80, 8, 8, 8
    return short.repr(value)


def _address_space() -> int:
    with open("/proc/self/statm", "rb") as statm:  # a regular /proc file, bounded: one line
        return int(statm.read(200).split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _peak_megabytes(reset: bool = False) -> float:
    """The process's peak resident size; ``reset`` first brings the peak down to the present size (Linux)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            if reset:
                Path("/proc/self/clear_refs").write_text("5")  # 5: reset the peak resident size
            with open("/proc/self/status", "rb") as status:
                for line in status.read(1 << 16).splitlines():
                    if line.startswith(b"VmHWM:"):
                        return int(line.split()[1]) / 1024
    if POSIX:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
            1024 if sys.platform.startswith("linux") else 2**20
        )
    return 0.0  # pragma: no cover


@contextlib.contextmanager
def hang_guard(what: str, seconds: float = GUARD_SECONDS, megabytes: int = GUARD_MEGABYTES) -> Iterator[None]:
    """Fail the test, naming ``what`` (the input), instead of hanging or eating the machine's memory.

    * Time: ``SIGALRM`` after ``seconds`` raises pytest's failure from wherever the step is, a
      blocked ``open()`` or ``read()`` of a FIFO included. The failure is a ``BaseException``, so
      the library's ``except OSError`` or ``except Exception`` cannot turn it into an ordinary
      error (a ``TimeoutError``, as raised here before, is an ``OSError``: the CLI made it exit 3).
    * Memory: a read of ``/dev/zero`` runs in C and never sees the alarm, so the address space may
      grow by ``megabytes`` at most (``RLIMIT_AS``, Linux): the read ends in ``MemoryError``, and
      the guard fails if that escapes or if the peak resident size grew by half ``megabytes``
      (the CLI turns ``MemoryError`` into "out of memory", exit 3, which would otherwise pass).
    * Last resort: if neither stops the step, faulthandler prints every thread's stack and ends the
      process :data:`BACKSTOP_SECONDS` later.

    The alarm needs the main thread of a POSIX process; elsewhere only the last two bounds apply.
    """
    assert not _guarded, f"hang_guard does not nest: {what} inside {_guarded[0]}"
    alarm = POSIX and threading.current_thread() is threading.main_thread()

    def stop(*_: object) -> None:
        pytest.fail(f"hang_guard: still running after {seconds:g} s: {what}")

    previous_handler: Any = None
    if alarm:
        previous_handler = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    previous_limit = None
    if sys.platform.startswith("linux"):
        previous_limit = resource.getrlimit(resource.RLIMIT_AS)
        soft, hard = previous_limit
        limit = _address_space() + megabytes * 2**20
        limit = min(x for x in (limit, soft, hard) if x != resource.RLIM_INFINITY)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    peak = _peak_megabytes(reset=True)
    backstop = next(iter(_backstop_fd), None)
    if backstop is None and sys.__stderr__ is not None:
        backstop = sys.__stderr__.fileno()
    if backstop is not None:
        faulthandler.dump_traceback_later(seconds + BACKSTOP_SECONDS, exit=True, file=backstop)
    _guarded.append(what)
    try:
        yield
    except MemoryError:
        pytest.fail(f"hang_guard: more than {megabytes} MB of memory (a read without bound?): {what}")
    finally:
        _guarded.clear()
        faulthandler.cancel_dump_traceback_later()
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        if previous_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)
    grown = _peak_megabytes() - peak
    if grown > megabytes / 2:
        pytest.fail(f"hang_guard: memory grew by {grown:.0f} MB (a read without bound?): {what}")


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
    with tempfile.TemporaryDirectory() as folder, hang_guard(f"partnerdata.load of the document {shown(value)}"):
        path = Path(folder) / "doc.json"
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
        assert_refused_cleanly(refusal(lambda: partnerdata.load(path)), str(path))
    with hang_guard(f"partnerdata.from_dict of {shown(value)}"):
        for cls in (partnerdata.Dataset, partnerdata.Relation):
            caught = refusal(lambda cls=cls: partnerdata.from_dict(cls, value))
            assert caught is None or all(p.path.startswith("$") for p in caught.problems)


@FUZZ
@given(st.data())
def test_documents_in_hostile_encodings_are_refused_with_file_and_path(data: st.DataObject) -> None:
    text = partnerdata.to_json(PACKAGED.relation("TKM"))
    raw = data.draw(encodings(text))
    with tempfile.TemporaryDirectory() as folder, hang_guard(f"partnerdata.load of the bytes {shown(raw)}"):
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


SECRET = b'{"secret": 1}'  # the file outside the data folder that links point to

#: The manifest is a few kilobytes; a step reads at most this much of any file.
READ_LIMIT = 1 << 20


def regular_file(path: Path) -> bool:
    """Whether ``path`` itself is a regular file: not a link, a FIFO, a device or a folder (never opened)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def read_regular(path: Path, limit: int = READ_LIMIT) -> bytes | None:
    """The bytes of ``path`` if it is a regular file, not a link, of at most ``limit`` bytes; else ``None``.

    Checked with ``lstat`` before opening, opened without following a link and without blocking,
    then checked again on what was opened: a FIFO or a link to ``/dev/zero`` that an earlier step
    made is never read (before issue #19 ``read_text()`` blocked for ever on the one and read the
    other until memory ran out).
    """
    if not regular_file(path):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:  # removed, locked (chmod 0) or replaced since the check
        return None
    with open(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = file.read(limit + 1)
    return data if len(data) <= limit else None


def write_regular(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` if it is a regular file (not a link) or does not exist; else do nothing.

    Opening a FIFO for writing blocks until a reader comes, and writing through a link would change
    what it points to (the secret outside the folder, or ``/dev/zero``), so neither is done.
    """
    if os.path.lexists(path) and not regular_file(path):
        return
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o644)
    except OSError:  # a parent that is not a folder, a name the file system refuses, no permission
        return
    with open(fd, "wb") as file:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            file.truncate()
            file.write(data)


def apply_mutation(root: Path, folder: Path, step: tuple[str, str, str, Any]) -> None:
    """Apply one mutation step to ``folder``; no step reads or writes what an earlier step made special.

    A step's file may be a FIFO (``fifo``), a link to ``/dev/zero`` or outside the folder
    (``symlink``), unreadable (``chmod``) or gone (``delete``) by the time a later step meets it:
    reads go through :func:`read_regular`, writes through :func:`write_regular`, and ``chmod``
    never follows a link (as root it would lock ``/dev/zero`` for the whole machine).
    """
    kind, name, listed, value = step
    target = folder / name
    if kind == "manifest-name":
        raw = read_regular(folder / "manifest.json")
        if raw is None:  # an earlier step deleted it, locked it or made it special: nothing to rename
            return
        try:
            manifest = json.loads(raw)
        except ValueError:  # an earlier step broke it
            return
        if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict):
            manifest["files"][listed] = hashlib.sha256(SECRET).hexdigest()
        write_regular(folder / "manifest.json", json.dumps(manifest).encode("utf-8", "surrogatepass"))
    elif kind == "symlink" and os.path.lexists(target) and not target.is_dir() and POSIX:
        target.unlink()
        target.symlink_to(root / "secret.json" if value is None else "/dev/zero")
    elif kind == "symlink-dir" and POSIX and (folder / "sources").is_dir() and not (folder / "sources").is_symlink():
        shutil.move(folder / "sources", root / "moved-sources")
        (folder / "sources").symlink_to(root / "moved-sources")
    elif kind == "chmod" and os.path.lexists(target) and not target.is_symlink():
        target.chmod(0)
    elif kind == "extra":
        extra = folder / listed.lstrip("/").replace("..", "up").replace("\x00", "") if listed else folder / "x"
        with contextlib.suppress(OSError):
            extra.parent.mkdir(parents=True, exist_ok=True)
        write_regular(extra, b"{}")
    elif kind == "delete" and target.exists() and not target.is_symlink():
        target.unlink()
    elif kind == "bytes" and regular_file(target):
        write_regular(target, json.dumps(value).encode("utf-8", "surrogatepass")[:50] + b"\xff")
    elif kind == "fifo" and os.path.lexists(target) and not target.is_dir() and POSIX:
        target.unlink()
        os.mkfifo(target)
    elif kind == "json" and regular_file(target):
        write_regular(target, json.dumps(value, ensure_ascii=True).encode("ascii"))


@FEW
@given(folder_mutations())
def test_mutated_folders_load_or_are_refused_never_reading_outside(steps: list[tuple[str, str, str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        secret = root / "secret.json"
        secret.write_bytes(SECRET)
        folder = copy_data(root)
        try:
            with hang_guard(f"apply_mutation of the steps {shown(steps)}"):
                for step in steps:
                    apply_mutation(root, folder, step)
            with hang_guard(f"partnerdata.load of a data folder mutated by {shown(steps)}"):
                caught = refusal(lambda: partnerdata.load(folder))
            assert_refused_cleanly(caught, str(folder))
            # The outside file is never read: no message gives its hash (an oracle of its content).
            assert f"hashes to {hashlib.sha256(SECRET).hexdigest()}" not in str(caught)
            assert read_regular(secret) == SECRET, "a step wrote through a link"
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


def extract_or_refuse(text: str) -> "partnerdata.Relation | partnerdata.Page | PageError":
    """The draft relation; the page if its title names no known partner; or the refusal of the text."""
    try:
        page = partnerdata.parse_page(text)
    except PageError as exc:
        return exc
    try:
        return partnerdata.extract(page).relation
    except NotFoundError:
        return page


# The partner each drawn title names: Atlantis is none, and an empty first line is no title.
TITLED = {"Relations with Kazakhstan": "KAZ", "Relations avec le Kirghizistan": "KGZ", "Relations with Atlantis": None}


@FUZZ
@given(page_texts)
def test_hostile_pages_parse_and_extract_or_are_refused(text: str) -> None:
    with hang_guard(f"parse_page and extract of the page {shown(text)}"):
        outcome = extract_or_refuse(text)
    title = text.split("\n", 1)[0]
    if isinstance(outcome, PageError):
        # A refusal points at a line of the text, where it points at one, and says why.
        assert outcome.line is None or 1 <= outcome.line <= len(text.split("\n")), (outcome.line, str(outcome))
        assert str(outcome).startswith(("not a partner page: ", "cannot read the page: ")) and outcome.reason
        return
    assert title, "a text whose first line is empty has no title: it must be refused"
    if isinstance(outcome, partnerdata.Page):
        assert outcome.title == title
        assert TITLED[title] is None, f"{title!r} names {TITLED[title]}, but no partner was found"
    elif TITLED[title] is None:
        # A title that names no partner: the partner is the one the body names most, so the body
        # must name it.
        found = partnerdata.load().partner(outcome.partner)
        names = [found.alpha3, found.name.en, found.name.fr, *found.aliases]
        assert any(n and n.casefold() in text.casefold() for n in names), (title, outcome.partner)
    else:
        assert outcome.partner == TITLED[title], (title, outcome.partner)
        # The draft records can be written and read back unchanged.
        assert partnerdata.from_json(partnerdata.Relation, partnerdata.to_json(outcome)) == outcome


@pytest.mark.parametrize(
    "unit",
    ["first the aim pour ", "Kazakhstan PPP Partenariat pour la paix ", " " * 50, "1994 ", "Mr. X. ", "é中عا "],
)
def test_large_repetitive_pages_do_not_hang(unit: str) -> None:
    body = unit * (200_000 // len(unit))
    text = f"Relations with Kazakhstan\nNATO and Kazakhstan cooperate.\n- {body}\n- {body}."
    with hang_guard(f"parse_page and extract of {shown(unit)} repeated to 400,000 characters", seconds=120):
        outcome = extract_or_refuse(text)
    if not unit.strip():
        # A bullet of spaces alone is empty: the page is refused at its first bullet, line 3.
        assert isinstance(outcome, PageError) and outcome.line == 3, outcome
        return
    assert isinstance(outcome, partnerdata.Relation), outcome
    assert outcome.partner == "KAZ"
    # Three statements, one a sentence: the introduction's (item 1 of section 0, after the title)
    # and one for each bullet, however long.
    assert [(s.evidence.section, s.evidence.item) for s in outcome.statements] == [(0, 1), (1, 0), (1, 1)]
    # Only the unit naming the Partnership for Peace (its acronym and French name) gives a participation.
    assert [p.programme for p in outcome.participations] == (["PFP"] if "PPP" in unit else [])


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
    "examples": ["FOLDER"],
}  # fmt: skip
FLAGS = {"--json", "--identity", "--check", "--history"}


@st.composite
def command_lines(draw: st.DrawFn, places: dict[str, str]) -> list[str]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    argv = [command]
    # Every command, ``ingest`` included, is given the FIFO and /dev/zero too: ``ingest`` used to
    # open its page with open() and block for ever on a FIFO, so the FIFO was left out for it
    # (issue #12); since issue #19 every reader refuses what is not a regular file (exit 3), and
    # should one block again, hang_guard fails the example naming its command line.
    paths = sorted(places.values())
    if command == "examples":
        # It writes pages: never into a place another step reads (the data folder would gain
        # stray files), only into a new folder or onto what is not a folder.
        fresh = os.path.join(places["dir"], f"examples-{draw(st.integers(0, 9))}")
        targets = [fresh, places["page"], places["devnull"], places["fifo"]]
        return [command, draw(st.sampled_from(targets))]
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
        **({"zero": "/dev/zero"} if POSIX else {}),
    }


def test_every_command_is_fuzzed() -> None:
    from partnerdata._cli.main import _parser

    with hang_guard("partnerdata's argument parser"):
        commands = next(a for a in _parser()._actions if a.dest == "command").choices
    assert set(OPTIONS) == set(commands)  # type: ignore[arg-type]


@FUZZ
@given(data=st.data())
def test_every_command_with_bad_arguments_exits_with_a_documented_code(
    places: dict[str, str], data: st.DataObject
) -> None:
    argv = data.draw(command_lines(places))
    with hang_guard(f"partnerdata {shlex.join(argv)}"):
        code, err = run_main(argv)
    # 4 is a bug (an exception of no documented kind), so it fails here like a traceback would.
    assert code in (0, 1, 2, 3), f"exit {code} from partnerdata {shlex.join(argv)}: {err}"
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


# --- the suite cannot hang (issue #19) ---------------------------------------------------------

# Applies the steps given as JSON to a copy of the packaged data in a fresh folder, in a process of
# its own: a step that blocks is killed by the timeout, one that reads /dev/zero stops at 1 GB.
_APPLY_STEPS = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, resource.getrlimit(resource.RLIMIT_AS)[1]))
sys.path.insert(0, sys.argv[1])
from test_fuzz import SECRET, apply_mutation, copy_data
root = Path(sys.argv[2])
(root / "secret.json").write_bytes(SECRET)
folder = copy_data(root)
for step in json.loads(sys.argv[3]):
    apply_mutation(root, folder, tuple(step))
"""


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero")
@pytest.mark.parametrize(
    ("steps", "special"),
    [
        ([("fifo", "manifest.json", "", None), ("manifest-name", "partners.json", "../secret.json", None)], "fifo"),
        ([("symlink", "manifest.json", "", 0), ("manifest-name", "partners.json", "/etc/passwd", None)], "link"),
        ([("fifo", "relations/KGZ.json", "", None), ("extra", "partners.json", "relations/KGZ.json", None)], "fifo"),
        ([("fifo", "partners.json", "", None), ("bytes", "partners.json", "", [1, 2])], "fifo"),
        ([("fifo", "topics.json", "", None), ("json", "topics.json", "", {"a": 1})], "fifo"),
    ],
    ids=[
        "fifo-then-manifest-name",
        "dev-zero-then-manifest-name",
        "fifo-then-extra",
        "fifo-then-bytes",
        "fifo-then-json",
    ],
)
def test_no_mutation_step_reads_or_writes_what_an_earlier_step_made_special(
    tmp_path: Path, steps: list[tuple[str, str, str, Any]], special: str
) -> None:
    # The hang behind "the suite hangs one run in ten": "manifest-name" read manifest.json with
    # read_text() after "fifo" made it a FIFO (blocked for ever) or "symlink" a link to /dev/zero
    # (read until memory ran out); "extra" and "bytes" opened a FIFO for writing (blocked too).
    try:
        result = subprocess.run(
            [sys.executable, "-c", _APPLY_STEPS, str(Path(__file__).parent), str(tmp_path), json.dumps(steps)],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"apply_mutation still running after 60 s on the steps {steps}: a step read or wrote a {special}")
    assert result.returncode == 0, f"apply_mutation failed on the steps {steps}: {result.stderr.decode()[-2000:]}"
    first = tmp_path / "data" / steps[0][1]
    mode = os.lstat(first).st_mode
    assert stat.S_ISFIFO(mode) if special == "fifo" else os.readlink(first) == "/dev/zero", (
        "left as the first step made it"
    )


@pytest.mark.skipif(not POSIX, reason="symbolic links")
@pytest.mark.parametrize("kind", ["chmod", "bytes", "json", "manifest-name", "extra"])
def test_no_mutation_step_changes_what_a_link_points_to(tmp_path: Path, kind: str) -> None:
    secret = tmp_path / "secret.json"
    secret.write_bytes(SECRET)
    folder = copy_data(tmp_path)
    name = "manifest.json" if kind == "manifest-name" else "partners.json"
    steps = [("symlink", name, "", None), (kind, name, "partners.json", {"a": 1})]
    with hang_guard(f"apply_mutation of the steps {steps}"):
        for step in steps:
            apply_mutation(tmp_path, folder, step)
    assert (folder / name).is_symlink()
    assert read_regular(secret) == SECRET, f"{kind} wrote through the link to the file outside the folder"
    assert stat.S_IMODE(secret.stat().st_mode) != 0, f"{kind} changed the mode of the file outside the folder"


def test_a_bounded_read_refuses_special_files_links_and_large_files(tmp_path: Path) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    small.write_bytes(b"{}")
    large.write_bytes(b" " * (READ_LIMIT + 1))
    with hang_guard("read_regular of a file, a large file, a folder, a missing file"):
        assert read_regular(small) == b"{}"
        assert read_regular(large) is None
        assert read_regular(tmp_path) is None
        assert read_regular(tmp_path / "missing") is None
        if POSIX:
            os.mkfifo(tmp_path / "fifo")
            (tmp_path / "zero").symlink_to("/dev/zero")
            (tmp_path / "link").symlink_to(small)
            for name in ("fifo", "zero", "link"):
                assert read_regular(tmp_path / name) is None, name
                write_regular(tmp_path / name, b"x")  # returns at once, writes nothing
            assert small.read_bytes() == b"{}"


@pytest.mark.skipif(not POSIX, reason="SIGALRM")
def test_hang_guard_fails_a_blocked_read_naming_the_input(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    with (
        pytest.raises(pytest.fail.Exception, match=r"still running after 0\.5 s: reading the FIFO"),
        hang_guard("reading the FIFO", seconds=0.5),
    ):
        fifo.read_text()  # blocks for ever: no writer
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not POSIX, reason="SIGALRM")
def test_hang_guard_is_not_swallowed_by_the_library_catching_oserror_or_exception(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with (
        pytest.raises(pytest.fail.Exception, match="still running"),
        hang_guard("a reader that catches everything", seconds=0.5),
        # What the CLI does with an OSError (exit 3) and any other exception (exit 4).
        contextlib.suppress(Exception),
    ):
        fifo.read_text()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc")
@pytest.mark.parametrize("swallowed", [False, True], ids=["raised", "swallowed"])
def test_hang_guard_fails_a_read_without_bound_naming_the_input(swallowed: bool) -> None:
    started = time.monotonic()
    with (  # noqa: PT012
        pytest.raises(pytest.fail.Exception, match=r"a read without bound\?\): reading /dev/zero"),
        hang_guard("reading /dev/zero", megabytes=200),
    ):
        try:
            Path("/dev/zero").read_bytes()  # runs in C: the alarm cannot stop it
        except MemoryError:
            if not swallowed:
                raise  # the CLI turns it into "out of memory", exit 3: the guard still fails
    assert time.monotonic() - started < 30


def test_every_test_here_runs_under_a_guard() -> None:
    """A test added without :func:`hang_guard` (or a subprocess timeout) could hang the suite again."""
    tests = [f for name, f in globals().items() if name.startswith("test_") and inspect.isfunction(f)]
    unguarded = [
        f.__name__
        for f in tests
        if "hang_guard(" not in inspect.getsource(f)
        and "timeout=" not in inspect.getsource(f)
        and f.__name__ != "test_every_test_here_runs_under_a_guard"
    ]
    assert not unguarded, f"tests without hang_guard: {unguarded}"
