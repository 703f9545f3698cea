"""The relation list (objectName relationList): the open article's relations, deletable,
highlighting both ends in the text while hovered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtGui import Qt as QtGuiText
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.core.models import Relation, Span
from annotator.gui.names import SchemaNames, isolate

RELATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class RelationList(QListWidget):
    """Emits relationHovered(head, tail) (0, 0 when the pointer leaves) and
    deleteRequested(relation id) on Delete."""

    relationHovered = Signal(int, int)
    deleteRequested = Signal(int)

    def __init__(self, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationList")
        self.names = names
        self.setMouseTracking(True)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._ends: dict[int, tuple[int, int]] = {}
        self.itemEntered.connect(self._on_entered)
        self.currentItemChanged.connect(lambda item, _old: self._on_entered(item))
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self._delete_current)
        self.addAction(self.delete_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.retranslate()

    def retranslate(self) -> None:
        self.delete_action.setText(self.tr("Delete relation"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _delete_current(self) -> None:
        if self.current_relation():
            self.deleteRequested.emit(self.current_relation())

    def set_relations(self, text: str, spans: dict[int, Span], relations: list[Relation]) -> None:
        self.blockSignals(True)
        self.clear()
        self._ends = {}
        for relation in relations:
            head, tail = spans.get(relation.head), spans.get(relation.tail)
            if head is None or tail is None:
                continue
            # The type first (elision eats the end); the arrow points the way the line
            # reads, head to tail.
            arrow = "←" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"
            kind = self.names.relation(relation.type)
            item = QListWidgetItem(
                f"{kind}: {isolate(_excerpt(text, head))} {arrow} {isolate(_excerpt(text, tail))}"
            )
            tip = (
                f"{isolate(_excerpt(text, head, 200))}\n{arrow} {kind} {arrow}\n"
                f"{isolate(_excerpt(text, tail, 200))}"
            )
            # Qt guesses whether a tooltip is HTML; article text must never be read as markup.
            item.setToolTip(QtGuiText.convertFromPlainText(tip))
            item.setData(RELATION_ID_ROLE, relation.id)
            self.addItem(item)
            self._ends[relation.id] = (relation.head, relation.tail)
        self.blockSignals(False)

    def _on_entered(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.relationHovered.emit(0, 0)
            return
        head, tail = self._ends.get(item.data(RELATION_ID_ROLE), (0, 0))
        self.relationHovered.emit(head, tail)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.relationHovered.emit(0, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.deleteRequested.emit(item.data(RELATION_ID_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)

    def current_relation(self) -> int:
        item = self.currentItem()
        return item.data(RELATION_ID_ROLE) if item is not None else 0


def _excerpt(text: str, span: Span, limit: int = 30) -> str:
    part = text[span.start : span.end].replace("\n", " ")
    return part if len(part) <= limit else part[: limit - 1] + "…"
