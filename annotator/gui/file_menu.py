"""The File menu: import and export in a worker thread, with progress and an error list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog

from annotator.core.errors import AnnotatorError
from annotator.core.formats.exporters import ExportReport
from annotator.core.formats.importers import ImportReport
from annotator.gui.dialogs import ErrorDialog, FileDialogs
from annotator.gui.workers import Cancelled, StoreJob, export_job, import_job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.gui.workbench import Workbench


class FileMenu(QObject):
    def __init__(self, window: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self.parent_widget = parent  # dialogs open over it
        self.job: StoreJob | None = None
        self.progress: QProgressDialog | None = None

    def populate(self, menu: QMenu) -> None:
        self.import_action = menu.addAction("", self.ask_import)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.export_action = menu.addAction("", self.ask_export)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        menu.addSeparator()
        self.quit_action = menu.addAction("", self.parent_widget.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("Import…"))
        self.export_action.setText(self.tr("Export…"))
        self.quit_action.setText(self.tr("Quit"))

    # -- starting jobs -------------------------------------------------------------

    def ask_import(self) -> None:
        paths = FileDialogs.ask_import_paths(self.parent_widget)
        if paths:
            self.start(import_job(self.window.store.path, paths, None), self.tr("Importing…"))

    def ask_export(self) -> None:
        target = FileDialogs.ask_export_path(self.parent_widget)
        if target:
            path, fmt = target
            self.start(export_job(self.window.store.path, path, fmt), self.tr("Exporting…"))

    def start(self, job: StoreJob, title: str) -> None:
        if self.job is not None:
            self.window.hint(self.tr("Please wait: another import or export is running."))
            return
        self.job = job
        self.progress = QProgressDialog(title, self.tr("Cancel"), 0, 0, self.parent_widget)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick jobs finish without a flash
        self.progress.canceled.connect(job.cancel)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        QThreadPool.globalInstance().start(job)

    # -- job signals (in the GUI thread) --------------------------------------------

    def _on_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
        self.progress = None
        self.job = None

    def _on_finished(self, report: object) -> None:
        self._end()
        window = self.window
        if isinstance(report, ImportReport):
            window.poll_database()
            if report.errors:
                ErrorDialog.ask(
                    window,
                    self.tr("Import"),
                    self.tr("These files were not imported (nothing from them was saved):"),
                    [str(error) for error in report.errors],
                )
            window.hint(report.summary())
        elif isinstance(report, ExportReport):
            window.hint(
                self.tr("Exported %1 record(s) with %2 span(s).")
                .replace("%1", str(report.records))
                .replace("%2", str(report.spans))
            )

    def _on_failed(self, error: object) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.window.hint(self.tr("Cancelled; nothing was changed."))
            return
        shown = (
            str(error) if isinstance(error, AnnotatorError) else f"{type(error).__name__}: {error}"
        )
        ErrorDialog.ask(self.parent_widget, self.tr("Error"), self.tr("The work stopped:"), [shown])
