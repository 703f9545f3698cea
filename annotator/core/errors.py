"""The exceptions the core raises; the CLI and the window render them in one place each."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose."""


class InputError(AnnotatorError):
    """A file (or a value) the user gave cannot be used; names the file and line."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class StoreError(AnnotatorError):
    """The database cannot be opened, read or written."""


class SchemaVersionError(StoreError):
    """The database was written by a newer version of the program."""


class ActionError(AnnotatorError):
    """A label action is not allowed (unknown span, label or relation type)."""


class MissingExtraError(AnnotatorError):
    """The work asked for needs an optional dependency that is not installed."""
