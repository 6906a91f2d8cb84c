"""What changed between editions of a partner's pages: one diff, or the whole history.

Two editions are compared in substance: their pages are different pages, so statements and
evidence (which cite them) are left out, as when comparing two partners (``identity=False`` of
:func:`partnerdata.diff`). What remains is what the pages *say*: a start year that moved, a
programme added, an event dropped, a stance that changed.

"What the page said at edition D" (:meth:`partnerdata.Dataset.edition`) is not time travel:
``as_of`` (:meth:`partnerdata.Dataset.as_of`) answers "the state of things in year Y" from the
dates the facts carry, within one edition.
"""

import html
import itertools
from collections.abc import Iterator
from typing import Any

import attrs
from attrs import frozen

from partnerdata._diff.diff import Diff, diff
from partnerdata._model.errors import ArgumentError
from partnerdata._model.records import Edition, Evidence, PartialDate, Text

__all__ = ["History", "diff_editions", "history"]


def diff_editions(
    ds: Any, partner: str, old: "str | PartialDate | None" = None, new: "str | PartialDate | None" = None
) -> Diff:
    """What changed in a partner's pages from edition ``old`` to edition ``new`` (default: the last two).

    Editions are named by date (``"2019-04-02"``), ``"undated"`` or ``"latest"``.

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> len(partnerdata.diff_editions(ds, "TKM"))  # one edition: compared with itself
    0
    """
    editions = ds.editions_of(partner)
    after = editions[-1] if new is None else ds.edition(partner, new)
    if old is None:
        k = editions.index(after)
        before = editions[k - 1] if k > 0 else after
    else:
        before = ds.edition(partner, old)
    return _compare(ds, before, after)


def _languages(ds: Any, e: Edition) -> frozenset[str]:
    return frozenset(ds.source(sid).language for sid in e.sources)


def _only(value: Any, langs: frozenset[str]) -> Any:
    """``value`` with its texts reduced to ``langs`` (a text in neither language is kept whole)."""
    if isinstance(value, Text):
        fr = value.fr if "fr" in langs else None
        en = value.en if "en" in langs else None
        return value if fr is None and en is None else Text(fr=fr, en=en)
    if isinstance(value, tuple):
        return tuple(_only(v, langs) for v in value)
    if attrs.has(type(value)) and not isinstance(value, Evidence | PartialDate):
        changes = {a.name: _only(getattr(value, a.name), langs) for a in attrs.fields(type(value))}
        return attrs.evolve(value, **changes)
    return value


def _compare(ds: Any, before: Edition, after: Edition) -> Diff:
    # Pages in French and English on one side, English only on the other: compare the texts in
    # the languages both have, or every text would show as changed.
    a, b = before.relation, after.relation
    common = _languages(ds, before) & _languages(ds, after)
    if common and (common != _languages(ds, before) or common != _languages(ds, after)):
        a, b = _only(a, common), _only(b, common)
    d = diff(a, b, identity=False)
    if not common:
        # A French page against an English one: every text differs by its language alone, so
        # texts are left out; what remains (years, codes, flags) compares across languages.
        kept = tuple(c for c in d.changes if not (isinstance(c.old, Text) and isinstance(c.new, Text)))
        d = attrs.evolve(d, changes=kept)
    return d


@frozen
class History:
    """A partner's editions, oldest first, with what changed from each to the next.

    >>> import partnerdata
    >>> h = partnerdata.history(partnerdata.load(), "KGZ")
    >>> [e.label for e in h.editions], len(h.steps)
    (['undated'], 0)
    >>> print(h.render())
    History of KGZ: 1 edition (undated)
    """

    partner: str
    editions: tuple[Edition, ...]
    steps: tuple[tuple[Edition, Edition, Diff], ...]

    def __iter__(self) -> Iterator[tuple[Edition, Edition, Diff]]:
        return iter(self.steps)

    def render(self, format: str = "text", *, lang: str = "en") -> str:
        """The history for people: ``"text"``, ``"markdown"`` or ``"html"``, labels in ``lang``."""
        if format not in ("text", "markdown", "html"):
            raise ArgumentError(f"unknown format {format!r}: text, markdown or html")
        n = len(self.editions)
        labels = ", ".join(e.label for e in self.editions)
        head = f"History of {self.partner}: {n} edition{'s' * (n != 1)} ({labels})"
        out: list[str] = []
        if format == "html":
            out.append(f"<h2>{html.escape(head)}</h2>")
        elif format == "markdown":
            out.append(f"# {head}")
        else:
            out.append(head)
        for before, after, d in self.steps:
            title = f"{before.label} → {after.label} ({', '.join(after.sources)})"
            conflicts = [f"{c.fact}: {' / '.join(c.values)}" for c in after.conflicts]
            if format == "html":
                out.append(f"<h3>{html.escape(title)}</h3>")
                out.append(d.render("html", lang=lang) if d else "<p>No differences.</p>")
                out += [f"<p>Conflict between languages: {html.escape(c)}</p>" for c in conflicts]
            elif format == "markdown":
                out.append(f"\n## {title}\n")
                out.append(d.render("markdown", lang=lang))
                out += [f"\n- conflict between languages: {c}" for c in conflicts]
            else:
                out.append(f"\n{title}")
                out.append(d.render("text", lang=lang))
                out += [f"  conflict between languages: {c}" for c in conflicts]
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render()

    def _repr_html_(self) -> str:
        return self.render("html")


def history(ds: Any, partner: str) -> History:
    """A partner's editions in order and what changed from each to the next.

    >>> import partnerdata
    >>> h = partnerdata.history(partnerdata.load(), "TKM")
    >>> h.partner, [e.label for e in h.editions]
    ('TKM', ['undated'])
    """
    editions = ds.editions_of(partner)
    steps = tuple((a, b, _compare(ds, a, b)) for a, b in itertools.pairwise(editions))
    return History(partner=editions[-1].partner, editions=editions, steps=steps)
