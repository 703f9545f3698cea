"""Importing files: all or nothing per file, with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from tests.conftest import DATA, SAMPLE_IDS

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا"


def jsonl(path: Path, *records: object) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def span(text: str, words: str, label: str, span_id: str = "s1") -> dict[str, object]:
    start = text.index(words)
    return {"id": span_id, "start": start, "end": start + len(words), "label": label, "text": words}


def counts(store: Store) -> tuple[int, int, int, int]:
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    return (
        one("SELECT count(*) FROM articles"),
        one("SELECT count(*) FROM spans"),
        one("SELECT count(*) FROM relations"),
        one("SELECT count(*) FROM layers"),
    )


def test_five_samples_import_with_their_text_intact(sample_store: Store) -> None:
    assert sample_store.article_ids() == SAMPLE_IDS
    for article_id in SAMPLE_IDS:
        raw = (DATA / f"{article_id}.txt").read_text(encoding="utf-8")
        text = sample_store.article(article_id).text
        assert text in raw
        assert not text.startswith("\n")
        assert not text.endswith("\n")
    first = sample_store.article("000_df08c50dd71f35aa").text
    assert "شَكَّل" in first  # diacritics kept
    assert "\u00a0" in sample_store.article("003_fa3b66aff1b8cfbb").text  # no-break spaces kept


def test_reimporting_identical_articles_changes_nothing(sample_store: Store) -> None:
    before = counts(sample_store)
    report = import_paths(sample_store, [DATA])
    assert not report.errors
    assert report.total("articles_added") == 0
    assert counts(sample_store) == before


def test_same_id_with_other_text_is_an_error_unless_replace(
    sample_store: Store, tmp_path: Path
) -> None:
    changed = tmp_path / "000_df08c50dd71f35aa.txt"
    changed.write_text("نص آخر زمردي", encoding="utf-8")
    report = import_paths(sample_store, [changed])
    assert "exists with different text" in str(report.errors[0])
    assert sample_store.article("000_df08c50dd71f35aa").text.startswith("عقد")
    report = import_paths(sample_store, [changed], replace=True)
    assert not report.errors
    assert sample_store.article("000_df08c50dd71f35aa").text == "نص آخر زمردي"
    assert sample_store.search("زمردي") == ["000_df08c50dd71f35aa"]
    assert sample_store.search("أخنوش") == []


def test_our_jsonl_brings_spans_attributes_relations_and_status(
    store: Store, tmp_path: Path
) -> None:
    record = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "status": "done",
        "spans": [
            span(TEXT, "عزيز أخنوش", "PERSON", "s1"),
            span(TEXT, "رئيس الحكومة", "TITLE", "s2"),
        ],
        "relations": [{"type": "HAS_TITLE", "head": "s1", "tail": "s2"}],
    }
    report = import_paths(store, [jsonl(tmp_path / "in.jsonl", record)])
    assert not report.errors
    spans = store.spans("a1", "amina")
    assert [(TEXT[s.start : s.end], s.label) for s in spans] == [
        ("عزيز أخنوش", "PERSON"),
        ("رئيس الحكومة", "TITLE"),
    ]
    (relation,) = store.relations("a1")
    assert (relation.type, relation.head, relation.tail) == ("HAS_TITLE", spans[0].id, spans[1].id)
    assert store.layer("a1", "amina").status == "done"


def test_crlf_text_with_spans_is_remapped_not_shifted(store: Store, tmp_path: Path) -> None:
    text = "سطر أول\r\nعزيز أخنوش"
    record = {
        "id": "a1",
        "text": text,
        "annotator": "amina",
        "spans": [span(text, "عزيز أخنوش", "PERSON")],
    }
    import_paths(store, [jsonl(tmp_path / "in.jsonl", record)])
    stored = store.article("a1").text
    (found,) = store.spans("a1")
    assert stored == "سطر أول\nعزيز أخنوش"
    assert stored[found.start : found.end] == "عزيز أخنوش"


BAD_SPANS = {
    "outside the text": {"start": 0, "end": 999, "label": "PERSON"},
    "empty or reversed": {"start": 5, "end": 5, "label": "PERSON"},
    "reversed": {"start": 8, "end": 4, "label": "PERSON"},
    "unknown label": {"start": 0, "end": 3, "label": "ANIMAL"},
    "differs from": {"start": 4, "end": 8, "label": "PERSON", "text": "خطأ"},
    "must be an integer": {"start": "4", "end": 8, "label": "PERSON"},
}


@pytest.mark.parametrize("problem", list(BAD_SPANS))
def test_bad_span_refuses_the_whole_file_naming_the_line(
    store: Store, tmp_path: Path, problem: str
) -> None:
    good = {"id": "ok", "text": TEXT, "annotator": "amina", "spans": [span(TEXT, "عزيز", "PERSON")]}
    bad = {"id": "bad", "text": TEXT, "annotator": "amina", "spans": [BAD_SPANS[problem]]}
    path = jsonl(tmp_path / "in.jsonl", good, bad)
    report = import_paths(store, [path])
    (error,) = report.errors
    expected = "empty or reversed" if problem == "reversed" else problem
    assert expected in error.message
    assert (error.path, error.line) == (str(path), 2)
    assert counts(store) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (b'{"id": "a", "text": "\xd9\x86\xd8\xb5"}\n{"id": "b", "text": \n', "malformed JSON", 2),
        (b'{"id": "a", "text": "x"}\n[1, 2]\n', "found an array", 2),
        (b'{"id": "a"}\n', 'missing "text"', 1),
        (b'{"id": "a", "text": "   "}\n', "empty text", 1),
        (b'{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "appears twice", 2),
        (
            b'{"id": "a", "text": "x", "spans": [{"start": 0, "end": 1, "label": "PERSON"}]}\n',
            "need an annotator",
            1,
        ),
    ],
)
def test_malformed_jsonl_is_refused_whole(
    store: Store, tmp_path: Path, content: bytes, message: str, line: int
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(content)
    (error,) = import_paths(store, [path]).errors
    assert message in error.message
    assert error.line == line
    assert counts(store) == (0, 0, 0, 0)


def test_relation_not_allowed_by_schema_is_refused(store: Store, tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [
            span(TEXT, "عزيز أخنوش", "PERSON", "s1"),
            span(TEXT, "رئيس الحكومة", "TITLE", "s2"),
        ],
        "relations": [{"type": "HAS_TITLE", "head": "s2", "tail": "s1"}],
    }
    (error,) = import_paths(store, [jsonl(tmp_path / "in.jsonl", record)]).errors
    assert "cannot link TITLE to PERSON" in error.message


def test_doccano_jsonl_imports_spans_for_the_given_annotator(store: Store, tmp_path: Path) -> None:
    start = TEXT.index("عزيز أخنوش")
    path = jsonl(
        tmp_path / "doccano.jsonl",
        {"id": 7, "text": TEXT, "label": [[start, start + 10, "PERSON"]]},
    )
    report = import_paths(store, [path], annotator="karim")
    assert not report.errors
    (found,) = store.spans("7", "karim")
    assert TEXT[found.start : found.end] == "عزيز أخنوش"


def test_csv_with_id_and_text_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text('id,text,source\nx1,"سطر\nثان",web\nx2,نص,web\n', encoding="utf-8")
    assert not import_paths(store, [path]).errors
    assert store.article("x1").text == "سطر\nثان"
    assert store.article_count() == 2


def test_csv_without_text_column_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text("id,body\nx1,نص\n", encoding="utf-8")
    (error,) = import_paths(store, [path]).errors
    assert (error.line, '"text"' in error.message) == (1, True)


def test_a_bad_file_does_not_stop_the_others(store: Store, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("مقال جيد", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_text(" \n\u00a0\n", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert store.article_ids() == ["good"]
    assert sorted(Path(e.path or "").name for e in report.errors) == ["empty.txt", "image.txt"]


def test_missing_path_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    (error,) = import_paths(store, [tmp_path / "nowhere.txt"]).errors
    assert error.message == "no such file or folder"


def test_layer_of_another_annotator_is_added_beside_the_first(store: Store, tmp_path: Path) -> None:
    amina = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [span(TEXT, "عزيز أخنوش", "PERSON")],
    }
    karim = {
        "id": "a1",
        "text": TEXT,
        "annotator": "karim",
        "spans": [span(TEXT, "رئيس الحكومة", "TITLE")],
    }
    import_paths(store, [jsonl(tmp_path / "amina.jsonl", amina)])
    import_paths(store, [jsonl(tmp_path / "karim.jsonl", karim)])
    assert [s.label for s in store.spans("a1", "amina")] == ["PERSON"]
    assert [s.label for s in store.spans("a1", "karim")] == ["TITLE"]


def test_different_layer_for_same_annotator_needs_replace(store: Store, tmp_path: Path) -> None:
    first = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [span(TEXT, "عزيز أخنوش", "PERSON")],
    }
    second = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [span(TEXT, "رئيس الحكومة", "TITLE")],
    }
    import_paths(store, [jsonl(tmp_path / "one.jsonl", first)])
    (error,) = import_paths(store, [jsonl(tmp_path / "two.jsonl", second)]).errors
    assert "already has different labels" in error.message
    assert [s.label for s in store.spans("a1")] == ["PERSON"]
    assert not import_paths(store, [tmp_path / "two.jsonl"], replace=True).errors
    assert [s.label for s in store.spans("a1")] == ["TITLE"]


def test_large_file_written_in_chunks_stays_invisible_until_its_last_line(
    store: Store, tmp_path: Path
) -> None:
    """A file longer than one chunk that fails at its end leaves nothing behind."""
    records = [{"id": f"n{i}", "text": f"مقال رقم {i}"} for i in range(1200)]
    records.append({"id": "broken"})
    (error,) = import_paths(store, [jsonl(tmp_path / "big.jsonl", *records)]).errors
    assert error.line == 1201
    assert counts(store) == (0, 0, 0, 0)
    assert store.conn.execute("SELECT count(*) FROM imports").fetchone()[0] == 0


def test_rows_of_an_unfinished_import_are_invisible_and_cleaned_when_its_process_died(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        with store.write():
            store.conn.execute(
                "INSERT INTO imports (id, source, state, host, pid, started_at) "
                "VALUES (1, 'x', 'running', (SELECT 'h'), 99999999, 0)"
            )
        import socket

        with store.write():
            store.conn.execute("UPDATE imports SET host = ?", [socket.gethostname()])
            store.conn.execute(
                "INSERT INTO articles (id, text, text_sha256, title, created_at, import_id) "
                "VALUES ('ghost', 'نص', '', '', 0, 1)"
            )
        assert store.article("ghost") is None
        assert store.search("نص") == []
        assert store.article_count() == 0
        assert store.article_ids() == []
    with Store(db) as reopened:  # the process 99999999 is gone: its rows are deleted
        assert reopened.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
