"""Exports: every format, filters, streaming, and export→import→export identity."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.actions import AddRelation, AddSpan, SetAttribute, SetStatus
from annotator.core.formats.exporters import export
from annotator.core.formats.importers import import_paths
from annotator.core.models import GOLD
from annotator.core.store import Store
from tests.conftest import insert_article

TEXT = "😀 عقد عزيز أخنوش، رئيس الحكومة، اجتماعا حول =SUM(A1) التدابير الاحترازية"


def labelled(store: Store) -> None:
    insert_article(store, "a1", TEXT)
    insert_article(store, "a2", "مقال بلا تسميات")
    person = AddSpan("a1", "amina", TEXT.index("عزيز"), TEXT.index("،"), "PERSON").apply(store)
    title_start = TEXT.index("رئيس")
    title = AddSpan("a1", "amina", title_start, title_start + 12, "TITLE").apply(store)
    AddSpan("a1", "amina", title_start + 5, title_start + 12, "ORG").apply(store)  # nested
    measure_start = TEXT.index("التدابير")
    measure = AddSpan("a1", "amina", measure_start, len(TEXT), "MEASURE").apply(store)
    SetAttribute(measure.span_ids[0], "status", "in_force").apply(store)
    AddRelation("HAS_TITLE", person.span_ids[0], title.span_ids[0]).apply(store)
    AddSpan("a1", GOLD, TEXT.index("عزيز"), TEXT.index("،"), "PERSON").apply(store)
    SetStatus("a1", "amina", "done").apply(store)


def lines(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_jsonl_has_one_line_per_article_and_layer_with_exact_span_text(
    store: Store, tmp_path: Path
) -> None:
    labelled(store)
    out = tmp_path / "out.jsonl"
    report = export(store, out)
    records = lines(out)
    assert report.records == len(records) == 3  # a1 by amina, a1 gold, a2 unlabelled
    amina = next(r for r in records if r["annotator"] == "amina")
    assert amina["status"] == "done"
    assert amina["text_sha256"]
    for span in amina["spans"]:
        assert span["text"] == amina["text"][span["start"] : span["end"]]
    assert [s["label"] for s in amina["spans"]] == ["PERSON", "TITLE", "ORG", "MEASURE"]
    assert amina["spans"][3]["attributes"] == {"status": "in_force"}
    assert amina["relations"] == [{"type": "HAS_TITLE", "head": "s1", "tail": "s2"}]


def test_filters_by_annotator_gold_and_status(store: Store, tmp_path: Path) -> None:
    labelled(store)
    out = tmp_path / "out.jsonl"
    export(store, out, gold=True)
    assert [(r["id"], r["annotator"]) for r in lines(out)] == [("a1", GOLD)]
    export(store, out, annotator="amina", status="done")
    assert [(r["id"], r["annotator"]) for r in lines(out)] == [("a1", "amina")]
    export(store, out, status="accepted")
    assert lines(out) == []


def test_doccano_and_spacy_formats(store: Store, tmp_path: Path) -> None:
    labelled(store)
    out = tmp_path / "d.jsonl"
    export(store, out, "doccano", annotator="amina")
    (record,) = lines(out)  # amina's layer has a relation: doccano's relation form
    person = record["entities"][0]
    assert (TEXT[person["start_offset"] : person["end_offset"]], person["label"]) == (
        "عزيز أخنوش",
        "PERSON",
    )
    assert record["relations"] == [{"id": 1, "from_id": 1, "to_id": 2, "type": "HAS_TITLE"}]
    export(store, out, "doccano", gold=True)
    (record,) = lines(out)  # no relation: the plain form
    start, end, label = record["label"][0]
    assert (TEXT[start:end], label) == ("عزيز أخنوش", "PERSON")
    export(store, out, "spacy", annotator="amina")
    (record,) = lines(out)
    person = record["spans"][0]
    tokens = record["tokens"]
    assert tokens[person["token_start"]]["text"] == "عزيز"
    assert tokens[person["token_end"]]["text"] == "أخنوش"


def test_csv_export_neutralises_formulas(store: Store, tmp_path: Path) -> None:
    insert_article(store, "x", "=HYPERLINK(1) نص")
    AddSpan("x", "amina", 0, 13, "ORG").apply(store)
    out = tmp_path / "spans.csv"
    export(store, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["text"] == "'=HYPERLINK(1)"


def test_failed_export_leaves_the_previous_file(store: Store, tmp_path: Path) -> None:
    labelled(store)
    out = tmp_path / "out.jsonl"
    out.write_text("old", encoding="utf-8")
    store.conn.execute("DROP TABLE span_attributes")  # make the export fail mid-way
    with pytest.raises(sqlite3.OperationalError):
        export(store, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "out.jsonl.part").exists()


ALPHABET = [*"عزيزأخنوشرئيسالحكومةَُِّ ", "😀", "E", "-", "1", "%", "\n", "\u00a0"]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = draw(
        st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=60).filter(str.strip)
    )
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append((start, end, draw(st.sampled_from(["PERSON", "ORG", "MEASURE", "DATE"]))))
    return text, spans


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(articles(), min_size=1, max_size=4))
def test_export_import_export_is_byte_identical(tmp_path: Path, generated: list) -> None:
    # One fresh folder per example: hypothesis may replay the same example in one test.
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    with Store(work / "one.db") as one:
        for n, (text, spans) in enumerate(generated):
            insert_article(one, f"a{n}", text)
            ids = [
                AddSpan(f"a{n}", "amina", s, e, label).apply(one).span_ids[0]
                for s, e, label in spans
            ]
            measures = [
                i for i, (_, _, label) in zip(ids, spans, strict=True) if label == "MEASURE"
            ]
            persons = [i for i, (_, _, label) in zip(ids, spans, strict=True) if label == "PERSON"]
            for m in measures:
                SetAttribute(m, "category", "health").apply(one)
                for p in persons[:1]:
                    AddRelation("ISSUED_BY", m, p).apply(one)
        export(one, work / "first.jsonl")
    with Store(work / "two.db") as two:
        report = import_paths(two, [work / "first.jsonl"])
        assert not report.errors, report.errors
        export(two, work / "second.jsonl")
    assert (work / "first.jsonl").read_bytes() == (work / "second.jsonl").read_bytes()
