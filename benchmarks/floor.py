"""The floor: plain sqlite3 + orjson loading our JSONL with no validation, and dumping it back.

It stores the same rows in equivalent tables (same columns, keys and indexes as the
store's migration, and an FTS5 index of the raw text) in one transaction with
executemany, with the store's journal settings: WAL and synchronous=FULL (a single commit,
like the import's final one). Nothing is checked, normalised or chunked; our importer and
exporter are reported as ratios to these two functions, timed in the same run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

import orjson

TABLES = """
CREATE TABLE annotators (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, text_sha256 TEXT NOT NULL,
    title TEXT NOT NULL, created_at REAL NOT NULL, import_id INTEGER
);
CREATE TABLE layers (
    article_id TEXT NOT NULL, annotator_id INTEGER NOT NULL, status TEXT NOT NULL,
    comment TEXT NOT NULL, text_sha256 TEXT NOT NULL, updated_at REAL NOT NULL,
    import_id INTEGER, PRIMARY KEY (article_id, annotator_id)
) WITHOUT ROWID;
CREATE INDEX layers_annotator_status ON layers(annotator_id, status);
CREATE TABLE spans (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, annotator_id INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL, import_id INTEGER
);
CREATE INDEX spans_layer ON spans(article_id, annotator_id, start);
CREATE INDEX spans_annotator ON spans(annotator_id);
CREATE TABLE span_attributes (
    span_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (span_id, key)
) WITHOUT ROWID;
CREATE TABLE relations (
    id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, annotator_id INTEGER NOT NULL,
    type TEXT NOT NULL, head INTEGER NOT NULL, tail INTEGER NOT NULL, import_id INTEGER
);
CREATE INDEX relations_layer ON relations(article_id, annotator_id);
CREATE INDEX relations_head ON relations(head);
CREATE INDEX relations_tail ON relations(tail);
"""
FTS = "CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='');"
BATCH = 500  # lines per executemany: bounded memory, as any streaming loader needs


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def load(jsonl: Path, db: Path, *, fts: bool = True) -> None:
    conn = connect(db)
    conn.executescript(TABLES + (FTS if fts else ""))
    conn.execute("BEGIN")
    annotators: dict[str, int] = {}
    seen: set[str] = set()
    span_id = rowid = 0
    with jsonl.open("rb") as fh:
        while True:
            batch = [orjson.loads(line) for _, line in zip(range(BATCH), fh, strict=False)]
            if not batch:
                break
            articles, bodies, layers, spans, attributes, relations = [], [], [], [], [], []
            for rec in batch:
                article_id, text = rec["id"], rec["text"]
                if article_id not in seen:
                    seen.add(article_id)
                    rowid += 1
                    title = text.split("\n", 1)[0][:120]
                    articles.append((rowid, article_id, text, rec["text_sha256"], title, 0.0, None))
                    bodies.append((rowid, text))
                annotator_id = annotators.setdefault(rec["annotator"], len(annotators) + 1)
                layers.append(
                    (article_id, annotator_id, rec["status"], "", rec["text_sha256"], 0.0, None)
                )
                local: dict[str, int] = {}
                for span in rec["spans"]:
                    span_id += 1
                    local[span["id"]] = span_id
                    spans.append(
                        (
                            span_id,
                            article_id,
                            annotator_id,
                            span["start"],
                            span["end"],
                            span["label"],
                            None,
                        )
                    )
                    for key, value in span.get("attributes", {}).items():
                        attributes.append((span_id, key, value))
                for rel in rec["relations"]:
                    relations.append(
                        (
                            article_id,
                            annotator_id,
                            rel["type"],
                            local[rel["head"]],
                            local[rel["tail"]],
                            None,
                        )
                    )
            conn.executemany(
                "INSERT INTO articles (rowid, id, text, text_sha256, title, created_at, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                articles,
            )
            if fts:
                conn.executemany("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)", bodies)
            conn.executemany("INSERT INTO layers VALUES (?, ?, ?, ?, ?, ?, ?)", layers)
            conn.executemany("INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?)", spans)
            conn.executemany("INSERT INTO span_attributes VALUES (?, ?, ?)", attributes)
            conn.executemany(
                "INSERT INTO relations (article_id, annotator_id, type, head, tail, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                relations,
            )
    conn.executemany(
        "INSERT INTO annotators VALUES (?, ?)", [(i, n) for n, i in annotators.items()]
    )
    conn.execute("COMMIT")
    conn.close()


def _walk(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
    """Rows grouped by their (article id, annotator id) prefix."""
    for key, rows in groupby(cursor, key=lambda row: (row[0], row[1])):
        yield key, list(rows)


def dump(db: Path, out: Path) -> None:
    """Four ordered cursors walked side by side (no per-article query), one line a layer."""
    conn = connect(db)
    names = dict(conn.execute("SELECT id, name FROM annotators"))
    layers = conn.execute(
        "SELECT l.article_id, l.annotator_id, a.text, a.text_sha256, l.status FROM layers l "
        "JOIN articles a ON a.id = l.article_id ORDER BY l.article_id, l.annotator_id"
    )
    spans = _walk(
        conn.execute(
            'SELECT article_id, annotator_id, id, start, "end", label FROM spans '
            "ORDER BY article_id, annotator_id, start"
        )
    )
    attributes = _walk(
        conn.execute(
            "SELECT s.article_id, s.annotator_id, a.span_id, a.key, a.value FROM spans s "
            "JOIN span_attributes a ON a.span_id = s.id ORDER BY s.article_id, s.annotator_id"
        )
    )
    relations = _walk(
        conn.execute(
            "SELECT article_id, annotator_id, type, head, tail FROM relations "
            "ORDER BY article_id, annotator_id"
        )
    )
    span_group = next(spans, None)
    attribute_group = next(attributes, None)
    relation_group = next(relations, None)
    with out.open("wb") as fh:
        for article_id, annotator_id, text, sha, status in layers:
            key = (article_id, annotator_id)
            span_rows: list[tuple[Any, ...]] = []
            if span_group is not None and span_group[0] == key:
                span_rows = span_group[1]
                span_group = next(spans, None)
            attrs: dict[int, dict[str, str]] = {}
            if attribute_group is not None and attribute_group[0] == key:
                for _, _, span_id, name, value in attribute_group[1]:
                    attrs.setdefault(span_id, {})[name] = value
                attribute_group = next(attributes, None)
            relation_rows: list[tuple[Any, ...]] = []
            if relation_group is not None and relation_group[0] == key:
                relation_rows = relation_group[1]
                relation_group = next(relations, None)
            ordered = sorted(
                span_rows, key=lambda r: (r[3], r[4], r[5], sorted(attrs.get(r[2], {}).items()))
            )
            local = {row[2]: i for i, row in enumerate(ordered, start=1)}
            out_spans = []
            for row in ordered:
                item: dict[str, Any] = {
                    "id": f"s{local[row[2]]}",
                    "start": row[3],
                    "end": row[4],
                    "label": row[5],
                    "text": text[row[3] : row[4]],
                }
                if row[2] in attrs:
                    item["attributes"] = dict(sorted(attrs[row[2]].items()))
                out_spans.append(item)
            out_relations = sorted((t, local[h], local[tl]) for _, _, t, h, tl in relation_rows)
            fh.write(
                orjson.dumps(
                    {
                        "id": article_id,
                        "text": text,
                        "text_sha256": sha,
                        "annotator": names[annotator_id],
                        "status": status,
                        "spans": out_spans,
                        "relations": [
                            {"type": t, "head": f"s{h}", "tail": f"s{tl}"}
                            for t, h, tl in out_relations
                        ],
                        "schema_version": 1,
                    }
                )
                + b"\n"
            )
    conn.close()
