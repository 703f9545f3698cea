"""Two reviewers in two processes deciding the same layers at once: no decision is
silently replaced by the other's, and the one who lost the race is told."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import orjson

from annotator.core.actions import AddSpan, SetStatus
from annotator.core.store import Store
from tests.conftest import insert_article
from tests.label_worker import ARTICLE_TEXT
from tests.review_worker import ANALYST, ARTICLE_IDS
from tests.test_crash_safety import REPO, child_env

REVIEW_WORKER = REPO / "tests" / "review_worker.py"
DECISIONS = {"salma": "accepted", "yacine": "returned"}
# How long each reviewer looks at a layer before deciding, at most: long enough that the
# two often look at the same layer at once, short enough for the test run.
THINK_MS = "3"


def layers_waiting_for_review(db: Path) -> Path:
    """100 articles whose analyst labelled one name and marked the layer done."""
    with Store(db) as store:
        for article_id in ARTICLE_IDS:
            insert_article(store, article_id, ARTICLE_TEXT)
            AddSpan(article_id, ANALYST, 4, 14, "PERSON").apply(store)
            SetStatus(article_id, ANALYST, "done").apply(store)
    return db


def race(db: Path, start: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Both reviewers work the queue at the same moment; what each was told, per layer."""
    workers = {
        name: subprocess.Popen(
            [sys.executable, str(REVIEW_WORKER), str(db), name, decision, str(start), THINK_MS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
        )
        for name, decision in DECISIONS.items()
    }
    for worker in workers.values():  # both have opened the database: start them together
        assert worker.stdout is not None
        assert orjson.loads(worker.stdout.readline()) == {"ready": True}
    start.touch()
    told: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for name, worker in workers.items():
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err.decode()
        for line in out.splitlines():
            message = orjson.loads(line)
            told[message["article"]][name] = message
    return told


def test_two_reviewers_racing_on_a_hundred_layers_never_overwrite_each_other(
    tmp_path: Path,
) -> None:
    db = layers_waiting_for_review(tmp_path / "review.db")
    told = race(db, tmp_path / "start")

    conn = sqlite3.connect(db)
    try:
        final = dict(
            conn.execute(
                "SELECT l.article_id, l.status FROM layers l "
                "JOIN annotators n ON n.id = l.annotator_id WHERE n.name = ?",
                [ANALYST],
            ).fetchall()
        )
        logged = conn.execute("SELECT count(*) FROM actions WHERE kind = 'SetStatus'").fetchone()[0]
    finally:
        conn.close()

    decided_twice = [
        a for a in ARTICLE_IDS if all(m["outcome"] == "saved" for m in told[a].values())
    ]
    refused = [(a, n) for a in ARTICLE_IDS for n, m in told[a].items() if m["outcome"] == "refused"]
    saved = {a: [n for n, m in told[a].items() if m["outcome"] == "saved"] for a in ARTICLE_IDS}
    print(
        f"\n{len(decided_twice)} layer(s) decided by both reviewers and told 'saved' to both; "
        f"{len(refused)} decision(s) refused with a message"
    )
    assert sorted(told) == ARTICLE_IDS
    assert all(len(m) == 2 for m in told.values())
    assert decided_twice == []
    # Every layer was decided exactly once, and holds the decision of the one told "saved".
    assert all(len(names) == 1 for names in saved.values())
    assert {a: DECISIONS[names[0]] for a, names in saved.items()} == final
    # Every loser was told why: the race happened and was refused, not skipped in silence.
    assert refused, "the reviewers never raced: the test proved nothing"
    for article_id, name in refused:
        assert (
            "another reviewer decided this layer a moment ago" in told[article_id][name]["message"]
        )
    # Logged: the 100 "done" of the set-up and one decision per layer, nothing refused.
    assert logged == len(ARTICLE_IDS) + len(ARTICLE_IDS)
