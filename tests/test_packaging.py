"""The wheel ships the data, its manifest and ``py.typed``, and loads from a zip as from a folder."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("partnerdata-*.whl")
    return found


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "partnerdata/py.typed" in names
    assert "partnerdata/data/manifest.json" in names
    assert {"partnerdata/data/relations/KGZ.json", "partnerdata/data/relations/TKM.json"} <= names
    assert not any(n.startswith(("tests/", "docs/", "benchmarks/")) for n in names)


def test_data_loads_from_inside_the_zip(wheel: Path) -> None:
    code = (
        "import partnerdata, sys; ds = partnerdata.load(); "
        "assert partnerdata.__file__.startswith(sys.argv[1]), partnerdata.__file__; "
        "print(ds.relation('TKM').relations_since.year)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(wheel)!r}); " + code, str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1992"


def test_license_is_in_the_wheel(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    (license_name,) = [n for n in names if n.endswith("licenses/LICENSE")]
    text = zipfile.ZipFile(wheel).read(license_name).decode()
    assert text.startswith("MIT License") and "The partnerdata developers" in text


def test_classifiers_list_only_the_pythons_nox_tests() -> None:
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    claimed = sorted(
        c.rsplit(" :: ", 1)[1] for c in meta["classifiers"] if c.startswith("Programming Language :: Python :: 3.")
    )
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    tested = noxfile.split("PYTHONS = ", 1)[1].split("]", 1)[0]
    assert claimed == sorted(v.strip().strip('"') for v in tested.strip("[").split(","))
    # No placeholder addresses: every URL the metadata gives must be real (none until published).
    assert "partnerdata/partnerdata" not in str(meta.get("urls", {}))


def test_example_pages_build_list_and_diff_from_inside_the_zip(wheel: Path, tmp_path: Path) -> None:
    """``partnerdata examples``, ``build``, ``editions`` and ``diff KAZ@... KAZ@...`` run from the wheel alone."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "partnerdata/_examples/kaz-fr-2016-04-07.html",
        "partnerdata/_examples/kaz-en-2017-12-12.txt",
        "partnerdata/_examples/kaz-en-2022-05-23.html",
        "partnerdata/_examples/kaz-fr-2022-05-23.txt",
    } <= names
    code = (
        "import sys; from partnerdata._cli.main import main; "
        "import partnerdata; assert partnerdata.__file__.startswith(sys.argv[1]), partnerdata.__file__; "
        "pages, data = sys.argv[2] + '/pages', sys.argv[2] + '/data'; "
        "print(main(['examples', pages]), main(['build', pages, '--output', data, '--pages-only']), "
        "main(['editions', 'KAZ', '--data', data]), main(['diff', 'KAZ@2017-12-12', 'KAZ@2022-05-23', '--data', data]))"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(wheel)!r}); " + code,
            str(wheel),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "KAZ@2016-04-07: nato-kaz-fr-2016-04-07 (fr)" in result.stdout
    assert "+ added: PARP, since 2002" in result.stdout
    assert result.stdout.rstrip().endswith("0 0 0 1")  # the diff exits 1: the editions differ
