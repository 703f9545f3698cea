"""Numbered schema migrations of the store, each with its SQLite text (and its PostgreSQL
text once the team backend has one); never edit one that has shipped.

A database records how many it has applied (PRAGMA user_version on SQLite), and opening
it applies the rest in one transaction. Files written when these were sqlite-utils
migrations are at version 1 and stay valid.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str  # m001_initial: the number is its place in MIGRATIONS
    sqlite: str
    postgres: str | None = None


M001_SQLITE = """
CREATE TABLE schemas (version INTEGER PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('running', 'done')),
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at REAL NOT NULL,
    finished_at REAL
);
CREATE TABLE annotators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'analyst' CHECK (kind IN ('analyst', 'gold'))
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at REAL NOT NULL,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX articles_import ON articles(import_id) WHERE import_id IS NOT NULL;
CREATE TABLE layers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'in_progress', 'done', 'accepted', 'returned')),
    comment TEXT NOT NULL DEFAULT '',
    text_sha256 TEXT NOT NULL,
    updated_at REAL NOT NULL,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, annotator_id)
) WITHOUT ROWID;
CREATE INDEX layers_annotator_status ON layers(annotator_id, status);
CREATE INDEX layers_import ON layers(import_id) WHERE import_id IS NOT NULL;
-- AUTOINCREMENT: an undone span's id is never reused, so redo can restore it.
CREATE TABLE spans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE,
    CHECK (0 <= start AND start < "end")
);
CREATE INDEX spans_layer ON spans(article_id, annotator_id, start);
CREATE INDEX spans_annotator ON spans(annotator_id);
CREATE INDEX spans_import ON spans(import_id) WHERE import_id IS NOT NULL;
CREATE TABLE span_attributes (
    span_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (span_id, key)
) WITHOUT ROWID;
CREATE TABLE relations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    type TEXT NOT NULL,
    head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    tail INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    import_id INTEGER REFERENCES imports(id) ON DELETE CASCADE
);
CREATE INDEX relations_layer ON relations(article_id, annotator_id);
CREATE INDEX relations_head ON relations(head);
CREATE INDEX relations_tail ON relations(tail);
CREATE INDEX relations_import ON relations(import_id) WHERE import_id IS NOT NULL;
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    annotator TEXT NOT NULL,
    article_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
-- Contentless: the normalised text is computed by annot_norm(), which every
-- connection of the store registers, so deletes can name the old tokens.
CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, body) VALUES (new.rowid, annot_norm(new.text));
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, body)
        VALUES ('delete', old.rowid, annot_norm(old.text));
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, body)
        VALUES ('delete', old.rowid, annot_norm(old.text));
    INSERT INTO articles_fts(rowid, body) VALUES (new.rowid, annot_norm(new.text));
END;
"""

# A reviewer's "neither": gold holds no span (or relation) at a place two layers disagree
# on, and says so, so that the place counts as decided (review/disagreements.py). Keyed by
# place and label, not by span id: the analyst's span may be deleted and made again.
M002_SQLITE = """
CREATE TABLE gold_rejections (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    item TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (article_id, item)
) WITHOUT ROWID;
"""

# Layer versions. ``version`` names the state a layer is in: every write gives it a number
# the layer never had (``last_version`` + 1), and undo gives the old state back its old
# number, so equal numbers mean the same state. A reviewer's decision, a gold edit, undo
# and redo each hold only if the layer is still at the version they expect
# (UPDATE ... WHERE version = ?). ``removed_layers`` keeps the last number of a layer row
# that undo removed, so a layer made again later starts past it.
M003_SQLITE = """
ALTER TABLE layers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE layers ADD COLUMN last_version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE removed_layers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(id),
    last_version INTEGER NOT NULL,
    PRIMARY KEY (article_id, annotator_id)
) WITHOUT ROWID;
"""
M003_POSTGRES = """
ALTER TABLE layers ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE layers ADD COLUMN last_version integer NOT NULL DEFAULT 1;
CREATE TABLE removed_layers (
    article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotator_id integer NOT NULL REFERENCES annotators(id),
    last_version integer NOT NULL,
    PRIMARY KEY (article_id, annotator_id)
);
"""

MIGRATIONS: list[Migration] = [
    Migration("m001_initial", M001_SQLITE),
    Migration("m002_gold_rejections", M002_SQLITE),
    Migration("m003_layer_versions", M003_SQLITE, M003_POSTGRES),
]
LATEST = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """The statements of an SQLite script one by one (executescript() would COMMIT the
    migration's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def pending(version: int, latest: int | None = None) -> list[Migration]:
    """The migrations a database at ``version`` still needs, in order."""
    return MIGRATIONS[version : LATEST if latest is None else latest]
