"""The built-in SHA-256 the loader uses agrees with hashlib's on any input."""

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from partnerdata._model.digest import sha256_hex


@given(st.binary(max_size=4096))
def test_builtin_sha256_agrees_with_hashlib(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_known_digest() -> None:
    # From FIPS 180-2, appendix B.1 ("abc").
    assert sha256_hex(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
