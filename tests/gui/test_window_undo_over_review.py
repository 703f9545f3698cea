"""Ctrl+Z in the analyst's window after a reviewer decided her layer from another window."""

from __future__ import annotations

import pytest
from conftest import ANALYST, FIRST
from gui_helpers import db_spans, find, label
from PySide6.QtCore import Qt

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
