"""Property-based round trips for the formats that keep everything: any text (emoji,
tashkeel, no-break spaces, newlines), any spans, nested or crossing, with attributes and
relations, comes back the same; and CRLF text from another tool is remapped, not refused."""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.actions import AddRelation, AddSpan, SetAttribute, SetStatus
from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from tests.conftest import insert_article
from tests.formats.roundtrip import content, round_trip

ALPHABET = [*"عزيزأخنوشرئيسالحكومةَُِّ ", "😀", "E", "-", "1", "%", "\n", "\u00a0", "،"]
NOTES = st.text(alphabet=st.sampled_from([*"ملاحظة ", "\n", "😀", "x"]), min_size=1, max_size=8)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    text = draw(
        st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=50).filter(str.strip)
    )
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if text[start:end].strip() and "\n" not in text[start:end][:1] + text[start:end][-1:]:
            spans.append((start, end, draw(st.sampled_from(["PERSON", "ORG", "MEASURE", "DATE"]))))
    notes = [draw(NOTES) for _ in spans]
    return text, spans, notes


def fill(store: Store, generated: list) -> None:
    for n, (text, spans, notes) in enumerate(generated):
        insert_article(store, f"a{n}", text)
        ids = [
            AddSpan(f"a{n}", "amina", s, e, label).apply(store).span_ids[0] for s, e, label in spans
        ]
        labels = [label for _, _, label in spans]
        for span_id, label, note in zip(ids, labels, notes, strict=True):
            if label == "MEASURE":
                SetAttribute(span_id, "category", "health").apply(store)
                SetAttribute(span_id, "note", note).apply(store)
                for other, other_label in zip(ids, labels, strict=True):
                    if other_label == "PERSON":
                        AddRelation("ISSUED_BY", span_id, other).apply(store)
                        break
        if spans:
            SetStatus(f"a{n}", "amina", "done").apply(store)


def one_line(span: tuple) -> tuple:
    start, end, label, attributes = span
    return (
        start,
        end,
        label,
        tuple((k, " ".join(v.split()) if k == "note" else v) for k, v in attributes),
    )


def brat_view(layer: tuple) -> tuple:
    """A layer as brat gives it back: notes' line breaks made spaces, status in progress."""
    spans, relations, _, comment = layer
    return (
        sorted(one_line(s) for s in spans),
        sorted((t, one_line(h), one_line(tl)) for t, h, tl in relations),
        "in_progress",
        comment,
    )


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "huggingface", "brat"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=st.lists(articles(), min_size=1, max_size=3))
def test_lossless_formats_round_trip_anything(tmp_path: Path, fmt: str, generated: list) -> None:
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    with Store(work / "one.db") as one, Store(work / "two.db") as two:
        fill(one, generated)
        _, imported = round_trip(one, fmt, work, two)
        assert not imported.errors, imported.errors
        before, after = content(one), content(two)
        if fmt == "brat":  # no workflow status; a note on one line
            before = {k: brat_view(v) for k, v in before.items()}
        assert after == before


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_crlf_text_from_another_tool_is_remapped(store: Store, tmp_path: Path, fmt: str) -> None:
    text = "😀 عزيز أخنوش\r\nرئيس الحكومة"
    start = text.index("رئيس")
    if fmt == "doccano":
        path = tmp_path / "in.jsonl"
        path.write_bytes(
            orjson.dumps({"id": "a", "text": text, "label": [[start, len(text), "TITLE"]]}) + b"\n"
        )
    else:
        path = tmp_path / "in.json"
        region = {"start": start, "end": len(text), "text": text[start:], "labels": ["TITLE"]}
        task = {
            "data": {"text": text, "article_id": "a"},
            "annotations": [
                {
                    "completed_by": {"email": "amina@x.org"},
                    "result": [{"id": "r", "type": "labels", "value": region}],
                }
            ],
        }
        path.write_bytes(orjson.dumps([task]))
    report = import_paths(store, [path], annotator="amina", fmt=fmt)
    assert not report.errors, report.errors
    stored = store.article("a")
    assert stored is not None
    assert stored.text == text.replace("\r\n", "\n")
    (span,) = store.spans("a", "amina")
    assert stored.text[span.start : span.end] == "رئيس الحكومة"
