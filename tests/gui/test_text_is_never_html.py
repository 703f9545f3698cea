"""Markup in an article is shown as the characters it is, never run as HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QListView, QListWidget, QTextEdit

from annotator.core.actions import AddRelation, AddSpan
from annotator.gui.main_window import MainWindow
from tests.conftest import insert_article

MARKUP = "<b>bold</b><script>alert(1)</script>"
TEXT = f"{MARKUP} قررت الحكومة <img src=x onerror=alert(2)> تمديد التدابير"


@pytest.fixture
def html_article(window: MainWindow) -> MainWindow:
    insert_article(window.store, "html", TEXT)
    store = window.store
    # The measure starts with the markup, so every line that quotes it starts with a tag.
    measure = AddSpan("html", window.annotator, 0, len(MARKUP), "MEASURE", {"note": MARKUP})
    measure_id = measure.apply(store).span_ids[0]
    start = TEXT.index("الحكومة")
    org = AddSpan("html", window.annotator, start, start + 7, "ORG").apply(store).span_ids[0]
    AddRelation("TARGETS", measure_id, org).apply(store)
    assert window.open_article("html")
    return window


def test_the_text_view_shows_markup_and_script_as_plain_characters(
    html_article: MainWindow,
) -> None:
    view = html_article.findChild(QTextEdit, "articleText")
    assert view.toPlainText() == TEXT
    html = view.document().toHtml()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html  # the tag is text, not an image


def test_titles_and_span_lines_show_markup_literally(html_article: MainWindow) -> None:
    assert MARKUP in html_article.windowTitle()
    spans = html_article.findChild(QListView, "spanList").model()
    for row in range(spans.rowCount()):
        index = spans.index(row, 0)
        tooltip = spans.data(index, Qt.ItemDataRole.ToolTipRole) or ""
        assert not QtGui.mightBeRichText(tooltip), tooltip
    shown = [spans.data(spans.index(r, 0)) for r in range(spans.rowCount())]
    assert any("<b>bold</b>" in line for line in shown)


def shown_as(tooltip: str) -> str:
    """The characters Qt shows for a tooltip (it renders what looks like HTML as HTML)."""
    document = QTextDocument()
    if QtGui.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_relation_tooltips_show_markup_literally(html_article: MainWindow) -> None:
    relations = html_article.findChild(QListWidget, "relationList")
    assert relations.count() == 1
    assert "<b>bold</b>" in shown_as(relations.item(0).toolTip())
