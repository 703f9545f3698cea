"""The article list, searching, the text view's offsets, language and the screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from conftest import ANALYST, FIRST
from gui_helpers import find, label, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView

from annotator.core.store import Store
from annotator.core.text.decode import frozen_sha256, title_of
from annotator.gui.article_list_model import ID_ROLE, SPAN_COUNT_ROLE, ArticleListModel

REPO = Path(__file__).resolve().parents[2]


def _add_articles(store: Store, count: int) -> None:
    with store.write():
        store.conn.executemany(
            "INSERT INTO articles (id, text, text_sha256, title, created_at) VALUES (?, ?, ?, ?, 0)",
            [
                (
                    f"bulk_{n:05d}",
                    f"مقال رقم {n}",
                    frozen_sha256(f"مقال رقم {n}"),
                    title_of(f"مقال رقم {n}"),
                )
                for n in range(count)
            ],
        )


def test_article_list_model_passes_the_model_tester(qtmodeltester, gui_store):
    _add_articles(gui_store, 30)
    model = ArticleListModel(gui_store, ANALYST)
    model.PAGE = 7  # several pages, so fetchMore is exercised
    qtmodeltester.check(model, force_py=True)


def test_article_list_fetches_pages_lazily(qtbot, gui_store):
    _add_articles(gui_store, 450)
    model = ArticleListModel(gui_store, ANALYST)
    view = QListView()
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.rowCount() == ArticleListModel.PAGE)  # one page, not 455
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > ArticleListModel.PAGE)


def test_rows_show_span_count_and_status(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    index = window.list_model.index(window.list_model.row_of(FIRST))
    assert index.data(SPAN_COUNT_ROLE) == 2
    assert index.data(Qt.ItemDataRole.UserRole + 2) == "in_progress"


def test_status_filter_keeps_matching_articles(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    status_filter = window.findChild(QComboBox, "statusFilter")
    status_filter.setCurrentIndex(status_filter.findData("in_progress"))
    model = window.list_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0).data(ID_ROLE) == FIRST
    status_filter.setCurrentIndex(status_filter.findData("new"))
    qtbot.waitUntil(lambda: model.rowCount() == 4)


def test_search_box_ignores_diacritics(qtbot, window):
    # The article writes «شَكَّل»; the analyst types it bare.
    assert "شَكَّل" in window.store.article(FIRST).text
    box = window.findChild(QLineEdit, "searchBox")
    box.setFocus()
    type_text(box, "شكل")
    model = window.list_model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0).data(ID_ROLE) == FIRST)


def test_ctrl_f_finds_inside_the_article_regardless_of_diacritics(qtbot, window):
    qtbot.keyClick(window.text_view, "f", Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    type_text(window.find_bar.field, "المرتفقين")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    start, end = window.text_view.selected_range()
    assert window.article.text[start:end] == "المُرتَفِقين"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_document_positions_match_code_points_through_utf16(qtbot, window, tmp_path):
    from annotator.core.formats.importers import import_paths

    text = "سطر 😀 أول\n\u00a0\u00a0\nE-participation 𝑥 فبراير\t2022 <b>وسم</b>"
    source = tmp_path / "mixed.txt"
    source.write_text(text, encoding="utf-8")
    assert not import_paths(window.store, [source]).errors
    window.open_article("mixed")
    document = window.text_view.document()
    offsets = window.text_view.offsets
    assert document.characterCount() - 1 == offsets.length_u16
    for cp, char in enumerate(text):
        at = offsets.to_utf16(cp)
        qt_char = document.characterAt(at)
        expected = "\u2029" if char == "\n" else char[0] if ord(char) < 0x10000 else None
        if expected is not None:
            assert qt_char == expected, (cp, char)
    assert window.text_view.toPlainText().count("<b>") == 1  # markup shown literally


def test_language_switch_mirrors_the_layout(qtbot, window):
    articles = window.article_panel
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert (
        articles.mapTo(window, QPoint(0, 0)).x() < window.text_view.mapTo(window, QPoint(0, 0)).x()
    )
    window.switch_language("ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.waitUntil(
        lambda: (
            articles.mapTo(window, QPoint(0, 0)).x()
            > window.text_view.mapTo(window, QPoint(0, 0)).x()
        )
    )
    assert window.menus.menu_file.title() == "&ملف"
    assert window.palette_box.buttons["PERSON"].text().startswith("شخص")
    assert window.settings.value("ui/language") == "ar"
    window.switch_language("en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.menus.menu_file.title() == "&File"
    # The article stays right to left whatever the interface language.
    assert window.text_view.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_font_size_keys(qtbot, window):
    size = window.text_view.font().pointSize()
    qtbot.keyClick(window.text_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.font().pointSize() == size + 1
    qtbot.keyClick(window.text_view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.font().pointSize() == size
    assert window.text_view.font().family() == "Noto Naskh Arabic"


def test_title_bar_shows_the_analyst(window):
    assert ANALYST in window.windowTitle()


def test_screenshot_option_writes_a_png(db_path, tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--db", str(db_path), "--article", FIRST,
         "--screenshot", str(out)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert time.perf_counter() - started < 30


def test_main_widgets_have_their_object_names(window):
    from PySide6.QtWidgets import QWidget

    for name in (
        "articleList",
        "articleText",
        "labelPalette",
        "spanList",
        "attributeEditor",
        "relationList",
        "searchBox",
        "statusFilter",
    ):
        assert window.findChild(QWidget, name) is not None, name
