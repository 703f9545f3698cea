"""Streaming exporters: our JSONL, doccano JSONL, spaCy/Prodigy JSONL and a CSV of spans.

Articles are read a page at a time (keyset paging by rowid) with their spans, attributes
and relations fetched per page, so memory stays flat whatever the database size. Every
span's "text" is text[start:end] of the frozen article text.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import orjson

from annotator.core.errors import InputError
from annotator.core.models import GOLD
from annotator.core.store import Store
from annotator.core.store.sqlite import live
from annotator.core.text.tokens import tokens

FORMATS = ("jsonl", "doccano", "spacy", "csv")
PAGE = 200
Progress = Callable[[int, int], None]  # records written, articles in the database


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


# -- record builders, one per format -----------------------------------------------------


def jsonl_record(layer: ExportLayer, schema_version: int) -> dict[str, Any]:
    spans = layer.ordered_spans()
    local = {span.db_id: i for i, span in enumerate(spans, start=1)}
    record: dict[str, Any] = {
        "id": layer.article_id,
        "text": layer.text,
        "text_sha256": layer.text_sha256,
        "annotator": layer.annotator,
        "status": layer.status,
    }
    if layer.comment:
        record["comment"] = layer.comment
    text = layer.text
    out_spans = []
    for i, span in enumerate(spans, start=1):
        item: dict[str, Any] = {
            "id": f"s{i}",
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": text[span.start : span.end],
        }
        if span.attributes:
            item["attributes"] = dict(sorted(span.attributes.items()))
        out_spans.append(item)
    record["spans"] = out_spans
    # Sorted as (type, head number, tail number) tuples before they become "s<n>" strings.
    record["relations"] = [
        {"type": t, "head": f"s{h}", "tail": f"s{tl}"}
        for t, h, tl in sorted(
            (t, local[h], local[tl]) for t, h, tl in layer.relations if h in local and tl in local
        )
    ]
    record["schema_version"] = schema_version
    return record


def doccano_record(layer: ExportLayer, schema_version: int) -> dict[str, Any]:
    return {
        "id": layer.article_id,
        "text": layer.text,
        "label": [[s.start, s.end, s.label] for s in layer.ordered_spans()],
        "annotator": layer.annotator,
    }


def spacy_record(layer: ExportLayer, schema_version: int) -> dict[str, Any]:
    """Prodigy's span format: tokens with character offsets; spans with token indices
    (token_end inclusive). A span that does not cover whole tokens keeps its characters and
    points at the tokens it touches."""
    toks = tokens(layer.text)
    out_tokens = []
    for i, tok in enumerate(toks):
        following = toks[i + 1].start if i + 1 < len(toks) else len(layer.text)
        out_tokens.append(
            {
                "text": tok.text,
                "start": tok.start,
                "end": tok.end,
                "id": i,
                "ws": following > tok.end,
            }
        )
    out_spans = []
    for span in layer.ordered_spans():
        touched = [i for i, t in enumerate(toks) if t.start < span.end and t.end > span.start]
        item: dict[str, Any] = {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": layer.text[span.start : span.end],
        }
        if touched:
            item["token_start"], item["token_end"] = touched[0], touched[-1]
        out_spans.append(item)
    return {
        "text": layer.text,
        "tokens": out_tokens,
        "spans": out_spans,
        "meta": {"id": layer.article_id, "annotator": layer.annotator, "status": layer.status},
    }


RECORDS = {"jsonl": jsonl_record, "doccano": doccano_record, "spacy": spacy_record}

CSV_COLUMNS = (
    "article_id",
    "annotator",
    "status",
    "span",
    "start",
    "end",
    "label",
    "text",
    "category",
    "measure_status",
    "note",
)


def neutralise(cell: object) -> object:
    """Stop spreadsheets from running a cell as a formula (CSV injection)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def csv_rows(layer: ExportLayer) -> Iterator[list[object]]:
    for i, span in enumerate(layer.ordered_spans(), start=1):
        attrs = span.attributes
        row = [
            layer.article_id,
            layer.annotator or "",
            layer.status,
            f"s{i}",
            span.start,
            span.end,
            span.label,
            layer.text[span.start : span.end],
            attrs.get("category", ""),
            attrs.get("status", ""),
            attrs.get("note", ""),
        ]
        yield [neutralise(cell) for cell in row]


@dataclass
class ExportReport:
    records: int = 0
    spans: int = 0


@contextmanager
def _open_output(out: str | Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(out, str | Path):
        if str(out) == "-":
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        path = Path(out)
        if path.is_dir():
            raise InputError("is a folder", path)
        tmp = path.with_name(path.name + ".part")
        try:
            with tmp.open("wb") as fh:
                yield fh
            # Only a complete export replaces the target: a failure leaves the old file.
            tmp.replace(path)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", path) from None
        finally:
            tmp.unlink(missing_ok=True)
    else:
        yield out


def export(
    store: Store,
    out: str | Path | IO[bytes],
    fmt: str = "jsonl",
    *,
    annotator: str | None = None,
    gold: bool = False,
    status: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write every matching layer to ``out`` (a path, "-" for stdout, or a binary stream)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    report = ExportReport()
    total = store.article_count() if progress else 0
    layers = iter_layers(store, annotator=annotator, gold=gold, status=status)
    with _open_output(out) as fh:
        if fmt == "csv":
            text_out = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
            writer = csv.writer(text_out)
            writer.writerow(CSV_COLUMNS)
            for layer in layers:
                writer.writerows(csv_rows(layer))
                _count(report, layer, progress, total)
            text_out.detach()
        else:
            build = RECORDS[fmt]
            version = store.schema.version
            for layer in layers:
                fh.write(orjson.dumps(build(layer, version)) + b"\n")
                _count(report, layer, progress, total)
    return report


def _count(report: ExportReport, layer: ExportLayer, progress: Progress | None, total: int) -> None:
    report.records += 1
    report.spans += len(layer.spans)
    if progress and report.records % PAGE == 0:
        progress(report.records, total)
