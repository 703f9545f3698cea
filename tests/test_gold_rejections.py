"""Gold's record of places where neither layer was right: migrated into older files,
undone exactly, and part of the gold layer's history."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.actions import History
from annotator.core.models import GOLD
from annotator.core.review.adjudication import Reject, Unreject
from annotator.core.review.disagreements import rejections
from annotator.core.store import Store
from tests.conftest import insert_article


def test_a_version_1_database_gains_the_table_and_keeps_its_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.core.store import migrations
    from annotator.core.store import sqlite as store_module

    path = tmp_path / "v1.db"
    with monkeypatch.context() as old:
        old.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        old.setattr(store_module, "LATEST", 1)
        with Store(path) as store:
            insert_article(store, "a1", "عقد عزيز أخنوش اجتماعا")
            with store.write():  # a label as that version wrote it (today's actions write
                # the layer's version, a later column)
                store.execute("INSERT INTO annotators (id, name) VALUES (1, 'amina')")
                store.execute(
                    'INSERT INTO spans (article_id, annotator_id, start, "end", label) '
                    "VALUES ('a1', 1, 4, 14, 'PERSON')"
                )
            tables = {r[0] for r in store.execute("SELECT name FROM sqlite_master")}
            assert "gold_rejections" not in tables

    with Store(path) as store:
        assert store.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        assert [(s.start, s.end) for s in store.spans("a1", "amina")] == [(4, 14)]
        assert rejections(store, "a1") == frozenset()
    assert (tmp_path / "v1.db.v1.bak").exists()


def test_reject_and_unreject_undo_only_what_they_did(store: Store) -> None:
    insert_article(store, "a1", "عقد عزيز أخنوش اجتماعا")
    history = History(store)
    history.do(Reject("a1", ("span 4 14 PERSON",)))
    history.do(Reject("a1", ("span 4 14 PERSON", "span 0 3 ORG")))  # one is there already
    assert rejections(store, "a1") == {"span 4 14 PERSON", "span 0 3 ORG"}
    history.undo()
    assert rejections(store, "a1") == {"span 4 14 PERSON"}
    history.do(Unreject("a1", ("span 4 14 PERSON",)))
    assert rejections(store, "a1") == frozenset()
    history.undo()
    assert rejections(store, "a1") == {"span 4 14 PERSON"}
    assert store.layer("a1", GOLD).status == "in_progress"  # a change to the gold layer
    history.undo()
    assert rejections(store, "a1") == frozenset()
    assert store.layer("a1", GOLD).status == "new"
