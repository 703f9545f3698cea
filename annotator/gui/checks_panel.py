"""The quality-checks panel: run annotator.core.review.checks and jump to each finding's place.

The open article is checked directly; all articles are checked in the background on a
connection of their own (workers.StoreJob)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.review.checks import Finding, checked_articles, run_checks
from annotator.core.store import Store
from annotator.core.workers import default_workers
from annotator.gui.uniform_list import UniformListView
from annotator.gui.workers import StoreJob

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench

SEVERITY_COLORS = {"error": "#b00020", "warning": "#8a5a00", "info": "#1f4e9a"}
# Findings the panel holds at most (a million findings would take ~0.5 GB); the rest are
# counted, and the command line lists them all.
PANEL_LIMIT = 100_000


class FindingsModel(QAbstractListModel):
    """Findings as rows, each rendered when shown: a run over a large database gives a
    million findings, too many to make a widget item for each."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.language = "en"

    def set_findings(self, findings: list[Finding], language: str) -> None:
        self.beginResetModel()
        self.findings, self.language = findings, language
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        found = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            severity = severity_name(found.severity)
            return f"{found.code} [{severity}] {found.message(self.language)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{found.article_id} · {found.annotator}" if found.annotator else found.article_id
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(SEVERITY_COLORS.get(found.severity, "#000000"))
        return None


class ChecksPanel(QDockWidget):
    def __init__(self, window: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.window_ = window
        self.findings: list[Finding] = []
        self.total = 0
        self.job: StoreJob | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        options = QHBoxLayout()
        self.all_annotators = QCheckBox(body, objectName="checksAllAnnotators")
        self.all_articles = QCheckBox(body, objectName="checksAllArticles")
        options.addWidget(self.all_annotators)
        options.addWidget(self.all_articles)
        layout.addLayout(options)
        self.run_button = QPushButton(body, objectName="runChecks")
        layout.addWidget(self.run_button)
        self.progress = QProgressBar(body, objectName="checksProgress")
        self.progress.hide()
        layout.addWidget(self.progress)
        self.summary = QLabel(body, objectName="checksSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = FindingsModel(self)
        self.list = UniformListView(body)  # no per-row measuring of 100,000 rows
        self.list.setObjectName("checksFindings")
        self.list.setModel(self.model)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.run_button.clicked.connect(self.run_checks)
        self.list.clicked.connect(self._chosen)
        self.list.activated.connect(self._chosen)
        self.retranslate()

    def run_checks(self) -> None:
        """Check the open article directly, or every article in the background (the
        button then cancels the run)."""
        if self.job is not None:
            self.cancel()
            return
        annotator = None if self.all_annotators.isChecked() else self.window_.annotator
        if self.all_articles.isChecked():
            self.summary.setText(QCoreApplication.translate("ChecksPanel", "Checking…"))
            job = StoreJob(self.window_.store.path, _checks_work(annotator))
            job.signals.progress.connect(self._job_progress)
            job.signals.finished.connect(self._job_done)
            job.signals.failed.connect(self._job_failed)
            self.job = job
            self.progress.setRange(0, 0)  # busy until the first report
            self.progress.show()
            self.retranslate()
            QThreadPool.globalInstance().start(job)
            return
        article = self.window_.article
        if article is None:
            self.show_findings([])
            return
        try:
            found = list(run_checks(self.window_.store, annotator, [article.id]))
        except AnnotatorError as exc:
            self.summary.setText(str(exc))
            return
        self.show_findings(found)

    def cancel(self) -> None:
        """Stop the background run; the findings shown before it stay."""
        if self.job is None:
            return
        self.job.cancel()
        self._stopped()
        self.summary.setText(QCoreApplication.translate("ChecksPanel", "Cancelled."))

    def _stopped(self) -> None:
        self.job = None
        self.progress.hide()
        self.retranslate()

    def _current(self) -> bool:
        return self.job is not None and self.sender() is self.job.signals

    def _job_progress(self, articles: int, total: int) -> None:
        if self._current() and total:
            self.progress.setRange(0, total)
            self.progress.setValue(articles)

    def _job_done(self, result: tuple[list[Finding], int]) -> None:
        if self._current():
            self._stopped()
            self.show_findings(*result)

    def _job_failed(self, exc: BaseException) -> None:
        if self._current():
            self._stopped()
            self.summary.setText(str(exc))

    def show_findings(self, found: list[Finding], total: int | None = None) -> None:
        """Show ``found``, the first of ``total`` findings (all of them by default)."""
        self.findings = list(found)
        self.total = len(self.findings) if total is None else total
        self.model.set_findings(self.findings, self.window_.names.language)
        if self.total > len(self.findings):
            self.summary.setText(
                QCoreApplication.translate(
                    "ChecksPanel",
                    "Showing the first {shown} of {count} findings; "
                    "the command line (check) lists them all.",
                ).format(shown=f"{len(self.findings):,}", count=f"{self.total:,}")
            )
        elif self.findings:
            self.summary.setText(
                QCoreApplication.translate("ChecksPanel", "Findings: {count}").format(
                    count=len(self.findings)
                )
            )
        else:
            self.summary.setText(QCoreApplication.translate("ChecksPanel", "No findings."))

    def _chosen(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.findings):
            self.jump(self.findings[index.row()])

    def jump(self, found: Finding) -> None:
        """Open the finding's article and show its place."""
        window = self.window_
        showing = window.article is not None and window.article.id == found.article_id
        if not showing and not window.open_article(found.article_id):
            return
        if found.span_id is not None and found.span_id in window.spans:
            window.select_span(found.span_id)
        elif found.start is not None and found.end is not None:
            window.text_view.select_range(found.start, found.end)
            window.text_view.ensureCursorVisible()
        window.text_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: object) -> None:
        self.cancel()
        super().closeEvent(event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("ChecksPanel", "Quality checks"))
        self.all_annotators.setText(QCoreApplication.translate("ChecksPanel", "All annotators"))
        self.all_articles.setText(QCoreApplication.translate("ChecksPanel", "All articles"))
        if self.job is None:
            self.run_button.setText(QCoreApplication.translate("ChecksPanel", "Run checks"))
        else:
            self.run_button.setText(QCoreApplication.translate("ChecksPanel", "Cancel"))
        if self.findings and self.job is None:
            self.show_findings(self.findings, self.total)


def severity_name(severity: str) -> str:
    names = {
        "error": QCoreApplication.translate("ChecksPanel", "error"),
        "warning": QCoreApplication.translate("ChecksPanel", "warning"),
        "info": QCoreApplication.translate("ChecksPanel", "info"),
    }
    return names.get(severity, severity)


def _checks_work(annotator: str | None) -> Callable[[Store, Callable[[int, int], None]], object]:
    def work(store: Store, progress: Callable[[int, int], None]) -> object:
        ids = checked_articles(store, annotator)
        place = {article_id: n for n, article_id in enumerate(ids)}
        found: list[Finding] = []
        count = 0
        progress(0, len(ids))
        for count, item in enumerate(
            run_checks(store, annotator, ids, workers=default_workers()), 1
        ):
            if count <= PANEL_LIMIT:
                found.append(item)
            if count % 200 == 0:
                progress(place[item.article_id], len(ids))  # and lets Cancel stop the job
        return found, count

    return work
