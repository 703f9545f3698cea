"""The store: migrations, versions, transactions, search, and undoable actions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.actions import (
    AddRelation,
    AddSpan,
    Batch,
    DeleteRelation,
    DeleteSpan,
    History,
    SetAttribute,
    SetBounds,
    SetLabel,
    SetStatus,
)
from annotator.core.errors import ActionError, SchemaVersionError, StoreError
from annotator.core.store import Store
from annotator.core.store.migrations import LATEST
from tests.conftest import insert_article

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا"


def snapshot(store: Store) -> list[tuple]:
    """Every label row; a layer's updated_at is left out since redo happens at a new time."""
    queries = (
        "SELECT * FROM spans",
        "SELECT * FROM span_attributes",
        "SELECT * FROM relations",
        "SELECT article_id, annotator_id, status, comment, text_sha256 FROM layers",
    )
    return [tuple(store.conn.execute(f"{q} ORDER BY 1, 2").fetchall()) for q in queries]


def test_new_database_is_wal_with_foreign_keys_and_current_version(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaVersionError, match="newer version"):
        Store(path)
    assert path.read_bytes() == before


def test_folder_and_non_database_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x89PNG not a database at all")
    with pytest.raises(StoreError, match="not an SQLite database"):
        Store(junk)


def test_failed_write_rolls_back_everything(store: Store) -> None:
    insert_article(store, "a1", TEXT)

    def write_then_fail() -> None:
        with store.write():
            store.conn.execute(
                'INSERT INTO spans (article_id, annotator_id, start, "end", label) '
                "VALUES (?, ?, 0, 3, ?)",
                ["a1", store.annotator_id("amina"), "PERSON"],
            )
            raise RuntimeError("crash in the middle")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert store.spans("a1") == []


def test_search_ignores_diacritics(sample_store: Store) -> None:
    assert sample_store.search("شكل") == ["000_df08c50dd71f35aa"]
    assert sample_store.search("شَكَّل") == ["000_df08c50dd71f35aa"]
    assert sample_store.search("اخنوش")  # written أخنوش


def test_every_action_undoes_and_redoes_exactly(store: Store) -> None:
    insert_article(store, "a1", TEXT)
    history = History(store)
    states = [snapshot(store)]
    person = history.do(AddSpan("a1", "amina", 4, 14, "PERSON")).span_ids[0]
    states.append(snapshot(store))
    measure = history.do(AddSpan("a1", "amina", 30, 37, "MEASURE")).span_ids[0]
    states.append(snapshot(store))
    for action in (
        SetAttribute(measure, "status", "decided"),
        SetAttribute(measure, "status", "in_force"),
        AddRelation("ISSUED_BY", measure, person),
        SetLabel(person, "ORG"),
        SetBounds(person, 4, 8),
        SetStatus("a1", "amina", "done", "ok"),
        DeleteSpan(person),
    ):
        history.do(action)
        states.append(snapshot(store))
    for expected in reversed(states[:-1]):
        history.undo()
        assert snapshot(store) == expected
    for expected in states[1:]:
        history.redo()
        assert snapshot(store) == expected


def test_delete_relation_and_batch_undo_as_one_step(store: Store) -> None:
    insert_article(store, "a1", TEXT)
    history = History(store)
    before = snapshot(store)
    change = history.do(
        Batch([AddSpan("a1", "amina", 4, 14, "PERSON"), AddSpan("a1", "amina", 16, 28, "TITLE")])
    )
    person, title = change.span_ids
    relation = history.do(AddRelation("HAS_TITLE", person, title)).relation_ids[0]
    history.do(DeleteRelation(relation))
    assert store.relations("a1") == []
    history.undo()
    assert len(store.relations("a1")) == 1
    history.undo()
    history.undo()
    assert snapshot(store) == before


def test_invalid_actions_are_refused_without_writing(store: Store) -> None:
    insert_article(store, "a1", TEXT)
    with pytest.raises(ActionError, match="unknown label"):
        AddSpan("a1", "amina", 0, 3, "ANIMAL").apply(store)
    with pytest.raises(ActionError, match="outside the text"):
        AddSpan("a1", "amina", 0, 999, "PERSON").apply(store)
    person = AddSpan("a1", "amina", 4, 14, "PERSON").apply(store).span_ids[0]
    title = AddSpan("a1", "amina", 16, 28, "TITLE").apply(store).span_ids[0]
    with pytest.raises(ActionError, match="cannot link"):
        AddRelation("HAS_TITLE", title, person).apply(store)
    with pytest.raises(ActionError, match="no attribute"):
        SetAttribute(person, "status", "decided").apply(store)
    assert len(store.spans("a1")) == 2
    assert store.relations("a1") == []


def test_every_action_is_logged(store: Store) -> None:
    insert_article(store, "a1", TEXT)
    AddSpan("a1", "amina", 4, 14, "PERSON").apply(store)
    kinds = [r[0] for r in store.conn.execute("SELECT kind FROM actions")]
    assert kinds == ["AddSpan"]


def test_old_database_is_backed_up_before_migrating(tmp_path: Path, monkeypatch) -> None:
    from annotator.core.store import migrations
    from annotator.core.store import sqlite as store_module

    path = tmp_path / "old.db"
    Store(path).close()

    # Pretend a second migration shipped after this database was written.
    later = migrations.Migration("m999_test_column", "ALTER TABLE articles ADD COLUMN extra TEXT;")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, later])
    monkeypatch.setattr(store_module, "LATEST", LATEST + 1)
    with Store(path) as migrated:
        columns = [r[1] for r in migrated.conn.execute("PRAGMA table_info(articles)")]
        assert "extra" in columns
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST + 1
    assert (tmp_path / f"old.db.v{LATEST}.bak").exists()


def test_redo_after_an_import_reuses_no_id(store: Store, tmp_path: Path) -> None:
    """An undone span's id stays free, so redo works even after an import added spans."""
    from annotator.core.formats.importers import import_paths

    insert_article(store, "a1", TEXT)
    history = History(store)
    history.do(AddSpan("a1", "amina", 4, 14, "PERSON"))
    history.undo()
    line = (
        '{"id": "a1", "text": "' + TEXT + '", "annotator": "karim", '
        '"spans": [{"start": 16, "end": 28, "label": "TITLE"}]}\n'
    )
    (tmp_path / "k.jsonl").write_text(line, encoding="utf-8")
    assert not import_paths(store, [tmp_path / "k.jsonl"]).errors
    history.redo()
    assert sorted((s.annotator, s.label) for s in store.spans("a1")) == [
        ("amina", "PERSON"),
        ("karim", "TITLE"),
    ]
