"""Ctrl+Z in the analyst's window after a reviewer decided her layer from another window."""

from __future__ import annotations

import pytest
from conftest import ANALYST, FIRST
from gui_helpers import db_spans, find, label
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.core.review.gold import accept_layer
from annotator.core.store import Store
from annotator.gui.dialogs import ErrorDialog

SECOND = "001_3fd0202d721c1fee"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, list[str]]]:
    seen: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(
        ErrorDialog, "ask", classmethod(lambda cls, p, t, m, lines: seen.append((t, m, lines)))
    )
    return seen


def ctrl_z(qtbot, window) -> None:
    qtbot.keyClick(window.text_view, "z", Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()  # what the window queued after it (e.g. clearing the stack)


def test_ctrl_z_after_a_reviewers_accept_is_refused_clearly_and_keeps_the_accept(
    qtbot, window, db_path, shown
):
    window.open_article(SECOND)
    label(qtbot, window, *find(window, "المملكة"), "L")  # another article: stays undoable
    window.open_article(FIRST)
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    with Store(db_path) as reviewer:
        accept_layer(reviewer, FIRST, ANALYST, "أحسنت").apply(reviewer)

    ctrl_z(qtbot, window)

    assert len(shown) == 1
    title, message, lines = shown[0]
    assert "undo" in title.lower()
    assert "changed by someone else" in " ".join([message, *lines])
    assert window.store.layer(FIRST, ANALYST).status == "accepted"
    assert len(db_spans(window)) == 2
    assert "accepted" in window.status_label.text()

    # The refused step left the undo list; the steps before it are still there, each
    # checked on its own: the person on the accepted layer is refused too, the place on
    # the other article undoes.
    assert window.undo_stack.count() == 2
    ctrl_z(qtbot, window)
    assert len(shown) == 2
    assert len(db_spans(window)) == 2
    ctrl_z(qtbot, window)
    assert len(shown) == 2
    assert window.article.id == SECOND
    assert db_spans(window) == []
    assert window.undo_stack.count() == 1  # the place can be redone


def test_redo_after_a_reviewers_decision_is_refused_and_leaves_the_redo_list(
    qtbot, window, db_path, shown
):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    window.open_article(FIRST)
    ctrl_z(qtbot, window)  # not done after all
    assert window.store.layer(FIRST, ANALYST).status == "in_progress"
    with Store(db_path) as reviewer:
        accept_layer(reviewer, FIRST, ANALYST).apply(reviewer)

    window.menus.redo_action.trigger()

    assert len(shown) == 1
    assert "redo" in shown[0][0].lower()
    assert window.store.layer(FIRST, ANALYST).status == "accepted"
    qtbot.waitUntil(lambda: not window.menus.redo_action.isEnabled())
    assert window.undo_stack.canUndo()  # the label itself is still undoable
