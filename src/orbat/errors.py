"""One exception tree. Every message says what went wrong and what to do next."""

from __future__ import annotations

__all__ = ["OrbatError", "InputError", "StoreError", "FetchError", "ConfigError"]


class OrbatError(Exception):
    """Base of every error orbat raises on purpose."""


class InputError(OrbatError):
    """An input cannot be ingested (binary, empty, malformed). The message is a one-line reason."""


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class StoreError(OrbatError):
    """The database cannot be opened or is of an unknown schema version."""


class ConfigError(OrbatError):
    """A setting or a theatre pack is invalid."""
