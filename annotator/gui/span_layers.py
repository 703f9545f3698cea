"""Span geometry under the text: underline lanes per visual line, and their painting.

Lanes are assigned once per change of the spans (lanes.py), after an action only where it
touched; each paint only measures the spans of the visible lines, with the layout's glyph
runs, which follow the bidi order of mixed Arabic, Latin and digits, and keeps what it
measured until the block is laid out at another size.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from annotator.core.models import Span
from annotator.core.text.offsets import Utf16Map
from annotator.gui.lanes import assign_lanes, lane_count, reading_key

LANE_THICKNESS = 3.0
LANE_GAP = 2.0
LANE_MARGIN = 3.0  # between the deepest descender and lane 0
MIN_LANES = 2  # reserved even without spans, so the first nested span does not move text
UNKNOWN_LABEL_COLOR = QColor("gray")


@dataclass(frozen=True, slots=True)
class LaneGeometry:
    """How a layer's lanes sit by its lines: each lane is a row ``row`` high (a label tag's
    height when tags are shown, else the underline's thickness), ``gap`` apart, starting
    ``margin`` from the letters, below the line or (review mode's layer A) above it."""

    row: float = LANE_THICKNESS
    gap: float = LANE_GAP
    margin: float = LANE_MARGIN
    above: bool = False
    min_lanes: int = MIN_LANES

    @property
    def pitch(self) -> float:
        return self.row + self.gap

    def row_top(self, line_top: float, line_bottom: float, lane: int) -> float:
        if self.above:
            return line_top - self.margin - self.row - lane * self.pitch
        return line_bottom + self.margin + lane * self.pitch


Extents = dict[tuple[int, int], tuple[float, float]]  # block positions -> x1, x2


@dataclass(frozen=True, slots=True)
class Segment:
    """The part of a span on one visual line, in document coordinates."""

    span_id: int
    lane_rect: QRectF
    text_rect: QRectF
    first: bool = True  # the span starts on this line (its label tag goes here)


class SpanLayers:
    """The spans of the open article, in UTF-16 positions, bucketed by block and lane."""

    def __init__(self, geometry: LaneGeometry | None = None) -> None:
        self.geometry = geometry or LaneGeometry()
        self.spans: dict[int, Span] = {}
        self.order: list[int] = []  # span ids by start, outer first
        self.lanes: dict[int, int] = {}
        self.u16: dict[int, tuple[int, int]] = {}
        self._by_block: dict[int, list[int]] = {}
        self._block_starts: list[int] = []
        # Per block number: its laid-out size, and the x extents measured at that size.
        self._extents: dict[int, tuple[tuple[float, float], Extents]] = {}

    def set_spans(self, spans: list[Span], document: QTextDocument, offsets: Utf16Map) -> None:
        self.spans = {s.id: s for s in spans}
        self.order = [s.id for s in sorted(spans, key=reading_key)]
        self.lanes = assign_lanes((s.id, s.start, s.end) for s in spans)
        self.u16 = {s.id: (offsets.to_utf16(s.start), offsets.to_utf16(s.end)) for s in spans}
        starts = []
        block = document.firstBlock()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._block_starts = starts
        self._extents = {}
        self._by_block = {}
        for span_id in self.order:
            for number in self._blocks_of(span_id):
                self._by_block.setdefault(number, []).append(span_id)

    def update(self, changed: list[Span], removed: Iterable[int], offsets: Utf16Map) -> None:
        """Add or replace ``changed`` and drop ``removed`` (ids), leaving the same state as
        set_spans on the whole new list, at the cost of the few spans touched: a label key
        in an article of 1,000 spans must not re-measure and re-lane them all."""
        touched: list[tuple[int, int]] = []  # old and new extents: lanes may move there
        for span_id in [*removed, *(s.id for s in changed)]:
            old = self.spans.pop(span_id, None)
            if old is not None:
                touched.append((old.start, old.end))
                self._unplace(span_id)
        key = self._key
        for span in changed:
            self.spans[span.id] = span
            touched.append((span.start, span.end))
            self.u16[span.id] = (offsets.to_utf16(span.start), offsets.to_utf16(span.end))
            insort(self.order, span.id, key=key)
            for number in self._blocks_of(span.id):
                insort(self._by_block.setdefault(number, []), span.id, key=key)
        self._relane(touched)

    def _key(self, span_id: int) -> tuple[int, int, int]:
        return reading_key(self.spans[span_id])

    def _blocks_of(self, span_id: int) -> range:
        start, end = self.u16[span_id]
        first = bisect_right(self._block_starts, start) - 1
        last = bisect_right(self._block_starts, max(start, end - 1)) - 1
        return range(first, last + 1)

    def _unplace(self, span_id: int) -> None:
        self.order.remove(span_id)
        for number in self._blocks_of(span_id):
            in_block = self._by_block[number]
            in_block.remove(span_id)
            if not in_block:
                del self._by_block[number]
        del self.u16[span_id]
        self.lanes.pop(span_id, None)

    def _relane(self, touched: list[tuple[int, int]]) -> None:
        """Assign lanes again in the clusters of overlapping spans that meet a touched
        extent. The greedy assignment starts each cluster from lane 0 with every lane free,
        so a cluster's lanes depend on its own spans only: the others keep theirs."""
        if not touched:
            return
        spans, order = self.spans, self.order
        low, high = min(a for a, _ in touched), max(b for _, b in touched)

        def relane(first: int, last: int, start: int, reach: int) -> None:
            if reach > low and any(a < reach and start < b for a, b in touched):
                members = [spans[i] for i in order[first:last]]
                self.lanes.update(assign_lanes((s.id, s.start, s.end) for s in members))

        first, start, reach = 0, 0, -1
        for index, span_id in enumerate(order):
            span = spans[span_id]
            if span.start >= reach:  # the cluster before this span has ended
                if index:
                    relane(first, index, start, reach)
                if span.start >= high:
                    return
                first, start = index, span.start
            if span.end > reach:
                reach = span.end
        if order:
            relane(first, len(order), start, reach)

    @property
    def lane_count(self) -> int:
        return max(self.geometry.min_lanes, lane_count(self.lanes))

    def line_extra(self) -> float:
        """Space added by every line (under it, or above it) for the lanes."""
        return self.geometry.margin + self.lane_count * self.geometry.pitch

    def segments(self, document: QTextDocument, top: float, bottom: float) -> list[Segment]:
        """Segments of the spans on the lines between ``top`` and ``bottom`` (document y)."""
        found: list[Segment] = []
        if not self.spans:
            return found
        layout = document.documentLayout()
        position = layout.hitTest(
            QPointF(document.textWidth() / 2, top), Qt.HitTestAccuracy.FuzzyHit
        )
        block = document.findBlock(max(position, 0))
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom:
                break
            span_ids = self._by_block.get(block.blockNumber())
            if span_ids and rect.bottom() >= top:
                found.extend(self._block_segments(block, rect, span_ids, top, bottom))
            block = block.next()
        return found

    def _block_segments(
        self, block, rect: QRectF, span_ids: list[int], top: float, bottom: float
    ) -> list[Segment]:
        text_layout = block.layout()
        origin = text_layout.position()
        base = block.position()
        # Measuring glyph runs is most of a paint; a block laid out at the same size (no
        # resize, zoom or new line spacing) has its letters where they were.
        size = (rect.width(), rect.height())
        cached = self._extents.get(block.blockNumber())
        if cached is None or cached[0] != size:
            cached = self._extents[block.blockNumber()] = (size, {})
        extents = cached[1]
        u16, lanes, geometry = self.u16, self.lanes, self.geometry
        found = []
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            y = origin.y() + line.y()
            natural = line.ascent() + line.descent()
            if y + line.height() < top or y > bottom:
                continue
            line_start = base + line.textStart()
            line_end = line_start + line.textLength()
            for span_id in span_ids:  # by start: the rest begin after this line
                start, end = u16[span_id]
                if start >= line_end:
                    break
                if end <= line_start:
                    continue
                part = (max(start, line_start) - base, min(end, line_end) - base)
                if part not in extents:
                    extents[part] = _extent(text_layout, line, *part)
                x1, x2 = extents[part]
                if x2 <= x1:
                    continue
                lane_y = geometry.row_top(y, y + natural, lanes[span_id])
                found.append(
                    Segment(
                        span_id,
                        QRectF(origin.x() + x1, lane_y, x2 - x1, geometry.row),
                        QRectF(origin.x() + x1, y, x2 - x1, natural),
                        start >= line_start,
                    )
                )
        return found


def _extent(text_layout, line, start: int, end: int) -> tuple[float, float]:
    """Horizontal extent of block positions start..end on one line; glyph runs know where
    each bidi run went, cursorToX is the fallback for runs without glyphs."""
    runs = text_layout.glyphRuns(start, end - start)
    if runs:
        rects = [r.boundingRect() for r in runs]
        return min(r.left() for r in rects), max(r.right() for r in rects)
    a, b = line.cursorToX(start)[0], line.cursorToX(end)[0]
    return min(a, b), max(a, b)


def paint_segments(
    painter: QPainter,
    segments: list[Segment],
    layers: SpanLayers,
    colors: dict[str, QColor],
    *,
    selected: int = 0,
    hovered: int = 0,
    marked: frozenset[int] = frozenset(),
) -> None:
    """Lanes in label colours; the selected span also gets a tint over its letters, and
    spans ``marked`` (a hovered relation's ends, a relation target) a dashed frame."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for segment in segments:
        span = layers.spans[segment.span_id]
        color = colors.get(span.label, UNKNOWN_LABEL_COLOR)
        if segment.span_id == selected:
            tint = QColor(color)
            tint.setAlpha(70)
            painter.fillRect(segment.text_rect, tint)
        lane = underline(segment.lane_rect)
        if segment.span_id in (selected, hovered):
            lane = lane.adjusted(0, -1, 0, 1)
            color = color.darker(130)
        painter.fillRect(lane, color)
        if segment.span_id in marked:
            painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(segment.text_rect.adjusted(-1, 0, 1, 0))


def underline(row: QRectF, thickness: float = LANE_THICKNESS) -> QRectF:
    """The underline drawn in a lane's row: its middle, ``thickness`` high."""
    return QRectF(row.left(), row.center().y() - thickness / 2, row.width(), thickness)
