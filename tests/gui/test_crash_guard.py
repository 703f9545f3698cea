"""An exception anywhere in the window is logged and shown; the analyst goes on working."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRunnable, Qt, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from annotator.core.errors import StoreError
from annotator.gui import crash_guard
from annotator.gui.crash_guard import CrashDialog

# pytest-qt would turn these deliberate exceptions into test failures; the guard handles them.
pytestmark = pytest.mark.qt_no_exception_capture


class Shown:
    """Stands in for the dialog: records what the analyst would see, and where."""

    def __init__(self) -> None:
        self.calls: list[tuple[QWidget | None, str, str, bool]] = []

    def __call__(self, parent: QWidget | None, message: str, details: str) -> None:
        on_gui_thread = QThread.currentThread() is QApplication.instance().thread()
        self.calls.append((parent, message, details, on_gui_thread))


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Shown]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # the user data folder, for the log
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    recorder = Shown()
    monkeypatch.setattr(CrashDialog, "ask", classmethod(lambda cls, *args: recorder(*args)))
    yield recorder
    crash_guard.uninstall()


@pytest.fixture
def window(qtbot) -> tuple[QWidget, QPushButton, QPushButton]:
    """A small window with a button that fails and one that works."""
    win = QWidget()
    layout = QVBoxLayout(win)
    failing, working = QPushButton("label"), QPushButton("next")
    layout.addWidget(failing)
    layout.addWidget(working)
    qtbot.addWidget(win)
    win.show()
    return win, failing, working


def log_text() -> str:
    path = crash_guard.log_path()
    return path.read_text(encoding="utf-8") if path.exists() else ""  # written on first error


def explode() -> None:
    raise RuntimeError("boom in a slot")


def test_an_exception_in_a_button_slot_is_logged_shown_and_the_window_goes_on(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton], tmp_path: Path
) -> None:
    win, failing, working = window
    crash_guard.install(lambda: win)
    failing.clicked.connect(explode)
    clicks: list[bool] = []
    working.clicked.connect(lambda: clicks.append(True))

    qtbot.mouseClick(failing, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown.calls))

    parent, message, details, on_gui_thread = shown.calls[0]
    assert parent is win
    assert on_gui_thread
    assert "RuntimeError: boom in a slot" in message
    assert "You can go on working" in message
    assert str(tmp_path) in message  # where the details are
    assert "in explode" in details
    log = log_text()
    assert "Traceback (most recent call last)" in log
    assert "in explode" in log
    assert "RuntimeError: boom in a slot" in log
    assert crash_guard.log_path() == tmp_path / "arabic-annotator" / "annotator.log"
    # Still alive: the next click works and the window is there.
    qtbot.mouseClick(working, Qt.MouseButton.LeftButton)
    assert clicks == [True]
    assert win.isVisible()


def test_an_exception_in_a_timer_is_logged_and_shown(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton]
) -> None:
    win, _failing, _working = window
    crash_guard.install(lambda: win)
    QTimer.singleShot(0, explode)
    qtbot.waitUntil(lambda: bool(shown.calls))
    assert "boom in a slot" in log_text()


def test_a_store_error_is_shown_in_its_own_words(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton]
) -> None:
    win, failing, _working = window
    crash_guard.install(lambda: win)

    def save_on_full_disk() -> None:
        raise StoreError("work.db: cannot save: the disk is full; nothing of this change was saved")

    failing.clicked.connect(save_on_full_disk)
    qtbot.mouseClick(failing, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown.calls))
    message = shown.calls[0][1]
    assert message.startswith("work.db: cannot save: the disk is full")
    assert "unexpected" not in message


def test_an_exception_in_a_thread_is_shown_on_the_window_thread(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton]
) -> None:
    win, _failing, _working = window
    crash_guard.install(lambda: win)
    worker = threading.Thread(target=explode, name="exporter")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown.calls))
    assert shown.calls[0][3], "a dialog opened outside the GUI thread"
    assert "thread exporter" in log_text()


def test_an_exception_in_a_thread_pool_job_is_shown_on_the_window_thread(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton]
) -> None:
    """The window's imports and exports run as QRunnables in QThreadPool."""
    win, _failing, _working = window
    crash_guard.install(lambda: win)

    class Job(QRunnable):
        def run(self) -> None:
            explode()

    pool = QThreadPool()
    pool.start(Job())
    pool.waitForDone(5000)
    qtbot.waitUntil(lambda: bool(shown.calls))
    assert shown.calls[0][3]
    assert "boom in a slot" in log_text()


def test_errors_while_the_dialog_is_open_are_logged_without_stacking_dialogs(
    qtbot, shown: Shown, window: tuple[QWidget, QPushButton, QPushButton], monkeypatch
) -> None:
    """A timer failing every tick must not bury the analyst under dialogs."""
    win, _failing, _working = window
    crash_guard.install(lambda: win)
    opened: list[str] = []

    def modal_dialog(cls, parent: QWidget | None, message: str, details: str) -> None:
        opened.append(message)
        QTimer.singleShot(0, explode)  # fails again while this "dialog" runs its loop
        qtbot.wait(50)

    monkeypatch.setattr(CrashDialog, "ask", classmethod(modal_dialog))
    QTimer.singleShot(0, explode)
    qtbot.waitUntil(lambda: log_text().count("boom in a slot") >= 2)
    assert len(opened) == 1


def test_ctrl_c_in_the_terminal_still_stops_the_program(shown: Shown) -> None:
    seen: list[type[BaseException]] = []
    sys.excepthook = lambda kind, value, tb: seen.append(kind)
    crash_guard.install(lambda: None)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert shown.calls == []


def test_the_real_dialog_shows_plain_text_only(qtbot, tmp_path: Path, monkeypatch) -> None:
    """A message quoting a file or an article must not be read as HTML."""
    from PySide6.QtWidgets import QMessageBox

    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self) or 0)
    CrashDialog.ask(None, "<b>bold</b><script>alert(1)</script>", "details")
    (box,) = boxes
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "<b>bold</b><script>alert(1)</script>"
