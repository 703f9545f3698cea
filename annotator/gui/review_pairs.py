"""The review panel's table: one row per place two layers marked, A's version and B's side
by side with their label names and attributes; text wraps, never cut.

The row's kind (and whether gold decided it) is its header, in words and a sign, so the
row colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.core.models import Relation, Span
from annotator.core.review.disagreements import ArticleReview, ItemKey
from annotator.gui.names import SchemaNames, isolate
from annotator.gui.review_mode import review_key

KIND_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

KIND_COLORS = {
    "agree": "#e4f4e4",
    "only_a": "#ffd6d6",
    "only_b": "#d6e4ff",
    "label": "#ffe2bf",
    "bounds": "#fff3b0",
    "bounds_label": "#ffe8c8",
    "attributes": "#eadcff",
    "relation_only_a": "#ffd6d6",
    "relation_only_b": "#d6e4ff",
    "relation_ends": "#fff3b0",
}
KIND_SIGNS = {
    "agree": "=",
    "only_a": "A",
    "only_b": "B",
    "label": "≠",
    "bounds": "↔",
    "bounds_label": "↔≠",
    "attributes": "≠…",
    "relation_only_a": "→A",
    "relation_only_b": "→B",
    "relation_ends": "→↔",
}


def kind_name(kind: str) -> str:
    names = {
        "agree": QCoreApplication.translate("ReviewPanel", "agree"),
        "only_a": QCoreApplication.translate("ReviewPanel", "only A"),
        "only_b": QCoreApplication.translate("ReviewPanel", "only B"),
        "label": QCoreApplication.translate("ReviewPanel", "label differs"),
        "bounds": QCoreApplication.translate("ReviewPanel", "bounds differ"),
        "bounds_label": QCoreApplication.translate("ReviewPanel", "bounds and label differ"),
        "attributes": QCoreApplication.translate("ReviewPanel", "attributes differ"),
        "relation_only_a": QCoreApplication.translate("ReviewPanel", "relation only A"),
        "relation_only_b": QCoreApplication.translate("ReviewPanel", "relation only B"),
        "relation_ends": QCoreApplication.translate("ReviewPanel", "relation ends differ"),
    }
    return names.get(kind, kind)


@dataclass(frozen=True, slots=True)
class Row:
    kind: str
    key: ItemKey | None  # None: an agreed place (nothing to decide)
    a: str
    b: str
    decided: bool


class PairModel(QAbstractTableModel):
    """Rows of an ArticleReview: every place (agreed ones too) and every relation that
    differs, in reading order."""

    def __init__(self, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names
        self.rows: list[Row] = []

    def set_review(self, review: ArticleReview | None, text: str) -> bool:
        """Show a review; True when the rows were replaced (their heights need measuring),
        False when only gold's decisions changed and the rows were updated in place."""
        rows = [] if review is None else list(self._rows(review, text))
        same = len(rows) == len(self.rows) and all(
            (new.kind, new.key, new.a, new.b) == (old.kind, old.key, old.a, old.b)
            for new, old in zip(rows, self.rows, strict=True)
        )
        if not same:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
            return True
        changed = [
            i for i, (new, old) in enumerate(zip(rows, self.rows, strict=True)) if new != old
        ]
        self.rows = rows
        if changed:
            first, last = changed[0], changed[-1]
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)
            self.dataChanged.emit(self.index(first, 0), self.index(last, 1))
        return False

    def row_of(self, key: ItemKey | None) -> int:
        for i, row in enumerate(self.rows):
            if key is not None and row.key == key:
                return i
        return -1

    def _rows(self, review: ArticleReview, text: str) -> list[Row]:
        items = {item.key: item for item in review.items}
        span_items = {item.pair: item for item in review.items if not item.is_relation}
        ordered: list[tuple[tuple[int, int, int], Row]] = []
        for i, pair in enumerate(review.pairs):
            item = span_items.get(i)
            differ = pair.attributes_differ
            row = Row(
                item.kind if item else "agree",
                item.key if item else None,
                self._span(text, pair.a, pair.b if differ else None),
                self._span(text, pair.b, pair.a if differ else None),
                item.decided if item else True,
            )
            ordered.append(((pair.start, 0, -pair.end), row))
        for item in items.values():
            if not item.is_relation:
                continue
            rel = review.relation_pair(item)
            row = Row(
                item.kind,
                item.key,
                self._relation(text, rel.a, review.spans_a),
                self._relation(text, rel.b, review.spans_b),
                item.decided,
            )
            ordered.append(((item.position, 1, 0), row))
        ordered.sort(key=lambda entry: entry[0])
        return [row for _, row in ordered]

    def _span(self, text: str, span: Span | None, other: Span | None) -> str:
        if span is None:
            return "—"
        lines = [isolate(text[span.start : span.end]), self.names.label(span.label)]
        for key in sorted(span.attributes.keys() | (other.attributes.keys() if other else set())):
            value = span.attributes.get(key)
            definition = self.names.schema.attribute(span.label, key)
            shown = "—" if value is None else value
            if value is not None and definition is not None and definition.values is not None:
                shown = self.names.value(value)
            differs = other is not None and other.attributes.get(key) != value
            mark = "≠ " if differs else ""
            lines.append(f"{mark}{self.names.attribute(span.label, key)}: {isolate(shown)}")
        return "\n".join(lines)

    def _relation(self, text: str, relation: Relation | None, spans: dict[int, Span]) -> str:
        if relation is None:
            return "—"
        head, tail = spans[relation.head], spans[relation.tail]
        return (
            f"{self.names.relation(relation.type)}\n"
            f"{isolate(text[head.start : head.end])} ← {isolate(text[tail.start : tail.end])}"
        )

    # -- the model's answers -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.a if index.column() == 0 else row.b
        if role == Qt.ItemDataRole.BackgroundRole:
            color = QColor(KIND_COLORS.get(row.kind, "#ffffff"))
            if row.decided and row.kind != "agree":
                color = color.lighter(108)
            return QBrush(color)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Article text reads right to left in either interface language.
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == KIND_ROLE:
            return row.kind
        if role == KEY_ROLE:
            return row.key
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # fmt: skip
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return "A" if section == 0 else "B"
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        state = "" if row.kind == "agree" else (" ✓" if row.decided else " •")
        return f"{KIND_SIGNS.get(row.kind, '')} {kind_name(row.kind)}{state}"


class PairTable(QTableView):
    """The pairs; row heights follow the wrapped text. Keys A, B, X decide the current row
    (the Arabic layout's «ش», «لا», «ء» too), N moves to the next disagreement."""

    def __init__(self, model: PairModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Row heights are measured here in one pass (fit_rows) when rows or widths change:
        # Qt's ResizeToContents asks every row's data again on each scroll to a row.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.on_key: Callable[[str, bool], bool] | None = None  # the panel's keys
        self._widths = (-1, -1)

    def fit_rows(self) -> None:
        """Each row as tall as its wrapped text (never cut)."""
        model = self.model()
        assert isinstance(model, PairModel)
        header = self.verticalHeader()
        widths = (self.columnWidth(0), self.columnWidth(1))
        self._widths = widths
        metrics = QFontMetrics(self.font())
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap)
        padding = 8
        for row, entry in enumerate(model.rows):
            height = max(
                metrics.boundingRect(
                    QRect(0, 0, max(width - padding, 20), 10_000), flags, text
                ).height()
                for width, text in zip(widths, (entry.a, entry.b), strict=True)
            )
            header.resizeSection(row, height + padding)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.columnWidth(0), self.columnWidth(1)) != self._widths:
            self.fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        found = review_key(event) if plain else None
        if found is not None and self.on_key is not None and self.on_key(*found):
            event.accept()
            return
        super().keyPressEvent(event)
