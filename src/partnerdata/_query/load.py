"""``partnerdata.load``: the packaged dataset (parsed once per process, shared) or a user's file or folder.

The reading itself is the I/O layer's (:mod:`partnerdata._io.load`); this is where the dataset
class is handed to it and where the packaged data is found and kept.
"""

import os
import threading

from partnerdata._io.load import MANIFEST, Local, Node, quietly, read, read_folder
from partnerdata._model.digest import sha256_hex
from partnerdata._model.errors import DataValidationError, Problem
from partnerdata._query.dataset import Dataset
from partnerdata._version import DATA_VERSION, PACKAGED_MANIFEST_SHA256

__all__ = ["load", "read_folder"]

LABEL = "partnerdata/data"  # how problems name the packaged folder
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
    here = Local(os.path.join(os.path.dirname(os.path.dirname(__file__)), "data"))
    if here.is_dir():
        return here  # the common case, without importlib.resources (which imports zipfile, tempfile, ...)
    from importlib.resources import files  # a zip import, say

    return files("partnerdata").joinpath("data")


def packaged_is_tested(folder: Node) -> bool:
    """Whether the manifest in ``folder`` is the one the test suite checked (see ``PACKAGED_MANIFEST_SHA256``)."""
    try:
        manifest = folder.joinpath(MANIFEST).read_bytes()
    except (OSError, DataValidationError):
        return False  # read_folder reports why, with the file's name
    return sha256_hex(manifest) == PACKAGED_MANIFEST_SHA256


def _load_packaged() -> Dataset:
    global _packaged
    found = _packaged
    if found is not None:
        return found
    with _packaged_lock:  # many threads may ask at once; parse once
        if _packaged is None:
            folder = packaged_folder()
            # The data the test suite checked is built without checking it again (see
            # packaged_is_tested); any other is checked in full, like a user's folder.
            if packaged_is_tested(folder):
                ds = quietly(lambda: read_folder(folder, LABEL, Dataset._unchecked, trusted=True, defer=True))
            else:
                ds = quietly(lambda: read_folder(folder, LABEL, Dataset))
            if ds.data_version != DATA_VERSION:
                raise DataValidationError(
                    [
                        Problem(
                            file=f"{LABEL}/{MANIFEST}",
                            path="$.data_version",
                            message=f"{ds.data_version!r} is not DATA_VERSION {DATA_VERSION!r}",
                        )
                    ]
                )
            _packaged = ds
        return _packaged
