"""The window shows what another process (a CLI import, a second window) commits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from annotator.gui.main_window import MainWindow
from tests.gui.conftest import ANALYST, FIRST

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode()


def test_articles_imported_from_the_terminal_appear_in_the_open_window(
    qtbot, window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    before = window.list_model.rowCount()
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(
        b"".join(orjson.dumps({"id": f"n{i}", "text": f"خبر رقم {i}"}) + b"\n" for i in range(3))
    )
    run_cli("--db", str(db_path), "import", str(batch))
    qtbot.waitUntil(lambda: window.list_model.rowCount() == before + 3, timeout=5000)
    assert window.article is not None
    assert window.article.id == FIRST  # the analyst stays on the article being read


def test_labels_saved_by_another_process_appear_on_the_open_article(
    qtbot, window: MainWindow, db_path: Path, tmp_path: Path
) -> None:
    text = window.article.text
    start = text.index("عزيز أخنوش")
    layer = {
        "id": FIRST,
        "text": text,
        "annotator": ANALYST,
        "spans": [{"start": start, "end": start + 10, "label": "PERSON"}],
    }
    labels = tmp_path / "labels.jsonl"
    labels.write_bytes(orjson.dumps(layer) + b"\n")
    assert window.spans == {}
    run_cli("--db", str(db_path), "import", str(labels))
    qtbot.waitUntil(lambda: len(window.spans) == 1, timeout=5000)
    (span,) = window.spans.values()
    assert (span.start, span.end, span.label) == (start, start + 10, "PERSON")
