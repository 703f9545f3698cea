"""The article text (objectName articleText): read-only, right to left, spans in lanes.

It shows plain text only (setPlainText: markup in an article is shown literally) and
reports what the analyst does — keys, clicks on spans, selections — as signals carrying
code point offsets; the window decides what those mean.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QTextBlockFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.core.models import Relation, Span
from annotator.core.text.offsets import Utf16Map
from annotator.gui.keys import latin_key
from annotator.gui.relation_arrows import STRIP, anchors, caption_font, paint_arrows
from annotator.gui.span_layers import (
    LANE_THICKNESS,
    LaneGeometry,
    Segment,
    SpanLayers,
    paint_segments,
)
from annotator.gui.span_tags import TagNames, paint_tags, row_for

if TYPE_CHECKING:
    from annotator.gui.review_layers import ReviewDrawing

FONT_FAMILY = "Noto Naskh Arabic"
MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 40
RELATION_COLOR = QColor("#303030")
PARAGRAPH_GAP = 10
DOCUMENT_MARGIN = 12


class ArticleTextView(QTextEdit):
    """Signals: keyTyped(latin key, exact), spanClicked(span id or 0), spanStep(+1/-1),
    deleteKey(), escapeKey(), enterKey(), spanMenuRequested(span id, global pos), painted()."""

    keyTyped = Signal(str, bool)
    spanClicked = Signal(int)
    spanStep = Signal(int)
    deleteKey = Signal()
    escapeKey = Signal()
    enterKey = Signal()
    spanMenuRequested = Signal(int, QPoint)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # The article is Arabic whatever the interface language: lines run right to left
        # even when they start with a Latin word or a digit.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.viewport().setMouseTracking(True)
        self.setFont(QFont(FONT_FAMILY, 16))

        self.offsets = Utf16Map("")
        self.layers = SpanLayers()
        self.relations: list[Relation] = []
        self.colors: dict[str, QColor] = {}
        self.relation_names: dict[str, str] = {}
        self.describe: Callable[[Span], str] = lambda span: span.label
        self.current_span = 0
        self.hovered_span = 0
        self.marked: frozenset[int] = frozenset()
        self.exact_selection = False
        # Label tags and every relation's arrow (View menu); review mode's drawing of A, B
        # and gold replaces the one layer's when set (review_mode.py).
        self.tags: TagNames | None = None
        self.show_tags = True
        self.show_arrows = True
        self.review: ReviewDrawing | None = None
        self._caption_font = caption_font(FONT_FAMILY)
        self._segments: list[Segment] = []
        self._spacing = (-1.0, -1.0)
        self._press: QPoint | None = None
        self.selectionChanged.connect(self._on_selection_changed)

    # -- content -------------------------------------------------------------------

    def set_article(self, text: str) -> None:
        self.offsets = Utf16Map(text)
        self.current_span = self.hovered_span = 0
        self.marked = frozenset()
        self.layers = SpanLayers()
        self.relations = []
        self._spacing = (-1.0, -1.0)
        self.setPlainText(text)
        self._apply_line_spacing()

    def set_spans(self, spans: list[Span], relations: list[Relation]) -> None:
        self.layers.set_spans(spans, self.document(), self.offsets)
        self.relations = relations
        if self.current_span not in self.layers.spans:
            self.current_span = 0
        self._apply_line_spacing()
        self.viewport().update()

    def update_spans(
        self, changed: list[Span], removed: list[int], relations: list[Relation]
    ) -> None:
        """set_spans for an action's few spans: ``changed`` are added or replaced,
        ``removed`` are span ids gone."""
        self.layers.update(changed, removed, self.offsets)
        self.relations = relations
        if self.current_span not in self.layers.spans:
            self.current_span = 0
        self._apply_line_spacing()
        self.viewport().update()

    def _apply_line_spacing(self) -> None:
        """Add room by each line for the lanes, their tags and the arrows (only when it
        changes: it re-lays out the whole document)."""
        if self.review is not None:
            extra, top = self.review.line_extra(), self.review.top_room()
        else:
            row = row_for(self.layers) if self.show_tags and self.tags else LANE_THICKNESS
            if self.layers.geometry.row != row:
                self.layers.geometry = LaneGeometry(row=row)
            extra = self.layers.line_extra() + (STRIP if self.show_arrows else 0.0)
            top = 0.0
        if (extra, top) == self._spacing:
            return
        self._spacing = (extra, top)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(extra, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        block_format.setBottomMargin(PARAGRAPH_GAP)  # paragraphs stand apart from lines
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        # Review mode: room for layer A's lanes above the first line (a first block's own top
        # margin is not laid out; the root frame's is).
        root = self.document().rootFrame()
        frame_format = root.frameFormat()
        frame_format.setTopMargin(DOCUMENT_MARGIN + top)
        root.setFrameFormat(frame_format)

    def relayout(self) -> None:
        """Tags, arrows or review mode were switched: lines need another spacing."""
        self._apply_line_spacing()
        self.viewport().update()

    def set_point_size(self, size: int) -> int:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = self.font()
        font.setPointSize(size)
        self.setFont(font)
        return size

    # -- selection in code points --------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The selected text as code point offsets, or None without a selection."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.offsets.to_code_point(cursor.selectionStart()),
            self.offsets.to_code_point(cursor.selectionEnd()),
        )

    def caret(self) -> int:
        return self.offsets.to_code_point(self.textCursor().position())

    def select_range(self, start: int, end: int) -> None:
        """Select code points start..end, as if the analyst had dragged over them."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def set_current_span(self, span_id: int) -> None:
        """Show span ``span_id`` as selected, caret at its start, and on screen (0: none)."""
        self.current_span = span_id if span_id in self.layers.spans else 0
        if self.current_span:
            start, _end = self.layers.u16[self.current_span]
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
            self.reveal(self.current_span)
        self.viewport().update()

    def reveal(self, span_id: int) -> None:
        """Scroll so that a span is on screen, without selecting it."""
        if span_id in self.layers.spans:
            span = self.layers.spans[span_id]
            self.reveal_range(span.start, span.end)

    def reveal_range(self, start: int, end: int) -> None:
        """Scroll so that code points start..end are on screen with their lanes."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.offsets.to_utf16(end))
        bottom = self.cursorRect(cursor).bottom() + max(self._spacing[0], 0.0)
        if self.review is not None:
            top -= self.review.top_room()
        if top < 0 or bottom > self.viewport().height():
            # A third of the way down: the lines before give context, the lanes fit.
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + top - self.viewport().height() // 3)

    def neighbour_span(self, span_id: int, step: int) -> int:
        """The span after (step 1) or before (-1) ``span_id`` in reading order; from no
        span, the first one after the caret."""
        order = self.layers.order
        if not order:
            return 0
        if span_id in self.layers.spans:
            index = order.index(span_id) + step
        else:
            caret = self.caret()
            after = [i for i, sid in enumerate(order) if self.layers.spans[sid].start >= caret]
            index = after[0] if after else 0
            if step < 0:
                index -= 1
        return order[index % len(order)]

    def _on_selection_changed(self) -> None:
        # A new text selection is a span about to be made: the old span is no longer the
        # target of label keys or Delete.
        if self.textCursor().hasSelection() and self.current_span:
            self.current_span = 0
            self.spanClicked.emit(0)
            self.viewport().update()

    # -- hit testing ---------------------------------------------------------------

    def _to_document(self, point: QPoint) -> QPointF:
        return QPointF(
            point.x() + self.horizontalScrollBar().value(),
            point.y() + self.verticalScrollBar().value(),
        )

    def span_at(self, point: QPoint) -> int:
        """The span under a viewport point: its lane, else the innermost span covering the
        letter there; 0 for none."""
        doc_point = self._to_document(point)
        for segment in self._segments:
            if segment.lane_rect.adjusted(0, -1.5, 0, 1.5).contains(doc_point):
                return segment.span_id
        inner = [s for s in self._segments if s.text_rect.contains(doc_point)]
        if not inner:
            return 0
        spans = self.shown_spans()
        return min(inner, key=lambda s: spans[s.span_id].end - spans[s.span_id].start).span_id

    def shown_spans(self) -> dict[int, Span]:
        """The spans drawn now: the layer's, or in review mode A's, B's and gold's."""
        return self.review.spans if self.review is not None else self.layers.spans

    def segments_of(self, span_id: int) -> list[Segment]:
        """Where a span was last painted (viewport coordinates), for tests and menus."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return [
            Segment(
                s.span_id, s.lane_rect.translated(-offset), s.text_rect.translated(-offset), s.first
            )
            for s in self._segments
            if s.span_id == span_id
        ]

    # -- events --------------------------------------------------------------------

    def paintEvent(self, event: QEvent) -> None:
        super().paintEvent(event)
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        painter.translate(-self.horizontalScrollBar().value(), -top)
        if self.review is not None:
            self._segments = self.review.paint(painter, self.document(), top, top + height)
        else:
            self._segments = self.layers.segments(self.document(), top, top + height)
            paint_segments(
                painter,
                self._segments,
                self.layers,
                self.colors,
                selected=self.current_span,
                hovered=self.hovered_span,
                marked=self.marked,
            )
            self._paint_tags_and_arrows(painter)
        painter.end()
        self.painted.emit()

    def _paint_tags_and_arrows(self, painter: QPainter) -> None:
        if self.show_tags and self.tags is not None:
            paint_tags(painter, self._segments, self.layers, self.colors, self.tags)
        relations = self.relations
        if not self.show_arrows:
            # Without the strip for arrows, only the selected span's are drawn.
            relations = [r for r in relations if self.current_span in (r.head, r.tail)]
        if not relations:
            return
        below = self.layers.line_extra()
        ends = anchors(self._segments, lambda s: s.text_rect.bottom() + below)
        paint_arrows(
            painter,
            ends,
            relations,
            self.relation_names,
            RELATION_COLOR,
            self._caption_font,
            margin_x=self.document().textWidth() - 4,
            strong=frozenset((self.current_span,)) if self.current_span else frozenset(),
        )

    def event(self, event: QEvent) -> bool:
        # Tab moves between spans instead of moving the focus to the next widget.
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Tab:
            self.spanStep.emit(1)
        elif key == Qt.Key.Key_Backtab:
            self.spanStep.emit(-1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deleteKey.emit()
        elif key == Qt.Key.Key_Escape:
            self.escapeKey.emit()
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.enterKey.emit()
        elif (latin := latin_key(event.text())) and not mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        ):
            exact = bool(mods & Qt.KeyboardModifier.AltModifier) or self.exact_selection
            self.keyTyped.emit(latin, exact)
        else:
            if mods & Qt.KeyboardModifier.ShiftModifier:
                # A selection made by keys is exact only if Alt is held with Shift.
                self.exact_selection = bool(mods & Qt.KeyboardModifier.AltModifier)
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton:
            # Alt held while selecting keeps the exact characters (no snapping).
            self.exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        moved = (event.position().toPoint() - press).manhattanLength()
        if moved <= 3 and not self.textCursor().hasSelection():
            self.spanClicked.emit(self.span_at(event.position().toPoint()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if (
            event.buttons() & Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.exact_selection = True
        hovered = self.span_at(event.position().toPoint())
        if hovered != self.hovered_span:
            self.hovered_span = hovered
            self.viewport().update()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered_span:
            self.hovered_span = 0
            self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            span_id = self.span_at(event.pos())
            if span_id:
                # Escaped into a rich-text tooltip: a note or a name is shown literally.
                plain = html.escape(self.describe(self.shown_spans()[span_id])).replace(
                    "\n", "<br>"
                )
                QToolTip.showText(event.globalPos(), f"<p dir='auto'>{plain}</p>", self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QEvent) -> None:
        span_id = self.span_at(self.viewport().mapFrom(self, event.pos()))
        if span_id:
            self.spanMenuRequested.emit(span_id, event.globalPos())
        else:
            super().contextMenuEvent(event)

    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        self.viewport().update()
