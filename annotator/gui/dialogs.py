"""Dialogs, each behind an ``ask`` classmethod that tests replace so none blocks in exec()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.formats.exporters import FORMATS


class ErrorDialog(QDialog):
    """A message and the list of problems, one ``file:line: message`` per line, as plain
    text the analyst can select and copy."""

    def __init__(self, parent: QWidget | None, title: str, message: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(message, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        listing = QPlainTextEdit(self, objectName="errorList")
        listing.setReadOnly(True)
        listing.setPlainText("\n".join(lines))
        layout.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 320)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, message: str, lines: list[str]) -> None:
        cls(parent, title, message, lines).exec()


class NameDialog:
    """The analyst's name, asked once on first start."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        name, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("Dialogs", "Welcome"),
            QCoreApplication.translate("Dialogs", "Your name (saved with every label you make):"),
            QLineEdit.EchoMode.Normal,
        )
        name = name.strip()
        return name if ok and name else None


class FileDialogs:
    @classmethod
    def ask_import_paths(cls, parent: QWidget | None) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("Dialogs", "Import articles or annotations"),
            "",
            QCoreApplication.translate(
                "Dialogs", "Articles and annotations (*.txt *.jsonl *.json *.csv);;All files (*)"
            ),
        )
        return paths

    @classmethod
    def ask_export_path(cls, parent: QWidget | None) -> tuple[str, str] | None:
        """(path, format) or None; the format follows the filter the analyst picked."""
        filters = {
            "jsonl": QCoreApplication.translate("Dialogs", "Annotations, JSONL (*.jsonl)"),
            "doccano": QCoreApplication.translate("Dialogs", "doccano JSONL (*.jsonl)"),
            "spacy": QCoreApplication.translate("Dialogs", "spaCy / Prodigy JSONL (*.jsonl)"),
            "docbin": QCoreApplication.translate("Dialogs", "spaCy training file (*.spacy)"),
            "conll": QCoreApplication.translate("Dialogs", "CoNLL / BIO tags (*.conll)"),
            "labelstudio": QCoreApplication.translate("Dialogs", "Label Studio tasks (*.json)"),
            "brat": QCoreApplication.translate("Dialogs", "brat collection, a folder (*)"),
            "huggingface": QCoreApplication.translate(
                "Dialogs", "Hugging Face dataset, a folder (*)"
            ),
            "csv": QCoreApplication.translate("Dialogs", "Spans as CSV (*.csv)"),
            "measures": QCoreApplication.translate(
                "Dialogs", "Register of measures (*.xlsx *.csv)"
            ),
        }
        offered = {fmt: filters[fmt] for fmt in FORMATS}  # a new format without a filter fails
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Dialogs", "Export annotations"),
            "annotations.jsonl",
            ";;".join(offered.values()),
        )
        if not path:
            return None
        fmt = next((f for f, shown in offered.items() if shown == chosen), "jsonl")
        return path, fmt


class PopupMenu:
    """A context menu at the pointer; returns the chosen action (None if dismissed)."""

    @classmethod
    def ask(cls, menu: QMenu, at: QPoint) -> QAction | None:
        return menu.exec(at)


class RelationTypeMenu:
    """The relation types the schema allows between two spans, as a menu at the pointer."""

    @classmethod
    def ask(cls, parent: QWidget | None, choices: list[tuple[str, str]], at: QPoint) -> str | None:
        menu = QMenu(parent)
        for name, shown in choices:
            menu.addAction(shown).setData(name)
        picked = menu.exec(at)
        return picked.data() if picked is not None else None
