"""The span list (objectName spanList): the open article's spans in reading order."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from annotator.core.models import Span
from annotator.gui.names import SchemaNames, isolate

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class SpanListModel(QAbstractListModel):
    def __init__(self, names: SchemaNames, parent: object = None) -> None:
        super().__init__(parent)
        self.names = names
        self.text = ""
        self.spans: list[Span] = []

    def set_spans(self, text: str, spans: list[Span]) -> None:
        self.beginResetModel()
        self.text = text
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        self.endResetModel()

    def row_of(self, span_id: int) -> int:
        for row, span in enumerate(self.spans):
            if span.id == span_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.spans):
            return None
        span = self.spans[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            excerpt = self.text[span.start : span.end].replace("\n", " ")
            if len(excerpt) > 60:
                excerpt = excerpt[:59] + "…"
            return f"{self.names.label(span.label)}: {isolate(excerpt)}"
        if role == Qt.ItemDataRole.DecorationRole:
            try:
                return QColor(self.names.schema.label(span.label).color)
            except KeyError:
                return QColor("gray")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.names.describe(span)
        if role == SPAN_ID_ROLE:
            return span.id
        return None


class SpanList(QListView):
    """Emits spanChosen(span id) when the analyst picks a span here."""

    spanChosen = Signal(int)

    def __init__(self, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.span_model = SpanListModel(names, self)
        self.setModel(self.span_model)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.selectionModel().currentChanged.connect(self._on_current)
        self._quiet = False

    def set_spans(self, text: str, spans: list[Span], current: int) -> None:
        self._quiet = True
        self.span_model.set_spans(text, spans)
        self._quiet = False
        self.show_current(current)

    def show_current(self, span_id: int) -> None:
        row = self.span_model.row_of(span_id)
        self._quiet = True
        if row >= 0:
            index = self.span_model.index(row)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
        self._quiet = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.spanChosen.emit(current.data(SPAN_ID_ROLE))
