"""The span list (objectName spanList): the open article's spans in reading order."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QWidget

from annotator.core.models import Span
from annotator.gui.lanes import reading_key
from annotator.gui.names import SchemaNames, isolate
from annotator.gui.uniform_list import UniformListView

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class SpanListModel(QStringListModel):
    """The spans in reading order. Each row is kept in the C++ base as its span id (as
    text) and data() looks the span up: QListView lays out every row again after an
    insertion, asking rowCount for each, and answering from Python cost ~2 ms a label key
    at 1,000 spans. With the ids in the base, a row means the same span at every signal
    of an insertion or removal, as views and the selection model expect."""

    def __init__(self, names: SchemaNames, parent: object = None) -> None:
        super().__init__(parent)
        self.names = names
        self.text = ""
        self.spans: list[Span] = []  # in reading order, the rows' spans
        self._by_id: dict[int, Span] = {}

    def set_spans(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.spans = sorted(spans, key=reading_key)
        self._by_id = {s.id: s for s in spans}
        self.setStringList([str(s.id) for s in self.spans])  # resets the model

    def update(self, changed: list[Span], removed: Iterable[int]) -> None:
        """Apply an action's few spans as row removals, insertions and dataChanged: a reset
        would make the view lay out and repaint every row, and lose its selection."""
        fresh = {s.id: s for s in changed}
        for span_id in [*removed, *fresh]:
            row = self.row_of(span_id)
            if row < 0:
                continue
            new = fresh.get(span_id)
            if new is not None and reading_key(new) == reading_key(self.spans[row]):
                del fresh[span_id]  # same place (a new label or attribute): redraw the row
                self.spans[row] = self._by_id[span_id] = new
                self.dataChanged.emit(self.index(row), self.index(row))
                continue
            self.removeRows(row, 1)
            del self.spans[row]
            del self._by_id[span_id]
        for span in fresh.values():
            row = bisect_left(self.spans, reading_key(span), key=reading_key)
            self.spans.insert(row, span)
            self._by_id[span.id] = span
            self.insertRows(row, 1)  # an empty row, then its id: a row and a dataChanged
            self.setData(self.index(row), str(span.id))

    def row_of(self, span_id: int) -> int:
        span = self._by_id.get(span_id)
        if span is None:
            return -1
        row = bisect_left(self.spans, reading_key(span), key=reading_key)
        return row if row < len(self.spans) and self.spans[row].id == span_id else -1

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Not the string list's: its rows are editable and draggable, ours are not.
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        key = super().data(index, Qt.ItemDataRole.EditRole)
        span = self._by_id.get(int(key)) if key else None
        if span is None:
            return None
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


class SpanList(UniformListView):
    """Emits spanChosen(span id) when the analyst picks a span here."""

    spanChosen = Signal(int)

    def __init__(self, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spanList")
        self.span_model = SpanListModel(names, self)
        self.setModel(self.span_model)
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

    def update_spans(self, changed: list[Span], removed: list[int], current: int) -> None:
        """set_spans for an action's few spans (``removed``: ids of spans gone)."""
        self._quiet = True
        self.span_model.update(changed, removed)
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
