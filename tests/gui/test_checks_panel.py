"""The quality-checks panel lists findings; a click jumps to the place."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.actions import AddSpan
from annotator.core.review.checks import Finding, checked_articles
from annotator.gui import checks_panel
from annotator.gui.checks_panel import ChecksPanel
from annotator.gui.main_window import MainWindow
from annotator.gui.workers import StoreJob


def test_a_finding_click_selects_its_span(qtbot: QtBot, window: MainWindow) -> None:
    assert window.article is not None
    needle = "عزيز أخنوش"
    start = window.article.text.index(needle)
    action = AddSpan(window.article.id, "amina", start, start + len(needle) + 1, "PERSON")
    action.apply(window.store)
    window.load_spans()
    window.menus.checks_action.trigger()
    panel = window.findChild(ChecksPanel, "checksPanel")
    assert panel is not None
    assert panel.isVisible()

    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    model = panel.list.model()
    texts = [model.index(i, 0).data() for i in range(model.rowCount())]
    row = next(i for i, text in enumerate(texts) if text.startswith("W001 [warning] "))
    window.select_span(0)
    rect = panel.list.visualRect(model.index(row, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.text_view.current_span == action.span_id


def test_all_articles_run_in_the_background(qtbot: QtBot, window: MainWindow) -> None:
    assert window.article is not None
    needle = "عزيز أخنوش"
    start = window.article.text.index(needle)
    AddSpan(window.article.id, "amina", start, start + len(needle) + 1, "PERSON").apply(
        window.store
    )
    panel = window.show_checks()
    assert isinstance(panel, ChecksPanel)
    panel.all_articles.setChecked(True)
    other = window.store.first_article_id()
    panel.run_checks()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    found = [f for f in panel.findings if f.code == "W001"]
    assert found
    window.open_article(other if other != window.article.id else window.article.id)
    panel.jump(found[0])
    assert window.article.id == found[0].article_id
    assert window.text_view.current_span == found[0].span_id


def test_a_huge_run_keeps_the_first_findings_and_counts_the_rest(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.article is not None
    text = window.article.text
    for needle in ("عزيز أخنوش", "خالد أيت الطالب"):
        start = text.index(needle)
        AddSpan(window.article.id, "amina", start, start + len(needle) + 1, "PERSON").apply(
            window.store
        )
    monkeypatch.setattr(checks_panel, "PANEL_LIMIT", 1)
    panel = window.show_checks()
    assert isinstance(panel, ChecksPanel)
    panel.all_articles.setChecked(True)
    panel.run_checks()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)

    assert panel.list.model().rowCount() == 1
    assert panel.total >= 2
    assert f"the first 1 of {panel.total} findings" in panel.summary.text()


def test_a_background_run_shows_its_progress_and_the_button_cancels_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = checks_panel.run_checks

    def slow(*args: object, **kwargs: object) -> Iterator[Finding]:
        found = list(real(*args, **kwargs))  # type: ignore[arg-type]
        while found:  # its findings again and again, as from a large database
            time.sleep(0.001)
            yield from found

    monkeypatch.setattr(checks_panel, "run_checks", slow)
    assert window.article is not None
    start = window.article.text.index("عزيز أخنوش")
    AddSpan(window.article.id, "amina", start, start + 11, "PERSON").apply(window.store)
    panel = window.show_checks()
    assert isinstance(panel, ChecksPanel)
    panel.all_articles.setChecked(True)
    panel.run_checks()

    qtbot.waitUntil(lambda: panel.progress.maximum() > 0, timeout=10000)
    assert panel.progress.isVisible()
    assert panel.progress.maximum() == len(checked_articles(window.store))
    assert panel.run_button.text() == "Cancel"
    job = panel.job
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)

    assert panel.job is None
    assert panel.summary.text() == "Cancelled."
    assert panel.run_button.text() == "Run checks"
    assert not panel.progress.isVisible()
    assert job is not None
    qtbot.waitUntil(lambda: job not in StoreJob._unfinished, timeout=10000)  # it stopped
