"""The attribute editor (objectName attributeEditor): the selected span's attributes as the
schema defines them — a combo box per closed list of values, a line for free text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from annotator.core.models import Span
from annotator.gui.names import SchemaNames


class AttributeEditor(QGroupBox):
    """Emits attributeEdited(span id, key, value); value "" removes the attribute."""

    attributeEdited = Signal(int, str, str)

    def __init__(self, names: SchemaNames, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeEditor")
        self.names = names
        self.span: Span | None = None
        self.editors: dict[str, QComboBox | QLineEdit] = {}
        self._form = QFormLayout(self)
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._form.addRow(self._hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Attributes"))
        self.show_span(self.span)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_span(self, span: Span | None) -> None:
        """Rebuild the form for ``span`` (None: nothing selected)."""
        self.span = span
        while self._form.rowCount() > 1:
            self._form.removeRow(1)
        self.editors = {}
        definitions = self.names.schema.attributes.get(span.label, ()) if span else ()
        if span is None:
            self._hint.setText(self.tr("Select a span to see its attributes."))
        elif not definitions:
            self._hint.setText(self.tr("This label has no attributes."))
        else:
            self._hint.setText(self.names.label(span.label))
        self.setEnabled(bool(definitions))
        for definition in definitions:
            current = span.attributes.get(definition.name, "") if span else ""
            if definition.values is None:
                line = QLineEdit(self, objectName=f"attribute_{definition.name}")
                line.setText(current)
                line.editingFinished.connect(
                    lambda key=definition.name, widget=line: self._edited(
                        key, widget.text().strip()
                    )
                )
                editor: QComboBox | QLineEdit = line
            else:
                combo = QComboBox(self, objectName=f"attribute_{definition.name}")
                combo.addItem("—", "")
                for value in definition.values:
                    combo.addItem(self.names.value(value), value)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                # activated: only the analyst's choices save, not our own setCurrentIndex.
                combo.activated.connect(
                    lambda _i, key=definition.name, widget=combo: self._edited(
                        key, widget.currentData()
                    )
                )
                editor = combo
            self.editors[definition.name] = editor
            label = self.names.attribute(span.label, definition.name) if span else definition.name
            self._form.addRow(label, editor)

    def refresh(self, span: Span | None) -> None:
        """Show fresh values; keeps the widgets when the same span keeps its label, so an
        editor that just emitted a change is not destroyed under the analyst's cursor."""
        if (
            span is None
            or self.span is None
            or (span.id, span.label) != (self.span.id, self.span.label)
        ):
            self.show_span(span)
            return
        self.span = span
        for key, editor in self.editors.items():
            value = span.attributes.get(key, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif editor.text().strip() != value:
                editor.setText(value)

    def _edited(self, key: str, value: str) -> None:
        if self.span is None or self.span.attributes.get(key, "") == value:
            return
        self.attributeEdited.emit(self.span.id, key, value)
