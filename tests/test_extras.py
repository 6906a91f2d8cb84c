"""Each optional extra, when missing, is named with the command that installs it."""

import subprocess
import sys

import pytest

# Python code run with one module made unimportable (None in sys.modules), and the hint expected.
CASES = {
    "hypothesis": ("import partnerdata.strategies", "pip install 'partnerdata[hypothesis]'"),
    "matplotlib": (
        "import partnerdata; partnerdata.load().participants('SPS').plot()",
        "pip install 'partnerdata[plot]'",
    ),
    "pandas": ("import partnerdata; partnerdata.load().participants('SPS').to_pandas()", "partnerdata[pandas]"),
    "pyarrow": (
        "import partnerdata; from partnerdata._display.panel import encode; "
        "encode(partnerdata.load().panel(2000, 2000), 'parquet')",
        "pip install 'partnerdata[parquet]'",
    ),
}


@pytest.mark.parametrize("missing", list(CASES))
def test_a_missing_extra_says_how_to_install_it(missing: str) -> None:
    code, hint = CASES[missing]
    hide = f"import sys, importlib.util; sys.modules[{missing!r}] = None; "
    if missing == "pyarrow":  # found by find_spec, not imported: hide it from the finder too
        hide += "importlib.util.find_spec = lambda name, *a: None if name == 'pyarrow' else _find(name, *a); "
        hide = "import importlib.util; _find = importlib.util.find_spec; " + hide
    done = subprocess.run([sys.executable, "-c", hide + code], capture_output=True, text=True, check=False)
    assert done.returncode != 0 and hint in done.stderr, done.stderr[-600:]
    assert "No module named" not in done.stderr
