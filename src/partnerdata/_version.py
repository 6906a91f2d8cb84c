"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.2.0"
DATA_VERSION = "2026.12"
# The SHA-256 of the packaged data/manifest.json that the test suite checked. When the packaged
# manifest hashes to it, load() builds the packaged records without checking them again (the
# manifest's checksums vouch for every file); any other manifest is checked in full.
# tests/test_load.py says what to write here after `partnerdata build --packaged`.
PACKAGED_MANIFEST_SHA256 = "a01b0dcd375de9e5cc5414a5d48a1c071a75a89364d4c7af985fcc29a2ba5cbb"
