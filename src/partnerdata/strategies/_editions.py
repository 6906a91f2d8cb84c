"""Pairs of editions of a dataset with the edits between them known, for testing diffs."""

from collections.abc import Iterable, Sequence

import attrs
import hypothesis.strategies as st

from partnerdata._model.records import LANGUAGES, Programme, Relation, Topic
from partnerdata._query import synthetic as synth
from partnerdata._query.dataset import Dataset
from partnerdata.strategies._common import DEFAULT_MAX_YEAR, DEFAULT_MIN_YEAR
from partnerdata.strategies._datasets import datasets
from partnerdata.strategies._text import Draws


@attrs.frozen(kw_only=True)
class EditionPair:
    """Two editions of a dataset and the edits between them, by partner (alpha-3 code).

    Both editions share their vocabularies and source pages; they differ in their relations:
    ``added`` partners have a relation only in ``new``, ``removed`` only in ``old``, and
    ``changed`` partners have a relation in both that differs. Every other relation is equal in
    both editions. ``data_version`` may differ too.

    >>> from hypothesis import given, settings
    >>> from partnerdata.strategies import dataset_pairs
    >>> @settings(max_examples=10, database=None, deadline=None)
    ... @given(dataset_pairs())
    ... def test_known_edits(pair):
    ...     old = {r.partner: r for r in pair.old.relations}
    ...     new = {r.partner: r for r in pair.new.relations}
    ...     assert pair.added == new.keys() - old.keys()
    ...     assert pair.changed == {p for p in old.keys() & new.keys() if old[p] != new[p]}
    >>> test_known_edits()
    """

    old: Dataset
    new: Dataset
    added: frozenset[str]
    removed: frozenset[str]
    changed: frozenset[str]

    @property
    def changed_partners(self) -> frozenset[str]:
        """Every partner whose relation differs between the editions: added, removed or changed."""
        return self.added | self.removed | self.changed

    @property
    def unchanged(self) -> frozenset[str]:
        """Partners whose relation is in both editions, equal."""
        return frozenset(r.partner for r in self.old.relations) - self.removed - self.changed


@st.composite
def _dataset_pairs(draw: st.DrawFn, base: st.SearchStrategy[Dataset]) -> EditionPair:
    full = draw(base)
    fates = {r.partner: draw(st.sampled_from(("kept", "changed", "added", "removed"))) for r in full.relations}
    old_relations: list[Relation] = []
    new_relations: list[Relation] = []
    for r in full.relations:
        fate = fates[r.partner]
        if fate != "added":
            old_relations.append(r)
        if fate == "kept" or fate == "added":
            new_relations.append(r)
        elif fate == "changed":
            new_relations.append(synth.edited(Draws(draw), r, [s for s in full.sources if s.partner == r.partner]))
    old = attrs.evolve(full, relations=old_relations)
    new_version = draw(st.sampled_from([full.data_version, synth.next_version(full.data_version)]))
    new = attrs.evolve(full, data_version=new_version, relations=new_relations)
    return EditionPair(
        old=old,
        new=new,
        added=frozenset(p for p, fate in fates.items() if fate == "added"),
        removed=frozenset(p for p, fate in fates.items() if fate == "removed"),
        changed=frozenset(p for p, fate in fates.items() if fate == "changed"),
    )


def dataset_pairs(
    *,
    min_partners: int = 1,
    max_partners: int = 3,
    programmes: Iterable[Programme] | None = None,
    topics: Iterable[Topic] | None = None,
    languages: Sequence[str] = LANGUAGES,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[EditionPair]:
    """Two editions of a generated dataset with known edits between them (:class:`EditionPair`).

    Each relation of a generated dataset is kept, changed (a stance flag, a statement added or
    dropped, an event reworded), added (only in the new edition) or removed (only in the old).
    The arguments are those of :func:`datasets`. See :class:`EditionPair` for an example.
    """
    base = datasets(
        min_partners=min_partners,
        max_partners=max_partners,
        min_relations=min(1, max_partners),
        programmes=programmes,
        topics=topics,
        languages=languages,
        min_year=min_year,
        max_year=max_year,
    )
    return _dataset_pairs(base)
