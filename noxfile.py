"""Run the test command on every Python the package claims (3.11, 3.12, 3.13): ``nox``.

Each session installs the dev extra into its own environment and runs what ``scripts/check`` runs
(ruff, mypy --strict, the docs build, pytest). Interpreters not found are skipped by nox, so
``nox --error-on-missing-interpreters`` is the strict form for CI.

``nox -s fuzz`` is not run by a plain ``nox``: it is the scheduled (or by-hand) run of the fuzz
suite with random examples, where CI runs the same derandomized ones every time.
"""

import os
import random
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
