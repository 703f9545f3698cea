"""The window opens at once and checks the whole database file after its first paint."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from annotator.gui.dialogs import ErrorDialog
from annotator.gui.main_window import MainWindow
from main import verify_in_background


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(
        ErrorDialog,
        "ask",
        classmethod(lambda cls, parent, title, message, lines: messages.append(message)),
    )
    return messages


def test_a_sound_database_raises_no_alarm(
    qtbot, window: MainWindow, db_path: Path, shown: list[str]
) -> None:
    verify_in_background(window, db_path)
    pool = QThreadPool.globalInstance()
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=10_000)
    qtbot.wait(50)  # let the queued "finished" signal reach the window
    assert shown == []


def test_damage_found_in_the_background_is_shown(
    qtbot, window: MainWindow, tmp_path: Path, db_path: Path, shown: list[str]
) -> None:
    damaged = tmp_path / "damaged.db"
    data = bytearray(db_path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle : middle + 3 * 4096] = bytes((i * 37 + 11) % 256 for i in range(3 * 4096))
    damaged.write_bytes(bytes(data))
    verify_in_background(window, damaged)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert str(damaged) in shown[0]
