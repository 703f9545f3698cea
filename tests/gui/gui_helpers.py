"""Driving the window like an analyst: select text, press keys, read the database."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from annotator.core.models import Span
from annotator.gui.main_window import MainWindow


def find(window: MainWindow, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Code point offsets of ``needle`` in the open article."""
    assert window.article is not None
    text = window.article.text
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def label(
    qtbot,
    window: MainWindow,
    start: int,
    end: int,
    key: str,
    modifier=Qt.KeyboardModifier.NoModifier,
) -> None:
    """Select start..end in articleText and press a label key."""
    view = window.text_view
    view.setFocus()
    view.select_range(start, end)
    qtbot.keyClick(view, key, modifier)


def db_spans(window: MainWindow) -> list[tuple[int, int, str]]:
    assert window.article is not None
    return [
        (s.start, s.end, s.label) for s in window.store.spans(window.article.id, window.annotator)
    ]


def span_text(window: MainWindow, span: Span) -> str:
    assert window.article is not None
    return window.article.text[span.start : span.end]


def click_span(qtbot, window: MainWindow, span_id: int) -> None:
    """Click a span's underline lane where it is drawn."""
    view = window.text_view
    view.reveal(span_id)
    qtbot.waitUntil(lambda: bool(view.segments_of(span_id)))
    rect = view.segments_of(span_id)[0].lane_rect
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def point_of(window: MainWindow, span_id: int) -> QPoint:
    return window.text_view.segments_of(span_id)[0].text_rect.center().toPoint()


def type_text(widget, text: str) -> None:
    """Type any text, Arabic included (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
