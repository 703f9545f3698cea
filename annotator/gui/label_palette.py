"""The label palette: one button per label with its colour and keys."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QToolButton, QWidget

from annotator.core.schema import Schema
from annotator.gui.names import SchemaNames


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelPalette(QGroupBox):
    """Emits labelChosen(label name) like the label's key would."""

    labelChosen = Signal(str)

    def __init__(self, schema: Schema, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labelPalette")
        self.schema = schema
        self.names = names
        self.buttons: dict[str, QToolButton] = {}
        grid = QGridLayout(self)
        grid.setSpacing(4)
        for index, label in enumerate(schema.labels):
            button = QToolButton(self)
            button.setObjectName(f"label_{label.name}")
            button.setIcon(swatch(label.color))
            button.setIconSize(QSize(14, 14))
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
            button.setAutoRaise(False)
            button.setSizePolicy(
                button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Fixed
            )
            button.clicked.connect(lambda _=False, name=label.name: self.labelChosen.emit(name))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[label.name] = button
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Labels"))
        for label in self.schema.labels:
            button = self.buttons[label.name]
            button.setText(f"{self.names.label(label.name)}  {label.key} · {label.digit}")
            button.setToolTip(
                self.tr("Press %1 or %2 to label the selection")
                .replace("%1", label.key)
                .replace("%2", label.digit)
            )
