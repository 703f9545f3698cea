"""What the window offers the panels docked in it, as a Protocol: a panel is handed the
window but never imports it, so the GUI's modules have no import cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QUndoStack

    from annotator.core.actions import Action
    from annotator.core.models import Article, Span
    from annotator.core.store import Store
    from annotator.gui.names import SchemaNames
    from annotator.gui.text_view import ArticleTextView


class Workbench(Protocol):
    """The open database, article and annotator, and the few things a panel asks of the
    window: run an action (undoable), select a span, open an article, show a hint."""

    store: Store
    annotator: str
    names: SchemaNames
    article: Article | None
    spans: dict[int, Span]
    text_view: ArticleTextView
    undo_stack: QUndoStack

    @property
    def articleOpened(self) -> SignalInstance: ...

    @property
    def databaseChanged(self) -> SignalInstance: ...

    @property
    def closed(self) -> bool:
        """True once the window closed: it no longer reads the database."""
        ...

    def run(self, action: Action, description: str) -> bool: ...

    def select_span(self, span_id: int) -> None: ...

    def open_article(self, article_id: str) -> bool: ...

    def poll_database(self) -> None: ...

    def hint(self, text: str) -> None: ...
