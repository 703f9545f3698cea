"""Our own JSONL both ways: one article and annotator a line, offsets in code points of the
frozen text, every span's text, attributes and relations (README, "The JSONL format")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import InputError
from annotator.core.formats.layers import ExportLayer
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    ReadContext,
    as_str,
    check_article_id,
    check_article_text,
    check_relations,
    check_status,
    make_span,
)
from annotator.core.formats.source import json_lines, newline_map
from annotator.core.text.decode import frozen_sha256


def read_jsonl(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """Our own JSONL, exactly as exporters.write_jsonl writes it."""
    schema = context.schema
    for number, obj in json_lines(path):
        if "text" not in obj:
            raise InputError('missing "text"', path, number)
        if "id" not in obj:
            raise InputError('missing "id"', path, number)
        text = check_article_text(obj["text"], path, number)
        raw_spans = obj.get("spans") or []
        if not isinstance(raw_spans, list):
            raise InputError('"spans" must be a list', path, number)
        # Spans point into the text as given: validate there, then remap if newlines change.
        spans: list[IncomingSpan] = []
        local_ids: dict[str, int] = {}
        for raw in raw_spans:
            if not isinstance(raw, dict):
                raise InputError("each span must be an object", path, number)
            span = make_span(
                schema,
                text,
                raw.get("start"),
                raw.get("end"),
                raw.get("label"),
                raw.get("text"),
                raw.get("attributes"),
                path,
                number,
            )
            if "id" in raw:
                local = str(raw["id"])
                if local in local_ids:
                    raise InputError(f"duplicate span id {local!r}", path, number)
                local_ids[local] = len(spans)
            spans.append(span)
        sha = obj.get("text_sha256")
        if sha is not None and sha != frozen_sha256(text):
            raise InputError('"text_sha256" does not match "text"', path, number)
        text, mapping = newline_map(text)
        if mapping is not None:
            spans = [
                IncomingSpan(mapping[s.start], mapping[s.end], s.label, s.attributes) for s in spans
            ]
        article = IncomingArticle(
            check_article_id(obj["id"], path, number),
            text,
            number,
            annotator=context.annotator_for(obj.get("annotator"), bool(spans), path, number),
            status=check_status(obj.get("status"), path, number),
            comment=as_str(obj.get("comment") or "", '"comment"', path, number),
            spans=spans,
        )
        for raw in list_of(obj, "relations", path, number):
            if not isinstance(raw, dict):
                raise InputError("each relation must be an object", path, number)
            try:
                head, tail = local_ids[str(raw.get("head"))], local_ids[str(raw.get("tail"))]
            except KeyError as exc:
                raise InputError(
                    f"relation names unknown span {exc.args[0]!r}", path, number
                ) from None
            article.relations.append(
                (as_str(raw.get("type"), "relation type", path, number), head, tail)
            )
        check_relations(schema, article, path, number)
        yield article


def list_of(obj: dict[str, Any], key: str, path: Path, line: int) -> list[Any]:
    """obj[key] if it is a list, [] if absent or null; anything else is an InputError."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f'"{key}" must be a list, not {type(value).__name__}', path, line)
    return value


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


def write_lines(
    layers: Iterable[ExportLayer],
    out: Output,
    build: Callable[[ExportLayer], dict[str, Any] | None],
) -> None:
    """One JSON object a line for each layer (None: the layer gives no line)."""
    with out.stream() as fh:
        for layer in layers:
            record = build(layer)
            if record is not None:
                fh.write(orjson.dumps(record) + b"\n")


def write_jsonl(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    version = options.schema.version
    write_lines(layers, out, lambda layer: jsonl_record(layer, version))
