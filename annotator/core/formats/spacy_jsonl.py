"""spaCy/Prodigy JSONL: tokens covering every character (``Doc(words, spaces)`` rebuilds
the text exactly), every span a token range, entities where spans do not overlap, relations
in Prodigy's form (head and child are the last tokens of their spans)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.formats.jsonl import write_lines
from annotator.core.formats.layers import (
    ExportLayer,
    ExportSpan,
    numbered_relations,
)
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.token_cover import (
    CoverToken,
    cover_tokens,
    span_edges,
    token_ranges,
)

SPAN_KEY = "sc"  # spaCy's default span group, the one its spancat component reads


def outermost(spans: list[ExportSpan]) -> list[int]:
    """Indexes of the spans that can be entities (no two overlap): sorted by start, the
    longest first, each kept when it starts after the last kept one ends. A nested span
    is left to the span group; of two that cross, the first."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    kept: list[int] = []
    reach = -1
    for i in order:
        if spans[i].start >= reach:
            kept.append(i)
            reach = spans[i].end
    return sorted(kept)


def count_nested(report: ExportReport, count: int) -> None:
    if count:
        report.warnings["spans nested in or crossing another: in the span group, not entities"] += (
            count
        )


def tokenised(
    layer: ExportLayer,
) -> tuple[list[CoverToken], list[ExportSpan], list[tuple[int, int]]]:
    """The layer's tokens, its spans in content order and each span's token range."""
    spans = layer.ordered_spans()
    starts, ends = span_edges((s.start, s.end) for s in spans)
    tokens = cover_tokens(layer.text, starts, ends)
    return tokens, spans, token_ranges(tokens, ((s.start, s.end) for s in spans))


def spacy_record(layer: ExportLayer, report: ExportReport) -> dict[str, Any]:
    text = layer.text
    tokens, spans, ranges = tokenised(layer)
    numbers = {span.db_id: i for i, span in enumerate(spans, start=1)}
    out_spans = []
    for i, (span, (first, last)) in enumerate(zip(spans, ranges, strict=True), start=1):
        item: dict[str, Any] = {
            "id": f"s{i}",
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": text[span.start : span.end],
            "token_start": first,
            "token_end": last,
        }
        if span.attributes:
            item["attributes"] = dict(sorted(span.attributes.items()))
        out_spans.append(item)
    ents = outermost(spans)
    count_nested(report, len(spans) - len(ents))

    def brief(i: int) -> dict[str, Any]:
        s = out_spans[i - 1]
        return {k: s[k] for k in ("start", "end", "token_start", "token_end", "label")}

    return {
        "text": text,
        "tokens": [
            {"text": text[t.start : t.end], "start": t.start, "end": t.end, "id": i, "ws": t.ws}
            for i, t in enumerate(tokens)
        ],
        "spans": out_spans,
        "ents": [out_spans[i]["id"] for i in ents],
        "relations": [
            {
                "head": out_spans[h - 1]["token_end"],
                "child": out_spans[tl - 1]["token_end"],
                "head_span": brief(h),
                "child_span": brief(tl),
                "label": t,
            }
            for t, h, tl in numbered_relations(layer, numbers)
        ],
        "meta": {
            "id": layer.article_id,
            "text_sha256": layer.text_sha256,
            "annotator": layer.annotator,
            "status": layer.status,
            "comment": layer.comment,
        },
    }


def write_spacy(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    write_lines(layers, out, lambda layer: spacy_record(layer, report))
