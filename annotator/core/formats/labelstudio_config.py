"""The Label Studio labelling configuration (XML) for our schema: Labels with our names
and colours over the text, Relations, and per-region Choices and TextArea for the measure
attributes, shown when a region with that label is selected."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from annotator.core.schema import Schema

TEXT = "text"  # the Text tag's name, and the task data key that holds the article
LABELS = "label"  # the Labels tag's name: "from_name" of every span


def labelling_config(schema: Schema) -> bytes:
    view = ET.Element("View")
    relations = ET.SubElement(view, "Relations")
    for rel in schema.relations:
        ET.SubElement(relations, "Relation", value=rel.name)
    labels = ET.SubElement(view, "Labels", name=LABELS, toName=TEXT)
    for label in schema.labels:
        ET.SubElement(
            labels,
            "Label",
            value=label.name,
            background=label.color,
            hint=f"{label.ar} — {label.en}",
        )
    # Right to left, as the analysts read it; offsets do not depend on it.
    text_view = ET.SubElement(view, "View", style="direction: rtl; text-align: right")
    ET.SubElement(text_view, "Text", name=TEXT, value=f"${TEXT}")
    for label_name, attributes in schema.attributes.items():
        panel = ET.SubElement(
            view, "View", visibleWhen="region-selected", whenLabelValue=label_name
        )
        for attr in attributes:
            ET.SubElement(panel, "Header", value=f"{attr.en} / {attr.ar}")
            common = {
                "name": attr.name,
                "toName": TEXT,
                "perRegion": "true",
                "whenLabelValue": label_name,
            }
            if attr.values is None:
                ET.SubElement(panel, "TextArea", common, editable="true", maxSubmissions="1")
            else:
                choices = ET.SubElement(
                    panel, "Choices", common, choice="single", showInline="true"
                )
                for value in attr.values:
                    ET.SubElement(
                        choices, "Choice", value=value, hint=schema.value_name(value, "ar")
                    )
    ET.indent(view)
    return ET.tostring(view, encoding="utf-8", xml_declaration=False) + b"\n"
