"""The review panel: compare two layers of the open article and adjudicate into gold.

A thin widget over annotator.core.review.gold; every change goes through the window's undo
stack, so Ctrl+Z undoes it, and the panel refreshes whenever the stack moves or another
program's change is shown. Each decision quotes the versions of A's layer and of gold the
panel showed when the reviewer decided, so a decision taken on what someone else changed
since is refused and she is told."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.actions import Action
from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD, Span
from annotator.core.review.gold import (
    SpanPair,
    accept_agreed,
    accept_layer,
    accept_span,
    compare_layers,
    reject_span,
    return_layer,
)
from annotator.gui.names import isolate, status_name

if TYPE_CHECKING:
    from annotator.core.store import Store
    from annotator.gui.workbench import Workbench

KIND_COLORS = {
    "agree": "#c8f0c8",
    "label_mismatch": "#ffd8a8",
    "overlap": "#fff3a0",
    "only_a": "#ffc4c4",
    "only_b": "#c4d8ff",
}
PAIR_ROLE = Qt.ItemDataRole.UserRole


def kind_name(kind: str) -> str:
    names = {
        "agree": QCoreApplication.translate("ReviewPanel", "agree"),
        "label_mismatch": QCoreApplication.translate("ReviewPanel", "label mismatch"),
        "overlap": QCoreApplication.translate("ReviewPanel", "overlap"),
        "only_a": QCoreApplication.translate("ReviewPanel", "only A"),
        "only_b": QCoreApplication.translate("ReviewPanel", "only B"),
    }
    return names.get(kind, kind)


class PairList(QListWidget):
    """The comparison pairs; A accepts, B accepts B's side, X rejects the current pair."""

    acceptKey = Signal(str)  # "a" or "b": which side
    rejectKey = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain and (key == Qt.Key.Key_A or text == "ش"):
            self.acceptKey.emit("a")
        elif plain and (key == Qt.Key.Key_B or text == "لا"):
            self.acceptKey.emit("b")
        elif plain and (key == Qt.Key.Key_X or text == "ء"):
            self.rejectKey.emit()
        else:
            super().keyPressEvent(event)


class ReviewPanel(QDockWidget):
    def __init__(self, window: Workbench, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.window_ = window
        self.pairs: list[SpanPair] = []
        # What the panel shows: the versions of A's layer and of gold (0: none yet).
        self.seen_a = 0
        self.seen_gold = 0
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
        self.summary = QLabel(body, objectName="reviewSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = PairList(body)
        self.list.setObjectName("reviewPairs")
        layout.addWidget(self.list, 1)
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
        self.a.currentTextChanged.connect(self.refresh)
        self.b.currentTextChanged.connect(self.refresh)
        self.list.currentItemChanged.connect(self._jump)
        self.list.itemClicked.connect(self._jump)
        self.list.acceptKey.connect(self.accept_current)
        self.list.rejectKey.connect(self.reject_current)
        self.accept_agreed_button.clicked.connect(self.accept_agreed)
        self.accept_layer_button.clicked.connect(self.accept_layer)
        self.return_layer_button.clicked.connect(self.return_layer)
        window.undo_stack.indexChanged.connect(self.refresh)
        window.articleOpened.connect(self.refresh)
        window.databaseChanged.connect(self.refresh)
        self.retranslate()

    # -- choosing and listing ----------------------------------------------------------

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
        self.refresh()

    def refresh(self, *_: object) -> None:
        if self.window_.closed:
            return  # a closed window no longer reads the database
        article = self.window_.article
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        self.pairs = []
        a, b = self.a.currentText(), self.b.currentText()
        self.seen_a = self.seen_gold = 0
        self.layer_status.clear()
        if article is None or not a or not b or a == b:
            self.summary.setText(
                QCoreApplication.translate("ReviewPanel", "Choose two different annotators.")
            )
            self.list.blockSignals(False)
            return
        store = self.window_.store
        layer = store.layer(article.id, a)
        self.seen_a, self.seen_gold = layer.version, store.layer(article.id, GOLD).version
        self.layer_status.setText(
            QCoreApplication.translate("ReviewPanel", "%1's layer: %2")
            .replace("%1", isolate(a))
            .replace("%2", status_name(layer.status))
        )
        comparison = compare_layers(self.window_.store, article.id, a, b)
        self.pairs = list(comparison.pairs)
        for pair in self.pairs:
            item = QListWidgetItem(self.describe(pair, article.text))
            item.setBackground(QBrush(QColor(KIND_COLORS[pair.kind])))
            item.setForeground(QBrush(QColor("#000000")))
            item.setData(PAIR_ROLE, pair.kind)
            self.list.addItem(item)
        if self.pairs:
            self.list.setCurrentRow(min(max(row, 0), len(self.pairs) - 1))
        self.list.blockSignals(False)
        counts = comparison.counts()
        self.summary.setText(
            " · ".join(f"{kind_name(kind)}: {count}" for kind, count in counts.items())
        )

    def describe(self, pair: SpanPair, text: str) -> str:
        names = self.window_.names

        def side(span: Span | None) -> str:
            if span is None:
                return "—"
            return f"{isolate(text[span.start : span.end])} ({names.label(span.label)})"

        return f"{kind_name(pair.kind)}: A {side(pair.a)} | B {side(pair.b)}"

    def current_pair(self) -> SpanPair | None:
        row = self.list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _jump(self, *_: object) -> None:
        pair = self.current_pair()
        if pair is None:
            return
        span = pair.a or pair.b
        if span is None:
            return
        if span.annotator == self.window_.annotator:
            self.window_.select_span(span.id)
        else:
            other = pair.b if span is pair.a else pair.a
            if other is not None and other.annotator == self.window_.annotator:
                self.window_.select_span(other.id)
            else:
                self.window_.text_view.select_range(span.start, span.end)
                self.window_.text_view.ensureCursorVisible()

    # -- adjudication ------------------------------------------------------------------

    def _side(self, pair: SpanPair, which: str) -> Span | None:
        first, second = (pair.a, pair.b) if which == "a" else (pair.b, pair.a)
        for span in (first, second):
            if span is not None and span.annotator != GOLD:
                return span
        return first or second

    def accept_current(self, which: str = "a") -> bool:
        pair = self.current_pair()
        span = self._side(pair, which) if pair else None
        if span is None:
            return False
        seen = self.seen_gold
        return self._run(
            lambda: accept_span(self.window_.store, span.id, seen),
            QCoreApplication.translate("ReviewPanel", "accept into gold"),
        )

    def reject_current(self) -> bool:
        pair = self.current_pair()
        span = (pair.a or pair.b) if pair else None
        if span is None:
            return False
        seen = self.seen_gold
        return self._run(
            lambda: reject_span(self.window_.store, span.id, seen),
            QCoreApplication.translate("ReviewPanel", "reject from gold"),
        )

    def accept_agreed(self) -> bool:
        article = self.window_.article
        a, b = self.a.currentText(), self.b.currentText()
        if article is None or a == b:
            return False
        action = accept_agreed(self.window_.store, article.id, a, b, self.seen_gold)
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
        decide: Callable[[Store, str, str, str, int], Action],
        title: str,
        prompt: str,
        what: str,
    ) -> bool:
        """Accept or return A's layer with the reviewer's comment (none when cancelled), as
        the panel showed it when she chose to (a refresh while she types does not count)."""
        article = self.window_.article
        if article is None:
            return False
        a, seen = self.a.currentText(), self.seen_a
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
        ok = self.window_.run(action, description)
        self.refresh()
        return ok

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
                "ReviewPanel", "A: accept into gold · B: accept B's span · X: reject from gold"
            )
        )
        self.refresh()
