"""The code's version and the packaged data's version, which move independently."""

__version__ = "0.1.0"
DATA_VERSION = "2026.12"
