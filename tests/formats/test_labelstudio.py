"""Label Studio both ways: our tasks in the shapes Label Studio's importer and front end
use (checked against their source and real export files), and its exports read back."""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import orjson
import pytest

from annotator.core.actions import AddRelation, AddSpan, SetAttribute
from annotator.core.errors import InputError
from annotator.core.formats.exporters import export
from annotator.core.formats.importers import import_paths
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.formats.records import ReadContext
from annotator.core.models import GOLD
from annotator.core.schema import default_schema, parse_schema
from annotator.core.store import Store
from tests.conftest import insert_article

FIXTURES = Path(__file__).parent / "fixtures" / "labelstudio"
EMOJI = "😀😀 عقد عزيز أخنوش، رئيس الحكومة، اجتماعا حول التدابير الاحترازية"


def schema_with(labels: list[str]) -> object:
    raw = {
        "version": 1,
        "labels": [
            {"name": n, "ar": n, "en": n, "key": n[0], "digit": str(i), "color": "#000000"}
            for i, n in enumerate(labels)
        ],
        "relations": [],
    }
    return parse_schema(orjson.dumps(raw))


@pytest.fixture
def labelled(store: Store) -> Store:
    insert_article(store, "a1", EMOJI)
    person = AddSpan("a1", "amina", EMOJI.index("عزيز"), EMOJI.index("،"), "PERSON").apply(store)
    title_at = EMOJI.index("رئيس")
    title = AddSpan("a1", "amina", title_at, title_at + 12, "TITLE").apply(store)
    AddSpan("a1", "amina", title_at + 5, title_at + 12, "ORG").apply(store)
    measure = AddSpan("a1", "amina", EMOJI.index("التدابير"), len(EMOJI), "MEASURE").apply(store)
    SetAttribute(measure.span_ids[0], "category", "health").apply(store)
    SetAttribute(measure.span_ids[0], "note", "ملاحظة\nبسطرين").apply(store)
    AddRelation("HAS_TITLE", person.span_ids[0], title.span_ids[0]).apply(store)
    AddRelation("ISSUED_BY", measure.span_ids[0], person.span_ids[0]).apply(store)
    AddSpan("a1", "سلمى", EMOJI.index("عزيز"), EMOJI.index("،"), "PERSON").apply(store)
    AddSpan("a1", GOLD, EMOJI.index("عزيز"), EMOJI.index("،"), "PERSON").apply(store)
    insert_article(store, "a2", "مقال بلا تسميات")
    return store


def test_tasks_have_the_shapes_label_studio_reads(labelled: Store, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    report = export(labelled, out, "labelstudio")
    tasks = orjson.loads(out.read_bytes())
    assert [t["data"]["article_id"] for t in tasks] == ["a1", "a2"]
    first = tasks[0]
    assert first["data"]["text"] == EMOJI
    assert set(first["meta"]["layers"]) == {"amina", "سلمى", GOLD}
    by_user = {a["completed_by"]["email"]: a for a in first["annotations"]}
    assert set(by_user) == {
        "amina@annotators.invalid",
        "gold@annotators.invalid",
        "%D8%B3%D9%84%D9%85%D9%89@annotators.invalid",  # ASCII, as Label Studio's e-mails must be
    }
    assert by_user["gold@annotators.invalid"]["ground_truth"] is True
    result = by_user["amina@annotators.invalid"]["result"]
    person = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["PERSON"])
    # Code points: the two emoji count one each (UTF-16 would put the span two late).
    assert person["value"]["start"] == EMOJI.index("عزيز")
    assert person["value"]["text"] == "عزيز أخنوش"
    assert (person["from_name"], person["to_name"]) == ("label", "text")
    measure_id = next(r["id"] for r in result if r["value"].get("labels") == ["MEASURE"])
    per_region = [r for r in result if r["type"] in ("choices", "textarea")]
    assert {r["id"] for r in per_region} == {measure_id}
    category = next(r for r in per_region if r["from_name"] == "category")
    assert category["value"]["choices"] == ["health"]
    note = next(r for r in per_region if r["from_name"] == "note")
    assert (note["type"], note["value"]["text"]) == ("textarea", ["ملاحظة\nبسطرين"])
    relations = [r for r in result if r["type"] == "relation"]
    assert {tuple(r["labels"]) for r in relations} == {("HAS_TITLE",), ("ISSUED_BY",)}
    assert all(r["direction"] == "right" for r in relations)
    assert tasks[1]["annotations"] == []
    assert tasks[0]["predictions"] == []
    assert any("Add People" in note for note in report.notes)
    users = (tmp_path / "tasks.users.csv").read_text(encoding="utf-8").splitlines()
    assert users[0] == "email,annotator"
    assert "amina@annotators.invalid,amina" in users


def test_the_labelling_config_is_valid_xml_for_our_schema(labelled: Store, tmp_path: Path) -> None:
    export(labelled, tmp_path / "tasks.json", "labelstudio")
    root = ET.parse(tmp_path / "tasks.label_config.xml").getroot()
    schema = default_schema()
    assert root.tag == "View"
    labels = root.find("Labels")
    assert labels is not None
    assert (labels.get("name"), labels.get("toName")) == ("label", "text")
    shown = {(lab.get("value"), lab.get("background")) for lab in labels.iter("Label")}
    assert shown == {(label.name, label.color) for label in schema.labels}
    assert {r.get("value") for r in root.iter("Relation")} == {r.name for r in schema.relations}
    assert root.find(".//Text[@name='text']").get("value") == "$text"  # type: ignore[union-attr]
    for name in ("category", "status"):
        choices = root.find(f".//Choices[@name='{name}']")
        assert choices is not None
        assert (choices.get("perRegion"), choices.get("whenLabelValue")) == ("true", "MEASURE")
        attribute = schema.attribute("MEASURE", name)
        assert attribute is not None
        assert [c.get("value") for c in choices.iter("Choice")] == list(attribute.values or ())
    note = root.find(".//TextArea[@name='note']")
    assert note is not None
    assert note.get("perRegion") == "true"


def test_the_same_tags_as_label_studios_own_example_config() -> None:
    # The attributes we set on Labels/Text are those Label Studio's NER example uses.
    example = ET.parse(FIXTURES / "frontend_named_entity_config.xml").getroot()
    assert example.find("Labels") is not None
    assert {k for lab in example.iter("Label") for k in lab.attrib} <= {"value", "background"}
    assert set(example.find("Text").attrib) == {"name", "value"}  # type: ignore[union-attr]


def test_export_then_import_gives_every_layer_back(labelled: Store, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(labelled, out, "labelstudio")
    with Store(tmp_path / "back.db") as back:
        report = import_paths(back, [out])
        assert not report.errors, report.errors
        assert set(back.annotators()) == {"amina", "سلمى", GOLD}
        assert [(s.label, s.attributes) for s in back.spans("a1", "amina")] == [
            (s.label, s.attributes) for s in labelled.spans("a1", "amina")
        ]
        assert len(back.relations("a1", "amina")) == 2


def test_a_pretty_printed_export_with_cancelled_annotations_and_predictions(
    labelled: Store, tmp_path: Path
) -> None:
    out = tmp_path / "tasks.json"
    export(labelled, out, "labelstudio")
    tasks = orjson.loads(out.read_bytes())
    amina = tasks[0]["annotations"][0]
    tasks[0]["annotations"].append({**amina, "was_cancelled": True, "completed_by": 7})
    tasks[0]["predictions"] = [{"model_version": "crf-v1", "score": 0.8, "result": amina["result"]}]
    tasks[1]["id"] = 99
    pretty = tmp_path / "export.json"
    pretty.write_bytes(orjson.dumps(tasks, option=orjson.OPT_INDENT_2))
    with Store(tmp_path / "back.db") as back:
        report = import_paths(back, [pretty])
        assert not report.errors, report.errors
        (file_report,) = report.files
        assert file_report.notes["cancelled annotations skipped"] == 1
        assert "crf-v1" in back.annotators()  # a named layer until predictions can be proposals
        assert any("predictions imported as layer 'crf-v1'" in n for n in report.notes())


def test_completed_by_is_mapped_to_annotator_names(labelled: Store, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(labelled, out, "labelstudio")
    tasks = orjson.loads(out.read_bytes())
    for annotation in tasks[0]["annotations"]:
        if annotation["completed_by"]["email"].startswith("amina"):
            annotation["completed_by"] = 12  # an export that names users by id
    out.write_bytes(orjson.dumps(tasks))
    with Store(tmp_path / "back.db") as back:
        report = import_paths(back, [out], annotator_map={"12": "karim"})
        assert not report.errors, report.errors
        assert "karim" in back.annotators()
        assert "amina" not in back.annotators()


def test_real_label_studio_files_are_read() -> None:
    # Label Studio's own NER example (one task in a file), in a schema with its labels.
    # Its annotation names no user (Label Studio gives it to whoever imports it): we ask.
    context = ReadContext(schema_with(["Date", "PER", "ORG"]))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="annotation without completed_by: give --annotator"):
        list(read_labelstudio(FIXTURES / "frontend_named_entity_1.json", context))
    context = ReadContext(schema_with(["Date"]), annotator="amina")  # type: ignore[arg-type]
    (article,) = read_labelstudio(FIXTURES / "frontend_named_entity_1.json", context)
    assert article.annotator == "amina"
    (span,) = article.spans
    assert article.text[span.start : span.end] == "February 22"
    # Exports with image regions and document-level choices: counted, never a crash.
    context = ReadContext(schema_with(["Car"]), annotator="amina")  # type: ignore[arg-type]
    articles = list(read_labelstudio(FIXTURES / "converter_csv_test.json", context))
    assert [a.id for a in articles][:1] == ["converter_csv_test-1"]
    assert (
        context.notes[
            "results of type 'rectanglelabels' skipped (not a span, attribute or relation)"
        ]
        == 5  # three in the annotations, two in the predictions
    )
    context = ReadContext(default_schema())
    (article,) = read_labelstudio(FIXTURES / "converter_csv_test_history.json", context)
    assert article.annotator == "sergei"  # the e-mail's local part
    assert (
        context.notes["results of type 'choices' skipped (not a span, attribute or relation)"] == 1
    )


def test_the_csv_and_json_min_exports_are_refused_naming_the_json_export(
    store: Store, tmp_path: Path
) -> None:
    csv_export = tmp_path / "project.csv"
    shutil.copy(FIXTURES / "converter_csv_test2_result.csv", csv_export)
    json_min = tmp_path / "project.json"
    json_min.write_bytes(
        orjson.dumps(
            [
                {
                    "id": 4,
                    "text": "نص",
                    "label": [],
                    "annotator": 1,
                    "annotation_id": 9,
                    "lead_time": 3,
                }
            ]
        )
    )
    report = import_paths(store, [csv_export, json_min])
    messages = [str(e) for e in report.errors]
    assert len(messages) == 2
    assert "Label Studio's CSV export" in messages[0]
    assert "Label Studio's JSON_MIN export" in messages[1]
    assert all("export the project as JSON" in m for m in messages)
    assert store.article_count() == 0


def test_a_cut_short_export_is_refused_whole(labelled: Store, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(labelled, out, "labelstudio")
    cut = tmp_path / "cut.json"
    cut.write_bytes(orjson.dumps(orjson.loads(out.read_bytes()), option=orjson.OPT_INDENT_2)[:-40])
    with Store(tmp_path / "back.db") as back:
        (error,) = import_paths(back, [cut]).errors
        assert "cut.json" in str(error)
        assert back.article_count() == 0
