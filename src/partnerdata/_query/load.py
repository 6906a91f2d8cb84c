"""``partnerdata.load``: the packaged dataset (parsed once per process, shared) or a user's file or folder.

The reading itself is the I/O layer's (:mod:`partnerdata._io.load`); this is where the dataset
class is handed to it and where the packaged data is found and kept.
"""

import os
import threading
from pathlib import Path

from partnerdata._io.load import Node, quietly, read, read_folder
from partnerdata._model.errors import DataValidationError, Problem
from partnerdata._query.dataset import Dataset
from partnerdata._version import DATA_VERSION

__all__ = ["load", "read_folder"]

_packaged: Dataset | None = None
_packaged_lock = threading.Lock()


def load(path: "str | os.PathLike[str] | None" = None) -> Dataset:
    """Load a dataset: the packaged data when ``path`` is ``None``, else a user's file or folder.

    The packaged dataset is parsed once per process and shared: it is immutable, so no caller can
    change what another sees. ``path`` may be a JSON document written by
    :func:`partnerdata.to_json` from a :class:`Dataset`, or a folder laid out like the packaged data
    (a ``manifest.json`` with ``partners.json``, ``programmes.json``, ``topics.json``,
    ``sources/*.json`` and ``relations/*.json``). Bad data raises :class:`DataValidationError`
    listing every problem with its file and JSON path.

    >>> import partnerdata
    >>> ds = partnerdata.load()
    >>> ds is partnerdata.load()
    True
    >>> ds.data_version == partnerdata.DATA_VERSION
    True
    """
    if path is None:
        return _load_packaged()
    return read(path, Dataset)


def packaged_folder() -> Node:
    """The packaged data folder: on the file system when the package is, else through importlib.resources."""
    here = Path(__file__).parent.parent / "data"
    if here.is_dir():
        return here  # the common case, without importlib.resources (which imports zipfile, tempfile, ...)
    from importlib.resources import files  # a zip import, say

    return files("partnerdata").joinpath("data")


def _load_packaged() -> Dataset:
    global _packaged
    found = _packaged
    if found is not None:
        return found
    with _packaged_lock:  # many threads may ask at once; parse once
        if _packaged is None:
            folder = packaged_folder()
            ds = quietly(lambda: read_folder(folder, "partnerdata/data", Dataset))
            if ds.data_version != DATA_VERSION:
                raise DataValidationError(
                    [
                        Problem(
                            file="partnerdata/data/manifest.json",
                            path="$.data_version",
                            message=f"{ds.data_version!r} is not DATA_VERSION {DATA_VERSION!r}",
                        )
                    ]
                )
            _packaged = ds
        return _packaged
