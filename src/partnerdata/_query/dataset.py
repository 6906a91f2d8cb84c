"""The dataset: every record of one data edition, checked as a whole, with lookups by any name."""

import functools
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from contextvars import ContextVar
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from partnerdata._model.errors import ArgumentTypeError, DataValidationError, NotFoundError
from partnerdata._model.keys import NameIndex
from partnerdata._model.records import (
    Edition,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Reference,
    Relation,
    Source,
    Topic,
    _check_str,
    _instances,
    _items,
    sort_by,
)
from partnerdata._query.questions import Questions

if TYPE_CHECKING:
    from partnerdata._query.engine import Engine

__all__ = ["Dataset"]

# Datasets whose relations and references are still unread (the packaged one, until first used),
# by id, with the function that reads them. See Dataset._unchecked and Dataset.__getattr__.
_DEFERRED = ("references", "relations")
_LATER: "dict[int, Callable[[], dict[str, tuple[Any, ...]]]]" = {}
_LATER_LOCK = threading.Lock()

# False only while Dataset._unchecked builds one; a context variable, so that another thread
# building a dataset at the same moment is checked as always.
_CHECKED: ContextVar[bool] = ContextVar("partnerdata_dataset_checked", default=True)


def _partners(value: Iterable[Partner]) -> tuple[Partner, ...]:
    return sort_by(value, lambda p: p.alpha3)


def _programmes(value: Iterable[Programme]) -> tuple[Programme, ...]:
    return sort_by(value, lambda p: p.code)


def _topics(value: Iterable[Topic]) -> tuple[Topic, ...]:
    return sort_by(value, lambda t: t.code)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return sort_by(value, lambda s: s.id)


def _references(value: Iterable[Reference]) -> tuple[Reference, ...]:
    return sort_by(value, lambda r: r.id)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return sort_by(value, lambda r: r.partner)


def _editions(value: Iterable[Edition]) -> tuple[Edition, ...]:
    return sort_by(value, lambda e: (e.partner, e.sort_key()))


class _Indexes:
    """The lookups' indexes, each built on first use: a lookup of a partner needs none of the others."""

    _ds: "Dataset"

    def __init__(self, ds: "Dataset") -> None:
        object.__setattr__(self, "_ds", ds)

    @functools.cached_property
    def partners(self) -> NameIndex[Partner]:
        return NameIndex("partner", ((p, _partner_names(p)) for p in self._ds.partners))

    @functools.cached_property
    def programmes(self) -> NameIndex[Programme]:
        return NameIndex("programme", ((p, _programme_names(p)) for p in self._ds.programmes))

    @functools.cached_property
    def topics(self) -> NameIndex[Topic]:
        return NameIndex("topic", ((t, (t.code, *_texts(t.label), *t.aliases)) for t in self._ds.topics))

    # Read-only views: the packaged dataset is shared by every load() of the process, and what
    # one caller put in a plain dict here every later caller would see.
    @functools.cached_property
    def relations(self) -> Mapping[str, Relation]:
        return MappingProxyType({r.partner: r for r in self._ds.relations})

    @functools.cached_property
    def sources(self) -> Mapping[str, Source]:
        return MappingProxyType({s.id: s for s in self._ds.sources})

    @functools.cached_property
    def references(self) -> Mapping[str, Reference]:
        return MappingProxyType({r.id: r for r in self._ds.references})

    @functools.cached_property
    def editions(self) -> Mapping[str, tuple[Edition, ...]]:
        ds = self._ds
        editions: dict[str, tuple[Edition, ...]] = {}
        for e in ds.editions:  # already in order: partner, then edition
            editions[e.partner] = (*editions.get(e.partner, ()), e)
        # A relation without editions (the packaged data) is one edition of its pages' date.
        for r in ds.relations:
            if r.partner not in editions:
                ids = r.sources or tuple(sorted(s.id for s in ds.sources if s.partner == r.partner))
                dates = {self.sources[i].edition for i in ids if i in self.sources}
                date = dates.pop() if len(dates) == 1 else None
                editions[r.partner] = (Edition(partner=r.partner, date=date, sources=ids, relation=r),)
        return MappingProxyType(editions)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"the indexes of a dataset are read-only ({name})")


def _source_key(id: str) -> str:
    return re.sub(r"[\s_]+", "-", id.strip().lower())


class _Exact:
    """Records by exact code, for the ``get_*`` lookups, and sources by their normalised id."""

    __slots__ = ("partners", "programmes", "sources", "topics")

    def __init__(self, ds: "Dataset") -> None:
        self.partners = {p.alpha3: p for p in ds.partners}
        self.programmes = {p.code: p for p in ds.programmes}
        self.topics = {t.code: t for t in ds.topics}
        self.sources = {_source_key(s.id): s for s in ds.sources}


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
    >>> len(ds.relations), [r.partner for r in ds.relations] == [p.alpha3 for p in ds.partners]
    (55, True)
    """

    data_version: str = field(validator=_check_str)
    partners: tuple[Partner, ...] = field(default=(), converter=_partners, validator=_items(_instances(Partner)))
    programmes: tuple[Programme, ...] = field(
        default=(), converter=_programmes, validator=_items(_instances(Programme))
    )
    topics: tuple[Topic, ...] = field(default=(), converter=_topics, validator=_items(_instances(Topic)))
    sources: tuple[Source, ...] = field(default=(), converter=_sources, validator=_items(_instances(Source)))
    # NATO's pages that facts cite without the package shipping them (see Citation).
    references: tuple[Reference, ...] = field(
        default=(), converter=_references, validator=_items(_instances(Reference))
    )
    relations: tuple[Relation, ...] = field(default=(), converter=_relations, validator=_items(_instances(Relation)))
    # Every edition of the partners' pages that the dataset keeps; ``relations`` holds the latest's.
    editions: tuple[Edition, ...] = field(default=(), converter=_editions, validator=_items(_instances(Edition)))

    def __attrs_post_init__(self) -> None:
        if not _CHECKED.get():
            return
        from partnerdata._query.integrity import problems  # only when checking (see _unchecked)

        found = problems(self)
        if found:
            raise DataValidationError(found, what="dataset")

    @classmethod
    def _unchecked(cls, **fields: Any) -> "Dataset":
        """A dataset built without its whole-dataset checks; its own fields' validators still run.

        For the packaged data only (whose records ``read_folder(..., trusted=True)`` builds
        unchecked too), and only when its manifest is byte for byte the one the test suite checked
        (``PACKAGED_MANIFEST_SHA256``): the manifest's checksums then vouch for every file, and
        checking again would cost every fresh ``load()`` a few milliseconds for nothing. A test
        builds the packaged data both ways and compares.
        """
        later = fields.pop("later", None)
        token = _CHECKED.set(False)
        try:
            ds = cls(**fields)
        finally:
            _CHECKED.reset(token)
        if later is not None:
            # The relations and references are read when first asked for (see __getattr__): a
            # fresh load() and a lookup of a partner, a programme or a topic do not pay for them.
            for name in _DEFERRED:
                object.__delattr__(ds, name)
            _LATER[id(ds)] = later
        return ds

    def __getattr__(self, name: str) -> Any:
        # Reached only for an empty slot: the relations and references of a dataset that
        # _unchecked left unread. They are read once (checksums checked), under a lock so that a
        # second thread waits for the first rather than finding them missing.
        if name not in _DEFERRED:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with _LATER_LOCK:
            try:
                return object.__getattribute__(self, name)  # read meanwhile by another thread
            except AttributeError:
                pass
            later = _LATER.pop(id(self), None)
            if later is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            try:
                values = later()
            except BaseException:
                _LATER[id(self)] = later  # a later access tries again, and fails again, with the same error
                raise
            for key, value in values.items():
                object.__setattr__(self, key, value)
        return object.__getattribute__(self, name)

    @functools.cached_property
    def _index(self) -> _Indexes:
        return _Indexes(self)

    @functools.cached_property
    def _engine(self) -> "Engine":
        # The indexes questions draw from, built on the first question (see partnerdata._query.engine),
        # and imported then too: a load() and a lookup do without it.
        from partnerdata._query.engine import Engine

        return Engine(self)

    def _scope(self) -> tuple["Dataset", int | None, "Engine"]:
        return self, None, self._engine

    def partner(self, key: str) -> Partner:
        """The partner named by ``key``: alpha-3 or alpha-2 code, or any name or alias.

        >>> import partnerdata
        >>> partnerdata.load().partner("kyrgyzstan").alpha3
        'KGZ'
        """
        return self._index.partners.get(key)

    def relation(self, key: str, edition: "str | PartialDate | None" = None) -> Relation:
        """The relation of the partner named by ``key`` (as for :meth:`partner`): its latest edition's.

        ``edition`` is an edition date (``"2019-04-02"`` or a :class:`PartialDate`), ``"latest"``
        or ``"undated"`` (see :meth:`edition`).

        >>> import partnerdata
        >>> partnerdata.load().relation("République kirghize").cooperation_since.year
        1994
        """
        if edition is not None:
            return self.edition(key, edition).relation
        partner = self.partner(key)
        found = self._index.relations.get(partner.alpha3)
        if found is None:
            # A known partner without relation data is not a typo: say so, and which partners have data.
            having = tuple(r.partner for r in self.relations)
            raise NotFoundError(
                "relation",
                key,
                having,
                reason=f"{partner.alpha3} ({partner.name}) is a known partner, but the data holds no relation "
                f"for it; partners with relation data: {', '.join(having) or 'none'}",
            )
        return found

    def participation(self, partner: str, programme: str) -> Participation:
        """The participation of ``partner`` in ``programme``, each named by any code or name.

        Raises :class:`NotFoundError` if either names nothing, if the partner has no relation data,
        or if its relation has no participation in that programme.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.participation("Kirghizistan", "Partenariat pour la paix").since
        1994
        >>> ds.participation("TKM", "BI")
        Traceback (most recent call last):
        ...
        partnerdata.NotFoundError: TKM has no participation in BI in the data
        """
        relation = self.relation(partner)
        code = self.programme(programme).code
        found = relation.participation(code)
        if found is None:
            reason = f"{relation.partner} has no participation in {code} in the data"
            raise NotFoundError("participation", programme, reason=reason)
        return found

    def get_partner(self, alpha3: str) -> Partner | None:
        """The partner whose alpha-3 code is exactly ``alpha3``, or ``None`` (no name matching).

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.get_partner("KGZ").name.en, ds.get_partner("kgz")
        ('Kyrgyzstan', None)
        """
        return self._exact.partners.get(alpha3)

    def get_relation(self, alpha3: str) -> Relation | None:
        """The relation of the partner whose alpha-3 code is exactly ``alpha3``, or ``None``.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.get_relation("TKM").partner, ds.get_relation("tkm"), ds.get_relation("FRA")
        ('TKM', None, None)
        """
        return self._index.relations.get(alpha3)

    def get_programme(self, code: str) -> Programme | None:
        """The programme whose code is exactly ``code``, or ``None``.

        >>> import partnerdata
        >>> partnerdata.load().get_programme("SPS").name.en
        'Science for Peace and Security Programme'
        """
        return self._exact.programmes.get(code)

    def get_topic(self, code: str) -> Topic | None:
        """The topic whose code is exactly ``code``, or ``None``.

        >>> import partnerdata
        >>> partnerdata.load().get_topic("cyber-defence").label.en
        'cyber defence'
        """
        return self._exact.topics.get(code)

    def get_source(self, id: str) -> Source | None:
        """The source page whose id is exactly ``id``, or ``None``.

        >>> import partnerdata
        >>> partnerdata.load().get_source("nato-kgz-fr").partner
        'KGZ'
        """
        return self._index.sources.get(id)

    def get_reference(self, id: str) -> Reference | None:
        """The cited NATO page whose id is exactly ``id``, or ``None``.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> pfp = ds.relation("POL").participation("PFP")
        >>> ds.get_reference(pfp.evidence[0].source).url.startswith("https://www.nato.int/")
        True
        """
        return self._index.references.get(id)

    def reference(self, id: str) -> Reference:
        """The cited NATO page with this id; :class:`~partnerdata.NotFoundError` with the closest ids if none.

        >>> import partnerdata
        >>> partnerdata.load().reference("no-such-page")
        Traceback (most recent call last):
        ...
        partnerdata.NotFoundError: no reference matches 'no-such-page'...
        """
        found = self.get_reference(id) if type(id) is str else None
        if found is None:
            import difflib

            close = difflib.get_close_matches(str(id), self._index.references, n=3)
            raise NotFoundError("reference", str(id), tuple(close))
        return found

    def editions_of(self, key: str) -> tuple[Edition, ...]:
        """The editions of a partner's pages, oldest first; undated editions count as the oldest.

        A partner whose relation has no edition records (the packaged data) has one edition: its
        relation, dated by its pages if they agree on a date.

        >>> import partnerdata
        >>> [e.label for e in partnerdata.load().editions_of("kyrgyzstan")]
        ['undated']
        """
        partner = self.partner(key)
        found = self._index.editions.get(partner.alpha3)
        if found is None:
            self.relation(key)  # a known partner without relation data: the message of relation() says so
            raise NotFoundError("relation", key, tuple(r.partner for r in self.relations))
        return found

    def edition(self, key: str, date: "str | PartialDate | None" = None) -> Edition:
        """One edition of a partner's pages: the latest, or that of ``date`` (ISO text, ``"undated"``, ``"latest"``).

        >>> import partnerdata
        >>> partnerdata.load().edition("TKM").sources
        ('nato-tkm-fr',)
        """
        editions = self.editions_of(key)
        if date is None or date == "latest":
            return editions[-1]
        label = date.isoformat() if isinstance(date, PartialDate) else str(date).strip()
        for e in editions:
            if e.label == label:
                return e
        raise NotFoundError(f"edition of {editions[-1].partner}", label, tuple(e.label for e in editions))

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
        """The source page with this id, ignoring case and spaces or underscores for hyphens.

        >>> import partnerdata
        >>> ds = partnerdata.load()
        >>> ds.source("nato-kgz-fr").partner, ds.source("NATO_TKM_FR").partner
        ('KGZ', 'TKM')
        >>> ds.source("nato-kgz-en")
        Traceback (most recent call last):
        ...
        partnerdata.NotFoundError: no source matches 'nato-kgz-en'; did you mean 'nato-kgz-fr'...?
        """
        if type(id) is not str:
            raise ArgumentTypeError(f"a source id is a string, not {id!r}")
        key = _source_key(id)
        found = self._exact.sources.get(key)
        if found is None:
            import difflib

            raise NotFoundError("source", id, tuple(difflib.get_close_matches(key, self._exact.sources, n=3)))
        return found

    @functools.cached_property
    def _exact(self) -> "_Exact":
        return _Exact(self)

    def __repr__(self) -> str:
        return (
            f"Dataset(data_version={self.data_version!r}, partners={len(self.partners)}, "
            f"relations={len(self.relations)}, programmes={len(self.programmes)}, "
            f"topics={len(self.topics)}, sources={len(self.sources)}, references={len(self.references)})"
        )
