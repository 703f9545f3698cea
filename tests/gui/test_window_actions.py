"""Undo/redo, attributes, relations and workflow status, driven from the window."""

from __future__ import annotations

from conftest import ANALYST, FIRST
from gui_helpers import click_span, db_spans, find, label, type_text
from PySide6.QtCore import Qt

from annotator.gui.dialogs import RelationTypeMenu


def _rows(window) -> dict[str, list[tuple]]:
    """Everything the analyst's actions can change, straight from SQLite."""
    conn = window.store.conn
    return {
        "spans": conn.execute('SELECT id, start, "end", label FROM spans ORDER BY id').fetchall(),
        "attributes": conn.execute("SELECT * FROM span_attributes ORDER BY 1, 2").fetchall(),
        "relations": conn.execute(
            "SELECT id, type, head, tail FROM relations ORDER BY id"
        ).fetchall(),
        "layers": conn.execute(
            "SELECT article_id, status FROM layers ORDER BY article_id"
        ).fetchall(),
    }


def _span_id(window, text: str) -> int:
    for span in window.spans.values():
        if window.article.text[span.start : span.end] == text:
            return span.id
    raise AssertionError(f"no span {text!r}")


def test_undo_and_redo_restore_the_database(qtbot, window):
    before = _rows(window)
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    qtbot.keyClick(window.text_view, "O")  # relabel the title
    qtbot.keyClick(window.text_view, Qt.Key.Key_Delete)
    after = _rows(window)
    states = [after]
    for _ in range(4):
        qtbot.keyClick(window.text_view, "z", Qt.KeyboardModifier.ControlModifier)
        states.append(_rows(window))
    assert states[-1] == before
    assert db_spans(window) == []
    for _ in range(4):
        qtbot.keyClick(
            window.text_view,
            "z",
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert _rows(window) == after
    qtbot.keyClick(window.text_view, "z", Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.text_view, "y", Qt.KeyboardModifier.ControlModifier)
    assert _rows(window) == after


def test_measure_attributes_are_saved_at_once(qtbot, window):
    label(qtbot, window, *find(window, "جواز التلقيح"), "M")
    editor = window.attribute_editor
    assert editor.isEnabled()
    category = editor.findChild(type(editor.editors["category"]), "attribute_category")
    category.setFocus()
    qtbot.keyClick(category, Qt.Key.Key_Down)  # "—" -> health
    note = editor.editors["note"]
    note.setFocus()
    type_text(note, "<b>يطبق</b> على الموظفين")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    (span,) = window.store.spans(FIRST, ANALYST)
    assert span.attributes == {"category": "health", "note": "<b>يطبق</b> على الموظفين"}
    # Undo goes back through the attribute changes too.
    window.undo_stack.undo()
    assert window.store.spans(FIRST, ANALYST)[0].attributes == {"category": "health"}


def test_attribute_editor_is_empty_for_labels_without_attributes(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    assert not window.attribute_editor.isEnabled()
    assert window.attribute_editor.editors == {}


def test_relation_by_e_then_click_then_type(qtbot, window, monkeypatch):
    label(qtbot, window, *find(window, "المؤسسات العمومية"), "O")
    label(qtbot, window, *find(window, "التدابير الاحترازية"), "M")
    measure, org = _span_id(window, "التدابير الاحترازية"), _span_id(window, "المؤسسات العمومية")
    offered = []

    def choose(cls, parent, choices, at):
        offered.extend(name for name, _shown in choices)
        return "TARGETS"

    monkeypatch.setattr(RelationTypeMenu, "ask", classmethod(choose))
    qtbot.keyClick(window.text_view, "E")
    click_span(qtbot, window, org)
    assert offered == ["ISSUED_BY", "TARGETS"]  # only what the schema allows MEASURE -> ORG
    (relation,) = window.store.relations(FIRST, ANALYST)
    assert (relation.type, relation.head, relation.tail) == ("TARGETS", measure, org)
    assert window.relation_list.count() == 1
    assert window.text_view.current_span == measure


def test_relation_is_highlighted_on_hover_and_deleted_from_the_list(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "رئيس الحكومة"), "T")
    person, title = _span_id(window, "عزيز أخنوش"), _span_id(window, "رئيس الحكومة")
    window.select_span(person)
    qtbot.keyClick(window.text_view, "E")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Tab)  # the target by keyboard
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return)  # one type allowed: HAS_TITLE
    (relation,) = window.store.relations(FIRST, ANALYST)
    assert (relation.type, relation.head, relation.tail) == ("HAS_TITLE", person, title)

    relations = window.relation_list
    relations.setFocus()
    relations.setCurrentRow(0)
    assert window.text_view.marked == {person, title}
    qtbot.keyClick(relations, Qt.Key.Key_Delete)
    assert window.store.relations(FIRST, ANALYST) == []
    assert relations.count() == 0


def test_no_relation_offered_where_the_schema_allows_none(qtbot, window, monkeypatch):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    label(qtbot, window, *find(window, "المملكة"), "L")
    monkeypatch.setattr(RelationTypeMenu, "ask", classmethod(lambda *a: pytest_fail()))
    window.select_span(_span_id(window, "عزيز أخنوش"))
    qtbot.keyClick(window.text_view, "E")
    click_span(qtbot, window, _span_id(window, "المملكة"))
    assert window.store.relations(FIRST, ANALYST) == []
    assert "No relation" in window.statusBar().currentMessage()


def pytest_fail():
    raise AssertionError("no menu should open")


def test_ctrl_enter_marks_done_and_opens_the_next_article(qtbot, window):
    label(qtbot, window, *find(window, "عزيز أخنوش"), "P")
    qtbot.keyClick(window.text_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.layer(FIRST, ANALYST).status == "done"
    assert window.article.id == "001_3fd0202d721c1fee"
    row = window.list_model.row_of(FIRST)
    assert window.list_model.index(row).data(Qt.ItemDataRole.UserRole + 2) == "done"
    window.undo_stack.undo()
    assert window.store.layer(FIRST, ANALYST).status == "in_progress"


def test_another_process_changing_the_database_is_shown(qtbot, window, db_path):
    from annotator.core.actions import AddSpan
    from annotator.core.store import Store

    start, end = find(window, "عزيز أخنوش")
    with Store(db_path) as other:
        AddSpan(FIRST, ANALYST, start, end, "PERSON").apply(other)
    qtbot.waitUntil(lambda: len(window.spans) == 1, timeout=3000)
    assert window.span_list.model().rowCount() == 1
