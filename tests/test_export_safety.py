"""A CSV export opened in a spreadsheet never runs a formula, and other formats stay exact."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest

from annotator.core.actions import AddSpan
from annotator.core.formats.csv_table import neutralise
from annotator.core.formats.exporters import export
from annotator.core.store import Store
from tests.conftest import insert_article

FORMULAS = [
    '=HYPERLINK("http://x","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_every_cell_a_spreadsheet_would_run_is_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["عزيز أخنوش", "100%", " =1", "a=b", "", "'=already"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


def test_formulas_in_every_text_column_of_a_csv_export_are_neutralised(
    store: Store, tmp_path: Path
) -> None:
    """The article id, the annotator, the span text and a note all come from outside."""
    text = "=1+1 @cmd +33 -5% تدبير"
    insert_article(store, "=id", text)
    AddSpan("=id", "@amina", 0, 4, "QUANTITY").apply(store)
    AddSpan("=id", "@amina", 5, 9, "ORG").apply(store)
    AddSpan("=id", "@amina", 10, 13, "QUANTITY").apply(store)
    AddSpan("=id", "@amina", 14, 17, "QUANTITY").apply(store)
    AddSpan("=id", "@amina", 18, len(text), "MEASURE", {"note": "=IMPORTXML(1)"}).apply(store)
    out = tmp_path / "spans.csv"
    export(store, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["text"] for r in rows] == ["'=1+1", "'@cmd", "'+33", "'-5%", "تدبير"]
    assert {r["article_id"] for r in rows} == {"'=id"}
    assert {r["annotator"] for r in rows} == {"'@amina"}
    assert rows[-1]["note"] == "'=IMPORTXML(1)"
    assert [r["start"] for r in rows] == ["0", "5", "10", "14", "18"]  # numbers stay numbers


def test_jsonl_export_keeps_formulas_and_markup_exactly(store: Store, tmp_path: Path) -> None:
    """Only the spreadsheet format is defused; the data for models stays the analyst's text."""
    text = "=1+1 <b>bold</b><script>alert(1)</script>"
    insert_article(store, "a1", text)
    AddSpan("a1", "amina", 0, 4, "QUANTITY").apply(store)
    out = tmp_path / "out.jsonl"
    export(store, out)
    record = orjson.loads(out.read_bytes())
    assert record["text"] == text
    assert record["spans"][0]["text"] == "=1+1"
