"""SHA-256 checksums, from the interpreter's own module when it has one.

``hashlib`` loads OpenSSL's binding, which costs more to import than the rest of a fresh
``load()`` of the packaged data spends on checksums; CPython also ships a built-in SHA-256
(``_sha2`` from 3.12, ``_sha256`` before). Any interpreter without them uses ``hashlib``; a test
compares the paths.
"""

from collections.abc import Callable

__all__ = ["sha256_hex"]

_sha256: Callable[[bytes], object]
try:
    from _sha2 import sha256 as _sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
except ImportError:
    try:
        from _sha256 import sha256 as _sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
    except ImportError:  # an interpreter without them (PyPy, say)
        from hashlib import sha256 as _sha256


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex digits.

    >>> sha256_hex(b"a")
    'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb'
    """
    return _sha256(data).hexdigest()  # type: ignore[attr-defined,no-any-return]
