"""The output formats: every writer behind one interface (layers read from the store in,
an Output, the report and the options), and export(), which streams the chosen layers to
one of them. Every span's text is text[start:end] of the frozen article text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from annotator.core.errors import InputError
from annotator.core.formats.brat import write_brat
from annotator.core.formats.conll import write_conll
from annotator.core.formats.csv_table import write_csv
from annotator.core.formats.docbin import write_docbin
from annotator.core.formats.doccano import write_doccano
from annotator.core.formats.huggingface import write_huggingface
from annotator.core.formats.jsonl import write_jsonl
from annotator.core.formats.labelstudio import write_labelstudio
from annotator.core.formats.layers import PAGE, ExportLayer, iter_layers
from annotator.core.formats.measures import write_measures
from annotator.core.formats.output import (
    ExportOptions,
    ExportReport,
    Output,
    Progress,
)
from annotator.core.formats.spacy_jsonl import write_spacy
from annotator.core.store import Store

Writer = Callable[[Iterable[ExportLayer], Output, ExportReport, ExportOptions], None]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    write: Writer
    description: str
    folder: bool = False  # writes a folder, not a file


OUTPUT_FORMATS = {
    f.name: f
    for f in (
        OutputFormat("jsonl", write_jsonl, "our JSONL: everything, and reads back as it was"),
        OutputFormat("doccano", write_doccano, "doccano JSONL, with relations when there are"),
        OutputFormat("spacy", write_spacy, "spaCy/Prodigy JSONL: tokens, spans, relations"),
        OutputFormat("docbin", write_docbin, "spaCy's .spacy training file (needs spaCy)"),
        OutputFormat("conll", write_conll, "CoNLL/BIO (IOB2), the 4 columns spaCy converts"),
        OutputFormat("brat", write_brat, "a brat collection folder", folder=True),
        OutputFormat("labelstudio", write_labelstudio, "Label Studio tasks + labelling config"),
        OutputFormat(
            "huggingface", write_huggingface, "a Hugging Face datasets folder", folder=True
        ),
        OutputFormat("csv", write_csv, "a CSV of spans"),
        OutputFormat("measures", write_measures, "the register of measures (CSV or .xlsx)"),
    )
}
FORMATS = tuple(OUTPUT_FORMATS)

__all__ = ["FORMATS", "OUTPUT_FORMATS", "ExportOptions", "ExportReport", "export"]


def export(
    store: Store,
    out: str | Path | IO[bytes],
    fmt: str = "jsonl",
    *,
    annotator: str | None = None,
    gold: bool = False,
    status: str | None = None,
    progress: Progress | None = None,
    lang: str = "en",
    nested: str = "outermost",
    email_domain: str | None = None,
) -> ExportReport:
    """Write every matching layer to ``out`` (a path, "-" for stdout, or a binary stream)."""
    if fmt not in OUTPUT_FORMATS:
        raise InputError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if lang not in ("en", "ar"):
        raise InputError(f"unknown language {lang!r} (en or ar)")
    options = ExportOptions(store.schema, lang=lang, nested=nested)
    if email_domain:
        options = ExportOptions(store.schema, lang=lang, nested=nested, email_domain=email_domain)
    report = ExportReport()
    total = store.article_count() if progress else 0
    layers = iter_layers(store, annotator=annotator, gold=gold, status=status)
    OUTPUT_FORMATS[fmt].write(
        _counted(layers, report, progress, total), Output(out), report, options
    )
    return report


def _counted(
    layers: Iterator[ExportLayer], report: ExportReport, progress: Progress | None, total: int
) -> Iterator[ExportLayer]:
    for layer in layers:
        yield layer
        report.records += 1
        report.spans += len(layer.spans)
        if progress and report.records % PAGE == 0:
            progress(report.records, total)
