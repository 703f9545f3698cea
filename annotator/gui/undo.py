"""Undo/redo: a QUndoCommand over one core action; redo applies it, undo reverts it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.actions import Action, Change
from annotator.core.errors import AnnotatorError
from annotator.core.store import Store


class ActionCommand(QUndoCommand):
    """The first redo() runs on push and is what commits the action to the database.

    Each apply/revert is its own transaction; the window is told the returned Change so it
    refreshes only what moved, and is told the error if the database refused.
    """

    def __init__(
        self,
        store: Store,
        action: Action,
        text: str,
        on_change: Callable[[Change], None],
        on_error: Callable[[AnnotatorError], None],
    ) -> None:
        super().__init__(text)
        self.store = store
        self.action = action
        self.on_change = on_change
        self.on_error = on_error
        self.failed = False

    def redo(self) -> None:
        self._run(self.action.apply)

    def undo(self) -> None:
        self._run(self.action.revert)

    def _run(self, step: Callable[[Store], Change]) -> None:
        try:
            change = step(self.store)
        except AnnotatorError as exc:
            # Nothing was written (the store rolled back), and the stack drops this step.
            # The window decides about the rest (main_window.action_failed).
            self.failed = True
            self.setObsolete(True)
            self.on_error(exc)
            return
        self.on_change(change)
