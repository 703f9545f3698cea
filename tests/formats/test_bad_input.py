"""Bad input from a folder of every kind at once: each problem is an error naming the path
(and line), nothing of a refused file is imported, and the good files still are."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from annotator.core.text.decode import decode

ARABIC = "وزير الداخلية، رئيس الحكومة.\nسطر ثان من المقال"


def test_a_folder_named_like_a_file_and_an_empty_folder_are_errors(
    store: Store, tmp_path: Path
) -> None:
    named = tmp_path / "x.jsonl"
    named.mkdir()
    (named / "a.txt").write_text(ARABIC, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    good = tmp_path / "good.txt"
    good.write_text(ARABIC, encoding="utf-8")
    report = import_paths(store, [named, empty, good])
    errors = {Path(e.path or "").name: e.message for e in report.errors}
    assert errors == {
        "x.jsonl": "is a folder, not a file",
        "empty": "no files to import (.txt, .jsonl, .csv, .conll, .iob, .bio) in the folder",
    }
    assert store.article_ids() == ["good"]


def test_a_utf8_file_with_one_bad_byte_names_its_line_and_offset(
    store: Store, tmp_path: Path
) -> None:
    data = ARABIC.encode("utf-8")
    cut = data.index(b"\n") + 3
    path = tmp_path / "bad.txt"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    (error,) = import_paths(store, [path]).errors
    assert error.line == 2
    assert f"byte offset {cut}" in error.message
    assert "not read as Windows-1256" in error.message
    assert store.article_count() == 0


def test_the_same_bad_byte_in_a_jsonl_file(store: Store, tmp_path: Path) -> None:
    line = ('{"id": "a", "text": "' + ARABIC.replace("\n", " ") + '"}\n').encode("utf-8")
    path = tmp_path / "bad.jsonl"
    path.write_bytes(line * 3 + line[:30] + b"\xfe" + line[30:])
    (error,) = import_paths(store, [path]).errors
    assert error.line == 4
    assert f"byte offset {len(line) * 3 + 30}" in error.message


def test_legacy_windows_1256_still_reads(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    assert decode(path.read_bytes(), path) == ARABIC
    assert not import_paths(store, [path]).errors


def test_the_cli_says_each_problem_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").mkdir()
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(tmp_path / "t.db"),
            "import",
            str(tmp_path / "x.jsonl"),
            str(tmp_path / "empty"),
        ],
    )
    assert result.exit_code == 2
    assert "x.jsonl: is a folder, not a file" in result.output
    assert "empty: no files to import" in result.output
