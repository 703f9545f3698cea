"""Label tags on the text: the short label name at the start of each span's lane, in the
lane's own row, so a tag never covers a letter.

A tag that does not fit in its span's width, and every tag when the lanes are crowded
(more than CROWDED_LANES deep), collapses to the label's key letter (P, T, O…, the keys
the palette shows); a span too narrow even for that keeps its bare lane.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from annotator.core.schema import Schema
from annotator.gui.names import SchemaNames
from annotator.gui.span_layers import UNKNOWN_LABEL_COLOR, Segment, SpanLayers

TAG_ROW = 14.0  # a lane's row when tags are shown
TAG_PIXELS = 11
CROWDED_ROW = 12.0  # rows when crowded: key letters only
CROWDED_PIXELS = 9
CROWDED_LANES = 4
TAG_TEXT = QColor("#1e1e1e")
PADDING = 3.0


class TagNames:
    """What a tag says for each label in the interface language, measured once."""

    def __init__(self, schema: Schema, names: SchemaNames, family: str) -> None:
        self.schema = schema
        self.names = names
        self.font = QFont(family)
        self.font.setPixelSize(TAG_PIXELS)
        self.small = QFont()  # the interface font: Latin capitals
        self.small.setPixelSize(CROWDED_PIXELS)
        self.small.setBold(True)
        self._cache: dict[tuple[str, str], tuple[str, float, str, float]] = {}

    def measure(self, label: str) -> tuple[str, float, str, float]:
        """(short name, its width, key letter, its width) for ``label``."""
        cached = self._cache.get((self.names.language, label))
        if cached is None:
            try:
                key = self.schema.label(label).key
            except KeyError:
                key = label[:1]
            name = self.names.short_label(label)
            wide = QFontMetricsF(self.font).horizontalAdvance(name) + 2 * PADDING
            narrow = QFontMetricsF(self.small).horizontalAdvance(key) + 2 * PADDING - 1
            cached = self._cache[(self.names.language, label)] = (name, wide, key, narrow)
        return cached


def row_for(layers: SpanLayers) -> float:
    """The row height a layer's lanes need to carry their tags."""
    return CROWDED_ROW if crowded(layers) else TAG_ROW


def crowded(layers: SpanLayers) -> bool:
    return layers.lane_count > CROWDED_LANES


def paint_tags(
    painter: QPainter,
    segments: list[Segment],
    layers: SpanLayers,
    colors: dict[str, QColor],
    tags: TagNames,
    *,
    faded: frozenset[int] = frozenset(),
) -> None:
    """A tag at the start of each span that starts on a painted line (the right end of its
    first segment: the article runs right to left). Spans in ``faded`` get a quiet tag."""
    squeezed = crowded(layers)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    spans = layers.spans
    for segment in segments:
        if not segment.first:
            continue
        label = spans[segment.span_id].label
        name, wide, key, narrow = tags.measure(label)
        row = segment.lane_rect
        if not squeezed and wide <= row.width():
            text, width, font = name, wide, tags.font
        elif narrow <= row.width():
            text, width, font = key, narrow, tags.small
        else:
            continue
        box = QRectF(row.right() - width, row.top(), width, row.height())
        color = colors.get(label, UNKNOWN_LABEL_COLOR)
        fill = QColor(color).lighter(175) if color.lightness() < 200 else QColor(color)
        fill.setAlpha(120 if segment.span_id in faded else 255)
        painter.setPen(QPen(color, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2.5, 2.5)
        painter.setFont(font)
        text_color = QColor(TAG_TEXT)
        if segment.span_id in faded:
            text_color.setAlpha(150)
        painter.setPen(text_color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
