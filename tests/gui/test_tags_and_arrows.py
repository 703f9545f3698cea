"""Labels and relations visible on the text without hovering: a tag at the start of each
span's lane, an arrow for every relation, both switched from the View menu."""

from __future__ import annotations

import pytest
from conftest import FIRST
from gui_helpers import find, label
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from annotator.core.actions import AddRelation, AddSpan
from annotator.gui import text_view as text_view_module
from annotator.gui.app import Language
from annotator.gui.main_window import MainWindow
from annotator.gui.span_layers import LANE_THICKNESS
from annotator.gui.span_tags import CROWDED_ROW, TAG_ROW


@pytest.fixture
def related(qtbot: QtBot, window: MainWindow) -> tuple[int, int, int]:
    """أخنوش HAS_TITLE رئيس الحكومة, لفتيت HAS_TITLE وزير الداخلية."""
    ids = []
    for needle, key in (
        ("عزيز أخنوش", "P"),
        ("رئيس الحكومة", "T"),
        ("عبد الوافي لفتيت", "P"),
        ("وزير الداخلية", "T"),
    ):
        label(qtbot, window, *find(window, needle), key)
        ids.append(window.text_view.current_span)
    AddRelation("HAS_TITLE", ids[0], ids[1]).apply(window.store)
    AddRelation("HAS_TITLE", ids[2], ids[3]).apply(window.store)
    window.load_spans()
    return ids[0], ids[1], ids[2]


def test_tags_are_on_by_default_and_the_view_menu_switches_them(
    qtbot: QtBot, qapp, window: MainWindow, settings: QSettings
) -> None:
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    view = window.text_view
    assert window.menus.tags_action.isChecked()
    view.viewport().repaint()
    (segment,) = view.segments_of(view.current_span)
    assert segment.lane_rect.height() == TAG_ROW
    assert segment.first
    window.menus.tags_action.trigger()
    view.viewport().repaint()
    (segment,) = view.segments_of(view.current_span)
    assert segment.lane_rect.height() == LANE_THICKNESS
    window.close()
    again = MainWindow(window.store, settings=settings, language=Language(qapp))
    qtbot.addWidget(again)
    assert not again.text_view.show_tags  # remembered
    assert not again.menus.tags_action.isChecked()


def test_tags_collapse_to_key_letters_when_lanes_are_crowded(window: MainWindow) -> None:
    assert window.article is not None
    for needle in (
        "الوزيرة المنتدبة لدى رئيس الحكومة المكلفة",
        "المنتدبة لدى رئيس الحكومة",
        "لدى رئيس الحكومة",
        "رئيس الحكومة",
    ):
        start, end = find(window, needle, 1 if needle == "رئيس الحكومة" else 0)
        AddSpan(window.article.id, "amina", start, end, "TITLE").apply(window.store)
    window.load_spans()
    view = window.text_view
    view.viewport().repaint()
    assert view.layers.geometry.row == TAG_ROW  # four deep: names still
    start, end = find(window, "الحكومة", 1)
    AddSpan(window.article.id, "amina", start, end, "ORG").apply(window.store)
    window.load_spans()
    view.viewport().repaint()
    assert view.layers.lane_count == 5
    assert view.layers.geometry.row == CROWDED_ROW


def test_every_relation_gets_an_arrow_and_without_arrows_only_the_selected_one(
    qtbot: QtBot, window: MainWindow, related: tuple[int, int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[list[tuple[int, int]]] = []
    real = text_view_module.paint_arrows

    def record(painter, ends, relations, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(
            sorted((r.head, r.tail) for r in relations if r.head in ends and r.tail in ends)
        )
        return real(painter, ends, relations, *args, **kwargs)

    monkeypatch.setattr(text_view_module, "paint_arrows", record)
    view = window.text_view
    window.select_span(0)
    view.viewport().repaint()
    assert len(drawn[-1]) == 2  # both relations, nothing selected
    window.menus.arrows_action.trigger()
    assert not view.show_arrows
    view.viewport().repaint()
    head = related[0]
    window.select_span(head)
    drawn.clear()
    view.viewport().repaint()
    assert [pair[0] for pair in drawn[-1]] == [head]  # only the selected span's


def test_the_article_stays_right_to_left_and_tags_follow_the_interface_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.text_view.tags is not None
    assert window.text_view.tags.measure("ORG")[0] == "Institution"
    window.switch_language("ar")
    assert window.text_view.tags.measure("ORG")[0] == "مؤسسة"
    assert window.article is not None
    assert window.article.id == FIRST
