"""Export a store in a format, import the result into a fresh store, and compare: what
each format keeps of the articles, spans, relations and attributes."""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.exporters import OUTPUT_FORMATS, ExportReport, export
from annotator.core.formats.importers import ImportReport, import_paths
from annotator.core.store import Store

# Where each format's export goes, and how its import is asked for.
TARGETS = {
    "jsonl": ("out.jsonl", "auto"),
    "doccano": ("out.jsonl", "doccano"),
    "labelstudio": ("tasks.json", "auto"),
    "brat": ("collection", "auto"),
    "conll": ("out.conll", "auto"),
    "huggingface": ("dataset", "auto"),
}


def content(store: Store) -> dict[tuple[str, str], tuple[object, ...]]:
    """Every layer as comparable values: its spans (with attributes), relations, status."""
    out: dict[tuple[str, str], tuple[object, ...]] = {}
    for article_id in store.article_ids():
        for layer in store.layers(article_id):
            spans = store.spans(article_id, layer.annotator)
            key = {
                s.id: (s.start, s.end, s.label, tuple(sorted(s.attributes.items()))) for s in spans
            }
            relations = sorted(
                (r.type, key[r.head], key[r.tail])
                for r in store.relations(article_id, layer.annotator)
            )
            out[(article_id, layer.annotator)] = (
                sorted(key.values()),
                relations,
                layer.status,
                layer.comment,
            )
    return out


def round_trip(
    store: Store, fmt: str, work: Path, target: Store, **options: object
) -> tuple[ExportReport, ImportReport]:
    name, import_format = TARGETS[fmt]
    out = work / name
    assert fmt in OUTPUT_FORMATS
    exported = export(store, out, fmt, **options)  # type: ignore[arg-type]
    extra = {"annotator": "amina"} if fmt == "conll" else {}
    imported = import_paths(target, [out], fmt=import_format, **extra)  # type: ignore[arg-type]
    return exported, imported
