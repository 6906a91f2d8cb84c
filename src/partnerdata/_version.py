"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.3.1"
DATA_VERSION = "2026.12.1"
# The SHA-256 of the packaged data/manifest.json that the test suite checked. When the packaged
# manifest hashes to it, load() builds the packaged records without checking them again (the
# manifest's checksums vouch for every file); any other manifest is checked in full.
# tests/test_load.py says what to write here after `partnerdata build --packaged`.
PACKAGED_MANIFEST_SHA256 = "6adf5c174a5534cf18230f4f5efd54716b5095f0b9ed89bc21e1ba149c287a89"
