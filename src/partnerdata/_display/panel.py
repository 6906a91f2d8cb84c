"""A panel out to files: CSV, JSON Lines and Parquet, each with unknown written one documented way.

- CSV (UTF-8, a header line, ``\\r\\n`` line ends): yes is ``true``, no is ``false``, unknown is an
  empty cell; codes and counts are digits, ``iso_numeric`` keeps its leading zeros.
- JSON Lines (UTF-8, one object a line, keys in column order): ``true``, ``false`` and ``null``.
- Parquet (needs ``pyarrow``: ``pip install 'partnerdata[parquet]'``): the pandas frame of
  :meth:`Panel.to_pandas`, booleans, 64-bit integers and strings, unknown as null.

Files are written whole or not at all (:func:`partnerdata._io.files.write_atomic`).
"""

import io
import os
from typing import Any

from partnerdata._io.files import write_atomic
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.panel import Panel

__all__ = ["FORMATS", "encode", "write"]

FORMATS = ("csv", "jsonl", "parquet")


def _csv_cell(value: Any) -> Any:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "" if value is None else value


def encode(panel: Panel, format: str) -> bytes:
    """The panel as the bytes of a ``csv``, ``jsonl`` or ``parquet`` file.

    >>> import partnerdata
    >>> panel = partnerdata.load().panel(1993, 1994)
    >>> text = encode(panel, "csv").decode("utf-8").splitlines()
    >>> [line for line in text if line.startswith("KGZ")][0][:58]
    'KGZ,KG,417,703,703,1993,true,false,false,false,false,false'
    >>> encode(panel, "jsonl").decode("utf-8").splitlines()[0][:60]
    '{"alpha3": "AFG", "alpha2": "AF", "iso_numeric": "004", "cco'
    """
    if format == "csv":
        import csv

        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(panel.columns)
        writer.writerows([_csv_cell(v) for v in row.values()] for row in panel.rows())
        return buffer.getvalue().encode("utf-8")
    if format == "jsonl":
        import json

        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in panel.rows()).encode("utf-8")
    if format == "parquet":
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:  # optional: the ``parquet`` extra
            raise PartnerDataError("Parquet needs pyarrow: pip install 'partnerdata[parquet]'")
        out = io.BytesIO()
        panel.to_pandas().to_parquet(out, index=False)
        return out.getvalue()
    raise PartnerDataError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def write(panel: Panel, format: str, target: "str | os.PathLike[str]") -> int:
    """Write the panel to the file ``target`` (atomically); returns the number of rows."""
    write_atomic(target, encode(panel, format))
    return len(panel)
