"""Hostile input files: each imports correctly or is refused whole, naming the file and line.

An analyst is sent files from many places (web scrapes, spreadsheets, other tools) and
imports a whole folder at once. No file may crash the program or leave half of itself in
the database.
"""

from __future__ import annotations

import csv
import io
import json
import os
import string
import time
from itertools import count
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.formats.exporters import export
from annotator.core.formats.importers import FileReport, import_file, import_paths
from annotator.core.store import Store

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"


def rows(store: Store) -> dict[str, int]:
    """Every row, visible or not: a refused file must leave none behind."""
    tables = ("articles", "spans", "span_attributes", "relations", "layers", "imports")
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def unfinished_imports(store: Store) -> int:
    return int(
        store.conn.execute("SELECT count(*) FROM imports WHERE state != 'done'").fetchone()[0]
    )


EMPTY = dict.fromkeys(("articles", "spans", "span_attributes", "relations", "layers", "imports"), 0)


def import_one(store: Store, path: Path, **options: object) -> FileReport:
    (report,) = import_paths(store, [path], **options).files  # type: ignore[arg-type]
    return report


def assert_refused(
    store: Store, report: FileReport, path: Path, message: str, line: int | None
) -> None:
    assert isinstance(report.error, InputError), f"{path.name} was imported"
    assert message in report.error.message
    assert (report.error.path, report.error.line) == (str(path), line)
    assert rows(store) == EMPTY


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def write_text_file(path: Path, fmt: str, text: str, encoding: str) -> Path:
    """One article with id "a1" in the format, encoded as given (BOM included)."""
    if fmt == "txt":
        body = text
    elif fmt == "jsonl":
        body = orjson.dumps({"id": "a1", "text": text}).decode() + "\n"
    else:
        out = io.StringIO()
        csv.writer(out).writerows([["id", "text"], ["a1", text]])
        body = out.getvalue()
    path.write_bytes(body.encode(encoding))
    return path


# -- encodings ---------------------------------------------------------------------------

ENCODED = {
    "utf-8 with BOM": "utf-8-sig",
    "utf-16 LE with BOM": "utf-16",  # Python writes the BOM in the machine's (LE) order
    "utf-16 BE with BOM": "utf-16-be-bom",
    "windows-1256": "cp1256",
}


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
@pytest.mark.parametrize("encoding", list(ENCODED))
def test_articles_in_every_supported_encoding_import_with_the_same_text(
    store: Store, tmp_path: Path, fmt: str, encoding: str
) -> None:
    path = write_text_file(tmp_path / f"a1.{fmt}", fmt, TEXT, "utf-8")
    path.write_bytes(encode(path.read_text(encoding="utf-8"), ENCODED[encoding]))
    report = import_one(store, path)
    assert report.error is None
    assert store.article_ids() == ["a1"]
    assert store.article("a1").text == TEXT  # no BOM, no mojibake


def test_doccano_labels_in_utf16_are_kept_not_dropped(store: Store, tmp_path: Path) -> None:
    """The format is detected from the decoded first line, whatever the encoding."""
    start = TEXT.index("عزيز أخنوش")
    line = orjson.dumps({"id": "d1", "text": TEXT, "label": [[start, start + 10, "PERSON"]]})
    path = tmp_path / "doccano.jsonl"
    path.write_bytes(encode(line.decode() + "\n", "utf-16"))
    report = import_one(store, path, annotator="karim")
    assert report.error is None
    assert [s.label for s in store.spans("d1", "karim")] == ["PERSON"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_crlf_and_lone_cr_become_newlines(
    store: Store, tmp_path: Path, fmt: str, newline: str
) -> None:
    text = newline.join(["السطر الأول", "السطر الثاني", "السطر الثالث"])
    path = tmp_path / f"a1.{fmt}"
    # The file's own line ends use the same convention as the text.
    if fmt == "txt":
        path.write_bytes(text.encode())
    elif fmt == "jsonl":
        record = orjson.dumps({"id": "a0", "text": "سطر"}) + newline.encode()
        path.write_bytes(record + orjson.dumps({"id": "a1", "text": text}) + newline.encode())
    else:
        out = io.StringIO()
        csv.writer(out, lineterminator=newline).writerows([["id", "text"], ["a1", text]])
        path.write_bytes(out.getvalue().encode())
    assert import_one(store, path).error is None
    assert store.article("a1").text == "السطر الأول\nالسطر الثاني\nالسطر الثالث"


# -- binary and empty files --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
@pytest.mark.parametrize("where", ["first line", "past the first 8 KB"])
def test_nul_bytes_are_refused_naming_their_line(
    store: Store, tmp_path: Path, fmt: str, where: str
) -> None:
    padding = 1 if where == "first line" else 400
    lines = [f"سطر رقم {i} من المقال" for i in range(padding)] + ["نص\x00مخفي"]
    if fmt == "txt":
        content = "\n".join(lines)
    elif fmt == "jsonl":
        content = "\n".join(f'{{"id": "a{i}", "text": "{t}"}}' for i, t in enumerate(lines))
    else:
        content = "id,text\n" + "\n".join(f"a{i},{t}" for i, t in enumerate(lines))
    path = tmp_path / f"nul.{fmt}"
    path.write_bytes(content.encode("utf-8"))
    report = import_one(store, path)
    line = padding + 1 + (fmt == "csv")  # the NUL line, after the CSV header
    assert isinstance(report.error, InputError)
    assert report.error.path == str(path)
    assert report.error.line == line
    assert rows(store) == EMPTY


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
def test_png_renamed_to_a_text_file_is_refused(store: Store, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(PNG_HEADER + bytes(range(256)) * 8)
    report = import_one(store, path)
    assert isinstance(report.error, InputError)
    assert report.error.path == str(path)
    assert rows(store) == EMPTY


BLANK_FILES = {
    "empty": b"",
    "spaces and newlines": b"   \n\t\n  ",
    "no-break spaces": "\u00a0\u00a0\n\u00a0\n".encode(),
    "only a BOM": b"\xef\xbb\xbf",
}


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv"])
@pytest.mark.parametrize("content", list(BLANK_FILES))
def test_empty_and_blank_files_are_refused_with_a_message(
    store: Store, tmp_path: Path, suffix: str, content: str
) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(BLANK_FILES[content])
    report = import_one(store, path)
    assert isinstance(report.error, InputError), "an empty file must not pass silently"
    assert report.error.path == str(path)
    assert rows(store) == EMPTY


def test_lines_of_no_break_spaces_are_trimmed_at_the_ends_and_kept_inside(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "a1.txt"
    path.write_text("\u00a0\u00a0\n\n\u00a0\nالفقرة الأولى\n\u00a0\u00a0\nالفقرة الثانية\n\u00a0\n")
    assert import_one(store, path).error is None
    assert store.article("a1").text == "الفقرة الأولى\n\u00a0\u00a0\nالفقرة الثانية"


def test_an_article_with_a_hundred_thousand_blank_lines_imports_in_moments(
    store: Store, tmp_path: Path
) -> None:
    """Trimming blank lines once backtracked quadratically: 16,000 lines took 12 s."""
    path = tmp_path / "a1.txt"
    path.write_text("بداية" + "\n\u00a0" * 100_000 + "\nنهاية", encoding="utf-8")
    started = time.perf_counter()
    assert import_one(store, path).error is None
    assert time.perf_counter() - started < 5
    assert store.article("a1").text.endswith("\u00a0\nنهاية")


# -- size --------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_fifty_megabyte_article_imports_and_is_searchable(store: Store, tmp_path: Path) -> None:
    line = "قررت الحكومة تمديد العمل بجواز التلقيح في الإدارات العمومية إلى غاية 31 ديسمبر.\n"
    path = tmp_path / "huge.txt"
    path.write_text("عنوان المقال\n" + line * (50_000_000 // len(line.encode())) + "خاتمة")
    assert path.stat().st_size >= 50_000_000
    started = time.perf_counter()
    report = import_one(store, path)
    elapsed = time.perf_counter() - started
    print(f"\n50 MB article imported in {elapsed:.1f} s")
    assert report.error is None
    text = store.article("huge").text
    assert text.startswith("عنوان المقال\n")
    assert text.endswith("خاتمة")
    assert len(text.encode()) == path.stat().st_size
    assert store.search("بجواز التلقيح") == ["huge"]
    assert elapsed < 15


@pytest.mark.slow
def test_a_hundred_thousand_tiny_articles_in_one_jsonl_all_arrive(
    store: Store, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "tiny.jsonl", *({"id": f"t{i}", "text": f"خبر {i}"} for i in range(100_000))
    )
    started = time.perf_counter()
    report = import_one(store, path)
    elapsed = time.perf_counter() - started
    print(f"\n100,000 tiny articles imported in {elapsed:.1f} s")
    assert report.error is None
    assert report.articles_added == store.article_count() == 100_000
    assert store.article("t99999").text == "خبر 99999"
    assert unfinished_imports(store) == 0


# -- malformed JSON ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
def test_malformed_json_after_many_good_lines_refuses_the_whole_file(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    good = [{"id": f"n{i}", "text": f"مقال {i}", "label": []} for i in range(1200)]
    path = write_jsonl(tmp_path / "broken.jsonl", *good)
    with path.open("ab") as fh:
        fh.write(b'{"id": "bad", "text": "\xd9\x86\xd8\xb5",\n{"id": "after", "text": "x"}\n')
    report = import_one(store, path, fmt=fmt)
    assert_refused(store, report, path, "malformed JSON", 1201)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@pytest.mark.parametrize("value", ["[1, 2]", '"نص"', "42", "null", "true", "[]"])
def test_a_json_value_that_is_not_an_object_is_refused(
    store: Store, tmp_path: Path, fmt: str, value: str
) -> None:
    path = tmp_path / "values.jsonl"
    path.write_text('{"id": "a1", "text": "نص"}\n' + value + "\n", encoding="utf-8")
    # An array says where arrays are read (Label Studio's export is one).
    message = "found an array (a Label Studio export?" if value.startswith("[") else "expected"
    assert_refused(store, import_one(store, path, fmt=fmt), path, message, 2)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a2"}, 'missing "text"'),
        ({"id": "a2", "text": None}, '"text" must be a string'),
        ({"id": "a2", "text": 12}, '"text" must be a string'),
        ({"id": "a2", "text": ["نص"]}, '"text" must be a string'),
        ({"id": "a2", "text": ""}, "empty text"),
        ({"id": "a2", "text": "\u00a0 \n"}, "empty text"),
        ({"id": "a2", "text": "نص\x07"}, "control character U+0007"),
        ({"id": None, "text": "نص"}, '"id" must be a string'),
        ({"id": "  ", "text": "نص"}, "empty article id"),
    ],
)
def test_missing_or_unusable_text_and_ids_are_refused(
    store: Store, tmp_path: Path, fmt: str, record: dict, message: str
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", {"id": "a1", "text": "نص"}, record)
    assert_refused(store, import_one(store, path, fmt=fmt), path, message, 2)


def test_a_csv_row_without_text_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,text\na1,نص\na2,\na3,نص آخر\n", encoding="utf-8")
    assert_refused(store, import_one(store, path), path, "empty text", 3)


def test_a_csv_article_longer_than_the_csv_module_default_limit_imports(
    store: Store, tmp_path: Path
) -> None:
    """Python's csv refuses fields over 131,072 characters unless told otherwise."""
    long_text = "كلمة " * 60_000
    path = write_text_file(tmp_path / "long.csv", "csv", long_text, "utf-8")
    assert import_one(store, path).error is None
    assert store.article("a1").text == long_text


# -- spans -------------------------------------------------------------------------------

BAD_SPANS = {
    "end past the text": ((0, len(TEXT) + 1, "PERSON"), "outside the text"),
    "negative start": ((-1, 3, "PERSON"), "outside the text"),
    "reversed": ((8, 4, "PERSON"), "empty or reversed"),
    "zero-length": ((5, 5, "PERSON"), "empty or reversed"),
    "float offset": ((4.0, 8, "PERSON"), "must be an integer"),
    "string offset": (("4", 8, "PERSON"), "must be an integer"),
    "boolean offset": ((True, 8, "PERSON"), "must be an integer"),
    "missing offset": ((None, 8, "PERSON"), "must be an integer"),
    "unknown label": ((4, 8, "ANIMAL"), "unknown label"),
    "label in lower case": ((4, 8, "person"), "unknown label"),
    "label not a string": ((4, 8, 7), "span label must be a string"),
}


@pytest.mark.parametrize("fmt", ["jsonl", "doccano"])
@pytest.mark.parametrize("problem", list(BAD_SPANS))
def test_a_bad_span_refuses_the_whole_file_naming_its_line(
    store: Store, tmp_path: Path, fmt: str, problem: str
) -> None:
    (start, end, label), message = BAD_SPANS[problem]

    def record(article_id: str, start: object, end: object, label: object) -> dict:
        if fmt == "doccano":
            return {"id": article_id, "text": TEXT, "label": [[start, end, label]]}
        return {
            "id": article_id,
            "text": TEXT,
            "spans": [{"start": start, "end": end, "label": label}],
        }

    path = write_jsonl(
        tmp_path / "in.jsonl", record("ok", 4, 8, "PERSON"), record("bad", start, end, label)
    )
    report = import_one(store, path, fmt=fmt, annotator="amina")
    assert_refused(store, report, path, message, 2)


def test_a_span_whose_text_does_not_match_the_article_is_refused(
    store: Store, tmp_path: Path
) -> None:
    start = TEXT.index("عزيز")
    record = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [{"start": start, "end": start + 4, "label": "PERSON", "text": "عزيزة"}],
    }
    path = write_jsonl(tmp_path / "in.jsonl", record)
    assert_refused(store, import_one(store, path), path, "differs from the article", 1)


SHAPES = {
    "spans is a number": {"spans": 5},
    "spans is an object": {"spans": {"start": 0}},
    "span is a list": {"spans": [[0, 3, "PERSON"]]},
    "relations is a number": {"relations": 5},
    "relations is an object": {"relations": {"type": "HAS_TITLE"}},
    "relation names no span": {"relations": [{"type": "HAS_TITLE", "head": "s1", "tail": "s9"}]},
    "attributes is a list": {
        "spans": [{"start": 0, "end": 3, "label": "MEASURE", "attributes": ["health"]}]
    },
    "attribute value is a number": {
        "spans": [{"start": 0, "end": 3, "label": "MEASURE", "attributes": {"note": 5}}]
    },
    "status is unknown": {"status": "finished"},
    "comment is a list": {"comment": ["x"]},
    "annotator is a number": {"annotator": 5},
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_fields_of_the_wrong_shape_in_our_jsonl_are_refused(
    store: Store, tmp_path: Path, shape: str
) -> None:
    record = {"id": "a1", "text": TEXT, "annotator": "amina", **SHAPES[shape]}
    path = write_jsonl(tmp_path / "in.jsonl", record)
    report = import_one(store, path, fmt="jsonl")
    assert_refused(store, report, path, "", 1)


DOCCANO_SHAPES = {
    "label is a number": {"label": 5},
    "label is a string": {"label": "PERSON"},
    "label is an object": {"label": {"start": 0}},
    "label triple too short": {"label": [[0, 3]]},
    "entities is a number": {"entities": 5},
    "entities is a list of lists": {"entities": [[0, 3, "PERSON"]]},
    "id is a float": {"id": 1.5},
}


@pytest.mark.parametrize("shape", list(DOCCANO_SHAPES))
def test_fields_of_the_wrong_shape_in_doccano_are_refused(
    store: Store, tmp_path: Path, shape: str
) -> None:
    record = {"id": "d1", "text": TEXT, **DOCCANO_SHAPES[shape]}
    path = write_jsonl(tmp_path / "in.jsonl", record)
    report = import_one(store, path, fmt="doccano", annotator="amina")
    assert_refused(store, report, path, "", 1)


# -- duplicates --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "csv"])
def test_a_duplicate_article_id_far_down_the_file_refuses_it_whole(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    rows = [(f"n{i}", f"نص {i}") for i in range(700)] + [("n3", "نص آخر")]  # past a chunk
    path = tmp_path / f"dup.{'csv' if fmt == 'csv' else 'jsonl'}"
    if fmt == "csv":
        path.write_text("id,text\n" + "".join(f"{i},{t}\n" for i, t in rows), encoding="utf-8")
        line = len(rows) + 1
    else:
        write_jsonl(path, *({"id": i, "text": t} for i, t in rows))
        line = len(rows)
    report = import_one(store, path, fmt=fmt)
    assert_refused(store, report, path, "article 'n3' appears twice with different content", line)


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "csv"])
def test_the_same_article_twice_identical_in_one_file_is_added_once(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    rows = [(f"n{i}", f"نص {i}") for i in range(700)] + [("n3", "نص 3")]  # past a chunk
    path = tmp_path / f"dup.{'csv' if fmt == 'csv' else 'jsonl'}"
    if fmt == "csv":
        path.write_text("id,text\n" + "".join(f"{i},{t}\n" for i, t in rows), encoding="utf-8")
    else:
        write_jsonl(path, *({"id": i, "text": t} for i, t in rows))
    report = import_one(store, path, fmt=fmt)
    assert report.error is None
    assert (report.articles_added, report.duplicates_skipped) == (700, 1)
    assert store.article_count() == 700


def test_duplicate_span_ids_in_one_article_are_refused(store: Store, tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "text": TEXT,
        "annotator": "amina",
        "spans": [
            {"id": "s1", "start": 4, "end": 8, "label": "PERSON"},
            {"id": "s1", "start": 16, "end": 20, "label": "TITLE"},
        ],
    }
    path = write_jsonl(tmp_path / "in.jsonl", record)
    assert_refused(store, import_one(store, path), path, "duplicate span id", 1)


# -- text that must be stored exactly as given -------------------------------------------

HTML = '<b>bold</b><script>alert("x")</script> &amp; <img src=x onerror=alert(1)> عزيز'


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_html_and_script_are_stored_and_exported_literally(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    path = write_text_file(tmp_path / f"a1.{fmt}", fmt, HTML, "utf-8")
    assert import_one(store, path).error is None
    assert store.article("a1").text == HTML
    out = tmp_path / "out.jsonl"
    export(store, out)
    assert orjson.loads(out.read_bytes())["text"] == HTML


INVISIBLE = {
    "bidi override": "قال \u202eالوزير\u202c إن \u2067EU\u2069 و\u200fغيرها",
    "zero-width joiner and non-joiner": "وزا\u200dرة الصح\u200cة",
    "tatweel": "وزارة الصحـــة والحمايـــة",
    "presentation forms": "\ufeeb\ufeac\ufe8d \ufe8e\ufedf\ufee0\ufedc",
    "emoji and diacritics": "😀 شَكَّل المُرتَفِقين",
}


@pytest.mark.parametrize("kind", list(INVISIBLE))
def test_invisible_and_decorative_characters_are_stored_as_given(
    store: Store, tmp_path: Path, kind: str
) -> None:
    text = INVISIBLE[kind]
    path = write_jsonl(tmp_path / "in.jsonl", {"id": "a1", "text": text})
    assert import_one(store, path).error is None
    assert store.article("a1").text == text


def test_search_finds_tatweel_and_presentation_forms_by_their_plain_letters(
    store: Store, tmp_path: Path
) -> None:
    path = write_jsonl(
        tmp_path / "in.jsonl",
        {"id": "tatweel", "text": INVISIBLE["tatweel"]},
        {"id": "forms", "text": "\ufe97\ufeaa\ufe91\ufef4\ufeae \ufea7\ufe8e\ufeba"},  # تدبير خاص
    )
    assert import_one(store, path).error is None
    assert store.search("الصحة") == ["tatweel"]
    assert store.search("تدبير خاص") == ["forms"]


# -- paths -------------------------------------------------------------------------------


def test_a_file_named_with_arabic_letters_and_spaces_keeps_its_name_as_id(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "مقالات الأسبوع"
    folder.mkdir()
    (folder / "بلاغ وزارة الصحة 2022.txt").write_text(TEXT, encoding="utf-8")
    report = import_paths(store, [folder])
    assert not report.errors
    assert store.article_ids() == ["بلاغ وزارة الصحة 2022"]


def test_a_folder_or_a_missing_path_given_as_a_file_is_refused(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    report = import_file(store, folder)
    assert "is a folder" in report.error.message
    missing = tmp_path / "لا يوجد.jsonl"
    (error,) = import_paths(store, [missing]).errors
    assert (error.path, error.message) == (str(missing), "no such file or folder")
    assert rows(store) == EMPTY


def test_a_folder_of_hostile_files_imports_the_good_ones_and_names_each_bad_one(
    store: Store, tmp_path: Path
) -> None:
    """What an analyst does: import every file of a folder at once."""
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "legacy.txt").write_bytes("وزارة الداخلية".encode("cp1256"))
    (tmp_path / "photo.txt").write_bytes(PNG_HEADER)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.jsonl").write_bytes(b'{"id": "x", "text": "\xd9\x86\xd8\xb5"}\n{oops\n')
    (tmp_path / "sheet.csv").write_text("id,text\nc1,=HYPERLINK(1)\n", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert sorted(store.article_ids()) == ["c1", "good", "legacy"]
    assert sorted(Path(e.path or "").name for e in report.errors) == [
        "broken.jsonl",
        "empty.txt",
        "photo.txt",
    ]
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


# -- fuzzing -----------------------------------------------------------------------------

FORMATS = {"txt": ".txt", "jsonl": ".jsonl", "doccano": ".jsonl", "csv": ".csv"}
_names = count()

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["PERSON", "MEASURE", "HAS_TITLE", "health", "s1", "done", TEXT])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
KEYS = [
    "id", "text", "spans", "relations", "annotator", "status", "comment", "text_sha256",
    "label", "labels", "entities", "start", "end", "start_offset", "end_offset",
    "attributes", "head", "tail", "type",
]  # fmt: skip
shaped_objects = st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6)
# Spans that are almost right reach the validation deepest.
near_spans = st.fixed_dictionaries(
    {"start": st.integers(-2, 40), "end": st.integers(-2, 40)},
    optional={
        "label": st.sampled_from(["PERSON", "TITLE", "MEASURE", "ANIMAL", ""]),
        "id": st.sampled_from(["s1", "s2", 3]),
        "text": st.text(max_size=5),
        "attributes": json_values,
    },
)
near_records = st.fixed_dictionaries(
    {"id": st.one_of(st.text(max_size=4), st.integers()), "text": st.text(min_size=0)},
    optional={
        "spans": st.lists(near_spans, max_size=3),
        "label": st.lists(st.lists(json_scalars, max_size=4), max_size=3),
        "relations": st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from(["HAS_TITLE", "ISSUED_BY", "X"])},
                optional={"head": st.sampled_from(["s1", "s2"]), "tail": st.sampled_from(["s2"])},
            ),
            max_size=2,
        ),
        "annotator": st.sampled_from(["amina", "", 5]),
        "status": st.sampled_from(["done", "x", None]),
    },
)
json_lines = st.lists(json_values | shaped_objects | near_records, min_size=1, max_size=4)


def import_never_crashes(store: Store, folder: Path, fmt: str, content: bytes) -> None:
    """A clean import, or an InputError naming the file that left nothing of it behind."""
    path = folder / f"fuzz{next(_names)}{FORMATS[fmt]}"
    path.write_bytes(content)
    before = rows(store)
    report = import_file(store, path, fmt=fmt, annotator="amina")
    if report.error is not None:
        assert report.error.path == str(path)
        assert rows(store) == before
    assert unfinished_imports(store) == 0


# FUZZ_EXAMPLES=5000 fuzzes longer (the figures in docs/reliability.md were found that way).
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(fmt=st.sampled_from(list(FORMATS)), content=st.binary(max_size=300))
@example(fmt="csv", content=b'id,text\n"a,"b\n')
@example(fmt="csv", content=b"id,text\r\na,\xd9\x86\r")
@example(fmt="jsonl", content=b"\xff\xfe{\x00")
@example(fmt="txt", content=b"\xfe\xff\xd8")
def test_random_bytes_give_a_clean_import_or_an_input_error(
    store: Store, tmp_path: Path, fmt: str, content: bytes
) -> None:
    import_never_crashes(store, tmp_path, fmt, content)


@FUZZ
@given(fmt=st.sampled_from(["jsonl", "doccano", "csv", "txt"]), values=json_lines)
def test_random_json_gives_a_clean_import_or_an_input_error(
    store: Store, tmp_path: Path, fmt: str, values: list
) -> None:
    # The standard json module also writes integers past 64 bits, as other tools may.
    content = "".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values).encode()
    import_never_crashes(store, tmp_path, fmt, content)


@FUZZ
@given(
    cells=st.lists(
        st.lists(st.text(alphabet=string.printable + "نص\u00a0\x00\r", max_size=8), max_size=4),
        max_size=5,
    ),
    header=st.sampled_from([["id", "text"], ["text", "id", "x"], ["id"], []]),
)
def test_random_csv_rows_give_a_clean_import_or_an_input_error(
    store: Store, tmp_path: Path, cells: list, header: list
) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([header, *cells])
    import_never_crashes(store, tmp_path, "csv", out.getvalue().encode("utf-8"))
