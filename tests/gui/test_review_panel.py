"""A reviewer compares two layers in the window and adjudicates spans into gold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.actions import AddSpan
from annotator.core.models import GOLD
from annotator.core.review.gold import accept_layer, accept_span
from annotator.core.store import Store
from annotator.gui.dialogs import ErrorDialog
from annotator.gui.main_window import MainWindow
from annotator.gui.names import isolate
from annotator.gui.review_panel import ReviewPanel


def add(window: MainWindow, annotator: str, needle: str, label: str) -> int:
    assert window.article is not None
    start = window.article.text.index(needle)
    action = AddSpan(window.article.id, annotator, start, start + len(needle), label)
    action.apply(window.store)
    assert action.span_id is not None
    return action.span_id


@pytest.fixture
def panel(window: MainWindow) -> ReviewPanel:
    """amina and karim agree on the person, not on the place; amina alone has a title,
    karim alone the government."""
    for annotator, place in (("amina", "LOC"), ("karim", "ORG")):
        add(window, annotator, "عزيز أخنوش", "PERSON")
        add(window, annotator, "المملكة", place)
    add(window, "amina", "رئيس الحكومة", "TITLE")
    window.load_spans()
    review = window.show_review()
    assert isinstance(review, ReviewPanel)
    assert review.objectName() == "reviewPanel"
    review.fill_annotators()
    review.set_pair("amina", "karim")
    return review


def kinds(panel: ReviewPanel) -> list[str]:
    return [row.kind for row in panel.model.rows]


def gold(window: MainWindow) -> list[tuple[int, int, str]]:
    assert window.article is not None
    return [(s.start, s.end, s.label) for s in window.store.spans(window.article.id, GOLD)]


def row_of(panel: ReviewPanel, kind: str) -> int:
    return kinds(panel).index(kind)


def test_ctrl_r_turns_review_mode_on_with_the_panel(window: MainWindow) -> None:
    assert window.menus.review_action.shortcut().toString() == "Ctrl+R"
    window.menus.review_action.trigger()
    assert window.findChild(ReviewPanel, "reviewPanel").isVisible()
    assert window.review_mode is not None
    assert window.review_mode.active
    assert window.text_view.review is window.review_mode.drawing
    assert "Review" in window.mode_label.text()
    window.menus.review_action.trigger()
    assert not window.review_mode.active
    assert window.text_view.review is None
    assert "Labelling as amina" in window.mode_label.text()


def test_pairs_are_two_columns_with_label_names_and_whole_text(
    qtmodeltester, panel: ReviewPanel
) -> None:
    qtmodeltester.check(panel.model)
    assert sorted(kinds(panel)) == ["agree", "label", "only_a"]
    model = panel.model
    assert model.columnCount() == 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1)] == ["A", "B"]
    row = row_of(panel, "label")
    a_cell = model.data(model.index(row, 0))
    b_cell = model.data(model.index(row, 1))
    assert "المملكة" in a_cell
    assert "Place" in a_cell
    assert "المملكة" in b_cell
    assert "Institution" in b_cell
    only_a = row_of(panel, "only_a")
    assert model.data(model.index(only_a, 1)) == "—"
    header = model.headerData(only_a, Qt.Orientation.Vertical)
    assert "only A" in header
    assert "•" in header
    colours = {
        model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole).color().name()
        for r in range(model.rowCount())
    }
    assert len(colours) == 3


def test_long_arabic_text_wraps_instead_of_being_cut(
    qtbot: QtBot, window: MainWindow, panel: ReviewPanel
) -> None:
    title = "الوزيرة المنتدبة لدى رئيس الحكومة المكلفة بالانتقال الرقمي وإصلاح الإدارة"
    add(window, "amina", title, "TITLE")
    panel.refresh()
    row = next(i for i, r in enumerate(panel.model.rows) if title in r.a)
    assert title in panel.model.data(panel.model.index(row, 0))
    short = row_of(panel, "agree")
    qtbot.waitUntil(lambda: panel.table.rowHeight(row) > 1.5 * panel.table.rowHeight(short))


def test_the_header_gives_the_article_s_and_the_set_s_figures(
    qtbot: QtBot, panel: ReviewPanel
) -> None:
    qtbot.waitUntil(lambda: panel.set_report is not None, timeout=5000)
    text = panel.figures.text()
    assert "This article: exact F1 0.40, overlap F1 0.40" in text
    assert "whole set (articles: 1): exact F1 0.40" in text


def test_a_on_an_only_a_row_accepts_into_gold_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, panel: ReviewPanel
) -> None:
    panel.table.setFocus()
    panel.table.selectRow(row_of(panel, "only_a"))
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert window.article is not None
    start = window.article.text.index("رئيس الحكومة")
    assert gold(window) == [(start, start + len("رئيس الحكومة"), "TITLE")]
    assert panel.b.currentText() == "karim"

    qtbot.keyClick(panel.table, Qt.Key.Key_X)
    assert gold(window) == []
    window.menus.undo_action.trigger()
    assert len(gold(window)) == 1
    window.menus.undo_action.trigger()
    assert gold(window) == []


def test_clicking_a_row_selects_the_span(window: MainWindow, panel: ReviewPanel) -> None:
    panel.table.selectRow(row_of(panel, "only_a"))
    current = window.text_view.current_span
    assert current
    assert window.spans[current].label == "TITLE"


def test_accept_agreed_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, panel: ReviewPanel
) -> None:
    qtbot.mouseClick(panel.accept_agreed_button, Qt.MouseButton.LeftButton)
    assert [label for *_, label in gold(window)] == ["PERSON"]
    panel.set_pair("amina", GOLD)
    assert "agree" in kinds(panel)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(window) == []
    qtbot.waitUntil(lambda: "agree" not in kinds(panel))  # the panel followed the undo


def test_accept_and_return_layer_ask_for_a_comment(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, panel: ReviewPanel
) -> None:
    assert window.article is not None
    monkeypatch.setattr(ReviewPanel, "ask", classmethod(lambda cls, *a: "names are missing"))
    assert panel.return_layer()
    layer = window.store.layer(window.article.id, "amina")
    assert layer.status == "returned"
    monkeypatch.setattr(ReviewPanel, "ask", classmethod(lambda cls, *a: None))
    assert not panel.accept_layer()  # cancelled
    monkeypatch.setattr(ReviewPanel, "ask", classmethod(lambda cls, *a: ""))
    assert panel.accept_layer()
    assert window.store.layer(window.article.id, "amina").status == "accepted"
    window.menus.undo_action.trigger()
    assert window.store.layer(window.article.id, "amina").status == "returned"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, list[str]]]:
    seen: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(
        ErrorDialog, "ask", classmethod(lambda cls, p, t, m, lines: seen.append((t, m, lines)))
    )
    return seen


def test_a_decision_another_reviewer_beat_is_refused_and_the_panel_shows_theirs(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, panel: ReviewPanel, db_path, shown
) -> None:
    assert window.article is not None
    article = window.article.id
    assert panel.layer_status.text() == f"{isolate('amina')}'s layer: in progress"
    monkeypatch.setattr(ReviewPanel, "ask", classmethod(lambda cls, *a: "names are missing"))
    with Store(db_path) as other:  # another reviewer, in her own window
        seen = other.layer(article, "amina").version
        accept_layer(other, article, "amina", "ok", seen=seen).apply(other)

        assert not panel.return_layer()

    assert len(shown) == 1
    title, message, lines = shown[0]
    assert title == "Not saved"
    assert message.startswith("Nothing was saved.")
    assert "another reviewer decided this layer a moment ago" in lines[0]
    assert window.store.layer(article, "amina").status == "accepted"
    assert panel.layer_status.text() == f"{isolate('amina')}'s layer: accepted"
    assert not window.undo_stack.canUndo()  # nothing was done
    # Now that she has seen the other decision, returning the layer is her decision.
    assert panel.return_layer()
    assert window.store.layer(article, "amina").status == "returned"


def test_a_gold_edit_on_gold_another_reviewer_changed_since_is_refused(
    qtbot: QtBot, window: MainWindow, panel: ReviewPanel, db_path, shown
) -> None:
    assert window.article is not None
    title_start = window.article.text.index("رئيس الحكومة")
    with Store(db_path) as other:
        (person,) = [s for s in other.spans(window.article.id, "karim") if s.label == "PERSON"]
        accept = accept_span(other, person.id)
        assert accept is not None
        accept.apply(other)

        panel.table.setFocus()
        panel.table.selectRow(row_of(panel, "only_a"))
        qtbot.keyClick(panel.table, Qt.Key.Key_A)

    assert len(shown) == 1
    assert "gold of article" in shown[0][2][0]
    assert [label for *_, label in gold(window)] == ["PERSON"]  # the other reviewer's
    # The panel re-read gold: the same key now accepts the title beside it.
    panel.table.selectRow(row_of(panel, "only_a"))
    qtbot.keyClick(panel.table, Qt.Key.Key_A)
    assert (title_start, title_start + len("رئيس الحكومة"), "TITLE") in gold(window)


def test_the_panel_follows_a_decision_made_in_another_window(
    qtbot: QtBot, window: MainWindow, panel: ReviewPanel, db_path
) -> None:
    assert window.article is not None
    with Store(db_path) as other:
        accept_layer(other, window.article.id, "amina").apply(other)
    qtbot.waitUntil(
        lambda: panel.layer_status.text() == f"{isolate('amina')}'s layer: accepted", timeout=3000
    )
    assert panel.review is not None
    assert panel.review.layer_a == window.store.layer(window.article.id, "amina")
