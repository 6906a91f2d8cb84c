"""A panel out to files: CSV, JSON Lines and Parquet, each with unknown written one documented way, and its codebook.

- CSV (UTF-8, a header line, ``\\r\\n`` line ends): yes is ``true``, no is ``false``, unknown is an
  empty cell; codes and counts are digits, ``iso_numeric`` keeps its leading zeros.
- JSON Lines (UTF-8, one object a line, keys in column order): ``true``, ``false`` and ``null``.
- Parquet (needs ``pyarrow``: ``pip install 'partnerdata[parquet]'``): the pandas frame of
  :meth:`Panel.to_pandas`, booleans, 64-bit integers and strings, unknown as null; the schema's
  metadata holds the data version, partnerdata's version and the codebook (key ``partnerdata``).

Every file names what it is: :func:`write` puts a codebook (``NAME.codebook.json``: data version,
library version, one entry per column) next to a CSV or JSON Lines file; a Parquet file carries
it inside. With ``provenance=True`` each decided column gets a ``<column>_source`` column saying
what decided the cell (``page``, ``vocabulary``, ``inference``, ``unknown``).

Files are written whole or not at all (:func:`partnerdata._io.files.write_atomic`).
"""

import io
import json
import os
from pathlib import Path
from typing import Any

from partnerdata._io.files import write_atomic
from partnerdata._model.errors import PartnerDataError
from partnerdata._query.codebook import PROVENANCE, RULES
from partnerdata._query.panel import Panel

__all__ = ["FORMATS", "codebook", "codebook_path", "codebook_rst", "encode", "write"]

FORMATS = ("csv", "jsonl", "parquet")
# Columns that are the row's key or the year: nothing to trace.
_KEYS = ("alpha3", "year")


def _csv_cell(value: Any) -> Any:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "" if value is None else value


def _columns(panel: Panel, provenance: bool) -> tuple[list[str], dict[str, list[Any]], dict[str, str]]:
    """The column names, values and kinds to write: the panel's, and with ``provenance`` a source column after each."""
    names: list[str] = []
    values: dict[str, list[Any]] = {}
    kinds = panel.kinds()
    out_kinds: dict[str, str] = {}
    for name in panel.columns:
        names.append(name)
        values[name] = panel.column(name)
        out_kinds[name] = kinds[name]
        if provenance and name not in _KEYS:
            source = f"{name}_source"
            names.append(source)
            values[source] = panel.provenance(name)
            out_kinds[source] = "str"
    return names, values, out_kinds


def codebook(panel: Panel, *, provenance: bool = False) -> dict[str, Any]:
    """The codebook of a panel as one JSON-ready object: what the file is, each column, each rule.

    >>> import partnerdata
    >>> book = codebook(partnerdata.load().panel(1991, 2026))
    >>> book["data_version"], book["columns"][0]["column"], book["rules"]["succeeded"]["provenance"]
    ('2026.12.3', 'alpha3', 'inference')
    """
    entries = panel.codebook()
    if provenance:
        with_sources = []
        for entry in entries:
            with_sources.append(entry)
            if entry["column"] not in _KEYS:
                with_sources.append(
                    {
                        "column": f"{entry['column']}_source",
                        "kind": "str",
                        "meaning": f"what decided {entry['column']}: one of {', '.join(PROVENANCE)}",
                        "values": ", ".join(PROVENANCE),
                        "rules": [],
                        "years": "as its column",
                    }
                )
        entries = with_sources
    return {
        **panel.metadata(),
        "columns": entries,
        "rules": {rule: {"provenance": kind, "says": says} for rule, (kind, says) in RULES.items()},
    }


def encode(panel: Panel, format: str, *, provenance: bool = False) -> bytes:
    """The panel as the bytes of a ``csv``, ``jsonl`` or ``parquet`` file.

    >>> import partnerdata
    >>> panel = partnerdata.load().panel(1993, 1994)
    >>> text = encode(panel, "csv").decode("utf-8").splitlines()
    >>> [line for line in text if line.startswith("KGZ")][0][:58]
    'KGZ,KG,417,703,703,1993,true,false,false,false,false,false'
    >>> encode(panel, "jsonl").decode("utf-8").splitlines()[0][:60]
    '{"alpha3": "AFG", "alpha2": "AF", "iso_numeric": "004", "cco'
    >>> encode(panel, "csv", provenance=True).decode("utf-8").splitlines()[0][:40]
    'alpha3,alpha2,alpha2_source,iso_numeric,'
    """
    if format not in FORMATS:
        raise PartnerDataError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    names, values, kinds = _columns(panel, provenance)
    rows = zip(*(values[n] for n in names), strict=True)
    if format == "csv":
        import csv

        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(names)
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if format == "jsonl":
        return "".join(
            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
        ).encode("utf-8")
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:  # optional: the ``parquet`` extra
        raise PartnerDataError("Parquet needs pyarrow: pip install 'partnerdata[parquet]'")
    import importlib

    pandas = importlib.import_module("pandas")
    pyarrow = importlib.import_module("pyarrow")
    parquet = importlib.import_module("pyarrow.parquet")
    dtypes = {"bool": "boolean", "int": "Int64", "str": "string"}
    frame = pandas.DataFrame({n: pandas.array(values[n], dtype=dtypes[kinds[n]]) for n in names})
    table = pyarrow.Table.from_pandas(frame, preserve_index=False)
    # Keep pandas' own metadata (it restores the nullable dtypes) and add ours under one key.
    meta = dict(table.schema.metadata or {})
    meta[b"partnerdata"] = json.dumps(codebook(panel, provenance=provenance), ensure_ascii=False).encode("utf-8")
    out = io.BytesIO()
    parquet.write_table(table.replace_schema_metadata(meta), out)
    return out.getvalue()


def codebook_path(target: "str | os.PathLike[str]") -> Path:
    """Where :func:`write` puts the codebook of a CSV or JSON Lines file: beside it, ``NAME.codebook.json``.

    >>> str(codebook_path("out/panel.csv"))
    'out/panel.codebook.json'
    """
    path = Path(target)
    return path.with_name(path.stem + ".codebook.json")


def write(panel: Panel, format: str, target: "str | os.PathLike[str]", *, provenance: bool = False) -> int:
    """Write the panel to the file ``target`` (atomically), with its codebook beside a CSV or JSON Lines file.

    Returns the number of rows. The codebook is written first: a file is never left without it.
    """
    data = encode(panel, format, provenance=provenance)
    if format != "parquet":
        book = json.dumps(codebook(panel, provenance=provenance), ensure_ascii=False, indent=1) + "\n"
        write_atomic(codebook_path(target), book.encode("utf-8"))
    write_atomic(target, data)
    return len(panel)


def codebook_rst(panel: Panel) -> str:
    """The codebook as a reStructuredText page: ``docs/codebook.rst`` is this text for the packaged panel.

    >>> import partnerdata
    >>> print(codebook_rst(partnerdata.load().panel(1991, 2026)).splitlines()[0])
    Codebook
    """
    lines = [
        "Codebook",
        "========",
        "",
        ".. This page is generated: partnerdata panel --start 1991 --end 2026 --codebook rst > docs/codebook.rst",
        "   (tests/test_panel_provenance.py checks that it matches the code).",
        "",
        "One entry per column of the panel of the packaged data, made from the rules the code applies",
        "(``panel.codebook()`` returns the same entries; an exported file carries them, see :doc:`panel`).",
        "Each cell is decided by one rule; its *provenance* says what kind of source the rule rests on.",
        "",
        "Columns",
        "-------",
        "",
    ]
    for entry in panel.codebook():
        lines += [
            f"``{entry['column']}``",
            f"   {entry['meaning']}.",
            "",
            f"   *Kind* {entry['kind']}; *values* {entry['values']}; *known* {entry['years']}.",
            "",
            "   *Rules* " + ", ".join(f"``{r}``" for r in entry["rules"]) + ".",
            "",
        ]
    lines += [
        "Rules",
        "-----",
        "",
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 20 14 66",
        "",
        "   * - rule",
        "     - provenance",
        "     - what it says",
    ]
    for rule, (kind, says) in RULES.items():
        lines += [f"   * - ``{rule}``", f"     - {kind}", f"     - {says}"]
    return "\n".join(lines) + "\n"
