"""Hypothesis's entry-point hook: registers :mod:`partnerdata.strategies` for every record type.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (the ``hypothesis`` entry point
in ``pyproject.toml``), so ``st.from_type(partnerdata.Partner)`` draws valid partners with no set-up.
Nothing is imported from hypothesis, or from the strategies, before hypothesis asks.
"""


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public record type and for :class:`partnerdata.Dataset`.

    >>> import hypothesis.strategies as st
    >>> import partnerdata
    >>> _hypothesis_setup_hook()  # hypothesis has already done this on import; doing it again is harmless
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None, deadline=None)
    ... @given(st.from_type(partnerdata.Dataset))
    ... def test_valid(ds):
    ...     assert partnerdata.from_json(partnerdata.Dataset, partnerdata.to_json(ds)) == ds
    >>> test_valid()
    """
    import importlib

    import hypothesis.strategies as st

    import partnerdata

    # ``partnerdata.strategies`` may be what is importing hypothesis (and so running this hook):
    # look it up only when a strategy is first used, never now.
    def deferred(cls: type) -> "st.SearchStrategy[object]":
        return st.deferred(lambda: importlib.import_module("partnerdata.strategies")._strategy_for(cls))

    for name in REGISTERED:
        st.register_type_strategy(getattr(partnerdata, name), deferred(getattr(partnerdata, name)))


# The record types (by their public name) hypothesis gets a strategy for.
REGISTERED = (
    "Dataset",
    "Partner",
    "Programme",
    "Topic",
    "Source",
    "Relation",
    "Milestone",
    "Participation",
    "CooperationPlan",
    "UnitDesignation",
    "Stance",
    "Channel",
    "Event",
    "Statement",
    "Text",
    "PartialDate",
    "Evidence",
    "Citation",
    "Reference",
    "Edition",
    "Conflict",
)
