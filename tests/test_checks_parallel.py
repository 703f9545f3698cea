"""Checks over a large database run in worker processes and find exactly what one process
finds, in the same order; a cancelled run leaves no worker behind."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from annotator.core.review import checks
from annotator.core.review.checks import run_checks
from annotator.core.store import Store
from tests.conftest import DATA, add_span, insert_article

# Surfaces of the sample articles, given differing labels by two analysts so that every
# kind of finding turns up, W005 across articles included.
LABELS = [
    ("وزير الداخلية", "TITLE", "ORG"),
    ("وخالد أيت الطالب", "PERSON", "PERSON"),
    ("الحكومة", "ORG", "LOC"),
    ("المغرب", "LOC", "ORG"),
    ("الإدارة", "ORG", "ORG"),
]


@pytest.fixture
def many(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """Twelve articles (the samples under several ids), in tasks of two articles, with
    worker processes started from two articles on."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))]
    for n in range(12):
        article_id = insert_article(store, f"a{n:02}", texts[n % len(texts)])
        text = texts[n % len(texts)]
        for surface, label_a, label_b in LABELS:
            if surface in text:
                add_span(store, article_id, "amina", surface, label_a if n % 3 else label_b)
                add_span(store, article_id, "karim", surface, label_b)
    monkeypatch.setattr(checks, "PARALLEL_MIN", 2)
    monkeypatch.setattr(checks, "_TASK_ARTICLES", 2)
    return store


def test_workers_find_what_one_process_finds_in_the_same_order(many: Store) -> None:
    alone = list(run_checks(many))
    shared = list(run_checks(many, workers=2))

    assert shared == alone
    assert {"W002", "W005", "W006"} <= {f.code for f in alone}
    assert [f.message("ar") for f in shared] == [f.message("ar") for f in alone]


def test_workers_check_one_annotator_and_chosen_articles(many: Store) -> None:
    ids = ["a01", "a02", "a03", "a07", "a11"]
    alone = list(run_checks(many, "karim", ids))
    shared = list(run_checks(many, "karim", ids, workers=2))

    assert shared == alone
    assert alone
    assert {f.annotator for f in alone} == {"karim"}
    assert {f.article_id for f in alone} <= set(ids)


def test_closing_a_run_early_stops_its_workers(many: Store) -> None:
    found = run_checks(many, workers=2)
    next(found)
    assert multiprocessing.active_children()  # the run went to worker processes
    found.close()

    deadline = time.monotonic() + 20
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not multiprocessing.active_children()
