"""The benchmark generator writes valid JSONL that imports, is searchable and exports back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson

from annotator.core.formats.exporters import export
from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from benchmarks import floor, generate


def test_generated_articles_import_search_and_export_back_byte_for_byte(
    store: Store, tmp_path: Path
) -> None:
    source = tmp_path / "articles.jsonl"
    counts = generate.write(source, 200, seed=3)
    assert (counts.articles, counts.layers) == (200, 220)  # every 10th article twice
    # Older SQLite's parameter limit: a chunk's articles take two multi-row statements.
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)

    report = import_paths(store, [source])

    assert not report.errors
    assert report.total("spans_added") == counts.spans
    articles = {
        record["id"]: record["text"]
        for record in map(orjson.loads, source.read_bytes().splitlines())
    }
    assert store.article_ids() == list(articles)
    for article_id, text in articles.items():  # every article is in the search index
        word = next(w for w in text.split() if len(w) > 5 and w.isalpha())
        assert article_id in store.search(word, limit=1000), word
    out = tmp_path / "out.jsonl"
    export(store, out)
    assert out.read_bytes() == source.read_bytes()


def test_floor_loads_and_dumps_the_same_lines(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    generate.write(source, 12, seed=5)
    floor.load(source, tmp_path / "floor.db")
    floor.dump(tmp_path / "floor.db", tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == source.read_bytes()
