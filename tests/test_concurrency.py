"""Two processes writing one database: nobody sees "database is locked", no write is lost,
and a connection notices another process's commits (PRAGMA data_version)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from annotator.core.actions import AddSpan
from annotator.core.errors import StoreError
from annotator.core.store import Store
from annotator.core.store import sqlite as store_module
from tests.conftest import insert_article
from tests.label_worker import (
    ARTICLE_IDS,
    ARTICLE_TEXT,
    History,
    Labels,
    apply_intent,
    read_labels,
)
from tests.test_crash_safety import WORKER, child_env

ARTICLES_PER_FILE = 40_000


def article_file(path: Path, prefix: str, count: int) -> Path:
    path.write_bytes(
        b"".join(
            orjson.dumps({"id": f"{prefix}{i}", "text": f"خبر {prefix} {i} {ARTICLE_TEXT}"}) + b"\n"
            for i in range(count)
        )
    )
    return path


def cli_import(db: Path, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )


def labelled_articles(db: Path) -> Path:
    with Store(db) as store:
        for article_id in ARTICLE_IDS:
            insert_article(store, article_id, ARTICLE_TEXT)
    return db


def acknowledged_labels(log: bytes) -> tuple[Labels, int]:
    """The labels a worker's log promised as saved, and how many actions that was."""
    expected, history, intents, acked = Labels(), History(), {}, 0
    for line in log.splitlines():
        message = orjson.loads(line)
        if "intent" in message:
            intents[message["n"]] = message["intent"]
        else:
            expected = apply_intent(expected, intents[message["n"]], history)
            acked += 1
    return expected, acked


def test_labelling_while_a_cli_import_runs_loses_nothing_and_never_says_locked(
    tmp_path: Path,
) -> None:
    db = labelled_articles(tmp_path / "shared.db")
    batch = article_file(tmp_path / "batch.jsonl", "n", ARTICLES_PER_FILE)
    log, stop = tmp_path / "labeller.log", tmp_path / "stop"
    with log.open("wb") as out:
        # The labeller runs from before the import starts until after it ends.
        labeller = subprocess.Popen(
            [sys.executable, str(WORKER), str(db), "7", "50", str(stop)],
            stdout=out,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        while b'"ack"' not in log.read_bytes():
            assert labeller.poll() is None, labeller.stderr.read().decode()
            time.sleep(0.01)
        importer = cli_import(db, batch)
        import_out, import_err = importer.communicate()
        acked_during_import = log.read_bytes().count(b'"ack"')
        stop.touch()
        _out, labeller_err = labeller.communicate()

    assert labeller.returncode == 0, labeller_err.decode()
    assert importer.returncode == 0, import_err.decode()
    assert b"locked" not in labeller_err + import_err
    assert b"1 file(s) imported: 40000 new article(s)" in import_out
    expected, acked = acknowledged_labels(log.read_bytes())
    assert acked >= 50
    assert acked_during_import > 1
    slowest = max(orjson.loads(line).get("ms", 0) for line in log.read_bytes().splitlines())
    print(
        f"\n{acked} label actions, {acked_during_import} of them while the import ran; "
        f"the slowest took {slowest:.0f} ms"
    )
    conn = sqlite3.connect(db)
    try:
        assert read_labels(conn) == expected  # every acknowledged action, nothing else
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with Store(db) as store:
        assert store.article_count() == 5 + ARTICLES_PER_FILE


def test_two_cli_imports_at_once_both_arrive_whole(tmp_path: Path) -> None:
    db = labelled_articles(tmp_path / "shared.db")
    first = cli_import(db, article_file(tmp_path / "one.jsonl", "x", 15_000))
    second = cli_import(db, article_file(tmp_path / "two.jsonl", "y", 15_000))
    outcomes = [first.communicate(), second.communicate()]
    for process, (_out, err) in zip((first, second), outcomes, strict=True):
        assert process.returncode == 0, err.decode()
        assert b"locked" not in err
    with Store(db) as store:
        assert store.article_count() == 5 + 30_000
        assert store.integrity_check() == "ok"


def test_another_process_committing_changes_data_version_and_shows_its_work(
    tmp_path: Path,
) -> None:
    """What the window polls to refresh the list and the open article."""
    db = labelled_articles(tmp_path / "shared.db")
    with Store(db) as window:
        seen = window.data_version()
        AddSpan(ARTICLE_IDS[0], "amina", 4, 14, "PERSON").apply(window)
        assert window.data_version() == seen  # its own commits are not news to it

        importer = cli_import(db, article_file(tmp_path / "new.jsonl", "z", 3))
        assert importer.wait() == 0
        assert window.data_version() != seen
        assert window.article_count() == 8
        seen = window.data_version()

        labeller = subprocess.run(
            [sys.executable, str(WORKER), str(db), "3", "1"], capture_output=True, env=child_env()
        )
        assert labeller.returncode == 0, labeller.stderr.decode()
        assert window.data_version() != seen
        assert window.data_version() == window.data_version()  # stable until the next commit


def test_opening_the_database_while_another_process_writes_does_not_wait(tmp_path: Path) -> None:
    db = labelled_articles(tmp_path / "shared.db")
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO annotators (name) VALUES ('karim')")
        with Store(db) as store:  # opening and reading need no write lock
            assert store.article_count() == 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def count_begins(store: Store) -> list[str]:
    begins: list[str] = []
    store.conn.set_trace_callback(
        lambda sql: begins.append(sql) if sql.startswith("BEGIN") else None
    )
    return begins


def test_a_stale_read_snapshot_is_retried_instead_of_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite answers SQLITE_BUSY at once (no busy_timeout wait) when a statement left open
    on the connection holds a snapshot older than another process's commit."""
    db = labelled_articles(tmp_path / "shared.db")
    with Store(db) as store, Store(db) as other:
        reading = store.conn.execute("SELECT id FROM articles")  # left open, as by a thread
        reading.fetchone()
        AddSpan(ARTICLE_IDS[1], "karim", 0, 3, "PERSON").apply(other)

        def reader_finishes(seconds: float) -> None:  # what the retry waits for
            reading.close()

        monkeypatch.setattr(store_module.time, "sleep", reader_finishes)
        begins = count_begins(store)
        AddSpan(ARTICLE_IDS[0], "amina", 4, 14, "PERSON").apply(store)
        assert begins == ["BEGIN IMMEDIATE", "BEGIN IMMEDIATE"]
        assert [s.annotator for s in store.spans(ARTICLE_IDS[0])] == ["amina"]


def test_a_lock_held_past_busy_timeout_is_reported_plainly_and_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = labelled_articles(tmp_path / "shared.db")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db, isolation_level=None)
    with Store(db) as store:
        holder.execute("BEGIN IMMEDIATE")  # e.g. a stuck program holding the write lock
        begins = count_begins(store)
        try:
            with pytest.raises(StoreError, match="busy") as caught:
                AddSpan(ARTICLE_IDS[0], "amina", 4, 14, "PERSON").apply(store)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert "locked" not in str(caught.value)
        assert "nothing of this change was saved" in str(caught.value)
        assert begins == ["BEGIN IMMEDIATE"]  # the window froze once, not four times
        AddSpan(ARTICLE_IDS[0], "amina", 4, 14, "PERSON").apply(store)  # and goes on
        assert len(store.spans(ARTICLE_IDS[0])) == 1
