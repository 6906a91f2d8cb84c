"""The default strategy of each record type, as ``st.from_type`` and :func:`near_valid_documents` use it."""

from collections.abc import Callable
from typing import Any

import hypothesis.strategies as st
from hypothesis.errors import InvalidArgument

from partnerdata._model.records import (
    Channel,
    Citation,
    Conflict,
    CooperationPlan,
    Edition,
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Reference,
    Relation,
    Source,
    Stance,
    Statement,
    Text,
    Topic,
    UnitDesignation,
)
from partnerdata._query.dataset import Dataset
from partnerdata.strategies._datasets import datasets, editions, relations
from partnerdata.strategies._records import (
    channels,
    citations,
    conflicts,
    cooperation_plans,
    events,
    evidences,
    milestones,
    participations,
    partners,
    programmes,
    references,
    sources,
    stances,
    statements,
    topics,
    unit_designations,
)
from partnerdata.strategies._text import partial_dates, texts

_RECORD_STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    # Half of them with several editions per partner, so that users' tests meet editions too.
    Dataset: lambda: datasets(max_partners=2) | datasets(max_partners=2, max_editions=3),
    Partner: partners,
    Programme: programmes,
    Topic: topics,
    Source: sources,
    Relation: relations,
    Milestone: milestones,
    Participation: participations,
    CooperationPlan: cooperation_plans,
    UnitDesignation: unit_designations,
    Stance: stances,
    Channel: channels,
    Event: events,
    Statement: statements,
    Text: texts,
    PartialDate: partial_dates,
    Evidence: evidences,
    Citation: citations,
    Reference: references,
    Edition: editions,
    Conflict: conflicts,
}


# The types hypothesis gets a strategy for (partnerdata._hypothesis registers them by name).
REGISTERED = tuple(_RECORD_STRATEGIES)


def strategy_for(cls: type) -> st.SearchStrategy[Any]:
    """The default strategy of :mod:`partnerdata.strategies` for ``cls``, as ``st.from_type`` uses it."""
    if cls not in _RECORD_STRATEGIES:
        raise InvalidArgument(f"expected a partnerdata record type or Dataset, got {cls!r}")
    return _RECORD_STRATEGIES[cls]()
