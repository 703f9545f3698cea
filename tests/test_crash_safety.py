"""Killing the program never loses an acknowledged label or leaves half an action behind.

A labelling process (tests/label_worker.py) applies 1,000 random label actions through the
core and acknowledges each commit on stdout; this test SIGKILLs it at random moments,
sometimes right after an acknowledgement, sometimes while the next action is in flight,
then checks the database against what was acknowledged.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from annotator.core.text.decode import frozen_sha256
from tests.conftest import insert_article
from tests.label_worker import ARTICLE_IDS, ARTICLE_TEXT, History, Labels, apply_intent, read_labels

REPO = Path(__file__).resolve().parents[1]
WORKER = REPO / "tests" / "label_worker.py"
TOTAL_ACTIONS = 1_000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}  # fmt: skip


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain connection: the database is inspected without the store's own repairs."""
    return sqlite3.connect(path, isolation_level=None)


def integrity(path: Path) -> str:
    conn = raw_connection(path)
    try:
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        assert problems == [], f"rows pointing at nothing: {problems}"
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def run_until_killed(
    db: Path, seed: int, actions: int, kill_after: int | None, in_flight: bool
) -> tuple[list[dict], dict | None]:
    """Run the worker; SIGKILL it after ``kill_after`` acknowledgements (and, if
    ``in_flight``, once it has announced the next action). Returns the acknowledged
    intents and the one in flight when it died (if any)."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(db), str(seed), str(actions)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    assert proc.stdout is not None
    acked: list[dict] = []
    pending: dict | None = None
    killed = False
    for raw in proc.stdout:
        if not raw.endswith(b"\n"):
            break  # a line cut by the kill was never a promise
        message = orjson.loads(raw)
        if "intent" in message:
            pending = message["intent"]
        else:
            assert pending is not None
            acked.append(pending)
            pending = None
        if kill_after is not None and len(acked) >= kill_after and not killed:
            if in_flight and pending is None:
                continue  # wait for the next action to start
            proc.send_signal(signal.SIGKILL)
            killed = True
    code = proc.wait()  # reaped: the store's check for dead importers sees it gone
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if not killed:
        assert code == 0, stderr
    return acked, pending


def test_killing_the_labeller_at_random_moments_loses_no_acknowledged_action(
    tmp_path: Path,
) -> None:
    db = tmp_path / "labels.db"
    with Store(db) as store:
        for article_id in ARTICLE_IDS:
            insert_article(store, article_id, ARTICLE_TEXT)
    rng = random.Random(20240607)
    expected = Labels()
    done = 0
    runs = 0
    in_flight_committed = 0
    while done < TOTAL_ACTIONS:
        remaining = TOTAL_ACTIONS - done
        last = remaining <= 60
        kill_after = None if last else rng.randint(10, min(220, remaining - 1))
        acked, pending = run_until_killed(
            db, rng.randrange(2**32), remaining, kill_after, in_flight=runs % 2 == 1
        )
        runs += 1
        history = History()  # undo stacks die with the process
        for intent in acked:
            expected = apply_intent(expected, intent, history)
        done += len(acked)

        assert integrity(db) == "ok"
        conn = raw_connection(db)
        try:
            found = read_labels(conn)
        finally:
            conn.close()
        if found != expected:
            # Only the action in flight may have committed, and then all of it.
            assert pending is not None, f"run {runs}: acknowledged work differs from the database"
            committed = apply_intent(expected, pending, history.copy())
            assert found == committed, f"run {runs}: half an action in the database: {pending}"
            expected = committed
            done += 1
            in_flight_committed += 1
        # The store opens the killed session's database as if nothing happened.
        with Store(db) as store:
            assert store.integrity_check() == "ok"
            assert len(store.spans(ARTICLE_IDS[0])) == sum(
                1 for s in expected.spans.values() if s[0] == ARTICLE_IDS[0]
            )
    print(
        f"\n{done} actions in {runs} runs, {runs - 1} kills; "
        f"{in_flight_committed} in-flight action(s) had committed before the kill"
    )
    assert done >= TOTAL_ACTIONS
    assert runs >= 5
    assert expected.actions == done  # every committed action logged exactly once


def test_killing_a_cli_import_midway_leaves_nothing_of_that_file(tmp_path: Path) -> None:
    db = tmp_path / "work.db"
    with Store(db) as store:
        insert_article(store, "kept", ARTICLE_TEXT)
    big = tmp_path / "big.jsonl"
    big.write_bytes(
        b"".join(
            orjson.dumps({"id": f"n{i}", "text": f"مقال رقم {i} {ARTICLE_TEXT}"}) + b"\n"
            for i in range(60_000)
        )
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    # Wait (on the database, not the clock) until some chunks are committed, then kill.
    watcher = raw_connection(db)
    watcher.execute("PRAGMA busy_timeout = 5000")
    try:
        while watcher.execute("SELECT count(*) FROM articles").fetchone()[0] < 1_500:
            assert proc.poll() is None, "the import ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        half = watcher.execute("SELECT count(*) FROM articles").fetchone()[0]
        state = watcher.execute("SELECT state FROM imports").fetchall()
    finally:
        watcher.close()
    assert state == [("running",)], "the kill came too late to test anything"
    assert half > 1

    with Store(db) as reopened:  # cleans what the dead import left
        assert reopened.article_ids() == ["kept"]
        assert reopened.integrity_check() == "ok"
    conn = raw_connection(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
    finally:
        conn.close()
    # The file imports whole afterwards.
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(big)],
        capture_output=True,
        env=child_env(),
    )
    assert done.returncode == 0, done.stderr.decode()
    with Store(db) as store:
        assert store.article_count() == 60_001


def test_an_import_cut_by_a_power_loss_is_cleaned_even_when_its_process_id_is_reused(
    tmp_path: Path,
) -> None:
    """After a reboot the dead import's process id may belong to another program: its rows
    must still be cleaned, or the file could never be imported again ("already there")."""
    if not Path("/proc/stat").exists():
        pytest.skip("the boot time comes from /proc (Linux)")
    db = tmp_path / "work.db"
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with Store(db) as store, store.write():
            store.conn.execute(
                "INSERT INTO imports (id, source, state, host, pid, started_at) "
                "VALUES (1, 'big.jsonl', 'running', ?, ?, ?)",
                [socket.gethostname(), stranger.pid, boot_time() - 30],
            )
            store.conn.execute(
                "INSERT INTO articles (id, text, text_sha256, title, created_at, import_id) "
                "VALUES ('ghost', ?, ?, '', 0, 1)",
                [ARTICLE_TEXT, frozen_sha256(ARTICLE_TEXT)],
            )
        with Store(db) as reopened:
            assert reopened.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
            big = tmp_path / "big.jsonl"
            big.write_bytes(orjson.dumps({"id": "ghost", "text": ARTICLE_TEXT}) + b"\n")
            assert not import_paths(reopened, [big]).errors
            assert reopened.article_ids() == ["ghost"]
    finally:
        stranger.kill()
        stranger.wait()


def boot_time() -> float:
    stat = Path("/proc/stat").read_text()
    return float(next(line for line in stat.splitlines() if line.startswith("btime")).split()[1])


def test_a_running_import_of_another_live_process_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "work.db"
    with Store(db) as store, store.write():
        store.conn.execute(
            "INSERT INTO imports (id, source, state, host, pid, started_at) "
            "VALUES (1, 'big.jsonl', 'running', ?, ?, ?)",
            [socket.gethostname(), os.getppid(), time.time()],  # started before the import
        )
    with Store(db) as other:
        assert other.conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 1
