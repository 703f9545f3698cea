"""Relation arrows on the text, each captioned with its type.

An arrow leaves its head span from under the start of the span's lane (where its tag is),
runs in a strip reserved under the line's lanes, and rises into the tail's lane; a relation
between two lines runs along the article's start margin (the right one: the text is right
to left) to the tail's line. Arrows cross lanes, never letters. Every relation of the
article is drawn lightly and the selected span's relations strongly; captions that would
sit on another caption move along their arrow, and a light one that finds no room is left
out (the relation list names it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from annotator.core.models import Relation
from annotator.gui.span_layers import Segment

STRIP = 13.0  # under each line's lanes, for the arrows' runs and captions
CAPTION_PIXELS = 10
MARGIN_LANES = 3  # runs along the margin, side by side


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where arrows meet a span: x at the start of its lane, y at the lane's bottom, and
    the middle of the strip under its line."""

    x: float
    y: float
    strip: float


def anchors(
    segments: Iterable[Segment], strip_top: Callable[[Segment], float]
) -> dict[int, Anchor]:
    """Each painted span's anchor, on its first painted line."""
    found: dict[int, Anchor] = {}
    for segment in segments:
        if segment.span_id not in found:
            row = segment.lane_rect
            found[segment.span_id] = Anchor(
                row.right() - 4, row.bottom(), strip_top(segment) + STRIP / 2
            )
    return found


def caption_font(family: str) -> QFont:
    font = QFont(family)
    font.setPixelSize(CAPTION_PIXELS)
    return font


def paint_arrows(
    painter: QPainter,
    ends: dict[int, Anchor],
    relations: list[Relation],
    names: dict[str, str],
    color: QColor,
    font: QFont,
    *,
    margin_x: float,
    strong: frozenset[int] = frozenset(),
) -> None:
    """Arrows for the relations whose two ends are painted; ``strong`` are span ids whose
    relations stand out (the selected span's)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    metrics = QFontMetricsF(font)
    placed: list[QRectF] = []
    light = QColor(color)
    light.setAlpha(120)
    drawn = [
        (r, ends[r.head], ends[r.tail], r.head in strong or r.tail in strong)
        for r in relations
        if r.head in ends and r.tail in ends
    ]
    drawn.sort(key=lambda entry: entry[3])  # strong ones last, over the light ones
    painter.setFont(font)
    for index, (relation, head, tail, bold) in enumerate(drawn):
        pen_color = color if bold else light
        path = QPainterPath(QPointF(head.x, head.y))
        path.lineTo(head.x, head.strip)
        if abs(head.strip - tail.strip) < 1:
            run = (head.x, tail.x)
        else:
            margin = margin_x - (index % MARGIN_LANES) * 3
            path.lineTo(margin, head.strip)
            path.lineTo(margin, tail.strip)
            run = (head.x, margin)
        path.lineTo(tail.x, tail.strip)
        path.lineTo(tail.x, tail.y + 1)
        painter.setPen(QPen(pen_color, 2.0 if bold else 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        _arrow_head(painter, QPointF(tail.x, tail.y + 1), pen_color)
        caption = names.get(relation.type, relation.type)
        width = metrics.horizontalAdvance(caption) + 6
        box = _free_box(placed, run, head.strip, width, STRIP - 1)
        if box is None and not bold:
            continue
        if box is None:
            box = QRectF(0, 0, width, STRIP - 1)
            box.moveCenter(QPointF((run[0] + run[1]) / 2, head.strip))
        placed.append(box)
        painter.setPen(QPen(pen_color, 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 3, 3)
        text = QColor(color)
        text.setAlpha(255 if bold else 200)
        painter.setPen(text)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, caption)


def _free_box(
    placed: list[QRectF], run: tuple[float, float], y: float, width: float, height: float
) -> QRectF | None:
    """A caption box on the run from run[0] to run[1] at height y that overlaps no caption
    placed before: the middle first, then steps toward either end."""
    low, high = min(run), max(run)
    middle = (low + high) / 2
    for shift in (0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0):
        x = middle + shift * (width + 4)
        if shift and not low <= x <= high:
            continue
        box = QRectF(x - width / 2, y - height / 2, width, height)
        if not any(box.intersects(other) for other in placed):
            return box
    return None


def _arrow_head(painter: QPainter, tip: QPointF, color: QColor) -> None:
    """A small head pointing up into the tail's lane."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPolygon([tip, tip + QPointF(-3.5, 6), tip + QPointF(3.5, 6)])
