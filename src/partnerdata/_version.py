"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.2.0"
DATA_VERSION = "2026.12"
