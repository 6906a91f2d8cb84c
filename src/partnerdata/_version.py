"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.3.1"
DATA_VERSION = "2026.12.3"
# The SHA-256 of the packaged data/manifest.json that the test suite checked. When the packaged
# manifest hashes to it, load() builds the packaged records without checking them again (the
# manifest's checksums vouch for every file); any other manifest is checked in full.
# tests/test_load.py says what to write here after `partnerdata build --packaged`.
PACKAGED_MANIFEST_SHA256 = "d30861b0092d1f81c8e6de7301d13a135f95f745b2294d6c07efdbf4448b8f4d"
