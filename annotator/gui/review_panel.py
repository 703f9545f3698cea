"""The review panel: which two layers are compared, the article's and the whole set's
agreement, every place side by side (A | B), differing attributes to take from either
side, and the layer decisions (accept everything agreed, accept or return A's layer).

A thin widget over annotator.core.review: every change goes through the window's undo
stack, so Ctrl+Z undoes it, and the panel refreshes whenever the stack moves or another
program's change is shown. With review mode on (Ctrl+R) the panel follows the mode's
current disagreement and the mode follows the row chosen here.

Each decision quotes what the panel shows: the versions of A's layer and of gold read with
the review (ArticleReview.layer_a, .gold_version), so a decision another reviewer beat is
refused and the reviewer is told (the window's error dialog), then shown the other one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QThreadPool, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.actions import Action
from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD, Span
from annotator.core.review.adjudication import Side, decide, take_attribute
from annotator.core.review.agreement import AgreementReport, agreement
from annotator.core.review.disagreements import ArticleReview, Item, ItemKey, article_review
from annotator.core.review.gold import accept_agreed, accept_layer, return_layer
from annotator.gui.names import isolate, status_name
from annotator.gui.review_pairs import KIND_ROLE, PairModel, PairTable, kind_name
from annotator.gui.workers import StoreJob

if TYPE_CHECKING:
    from annotator.core.store import Store
    from annotator.gui.review_mode import ReviewMode
    from annotator.gui.workbench import Workbench


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class ReviewPanel(QDockWidget):
    def __init__(self, window: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.window_ = window
        self.mode: ReviewMode | None = None
        self.review: ArticleReview | None = None
        self.current: ItemKey | None = None
        self.set_report: AgreementReport | None = None
        self._set_job: StoreJob | None = None
        self._article_figures = ""
        self._figures_stale = True  # layer A or B changed since the article's figures
        self._stale = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        pick = QHBoxLayout()
        self.a_label, self.b_label = QLabel(body), QLabel(body)
        self.a = QComboBox(body, objectName="reviewA")
        self.b = QComboBox(body, objectName="reviewB")
        for label, combo in ((self.a_label, self.a), (self.b_label, self.b)):
            pick.addWidget(label)
            pick.addWidget(combo, 1)
        layout.addLayout(pick)
        self.figures = QLabel(body, objectName="reviewFigures")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.figures)
        self.summary = QLabel(body, objectName="reviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.model = PairModel(window.names, body)
        self.table = PairTable(self.model, body)
        self.table.setObjectName("reviewPairs")
        self.table.on_key = self._table_key
        layout.addWidget(self.table, 1)
        self.attributes = QWidget(body, objectName="reviewAttributes")
        self.attribute_grid = QGridLayout(self.attributes)
        self.attribute_grid.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.attributes)
        self.accept_agreed_button = QPushButton(body, objectName="acceptAgreed")
        layout.addWidget(self.accept_agreed_button)
        self.layer_status = QLabel(body, objectName="reviewLayerStatus")
        layout.addWidget(self.layer_status)
        row = QHBoxLayout()
        self.accept_layer_button = QPushButton(body, objectName="acceptLayer")
        self.return_layer_button = QPushButton(body, objectName="returnLayer")
        row.addWidget(self.accept_layer_button)
        row.addWidget(self.return_layer_button)
        layout.addLayout(row)
        self.help = QLabel(body)
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.setWidget(body)

        self.fill_annotators()
        self.a.currentTextChanged.connect(self._layers_chosen)
        self.b.currentTextChanged.connect(self._layers_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.accept_agreed_button.clicked.connect(self.accept_agreed)
        self.accept_layer_button.clicked.connect(self.accept_layer)
        self.return_layer_button.clicked.connect(self.return_layer)
        # Outside review mode the panel catches up after the label key's repaint (on a
        # 1,000-span article re-reading the comparison takes ~0.1 s); in it, the mode has
        # read the review already and says so (changed).
        self._catch_up = QTimer(self, singleShot=True, interval=0)
        self._catch_up.timeout.connect(self.refresh)
        window.undo_stack.indexChanged.connect(self._stack_moved)
        window.articleOpened.connect(self.refresh)
        window.databaseChanged.connect(self.refresh)
        self.retranslate()
        self.count_set()

    # -- the layers compared -----------------------------------------------------------

    def fill_annotators(self) -> None:
        names = self.window_.store.annotators()
        if GOLD not in names:
            names.append(GOLD)
        old_a, old_b = self.a.currentText(), self.b.currentText()
        for combo in (self.a, self.b):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.blockSignals(False)
        others = [n for n in names if n not in (self.window_.annotator, GOLD)]
        self.a.setCurrentText(old_a or self.window_.annotator)
        self.b.setCurrentText(old_b or (others[0] if others else GOLD))

    def set_pair(self, a: str, b: str) -> None:
        for combo, name in ((self.a, a), (self.b, b)):
            if combo.findText(name) < 0:
                combo.addItem(name)
            combo.blockSignals(True)
            combo.setCurrentText(name)
            combo.blockSignals(False)
        self._layers_chosen()

    def _layers_chosen(self, *_: object) -> None:
        if self.mode is not None and self.mode.active:
            self.mode.set_layers(self.a.currentText(), self.b.currentText())
        self.count_set()
        self.refresh()

    def attach(self, mode: ReviewMode) -> None:
        """Follow review mode (Ctrl+R) and let it follow this list."""
        if self.mode is mode:
            return
        self.mode = mode
        mode.changed.connect(self.refresh)
        mode.moved.connect(self.follow)

    def _stack_moved(self, *_: object) -> None:
        if self.mode is None or not self.mode.active:
            self._catch_up.start()

    def follow(self) -> None:
        """Review mode moved to another item: choose its row (the N key: cheap)."""
        if self.mode is None or not self.isVisible():
            return
        self.current = self.mode.current
        self._show_current()
        self._show_attributes()

    # -- reading -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, *_: object) -> None:
        if self.window_.closed:
            return  # a closed window no longer reads the database
        if not self.isVisible():
            self._stale = True  # read when shown again: a hidden panel costs no keypress
            return
        self._stale = False
        article = self.window_.article
        a, b = self.a.currentText(), self.b.currentText()
        mode = self.mode if self.mode is not None and self.mode.active else None
        if article is None or not a or not b or a == b:
            self.review = None
            self.summary.setText(
                QCoreApplication.translate("ReviewPanel", "Choose two different annotators.")
            )
        elif mode is not None and mode.review is not None:
            self.review, self.current = mode.review, mode.current
        else:
            self.review = article_review(self.window_.store, article.id, a, b)
            if self.current is not None and self.review.index(self.current) is None:
                self.current = None
        if self.model.set_review(self.review, article.text if article else ""):
            self.table.fit_rows()
            self._figures_stale = True
        self._show_current()
        self._show_summary()
        self._show_layer_status()
        self._show_figures()
        self._show_attributes()

    def _show_layer_status(self) -> None:
        layer = self.review.layer_a if self.review is not None else None
        if layer is None:
            self.layer_status.clear()
            return
        self.layer_status.setText(
            QCoreApplication.translate("ReviewPanel", "%1's layer: %2")
            .replace("%1", isolate(layer.annotator))
            .replace("%2", status_name(layer.status))
        )

    def _seen(self) -> ArticleReview | None:
        """The review the reviewer is deciding on: read again first if the panel still
        owes her own last step (outside review mode it catches up after the repaint)."""
        if self._catch_up.isActive():
            self._catch_up.stop()
            self.refresh()
        return self.review

    def _show_current(self) -> None:
        row = self.model.row_of(self.current)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, 0)
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            selection.clearSelection()
        selection.blockSignals(False)

    def _show_summary(self) -> None:
        if self.review is None:
            return
        counts: dict[str, int] = {}
        for row in self.model.rows:
            counts[row.kind] = counts.get(row.kind, 0) + 1
        parts = [f"{kind_name(kind)}: {n}" for kind, n in counts.items()]
        undecided = QCoreApplication.translate("ReviewPanel", "undecided: %1").replace(
            "%1", str(self.review.undecided)
        )
        self.summary.setText(" · ".join([*parts, undecided]))

    def _show_figures(self) -> None:
        """The article's agreement (read now) and the whole set's (from a job)."""
        article = self.window_.article
        a, b = self.a.currentText(), self.b.currentText()
        here = ""
        if not self._figures_stale:
            here = self._article_figures  # the rows, and so layers A and B, are the same
        elif article is not None and a and b and a != b:
            try:
                report = agreement(self.window_.store, a, b, article_ids=[article.id])
            except AnnotatorError:
                report = None
            if report is not None and report.per_article:
                figures = report.per_article[0]
                here = (
                    QCoreApplication.translate(
                        "ReviewPanel", "This article: exact F1 %1, overlap F1 %2, token kappa %3"
                    )
                    .replace("%1", _number(figures.exact_f1))
                    .replace("%2", _number(figures.overlap_f1))
                    .replace("%3", _number(figures.kappa))
                )
        self._article_figures, self._figures_stale = here, False
        whole = self.set_report
        if whole is None:
            there = QCoreApplication.translate("ReviewPanel", "whole set: computing…")
        else:
            there = (
                QCoreApplication.translate(
                    "ReviewPanel",
                    "whole set (articles: %4): exact F1 %1, overlap F1 %2, token kappa %3",
                )
                .replace("%1", _number(whole.exact.f1))
                .replace("%2", _number(whole.overlap.f1))
                .replace("%3", _number(whole.tokens.kappa))
                .replace("%4", str(whole.articles))
            )
        self.figures.setText(f"{here}\n{there}" if here else there)

    def count_set(self) -> None:
        """The whole set's agreement between A and B, off the GUI thread."""
        if self._set_job is not None:
            self._set_job.cancel()
        a, b = self.a.currentText(), self.b.currentText()
        self.set_report = None
        if not a or not b or a == b:
            self._set_job = None
            return

        def work(store: Store, progress: Callable[[int, int], None]) -> AgreementReport | None:
            try:
                return agreement(store, a, b, progress=progress)
            except AnnotatorError:
                return None  # a layer nobody has made yet (gold, at first)

        job = StoreJob(self.window_.store.path, work)
        job.signals.finished.connect(self._set_counted)
        self._set_job = job
        QThreadPool.globalInstance().start(job)

    def _set_counted(self, report: AgreementReport | None) -> None:
        if self._set_job is None or self.sender() is not self._set_job.signals:
            return
        self._set_job = None
        self.set_report = report
        self._show_figures()

    def _show_attributes(self) -> None:
        """The current place's attributes that differ, each to take from A or from B."""
        while self.attribute_grid.count():
            taken = self.attribute_grid.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        item = self.current_item()
        pair = None
        if self.review is not None and item is not None and not item.is_relation:
            pair = self.review.span_pair(item)
        if pair is None or pair.a is None or pair.b is None or not pair.attributes_differ:
            self.attributes.hide()
            return
        names = self.window_.names
        for row, key in enumerate(sorted(pair.a.attributes.keys() | pair.b.attributes.keys())):
            va, vb = pair.a.attributes.get(key), pair.b.attributes.get(key)
            if va == vb:
                continue
            self.attribute_grid.addWidget(
                QLabel(names.attribute(pair.a.label, key), self.attributes), row, 0
            )
            for column, (side, value) in enumerate((("a", va), ("b", vb)), start=1):
                shown = "—" if value is None else names.value(value)
                button = QPushButton(f"{side.upper()}: {isolate(shown)}", self.attributes)
                button.setObjectName(f"take_{side}_{key}")
                button.clicked.connect(
                    lambda _=False, k=key, s=side: self.take_attribute(k, s)  # type: ignore[misc]
                )
                self.attribute_grid.addWidget(button, row, column)
        self.attributes.show()

    def current_item(self) -> Item | None:
        if self.review is None or self.current is None:
            return None
        return self.review.item(self.current)

    def current_kind(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, KIND_ROLE) if index.isValid() else None  # type: ignore[return-value]

    # -- choosing rows -----------------------------------------------------------------

    def _row_chosen(self, *_: object) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        key = self.model.rows[index.row()].key
        self.current = key
        if self.mode is not None and self.mode.active:
            if key is not None:
                self.mode.go(key)
            return
        self._show_attributes()
        self._select_in_text(index.row())

    def _select_in_text(self, row: int) -> None:
        """Outside review mode: select the place in the analyst's own layer if it has it."""
        if self.review is None:
            return
        key = self.model.rows[row].key
        item = self.review.item(key) if key else None
        spans: list[Span] = []
        if item is not None and not item.is_relation:
            spans = list(self.review.span_pair(item).sides())
        elif key is None:
            agreed = [p for p in self.review.pairs if p.kind == "agree"]
            position = sum(1 for r in self.model.rows[: row + 1] if r.key is None) - 1
            if 0 <= position < len(agreed):
                spans = list(agreed[position].sides())
        for span in spans:
            if span.annotator == self.window_.annotator and span.id in self.window_.spans:
                self.window_.select_span(span.id)
                return
        if spans:
            self.window_.text_view.select_range(spans[0].start, spans[0].end)
            self.window_.text_view.ensureCursorVisible()

    def _table_key(self, letter: str, shift: bool) -> bool:
        if self.mode is not None and self.mode.active:
            if letter == "N":
                self.mode.step(-1 if shift else 1)
                return True
            if letter in ("A", "B", "X") and not shift:
                self.mode.decide({"A": "a", "B": "b"}.get(letter))  # type: ignore[arg-type]
                return True
            return False
        if letter in ("A", "B", "X") and not shift:
            return self.decide({"A": "a", "B": "b"}.get(letter))  # type: ignore[arg-type]
        return False

    # -- adjudication ------------------------------------------------------------------

    def decide(self, side: Side | None) -> bool:
        """A, B or X on the current row (outside review mode; in it, the mode decides)."""
        review = self._seen()
        item = self.current_item()
        if review is None or item is None:
            return False
        return self._run(
            lambda: decide(review, item.key, side),
            QCoreApplication.translate("ReviewPanel", "decide in gold"),
        )

    def take_attribute(self, key: str, side: Side) -> bool:
        if self.mode is not None and self.mode.active:
            return self.mode.take_attribute(key, side)
        review = self._seen()
        item = self.current_item()
        if review is None or item is None:
            return False
        return self._run(
            lambda: take_attribute(review, item.key, key, side),
            QCoreApplication.translate("ReviewPanel", "take an attribute"),
        )

    def accept_agreed(self) -> bool:
        article, review = self.window_.article, self._seen()
        a, b = self.a.currentText(), self.b.currentText()
        if article is None or a == b or review is None:
            return False
        action = accept_agreed(self.window_.store, article.id, a, b, review.gold_version)
        if not action.span_ids:
            self.window_.hint(QCoreApplication.translate("ReviewPanel", "Nothing both agree on."))
            return False
        return self._run(
            lambda: action, QCoreApplication.translate("ReviewPanel", "accept agreed spans")
        )

    def accept_layer(self) -> bool:
        return self._decide_layer(
            accept_layer,
            QCoreApplication.translate("ReviewPanel", "Accept layer"),
            QCoreApplication.translate("ReviewPanel", "Comment (optional):"),
            QCoreApplication.translate("ReviewPanel", "accept layer"),
        )

    def return_layer(self) -> bool:
        return self._decide_layer(
            return_layer,
            QCoreApplication.translate("ReviewPanel", "Return layer"),
            QCoreApplication.translate("ReviewPanel", "Why does the layer go back?"),
            QCoreApplication.translate("ReviewPanel", "return layer"),
        )

    def _decide_layer(
        self,
        decide: Callable[[Store, str, str, str, int | None], Action],
        title: str,
        prompt: str,
        what: str,
    ) -> bool:
        """Accept or return A's layer with the reviewer's comment (none when cancelled), as
        the panel showed it when she chose to (a refresh while she types does not count)."""
        article, review = self.window_.article, self._seen()
        if article is None or review is None or review.layer_a is None:
            return False
        a, seen = review.a, review.layer_a.version
        comment = self.ask(self, title, prompt)
        if comment is None:
            return False
        return self._run(lambda: decide(self.window_.store, article.id, a, comment, seen), what)

    def _run(self, make: Callable[[], Action | None], description: str) -> bool:
        try:
            action = make()
        except AnnotatorError as exc:
            self.window_.hint(str(exc))
            return False
        if action is None:
            self.window_.hint(QCoreApplication.translate("ReviewPanel", "Nothing to change."))
            return False
        return self.window_.run(action, description)  # the stack moves: refresh() follows

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str) -> str | None:
        """The reviewer's comment, or None when cancelled (tests replace this)."""
        text, ok = QInputDialog.getText(parent, title, label)
        return text if ok else None

    # -- language ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("ReviewPanel", "Review"))
        self.a_label.setText(QCoreApplication.translate("ReviewPanel", "A:"))
        self.b_label.setText(QCoreApplication.translate("ReviewPanel", "B:"))
        self.accept_agreed_button.setText(
            QCoreApplication.translate("ReviewPanel", "Accept everything both agree on")
        )
        self.accept_layer_button.setText(
            QCoreApplication.translate("ReviewPanel", "Accept A's layer…")
        )
        self.return_layer_button.setText(
            QCoreApplication.translate("ReviewPanel", "Return A's layer…")
        )
        self.help.setText(
            QCoreApplication.translate(
                "ReviewPanel",
                "A / B: that side is right here · X: neither · N / Shift+N: next / previous "
                "disagreement · Ctrl+R: review mode (A above the line, B below, gold tinted)",
            )
        )
        self.refresh()
