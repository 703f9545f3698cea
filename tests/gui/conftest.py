"""GUI fixtures: the real MainWindow on a temporary copy of a database holding the samples."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.core.formats.importers import import_paths
from annotator.core.store import Store
from annotator.gui.app import Language, load_fonts
from annotator.gui.dialogs import ErrorDialog
from annotator.gui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[2] / "data"
ANALYST = "amina"
FIRST = "000_df08c50dd71f35aa"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five sample articles imported once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("samples") / "samples.db"
    with Store(path) as store:
        report = import_paths(store, [DATA])
        assert not report.errors
    return path


@pytest.fixture(scope="session", autouse=True)
def fonts(qapp: QApplication) -> None:
    load_fonts()


@pytest.fixture(autouse=True)
def no_unexpected_error_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that does not expect the error dialog fails (pytest-qt reports the exception)
    instead of blocking in its exec(); tests that expect it replace ``ask`` themselves."""

    def refuse(cls: type, parent: object, title: str, message: str, lines: list[str]) -> None:
        raise AssertionError(f"unexpected error dialog: {title}: {message} {lines}")

    monkeypatch.setattr(ErrorDialog, "ask", classmethod(refuse))


@pytest.fixture
def db_path(tmp_path: Path, sample_db: Path) -> Path:
    path = tmp_path / "work.db"
    shutil.copy(sample_db, path)
    return path


@pytest.fixture
def gui_store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as store:
        yield store


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("analyst/name", ANALYST)
    settings.setValue("ui/language", "en")
    return settings


@pytest.fixture
def window(
    qtbot, qapp: QApplication, gui_store: Store, settings: QSettings
) -> Iterator[MainWindow]:
    language = Language(qapp)
    win = MainWindow(gui_store, settings=settings, language=language)
    qtbot.addWidget(win)
    win.resize(1300, 850)
    win.open_first(FIRST)
    with qtbot.waitSignal(win.text_view.painted, timeout=5000):
        win.show()
    yield win
    win._poll.stop()
    language.install("en")  # leave the application as the next test expects it
