"""The analyst labels with the keyboard: select, press a key, the span is in the database."""

from __future__ import annotations

from conftest import ANALYST
from gui_helpers import db_spans, find, label
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from annotator.core.formats.importers import import_paths


def test_label_key_creates_span_with_code_point_offsets(qtbot, window):
    start, end = find(window, "عزيز أخنوش")
    label(qtbot, window, start, end, "P")
    assert db_spans(window) == [(start, end, "PERSON")]
    assert window.text_view.current_span  # the new span is selected
    assert "Saved" in window.saved_label.text()


def test_digit_keys_label_like_letters(qtbot, window):
    start, end = find(window, "رئيس الحكومة")
    label(qtbot, window, start, end, "2")
    assert db_spans(window) == [(start, end, "TITLE")]


def test_emoji_before_the_span_does_not_shift_offsets(qtbot, window, tmp_path):
    text = "📢🇲🇦 عاجل: عقد 👍 عزيز أخنوش اجتماعا مع وزير الداخلية"
    source = tmp_path / "emoji_article.txt"
    source.write_text(text, encoding="utf-8")
    assert not import_paths(window.store, [source]).errors
    window.list_model.reload()
    assert window.open_article("emoji_article")
    start = text.index("عزيز أخنوش")
    # Qt counts the four astral characters twice: the view must not.
    assert window.text_view.offsets.to_utf16(start) == start + 4
    label(qtbot, window, start, start + len("عزيز أخنوش"), "P")
    spans = window.store.spans("emoji_article", ANALYST)
    assert [(s.start, s.end) for s in spans] == [(start, start + len("عزيز أخنوش"))]
    assert text[spans[0].start : spans[0].end] == "عزيز أخنوش"


def test_nested_spans_are_both_kept_and_drawn_in_different_lanes(qtbot, window):
    outer = find(window, "وزير الداخلية")
    inner = find(window, "الداخلية")
    label(qtbot, window, *outer, "T")
    label(qtbot, window, *inner, "O")
    assert sorted(db_spans(window)) == sorted([(*outer, "TITLE"), (*inner, "ORG")])
    lanes = window.text_view.layers.lanes
    assert len(set(lanes.values())) == 2


def test_selection_snaps_past_the_proclitic_waw(qtbot, window):
    start, end = find(window, "وخالد أيت الطالب")
    label(qtbot, window, start, end, "P")
    (span,) = window.store.spans(window.article.id, ANALYST)
    assert window.article.text[span.start : span.end] == "خالد أيت الطالب"


def test_waw_that_belongs_to_the_word_is_kept(qtbot, window):
    start, end = find(window, "وزير الداخلية")
    label(qtbot, window, start, end, "T")
    (span,) = window.store.spans(window.article.id, ANALYST)
    assert window.article.text[span.start : span.end] == "وزير الداخلية"


def test_a_selection_cutting_words_snaps_outward(qtbot, window):
    start, end = find(window, "عزيز أخنوش")
    label(qtbot, window, start + 2, end - 2, "P")
    assert db_spans(window) == [(start, end, "PERSON")]


def test_alt_keeps_the_exact_characters(qtbot, window):
    start, end = find(window, "وخالد أيت الطالب")
    label(qtbot, window, start, end, "P", Qt.KeyboardModifier.AltModifier)
    assert db_spans(window) == [(start, end, "PERSON")]


def test_key_without_selection_labels_the_word_under_the_caret(qtbot, window):
    start, end = find(window, "المملكة")
    view = window.text_view
    view.select_range(start + 3, start + 3)
    qtbot.keyClick(view, "L")
    assert db_spans(window) == [(start, end, "LOC")]


def test_another_key_relabels_the_selected_span(qtbot, window):
    start, end = find(window, "رئيس الحكومة")
    label(qtbot, window, start, end, "O")
    qtbot.keyClick(window.text_view, "T")
    assert db_spans(window) == [(start, end, "TITLE")]


def test_delete_removes_the_selected_span(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Delete)
    assert db_spans(window) == []
    assert window.text_view.current_span == 0


def test_tab_moves_between_spans_in_reading_order(qtbot, window):
    first = find(window, "عزيز أخنوش")
    second = find(window, "رئيس الحكومة")
    label(qtbot, window, *second, "T")
    label(qtbot, window, *first, "P")
    view = window.text_view
    spans = {(s.start, s.end): s.id for s in window.spans.values()}
    assert view.current_span == spans[first]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.current_span == spans[second]
    assert window.span_list.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert view.current_span == spans[first]


def test_arabic_keyboard_layout_keys_label_too(qtbot, window):
    start, end = find(window, "عزيز أخنوش")
    view = window.text_view
    view.select_range(start, end)
    # What X11 sends for the key printed P when the analyst types Arabic.
    press = QKeyEvent(QEvent.Type.KeyPress, 0x062D, Qt.KeyboardModifier.NoModifier, "ح")
    QApplication.sendEvent(view, press)
    assert db_spans(window) == [(start, end, "PERSON")]


def test_clicking_a_span_selects_it_and_shows_it_in_the_list(qtbot, window):
    from gui_helpers import click_span

    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    person = next(s.id for s in window.spans.values() if s.label == "PERSON")
    click_span(qtbot, window, person)
    assert window.text_view.current_span == person
    assert window.span_list.currentIndex().row() == 0
