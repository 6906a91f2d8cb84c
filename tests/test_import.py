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


def test_lazy_names_match_the_type_checking_imports_and_all() -> None:
    """The three listings of the public names in ``__init__`` (typing, loading, ``__all__``) agree."""
    import ast
    import inspect

    import partnerdata

    tree = ast.parse(inspect.getsource(partnerdata))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    typed = {(i.module, a.name) for i in block.body if isinstance(i, ast.ImportFrom) for a in i.names}
    lazy = {(module, name) for module, names in partnerdata._EXPORTS.items() for name in names}
    assert typed == lazy
    assert set(partnerdata.__all__) == {name for _, name in lazy} | {"DATA_VERSION", "__version__"}
    for name in partnerdata.__all__:
        assert getattr(partnerdata, name) is not None


# What a fresh load() of the packaged data and a lookup do without (each measured in
# benchmarks/foundation.py): answer records and the query engine wait for the first question,
# the whole-dataset checks for data other than the tested packaged data, pathlib for a user's path.
NOT_FOR_A_LOOKUP = (
    "pathlib",
    "hashlib",
    "importlib.resources",
    "partnerdata._model.results",
    "partnerdata._query.engine",
    "partnerdata._query.integrity",
    "cattrs",
)


def test_load_and_a_lookup_import_only_what_they_use() -> None:
    code = (
        "import sys, partnerdata; partnerdata.load().partner('KGZ'); "
        f"print(' '.join(m for m in {NOT_FOR_A_LOOKUP!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
    asked = code.replace("partner('KGZ')", "participants('PFP')")  # the first question brings them
    result = subprocess.run([sys.executable, "-c", asked], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["partnerdata._model.results", "partnerdata._query.engine"]
