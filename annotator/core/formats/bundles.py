"""Articles with every layer, span and relation on them, read for checks in four queries
walked side by side in article id order (no query per article, whatever their number)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from annotator.core.store import Store
from annotator.core.store.sqlite import live

CHUNK = 500  # article ids per query, under SQLite's bound-parameter limit


class LayerRow(NamedTuple):
    annotator_id: int
    status: str
    text_sha256: str


class SpanRow(NamedTuple):
    id: int
    annotator_id: int
    start: int
    end: int
    label: str
    status: str | None  # the MEASURE status attribute, if set


class RelationRow(NamedTuple):
    id: int
    annotator_id: int
    type: str
    head: int
    head_label: str
    head_start: int
    head_end: int
    tail_label: str


@dataclass(frozen=True, slots=True)
class ArticleBundle:
    article_id: str
    text: str
    text_sha256: str
    names: dict[int, str]  # annotator id → name
    layers: list[LayerRow]
    spans: list[SpanRow]  # by annotator, then start
    relations: list[RelationRow]


def bundles(
    store: Store, annotator_id: int | None = None, article_ids: list[str] | None = None
) -> Iterator[ArticleBundle]:
    """Every article with a live layer (of ``annotator_id`` only, if given), in id order."""
    names = dict(store.conn.execute("SELECT id, name FROM annotators").fetchall())
    if article_ids is None:
        yield from _walk(store, names, annotator_id, None)
        return
    for i in range(0, len(article_ids), CHUNK):
        yield from _walk(store, names, annotator_id, sorted(article_ids[i : i + CHUNK]))


def scope(
    alias: str, column: str, annotator_id: int | None, ids: list[str] | None
) -> tuple[str, list[Any]]:
    """SQL conditions (starting with AND) and their parameters for one annotator and
    some articles."""
    sql, args = "", list[Any]()
    if annotator_id is not None:
        sql += f" AND {alias}.annotator_id = ?"
        args.append(annotator_id)
    if ids is not None:
        sql += f" AND {alias}.{column} IN ({','.join('?' * len(ids))})"
        args.extend(ids)
    return sql, args


def _walk(
    store: Store, names: dict[int, str], annotator_id: int | None, ids: list[str] | None
) -> Iterator[ArticleBundle]:
    conn = store.conn
    where_l, args_l = scope("l", "article_id", annotator_id, ids)
    layers = conn.execute(
        "SELECT l.article_id, l.annotator_id, l.status, l.text_sha256 FROM layers l "
        f"WHERE {live('l')}{where_l} ORDER BY l.article_id, l.annotator_id",
        args_l,
    )
    only_ids, args_a = scope("a", "id", None, ids)
    articles = conn.execute(
        "SELECT a.id, a.text, a.text_sha256 FROM articles a "
        f"WHERE {live('a')}{only_ids} AND a.id IN "
        f"(SELECT l.article_id FROM layers l WHERE {live('l')}{where_l}) ORDER BY a.id",
        args_a + args_l,
    )
    where_s, args_s = scope("s", "article_id", annotator_id, ids)
    spans = conn.execute(
        'SELECT s.article_id, s.id, s.annotator_id, s.start, s."end", s.label, st.value '
        "FROM spans s LEFT JOIN span_attributes st ON st.span_id = s.id AND st.key = 'status' "
        f"WHERE {live('s')}{where_s} ORDER BY s.article_id, s.annotator_id, s.start",
        args_s,
    )
    where_r, args_r = scope("r", "article_id", annotator_id, ids)
    relations = conn.execute(
        'SELECT r.article_id, r.id, r.annotator_id, r.type, r.head, h.label, h.start, h."end", '
        "t.label FROM relations r JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail "
        f"WHERE {live('r')}{where_r} ORDER BY r.article_id",
        args_r,
    )
    layer_groups = Groups(layers, LayerRow)
    span_groups = Groups(spans, SpanRow)
    relation_groups = Groups(relations, RelationRow)
    for article_id, text, sha in articles:
        yield ArticleBundle(
            article_id,
            text,
            sha,
            names,
            layer_groups.take(article_id),
            span_groups.take(article_id),
            relation_groups.take(article_id),
        )


class Groups:
    """Rows of one cursor ordered by article id, handed out one article at a time, without
    the article id and made into ``row_type`` (a NamedTuple) if given."""

    def __init__(self, rows: Iterable[tuple[Any, ...]], row_type: Any = None) -> None:
        self._groups = itertools.groupby(rows, key=lambda row: row[0])
        self._row_type = row_type
        self._next = next(self._groups, None)

    def take(self, article_id: str) -> list[Any]:
        while self._next is not None and self._next[0] < article_id:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != article_id:
            return []
        row_type = self._row_type
        if row_type is None:
            rows = [row[1:] for row in self._next[1]]
        else:  # a NamedTuple's own __new__ is Python; tuple's, given the class, is C
            rows = [tuple.__new__(row_type, row[1:]) for row in self._next[1]]
        self._next = next(self._groups, None)
        return rows
