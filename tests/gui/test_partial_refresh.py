"""After a label action the window updates only the spans it touched; what it then shows
must be exactly what reloading the whole article shows."""

from __future__ import annotations

import pytest
from conftest import ANALYST, FIRST
from gui_helpers import find, label
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from annotator.core.actions import AddRelation, AddSpan, Batch, SetAttribute
from annotator.core.models import Span
from annotator.core.store import Store
from annotator.core.text.offsets import Utf16Map
from annotator.gui.dialogs import ErrorDialog
from annotator.gui.main_window import PARTIAL_MAX, MainWindow
from annotator.gui.relation_list import RELATION_ID_ROLE
from annotator.gui.span_layers import SpanLayers
from annotator.gui.span_list import SPAN_ID_ROLE, SpanListModel
from annotator.gui.uniform_list import UniformListView

UNDO = ("z", Qt.KeyboardModifier.ControlModifier)
REDO = ("y", Qt.KeyboardModifier.ControlModifier)


def _state(window: MainWindow) -> dict[str, object]:
    """Everything the span views show or hit-test against."""
    view, layers = window.text_view, window.text_view.layers
    document = view.document()
    model = window.span_list.model()
    relations = window.relation_list
    return {
        "spans": dict(window.spans),
        "labeller sees the window's spans": window.labeller.spans is window.spans,
        "relations": list(window.relations),
        "view spans": dict(layers.spans),
        "reading order": list(layers.order),
        "lanes": dict(layers.lanes),
        "line extra": layers.line_extra(),
        "utf16": dict(layers.u16),
        "segments": [
            (s.span_id, s.lane_rect.getRect(), s.text_rect.getRect())
            for s in layers.segments(document, 0, document.size().height())
        ],
        "view relations": list(view.relations),
        "current span": view.current_span,
        "list rows": [
            (model.index(row).data(SPAN_ID_ROLE), model.index(row).data())
            for row in range(model.rowCount())
        ],
        "list current": window.span_list.currentIndex().data(SPAN_ID_ROLE),
        "relation rows": [
            (relations.item(row).data(RELATION_ID_ROLE), relations.item(row).text())
            for row in range(relations.count())
        ],
        "attribute editor": window.attribute_editor.span,
    }


def _assert_as_reloaded(window: MainWindow) -> None:
    partial = _state(window)
    MainWindow.load_spans(window)  # the full reload, past the spy below
    assert partial == _state(window)


@pytest.fixture
def reloads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full reloads of the article, to tell the partial path was the one taken."""
    calls: list[int] = []

    def load_spans() -> None:
        calls.append(1)
        MainWindow.load_spans(window)

    monkeypatch.setattr(window, "load_spans", load_spans)
    return calls


def _span_id(window: MainWindow, text: str) -> int:
    for span in window.spans.values():
        if window.article is not None and window.article.text[span.start : span.end] == text:
            return span.id
    raise AssertionError(f"no span {text!r}")


def test_add_relabel_nest_link_delete_undo_redo_show_what_a_reload_shows(qtbot, window, reloads):
    view = window.text_view
    steps = []

    def step(name: str) -> None:
        steps.append(name)
        _assert_as_reloaded(window)

    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    step("add")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    step("add a second")
    qtbot.keyClick(view, "O")
    step("relabel the selected span")
    qtbot.keyClick(view, "T")
    step("relabel it back")
    start, _ = find(window, "عزيز أخنوش")
    _, end = find(window, "رئيس الحكومة")
    label(qtbot, window, start, end, "O", Qt.KeyboardModifier.AltModifier)
    step("an outer span: both inner spans move to another lane")
    assert len(set(view.layers.lanes.values())) == 2
    person, title = _span_id(window, "عزيز أخنوش"), _span_id(window, "رئيس الحكومة")
    window.select_span(person)
    qtbot.keyClick(view, "E")
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the next span in reading order: the title
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [(r.head, r.tail) for r in window.relations] == [(person, title)]
    step("a relation")
    window.select_span(title)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.relations == []
    step("delete a span with its relation")
    label(qtbot, window, *find(window, "التدابير الاحترازية"), "M")
    measure = _span_id(window, "التدابير الاحترازية")
    window.run(SetAttribute(measure, "category", "health"), "set attribute")
    assert window.attribute_editor.span == window.spans[measure]
    step("an attribute")
    for count in range(9):
        qtbot.keyClick(view, *UNDO)
        step(f"undo {count + 1}")
    assert window.spans == {}
    for count in range(9):
        qtbot.keyClick(view, *REDO)
        step(f"redo {count + 1}")
    assert title not in window.spans
    assert window.spans[measure].attributes == {"category": "health"}
    assert len(steps) == 26
    assert reloads == []  # every step above took the partial path


def test_undo_of_a_delete_brings_back_its_relation_in_every_view(qtbot, window, reloads):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    person, title = _span_id(window, "عزيز أخنوش"), _span_id(window, "رئيس الحكومة")
    window.select_span(person)
    qtbot.keyClick(window.text_view, "E")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)
    assert [(r.head, r.tail) for r in window.relations] == [(person, title)]
    window.select_span(person)
    qtbot.keyClick(window.text_view, Qt.Key.Key_Delete)
    assert window.relation_list.count() == 0
    assert window.text_view.current_span == 0
    window.undo_stack.undo()
    assert window.relation_list.count() == 1
    assert window.span_list.model().rowCount() == 2
    _assert_as_reloaded(window)
    assert reloads == []


def test_undo_of_a_span_another_process_linked_a_relation_to_is_refused_and_views_hold(
    qtbot, window, reloads, db_path, monkeypatch
):
    """Undoing the title would take the other process's relation with it (SQLite deletes
    it with the span): the undo is refused, and the views still show what a reload shows."""
    shown: list[list[str]] = []
    monkeypatch.setattr(
        ErrorDialog, "ask", classmethod(lambda cls, p, t, m, lines: shown.append(lines))
    )
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    person, title = _span_id(window, "عزيز أخنوش"), _span_id(window, "رئيس الحكومة")
    with Store(db_path) as other:
        AddRelation("HAS_TITLE", person, title).apply(other)
    qtbot.waitUntil(lambda: len(window.relations) == 1, timeout=3000)
    window.undo_stack.undo()
    assert len(shown) == 1
    assert "changed by someone else" in shown[0][0]
    assert set(window.spans) == {person, title}
    assert len(window.relations) == 1
    assert window.relation_list.count() == 1
    _assert_as_reloaded(window)


def test_lanes_are_measured_again_after_zoom_and_resize(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "المؤسسات العمومية"), "O")
    _assert_as_reloaded(window)
    window.zoom(6)
    _assert_as_reloaded(window)
    window.resize(900, 700)
    qtbot.waitUntil(lambda: window.text_view.width() < 700)
    _assert_as_reloaded(window)


def test_a_large_batch_reloads_the_article(qtbot, window, reloads):
    assert window.article is not None
    text = window.article.text
    starts = [i for i in range(len(text) - 1) if text[i] != " " and text[i - 1] == " "]
    adds = [
        AddSpan(FIRST, ANALYST, start, start + 1, "PERSON") for start in starts[: PARTIAL_MAX + 1]
    ]
    assert window.run(Batch(adds), "batch")
    assert reloads == [1]
    assert len(window.spans) == PARTIAL_MAX + 1
    _assert_as_reloaded(window)
    small = [AddSpan(FIRST, ANALYST, 0, 3, "ORG"), AddSpan(FIRST, ANALYST, 0, 8, "TITLE")]
    assert window.run(Batch(small), "small batch")
    assert reloads == [1]  # a small batch takes the partial path
    _assert_as_reloaded(window)


def test_an_action_on_another_annotators_layer_leaves_the_views_alone(qtbot, window, reloads):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    before = _state(window)
    start, end = find(window, "رئيس الحكومة")
    assert window.run(AddSpan(FIRST, "someone else", start, end, "TITLE"), "add")
    assert _state(window) == before
    assert reloads == []


# -- the pieces, on their own ----------------------------------------------------------

TEXT = "alpha beta gamma\ndelta epsilon\n\nzeta eta theta iota kappa\nlambda"


def _span(span_id: int, start: int, end: int, label: str = "PERSON") -> Span:
    return Span(span_id, "a", ANALYST, start, end, label)


spans_strategy = st.lists(
    st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 20), st.sampled_from("PTO")),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(
    first=spans_strategy,
    steps=st.lists(
        st.tuples(st.sampled_from(["add", "delete", "move", "relabel"]), st.integers(0, 99)),
        max_size=12,
    ),
    added=spans_strategy,
)
def test_span_layers_update_equals_set_spans(qapp, first, steps, added):
    document = QTextDocument()
    document.setPlainText(TEXT)
    offsets = Utf16Map(TEXT)
    current = {
        i + 1: _span(i + 1, start, min(start + length, len(TEXT)))
        for i, (start, length, _) in enumerate(first)
    }
    layers = SpanLayers()
    layers.set_spans(list(current.values()), document, offsets)
    fresh = iter(added)
    next_id = 1000
    for kind, pick in steps:
        changed, removed = [], []
        ids = sorted(current)
        if kind == "add" or not ids:
            start, length, _ = next(fresh, (pick % len(TEXT), 3, "P"))
            next_id += 1
            changed.append(_span(next_id, start, min(start + length, len(TEXT))))
        elif kind == "delete":
            removed.append(ids[pick % len(ids)])
        else:
            old = current[ids[pick % len(ids)]]
            if kind == "move":
                start = (old.start + pick) % (len(TEXT) - 1)
                changed.append(_span(old.id, start, min(start + 1 + pick % 9, len(TEXT))))
            else:
                changed.append(_span(old.id, old.start, old.end, "ORG"))
        for span_id in removed:
            del current[span_id]
        current.update((s.id, s) for s in changed)
        layers.update(changed, removed, offsets)
        whole = SpanLayers()
        whole.set_spans(list(current.values()), document, offsets)
        assert layers.spans == whole.spans
        assert layers.order == whole.order
        assert layers.lanes == whole.lanes
        assert layers.u16 == whole.u16
        height = document.size().height()
        assert [s.span_id for s in layers.segments(document, 0, height)] == [
            s.span_id for s in whole.segments(document, 0, height)
        ]


def test_span_list_model_passes_the_model_tester_through_updates(qtmodeltester, window):
    model = SpanListModel(window.names)
    model.set_spans(TEXT, [_span(1, 0, 5), _span(2, 6, 10), _span(3, 0, 16)])
    qtmodeltester.check(model, force_py=True)
    model.update([_span(4, 11, 16), _span(2, 6, 10, "TITLE")], [1])
    model.update([_span(3, 17, 22)], [])  # moves: a removal and an insertion
    ids = [model.index(row).data(SPAN_ID_ROLE) for row in range(model.rowCount())]
    assert ids == [2, 4, 3]
    assert model.index(0).data().startswith(window.names.label("TITLE"))
    assert model.row_of(4) == 1
    assert model.row_of(1) == -1
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable


def test_a_changed_row_of_a_uniform_list_is_repainted_alone(qtbot):
    view = UniformListView()
    qtbot.addWidget(view)
    model = QStringListModel([f"article {i}" for i in range(30)])
    view.setModel(model)
    view.resize(200, 300)
    painted: list[QRect] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.rect())
            return False

    paints = Paints(view)
    view.viewport().installEventFilter(paints)
    view.show()
    qtbot.waitUntil(lambda: bool(painted))
    QApplication.processEvents()  # the first layout's own repaints
    painted.clear()
    model.setData(model.index(3), "article 3, 12 spans")
    qtbot.waitUntil(lambda: bool(painted))
    assert painted == [view.visualRect(model.index(3))]
