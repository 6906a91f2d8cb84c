"""Public classes read as ``partnerdata.X`` where users see them: tracebacks, reprs, ``except`` clauses."""

import subprocess
import sys

import pytest

import partnerdata

ERRORS = ("PartnerDataError", "FieldError", "DataValidationError", "NotFoundError", "PageError", "DiffConflictError")


@pytest.mark.parametrize("name", ERRORS)
def test_error_classes_show_their_public_path(name: str) -> None:
    cls = getattr(partnerdata, name)
    assert f"{cls.__module__}.{cls.__qualname__}" == f"partnerdata.{name}"


def test_regression_traceback_named_a_private_module() -> None:
    # The error is raised before anyone touched partnerdata.NotFoundError: the class itself must say so.
    code = "import partnerdata; partnerdata.load().relation('Atlantis')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("partnerdata.NotFoundError: no partner matches 'Atlantis'"), last
