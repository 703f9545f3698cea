"""doccano's sequence-labelling JSONL both ways: the plain form (``label``: [start, end,
label] triples) and the relation form (``entities`` with ids and ``relations`` with
from_id/to_id/type), as doccano's own importer and exporter read and write them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.formats.jsonl import list_of, write_lines
from annotator.core.formats.layers import (
    ExportLayer,
    ExportSpan,
    numbered_relations,
    spans_with_numbers,
)
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    ReadContext,
    as_str,
    check_article_id,
    check_article_text,
    check_attributes,
    check_relations,
    check_status,
    make_span,
)
from annotator.core.formats.source import json_lines, newline_map

# doccano exports one file per project member, named after the user (admin.jsonl), or
# all.jsonl for a collaborative project; user names are Django's: letters, digits, @.+-_.
_MEMBER_FILE = re.compile(r"^[\w.@+-]+$")


def read_doccano(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """Both forms; an article without an id gets ``<file stem>-<line>``."""
    schema = context.schema
    stem_annotator = _member_name(path, context)
    for number, obj in json_lines(path):
        if "text" not in obj:
            raise InputError('missing "text"', path, number)
        text = check_article_text(obj["text"], path, number)
        spans: list[IncomingSpan] = []
        for raw in list_of(obj, "label", path, number) or list_of(obj, "labels", path, number):
            if not isinstance(raw, list | tuple) or len(raw) != 3:
                raise InputError(f"label must be [start, end, label], not {raw!r}", path, number)
            spans.append(make_span(schema, text, raw[0], raw[1], raw[2], None, None, path, number))
        by_id: dict[Any, int] = {}
        for raw in list_of(obj, "entities", path, number):
            if not isinstance(raw, dict):
                raise InputError("each entity must be an object", path, number)
            if "id" in raw:
                if raw["id"] in by_id:
                    raise InputError(f"duplicate entity id {raw['id']!r}", path, number)
                by_id[raw["id"]] = len(spans)
            spans.append(
                make_span(
                    schema,
                    text,
                    raw.get("start_offset"),
                    raw.get("end_offset"),
                    raw.get("label"),
                    None,
                    None,
                    path,
                    number,
                )
            )
        spans = _with_attributes(spans, obj.get("attributes"), context, path, number)
        relations = []
        for raw in list_of(obj, "relations", path, number):
            if not isinstance(raw, dict):
                raise InputError("each relation must be an object", path, number)
            try:
                head, tail = by_id[raw.get("from_id")], by_id[raw.get("to_id")]
            except KeyError as exc:
                raise InputError(
                    f"relation names unknown entity id {exc.args[0]!r}", path, number
                ) from None
            relations.append((as_str(raw.get("type"), "relation type", path, number), head, tail))
        text, mapping = newline_map(text)
        if mapping is not None:
            spans = [
                IncomingSpan(mapping[s.start], mapping[s.end], s.label, s.attributes) for s in spans
            ]
        recorded = obj.get("annotator")
        if recorded is None and context.annotator is None and spans and stem_annotator:
            recorded = stem_annotator
            context.note(
                f"annotator {stem_annotator!r} taken from the file name (doccano's "
                "per-member export); give --annotator NAME to choose another"
            )
        article = IncomingArticle(
            check_article_id(obj.get("id", f"{path.stem}-{number}"), path, number),
            text,
            number,
            annotator=context.annotator_for(recorded, bool(spans), path, number),
            status=check_status(obj.get("status"), path, number),
            comment=as_str(obj.get("comment") or "", '"comment"', path, number),
            spans=spans,
            relations=relations,
        )
        check_relations(schema, article, path, number)
        yield article


def _member_name(path: Path, context: ReadContext) -> str | None:
    """The user a per-member export is named after, if the name looks like one."""
    stem = path.stem
    if context.annotator is not None or stem == "all" or not _MEMBER_FILE.match(stem):
        return None
    return stem


def _with_attributes(
    spans: list[IncomingSpan], raw: Any, context: ReadContext, path: Path, line: int
) -> list[IncomingSpan]:
    """Our export keeps attributes in an extra "attributes" key, [start, end, label,
    {key: value}], which doccano stores as the example's metadata and writes back (as it
    does "annotator", "status" and "comment"); attributes of a span edited in doccano since
    no longer match one, and are counted as dropped."""
    if not raw:
        return spans
    if not isinstance(raw, list):
        raise InputError('"attributes" must be a list of [start, end, label, {...}]', path, line)
    # Spans with the same offsets and label take their attribute sets in turn.
    index: dict[tuple[int, int, str], list[int]] = {}
    for i, s in enumerate(spans):
        index.setdefault((s.start, s.end, s.label), []).append(i)
    out = list(spans)
    for item in raw:
        if not isinstance(item, list) or len(item) != 4:
            raise InputError("each attributes item must be [start, end, label, {...}]", path, line)
        waiting = index.get((item[0], item[1], item[2]))
        if not waiting:
            context.note("attribute sets whose span is no longer in the file (dropped)")
            continue
        where = waiting.pop(0)
        span = out[where]
        pairs = check_attributes(context.schema, span.label, item[3], path, line)
        out[where] = IncomingSpan(span.start, span.end, span.label, pairs)
    return out


def _overlapping(spans: list[ExportSpan]) -> int:
    """Spans that overlap an earlier one (spans come sorted by start)."""
    count, reach = 0, -1
    for span in spans:
        if span.start < reach:
            count += 1
        reach = max(reach, span.end)
    return count


def doccano_record(layer: ExportLayer, report: ExportReport) -> dict[str, Any]:
    spans, numbers = spans_with_numbers(layer)
    relations = numbered_relations(layer, numbers)
    record: dict[str, Any] = {"id": layer.article_id, "text": layer.text}
    if relations:
        record["entities"] = [
            {"id": i, "label": s.label, "start_offset": s.start, "end_offset": s.end}
            for i, s in enumerate(spans, start=1)
        ]
        record["relations"] = [
            {"id": i, "from_id": h, "to_id": tl, "type": t}
            for i, (t, h, tl) in enumerate(relations, start=1)
        ]
    else:
        record["label"] = [[s.start, s.end, s.label] for s in spans]
    attributed = [
        [s.start, s.end, s.label, dict(sorted(s.attributes.items()))] for s in spans if s.attributes
    ]
    if attributed:
        record["attributes"] = attributed
    # doccano keeps keys it does not know as the example's metadata and exports them again.
    record["annotator"] = layer.annotator
    record["status"] = layer.status
    if layer.comment:
        record["comment"] = layer.comment
    overlapping = _overlapping(spans)
    if overlapping:
        report.warnings[
            "spans overlap another: in doccano, tick 'Allow overlapping spans' in the "
            "project, or they are lost"
        ] += overlapping
    return record


def write_doccano(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    write_lines(layers, out, lambda layer: doccano_record(layer, report))
