"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.3.0"
DATA_VERSION = "2026.12.1"
# The SHA-256 of the packaged data/manifest.json that the test suite checked. When the packaged
# manifest hashes to it, load() builds the packaged records without checking them again (the
# manifest's checksums vouch for every file); any other manifest is checked in full.
# tests/test_load.py says what to write here after `partnerdata build --packaged`.
PACKAGED_MANIFEST_SHA256 = "87e0b810ae925efbbd4a6c9516091ceb1bc373343be296d0fe426ddb685c8a18"
