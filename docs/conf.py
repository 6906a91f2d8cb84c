"""Sphinx configuration: plain reStructuredText, API pages from docstrings."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import partnerdata

project = "partnerdata"
author = "The partnerdata developers"
release = partnerdata.__version__
version = release
extensions = ["sphinx.ext.autodoc", "sphinx.ext.intersphinx", "sphinx.ext.viewcode"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
intersphinx_mapping: dict[str, tuple[str, None]] = {}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = f"partnerdata {release}"
nitpicky = False


def setup(app: object) -> None:
    """Draw the notebook page's figures from the current data when a build starts (docs/figures.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import figures

    figures.main()
