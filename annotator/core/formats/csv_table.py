"""CSV both ways: articles in (a header with "id" and "text" columns), and out a table of
spans, one a row, with the measure attributes as columns."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.layers import ExportLayer
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    ReadContext,
    check_article_id,
    check_article_text,
)
from annotator.core.formats.source import decoded_lines
from annotator.core.text.decode import normalise_newlines, trim_outer_blank_lines

# Label Studio's CSV export has these columns; it keeps neither relations nor attributes.
LABEL_STUDIO_CSV = frozenset(("annotation_id", "annotator", "lead_time"))
LABEL_STUDIO_REFUSED = (
    "this is Label Studio's {kind} export, which drops relations and per-region attributes: "
    "export the project as JSON (Export → JSON) and import that file"
)


def plain_article(article_id: str, raw: str, path: Path, line: int | None) -> IncomingArticle:
    """Plain text (no spans) may be cleaned: newlines unified, outer blank lines dropped."""
    text = trim_outer_blank_lines(normalise_newlines(raw))
    return IncomingArticle(
        check_article_id(article_id, path, line), check_article_text(text, path, line), line
    )


def read_csv(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """A CSV with a header holding "id" and "text" columns; one article a row."""
    # The csv module refuses cells over 131,072 characters by default: an article can be longer.
    csv.field_size_limit(2**31 - 1)
    lines = decoded_lines(path)
    header = next(lines, "")
    # Label Studio may write it tab-separated: look for the names, whatever the separator.
    if LABEL_STUDIO_CSV.issubset(re.findall(r"\w+", header)):
        lines.close()
        raise InputError(LABEL_STUDIO_REFUSED.format(kind="CSV"), path, 1)
    reader = csv.DictReader(chain([header], lines), strict=True)
    try:
        fields = reader.fieldnames or []
        if "id" not in fields or "text" not in fields:
            raise InputError('the header needs "id" and "text" columns', path, 1)
        for row in reader:
            line = reader.line_num
            if None in row:
                raise InputError("more cells than header columns", path, line)
            yield plain_article(row["id"] or "", row["text"] or "", path, line)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, reader.line_num) from None


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


def write_csv(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    with out.stream() as fh:
        text_out = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(text_out)
        writer.writerow(CSV_COLUMNS)
        for layer in layers:
            writer.writerows(csv_rows(layer))
            if layer.relations:
                report.dropped["relations"] += len(layer.relations)
            if layer.comment:
                report.dropped["review comments"] += 1
        text_out.detach()
