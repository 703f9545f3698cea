"""The command line as a newcomer uses it: import, export, stats, and errors with exit 2."""

from __future__ import annotations

from pathlib import Path

import orjson
from click.testing import CliRunner

from annotator.cli import main
from tests.conftest import DATA, SAMPLE_IDS


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_folder_then_export_gives_one_line_per_article(tmp_path: Path) -> None:
    db, out = str(tmp_path / "t.db"), tmp_path / "out.jsonl"
    code, stdout, _ = run("--db", db, "import", str(DATA))
    assert code == 0
    assert "5 new article(s)" in stdout
    code, _, _ = run("--db", db, "export", str(out))
    assert code == 0
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [r["id"] for r in records] == SAMPLE_IDS
    for record in records:
        raw = (DATA / f"{record['id']}.txt").read_text(encoding="utf-8")
        assert record["text"] in raw


def test_bad_file_exits_2_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "نص"}\n{oops\n', encoding="utf-8")
    code, _, stderr = run("--db", str(tmp_path / "t.db"), "import", str(bad))
    assert code == 2
    assert f"{bad}:2: malformed JSON" in stderr


def test_export_to_stdout_and_stats_json(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("--db", db, "import", str(DATA))
    code, stdout, _ = run("--db", db, "export", "--format", "doccano", "-")
    assert code == 0
    assert len(stdout.splitlines()) == 5
    code, stdout, _ = run("--db", db, "stats", "--json")
    assert orjson.loads(stdout)["articles"] == 5


def test_database_path_from_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.db"))
    code, _, _ = run("import", str(DATA / f"{SAMPLE_IDS[0]}.txt"))
    assert code == 0
    assert (tmp_path / "env.db").exists()


def test_default_database_is_created_from_the_samples(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    code, stdout, _ = run("stats")
    assert code == 0
    assert "articles: 5" in stdout


def test_not_a_database_exits_2(tmp_path: Path) -> None:
    fake = tmp_path / "fake.db"
    fake.write_text("hello", encoding="utf-8")
    code, _, stderr = run("--db", str(fake), "stats")
    assert code == 2
    assert "not an SQLite database" in stderr
