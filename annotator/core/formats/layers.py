"""Articles with each annotator's layer read out of the store for the writers, a page at a
time (keyset paging by rowid, spans, attributes and relations fetched per page), so memory
stays flat whatever the database size."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from annotator.core.models import GOLD
from annotator.core.store import Store
from annotator.core.store.sqlite import live

PAGE = 200


@dataclass(slots=True)
class ExportSpan:
    start: int
    end: int
    label: str
    attributes: dict[str, str]
    db_id: int


@dataclass
class ExportLayer:
    """One article with one annotator's layer (annotator None: an article nobody labelled)."""

    article_id: str
    text: str
    text_sha256: str
    annotator: str | None
    status: str
    comment: str
    spans: list[ExportSpan] = field(default_factory=list)
    relations: list[tuple[str, int, int]] = field(default_factory=list)  # type, head db id, tail

    def ordered_spans(self) -> list[ExportSpan]:
        # Ordered by content, never by database id, so export→import→export is identical.
        return sorted(self.spans, key=_content_order)


_NO_ATTRIBUTES: list[tuple[str, str]] = []


def _content_order(span: ExportSpan) -> tuple[int, int, str, list[tuple[str, str]]]:
    # Most spans have no attributes: skip sorting an empty dict for each (export's hot path).
    attributes = sorted(span.attributes.items()) if span.attributes else _NO_ATTRIBUTES
    return (span.start, span.end, span.label, attributes)


def iter_layers(
    store: Store,
    *,
    annotator: str | None = None,
    gold: bool = False,
    status: str | None = None,
) -> Iterator[ExportLayer]:
    """Every article with each of its layers, filtered; bare articles only when unfiltered."""
    if gold:
        annotator = GOLD
    filtered = annotator is not None or status is not None
    conn = store.conn
    last_rowid = 0
    while True:
        page = conn.execute(
            f"SELECT rowid, id, text, text_sha256 FROM articles a WHERE rowid > ? AND {live('a')} "
            "ORDER BY rowid LIMIT ?",
            [last_rowid, PAGE],
        ).fetchall()
        if not page:
            return
        last_rowid = page[-1][0]
        ids = [row[1] for row in page]
        marks = ",".join("?" * len(ids))
        layer_sql = (
            "SELECT l.article_id, n.id, n.name, l.status, l.comment FROM layers l "
            f"JOIN annotators n ON n.id = l.annotator_id WHERE l.article_id IN ({marks}) AND {live('l')}"
        )
        args: list[Any] = list(ids)
        if annotator is not None:
            layer_sql += " AND n.name = ?"
            args.append(annotator)
        if status is not None:
            layer_sql += " AND l.status = ?"
            args.append(status)
        layers: dict[str, list[tuple[int, str, str, str]]] = {}
        for article_id, annotator_id, name, layer_status, comment in conn.execute(
            layer_sql + " ORDER BY n.name", args
        ):
            layers.setdefault(article_id, []).append((annotator_id, name, layer_status, comment))
        spans = _page_spans(store, ids, marks)
        relations = _page_relations(store, ids, marks)
        for _rowid, article_id, text, sha in page:
            article_layers = layers.get(article_id, [])
            if not article_layers and not filtered:
                yield ExportLayer(article_id, text, sha, None, "new", "")
            for annotator_id, name, layer_status, comment in article_layers:
                key = (article_id, annotator_id)
                yield ExportLayer(
                    article_id,
                    text,
                    sha,
                    name,
                    layer_status,
                    comment,
                    spans.get(key, []),
                    relations.get(key, []),
                )


def _page_spans(
    store: Store, ids: list[str], marks: str
) -> dict[tuple[str, int], list[ExportSpan]]:
    found: dict[tuple[str, int], list[ExportSpan]] = {}
    by_id: dict[int, ExportSpan] = {}
    # Ordered as the spans_layer index already is (no sort): one group per layer.
    rows = store.execute(
        f'SELECT s.article_id, s.annotator_id, s.id, s.start, s."end", s.label FROM spans s '
        f"WHERE s.article_id IN ({marks}) AND {live('s')} ORDER BY s.article_id, s.annotator_id",
        ids,
    )
    for layer_key, group in groupby(rows, key=itemgetter(0, 1)):
        spans = found[layer_key] = []
        for _, _, span_id, start, end, label in group:
            span = by_id[span_id] = ExportSpan(start, end, label, {}, span_id)
            spans.append(span)
    for span_id, key, value in store.execute(
        "SELECT a.span_id, a.key, a.value FROM span_attributes a JOIN spans s ON s.id = a.span_id "
        f"WHERE s.article_id IN ({marks})",
        ids,
    ):
        attributed = by_id.get(span_id)
        if attributed is not None:
            attributed.attributes[key] = value
    return found


def _page_relations(
    store: Store, ids: list[str], marks: str
) -> dict[tuple[str, int], list[tuple[str, int, int]]]:
    found: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
    for article_id, annotator_id, rel_type, head, tail in store.execute(
        f"SELECT r.article_id, r.annotator_id, r.type, r.head, r.tail FROM relations r "
        f"WHERE r.article_id IN ({marks}) AND {live('r')}",
        ids,
    ):
        found.setdefault((article_id, annotator_id), []).append((rel_type, head, tail))
    return found


def by_article(layers: Iterator[ExportLayer]) -> Iterator[list[ExportLayer]]:
    """The layers of one article at a time (iter_layers yields them side by side)."""
    for _, group in groupby(layers, key=lambda layer: layer.article_id):
        yield list(group)


def spans_with_numbers(layer: ExportLayer) -> tuple[list[ExportSpan], dict[int, int]]:
    """The layer's spans in content order and each one's number from 1 by database id,
    which is how every format names spans (s1, T1, region ids...)."""
    spans = layer.ordered_spans()
    return spans, {span.db_id: i for i, span in enumerate(spans, start=1)}


def numbered_relations(layer: ExportLayer, numbers: dict[int, int]) -> list[tuple[str, int, int]]:
    """(type, head number, tail number), sorted, so that every export is the same bytes."""
    return sorted(
        (t, numbers[h], numbers[tl])
        for t, h, tl in layer.relations
        if h in numbers and tl in numbers
    )
