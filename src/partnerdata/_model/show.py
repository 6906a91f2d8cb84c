"""How records reach the display layer without importing it: renderers registered by name.

Records sit at the bottom of the package and never import upward, yet Jupyter asks a record for
its HTML (``_repr_html_``) and ``str()`` of a result is a table. The display layer
(:mod:`partnerdata._display.register`) registers its renderers here when ``partnerdata`` is
imported; a record asks for one by name. This module imports nothing.
"""

TYPE_CHECKING = False  # not typing's: ``import partnerdata`` imports this module, and typing costs more
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

__all__ = ["Shown", "figure", "register", "render"]

_RENDERERS: "dict[str, Callable[..., Any]]" = {}


def register(name: str, renderer: "Callable[..., Any]") -> None:
    """Make ``renderer`` the one called for ``render(name, ...)``."""
    _RENDERERS[name] = renderer


def _renderer(name: str) -> "Callable[..., Any]":
    renderer = _RENDERERS.get(name)
    if renderer is None:  # only if partnerdata/__init__.py did not run, which importing any part of it does
        raise RuntimeError(f"no {name!r} renderer is registered: import partnerdata first")
    return renderer


def render(name: str, obj: object, **options: "Any") -> str:
    """``obj`` rendered by the renderer registered under ``name`` (``"html"``, ``"text"``, ``"diff"``)."""
    return str(_renderer(name)(obj, **options))


def figure(obj: object, **options: "Any") -> "Any":
    """``obj`` drawn by the ``"plot"`` renderer: a matplotlib Axes (the ``plot`` extra)."""
    return _renderer("plot")(obj, **options)


class Shown:
    """Jupyter shows every record as an HTML card (see :mod:`partnerdata._display.html`)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return render("html", self)
