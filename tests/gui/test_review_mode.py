"""A reviewer adjudicates from the keyboard in review mode: steps through every
disagreement of a generated article, takes A's or B's version or neither, undoes, and
gold in the database follows each key."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from gui_helpers import click_span
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.core.formats.importers import import_paths
from annotator.core.models import GOLD
from annotator.core.review.disagreements import ArticleReview, ItemKey, article_review
from annotator.core.review.pairing import span_key
from annotator.core.store import Store
from annotator.gui.main_window import MainWindow
from annotator.gui.review_mode import ReviewMode
from benchmarks import generate

KEYS = {"a": Qt.Key.Key_A, "b": Qt.Key.Key_B, None: Qt.Key.Key_X}


def import_review(store: Store, tmp_path: Path, seed: int) -> str:
    records = generate.review_records(3000, 40, seed, gold=False)
    path = tmp_path / f"review-{seed}.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    assert not import_paths(store, [path]).errors
    return records[0]["id"]


@pytest.fixture
def reviewing(window: MainWindow, tmp_path: Path) -> MainWindow:
    """Review mode on a generated article that amina and karim labelled differently."""
    article_id = import_review(window.store, tmp_path, seed=4)
    window.list_model.reload()
    assert window.open_article(article_id)
    window.open_review("amina", "karim", step=0)
    window.text_view.setFocus()
    return window


def mode_of(window: MainWindow) -> ReviewMode:
    assert window.review_mode is not None
    assert window.review_mode.active
    return window.review_mode


def fresh(window: MainWindow) -> ArticleReview:
    assert window.article is not None
    return article_review(window.store, window.article.id, "amina", "karim")


def gold(window: MainWindow) -> list[tuple[int, int, str, tuple[tuple[str, str], ...]]]:
    assert window.article is not None
    return [
        (s.start, s.end, s.label, tuple(sorted(s.attributes.items())))
        for s in window.store.spans(window.article.id, GOLD)
    ]


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.text_view, key, modifier)


def type_key(window: MainWindow, text: str) -> None:
    """A key as the Arabic keyboard layout types it (its text, no Latin key code)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            window.text_view, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text)
        )


def assert_decided(window: MainWindow, key: ItemKey, side: str | None) -> None:
    """Gold in the database holds side's version of the place (None: nothing there)."""
    review = fresh(window)
    item = review.item(key)
    assert item is not None, key
    assert item.decided, key
    if item.is_relation:
        rel = review.relation_pair(item)
        chosen = rel.a if side == "a" else rel.b if side == "b" else None
        found = review.gold_of_relation[item.pair]
        assert (found.type if found else None) == (chosen.type if chosen else None)
        return
    pair = review.span_pair(item)
    chosen = pair.a if side == "a" else pair.b if side == "b" else None
    version = review.gold_of_pair[item.pair]
    if chosen is None:
        assert version is None
    else:
        assert version is not None
        assert (span_key(version), version.attributes) == (span_key(chosen), chosen.attributes)


def test_n_and_shift_n_step_through_every_disagreement(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    items = [item.key for item in fresh(reviewing).items]
    assert len(items) >= 10
    visited = []
    for _ in items:
        press(qtbot, reviewing, Qt.Key.Key_N)
        visited.append(mode.current)
    assert visited == items
    assert f"disagreement {len(items)} of {len(items)} in this article" in mode.status.text()
    press(qtbot, reviewing, Qt.Key.Key_N, shift=True)
    assert mode.current == items[-2]
    # The current pair is framed in the text and chosen in the list.
    assert mode.drawing.current
    panel = reviewing.review_panel
    assert panel is not None
    assert panel.model.rows[panel.table.currentIndex().row()].key == items[-2]


def test_a_b_x_and_undo_from_the_keyboard_put_gold_in_the_database(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    mode = mode_of(reviewing)
    press(qtbot, reviewing, Qt.Key.Key_N)
    decided = 0
    while (item := mode.current_item()) is not None and not item.decided:
        side = ("a", "b", None)[decided % 3]
        before = gold(reviewing)
        press(qtbot, reviewing, KEYS[side])
        assert_decided(reviewing, item.key, side)
        if decided % 4 == 1:
            qtbot.keyClick(reviewing.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            assert gold(reviewing) == before
            assert mode.current == item.key  # undo goes back to the place it changed
            assert not fresh(reviewing).item(item.key).decided  # type: ignore[union-attr]
            press(qtbot, reviewing, KEYS[side])
            assert_decided(reviewing, item.key, side)
        decided += 1
    assert decided >= 8
    assert fresh(reviewing).undecided == 0
    assert "undecided here: 0" in mode.status.text()


def test_the_arabic_keyboard_layout_works_too(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    items = [item.key for item in fresh(reviewing).items]
    type_key(reviewing, "ى")  # N
    type_key(reviewing, "ى")
    assert mode.current == items[1]
    type_key(reviewing, "آ")  # Shift+N
    assert mode.current == items[0]
    type_key(reviewing, "ش")  # A
    assert_decided(reviewing, items[0], "a")
    following = mode.current
    type_key(reviewing, "لا")  # B: the layout types a ligature of two letters
    assert following is not None
    assert_decided(reviewing, following, "b")
    following = mode.current
    type_key(reviewing, "ء")  # X
    assert following is not None
    assert_decided(reviewing, following, None)


def test_shift_a_accepts_what_both_agree_on_in_one_undo_step(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    review = fresh(reviewing)
    agreed = {
        span_key(p.a)
        for p in review.pairs
        if p.kind == "agree" and p.a is not None and not p.attributes_differ
    }
    press(qtbot, reviewing, Qt.Key.Key_A, shift=True)
    assert {g[:3] for g in gold(reviewing)} == agreed
    qtbot.keyClick(reviewing.text_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(reviewing) == []


def test_e_edits_gold_s_bounds_with_the_same_snapping(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    view = reviewing.text_view
    review = fresh(reviewing)
    bounds = next(item for item in review.items if item.kind == "bounds")
    mode.go(bounds.key)
    pair = review.span_pair(bounds)
    assert pair.a is not None
    assert pair.b is not None
    press(qtbot, reviewing, Qt.Key.Key_E)
    assert mode.editing
    assert view.selected_range() == (pair.a.start, pair.a.end)
    press(qtbot, reviewing, Qt.Key.Key_Left, shift=True)  # Shift+arrows reach the selection
    assert view.selected_range() != (pair.a.start, pair.a.end)
    # The reviewer drags over the union of both versions, cutting into a word at each end.
    start, end = min(pair.a.start, pair.b.start), max(pair.a.end, pair.b.end)
    view.select_range(start + 1, end - 1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not mode.editing
    (span,) = [g for g in gold(reviewing) if g[2] == pair.a.label and g[0] < end and start < g[1]]
    assert (span[0], span[1]) == (start, end)  # snapped out to whole words again
    assert fresh(reviewing).item(bounds.key).decided  # type: ignore[union-attr]
    press(qtbot, reviewing, Qt.Key.Key_E)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # cancelled: nothing changes
    assert not mode.editing
    assert reviewing.undo_stack.count() == 1


def test_g_takes_the_clicked_span_into_gold_as_it_is(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    review = fresh(reviewing)
    only_b = next(item for item in review.items if item.kind == "only_b")
    span = review.span_pair(only_b).b
    assert span is not None
    mode.go(only_b.key)
    click_span(qtbot, reviewing, span.id)
    assert mode.drawing.selected == span.id
    press(qtbot, reviewing, Qt.Key.Key_G)
    assert (span.start, span.end, span.label) in {g[:3] for g in gold(reviewing)}
    assert_decided(reviewing, only_b.key, "b")


def test_a_label_key_relabels_gold_at_the_place(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    review = fresh(reviewing)
    label = next(item for item in review.items if item.kind == "label")
    mode.go(label.key)
    press(qtbot, reviewing, Qt.Key.Key_A)
    mode.go(label.key)
    press(qtbot, reviewing, Qt.Key.Key_D)  # neither side's label: DATE
    pair = review.span_pair(label)
    assert pair.a is not None
    assert (pair.a.start, pair.a.end, "DATE") in {g[:3] for g in gold(reviewing)}
    assert fresh(reviewing).item(label.key).decided  # type: ignore[union-attr]


def test_n_at_the_end_of_an_article_opens_the_next_with_disagreements(
    qtbot: QtBot, reviewing: MainWindow, tmp_path: Path
) -> None:
    second = import_review(reviewing.store, tmp_path, seed=3)
    mode = mode_of(reviewing)
    mode.count_set()
    qtbot.waitUntil(lambda: mode.set_counts is not None, timeout=5000)
    first = reviewing.article.id if reviewing.article else ""
    undecided = fresh(reviewing).undecided
    assert f"{undecided + mode.set_counts[second]} left in the set" in mode.status.text()  # type: ignore[index]
    for _ in fresh(reviewing).items:
        press(qtbot, reviewing, Qt.Key.Key_N)
    press(qtbot, reviewing, Qt.Key.Key_N)
    assert reviewing.article is not None
    assert reviewing.article.id == second
    assert mode.current == fresh(reviewing).items[0].key
    press(qtbot, reviewing, Qt.Key.Key_N, shift=True)  # before its first: back to the other
    assert reviewing.article.id == first
    assert mode.current == fresh(reviewing).items[-1].key


def test_lanes_and_tags_never_cover_letters(qtbot: QtBot, reviewing: MainWindow) -> None:
    """In review mode (A above, B below) and in the analyst's mode (lanes below)."""
    view = reviewing.text_view
    press(qtbot, reviewing, Qt.Key.Key_N)
    for mode_on in (True, False):
        reviewing.set_review_mode(mode_on)
        view.viewport().repaint()
        segments = view._segments
        assert segments
        letters = {(s.text_rect.top(), s.text_rect.bottom()) for s in segments}
        for segment in segments:
            row = segment.lane_rect
            for top, bottom in letters:
                assert row.bottom() <= top + 0.5 or row.top() >= bottom - 0.5, (row, top, bottom)


def test_review_mode_speaks_the_interface_language(qtbot: QtBot, reviewing: MainWindow) -> None:
    mode = mode_of(reviewing)
    press(qtbot, reviewing, Qt.Key.Key_N)
    reviewing.switch_language("ar")
    assert "الخلاف 1 من" in mode.status.text()
    assert mode.drawing.relation_names["HAS_TITLE"] == "له صفة"
    assert reviewing.text_view.tags is not None
    assert reviewing.text_view.tags.measure("TITLE")[0] == "صفة"
    reviewing.switch_language("en")
    assert "disagreement 1 of" in mode.status.text()


def test_differing_attributes_are_shown_side_by_side_and_taken_from_either(
    qtbot: QtBot, reviewing: MainWindow
) -> None:
    from PySide6.QtWidgets import QPushButton

    mode = mode_of(reviewing)
    review = fresh(reviewing)
    item = next(i for i in review.items if i.kind == "attributes")
    pair = review.span_pair(item)
    assert pair.a is not None
    assert pair.b is not None
    mode.go(item.key)
    panel = reviewing.review_panel
    assert panel is not None
    assert panel.attributes.isVisible()
    for side, span in (("b", pair.b), ("a", pair.a)):
        button = panel.attributes.findChild(QPushButton, f"take_{side}_status")
        assert button is not None
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        (status,) = [dict(g[3]).get("status") for g in gold(reviewing) if g[:3] == span_key(pair.a)]
        assert status == span.attributes["status"]


def test_a_key_on_gold_another_reviewer_changed_since_is_refused_and_shows_theirs(
    qtbot: QtBot, reviewing: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two reviewers adjudicating one article: the second's key, pressed on a screen drawn
    before the first's decision, is refused instead of replacing it unseen."""
    from annotator.core.review.adjudication import decide
    from annotator.gui.dialogs import ErrorDialog

    shown: list[list[str]] = []
    monkeypatch.setattr(
        ErrorDialog, "ask", classmethod(lambda cls, p, t, m, lines: shown.append(lines))
    )
    mode = mode_of(reviewing)
    press(qtbot, reviewing, Qt.Key.Key_N)
    key = mode.current
    assert key is not None
    with Store(db_path) as other:  # the other reviewer takes B's version there
        decide(fresh(reviewing), key, "b").apply(other)

        press(qtbot, reviewing, Qt.Key.Key_A)

    assert len(shown) == 1
    assert "another reviewer decided this layer a moment ago" in shown[0][0]
    assert_decided(reviewing, key, "b")  # hers holds
    assert not reviewing.undo_stack.canUndo()
    # The mode read gold again: the place shows as decided, and A now overrules B knowingly.
    assert mode.review is not None
    assert mode.review.item(key).decided  # type: ignore[union-attr]
    mode.go(key)
    press(qtbot, reviewing, Qt.Key.Key_A)
    assert_decided(reviewing, key, "a")
