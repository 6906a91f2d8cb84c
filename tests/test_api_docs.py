"""Every entry of docs/api.rst shows the name's own docstring, never one inherited from a builtin type."""

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
from sphinx.pycode import ModuleAnalyzer

import partnerdata

API = (Path(__file__).resolve().parents[1] / "docs" / "api.rst").read_text(encoding="utf-8")
ENTRIES = re.findall(r"^\.\. (auto\w+|py:data):: ([\w.]+)", API, re.M)


def resolve(dotted: str) -> tuple[Any, str, str]:
    module_name, _, name = dotted.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError:  # a method: Class.method
        owner, _, name = dotted.rpartition(".")
        cls_module, _, cls_name = owner.rpartition(".")
        return getattr(getattr(importlib.import_module(cls_module), cls_name), name), cls_module, name
    return getattr(module, name), module_name, name


def test_every_public_name_has_an_entry() -> None:
    documented = {name for _, name in ENTRIES}
    assert {f"partnerdata.{n}" for n in partnerdata.__all__} - documented == set()


@pytest.mark.parametrize(("directive", "dotted"), ENTRIES)
def test_regression_an_entry_showed_a_builtin_docstring(directive: str, dotted: str) -> None:
    if directive == "automodule":
        return
    obj, module_name, name = resolve(dotted)
    if directive == "py:data":  # written in the page itself: it must have a description under it
        block = API.split(f".. py:data:: {dotted}", 1)[1].split("\n.. ", 1)[0]
        assert len(re.findall(r"^   \S", block, re.M)) > 2
        return
    if directive == "autodata":  # a value's description is a #: comment where it is assigned
        assert ("", name) in ModuleAnalyzer.for_module(module_name).find_attr_docs()
        return
    doc = obj.__doc__
    assert doc and doc.strip(), dotted
    builtin = {t.__doc__ for t in (object, str, int, tuple, dict, Exception, ValueError, TypeError, LookupError)}
    assert doc not in builtin, dotted
