"""What lasts across sessions and what runs in the background: the analyst's name,
language, window layout, import and export from the File menu, tooltips."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ANALYST, FIRST
from gui_helpers import find, label
from PySide6.QtCore import QEvent, QLocale, QPoint, QSettings, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.gui import app as app_module
from annotator.gui.app import Language, default_language
from annotator.gui.dialogs import ErrorDialog, FileDialogs, NameDialog, PopupMenu
from annotator.gui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


def test_name_is_asked_once_and_shown_in_the_title(qtbot, qapp, gui_store, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    asked = []
    monkeypatch.setattr(
        NameDialog, "ask", classmethod(lambda cls, parent: asked.append(1) or "salma")
    )
    first = MainWindow(gui_store, settings=settings, language=Language(qapp))
    qtbot.addWidget(first)
    second = MainWindow(gui_store, settings=settings, language=Language(qapp))
    qtbot.addWidget(second)
    assert asked == [1]
    assert second.annotator == "salma"
    assert "salma" in second.windowTitle()


def test_arabic_is_the_default_on_an_arabic_system(tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)

    class ArabicLocale:
        @staticmethod
        def system() -> QLocale:
            return QLocale(QLocale.Language.Arabic, QLocale.Country.Morocco)

        Language = QLocale.Language

    monkeypatch.setattr(app_module, "QLocale", ArabicLocale)
    assert default_language(settings) == "ar"
    settings.setValue("ui/language", "en")  # the analyst's choice wins
    assert default_language(settings) == "en"


def test_window_geometry_and_splitters_are_remembered(qtbot, qapp, window, settings):
    window.resize(761, 543)  # within the offscreen screen, which clamps restored geometry
    window.splitter.setSizes([150, 400, 180])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(window.store, settings=settings, language=Language(qapp))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size().width() == 761
    assert again.splitter.sizes() == sizes
    assert again.settings.value("view/last_article") == FIRST


def test_import_from_the_file_menu_lists_errors_by_file_and_line(
    qtbot, window, tmp_path, monkeypatch
):
    good = tmp_path / "good.txt"
    good.write_text("مقال جديد عن الإدارة الرقمية", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "نص"}\n{"id": "x2", "text": \n', encoding="utf-8")
    monkeypatch.setattr(
        FileDialogs, "ask_import_paths", classmethod(lambda cls, p: [str(good), str(bad)])
    )
    shown: list[list[str]] = []
    monkeypatch.setattr(
        ErrorDialog, "ask", classmethod(lambda cls, p, t, m, lines: shown.append(lines))
    )
    window.file_menu.import_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.job is None and bool(shown), timeout=10_000)
    assert len(shown[0]) == 1
    assert shown[0][0].startswith(f"{bad}:2: ")
    assert window.store.article("good") is not None
    assert window.store.article("x1") is None  # the bad file is all or nothing
    qtbot.waitUntil(lambda: window.list_model.row_of("good") >= 0)


def test_export_from_the_file_menu_runs_in_the_background(qtbot, window, tmp_path, monkeypatch):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(
        FileDialogs, "ask_export_path", classmethod(lambda cls, p: (str(out), "jsonl"))
    )
    window.file_menu.export_action.trigger()
    qtbot.waitUntil(lambda: window.file_menu.job is None and out.exists(), timeout=10_000)
    assert "عزيز أخنوش" in out.read_text(encoding="utf-8")
    assert "1" in window.statusBar().currentMessage()


def test_hovering_a_span_shows_label_attributes_and_annotator(qtbot, window):
    label(qtbot, window, *find(window, "جواز التلقيح"), "M")
    span_id = window.text_view.current_span
    window.labeller.set_attribute(span_id, "note", "<i>ملاحظة</i>")
    view = window.text_view
    qtbot.waitUntil(lambda: bool(view.segments_of(span_id)))
    point = view.segments_of(span_id)[0].text_rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text()
    assert "Measure" in text
    assert ANALYST in text
    assert "&lt;i&gt;" in text  # the note is shown literally, not as markup


def test_context_menu_offers_relabel_link_and_delete(qtbot, window, monkeypatch):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    span_id = window.text_view.current_span
    offered: list[str] = []

    def record(cls, menu, at):
        offered.extend(action.text() for action in menu.actions())
        return

    monkeypatch.setattr(PopupMenu, "ask", classmethod(record))
    window.labeller.span_menu(span_id, QPoint(0, 0))
    assert offered[0] == "Change label"
    assert any("Delete" in text for text in offered)


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="needs pyside6-lupdate")
def test_every_interface_string_has_an_arabic_translation(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copy(REPO / "resources/i18n/annotator_ar.ts", ts)
    sources = sorted(str(p) for p in (REPO / "annotator/gui").glob("*.py"))
    subprocess.run(
        ["pyside6-lupdate", *sources, "-ts", str(ts), "-no-obsolete", "-silent"],
        check=True,
        capture_output=True,
    )
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run pyside6-lupdate and translate the new strings"
    assert (REPO / "resources/i18n/annotator_ar.qm").stat().st_mtime > 0


def test_keys_still_work_after_switching_to_arabic(qtbot, window):
    window.switch_language("ar")
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    assert window.spans
    assert window.saved_label.text().startswith("حُفظ")
    assert Qt.LayoutDirection.RightToLeft == QApplication.layoutDirection()
