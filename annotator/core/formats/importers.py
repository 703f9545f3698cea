"""Importing files into the store: all or nothing per file, without blocking the window.

A file is read and validated as it is written, in short transactions (a few hundred
articles each) under an import id. Rows of an unfinished import are invisible (see
store.live); the last transaction marks the import done, which makes the whole file appear
at once. If the file turns out to be bad half-way, or the process dies, the import's rows
are deleted (at once, or by the next Store opened on the file). So a reader never sees
half a file, and the analyst labelling in the window never waits more than one chunk.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.readers import INPUT_FORMATS, detect_format
from annotator.core.formats.records import IncomingArticle, IncomingSpan, ReadContext
from annotator.core.formats.seen import SeenKeys
from annotator.core.formats.units import count_lines, expand_paths, import_units
from annotator.core.store import Store
from annotator.core.store.layers import FIRST_VERSION, NEXT_VERSION, first_version_args
from annotator.core.text.decode import frozen_sha256, title_of

__all__ = [
    "FileReport",
    "ImportReport",
    "count_lines",
    "expand_paths",
    "import_file",
    "import_paths",
]

CHUNK_ARTICLES = 500
Progress = Callable[[Path, int], None]  # file, lines of it read so far


@dataclass
class FileReport:
    path: Path
    articles_added: int = 0
    articles_unchanged: int = 0
    articles_replaced: int = 0
    layers_added: int = 0
    layers_unchanged: int = 0
    spans_added: int = 0
    duplicates_skipped: int = 0
    # What the reader skipped or decided ("cancelled annotations skipped": 2), shown to the user.
    notes: dict[str, int] = field(default_factory=dict)
    error: InputError | None = None


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def errors(self) -> list[InputError]:
        return [f.error for f in self.files if f.error is not None]

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files if f.error is None)

    def summary(self) -> str:
        ok = [f for f in self.files if f.error is None]
        return (
            f"{len(ok)} file(s) imported: {self.total('articles_added')} new article(s), "
            f"{self.total('articles_unchanged')} already there, "
            f"{self.total('articles_replaced')} replaced, {self.total('layers_added')} layer(s) "
            f"with {self.total('spans_added')} span(s); {len(self.errors)} file(s) refused"
        )

    def notes(self) -> list[str]:
        """What the files held that was not imported, or was decided for the user."""
        out = []
        for report in self.files:
            if report.error is not None:
                continue
            if report.duplicates_skipped:
                out.append(
                    f"{report.path}: {report.duplicates_skipped} repeated identical line(s) "
                    "added once"
                )
            out += [f"{report.path}: {what}: {n}" for what, n in report.notes.items()]
        return out


def _insert_articles(conn: sqlite3.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert articles with as few statements as SQLite's parameter limit allows.

    The FTS trigger fires either way, but FTS5 writes its pending index to disk at every
    statement savepoint, and a statement that fires a trigger opens one: one statement
    per article (executemany) made one index segment per article, and the import's
    indexing cost ~40% more than with one statement per chunk.
    """
    if not rows:
        return
    width = len(rows[0])
    per_statement = max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    marks = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), per_statement):
        part = rows[start : start + per_statement]
        conn.execute(
            "INSERT INTO articles (id, text, text_sha256, title, created_at, import_id) VALUES "
            + ", ".join([marks] * len(part)),
            [value for row in part for value in row],
        )


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    annotator: str | None = None,
    fmt: str = "auto",
    replace: bool = False,
    progress: Progress | None = None,
    annotator_map: dict[str, str] | None = None,
) -> ImportReport:
    """Import files and folders; each file is all or nothing, and a bad file does not stop
    the others (its error is in the report)."""
    report = ImportReport()
    for unit in import_units(paths, fmt):
        if unit.error is not None:
            report.files.append(FileReport(unit.path, error=unit.error))
            continue
        report.files.append(
            import_file(
                store,
                unit.path,
                annotator=annotator,
                fmt=fmt,
                replace=replace,
                progress=progress,
                annotator_map=annotator_map,
            )
        )
    return report


def import_file(
    store: Store,
    path: Path,
    *,
    annotator: str | None = None,
    fmt: str = "auto",
    replace: bool = False,
    progress: Progress | None = None,
    annotator_map: dict[str, str] | None = None,
) -> FileReport:
    report = FileReport(path)
    context = ReadContext(store.schema, annotator, dict(annotator_map or {}))
    try:
        if not path.exists():
            raise InputError("no such file or folder", path)
        file_format = detect_format(path) if fmt == "auto" else fmt
        if file_format not in INPUT_FORMATS:
            raise InputError(f"unknown format {file_format!r}", path)
        if path.is_dir() and not INPUT_FORMATS[file_format].folder:
            raise InputError("is a folder, not a file", path)
        articles = INPUT_FORMATS[file_format].read(path, context)
        _FileWriter(store, path, report, replace).write(articles, progress)
        report.notes = dict(context.notes)
    except InputError as exc:
        report.error = exc
    return report


class _FileWriter:
    """Writes one file's articles in chunks under one import id."""

    def __init__(self, store: Store, path: Path, report: FileReport, replace: bool) -> None:
        self.store = store
        self.path = path
        self.report = report
        self.replace = replace
        self.seen = SeenKeys(store.conn)
        # Replacements change rows others can see: they wait for the final transaction.
        self.deferred: list[tuple[IncomingArticle, bool, bool]] = []
        self._pending_layers: list[IncomingArticle] = []

    def write(self, articles: Iterator[IncomingArticle], progress: Progress | None) -> None:
        store = self.store
        import_id = store.begin_import(str(self.path))
        store.conn.execute("PRAGMA synchronous = NORMAL")  # the final commit is FULL
        try:
            chunk: list[IncomingArticle] = []
            line = 1
            for count, article in enumerate(articles, start=1):
                seen = self.seen.add(article)
                if seen == "same":
                    self.report.duplicates_skipped += 1
                    continue
                if seen == "different":
                    whose = f" for annotator {article.annotator!r}" if article.annotator else ""
                    raise InputError(
                        f"article {article.id!r} appears twice{whose} with different content",
                        self.path,
                        article.line,
                    )
                chunk.append(article)
                line = article.line or count
                if len(chunk) >= CHUNK_ARTICLES:
                    self._write_chunk(chunk, import_id)
                    chunk = []
                    if progress:
                        progress(self.path, line)
            if not self.seen.count:  # an empty file (e.g. a failed download) must not pass silently
                raise InputError("no articles in the file", self.path)
            store.conn.execute("PRAGMA synchronous = FULL")
            with store.write():
                self._write_chunk(chunk, import_id)
                for article, replace_text, replace_layer in self.deferred:
                    self._replace(article, replace_text, replace_layer, import_id)
                store.finish_import(import_id)
            if progress:
                progress(self.path, line)
        except BaseException:
            store.conn.execute("PRAGMA synchronous = FULL")
            store.abandon_import(import_id)
            raise
        finally:
            self.seen.close()

    def _write_chunk(self, chunk: list[IncomingArticle], import_id: int) -> None:
        if not chunk:
            return
        store = self.store
        with store.write():
            self.seen.flush()
            existing = self._existing_articles([a.id for a in chunk])
            # Articles this chunk adds have no stored layer: no need to ask the database.
            fresh: set[str] = set()
            now = time.time()
            new_articles = []
            for article in chunk:
                sha = frozen_sha256(article.text)
                if article.id not in existing:
                    new_articles.append(
                        (article.id, article.text, sha, title_of(article.text), now, import_id)
                    )
                    existing[article.id] = sha
                    fresh.add(article.id)
                    self.report.articles_added += 1
                    replace_text = False
                elif existing[article.id] != sha:
                    if not self.replace:
                        raise InputError(
                            f"article {article.id!r} exists with different text (use --replace)",
                            self.path,
                            article.line,
                        )
                    replace_text = True
                else:
                    replace_text = False
                    if not article.annotator:
                        self.report.articles_unchanged += 1
                if replace_text:
                    self.deferred.append((article, True, True))
                    continue
                if article.annotator:
                    state = "absent" if article.id in fresh else self._layer_state(article)
                    if state == "same":
                        self.report.layers_unchanged += 1
                        self.report.articles_unchanged += 1
                    elif state == "different":
                        if not self.replace:
                            raise InputError(
                                f"annotator {article.annotator!r} already has different labels on "
                                f"article {article.id!r} (use --replace)",
                                self.path,
                                article.line,
                            )
                        self.deferred.append((article, False, True))
                    else:
                        self._pending_layers.append(article)
            _insert_articles(store.conn, new_articles)
            layers, self._pending_layers = self._pending_layers, []
            # Pending layers' texts equal the stored ones: reuse their hashes.
            self._insert_layers(layers, import_id, existing)

    def _existing_articles(self, ids: list[str]) -> dict[str, str]:
        marks = ",".join("?" * len(ids))
        rows = self.store.conn.execute(
            f"SELECT id, text_sha256 FROM articles WHERE id IN ({marks})", ids
        )
        return dict(rows.fetchall())

    def _layer_state(self, article: IncomingArticle) -> str:
        """'absent', 'same' or 'different': how the annotator's stored layer compares."""
        assert article.annotator is not None
        annotator_id = self.store.find_annotator_id(article.annotator)
        if annotator_id is None:
            return "absent"
        conn = self.store.conn
        stored = conn.execute(
            'SELECT id, start, "end", label FROM spans WHERE article_id = ? AND annotator_id = ?',
            [article.id, annotator_id],
        ).fetchall()
        layer = conn.execute(
            "SELECT status, comment FROM layers WHERE article_id = ? AND annotator_id = ?",
            [article.id, annotator_id],
        ).fetchone()
        if not stored and layer is None:
            return "absent"
        attrs: dict[int, list[tuple[str, str]]] = {}
        for span_id, key, value in conn.execute(
            "SELECT a.span_id, a.key, a.value FROM span_attributes a JOIN spans s ON s.id = a.span_id "
            "WHERE s.article_id = ? AND s.annotator_id = ?",
            [article.id, annotator_id],
        ):
            attrs.setdefault(span_id, []).append((key, value))
        stored_spans = {
            row[0]: IncomingSpan(row[1], row[2], row[3], tuple(sorted(attrs.get(row[0], []))))
            for row in stored
        }
        same_spans = sorted(s.key for s in stored_spans.values()) == sorted(
            s.key for s in article.spans
        )
        stored_relations = sorted(
            (t, stored_spans[h].key, stored_spans[tl].key)
            for t, h, tl in conn.execute(
                "SELECT type, head, tail FROM relations WHERE article_id = ? AND annotator_id = ?",
                [article.id, annotator_id],
            )
        )
        incoming_relations = sorted(
            (t, article.spans[h].key, article.spans[tl].key) for t, h, tl in article.relations
        )
        same_layer = layer is None or (
            (article.status or layer[0]) == layer[0] and (article.comment or layer[1]) == layer[1]
        )
        if same_spans and stored_relations == incoming_relations and same_layer:
            return "same"
        return "different"

    def _insert_layers(
        self,
        articles: list[IncomingArticle],
        import_id: int | None,
        shas: dict[str, str] | None = None,
    ) -> None:
        """Store these layers with one executemany per table (not one per layer)."""
        if not articles:
            return
        store = self.store
        conn = store.conn
        # Ids past every id ever given (sqlite_sequence), as AUTOINCREMENT would choose.
        row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'spans'").fetchone()
        next_id = (int(row[0]) if row else 0) + 1
        spans: list[tuple[object, ...]] = []
        attributes: list[tuple[int, str, str]] = []
        relations: list[tuple[object, ...]] = []
        layers: list[tuple[object, ...]] = []
        now = time.time()
        for article in articles:
            assert article.annotator is not None
            annotator_id = store.annotator_id(article.annotator)
            ids = range(next_id, next_id + len(article.spans))
            next_id += len(article.spans)
            for span_id, s in zip(ids, article.spans, strict=True):
                spans.append(
                    (span_id, article.id, annotator_id, s.start, s.end, s.label, import_id)
                )
                attributes.extend((span_id, k, v) for k, v in s.attributes)
            relations.extend(
                (article.id, annotator_id, t, ids[h], ids[tl], import_id)
                for t, h, tl in article.relations
            )
            layers.append(
                (
                    article.id,
                    annotator_id,
                    article.status or ("in_progress" if article.spans else "new"),
                    article.comment,
                    shas[article.id] if shas else frozen_sha256(article.text),
                    now,
                    import_id,
                    *first_version_args(article.id, annotator_id),
                )
            )
            self.report.layers_added += 1
            self.report.spans_added += len(article.spans)
        conn.executemany(
            'INSERT INTO spans (id, article_id, annotator_id, start, "end", label, import_id) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            spans,
        )
        conn.executemany(
            "INSERT INTO span_attributes (span_id, key, value) VALUES (?, ?, ?)", attributes
        )
        conn.executemany(
            "INSERT INTO relations (article_id, annotator_id, type, head, tail, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            relations,
        )
        conn.executemany(
            "INSERT INTO layers (article_id, annotator_id, status, comment, text_sha256, updated_at, "
            f"import_id, version, last_version) VALUES (?, ?, ?, ?, ?, ?, ?, {FIRST_VERSION}, "
            f"{FIRST_VERSION}) ON CONFLICT (article_id, annotator_id) DO UPDATE SET "
            "status = excluded.status, comment = excluded.comment, text_sha256 = excluded.text_sha256, "
            f"updated_at = excluded.updated_at, {NEXT_VERSION}",
            layers,
        )

    def _replace(
        self, article: IncomingArticle, replace_text: bool, replace_layer: bool, import_id: int
    ) -> None:
        """Inside the final transaction: new text and/or a new layer for this annotator.
        Other annotators' spans stay; the checks flag them when the text changed."""
        conn = self.store.conn
        if replace_text:
            conn.execute(
                "UPDATE articles SET text = ?, text_sha256 = ?, title = ? WHERE id = ?",
                [article.text, frozen_sha256(article.text), title_of(article.text), article.id],
            )
            self.report.articles_replaced += 1
        if replace_layer and article.annotator:
            annotator_id = self.store.find_annotator_id(article.annotator)
            if annotator_id is not None:
                conn.execute(
                    "DELETE FROM spans WHERE article_id = ? AND annotator_id = ?",
                    [article.id, annotator_id],
                )
            self._insert_layers([article], None)
