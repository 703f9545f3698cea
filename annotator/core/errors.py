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


class LayerConflictError(ActionError):
    """Someone else changed a layer after the person deciding saw it; nothing was saved.
    ``status`` is the layer's status now; ``gold`` says it is the adjudicated layer."""

    def __init__(self, article_id: str, annotator: str, status: str, *, gold: bool) -> None:
        self.article_id, self.annotator, self.status = article_id, annotator, status
        what = (
            f"gold of article {article_id} changed since you looked at it"
            if gold
            else f"{annotator}'s layer of article {article_id} changed since you looked at it; "
            f"it is now {status}"
        )
        super().__init__(
            f"another reviewer decided this layer a moment ago ({what}); nothing was saved: "
            "look at it again before deciding"
        )


class UndoConflictError(ActionError):
    """Undo (or redo) would overwrite a change someone else made to a layer since; the
    whole step was rolled back. ``step`` is "undo" or "redo"."""

    def __init__(
        self, step: str, description: str, article_id: str, annotator: str, *, gold: bool
    ) -> None:
        self.step, self.article_id, self.annotator = step, article_id, annotator
        whose = "gold" if gold else f"{annotator}'s layer"
        super().__init__(
            f"cannot {step} “{description}”: {whose} of article {article_id} was changed by "
            f"someone else since, and {step} would overwrite that change; nothing was changed"
        )
