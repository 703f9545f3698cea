"""The (article id, annotator) pairs an import has read so far, with a digest of each
one's content: a repeated identical line is added once, a repeated different one refused."""

from __future__ import annotations

import sqlite3

from annotator.core.formats.records import IncomingArticle


def _content(article: IncomingArticle) -> int:
    """A digest of everything a line brings (compared only between lines with the same
    article id and annotator; Python's 64-bit hash, computed in C for the text)."""
    return hash(
        (
            article.text,
            article.status,
            article.comment,
            tuple(span.key for span in article.spans),
            tuple(article.relations),
        )
    )


class SeenKeys:
    """The (article id, annotator) pairs of a file so far, with a digest of each one's
    content, to add a repeated identical line once and refuse a repeated different one.

    The current chunk's pairs are in memory, earlier chunks' in a temporary table of this
    connection (on disk past SQLite's small page cache): a set of every pair made an
    import's memory grow with the file, ~200 bytes a line.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.count = 0
        self._chunk: dict[tuple[str, str], int] = {}
        conn.execute("DROP TABLE IF EXISTS temp.import_seen")
        conn.execute(
            "CREATE TEMP TABLE import_seen (id TEXT NOT NULL, annotator TEXT NOT NULL, "
            "digest INTEGER NOT NULL, PRIMARY KEY (id, annotator)) WITHOUT ROWID"
        )

    def add(self, article: IncomingArticle) -> str:
        """Record a line: "new", "same" (an identical line came before) or "different"."""
        key = (article.id, article.annotator or "")  # annotator names are never empty
        digest = _content(article)
        before = self._chunk.get(key)
        if before is None:
            row = self.conn.execute(
                "SELECT digest FROM temp.import_seen WHERE id = ? AND annotator = ?", key
            ).fetchone()
            before = row[0] if row else None
        if before is not None:
            return "same" if before == digest else "different"
        self._chunk[key] = digest
        self.count += 1
        return "new"

    def flush(self) -> None:
        """Move the chunk's pairs to the table (inside the chunk's transaction)."""
        self.conn.executemany(
            "INSERT INTO temp.import_seen VALUES (?, ?, ?)",
            [(*key, digest) for key, digest in self._chunk.items()],
        )
        self._chunk = {}

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.import_seen")
