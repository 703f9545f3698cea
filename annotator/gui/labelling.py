"""What the analyst's keys and clicks on the text do: each slot reads the selection, builds
one core action, and hands it to the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

from annotator.core.actions import (
    Action,
    AddRelation,
    AddSpan,
    DeleteRelation,
    DeleteSpan,
    SetAttribute,
    SetLabel,
)
from annotator.core.models import Span
from annotator.core.schema import Schema
from annotator.core.text.snapping import Snapper
from annotator.gui.dialogs import PopupMenu, RelationTypeMenu
from annotator.gui.names import SchemaNames
from annotator.gui.text_view import ArticleTextView


class Labeller(QObject):
    """Turns keys into actions on the open article of one annotator.

    ``run(action, description)`` commits the action through the undo stack and returns
    True when the database took it; ``select(span_id)`` shows a span as selected;
    ``message(text)`` shows a hint in the status bar.
    """

    def __init__(
        self,
        schema: Schema,
        names: SchemaNames,
        view: ArticleTextView,
        run: Callable[[Action, str], bool],
        select: Callable[[int], None],
        message: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self.schema = schema
        self.names = names
        self.view = view
        self.run = run
        self.select = select
        self.message = message
        self.article_id = ""
        self.annotator = ""
        self.snapper = Snapper("")
        self.spans: dict[int, Span] = {}
        self.relation_head = 0
        self.relation_target = 0

    def open(self, article_id: str, text: str, annotator: str) -> None:
        self.article_id, self.annotator = article_id, annotator
        self.snapper = Snapper(text)  # built once per article: it learns the article's words
        self.cancel_relation()

    # -- keys ----------------------------------------------------------------------

    def key(self, latin: str, exact: bool) -> None:
        label = self.schema.label_for_key(latin)
        if label is not None:
            self.label(label.name, exact)
        elif latin == "E":
            self.start_relation()

    def label(self, name: str, exact: bool = False) -> None:
        """Label the selection (snapped to words), relabel the selected span, or label the
        word under the caret."""
        if not self.article_id:
            return
        selection = self.view.selected_range()
        if selection is None and self.view.current_span:
            span = self.spans.get(self.view.current_span)
            if span is not None and span.label != name:
                self.run(
                    SetLabel(span.id, name), QCoreApplication.translate("Labelling", "change label")
                )
            return
        if selection is None:
            word = self.snapper.word_bounds(self.view.caret())
            bounds = self.snapper.snap(*word, label=name) if word else None
        else:
            bounds = self.snapper.snap(*selection, exact=exact, label=name)
        if bounds is None:
            self.message(
                QCoreApplication.translate(
                    "Labelling", "Nothing to label here: select one or more words."
                )
            )
            return
        action = AddSpan(self.article_id, self.annotator, bounds[0], bounds[1], name)
        if self.run(action, QCoreApplication.translate("Labelling", "add span")) and action.span_id:
            self.select(action.span_id)

    def delete(self) -> None:
        if self.view.current_span:
            self.run(
                DeleteSpan(self.view.current_span),
                QCoreApplication.translate("Labelling", "delete span"),
            )

    def set_attribute(self, span_id: int, key: str, value: str) -> None:
        self.run(
            SetAttribute(span_id, key, value or None),
            QCoreApplication.translate("Labelling", "set attribute"),
        )

    def delete_relation(self, relation_id: int) -> None:
        self.run(
            DeleteRelation(relation_id), QCoreApplication.translate("Labelling", "delete relation")
        )

    def step(self, direction: int) -> None:
        """Tab / Shift+Tab: the next span; while linking, the next candidate target."""
        if self.relation_head:
            self.relation_target = self.view.neighbour_span(
                self.relation_target or self.relation_head, direction
            )
            if self.relation_target == self.relation_head:
                self.relation_target = self.view.neighbour_span(self.relation_target, direction)
            self._mark()
            return
        span_id = self.view.neighbour_span(self.view.current_span, direction)
        if span_id:
            self.select(span_id)

    def enter(self) -> None:
        if self.relation_head and self.relation_target:
            self.finish_relation(self.relation_target, self._target_point())

    def escape(self) -> None:
        if self.relation_head:
            self.cancel_relation()
            self.message(QCoreApplication.translate("Labelling", "Linking cancelled."))
            return
        self.select(0)
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def clicked(self, span_id: int) -> None:
        if self.relation_head and span_id and span_id != self.relation_head:
            self.finish_relation(span_id, QCursor.pos())
        elif not self.relation_head:
            self.select(span_id)

    def span_menu(self, span_id: int, at: QPoint) -> None:
        """Right click on a span: change its label, link it, delete it."""
        span = self.spans.get(span_id)
        if span is None:
            return
        self.select(span_id)
        menu = QMenu(self.view)
        relabel = menu.addMenu(QCoreApplication.translate("Labelling", "Change label"))
        for label in self.schema.labels:
            action = relabel.addAction(f"{self.names.label(label.name)}  ({label.key})")
            action.setEnabled(label.name != span.label)
            action.triggered.connect(lambda _=False, name=label.name: self.label(name))
        menu.addAction(
            QCoreApplication.translate("Labelling", "Link to another span… (E)"),
            lambda: self.start_relation(span_id),
        )
        menu.addAction(QCoreApplication.translate("Labelling", "Delete span (Del)"), self.delete)
        PopupMenu.ask(menu, at)

    # -- relations -----------------------------------------------------------------

    def start_relation(self, head: int = 0) -> None:
        head = head or self.view.current_span
        if not head:
            self.message(
                QCoreApplication.translate(
                    "Labelling", "Select a span first, then press E and click the other span."
                )
            )
            return
        self.relation_head, self.relation_target = head, 0
        self._mark()
        self.message(
            QCoreApplication.translate(
                "Labelling", "Click the span to link to (Tab and Enter work too; Esc cancels)."
            )
        )

    def finish_relation(self, tail: int, at: QPoint) -> None:
        head_span, tail_span = self.spans.get(self.relation_head), self.spans.get(tail)
        self.cancel_relation()
        if head_span is None or tail_span is None:
            return
        allowed = self.schema.relations_between(head_span.label, tail_span.label)
        if not allowed:
            self.message(
                QCoreApplication.translate("Labelling", "No relation goes from %1 to %2.")
                .replace("%1", self.names.label(head_span.label))
                .replace("%2", self.names.label(tail_span.label))
            )
            return
        if len(allowed) == 1:
            chosen: str | None = allowed[0].name  # nothing to choose between
        else:
            choices = [(r.name, self.names.relation(r.name)) for r in allowed]
            chosen = RelationTypeMenu.ask(self.view, choices, at)
        if chosen:
            self.run(
                AddRelation(chosen, head_span.id, tail_span.id),
                QCoreApplication.translate("Labelling", "add relation"),
            )
        self.select(head_span.id)

    def cancel_relation(self) -> None:
        self.relation_head = self.relation_target = 0
        self._mark()

    def _mark(self) -> None:
        self.view.marked = frozenset(i for i in (self.relation_head, self.relation_target) if i)
        self.view.viewport().update()

    def _target_point(self) -> QPoint:
        segments = self.view.segments_of(self.relation_target)
        if not segments:
            return QCursor.pos()
        return self.view.viewport().mapToGlobal(segments[0].text_rect.bottomLeft().toPoint())
