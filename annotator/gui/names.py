"""Names shown to the analyst: statuses (translated) and schema names in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.models import Span
from annotator.core.schema import Schema


def isolate(text: str) -> str:
    """Article text inside an interface line: a first-strong isolate (FSI … PDI) keeps its
    own direction, so «5000 قرص مضغوط» or «منصة … E-participation» read right to left even
    in an English line, and do not reorder the words around them."""
    return f"\u2068{text}\u2069"


def status_name(status: str) -> str:
    names = {
        "new": QCoreApplication.translate("Names", "new"),
        "in_progress": QCoreApplication.translate("Names", "in progress"),
        "done": QCoreApplication.translate("Names", "done"),
        "accepted": QCoreApplication.translate("Names", "accepted"),
        "returned": QCoreApplication.translate("Names", "returned"),
    }
    return names.get(status, status)


class SchemaNames:
    """Labels, attributes, values and relation types in Arabic or English (the schema
    carries both; Qt's translations are for the program's own words)."""

    def __init__(self, schema: Schema, language: str = "ar") -> None:
        self.schema = schema
        self.language = language

    def label(self, name: str) -> str:
        try:
            label = self.schema.label(name)
        except KeyError:
            return name
        return label.ar if self.language == "ar" else label.en

    def short_label(self, name: str) -> str:
        """The label's name for a tag on the text: «صفة» for «صفة/منصب», «Legal» for
        «Legal reference» (the part before a slash, else the first word of a long name)."""
        full = self.label(name).split("/")[0].strip()
        return full.split()[0] if len(full) > 10 else full

    def attribute(self, label: str, key: str) -> str:
        definition = self.schema.attribute(label, key)
        if definition is None:
            return key
        return definition.ar if self.language == "ar" else definition.en

    def value(self, value: str) -> str:
        return self.schema.value_name(value, self.language)

    def relation(self, name: str) -> str:
        try:
            rel = self.schema.relation(name)
        except KeyError:
            return name
        return rel.ar if self.language == "ar" else rel.en

    def relations(self) -> dict[str, str]:
        return {r.name: self.relation(r.name) for r in self.schema.relations}

    def describe(self, span: Span) -> str:
        """Tooltip lines: label, attributes, annotator (plain text, shown literally)."""
        lines = [self.label(span.label)]
        for key, value in span.attributes.items():
            definition = self.schema.attribute(span.label, key)
            shown = value if definition is None or definition.values is None else self.value(value)
            lines.append(f"{self.attribute(span.label, key)}: {isolate(shown)}")
        annotator = QCoreApplication.translate("Names", "annotator")
        lines.append(f"{annotator}: {isolate(span.annotator)}")
        return "\n".join(lines)
