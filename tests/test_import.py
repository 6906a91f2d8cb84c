"""``import partnerdata`` stays light: heavy modules load when they are needed, not before."""

import subprocess
import sys

HEAVY = ("cattrs", "json", "importlib.resources", "importlib.metadata", "difflib", "pandas", "hypothesis", "csv")


def test_import_loads_no_heavy_module() -> None:
    code = "import sys, partnerdata; print(' '.join(m for m in " + repr(HEAVY) + " if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_public_names_are_exported_and_documented() -> None:
    import partnerdata

    for name in partnerdata.__all__:
        value = getattr(partnerdata, name)
        if callable(value):
            assert value.__doc__ and ">>>" in value.__doc__, f"{name} needs a docstring with an example"
