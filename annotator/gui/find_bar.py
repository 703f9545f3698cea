"""The in-article find bar (Ctrl+F): diacritic-insensitive, Enter for the next match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.core.text.find import TextFinder


class FindBar(QWidget):
    """Emits matchChosen(start, end) in code points; hidden until Ctrl+F."""

    matchChosen = Signal(int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finder = TextFinder("")
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(self, objectName="findInArticle")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.previous_button = QToolButton(self, text="▲")
        self.next_button = QToolButton(self, text="▼")
        self.close_button = QToolButton(self, text="✕")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.field,
            self.count,
            self.previous_button,
            self.next_button,
            self.close_button,
        ):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(lambda: self.step(1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.close_button.clicked.connect(self.close_bar)
        self.field.installEventFilter(self)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in this article…"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_text(self, text: str) -> None:
        self.finder = TextFinder(text)
        self._search(self.field.text())

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.step(-1)
                return True
        return super().eventFilter(watched, event)

    def _search(self, query: str) -> None:
        self.matches = self.finder.find_all(query) if query.strip() else []
        self.current = -1
        self._show_count()

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_count()
        self.matchChosen.emit(*self.matches[self.current])

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(f"{max(self.current, 0) + 1}/{len(self.matches)}")
