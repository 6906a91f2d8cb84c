"""Registers the display layer's renderers with :mod:`partnerdata._model.show` (done on ``import partnerdata``).

Registering costs two dictionary entries; each renderer imports its module on first use, so
``import partnerdata`` stays light and the layers below never import this one.
"""

from partnerdata._model import show

TYPE_CHECKING = False  # not typing's: this module is imported by ``import partnerdata``
if TYPE_CHECKING:
    from typing import Any


def _html(obj: "Any", **options: "Any") -> str:
    from partnerdata._display import html

    return html.render(obj)


def _text(obj: "Any", **options: "Any") -> str:
    from partnerdata._display import tables

    return tables.render(obj)


def _diff(obj: "Any", *, format: str = "text", lang: str = "en", **options: "Any") -> str:
    from partnerdata._display import diff

    return diff.render(obj, format, lang)


def _plot(obj: "Any", **options: "Any") -> "Any":
    from partnerdata._display import plot

    return plot.plot(obj, **options)


show.register("html", _html)
show.register("plot", _plot)
show.register("text", _text)
show.register("diff", _diff)
