"""The record types: frozen, slotted, keyword-only attrs classes.

Every collection inside a record is a tuple, so a record (and a whole dataset) can be shared between
threads and callers without anyone seeing another's change. Constructors validate what a single
record can know (types, ranges, code shapes); what needs the whole dataset (references between
records) is checked by :class:`partnerdata.Dataset`.
"""

import re
from collections.abc import Iterable
from operator import attrgetter
from typing import Any

import attrs
from attrs import field, frozen

from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import FieldError, NotFoundError
from partnerdata._model.show import Shown

__all__ = [
    "Channel",
    "Citation",
    "Conflict",
    "CooperationPlan",
    "Edition",
    "Event",
    "Evidence",
    "Milestone",
    "PartialDate",
    "Participation",
    "Partner",
    "Programme",
    "Reference",
    "Relation",
    "Source",
    "Stance",
    "Statement",
    "Text",
    "Topic",
    "UnitDesignation",
]

MIN_YEAR = 1900
MAX_YEAR = 2100
LANGUAGES = ("fr", "en")

_ALPHA3 = re.compile(r"[A-Z]{3}\Z")
_ALPHA2 = re.compile(r"[A-Z]{2}\Z")
_NUMERIC = re.compile(r"[0-9]{3}\Z")
_PROGRAMME_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


def show(value: object) -> str:
    """A short, unambiguous rendering of a bad value for error messages."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Validators. They check exact types (``type(v) is int`` refuses ``True``) because records are
# the end of the line: nothing after them coerces.


# Characters no text of the data may hold: lone surrogates (they cannot be written as UTF-8, so
# a record holding one breaks to_json and every printout), control characters other than tab and
# line feed, and the bidirectional overrides and isolates, which make a name display as another.
_FORBIDDEN = re.compile("[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A text of nothing but spaces and invisible characters (zero-width spaces, joiners, BOM, soft
# hyphen) looks empty and must be None instead.
_INVISIBLE = re.compile("[\\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]*")
# Of the characters these two refuse, only the space is printable (``str.isprintable``): a
# printable text that is not blank passes both, which the loader's builders test without them
# (tests/test_load_pairs.py checks every code point).


def invisible(text: str) -> bool:
    """Whether a text shows nothing: only spaces and invisible characters (a record refuses it)."""
    return _INVISIBLE.fullmatch(text) is not None


def _check_str(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if type(value) is not str:
        raise FieldError(attribute.name, f"expected a string, got {show(value)}")
    if _INVISIBLE.fullmatch(value):
        if not value.strip():
            raise FieldError(attribute.name, "must not be empty (use None for unknown)")
        raise FieldError(attribute.name, "must not be invisible characters only (use None for unknown)")
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        char = ord(bad.group())
        kind = "a lone surrogate" if 0xD800 <= char <= 0xDFFF else "a control or direction-override character"
        raise FieldError(attribute.name, f"holds {kind} (U+{char:04X}) at offset {bad.start()}")


def _check_opt_str(inst: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None:
        _check_str(inst, attribute, value)


# What the loader's generated builders (partnerdata._io.builders) test inline, as data, so that a
# valid value costs no call: ("str", invisible, forbidden), ("pattern", invisible, forbidden,
# match, known), ("int", lo, hi) or ("bool",), then whether None passes; ("strs", one of those)
# for a tuple of distinct strings; ("nonempty",) and ("unique", key) for a tuple of records, key
# a C function whose values are distinct exactly when the validator's keys are. ``known`` holds
# codes that passed, shared with the validator. A builder calls the validator
# only when that test says the value may be bad, so the validator still words every error; a test
# checks that a value the description passes is one the validator passes.
INLINE: dict[Any, tuple[Any, ...]] = {
    _check_str: ("str", _INVISIBLE.fullmatch, _FORBIDDEN.search, False),
    _check_opt_str: ("str", _INVISIBLE.fullmatch, _FORBIDDEN.search, True),
}


def _pattern(regex: "re.Pattern[str]", what: str) -> Any:
    # Codes repeat (every participation names a programme, every fact a source): a code that
    # matched once is remembered, up to a bound, so a large load checks each distinct code once.
    matched: set[str] = set()

    def check(inst: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if type(value) is str and value in matched:
            return
        _check_str(inst, attribute, value)
        assert isinstance(value, str)
        if not regex.match(value):
            raise FieldError(attribute.name, f"{show(value)} is not {what}")
        if len(matched) < 4096:
            matched.add(value)

    INLINE[check] = ("pattern", _INVISIBLE.fullmatch, _FORBIDDEN.search, regex.match, matched, False)
    return check


# Validators that check nothing but a value's record type, and what composite validators are
# made of. The loader's checked pass builds every record-typed field as its declared type, so it
# runs only what :func:`left_after_typing` leaves of such a field's validator.
_TYPE_ONLY: set[Any] = set()
_PARTS: dict[Any, tuple[Any, ...]] = {}
_EACH: dict[Any, Any] = {}
_EMPTY_OK: set[Any] = set()


def _type_only(check: Any) -> Any:
    _TYPE_ONLY.add(check)
    return check


def _all(*checks: Any) -> Any:
    """One validator running ``checks`` in order (what attrs does with a list, but inspectable)."""

    def every(inst: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
        for check in checks:
            check(inst, attribute, value)

    _PARTS[every] = checks
    return every


def accepts_empty(validator: Any) -> bool:
    """Whether ``validator`` passes every empty tuple (a builder then calls it on items only).

    >>> accepts_empty(_all(_items(_check_str), _unique(str, "alias"))), accepts_empty(_non_empty)
    (True, False)
    """
    parts = _PARTS.get(validator)
    if parts is not None:
        return all(accepts_empty(part) for part in parts)
    return validator in _EACH or validator in _EMPTY_OK


def left_after_typing(validator: Any) -> Any:
    """What of a record-typed field's ``validator`` a value already of the declared type still needs.

    ``None`` when nothing is left: type checks, optional or per item, pass by construction.

    >>> left_after_typing(_check_text) is None
    True
    >>> left_after_typing(_all(_items(_support), _non_empty)) is _non_empty
    True
    """
    if validator is None or validator in _TYPE_ONLY:
        return None
    inner = _EACH.get(validator)
    if inner is not None:
        return None if left_after_typing(inner) is None else validator
    parts = _PARTS.get(validator)
    if parts is None:
        return validator
    kept = [part for part in parts if left_after_typing(part) is not None]
    if len(kept) == len(parts):
        return validator
    return None if not kept else kept[0] if len(kept) == 1 else _all(*kept)


def _opt(check: Any) -> Any:
    def opt(inst: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if value is not None:
            check(inst, attribute, value)

    inline = INLINE.get(check)
    if inline is not None and not inline[-1]:
        INLINE[opt] = (*inline[:-1], True)
    return _type_only(opt) if check in _TYPE_ONLY else opt


def _check_int(lo: int, hi: int) -> Any:
    def check(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if type(value) is not int:
            raise FieldError(attribute.name, f"expected an integer, got {show(value)}")
        if not lo <= value <= hi:
            raise FieldError(attribute.name, f"{value} is not between {lo} and {hi}")

    INLINE[check] = ("int", lo, hi, False)
    return check


def _check_opt_bool(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None and type(value) is not bool:
        raise FieldError(attribute.name, f"expected true, false or null, got {show(value)}")


INLINE[_check_opt_bool] = ("bool", True)


def _items(check: Any) -> Any:
    """Check every item of a tuple field with ``check`` (an attribute validator)."""

    def each(inst: Any, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
        if not value:
            return
        for i, item in enumerate(value):
            try:
                check(inst, attribute, item)
            except FieldError as exc:
                raise FieldError(f"{attribute.name}[{i}]", exc.message) from None

    _EACH[each] = check
    return each


def _instances(cls: type) -> Any:
    def check(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
        if type(value) is not cls:
            raise FieldError(attribute.name, f"expected {cls.__name__}, got {show(value)}")

    return _type_only(check)


def _unique(key: Any, what: str, fast: Any = None) -> Any:
    """No two items of the tuple have the same ``key``; ``fast`` (a C function, ``key`` itself when
    that is an attrgetter) tells them apart alike, for the loader's builders."""

    def check(_: Any, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
        seen: set[Any] = set()
        for item in value:
            k = key(item)
            if k in seen:
                raise FieldError(attribute.name, f"duplicate {what} {show(k)}")
            seen.add(k)

    _EMPTY_OK.add(check)
    fast = key if fast is None and isinstance(key, attrgetter) else fast
    if fast is not None:
        INLINE[check] = ("unique", fast, False)
    return check


def _distinct(check: Any, what: str) -> Any:
    """Every item passes ``check`` (a string validator) and no item is there twice."""
    every = _all(_items(check), _unique(lambda item: item, what))
    INLINE[every] = ("strs", INLINE[check])
    return every


def _non_empty(_: Any, attribute: "attrs.Attribute[Any]", value: tuple[Any, ...]) -> None:
    if not value:
        raise FieldError(attribute.name, "needs at least one item")


INLINE[_non_empty] = ("nonempty", False)


# Converters turn any iterable into a tuple so that Python callers may pass lists; a bare string
# is refused, because ``tuple("SPS")`` would silently become ``("S", "P", "S")``.


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str | bytes):
        raise TypeError(f"expected a list, got a string {show(value)}")
    return tuple(value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return _tuple(value)


def _sorted_strs(value: Iterable[str]) -> tuple[str, ...]:
    # Sets of codes have no order of their own; sorting keeps files and diffs stable.
    items = _tuple(value)
    try:
        return tuple(sorted(items))
    except TypeError:
        return items  # the validator reports the non-string item


def sort_by(value: Iterable[Any], key: Any) -> tuple[Any, ...]:
    """A tuple sorted by ``key``: records keyed by code form a set, not a sequence."""
    items = _tuple(value)
    try:
        return tuple(sorted(items, key=key))
    except (AttributeError, TypeError):
        return items  # a wrong item: the validator names it


class _Record(Shown):
    """What every record shares: its ``repr``, written once here rather than generated per class.

    It reads as attrs' own (``Text(fr='a', en=None)``: every field with ``repr=True``, in order).
    attrs would compile one for each of the eighteen classes, about 1.5 ms of every fresh process
    that loads the data.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        every: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(self))  # type: ignore[arg-type]
        shown = ", ".join(f"{a.name}={getattr(self, a.name)!r}" for a in every if a.repr)
        return f"{type(self).__qualname__}({shown})"


@frozen(kw_only=True, repr=False)
class Text(_Record):
    """A label or sentence in French and in English.

    French is the language of the source pages and English renderings are written by the project.
    ``None`` means a language is not known; at least one is always present.

    >>> from partnerdata import Text
    >>> t = Text(fr="Partenariat pour la paix", en="Partnership for Peace")
    >>> t.get("fr")
    'Partenariat pour la paix'
    >>> str(t)
    'Partnership for Peace'
    """

    fr: str | None = field(default=None, validator=_check_opt_str)
    en: str | None = field(default=None, validator=_check_opt_str)

    def __attrs_post_init__(self) -> None:
        if self.fr is None and self.en is None:
            raise FieldError("en", "a text needs French or English")

    def get(self, lang: str, *, fallback: bool = True) -> str | None:
        """The text in ``lang`` (``"fr"`` or ``"en"``); with ``fallback``, the other language if absent.

        >>> Text(fr="neutralité permanente").get("en")
        'neutralité permanente'
        >>> Text(fr="neutralité permanente").get("en", fallback=False) is None
        True
        """
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be 'fr' or 'en', not {show(lang)}")
        own = self.fr if lang == "fr" else self.en
        if own is not None or not fallback:
            return own
        return self.en if lang == "fr" else self.fr

    def __str__(self) -> str:
        return self.en if self.en is not None else str(self.fr)


def _check_text(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if type(value) is not Text:
        raise FieldError(attribute.name, f"expected Text, got {show(value)}")


def _check_opt_text(inst: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if value is not None:
        _check_text(inst, attribute, value)


_type_only(_check_text)
_type_only(_check_opt_text)


@frozen(kw_only=True, repr=False)
class PartialDate(_Record):
    """A date known to the year, the month or the day.

    >>> from partnerdata import PartialDate
    >>> PartialDate(year=1997, month=5, day=30).isoformat()
    '1997-05-30'
    >>> PartialDate(year=1991, month=12).isoformat()
    '1991-12'
    """

    year: int = field(validator=_check_int(MIN_YEAR, MAX_YEAR))
    month: int | None = field(default=None, validator=_opt(_check_int(1, 12)))
    day: int | None = field(default=None, validator=_opt(_check_int(1, 31)))

    def __attrs_post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise FieldError("day", "a day needs a month")

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as far as the date is known."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def sort_key(self) -> tuple[int, int, int]:
        """Orders dates; an unknown month or day sorts before the known ones of that year."""
        return (self.year, self.month or 0, self.day or 0)


@frozen(kw_only=True, repr=False)
class Evidence(_Record):
    """Where a fact was read: one sentence of one source page, quoted verbatim.

    ``section`` 0 is the page's head (item 0 the title, item 1 the introduction); sections 1, 2, ...
    are the page's sections in order, a section being a heading line with the lines up to the next
    heading (a first section without heading holds bullets that come before any heading). ``item``
    counts the section's lines (bullets and paragraphs) from 0, and ``sentence`` the sentences of
    the item from 0.

    >>> from partnerdata import Evidence
    >>> Evidence(source="nato-tkm-fr", section=1, item=2, sentence=0, quote="...").locator
    'nato-tkm-fr#1.2.0'
    """

    source: str = field(validator=_pattern(_SLUG, "a source id (lowercase words joined by '-')"))
    section: int = field(validator=_check_int(0, 10_000))
    item: int = field(validator=_check_int(0, 10_000))
    sentence: int = field(validator=_check_int(0, 10_000))
    quote: str = field(validator=_check_str)

    @property
    def locator(self) -> str:
        """``source#section.item.sentence``: a compact, stable name for the sentence."""
        return f"{self.source}#{self.section}.{self.item}.{self.sentence}"


@frozen(kw_only=True, repr=False)
class Citation(_Record):
    """Where a fact is stated on a NATO page the package does not ship: the page, the place, the fact.

    ``source`` is the id of a :class:`Reference` (the page's address, title, language and date);
    ``section`` where on it the fact stands (a heading as NATO gives it, ``"introduction"``, or
    ``None`` for a text without headings); ``says`` the fact in the project's own words, never a
    sentence of NATO's. Facts read from a shipped page carry an :class:`Evidence` (a verbatim
    quote) instead; every fact carries one or the other.

    >>> from partnerdata import Citation, Text
    >>> c = Citation(source="nato-topics-48893-en-2022-06", section="Framework for cooperation",
    ...              says=Text(en="Relations began in 1992, when Armenia joined the NACC."))
    >>> c.locator
    'nato-topics-48893-en-2022-06#Framework for cooperation'
    """

    source: str = field(validator=_pattern(_SLUG, "a reference id (lowercase words joined by '-')"))
    section: str | None = field(default=None, validator=_check_opt_str)
    says: Text = field(validator=_check_text)

    @property
    def locator(self) -> str:
        """``reference#section``: where on the cited page the fact stands."""
        return self.source if self.section is None else f"{self.source}#{self.section}"


Support = Evidence | Citation
"""What a fact rests on: a quoted sentence of a shipped page, or a citation of NATO's page."""


def evidence_order(e: Support) -> tuple[int, str, int, int, int, str, str]:
    """The canonical order of evidence: quotes first, by source and position; then citations by source and place."""
    if type(e) is Citation:
        return (1, e.source, 0, 0, 0, e.section or "", e.says.en or e.says.fr or "")
    assert isinstance(e, Evidence)
    return (0, e.source, e.section, e.item, e.sentence, e.quote, "")


def _evidence(value: Iterable[Support]) -> tuple[Support, ...]:
    # Evidence is a set of sentences: in canonical order, two lists of the same sentences are equal.
    return sort_by(value, evidence_order)


def _support(_: Any, attribute: "attrs.Attribute[Any]", value: object) -> None:
    if type(value) is not Evidence and type(value) is not Citation:
        raise FieldError(attribute.name, f"expected Evidence or Citation, got {show(value)}")


_type_only(_support)


def _evidence_field() -> Any:
    return field(converter=_evidence, validator=_all(_items(_support), _non_empty))


def _codes_field(check: Any) -> Any:
    return field(default=(), converter=_sorted_strs, validator=_distinct(check, "code"))


_programme_code = _pattern(_PROGRAMME_CODE, "a programme code (e.g. 'PFP', 'PAP-T')")
_topic_code = _pattern(_SLUG, "a topic code (e.g. 'cyber-defence')")
_alpha3 = _pattern(_ALPHA3, "an ISO 3166-1 alpha-3 code")


@frozen(kw_only=True, repr=False)
class Partner(_Record):
    """A partner country of NATO (now or once), with its names in both languages and the codes researchers join on.

    ``alpha3``, ``alpha2`` and ``numeric`` are ISO 3166-1 codes; ``cow`` is the Correlates of War
    state number (``ccode``) and ``gw`` the Gleditsch-Ward one; any code a country lacks is
    ``None``. ``frameworks`` are the partnership frameworks it belongs or belonged to (programme
    codes: ``NACC``, ``EAPC``, ``PFP``, ``MD``, ``ICI``, ``PATG``) and ``member_since`` the year it
    joined NATO as an Ally, if it did. These vocabulary facts come from public references, not
    from the pages, and carry no evidence.

    >>> import partnerdata
    >>> kgz = partnerdata.load().partner("Kirghizistan")
    >>> kgz.alpha3, kgz.alpha2, kgz.numeric, kgz.cow, kgz.gw, kgz.name.en
    ('KGZ', 'KG', '417', 703, 703, 'Kyrgyzstan')
    >>> partnerdata.load().partner("Finlande").member_since
    2023
    """

    alpha3: str = field(validator=_alpha3)
    alpha2: str | None = field(validator=_opt(_pattern(_ALPHA2, "an ISO 3166-1 alpha-2 code")))
    numeric: str | None = field(default=None, validator=_opt(_pattern(_NUMERIC, "an ISO 3166-1 numeric code")))
    cow: int | None = field(default=None, validator=_opt(_check_int(1, 999)))
    gw: int | None = field(default=None, validator=_opt(_check_int(1, 999)))
    name: Text = field(validator=_check_text)
    official_name: Text = field(validator=_check_text)
    aliases: tuple[str, ...] = field(default=(), converter=_sorted_strs, validator=_distinct(_check_str, "alias"))
    region: Text | None = field(default=None, validator=_check_opt_text)
    frameworks: tuple[str, ...] = _codes_field(_programme_code)
    member_since: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))


@frozen(kw_only=True, repr=False)
class Programme(_Record):
    """A framework, programme, plan, body or office of NATO partnership (vocabulary).

    ``founded`` and ``ended`` are ``None`` where the date is not known for sure; ``successor`` is
    the programme that replaced this one.

    >>> import partnerdata
    >>> nacc = partnerdata.load().programme("COCONA")
    >>> nacc.code, nacc.successor, nacc.ended
    ('NACC', 'EAPC', 1997)
    """

    code: str = field(validator=_programme_code)
    name: Text = field(validator=_check_text)
    acronym: Text | None = field(default=None, validator=_check_opt_text)
    kind: str = field(validator=_pattern(_SLUG, "a kind (e.g. 'forum', 'action-plan')"))
    aliases: tuple[str, ...] = field(default=(), converter=_sorted_strs, validator=_distinct(_check_str, "alias"))
    founded: PartialDate | None = field(default=None, validator=_opt(_instances(PartialDate)))
    ended: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    successor: str | None = field(default=None, validator=_opt(_programme_code))
    note: Text | None = field(default=None, validator=_check_opt_text)

    def __attrs_post_init__(self) -> None:
        if self.founded is not None and self.ended is not None and self.ended < self.founded.year:
            raise FieldError("ended", f"{self.ended} is before the founding year {self.founded.year}")
        if self.successor == self.code:
            raise FieldError("successor", "a programme cannot succeed itself")


@frozen(kw_only=True, repr=False)
class Topic(_Record):
    """An area of cooperation (vocabulary), with the surface forms pages use for it.

    >>> import partnerdata
    >>> partnerdata.load().topic("cyberdéfense").label.en
    'cyber defence'
    """

    code: str = field(validator=_topic_code)
    label: Text = field(validator=_check_text)
    aliases: tuple[str, ...] = field(default=(), converter=_sorted_strs, validator=_distinct(_check_str, "alias"))


@frozen(kw_only=True, repr=False)
class Source(_Record):
    """A source page, its text verbatim, the SHA-256 of that text (UTF-8) and its edition date.

    ``text`` is the page's canonical text (see :func:`partnerdata.parse_page`), which evidence
    numbers; ``edition`` is the date of the page's "last updated" line, a date the user gave, or
    ``None`` when unknown (the packaged pages have none).

    >>> import partnerdata
    >>> src = partnerdata.load().source("nato-tkm-fr")
    >>> src.title, src.language
    ('Relations avec le Turkménistan', 'fr')
    """

    id: str = field(validator=_pattern(_SLUG, "a source id (lowercase words joined by '-')"))
    partner: str = field(validator=_alpha3)
    title: str = field(validator=_check_str)
    language: str = field(validator=_pattern(re.compile(r"(?:fr|en)\Z"), "'fr' or 'en'"))
    url: str | None = field(default=None, validator=_check_opt_str)
    text: str = field(validator=_check_str, repr=False)
    sha256: str = field(validator=_pattern(_SHA256, "a lowercase hex SHA-256"))
    # The page's edition: the date of its "last updated" line, or given by the user; None if unknown.
    edition: PartialDate | None = field(default=None, validator=_opt(_instances(PartialDate)))

    def __attrs_post_init__(self) -> None:
        if self.text.partition("\n")[0] != self.title:
            raise FieldError("title", "is not the first line of the text")
        actual = sha256_hex(self.text.encode("utf-8"))
        if actual != self.sha256:
            raise FieldError("sha256", f"checksum mismatch: the text hashes to {actual}")

    @classmethod
    def from_text(
        cls,
        *,
        id: str,
        partner: str,
        language: str,
        text: str,
        url: str | None = None,
        edition: PartialDate | None = None,
    ) -> "Source":
        """Build a source from a page's text, taking the title from its first line and computing the checksum.

        >>> page = "Relations avec X\\nIntroduction."
        >>> Source.from_text(id="x-fr", partner="XXX", language="fr", text=page).title
        'Relations avec X'
        """
        return cls(
            id=id,
            partner=partner,
            title=text.partition("\n")[0],
            language=language,
            url=url,
            text=text,
            sha256=sha256_hex(text.encode("utf-8")),
            edition=edition,
        )


_REFERENCE_KINDS = (
    "accession-page",
    "declaration",
    "framework-page",
    "operation-page",
    "partner-page",
    "press-release",
    "programme-page",
    "speech",
)


@frozen(kw_only=True, repr=False)
class Reference(_Record):
    """A NATO page the package cites but does not ship: its address, title, language and date.

    ``date`` is the edition of the page that was read (its "last updated" date) or, for a press
    release, its publication date, as far as known; ``kind`` says what sort of page it is
    (``partner-page``, ``framework-page``, ``press-release``, ``declaration``, ``speech``,
    ``accession-page``, ``operation-page``, ``programme-page``). :class:`Citation` points here.

    >>> import partnerdata
    >>> ref = partnerdata.Reference(
    ...     id="nato-topics-48893-en-2022-06", url="https://www.nato.int/cps/en/natohq/topics_48893.htm",
    ...     title="Relations with Armenia", language="en", date=partnerdata.PartialDate(year=2022, month=6),
    ...     kind="partner-page")
    >>> ref.cite()
    'NATO, "Relations with Armenia" (en, 2022-06), https://www.nato.int/cps/en/natohq/topics_48893.htm'
    """

    id: str = field(validator=_pattern(_SLUG, "a reference id (lowercase words joined by '-')"))
    url: str = field(validator=_pattern(re.compile(r"https://[^\s]+\Z"), "an https address"))
    title: str = field(validator=_check_str)
    language: str = field(validator=_pattern(re.compile(r"(?:fr|en)\Z"), "'fr' or 'en'"))
    date: PartialDate = field(validator=_instances(PartialDate))
    kind: str = field(validator=_pattern(re.compile("(?:" + "|".join(_REFERENCE_KINDS) + r")\Z"), "a reference kind"))

    def cite(self) -> str:
        """The reference as one line: publisher, title, language and date, address."""
        return f'NATO, "{self.title}" ({self.language}, {self.date.isoformat()}), {self.url}'


@frozen(kw_only=True, repr=False)
class Milestone(_Record):
    """The year something began for a partner, and the framework it began through (``via``).

    >>> import partnerdata
    >>> since = partnerdata.load().relation("TKM").relations_since
    >>> since.year, since.via, since.evidence[0].locator
    (1992, 'NACC', 'nato-tkm-fr#1.1.0')
    """

    year: int = field(validator=_check_int(MIN_YEAR, MAX_YEAR))
    via: str | None = field(default=None, validator=_opt(_programme_code))
    date: PartialDate | None = field(default=None, validator=_opt(_instances(PartialDate)))
    evidence: tuple[Support, ...] = _evidence_field()

    def __attrs_post_init__(self) -> None:
        if self.date is not None and self.date.year != self.year:
            raise FieldError("date", f"{self.date.isoformat()} is not in the year {self.year}")


@frozen(kw_only=True, repr=False)
class Participation(_Record):
    """A partner's participation in a programme.

    ``since`` is the year its participation began where the page gives it, else ``None``;
    ``focus`` the topics the page names for it; ``aim`` what it is for; ``host`` where it is
    hosted (a depository library, say).

    >>> import partnerdata
    >>> deep = partnerdata.load().relation("KGZ").participation("DEEP")
    >>> deep.since is None, deep.focus
    (True, ('defence-education',))
    """

    programme: str = field(validator=_programme_code)
    since: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    date: PartialDate | None = field(default=None, validator=_opt(_instances(PartialDate)))
    until: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    suspended: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    resumed: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    focus: tuple[str, ...] = _codes_field(_topic_code)
    aim: Text | None = field(default=None, validator=_check_opt_text)
    host: Text | None = field(default=None, validator=_check_opt_text)
    evidence: tuple[Support, ...] = _evidence_field()

    def __attrs_post_init__(self) -> None:
        if self.date is not None and self.date.year != self.since:
            raise FieldError("date", f"{self.date.isoformat()} is not in the year since ({self.since})")
        if self.suspended is None and self.resumed is None and self.until is None:
            return  # a start alone: nothing to put in order (most participations)
        ordered = [("since", self.since), ("suspended", self.suspended), ("resumed", self.resumed)]
        ordered.append(("until", self.until))
        if self.resumed is not None and self.suspended is None:
            raise FieldError("resumed", "a participation resumes only after a suspension")
        last: tuple[str, int] | None = None
        for name, year in ordered:
            if year is None:
                continue
            if last is not None and year < last[1]:
                raise FieldError(name, f"{year} is before {last[0]} ({last[1]})")
            last = (name, year)

    def active(self, year: int) -> bool | None:
        """Whether the participation ran in ``year``: ``None`` when its start is not known.

        The start year and the end year both count, and so does the year of a suspension (the
        partner took part until then); the years after it, up to the one before the resumption,
        do not.

        >>> from partnerdata import Citation, Participation, Text
        >>> cite = Citation(source="x", says=Text(en="Joined in 1995, suspended in 1996, back in 2008."))
        >>> pfp = Participation(programme="PFP", since=1995, suspended=1996, resumed=2008, evidence=[cite])
        >>> [pfp.active(y) for y in (1994, 1995, 1996, 1997, 2007, 2008)]
        [False, True, True, False, False, True]
        """
        return active_in(self.since, self.until, self.suspended, self.resumed, year)


def active_in(
    since: int | None, until: int | None, suspended: int | None, resumed: int | None, year: int
) -> bool | None:
    """The rule of :meth:`Participation.active`, for every record that carries a participation's years."""
    if since is None:
        return None
    if year < since or (until is not None and year > until):
        return False
    paused = suspended is not None and suspended < year
    return not (paused and (resumed is None or year < resumed))


@frozen(kw_only=True, repr=False)
class CooperationPlan(_Record):
    """The plan that sets a partner's cooperation objectives, and how often it is renewed.

    >>> import partnerdata
    >>> plan = partnerdata.load().relation("TKM").plan
    >>> plan.programme, plan.cycle_years, plan.renewal.en
    ('IPCP', 2, 'renewed every two years')
    """

    programme: str = field(validator=_programme_code)
    cycle_years: int | None = field(default=None, validator=_opt(_check_int(1, 20)))
    renewal: Text | None = field(default=None, validator=_check_opt_text)
    evidence: tuple[Support, ...] = _evidence_field()


@frozen(kw_only=True, repr=False)
class UnitDesignation(_Record):
    """Units a partner has designated or prepares for some use, as the page says (not NATO-led forces).

    >>> import partnerdata
    >>> units, _ = partnerdata.load().relation("KGZ").stance.designations
    >>> units.organisation, units.topics
    ('UN', ('interoperability', 'peacekeeping'))
    """

    purpose: Text = field(validator=_check_text)
    organisation: str | None = field(default=None, validator=_opt(_programme_code))
    topics: tuple[str, ...] = _codes_field(_topic_code)
    evidence: tuple[Support, ...] = _evidence_field()


def _designations(value: Iterable[UnitDesignation]) -> tuple[UnitDesignation, ...]:
    # Designations have no key: they are ordered by where they were read, then by what they say.
    return sort_by(
        value,
        lambda d: (
            [evidence_order(e) for e in d.evidence],
            d.organisation or "",
            d.purpose.fr or "",
            d.purpose.en or "",
            d.topics,
        ),
    )


@frozen(kw_only=True, repr=False)
class Stance(_Record):
    """A partner's stance: neutrality and what it makes available to NATO-led operations.

    Each of the three flags is ``True``, ``False`` or ``None`` when the sources are silent.

    >>> import partnerdata
    >>> stance = partnerdata.load().relation("TKM").stance
    >>> stance.permanent_neutrality, stance.contributes_forces, stance.contributes_infrastructure
    (True, False, False)
    >>> partnerdata.load().relation("JPN").stance.contributes_forces is None
    True
    """

    permanent_neutrality: bool | None = field(default=None, validator=_check_opt_bool)
    contributes_forces: bool | None = field(default=None, validator=_check_opt_bool)
    contributes_infrastructure: bool | None = field(default=None, validator=_check_opt_bool)
    designations: tuple[UnitDesignation, ...] = field(
        default=(), converter=_designations, validator=_items(_instances(UnitDesignation))
    )
    evidence: tuple[Support, ...] = field(default=(), converter=_evidence, validator=_items(_support))

    def __attrs_post_init__(self) -> None:
        if not self.evidence and (
            self.permanent_neutrality is not None
            or self.contributes_forces is not None
            or self.contributes_infrastructure is not None
        ):
            raise FieldError("evidence", "a known stance needs evidence")


@frozen(kw_only=True, repr=False)
class Channel(_Record):
    """A channel of political dialogue or public information between NATO and the partner.

    >>> import partnerdata
    >>> [c.body for c in partnerdata.load().relation("KGZ").channels]
    ['DEPOSITORY-LIBRARY', 'SR-CCA']
    """

    body: str = field(validator=_programme_code)
    description: Text = field(validator=_check_text)
    host: Text | None = field(default=None, validator=_check_opt_text)
    evidence: tuple[Support, ...] = _evidence_field()


@frozen(kw_only=True, repr=False)
class Event(_Record):
    """A dated statement about the partner; a range keeps its start (``date``) and its end.

    ``date`` is the day, month or year the event happened or began. For a range, ``end`` is its
    last year and ``end_month`` and ``end_day`` its last month and day where the page gives them
    ("Du 3 au 7 mars 2011": ``date`` 2011-03-03, end 2011-03-07); :attr:`end_date` puts them
    together. A range never ends before it starts, at the precision both ends share.

    >>> import partnerdata
    >>> flood = partnerdata.load().relation("TKM").events[1]
    >>> flood.id, flood.year, flood.programmes, flood.partners, flood.end_date
    ('2014-eadrcc-assistance', 2014, ('EADRCC',), ('BIH',), None)
    >>> week = partnerdata.Event(
    ...     id="2011-exercise", date=partnerdata.PartialDate(year=2011, month=3, day=3), end=2011, end_month=3,
    ...     end_day=7, text=flood.text, evidence=flood.evidence,
    ... )
    >>> week.date.isoformat(), week.end_date.isoformat()
    ('2011-03-03', '2011-03-07')
    """

    id: str = field(validator=_pattern(_SLUG, "an event id (lowercase words joined by '-')"))
    date: PartialDate = field(validator=_instances(PartialDate))
    end: int | None = field(default=None, validator=_opt(_check_int(MIN_YEAR, MAX_YEAR)))
    end_month: int | None = field(default=None, validator=_opt(_check_int(1, 12)))
    end_day: int | None = field(default=None, validator=_opt(_check_int(1, 31)))
    text: Text = field(validator=_check_text)
    programmes: tuple[str, ...] = _codes_field(_programme_code)
    topics: tuple[str, ...] = _codes_field(_topic_code)
    partners: tuple[str, ...] = _codes_field(_alpha3)
    evidence: tuple[Support, ...] = _evidence_field()

    def __attrs_post_init__(self) -> None:
        if self.end_month is not None and self.end is None:
            raise FieldError("end_month", "an end month needs an end year")
        if self.end_day is not None and self.end_month is None:
            raise FieldError("end_day", "an end day needs an end month")
        if self.end is None:
            return
        # Compared at the precision both ends share: "2016-06-12 to 2016" is not backwards.
        start = self.date.sort_key()
        last = (self.end, self.end_month or 0, self.end_day or 0)
        shared = 1 + (self.end_month is not None and self.date.month is not None)
        shared += self.end_day is not None and self.date.day is not None and shared == 2
        if last[:shared] < start[:shared]:
            end = self.end_date
            assert end is not None
            raise FieldError("end", f"{end.isoformat()} is before the start {self.date.isoformat()}")

    @property
    def year(self) -> int:
        """The year the event happened (or began)."""
        return self.date.year

    @property
    def end_date(self) -> PartialDate | None:
        """The end of a range as a :class:`PartialDate` (as precise as the page gives it), or ``None``."""
        if self.end is None:
            return None
        return PartialDate(year=self.end, month=self.end_month, day=self.end_day)


@frozen(kw_only=True, repr=False)
class Statement(_Record):
    """One sentence of a source page about the partner, in French (verbatim) and English.

    ``heading`` is the heading of the page section it stands under (``None`` for the introduction
    and for bullets before any heading); ``topics`` and ``programmes`` are what it is about.

    >>> import partnerdata
    >>> s = partnerdata.load().relation("KGZ").statements[0]
    >>> s.key, s.text.en[:28]
    ('nato-kgz-fr#0.1.0', 'NATO and the Kyrgyz Republic')
    """

    text: Text = field(validator=_check_text)
    heading: Text | None = field(default=None, validator=_check_opt_text)
    topics: tuple[str, ...] = _codes_field(_topic_code)
    programmes: tuple[str, ...] = _codes_field(_programme_code)
    evidence: Evidence = field(validator=_instances(Evidence))

    @property
    def key(self) -> str:
        """The statement's identity: the locator of the sentence it renders."""
        return self.evidence.locator


@frozen(kw_only=True, repr=False)
class Conflict(_Record):
    """Two sources that disagree on a fact: both values, both evidence.

    Two pages of one edition (French and English) in :attr:`Edition.conflicts`; two NATO sources
    cited for the packaged data (a partner page and a press release, say) in
    :attr:`Relation.conflicts`, where the fact itself holds the value the rule in the docs picks.

    ``fact`` names the fact (``"participations.PARP.since"``); ``values`` are the values as the
    pages give them, in the order of ``evidence`` (one evidence per value).

    >>> ev = lambda src, q: Evidence(source=src, section=1, item=0, sentence=0, quote=q)
    >>> both = (ev("a-en", "In 1994."), ev("a-fr", "En 1995."))
    >>> c = Conflict(fact="pfp_since", values=("1994", "1995"), evidence=both)
    >>> c.fact, c.values
    ('pfp_since', ('1994', '1995'))
    """

    fact: str = field(validator=_check_str)
    values: tuple[str, ...] = field(converter=_strs, validator=_items(_check_str))
    # Paired with ``values``, one evidence per value: never sorted on its own (see below).
    evidence: tuple[Support, ...] = field(converter=_tuple, validator=_all(_items(_support), _non_empty))

    def __attrs_post_init__(self) -> None:
        if len(self.values) != len(self.evidence):
            raise FieldError(
                "evidence", f"one evidence per value: {len(self.values)} values, {len(self.evidence)} evidence"
            )
        # Canonical order: the (value, evidence) pairs by their evidence, so that two conflicts
        # of the same pairs are equal however they were listed, and each value keeps its evidence.
        pairs = sorted(zip(self.values, self.evidence, strict=True), key=lambda p: (evidence_order(p[1]), p[0]))
        if [e for _, e in pairs] != list(self.evidence):
            object.__setattr__(self, "values", tuple(v for v, _ in pairs))
            object.__setattr__(self, "evidence", tuple(e for _, e in pairs))


def _conflicts(value: Iterable[Conflict]) -> tuple[Conflict, ...]:
    return sort_by(value, attrgetter("fact", "values"))


def _participations(value: Iterable[Participation]) -> tuple[Participation, ...]:
    return sort_by(value, attrgetter("programme"))


def _channels(value: Iterable[Channel]) -> tuple[Channel, ...]:
    return sort_by(value, attrgetter("body"))


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return sort_by(value, lambda e: (e.date.sort_key(), e.id))


# Where a statement's sentence is: what its key (the evidence's locator) is made of, and no more.
_PLACE = attrgetter("evidence.source", "evidence.section", "evidence.item", "evidence.sentence")


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    # Page order: by source, then section, item and sentence.
    return sort_by(value, _PLACE)


@frozen(kw_only=True, repr=False)
class Relation(_Record):
    """One partner's relation with NATO, every fact with its evidence.

    >>> import partnerdata
    >>> kgz = partnerdata.load().relation("KGZ")
    >>> kgz.relations_since.year, kgz.relations_since.via, kgz.pfp_since
    (1992, 'NACC', 1994)
    >>> kgz.participation("SPS").since
    1993
    """

    partner: str = field(validator=_alpha3)
    relations_since: Milestone | None = field(default=None, validator=_opt(_instances(Milestone)))
    cooperation_since: Milestone | None = field(default=None, validator=_opt(_instances(Milestone)))
    member_since: Milestone | None = field(default=None, validator=_opt(_instances(Milestone)))
    plan: CooperationPlan | None = field(default=None, validator=_opt(_instances(CooperationPlan)))
    participations: tuple[Participation, ...] = field(
        default=(),
        converter=_participations,
        validator=_all(_items(_instances(Participation)), _unique(attrgetter("programme"), "programme")),
    )
    stance: Stance = field(factory=Stance, validator=_instances(Stance))
    channels: tuple[Channel, ...] = field(
        default=(),
        converter=_channels,
        validator=_all(_items(_instances(Channel)), _unique(attrgetter("body"), "body")),
    )
    events: tuple[Event, ...] = field(
        default=(),
        converter=_events,
        validator=_all(_items(_instances(Event)), _unique(attrgetter("id"), "event id")),
    )
    statements: tuple[Statement, ...] = field(
        default=(),
        converter=_statements,
        validator=_all(_items(_instances(Statement)), _unique(attrgetter("key"), "statement", _PLACE)),
    )
    conflicts: tuple[Conflict, ...] = field(default=(), converter=_conflicts, validator=_items(_instances(Conflict)))

    def __attrs_post_init__(self) -> None:
        if (
            self.relations_since is not None
            and self.cooperation_since is not None
            and self.cooperation_since.year < self.relations_since.year
        ):
            raise FieldError("cooperation_since", "practical cooperation cannot begin before relations")

    def __repr__(self) -> str:
        # The attrs repr would list every statement; this one stays one line.
        return (
            f"<Relation {self.partner}: {len(self.participations)} participations, {len(self.events)} events, "
            f"{len(self.statements)} statements>"
        )

    def statements_by_section(self) -> tuple[tuple[Text | None, tuple[Statement, ...]], ...]:
        """The statements grouped by the page section they stand in, in page order, with its heading.

        >>> import partnerdata
        >>> sections = partnerdata.load().relation("TKM").statements_by_section()
        >>> for heading, group in sections:
        ...     print(len(group), heading.en if heading else "(introduction)")
        2 (introduction)
        5 Highlights
        1 Key areas of cooperation
        4 Capacity building and interoperability
        8 Other areas of cooperation
        """
        groups: list[tuple[Text | None, list[Statement]]] = []
        place: tuple[str, int] | None = None
        for s in self.statements:
            here = (s.evidence.source, s.evidence.section)
            if here != place:
                groups.append((s.heading, []))
                place = here
            groups[-1][1].append(s)
        return tuple((heading, tuple(group)) for heading, group in groups)

    def participation(self, programme: str) -> Participation | None:
        """This partner's participation in ``programme``, a code in any case; ``None`` if it has none.

        A relation holds codes only, not the vocabulary, so a name is refused with
        :class:`~partnerdata.NotFoundError` rather than read as "not a participant": look names up
        with :meth:`Dataset.participation <partnerdata.Dataset.participation>`.

        >>> import partnerdata
        >>> kgz = partnerdata.load().relation("KGZ")
        >>> kgz.participation("sps").since, kgz.participation("PfP").since, kgz.participation("ISAF")
        (1993, 1994, None)
        >>> kgz.participation("Partenariat pour la paix")
        Traceback (most recent call last):
        ...
        partnerdata.NotFoundError: 'Partenariat pour la paix' is not a programme code; ...
        """
        if type(programme) is not str:
            raise TypeError(f"programme must be a code (a string), not {show(programme)}")
        code = programme.strip().upper()
        if not _PROGRAMME_CODE.match(code):
            raise NotFoundError(
                "programme code",
                programme,
                reason=f"{programme!r} is not a programme code; a relation knows codes only, "
                "use Dataset.participation(partner, programme) to look up by name",
            )
        for p in self.participations:
            if p.programme == code:
                return p
        return None

    @property
    def pfp_since(self) -> int | None:
        """The year the partner joined the Partnership for Peace, as its page states it."""
        pfp = self.participation("PFP")
        return pfp.since if pfp is not None else None

    @property
    def topics(self) -> tuple[str, ...]:
        """Every topic the relation touches, through statements, participations, events or units, sorted."""
        found: set[str] = set()
        for s in self.statements:
            found.update(s.topics)
        for p in self.participations:
            found.update(p.focus)
        for e in self.events:
            found.update(e.topics)
        for d in self.stance.designations:
            found.update(d.topics)
        return tuple(sorted(found))

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the source pages the relation's statements come from, sorted."""
        return tuple(sorted({s.evidence.source for s in self.statements}))


@frozen(kw_only=True, repr=False)
class Edition(_Record):
    """What a partner's pages said at one edition: its date, its pages and the relation read from them.

    ``date`` is the pages' edition date (``None``: unknown); ``sources`` the ids of its pages (one
    per language); ``relation`` the facts, those on which the French and English pages agree with
    the evidence of both; ``conflicts`` the facts on which they disagree (``relation`` then holds
    the first page's value: pages are taken in the order of their ids).

    >>> import partnerdata
    >>> [(e.partner, e.date, e.sources) for e in partnerdata.load().editions_of("TKM")]
    [('TKM', None, ('nato-tkm-fr',))]
    """

    partner: str = field(validator=_alpha3)
    date: PartialDate | None = field(default=None, validator=_opt(_instances(PartialDate)))
    sources: tuple[str, ...] = field(converter=_sorted_strs, validator=_items(_check_str))
    relation: Relation = field(validator=_instances(Relation))
    conflicts: tuple[Conflict, ...] = field(default=(), converter=_conflicts, validator=_items(_instances(Conflict)))

    def __attrs_post_init__(self) -> None:
        if self.relation.partner != self.partner:
            raise FieldError("relation", f"is about {self.relation.partner}, not {self.partner}")

    def __repr__(self) -> str:
        return f"<Edition {self.partner}@{self.label}: {', '.join(self.sources)}>"

    @property
    def label(self) -> str:
        """The edition's date in ISO form, or ``"undated"``."""
        return "undated" if self.date is None else self.date.isoformat()

    def sort_key(self) -> tuple[int, int, int, int]:
        """Undated editions first (taken as the oldest), then by date."""
        return (0, 0, 0, 0) if self.date is None else (1, *self.date.sort_key())


# Converters that only put a tuple's items in canonical order (and make a tuple of a list): on a
# tuple of fewer than two items they change nothing, and the loader's builders skip them there.
ORDERING = frozenset(
    {_tuple, _strs, _sorted_strs, _evidence, _designations, _conflicts, _participations, _channels, _events}
    | {_statements}
)
# Of those, the ones that sort strings in their natural order (a builder calls sorted() itself),
# and the ones whose input repeats within a load (the same sentences back many facts, shared as
# one record each): a builder orders such a tuple once per load.
NATURAL = frozenset({_sorted_strs})
REPEATED = frozenset({_evidence})
