"""Run the test command on every Python the package claims (3.11, 3.12, 3.13): ``nox``.

Each session installs the dev extra into its own environment and runs what ``scripts/check`` runs
(ruff, mypy --strict, the docs build, pytest). Interpreters not found are skipped by nox, so
``nox --error-on-missing-interpreters`` is the strict form for CI.

``nox -s fuzz`` is not run by a plain ``nox``: it is the scheduled (or by-hand) run of the fuzz
suite with random examples, where CI runs the same derandomized ones every time.

CI (``scripts/check``) also runs two short sessions that hold pyproject.toml's claims to a test:
``nox -s floors`` builds the wheel with the lowest hatchling ``build-system`` allows and tests it
with the lowest attrs and cattrs ``dependencies`` allow, and ``nox -s smoke`` installs the package
on Python 3.12 and 3.13 and runs a fast subset of the tests there. ``nox -s mutants`` runs
``scripts/mutants.py`` (hand-made mutations, each against the tests that should catch it); CI
does not, as it takes several minutes.
"""

import os
import random
import re
import shutil
import tomllib
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

PYTHONS = ["3.11", "3.12", "3.13"]  # keep in step with the classifiers in pyproject.toml

# Interpreters installed by pyenv are found even when they are not on PATH (nox looks for python3.X).
_PYENV = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
os.environ["PATH"] = os.pathsep.join(
    [*(str(d / "bin") for d in sorted(_PYENV.glob("3.*")) if (d / "bin").is_dir()), os.environ.get("PATH", "")]
)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """ruff, mypy --strict, docs build and the whole test suite on one interpreter."""
    session.install("-e", ".[dev]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    session.run("sphinx-build", "-q", "-W", "--keep-going", "-b", "html", "docs", f"docs/_build/html-{session.python}")
    session.run("pytest", "-q", *session.posargs)


@nox.session(python=PYTHONS[-1], default=False)
def fuzz(session: nox.Session) -> None:
    """tests/test_fuzz.py with a random seed and four times CI's examples (``HYPOTHESIS_PROFILE=fuzz``).

    The seed is printed first; ``nox -s fuzz -- --hypothesis-seed=N`` (or ``FUZZ_SEED=N``) replays
    that run. Other arguments after ``--`` go to pytest.
    """
    session.install("-e", ".[dev]")
    args = list(session.posargs)
    if not any(arg.startswith("--hypothesis-seed") for arg in args):
        seed = os.environ.get("FUZZ_SEED") or str(random.SystemRandom().randrange(2**32))
        args.append(f"--hypothesis-seed={seed}")
        session.log(f"fuzz seed {seed}: replay with  nox -s fuzz -- --hypothesis-seed={seed}")
    session.run("pytest", "-q", "tests/test_fuzz.py", *args, env={"HYPOTHESIS_PROFILE": "fuzz"})


# Fast tests that need nothing beyond the package's own dependencies, pytest and hypothesis, run
# against an installed wheel: loading, lookups and questions on the other Pythons (a few seconds);
# at the floors, the records (attrs) and the structuring of JSON (cattrs) too. CI runs both
# sessions, so they are kept to about a minute together.
SMOKE_TESTS = ["tests/test_load.py", "tests/test_query.py"]
FLOOR_TESTS = [*SMOKE_TESTS, "tests/test_records.py", "tests/test_convert.py"]


def _floors(requirements: list[str]) -> list[str]:
    """``name==version`` for each ``name>=version`` of a list of requirements (any other is an error)."""
    pinned = []
    for requirement in requirements:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9][0-9.]*)", requirement.replace(" ", ""))
        if found is None:
            raise ValueError(f"{requirement!r}: a floor is written name>=version")
        pinned.append(f"{found[1]}=={found[2]}")
    return pinned


def _test_the_wheel(session: nox.Session, tests: list[str], *pins: str) -> None:
    """Build the wheel with the hatchling installed in the session, install it with ``pins``, run ``tests``."""
    dist = Path(session.create_tmp()) / "dist"
    shutil.rmtree(dist, ignore_errors=True)  # a wheel of an earlier version would be found too
    session.run("python", "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist))
    (wheel,) = dist.glob("partnerdata-*.whl")
    session.install("--force-reinstall", str(wheel), *pins, "pytest>=8", "hypothesis>=6.100")
    session.run("python", "-m", "pip", "check")
    # -P and the installed wheel: the tests import partnerdata from the wheel, not from src.
    session.run("python", "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests, *session.posargs)


@nox.session(python=PYTHONS[0], default=False)
def floors(session: nox.Session) -> None:
    """The lowest versions pyproject.toml allows: hatchling for the build, attrs and cattrs to run.

    The wheel is built with exactly the ``build-system`` floor (and must carry its PEP 639 license
    metadata), then installed with exactly the ``dependencies`` floors and tested.
    """
    meta = tomllib.loads(Path("pyproject.toml").read_text("utf-8"))
    build = _floors(meta["build-system"]["requires"])
    session.install(*build)
    _test_the_wheel(session, FLOOR_TESTS, *_floors(meta["project"]["dependencies"]))
    metadata = session.run(
        "python",
        "-c",
        "import importlib.metadata as m; print(m.metadata('partnerdata')['License-Expression'])",
        silent=True,
    )
    if not metadata or metadata.strip() != meta["project"]["license"]:
        session.error(f"the wheel built with {build[0]} has no License-Expression {meta['project']['license']}")


@nox.session(python=PYTHONS[1:], default=False)
def smoke(session: nox.Session) -> None:
    """The package installed on the other Pythons it claims, and a fast subset of the tests run there."""
    session.install("hatchling")
    _test_the_wheel(session, SMOKE_TESTS)


@nox.session(python=PYTHONS[0], default=False)
def mutants(session: nox.Session) -> None:
    """``scripts/mutants.py``: each hand-made mutation applied to a copy of the tree, and its tests run.

    Arguments after ``--`` go to the script (mutant ids, ``--list``).
    """
    session.install("-e", ".[dev]")
    session.run("python", "scripts/mutants.py", *session.posargs)
