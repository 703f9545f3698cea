"""Review mode's drawing: layer A's lanes above each line, layer B's below, gold as a tint
behind the letters, and the current disagreement framed.

How a lane is drawn says what the two layers did there, without relying on colour (the
label's colour is the same on both sides):

- agreed spans: a thin quiet line;
- a span only one side has: a thick solid line (the other band is empty there);
- the label differs: thick dashes;
- the bounds differ: thick dots, with a tick at each end of the span;
- the attributes differ: dash and dot;
- a decided disagreement keeps its pattern, faded; gold's tint shows what was decided.

The geometry is SpanLayers', so nested spans keep their lanes in each band.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextDocument

from annotator.core.models import Relation, Span
from annotator.core.review.disagreements import ArticleReview, Item
from annotator.core.text.offsets import Utf16Map
from annotator.gui.relation_arrows import STRIP, Anchor, caption_font, paint_arrows
from annotator.gui.span_layers import (
    LANE_THICKNESS,
    UNKNOWN_LABEL_COLOR,
    LaneGeometry,
    Segment,
    SpanLayers,
    underline,
)
from annotator.gui.span_tags import TagNames, paint_tags, row_for

BAND_SEPARATION = 6.0  # between B's band (and its strip) and the next line's A band
THICK = 4.0
QUIET = 1.6
OUTLINE = QColor("#202020")
GOLD_ALPHA = 75

# Pen patterns by item kind; None: solid.
PATTERNS: dict[str, Qt.PenStyle] = {
    "label": Qt.PenStyle.DashLine,
    "bounds": Qt.PenStyle.DotLine,
    "bounds_label": Qt.PenStyle.DotLine,
    "attributes": Qt.PenStyle.DashDotLine,
}


@dataclass(frozen=True, slots=True)
class LaneStyle:
    kind: str  # an item kind, or "agree"
    decided: bool = False


class ReviewDrawing:
    """The three layers of the open article in review mode, and what is current."""

    def __init__(self, colors: dict[str, QColor], tags: TagNames | None, family: str) -> None:
        self.colors = colors
        self.tags = tags
        self.show_tags = tags is not None
        self.show_arrows = True
        # One lane reserved per band (not two): three layers already need room by each line.
        self.a = SpanLayers(LaneGeometry(margin=2.0, above=True, min_lanes=1))
        self.b = SpanLayers(LaneGeometry(margin=3.0, min_lanes=1))
        self.gold = SpanLayers()
        self.spans: dict[int, Span] = {}
        self.styles: dict[int, LaneStyle] = {}
        self.gold_relations: list[Relation] = []
        self.relation_names: dict[str, str] = {}
        self.current: frozenset[int] = frozenset()  # spans framed: the current item's
        self.selected = 0  # a span clicked (G takes it into gold)
        self.caption_font: QFont = caption_font(family)
        self.segments: list[Segment] = []
        self._last: dict[int, Segment] = {}
        self._quiet: frozenset[int] = frozenset()  # agreed or decided: quiet tags

    # -- content -----------------------------------------------------------------------

    def set_review(self, review: ArticleReview, document: QTextDocument, offsets: Utf16Map) -> None:
        """Lay out A, B and gold (once per change: each paint measures only what shows)."""
        spans_a = list(review.spans_a.values())
        spans_b = list(review.spans_b.values())
        self.a.set_spans(spans_a, document, offsets)
        self.b.set_spans(spans_b, document, offsets)
        self.gold.set_spans(list(review.gold), document, offsets)
        self.spans = {**review.spans_a, **review.spans_b, **{s.id: s for s in review.gold}}
        self.gold_relations = list(review.gold_relations)
        styles: dict[int, LaneStyle] = {}
        for pair in review.pairs:
            for span in pair.sides():
                styles[span.id] = LaneStyle("agree")
        for item in review.items:
            if item.is_relation:
                continue
            for span in review.span_pair(item).sides():
                styles[span.id] = LaneStyle(item.kind, item.decided)
        self.styles = styles
        self._quiet = frozenset(i for i, st in styles.items() if st.kind == "agree" or st.decided)
        self._fit_rows()
        if self.selected not in self.spans:
            self.selected = 0

    def set_current(self, review: ArticleReview | None, item: Item | None) -> None:
        if review is None or item is None:
            self.current = frozenset()
            return
        if item.is_relation:
            rel = review.relation_pair(item)
            ids = [r.head for r in (rel.a, rel.b) if r] + [r.tail for r in (rel.a, rel.b) if r]
            gold = review.gold_of_relation[item.pair]
            if gold is not None:
                ids += [gold.head, gold.tail]
        else:
            ids = [s.id for s in review.span_pair(item).sides()]
            gold_span = review.gold_of_pair[item.pair]
            if gold_span is not None:
                ids.append(gold_span.id)
        self.current = frozenset(ids)

    def _fit_rows(self) -> None:
        for layers in (self.a, self.b):
            row = row_for(layers) if self.show_tags else LANE_THICKNESS
            if layers.geometry.row != row:
                g = layers.geometry
                layers.geometry = LaneGeometry(row, g.gap, g.margin, g.above, g.min_lanes)

    def set_tags(self, shown: bool) -> None:
        self.show_tags = shown and self.tags is not None
        self._fit_rows()

    # -- geometry ----------------------------------------------------------------------

    def line_extra(self) -> float:
        """Room between two lines: B's band under the first, A's above the second."""
        strip = STRIP if self.show_arrows else 0.0
        return self.b.line_extra() + strip + BAND_SEPARATION + self.a.line_extra()

    def top_room(self) -> float:
        """Room above the first line, for its A band."""
        return self.a.line_extra()

    def extent_rects(self, span_ids: frozenset[int]) -> list[QRectF]:
        """Per painted line, the frame around the given spans' letters and lanes."""
        lines: dict[float, QRectF] = {}
        for segment in self.segments:
            if segment.span_id in span_ids:
                rect = segment.text_rect.united(segment.lane_rect)
                key = round(segment.text_rect.top())
                lines[key] = lines[key].united(rect) if key in lines else rect
        return list(lines.values())

    # -- painting ----------------------------------------------------------------------

    def paint(
        self, painter: QPainter, document: QTextDocument, top: float, bottom: float
    ) -> list[Segment]:
        reach = self.a.line_extra()
        gold = self.gold.segments(document, top, bottom + reach)
        seg_a = self.a.segments(document, top, bottom + reach)
        seg_b = self.b.segments(document, top - self.b.line_extra() - STRIP, bottom)
        self.segments = [*seg_a, *seg_b, *gold]
        self._last = {s.span_id: s for s in self.segments}  # each span's last painted part
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for segment in gold:
            tint = QColor(self._color(segment.span_id))
            tint.setAlpha(GOLD_ALPHA)
            painter.fillRect(segment.text_rect, tint)
        for band in (seg_a, seg_b):
            for segment in band:
                self._paint_lane(painter, segment)
        if self.show_tags and self.tags is not None:
            paint_tags(painter, seg_a, self.a, self.colors, self.tags, faded=self._quiet)
            paint_tags(painter, seg_b, self.b, self.colors, self.tags, faded=self._quiet)
        self._paint_band_marks(painter, seg_a, seg_b)
        if self.show_arrows and self.gold_relations:
            below = self.b.line_extra() + STRIP / 2
            ends: dict[int, Anchor] = {}
            for segment in gold:  # gold has no lanes: its arrows leave from its letters
                rect = segment.text_rect
                ends.setdefault(
                    segment.span_id, Anchor(rect.right() - 4, rect.bottom(), rect.bottom() + below)
                )
            paint_arrows(
                painter,
                ends,
                self.gold_relations,
                self.relation_names,
                OUTLINE,
                self.caption_font,
                margin_x=document.textWidth() - 4,
                strong=self.current,
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(OUTLINE, 2))
        for rect in self.extent_rects(self.current):
            painter.drawRoundedRect(rect.adjusted(-3, -2, 3, 2), 4, 4)
        return self.segments

    def _color(self, span_id: int) -> QColor:
        span = self.spans.get(span_id)
        return self.colors.get(span.label, UNKNOWN_LABEL_COLOR) if span else UNKNOWN_LABEL_COLOR

    def _paint_lane(self, painter: QPainter, segment: Segment) -> None:
        style = self.styles.get(segment.span_id, LaneStyle("agree"))
        color = QColor(self._color(segment.span_id))
        row = segment.lane_rect
        if style.kind == "agree":
            color.setAlpha(150)
            painter.fillRect(underline(row, QUIET), color)
            return
        if style.decided:
            color.setAlpha(110)
        if segment.span_id == self.selected:
            color = color.darker(140)
        y = row.center().y()
        pattern = PATTERNS.get(style.kind)
        if pattern is None:
            painter.fillRect(underline(row, THICK), color)
        else:
            pen = QPen(color, THICK, pattern, Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(row.left(), y), QPointF(row.right(), y))
        if style.kind in ("bounds", "bounds_label"):
            # Ticks where the span begins and ends: the bounds are what differs.
            painter.setPen(QPen(color, 1.5))
            half = row.height() / 2 + 2
            if segment.first:
                painter.drawLine(QPointF(row.right(), y - half), QPointF(row.right(), y + half))
            if self._last.get(segment.span_id) is segment:
                painter.drawLine(QPointF(row.left(), y - half), QPointF(row.left(), y + half))

    def _paint_band_marks(
        self, painter: QPainter, seg_a: list[Segment], seg_b: list[Segment]
    ) -> None:
        """«A» and «B» in the end margin (left) of each line, by its first lane of each band."""
        painter.setPen(OUTLINE)
        font = QFont(self.caption_font)
        font.setBold(True)
        painter.setFont(font)
        for letter, segments, layers in (("A", seg_a, self.a), ("B", seg_b, self.b)):
            lines = {round(s.text_rect.top()): s.text_rect for s in segments}
            for text in lines.values():
                top = layers.geometry.row_top(text.top(), text.bottom(), 0)
                box = QRectF(0, top - 2, 11, layers.geometry.row + 4)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
