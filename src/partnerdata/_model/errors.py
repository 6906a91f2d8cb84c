"""The exception hierarchy: one base class, so ``except PartnerDataError`` catches all of ours."""

from attrs import frozen

__all__ = [
    "ArgumentError",
    "ArgumentTypeError",
    "DataValidationError",
    "FieldError",
    "NotFoundError",
    "PartnerDataError",
    "Problem",
]


class PartnerDataError(Exception):
    """Base class of every error partnerdata raises on purpose.

    >>> import partnerdata
    >>> issubclass(partnerdata.NotFoundError, partnerdata.PartnerDataError)
    True
    """


@frozen(kw_only=True)
class Problem:
    """One thing wrong with some data: in which file, where in it (a JSON path), and what.

    >>> from partnerdata import Problem
    >>> str(Problem(file="relations/KGZ.json", path="$.participations[0].since", message="expected an integer"))
    'relations/KGZ.json: $.participations[0].since: expected an integer'
    """

    file: str | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.file is not None else self.path
        return f"{where}: {self.message}"


class FieldError(PartnerDataError, ValueError):
    """A value a record's constructor refuses; ``field`` names the attribute (``focus[2]`` for an item).

    >>> import partnerdata
    >>> try:
    ...     partnerdata.PartialDate(year=1994, month=13)
    ... except partnerdata.FieldError as exc:
    ...     print(exc.field, "-", exc.message)
    month - 13 is not between 1 and 12
    """

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


class DataValidationError(PartnerDataError, ValueError):
    """Data that cannot be loaded, with every problem found in it (``problems``).

    >>> import partnerdata
    >>> try:
    ...     partnerdata.from_json(partnerdata.PartialDate, '{"year": "1994", "month": null, "day": null}')
    ... except partnerdata.DataValidationError as exc:
    ...     print(exc.problems[0])
    $.year: expected an integer, got '1994'
    """

    def __init__(self, problems: "list[Problem] | tuple[Problem, ...]", *, what: str = "data") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"invalid {what}: {count} problem{'s' if count != 1 else ''}"]
        shown = self.problems[:50]
        lines.extend(f"  {p}" for p in shown)
        if count > len(shown):
            lines.append(f"  ... and {count - len(shown)} more")
        super().__init__("\n".join(lines))


class NotFoundError(PartnerDataError, LookupError):
    """A key that names nothing; ``suggestions`` holds the closest known keys.

    >>> import partnerdata
    >>> try:
    ...     partnerdata.load().partner("Kirgizstan")
    ... except partnerdata.NotFoundError as exc:
    ...     print(exc.suggestions[0])
    Kirghizistan
    """

    def __init__(
        self, kind: str, key: object, suggestions: "tuple[str, ...]" = (), *, reason: str | None = None
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions = suggestions
        # ``reason`` replaces the generic message where the miss has a known cause.
        message = reason if reason is not None else f"no {kind} matches {key!r}"
        if suggestions and reason is None:
            message += "; did you mean " + ", ".join(repr(s) for s in suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError subclasses KeyError-like repr quoting only for KeyError; keep the plain message.
        return str(self.args[0])


# Tracebacks and reprs name the public path (partnerdata.NotFoundError), not this private module;
# ``__test__`` keeps their examples in this module's doctests (doctest skips "foreign" classes).
__test__ = {c.__name__: c for c in (PartnerDataError, FieldError, DataValidationError, NotFoundError)}
for _public in __test__.values():
    _public.__module__ = "partnerdata"


class ArgumentError(PartnerDataError, ValueError):
    """A value a function does not take (a language, a kind, a format): a ``ValueError`` saying what it takes.

    Its own class, so that the command line tells a value the user gave (exit 2) from a bug of the
    library (exit 4): a plain ``ValueError`` reaching the command line is a bug.

    >>> import partnerdata
    >>> partnerdata.load().search("cyber", lang="de")
    Traceback (most recent call last):
    ...
    partnerdata._model.errors.ArgumentError: lang must be 'fr', 'en' or None, not 'de'
    """


class ArgumentTypeError(PartnerDataError, TypeError):
    """A value of a type a function does not take (a year given as text): a ``TypeError``, told apart as above."""
