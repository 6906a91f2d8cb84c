"""NATO's relations with its partner countries as typed, immutable records, with their evidence.

>>> import partnerdata
>>> ds = partnerdata.load()
>>> ds.relation("Kirghizistan").participation("BI").since
2015
"""

from partnerdata._convert import from_dict, from_json, to_dict, to_json
from partnerdata._dataset import Dataset
from partnerdata._errors import DataValidationError, NotFoundError, PartnerDataError, Problem
from partnerdata._load import load
from partnerdata._records import (
    Channel,
    CooperationPlan,
    Event,
    Evidence,
    Milestone,
    PartialDate,
    Participation,
    Partner,
    Programme,
    Relation,
    Source,
    Stance,
    Statement,
    Text,
    Topic,
    UnitDesignation,
)
from partnerdata._version import DATA_VERSION, __version__

__all__ = [
    "DATA_VERSION",
    "Channel",
    "CooperationPlan",
    "DataValidationError",
    "Dataset",
    "Event",
    "Evidence",
    "Milestone",
    "NotFoundError",
    "PartialDate",
    "Participation",
    "Partner",
    "PartnerDataError",
    "Problem",
    "Programme",
    "Relation",
    "Source",
    "Stance",
    "Statement",
    "Text",
    "Topic",
    "UnitDesignation",
    "__version__",
    "from_dict",
    "from_json",
    "load",
    "to_dict",
    "to_json",
]
