"""doccano and brat: their own files read (with a schema holding their labels), ours in
the shapes they write, relations kept both ways, what they cannot hold refused or counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import InputError
from annotator.core.formats.brat import read_brat
from annotator.core.formats.doccano import read_doccano
from annotator.core.formats.exporters import export
from annotator.core.formats.importers import import_paths
from annotator.core.formats.records import ReadContext
from annotator.core.schema import parse_schema
from annotator.core.store import Store
from tests.formats.samples import label_samples

FIXTURES = Path(__file__).parent / "fixtures"


def schema_with(labels: list[str], relations: list[str] = (), attributes: dict | None = None):  # type: ignore[assignment]
    raw = {
        "version": 1,
        "labels": [
            {"name": n, "ar": n, "en": n, "key": n[0], "digit": "1", "color": "#000"}
            for n in labels
        ],
        "relations": [
            {"name": r, "ar": r, "en": r, "heads": ["*"], "tails": ["*"]} for r in relations
        ],
        "attributes": attributes or {},
    }
    return parse_schema(orjson.dumps(raw))


# -- doccano -------------------------------------------------------------------------------


def test_doccanos_relation_example_keeps_its_relations() -> None:
    schema = schema_with(["ORG", "DATE", "PERSON"], ["foundedAt", "foundedBy"])
    context = ReadContext(schema, annotator="admin")
    (article,) = read_doccano(FIXTURES / "doccano" / "import_relation_extraction.jsonl", context)
    assert [article.text[s.start : s.end] for s in article.spans] == [
        "Google",
        "September 4, 1998",
        "Larry Page",
        "Sergey Brin",
    ]
    assert article.relations == [("foundedAt", 0, 1), ("foundedBy", 0, 2), ("foundedBy", 0, 3)]


def test_doccanos_plain_export_and_a_per_member_file_name(tmp_path: Path) -> None:
    schema = schema_with(["ORG", "MISC", "PERSON"])
    member = tmp_path / "admin.jsonl"  # doccano names each member's file after the user
    shutil.copy(FIXTURES / "doccano" / "export_sequence_labeling.jsonl", member)
    context = ReadContext(schema)
    articles = list(read_doccano(member, context))
    assert [a.annotator for a in articles] == ["admin"] * 3
    assert [len(a.spans) for a in articles] == [2, 1, 1]
    assert any("taken from the file name" in note for note in context.notes)
    everyone = tmp_path / "all.jsonl"  # a collaborative project's one file names nobody
    shutil.copy(member, everyone)
    with pytest.raises(InputError, match="spans need an annotator"):
        list(read_doccano(everyone, ReadContext(schema)))


def test_doccanos_own_test_files_the_bad_one_refused_with_its_line() -> None:
    schema = schema_with(["LOC", "PER"])
    context = ReadContext(schema, annotator="admin")
    with pytest.raises(InputError, match='missing "text"') as caught:
        list(read_doccano(FIXTURES / "doccano" / "import_sequence_labeling.jsonl", context))
    assert caught.value.line == 3
    # The same span twice, as doccano's overlapping test file has it, is kept twice.
    (article,) = read_doccano(FIXTURES / "doccano" / "import_overlapping.jsonl", context)
    assert len(article.spans) == 2


def test_doccano_export_forms_and_the_nesting_warning(store: Store, tmp_path: Path) -> None:
    label_samples(store)
    out = tmp_path / "doccano.jsonl"
    report = export(store, out, "doccano")
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert all("entities" in r and "relations" in r for r in records)  # every sample has one
    record = records[0]
    ids = {e["id"] for e in record["entities"]}
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in record["relations"])
    assert all(set(e) == {"id", "label", "start_offset", "end_offset"} for e in record["entities"])
    warning = next(w for w in report.warnings if "Allow overlapping spans" in w)
    assert report.warnings[warning] > 0


# -- brat ----------------------------------------------------------------------------------

NEWS = ["Person", "Organization", "GPE", "Money"]


def test_brats_tutorial_files_are_read(tmp_path: Path) -> None:
    schema = schema_with(
        [*NEWS, "Merge-org", "Report"],
        ["Located", "Family", "Employment", "Geographical_part"],
        {
            "Person": [{"name": "note", "ar": "n", "en": "n", "values": None}],
            "Organization": [
                {"name": "Mention", "ar": "m", "en": "m", "values": ["Name", "Nominal", "Other"]}
            ],
        },
    )
    news = FIXTURES / "brat" / "news"
    context = ReadContext(schema, annotator="brat")
    relation = next(read_brat(news / "060-relation_annotation.ann", context))
    assert len(relation.spans) == 10  # of 12 lines: a relation and an equivalence ("*")
    assert relation.relations == [("Located", 0, 1)]  # Terry Pratchett, England
    assert any("equivalences" in note for note in context.notes)
    context = ReadContext(schema, annotator="brat")
    notes = next(read_brat(news / "110-note_annotation.ann", context))
    assert all(notes.text[s.start : s.end] for s in notes.spans)
    # Events and their attributes have no place here (counted); a binary attribute
    # ("Individual", no value) neither, and ours all have values: refused, with its line.
    context = ReadContext(schema, annotator="b")
    with pytest.raises(InputError, match="our attributes all have values") as caught:
        list(read_brat(news / "100-attribute_annotation.ann", context))
    assert caught.value.line == 30
    assert context.notes["brat attributes of events skipped"] == 3


def test_a_discontinuous_span_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("عزيز أخنوش رئيس الحكومة\nسطر", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPERSON 0 4;11 15\tعزيز رئيس\n", encoding="utf-8")
    context = ReadContext(schema_with(["PERSON"]), annotator="b")
    with pytest.raises(InputError, match="discontinuous span") as caught:
        list(read_brat(tmp_path, context))
    assert caught.value.line == 1


def test_a_span_across_a_line_break_goes_as_fragments_and_comes_back_whole(
    tmp_path: Path, store: Store
) -> None:
    from annotator.core.actions import AddSpan
    from tests.conftest import insert_article

    text = "🙂 وزارة الصحة\nوالحماية الاجتماعية"
    insert_article(store, "a", text)
    AddSpan("a", "amina", 2, len(text), "ORG").apply(store)
    out = tmp_path / "brat"
    export(store, out, "brat")
    ann = (out / "amina" / "a.ann").read_text(encoding="utf-8")
    assert ann == "T1\tORG 2 13;14 33\tوزارة الصحة والحماية الاجتماعية\n"
    assert (out / "amina" / "a.txt").read_text(encoding="utf-8") == text
    with Store(tmp_path / "back.db") as back:
        assert not import_paths(back, [out]).errors
        (span,) = back.spans("a", "amina")
        assert (span.start, span.end) == (2, len(text))


def test_the_brat_collection_config_lists_our_schema(store: Store, tmp_path: Path) -> None:
    label_samples(store)
    out = tmp_path / "brat"
    export(store, out, "brat")
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]\nPERSON\n" in conf
    assert "ISSUED_BY\tArg1:MEASURE, Arg2:PERSON|ORG" in conf
    assert "TARGETS\tArg1:MEASURE, Arg2:<ENTITY>" in conf
    assert "category\tArg:MEASURE, Value:health|" in conf
    assert sorted(p.name for p in (out / "amina").iterdir())[:2] == [
        "000_df08c50dd71f35aa.ann",
        "000_df08c50dd71f35aa.txt",
    ]
    with pytest.raises(InputError, match="not an empty folder"):
        export(store, out, "brat")  # never over someone's files
