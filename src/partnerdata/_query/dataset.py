"""The dataset: every record of one data edition, checked as a whole, with lookups by any name."""

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from partnerdata._model.errors import DataValidationError, NotFoundError
from partnerdata._model.keys import NameIndex
from partnerdata._model.records import (
    Partner,
    Programme,
    Relation,
    Source,
    Topic,
    _check_str,
    _instances,
    _items,
    sort_by,
)
from partnerdata._query.engine import Engine
from partnerdata._query.integrity import problems
from partnerdata._query.questions import Questions

__all__ = ["Dataset"]


def _partners(value: Iterable[Partner]) -> tuple[Partner, ...]:
    return sort_by(value, lambda p: p.alpha3)


def _programmes(value: Iterable[Programme]) -> tuple[Programme, ...]:
    return sort_by(value, lambda p: p.code)


def _topics(value: Iterable[Topic]) -> tuple[Topic, ...]:
    return sort_by(value, lambda t: t.code)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return sort_by(value, lambda s: s.id)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return sort_by(value, lambda r: r.partner)


class _Indexes:
    __slots__ = ("partners", "programmes", "relations", "sources", "topics")

    def __init__(self, ds: "Dataset") -> None:
        self.partners: NameIndex[Partner] = NameIndex(
            "partner",
            ((p, _partner_names(p)) for p in ds.partners),
        )
        self.programmes: NameIndex[Programme] = NameIndex(
            "programme",
            ((p, _programme_names(p)) for p in ds.programmes),
        )
        self.topics: NameIndex[Topic] = NameIndex(
            "topic",
            ((t, (t.code, *_texts(t.label), *t.aliases)) for t in ds.topics),
        )
        # Read-only views: the packaged dataset is shared by every load() of the process, and what
        # one caller put in a plain dict here every later caller would see.
        self.relations: Mapping[str, Relation] = MappingProxyType({r.partner: r for r in ds.relations})
        self.sources: Mapping[str, Source] = MappingProxyType({s.id: s for s in ds.sources})

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, name):
            raise AttributeError(f"the indexes of a dataset are read-only ({name})")
        object.__setattr__(self, name, value)


def _texts(*texts: Any) -> tuple[str, ...]:
    return tuple(s for t in texts if t is not None for s in (t.fr, t.en) if s is not None)


def _partner_names(p: Partner) -> tuple[str, ...]:
    codes = (p.alpha3,) if p.alpha2 is None else (p.alpha3, p.alpha2)
    return (*codes, *_texts(p.name, p.official_name), *p.aliases)


def _programme_names(p: Programme) -> tuple[str, ...]:
    return (p.code, *_texts(p.name, p.acronym), *p.aliases)


@frozen(kw_only=True, repr=False)
class Dataset(Questions):
    """Every partner, programme, topic, source page and relation of one data edition.

    A dataset is immutable and checked as a whole when it is built: codes are unique, every
    reference resolves, every piece of evidence quotes its page exactly. Lookups accept codes and
    any French or English name or alias, ignoring case, accents, apostrophe style and spacing.

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> ds.relation("turkmenistan").stance.contributes_forces
    False
    >>> ds.programme("Partenariat pour la paix").code
    'PFP'
    >>> [r.partner for r in ds.relations]
    ['KGZ', 'TKM']
    """

    data_version: str = field(validator=_check_str)
    partners: tuple[Partner, ...] = field(default=(), converter=_partners, validator=_items(_instances(Partner)))
    programmes: tuple[Programme, ...] = field(
        default=(), converter=_programmes, validator=_items(_instances(Programme))
    )
    topics: tuple[Topic, ...] = field(default=(), converter=_topics, validator=_items(_instances(Topic)))
    sources: tuple[Source, ...] = field(default=(), converter=_sources, validator=_items(_instances(Source)))
    relations: tuple[Relation, ...] = field(default=(), converter=_relations, validator=_items(_instances(Relation)))

    def __attrs_post_init__(self) -> None:
        found = problems(self)
        if found:
            raise DataValidationError(found, what="dataset")

    @functools.cached_property
    def _index(self) -> _Indexes:
        return _Indexes(self)

    @functools.cached_property
    def _engine(self) -> Engine:
        # The indexes questions draw from, built on the first question (see partnerdata._query.engine).
        return Engine(self)

    def _scope(self) -> tuple["Dataset", int | None, Engine]:
        return self, None, self._engine

    def partner(self, key: str) -> Partner:
        """The partner named by ``key``: alpha-3 or alpha-2 code, or any name or alias.

        >>> import partnerdata
        >>> partnerdata.load().partner("kyrgyzstan").alpha3
        'KGZ'
        """
        return self._index.partners.get(key)

    def relation(self, key: str) -> Relation:
        """The relation of the partner named by ``key`` (as for :meth:`partner`).

        >>> import partnerdata
        >>> partnerdata.load().relation("République kirghize").cooperation_since.year
        1994
        """
        partner = self.partner(key)
        found = self._index.relations.get(partner.alpha3)
        if found is None:
            # The partner exists but has no relation data: suggest the partners that do.
            raise NotFoundError("relation", key, tuple(r.partner for r in self.relations))
        return found

    def programme(self, key: str) -> Programme:
        """The programme named by ``key``: code, acronym (French or English), name or alias.

        >>> import partnerdata
        >>> partnerdata.load().programme("ppp").name.en
        'Partnership for Peace'
        """
        return self._index.programmes.get(key)

    def topic(self, key: str) -> Topic:
        """The topic named by ``key``: code, label or alias in either language.

        >>> import partnerdata
        >>> partnerdata.load().topic("lutte contre le terrorisme").code
        'counter-terrorism'
        """
        return self._index.topics.get(key)

    def source(self, id: str) -> Source:
        """The source page with this id.

        >>> import partnerdata
        >>> partnerdata.load().source("nato-kgz-fr").partner
        'KGZ'
        """
        found = self._index.sources.get(id)
        if found is None:
            import difflib

            raise NotFoundError("source", id, tuple(difflib.get_close_matches(str(id), self._index.sources, n=3)))
        return found

    def __repr__(self) -> str:
        return (
            f"Dataset(data_version={self.data_version!r}, partners={len(self.partners)}, "
            f"relations={len(self.relations)}, programmes={len(self.programmes)}, "
            f"topics={len(self.topics)}, sources={len(self.sources)})"
        )
