"""Hypothesis strategies for every partnerdata record type and for whole datasets.

Install the extra (``pip install 'partnerdata[hypothesis]'``) and import this module in your tests;
``import partnerdata`` never imports hypothesis. Every strategy is named after the type it
generates, in the plural (:func:`partners`, :func:`relations`, :func:`datasets`, ...), and takes
keyword-only arguments to constrain what it generates.

Generated values are always valid: they pass the same checks as loaded data, their cross-field
invariants hold (a participation never begins before its programme was founded, keys are unique,
every reference resolves inside a generated dataset, every evidence quotes its source page
verbatim), and they survive a JSON round trip. A record generated on its own (a :func:`relations`
draw, say) is one that is valid inside some generated dataset.

Two strategies serve tests of the code around the data: :func:`dataset_pairs` gives two editions
of a dataset with the edits between them known, for testing diffs, and
:func:`near_valid_documents` gives the JSON text of a valid record or dataset with exactly one
defect injected, and where it is, for testing error paths.

The package registers these strategies with hypothesis through an entry point, so
``st.from_type(partnerdata.Partner)`` and ``st.builds`` on a type with partnerdata fields use them
without any set-up.

>>> from hypothesis import given, settings
>>> import partnerdata
>>> from partnerdata.strategies import datasets
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(datasets(max_partners=3))
... def test_round_trip(ds):
...     assert partnerdata.from_json(partnerdata.Dataset, partnerdata.to_json(ds)) == ds
>>> test_round_trip()
"""

# The public names live in private modules by concern (like hypothesis's strategies/_internal/):
# _common (argument checks), _text (texts, dates), _records (records, relation parts, conflicts),
# _datasets (datasets, relations, editions), _editions (edition pairs), _documents (near-valid documents),
# _registry (the default strategy per type). The shared generator they build through, free of
# hypothesis, is partnerdata._query.synthetic.
try:
    import hypothesis  # noqa: F401 (an optional extra: say how to install it rather than "No module named")
except ImportError:
    raise ImportError(
        "partnerdata.strategies needs hypothesis: pip install 'partnerdata[hypothesis]'", name="hypothesis"
    ) from None

import partnerdata.strategies._documents as _documents
import partnerdata.strategies._registry as _registry
from partnerdata.strategies._datasets import datasets, editions, relations
from partnerdata.strategies._documents import NearValidDocument, near_valid_documents
from partnerdata.strategies._editions import EditionPair, dataset_pairs
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

__all__ = [
    "DEFECTS",
    "EditionPair",
    "NearValidDocument",
    "channels",
    "citations",
    "conflicts",
    "cooperation_plans",
    "dataset_pairs",
    "datasets",
    "editions",
    "events",
    "evidences",
    "milestones",
    "near_valid_documents",
    "partial_dates",
    "participations",
    "partners",
    "programmes",
    "references",
    "relations",
    "sources",
    "stances",
    "statements",
    "texts",
    "topics",
    "unit_designations",
]

# Assigned here, not only imported, so that the docs find its description in this module.
DEFECTS = _documents.DEFECTS
"""Every kind of defect :func:`near_valid_documents` injects."""

# Private, but used from outside: _hypothesis.py looks strategies up here, the tests check the registry.
_REGISTERED = _registry.REGISTERED
_strategy_for = _registry.strategy_for
