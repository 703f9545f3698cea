"""Shared fixtures: a fresh database, and articles put into it without the importer."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.core.actions import AddSpan
from annotator.core.store import Store
from annotator.core.text.decode import frozen_sha256, title_of


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "test.db") as opened:
        yield opened


def insert_article(store: Store, article_id: str, text: str) -> str:
    """Store an article's frozen text directly, as the importer would."""
    with store.write():
        store.conn.execute(
            "INSERT INTO articles (id, text, text_sha256, title, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [article_id, text, frozen_sha256(text), title_of(text), time.time()],
        )
    return article_id


@pytest.fixture
def add_article(store: Store) -> Callable[[str, str], str]:
    """``add_article(id, text)`` stores an article in the test database."""
    return lambda article_id, text: insert_article(store, article_id, text)


DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE_IDS = sorted(p.stem for p in DATA.glob("*.txt"))


@pytest.fixture
def sample_store(store: Store) -> Store:
    """The test database holding the five sample articles, imported as a user would."""
    from annotator.core.formats.importers import import_paths

    report = import_paths(store, [DATA])
    assert not report.errors
    return store


def add_span(
    store: Store,
    article_id: str,
    annotator: str,
    surface: str,
    label: str,
    nth: int = 0,
    **attributes: str,
) -> int:
    """Label the ``nth`` occurrence of ``surface`` in the article, as an analyst would."""
    article = store.article(article_id)
    assert article is not None, article_id
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(surface, start + 1)
    action = AddSpan(article_id, annotator, start, start + len(surface), label, attributes)
    action.apply(store)
    assert action.span_id is not None
    return action.span_id


@pytest.fixture
def label_span(store: Store) -> Callable[..., int]:
    """``label_span(article_id, annotator, surface, label, nth=0, **attributes)`` -> span id."""
    return lambda *args, **kwargs: add_span(store, *args, **kwargs)
