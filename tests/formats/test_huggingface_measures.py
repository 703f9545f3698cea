"""The Hugging Face folder loaded by datasets (offline), a file datasets wrote read back,
and the measures register read by pandas and openpyxl."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from annotator.core.formats.exporters import export
from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from tests.formats.samples import label_samples, stored_counts

datasets = pytest.importorskip("datasets")


@pytest.fixture(autouse=True)
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(datasets.config, "HF_DATASETS_OFFLINE", True, raising=False)
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))


def test_load_dataset_reads_the_export_with_one_schema(store: Store, tmp_path: Path) -> None:
    counts = label_samples(store)
    out = tmp_path / "dataset"
    export(store, out, "huggingface")
    data = datasets.load_dataset(
        "json", data_files=str(out / "data.jsonl"), split="train", cache_dir=str(tmp_path / "c")
    )
    assert len(data) == counts.articles
    attributes = data.features["spans"].feature["attributes"]
    assert sorted(attributes) == ["category", "note", "status"]
    assert sum(len(row["spans"]) for row in data) == counts.spans
    assert sum(len(row["relations"]) for row in data) == counts.relations
    person = next(s for row in data for s in row["spans"] if s["label"] == "PERSON")
    assert person["attributes"] == {"category": None, "note": None, "status": None}
    labels = orjson.loads((out / "labels.json").read_bytes())
    assert labels["labels"][0] == "PERSON"
    assert labels["ner_tags"][:3] == ["O", "B-PERSON", "I-PERSON"]
    assert all(len(row["tokens"]) == len(row["ner_tags"]) for row in data)


def test_the_folder_loads_with_the_features_its_card_declares(store: Store, tmp_path: Path) -> None:
    label_samples(store)
    out = tmp_path / "dataset"
    export(store, out, "huggingface")
    data = datasets.load_dataset(str(out), split="train", cache_dir=str(tmp_path / "c"))
    tags = data.features["ner_tags"].feature
    assert tags.names[:3] == ["O", "B-PERSON", "I-PERSON"]
    assert data.features["spans"].feature["start"].dtype == "int64"


def test_a_file_written_by_datasets_with_nulls_imports(store: Store, tmp_path: Path) -> None:
    counts = label_samples(store)
    out = tmp_path / "ours.jsonl"
    export(store, out, "jsonl", annotator="amina")
    # With the struct declared (datasets 3.x inferred it; 5.x keeps such lists as Json unless
    # told), datasets fills every missing attribute key with null, and writes it so.
    text = datasets.Value("string")
    features = datasets.Features(
        {
            "id": text,
            "text": text,
            "text_sha256": text,
            "annotator": text,
            "status": text,
            "spans": datasets.List(
                {
                    "id": text,
                    "start": datasets.Value("int64"),
                    "end": datasets.Value("int64"),
                    "label": text,
                    "text": text,
                    "attributes": {"category": text, "status": text, "note": text},
                }
            ),
            "relations": datasets.List({"type": text, "head": text, "tail": text}),
            "schema_version": datasets.Value("int64"),
        }
    )
    data = datasets.load_dataset(
        "json",
        data_files=str(out),
        split="train",
        features=features,
        cache_dir=str(tmp_path / "c"),
    )
    written = tmp_path / "written.jsonl"
    data.to_json(str(written), force_ascii=False)
    first = orjson.loads(written.read_bytes().splitlines()[0])
    assert any(v is None for s in first["spans"] for v in (s["attributes"] or {}).values())
    with Store(tmp_path / "back.db") as back:
        report = import_paths(back, [written])
        assert not report.errors, report.errors
        assert stored_counts(back) == counts


def test_the_register_has_a_row_per_measure_with_its_relations(
    store: Store, tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas")
    label_samples(store)
    out = tmp_path / "measures.csv"
    report = export(store, out, "measures", annotator="amina")
    table = pandas.read_csv(out, encoding="utf-8-sig", keep_default_na=False)
    measures = store.conn.execute("SELECT count(*) FROM spans WHERE label = 'MEASURE'").fetchone()[
        0
    ]
    assert len(table) == measures
    row = table[table["measure"] == "تسريع تبادل البيانات والوثائق بين الإدارات"].iloc[0]
    assert row["issued_by"] == "عبد الحق سايحي"
    assert row["effective_on"] == "31 ديسمبر 2025"
    assert row["effective_on_iso8601"] == "2025-12-31"
    assert row["amount"] == "100%"
    assert row["category"] == "digital"
    assert row["note"] == "المرحلة الأولى قبل نهاية 2025"
    assert row["annotator"] == "amina"
    assert row["title"].startswith("ترأس")
    # «أمس الثلاثاء»: a date the text does not state, counted, left blank
    assert report.warnings["EFFECTIVE_ON dates not read as ISO 8601 (left blank)"] >= 1


def test_the_xlsx_register_is_right_to_left_with_arabic_headers(
    store: Store, tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    label_samples(store)
    out = tmp_path / "measures.xlsx"
    export(store, out, "measures", lang="ar", gold=False)
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet.sheet_view.rightToLeft is True
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["معرّف المقال", "العنوان", "المُوسِّم", "التدبير"]
    assert "صادر عن" in header
    assert "يسري في (ISO 8601)" in header
    categories = {row[4] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert "صحة" in categories  # values in Arabic too
    pandas = pytest.importorskip("pandas")
    assert len(pandas.read_excel(out)) == sheet.max_row - 1


def test_no_cell_of_the_register_runs_as_a_formula(store: Store, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from annotator.core.actions import AddSpan
    from tests.conftest import insert_article

    insert_article(store, "x", "=HYPERLINK(1) تدبير")
    AddSpan("x", "amina", 0, len("=HYPERLINK(1) تدبير"), "MEASURE").apply(store)
    out = tmp_path / "m.xlsx"
    export(store, out, "measures")
    cell = openpyxl.load_workbook(out).active["D2"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1) تدبير", "s")
    assert os.path.getsize(out) > 0
