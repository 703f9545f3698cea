"""The statistics dialog: counts per label, annotator and status, and agreement per label
between two annotators, drawn as bar charts and saved as PNG."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QThreadPool
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import GOLD
from annotator.core.review.agreement import AgreementReport, agreement
from annotator.core.review.review_set import label_disagreements
from annotator.core.review.stats import Stats, collect_stats
from annotator.core.store import Store
from annotator.gui.workers import StoreJob

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True, slots=True)
class Bar:
    name: str
    value: float
    color: str = "#4363d8"
    text: str = ""  # shown after the bar; the value itself when empty
    parts: tuple[tuple[float, str], ...] = ()  # stacked: (value, key of BarChart.styles)


class BarChart(QWidget):
    """Horizontal bars with their names and values, painted directly (QtCharts is not part
    of PySide6-Essentials). Names and values are drawn as plain text."""

    ROW = 22

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        maximum: float | None = None,
        styles: dict[str, tuple[str, str, Qt.BrushStyle]] | None = None,
    ):
        super().__init__(parent)
        self.title = title
        self.maximum = maximum  # fixed scale (1.0 for F1 and kappa), else the largest value
        self.bars: list[Bar] = []
        # Stacked parts: key -> (legend text, colour, pattern); the pattern tells the parts
        # apart without their colour.
        self.styles = styles or {}

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        legend = 1 if self.styles else 0
        return QSize(360, self.ROW * (len(self.bars) + 1 + legend) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.ROW * 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(0, 0, self.width(), self.ROW), Qt.AlignmentFlag.AlignVCenter, self.title
        )
        font.setBold(False)
        painter.setFont(font)
        if not self.bars:
            painter.drawText(
                QRectF(0, self.ROW, self.width(), self.ROW),
                Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("StatsDialog", "nothing yet"),
            )
            return
        names = max(painter.fontMetrics().horizontalAdvance(bar.name) for bar in self.bars) + 8
        values = (
            max(painter.fontMetrics().horizontalAdvance(self._value(bar)) for bar in self.bars) + 8
        )
        top = max((bar.value for bar in self.bars), default=0.0)
        scale = self.maximum if self.maximum is not None else top
        room = max(1.0, self.width() - names - values - 8)  # the longest bar keeps its number
        for row, bar in enumerate(self.bars, start=1):
            y = row * self.ROW
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, y, names - 4, self.ROW), Qt.AlignmentFlag.AlignVCenter, bar.name
            )
            length = room * max(0.0, bar.value) / scale if scale > 0 else 0.0
            if bar.parts:
                self._paint_parts(painter, bar, QRectF(names, y + 4, length, self.ROW - 8))
            else:
                painter.fillRect(QRectF(names, y + 4, length, self.ROW - 8), QColor(bar.color))
            painter.setPen(text_color)
            painter.drawText(
                QRectF(names + length + 4, y, values, self.ROW),
                Qt.AlignmentFlag.AlignVCenter,
                self._value(bar),
            )
        if self.styles:
            self._paint_legend(painter, (len(self.bars) + 1) * self.ROW, text_color)
        painter.end()

    def _paint_parts(self, painter: QPainter, bar: Bar, rect: QRectF) -> None:
        total = sum(value for value, _ in bar.parts) or 1.0
        x = rect.left()
        for value, key in bar.parts:
            _, color, pattern = self.styles.get(key, ("", "#808080", Qt.BrushStyle.SolidPattern))
            width = rect.width() * value / total
            part = QRectF(x, rect.top(), width, rect.height())
            self._swatch(painter, part, color, pattern)
            x += width

    @staticmethod
    def _swatch(painter: QPainter, rect: QRectF, color: str, pattern: Qt.BrushStyle) -> None:
        painter.fillRect(rect, QColor(color).lighter(130))
        painter.fillRect(rect, QBrush(QColor(color).darker(160), pattern))

    def _paint_legend(self, painter: QPainter, y: float, text_color: QColor) -> None:
        x = 0.0
        metrics = painter.fontMetrics()
        for text, color, pattern in self.styles.values():
            self._swatch(painter, QRectF(x, y + 5, 16, self.ROW - 10), color, pattern)
            painter.setPen(text_color)
            width = metrics.horizontalAdvance(text) + 4
            painter.drawText(
                QRectF(x + 20, y, width, self.ROW), Qt.AlignmentFlag.AlignVCenter, text
            )
            x += 20 + width + 10

    @staticmethod
    def _value(bar: Bar) -> str:
        if bar.text:
            return bar.text
        return f"{bar.value:g}" if bar.value == int(bar.value) else f"{bar.value:.3f}"


class StatsDialog(QDialog):
    """Counts and agreement for a database; agreement runs in a worker on its own connection."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, language: str = "en"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statsDialog")
        self.setWindowTitle(QCoreApplication.translate("StatsDialog", "Statistics"))
        self.store = store
        self.language = language
        self.job: StoreJob | None = None
        self.report: AgreementReport | None = None

        self.charts = _named(QWidget(self), "statsCharts")
        self.charts.setAutoFillBackground(True)
        grid = QGridLayout(self.charts)
        self.summary = _named(QLabel(self.charts), "statsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.per_label = BarChart(
            QCoreApplication.translate("StatsDialog", "Spans per label"), self.charts
        )
        self.per_annotator = BarChart(
            QCoreApplication.translate("StatsDialog", "Spans per annotator"), self.charts
        )
        self.per_status = BarChart(
            QCoreApplication.translate("StatsDialog", "Layers per status"), self.charts
        )
        self.f1 = BarChart(
            QCoreApplication.translate("StatsDialog", "Agreement per label: exact F1"),
            self.charts,
            maximum=1.0,
        )
        self.kappa = BarChart(
            QCoreApplication.translate("StatsDialog", "Agreement per label: token kappa"),
            self.charts,
            maximum=1.0,
        )
        self.disagreements = BarChart(
            QCoreApplication.translate("StatsDialog", "Disagreements per label, most first"),
            self.charts,
            styles=disagreement_styles(),
        )
        self.agreement_summary = _named(QLabel(self.charts), "agreementSummary")
        self.agreement_summary.setTextFormat(Qt.TextFormat.PlainText)
        for name, chart in (
            ("chartPerLabel", self.per_label),
            ("chartPerAnnotator", self.per_annotator),
            ("chartPerStatus", self.per_status),
            ("chartAgreementF1", self.f1),
            ("chartAgreementKappa", self.kappa),
            ("chartDisagreements", self.disagreements),
        ):
            chart.setObjectName(name)
        grid.addWidget(self.summary, 0, 0, 1, 2)
        grid.addWidget(self.per_label, 1, 0)
        grid.addWidget(self.per_annotator, 1, 1)
        grid.addWidget(self.per_status, 2, 0)
        grid.addWidget(self.agreement_summary, 3, 0, 1, 2)
        grid.addWidget(self.f1, 4, 0)
        grid.addWidget(self.kappa, 4, 1)
        grid.addWidget(self.disagreements, 5, 0, 1, 2)

        pick = QHBoxLayout()
        self.a = _named(QComboBox(self), "agreementA")
        self.b = _named(QComboBox(self), "agreementB")
        pick.addWidget(QLabel(QCoreApplication.translate("StatsDialog", "Agreement between"), self))
        pick.addWidget(self.a)
        pick.addWidget(QLabel(QCoreApplication.translate("StatsDialog", "and"), self))
        pick.addWidget(self.b)
        pick.addStretch()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = _named(
            QPushButton(QCoreApplication.translate("StatsDialog", "Save as PNG…"), self), "savePng"
        )
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_png)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.charts)
        layout.addWidget(buttons)

        self.show_counts(collect_stats(store))
        self._fill_annotators()
        self.a.currentTextChanged.connect(self.compute_agreement)
        self.b.currentTextChanged.connect(self.compute_agreement)
        self.compute_agreement()

    # -- counts ------------------------------------------------------------------------

    def label_name(self, label: str) -> str:
        try:
            found = self.store.schema.label(label)
        except KeyError:
            return label
        return found.ar if self.language == "ar" else found.en

    def label_color(self, label: str) -> str:
        try:
            return self.store.schema.label(label).color
        except KeyError:
            return "#808080"

    def show_counts(self, stats: Stats) -> None:
        self.summary.setText(
            QCoreApplication.translate(
                "StatsDialog", "{articles} articles, {spans} spans, {relations} relations"
            ).format(articles=stats.articles, spans=stats.spans, relations=stats.relations)
        )
        order = [label.name for label in self.store.schema.labels]
        labels = sorted(
            stats.spans_per_label, key=lambda n: (order.index(n) if n in order else 99, n)
        )
        self.per_label.set_bars(
            [Bar(self.label_name(n), stats.spans_per_label[n], self.label_color(n)) for n in labels]
        )
        self.per_annotator.set_bars(
            [Bar(name, count, "#3cb44b") for name, count in stats.spans_per_annotator.items()]
        )
        self.per_status.set_bars(
            [Bar(status, count, "#911eb4") for status, count in stats.layers_per_status.items()]
        )

    # -- agreement ---------------------------------------------------------------------

    def _fill_annotators(self) -> None:
        names = self.store.annotators()
        analysts = [n for n in names if n != GOLD]
        for combo in (self.a, self.b):
            combo.addItems(names)
        if len(analysts) >= 2:
            self.a.setCurrentText(analysts[0])
            self.b.setCurrentText(analysts[1])
        elif analysts and GOLD in names:
            self.a.setCurrentText(analysts[0])
            self.b.setCurrentText(GOLD)

    def compute_agreement(self) -> None:
        """Start (or restart) the agreement job for the chosen pair."""
        if self.job is not None:
            self.job.cancel()
            self.job = None
        a, b = self.a.currentText(), self.b.currentText()
        self.report = None
        self.f1.set_bars([])
        self.kappa.set_bars([])
        self.disagreements.set_bars([])
        if not a or not b or a == b:
            self.agreement_summary.setText(
                QCoreApplication.translate("StatsDialog", "Choose two different annotators.")
            )
            return
        self.agreement_summary.setText(
            QCoreApplication.translate("StatsDialog", "Computing agreement…")
        )

        def work(store: Store, progress: Callable[[int, int], None]) -> object:
            report = agreement(store, a, b, progress=progress)
            return report, label_disagreements(store, a, b)

        job = StoreJob(self.store.path, work)
        # Bound methods of this dialog: Qt queues the calls into the GUI thread.
        job.signals.finished.connect(self._agreement_done)
        job.signals.failed.connect(self._agreement_failed)
        self.job = job
        QThreadPool.globalInstance().start(job)

    def _current(self) -> bool:
        """Whether the signal comes from the job of the pair shown now (not a cancelled one)."""
        return self.job is not None and self.sender() is self.job.signals

    def _agreement_done(self, found: tuple[AgreementReport, dict[str, Counter[str]]]) -> None:
        if not self._current():
            return
        report, per_label = found
        self.job = None
        self.report = report
        tokens = report.tokens
        self.agreement_summary.setText(
            QCoreApplication.translate(
                "StatsDialog",
                "{a} vs {b}: {articles} articles, span F1 {f1:.3f} (overlap {overlap:.3f}), "
                "token kappa {kappa}, alpha {alpha}",
            ).format(
                a=report.a,
                b=report.b,
                articles=report.articles,
                f1=report.exact.f1,
                overlap=report.overlap.f1,
                kappa=_number(tokens.kappa),
                alpha=_number(tokens.alpha),
            )
        )
        self.f1.set_bars(
            [
                Bar(self.label_name(item.label), item.exact.f1, self.label_color(item.label))
                for item in report.labels
            ]
        )
        self.kappa.set_bars(
            [
                Bar(
                    self.label_name(item.label),
                    item.kappa or 0.0,
                    self.label_color(item.label),
                    _number(item.kappa),
                )
                for item in report.labels
            ]
        )

        self.show_disagreements(per_label)

    def show_disagreements(self, per_label: dict[str, Counter[str]]) -> None:
        """Which labels the two layers disagree on most: one stacked bar per label."""
        order = list(disagreement_styles())
        ranked = sorted(per_label.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        self.disagreements.set_bars(
            [
                Bar(
                    self.label_name(label),
                    sum(kinds.values()),
                    parts=tuple(
                        (float(kinds[k]), k) for k in sorted(kinds, key=order.index) if kinds[k]
                    ),
                )
                for label, kinds in ranked
            ]
        )

    def _agreement_failed(self, exc: BaseException) -> None:
        if self._current():
            self.job = None
            self.agreement_summary.setText(str(exc))

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.cancel()
        super().done(result)

    # -- PNG ---------------------------------------------------------------------------

    def save_png(self) -> bool:
        path = self.ask_png_path(self)
        if not path:
            return False
        return self.charts.grab().save(path, "PNG")

    @classmethod
    def ask_png_path(cls, parent: QWidget | None) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("StatsDialog", "Save charts"),
            "statistics.png",
            "PNG (*.png)",
        )
        return path or None


def disagreement_styles() -> dict[str, tuple[str, str, Qt.BrushStyle]]:
    """Kinds of disagreement in the chart: legend, colour and a pattern of their own."""
    return {
        "only_a": (
            QCoreApplication.translate("StatsDialog", "only A"),
            "#e6194b",
            Qt.BrushStyle.SolidPattern,
        ),
        "only_b": (
            QCoreApplication.translate("StatsDialog", "only B"),
            "#4363d8",
            Qt.BrushStyle.BDiagPattern,
        ),
        "label": (
            QCoreApplication.translate("StatsDialog", "label"),
            "#f58231",
            Qt.BrushStyle.CrossPattern,
        ),
        "bounds": (
            QCoreApplication.translate("StatsDialog", "bounds"),
            "#bfa300",
            Qt.BrushStyle.Dense4Pattern,
        ),
        "bounds_label": (
            QCoreApplication.translate("StatsDialog", "bounds and label"),
            "#911eb4",
            Qt.BrushStyle.FDiagPattern,
        ),
        "attributes": (
            QCoreApplication.translate("StatsDialog", "attributes"),
            "#3cb44b",
            Qt.BrushStyle.HorPattern,
        ),
    }


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
