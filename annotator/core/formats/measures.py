"""The register of measures, for analysts who use the results: one row per MEASURE span
with its article, attributes and the texts of the spans it points to (who issued it, whom
it targets, when it takes effect, also as ISO 8601, its legal basis, its amount), as CSV or
as an XLSX workbook with a right-to-left sheet; headers in English or Arabic."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import IO, Any

from annotator.core.formats.csv_table import neutralise
from annotator.core.formats.layers import ExportLayer
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.schema import Schema
from annotator.core.text.dates import iso_date
from annotator.core.text.decode import title_of

MEASURE = "MEASURE"
ATTRIBUTES = ("category", "status", "note")
RELATED = ("ISSUED_BY", "TARGETS", "EFFECTIVE_ON", "BASED_ON", "AMOUNT")
_FIXED = {
    "en": ("article_id", "title", "annotator", "measure"),
    "ar": ("معرّف المقال", "العنوان", "المُوسِّم", "التدبير"),
}
_JOIN = {"en": "; ", "ar": "؛ "}


def headers(schema: Schema, lang: str) -> list[str]:
    out = list(_FIXED[lang])
    for key in ATTRIBUTES:
        attr = schema.attribute(MEASURE, key)
        out.append(key if lang == "en" or attr is None else attr.ar)
    for rel_type in RELATED:
        rel = schema.relation(rel_type)
        out.append(rel_type.lower() if lang == "en" else rel.ar)
        if rel_type == "EFFECTIVE_ON":
            out.append("effective_on_iso8601" if lang == "en" else f"{rel.ar} (ISO 8601)")
    return out


def measure_rows(
    layer: ExportLayer, options: ExportOptions, report: ExportReport
) -> Iterator[list[str]]:
    text, schema, lang = layer.text, options.schema, options.lang
    join = _JOIN[lang]
    by_id = {span.db_id: span for span in layer.spans}
    related: dict[tuple[int, str], list[str]] = {}
    for rel_type, head, tail in sorted(
        layer.relations, key=lambda r: (r[0], by_id[r[2]].start if r[2] in by_id else 0)
    ):
        if rel_type in RELATED and tail in by_id:
            span = by_id[tail]
            related.setdefault((head, rel_type), []).append(text[span.start : span.end])
    title = title_of(text)
    for span in layer.ordered_spans():
        if span.label != MEASURE:
            continue
        row = [layer.article_id, title, layer.annotator or "", text[span.start : span.end]]
        for key in ATTRIBUTES:
            value = span.attributes.get(key, "")
            row.append(schema.value_name(value, lang) if value and key != "note" else value)
        for rel_type in RELATED:
            texts = related.get((span.db_id, rel_type), [])
            row.append(join.join(texts))
            if rel_type == "EFFECTIVE_ON":
                dates = [iso_date(t) for t in texts]
                unread = sum(1 for d in dates if d is None)
                if unread:
                    report.warnings["EFFECTIVE_ON dates not read as ISO 8601 (left blank)"] += (
                        unread
                    )
                row.append(join.join(d for d in dates if d))
        yield row


def write_measures(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    """CSV (UTF-8 with a BOM, which spreadsheets need to read Arabic), or XLSX when the
    output's name ends in .xlsx."""
    rows = (row for layer in layers for row in measure_rows(layer, options, report))
    with out.stream() as fh:
        if out.path is not None and out.path.suffix.lower() == ".xlsx":
            _xlsx(fh, headers(options.schema, options.lang), rows, options.lang)
        else:
            text_out = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="", write_through=True)
            writer = csv.writer(text_out)
            writer.writerow(headers(options.schema, options.lang))
            writer.writerows([neutralise(cell) for cell in row] for row in rows)
            text_out.detach()


def _xlsx(fh: IO[bytes], header: list[str], rows: Iterable[list[str]], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet: Any = book.create_sheet("التدابير" if lang == "ar" else "measures")
    sheet.sheet_view.rightToLeft = True  # the texts are Arabic whatever the headers' language
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMN", (24, 40, 14, 50, 14, 14, 30), strict=False):
        sheet.column_dimensions[letter].width = width

    def cell(value: str, bold: bool = False) -> WriteOnlyCell:
        made = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            made.data_type = "s"  # text, never a formula (spreadsheet injection)
        if bold:
            made.font = Font(bold=True)
        return made

    sheet.append([cell(name, bold=True) for name in header])
    for row in rows:
        sheet.append([cell(value) for value in row])
    book.save(fh)
