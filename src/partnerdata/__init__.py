"""NATO's relations with its partner countries as typed, immutable records, with their evidence.

>>> import partnerdata
>>> ds = partnerdata.load()
>>> ds.relation("Kirghizistan").participation("BI").since
2015
"""

# Names load on first use (PEP 562): ``import partnerdata`` costs almost nothing, and a
# program pays only for the parts it touches. Type checkers read the imports below.

from partnerdata._display import register as _register  # noqa: F401 (records find their renderers: _model.show)
from partnerdata._version import DATA_VERSION, __version__

TYPE_CHECKING = False  # not typing's: importing typing would cost more than this whole module
if TYPE_CHECKING:
    from partnerdata._diff.diff import (
        Change,
        Diff,
        DiffConflictError,
        diff,
    )
    from partnerdata._diff.editions import History, diff_editions, history
    from partnerdata._ingest.extract import Extraction, extract
    from partnerdata._ingest.page import Page, PageError, PageItem, PageLine, PageSection, parse_page, read_page
    from partnerdata._io.convert import (
        from_dict,
        from_json,
        to_dict,
        to_json,
    )
    from partnerdata._io.examples import ExamplePage, examples
    from partnerdata._model.errors import (
        DataValidationError,
        FieldError,
        NotFoundError,
        PartnerDataError,
        Problem,
    )
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
    from partnerdata._model.results import (
        Answer,
        Cooperation,
        Framework,
        Membership,
        PartnerMilestone,
        PartnerStance,
        Results,
        StatementHit,
        TimelineEntry,
    )
    from partnerdata._query.dataset import Dataset
    from partnerdata._query.load import load
    from partnerdata._query.panel import CellExplanation, Panel, PanelError, PanelRow
    from partnerdata._query.questions import Snapshot

_EXPORTS: dict[str, tuple[str, ...]] = {
    "partnerdata._io.convert": (
        "from_dict",
        "from_json",
        "to_dict",
        "to_json",
    ),
    "partnerdata._query.dataset": ("Dataset",),
    "partnerdata._io.examples": ("ExamplePage", "examples"),
    "partnerdata._diff.diff": (
        "Change",
        "Diff",
        "DiffConflictError",
        "diff",
    ),
    "partnerdata._model.errors": (
        "DataValidationError",
        "FieldError",
        "NotFoundError",
        "PartnerDataError",
        "Problem",
    ),
    "partnerdata._ingest.extract": ("Extraction", "extract"),
    "partnerdata._diff.editions": ("History", "diff_editions", "history"),
    "partnerdata._query.load": ("load",),
    "partnerdata._ingest.page": ("Page", "PageError", "PageItem", "PageLine", "PageSection", "parse_page", "read_page"),
    "partnerdata._query.questions": ("Snapshot",),
    "partnerdata._query.panel": ("CellExplanation", "Panel", "PanelError", "PanelRow"),
    "partnerdata._model.records": (
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
    ),
    "partnerdata._model.results": (
        "Answer",
        "Cooperation",
        "Framework",
        "Membership",
        "PartnerMilestone",
        "PartnerStance",
        "Results",
        "StatementHit",
        "TimelineEntry",
    ),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "DATA_VERSION",
    "Answer",
    "CellExplanation",
    "Change",
    "Channel",
    "Citation",
    "Conflict",
    "Cooperation",
    "CooperationPlan",
    "DataValidationError",
    "Dataset",
    "Diff",
    "DiffConflictError",
    "Edition",
    "Event",
    "Evidence",
    "ExamplePage",
    "Extraction",
    "FieldError",
    "Framework",
    "History",
    "Membership",
    "Milestone",
    "NotFoundError",
    "Page",
    "PageError",
    "PageItem",
    "PageLine",
    "PageSection",
    "Panel",
    "PanelError",
    "PanelRow",
    "PartialDate",
    "Participation",
    "Partner",
    "PartnerDataError",
    "PartnerMilestone",
    "PartnerStance",
    "Problem",
    "Programme",
    "Reference",
    "Relation",
    "Results",
    "Snapshot",
    "Source",
    "Stance",
    "Statement",
    "StatementHit",
    "Text",
    "TimelineEntry",
    "Topic",
    "UnitDesignation",
    "__version__",
    "diff",
    "diff_editions",
    "examples",
    "extract",
    "from_dict",
    "from_json",
    "history",
    "load",
    "parse_page",
    "read_page",
    "to_dict",
    "to_json",
]


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'partnerdata' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
