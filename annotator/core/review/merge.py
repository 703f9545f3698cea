"""Merging another analyst's database into this one without overwriting anything.

Articles are matched by id and text hash: an article that is new here is copied; the same
id with another text is a conflict and none of its layers come in. A layer (one
annotator's work on one article) is copied when this database has none of its spans or
relations, skipped when both hold the same spans, attributes and relations, and
reported as a conflict otherwise. Each article is one short transaction, so the window
can keep saving labels while a large merge runs.
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import StoreError
from annotator.core.formats.bundles import Groups
from annotator.core.store import Store
from annotator.core.store.layers import FIRST_VERSION, NEXT_VERSION, first_version_args
from annotator.core.store.migrations import LATEST
from annotator.core.store.sqlite import live

Progress = Callable[[int, int], None]  # articles done, articles in the other database
SpanKey = tuple[int, int, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True, slots=True)
class MergeConflict:
    article_id: str
    annotator: str | None  # None: the article itself
    reason: str


@dataclass
class MergeReport:
    source: str
    articles_added: int = 0
    articles_matched: int = 0
    layers_copied: int = 0
    layers_identical: int = 0
    conflicts: list[MergeConflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Layer:
    """One annotator's layer read from the other database."""

    annotator: str
    status: str
    comment: str
    text_sha256: str
    spans: dict[int, SpanKey] = field(default_factory=dict)  # their span id → content
    relations: list[tuple[str, int, int]] = field(default_factory=list)  # type, head, tail

    def content(self) -> tuple[Counter[SpanKey], Counter[tuple[str, SpanKey, SpanKey]]]:
        return _content(self.spans, self.relations)


def merge_database(
    store: Store, other_path: str | Path, progress: Progress | None = None
) -> MergeReport:
    other_path = Path(other_path)
    if not other_path.is_file():
        raise StoreError(f"{other_path}: no such database file")
    if other_path.resolve() == store.path.resolve():
        raise StoreError(f"{other_path}: is this database; merge another analyst's file")
    other = _open_read_only(other_path)
    report = MergeReport(str(other_path))
    try:
        total = int(
            other.execute(f"SELECT count(*) FROM articles a WHERE {live('a')}").fetchone()[0]
        )
        for done, (article, layers) in enumerate(_read_articles(other), start=1):
            _merge_article(store, article, layers, report)
            if progress is not None:
                progress(done, total)
    finally:
        other.close()
    return report


def _open_read_only(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot read database: {exc}") from None
    if version != LATEST:
        conn.close()
        raise StoreError(
            f"{path}: database schema {version}, this program's is {LATEST}; "
            "open it once with this version of the program first"
        )
    return conn


def _read_articles(
    other: sqlite3.Connection,
) -> Iterator[tuple[tuple[str, str, str, str, float], dict[str, _Layer]]]:
    """Every live article of the other database with its layers, in id order, from five
    queries walked side by side."""
    articles = other.execute(
        "SELECT a.id, a.text, a.text_sha256, a.title, a.created_at FROM articles a "
        f"WHERE {live('a')} ORDER BY a.id"
    )
    layers = Groups(
        other.execute(
            "SELECT l.article_id, n.name, l.status, l.comment, l.text_sha256 FROM layers l "
            f"JOIN annotators n ON n.id = l.annotator_id WHERE {live('l')} ORDER BY l.article_id"
        )
    )
    spans = Groups(
        other.execute(
            'SELECT s.article_id, n.name, s.id, s.start, s."end", s.label FROM spans s '
            f"JOIN annotators n ON n.id = s.annotator_id WHERE {live('s')} ORDER BY s.article_id"
        )
    )
    attributes = Groups(
        other.execute(
            "SELECT s.article_id, t.span_id, t.key, t.value FROM span_attributes t "
            f"JOIN spans s ON s.id = t.span_id WHERE {live('s')} ORDER BY s.article_id"
        )
    )
    relations = Groups(
        other.execute(
            "SELECT r.article_id, n.name, r.type, r.head, r.tail FROM relations r "
            f"JOIN annotators n ON n.id = r.annotator_id WHERE {live('r')} ORDER BY r.article_id"
        )
    )
    for article in articles:
        article_id = article[0]
        found = {
            name: _Layer(name, status, comment, sha)
            for name, status, comment, sha in layers.take(article_id)
        }
        attrs: dict[int, list[tuple[str, str]]] = {}
        for span_id, key, value in attributes.take(article_id):
            attrs.setdefault(span_id, []).append((key, value))
        for name, span_id, start, end, label in spans.take(article_id):
            layer = found.setdefault(name, _Layer(name, "in_progress", "", article[2]))
            layer.spans[span_id] = (start, end, label, tuple(sorted(attrs.get(span_id, ()))))
        for name, rel_type, head, tail in relations.take(article_id):
            found.setdefault(name, _Layer(name, "in_progress", "", article[2]))
            found[name].relations.append((rel_type, head, tail))
        yield article, found


def _merge_article(
    store: Store,
    article: tuple[str, str, str, str, float],
    layers: dict[str, _Layer],
    report: MergeReport,
) -> None:
    article_id, text, sha, title, created_at = article
    with store.write():
        row = store.execute(
            f"SELECT a.text_sha256 FROM articles a WHERE a.id = ? AND {live('a')}", [article_id]
        ).fetchone()
        if row is None:
            store.execute(
                "INSERT INTO articles (id, text, text_sha256, title, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [article_id, text, sha, title, created_at],
            )
            report.articles_added += 1
        elif row[0] != sha:
            report.conflicts.append(
                MergeConflict(article_id, None, "same article id with a different text; not merged")
            )
            return
        else:
            report.articles_matched += 1
        for name in sorted(layers):
            _merge_layer(store, article_id, layers[name], report, new_article=row is None)


def _merge_layer(
    store: Store, article_id: str, theirs: _Layer, report: MergeReport, *, new_article: bool
) -> None:
    exists, spans, relations = (
        (False, {}, []) if new_article else _our_layer(store, article_id, theirs.annotator)
    )
    if exists and not (spans or relations or theirs.spans or theirs.relations):
        report.layers_identical += 1  # nothing labelled on either side; our status stays
        return
    if spans or relations:
        if _content(spans, relations) == theirs.content():
            report.layers_identical += 1
        else:
            report.conflicts.append(
                MergeConflict(
                    article_id, theirs.annotator, "both databases hold different labels; kept ours"
                )
            )
        return
    annotator_id = store.annotator_id(theirs.annotator)
    new_ids: dict[int, int] = {}
    for their_id, (start, end, label, attributes) in theirs.spans.items():
        new_ids[their_id] = int(
            store.execute(
                'INSERT INTO spans (article_id, annotator_id, start, "end", label) '
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                [article_id, annotator_id, start, end, label],
            ).fetchone()[0]
        )
        store.executemany(
            "INSERT INTO span_attributes (span_id, key, value) VALUES (?, ?, ?)",
            [(new_ids[their_id], key, value) for key, value in attributes],
        )
    store.executemany(
        "INSERT INTO relations (article_id, annotator_id, type, head, tail) VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, annotator_id, rel_type, new_ids[head], new_ids[tail])
            for rel_type, head, tail in theirs.relations
            if head in new_ids and tail in new_ids
        ],
    )
    # A layer of ours without labels keeps its workflow status unless it is still new; it
    # gets a new version either way, since its labels changed.
    unless_new = "CASE WHEN layers.status = 'new' THEN excluded.{0} ELSE layers.{0} END"
    store.execute(
        "INSERT INTO layers (article_id, annotator_id, status, comment, text_sha256, updated_at, "
        f"version, last_version) VALUES (?, ?, ?, ?, ?, ?, {FIRST_VERSION}, {FIRST_VERSION}) "
        "ON CONFLICT (article_id, annotator_id) DO UPDATE SET "
        + ", ".join(
            f"{column} = {unless_new.format(column)}"
            for column in ("status", "comment", "text_sha256", "updated_at")
        )
        + f", {NEXT_VERSION}",
        [
            article_id,
            annotator_id,
            theirs.status,
            theirs.comment,
            theirs.text_sha256,
            time.time(),
            *first_version_args(article_id, annotator_id),
        ],
    )
    report.layers_copied += 1


def _our_layer(
    store: Store, article_id: str, annotator: str
) -> tuple[bool, dict[int, SpanKey], list[tuple[str, int, int]]]:
    """Whether this database has the layer, and its spans and relations by content."""
    annotator_id = store.find_annotator_id(annotator)
    if annotator_id is None:
        return False, {}, []
    exists = store.execute(
        f"SELECT 1 FROM layers l WHERE l.article_id = ? AND l.annotator_id = ? AND {live('l')}",
        [article_id, annotator_id],
    ).fetchone()
    attrs: dict[int, list[tuple[str, str]]] = {}
    for span_id, key, value in store.execute(
        "SELECT t.span_id, t.key, t.value FROM span_attributes t JOIN spans s ON s.id = t.span_id "
        f"WHERE s.article_id = ? AND s.annotator_id = ? AND {live('s')}",
        [article_id, annotator_id],
    ):
        attrs.setdefault(span_id, []).append((key, value))
    spans = {
        span_id: (start, end, label, tuple(sorted(attrs.get(span_id, ()))))
        for span_id, start, end, label in store.execute(
            'SELECT s.id, s.start, s."end", s.label FROM spans s '
            f"WHERE s.article_id = ? AND s.annotator_id = ? AND {live('s')}",
            [article_id, annotator_id],
        )
    }
    relations = [
        (rel_type, head, tail)
        for rel_type, head, tail in store.execute(
            "SELECT r.type, r.head, r.tail FROM relations r "
            f"WHERE r.article_id = ? AND r.annotator_id = ? AND {live('r')}",
            [article_id, annotator_id],
        )
    ]
    return exists is not None, spans, relations


def _content(
    spans: dict[int, SpanKey], relations: list[tuple[str, int, int]]
) -> tuple[Counter[SpanKey], Counter[tuple[str, SpanKey, SpanKey]]]:
    """A layer as it reads, whatever its database ids: spans and relations by content."""
    missing: SpanKey = (-1, -1, "", ())
    return Counter(spans.values()), Counter(
        (rel_type, spans.get(head, missing), spans.get(tail, missing))
        for rel_type, head, tail in relations
    )
