"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.3.1"
DATA_VERSION = "2026.12.2"
# The SHA-256 of the packaged data/manifest.json that the test suite checked. When the packaged
# manifest hashes to it, load() builds the packaged records without checking them again (the
# manifest's checksums vouch for every file); any other manifest is checked in full.
# tests/test_load.py says what to write here after `partnerdata build --packaged`.
PACKAGED_MANIFEST_SHA256 = "efa6ab0d3dc7d6f275def65686c4caf542602a2349e1b814c0645e029e766eb5"
