"""A Hugging Face datasets folder: data.jsonl in one schema (every attribute key on every
span, null where unset; token and IOB2 tag columns for token classification), labels.json
(the label, tag, relation and attribute lists) and a dataset card whose YAML declares the
features, so that ``load_dataset(folder)`` never has to guess them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from annotator.core.formats.conll import depths
from annotator.core.formats.jsonl import jsonl_record
from annotator.core.formats.layers import ExportLayer
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.token_cover import cover_tokens, span_edges
from annotator.core.schema import Schema

DATA_FILE = "data.jsonl"


def attribute_keys(schema: Schema) -> list[str]:
    return sorted({attr.name for attrs in schema.attributes.values() for attr in attrs})


def tag_names(schema: Schema) -> list[str]:
    return ["O"] + [f"{prefix}-{label.name}" for label in schema.labels for prefix in ("B", "I")]


def token_tags(layer: ExportLayer, tags: dict[str, int]) -> tuple[list[str], list[int]]:
    """Tokens without white space and the IOB2 tag id of each, outermost spans only (the
    spans column keeps every span)."""
    text = layer.text
    spans = layer.ordered_spans()
    level = depths(spans)
    outer = [s for s, d in zip(spans, level, strict=True) if d == 0]
    starts, ends = span_edges((s.start, s.end) for s in outer)
    tokens = [t for t in cover_tokens(text, starts, ends) if not t.is_space(text)]
    ids = [0] * len(tokens)
    at = 0
    for span in outer:
        while at < len(tokens) and tokens[at].start < span.start:
            at += 1
        first = True
        while at < len(tokens) and tokens[at].end <= span.end:
            ids[at] = tags[("B-" if first else "I-") + span.label]
            first = False
            at += 1
    return [text[t.start : t.end] for t in tokens], ids


def hf_record(
    layer: ExportLayer, schema: Schema, keys: list[str], tags: dict[str, int]
) -> dict[str, Any]:
    record = jsonl_record(layer, schema.version)
    record["comment"] = layer.comment
    for span in record["spans"]:
        given = span.get("attributes", {})
        span["attributes"] = {key: given.get(key) for key in keys}
    record["tokens"], record["ner_tags"] = token_tags(layer, tags)
    return record


def _feature_yaml(schema: Schema) -> str:
    def string(name: str, indent: str) -> str:
        return f"{indent}- name: {name}\n{indent}  dtype: string\n"

    def int64(name: str, indent: str) -> str:
        return f"{indent}- name: {name}\n{indent}  dtype: int64\n"

    i1, i2, i3 = "  ", "    ", "      "
    spans = f"{i1}- name: spans\n{i1}  list:\n"
    for name in ("id", "label", "text"):
        spans += string(name, i2)
    spans += int64("start", i2) + int64("end", i2)
    spans += f"{i2}- name: attributes\n{i2}  struct:\n"
    spans += "".join(string(key, i3) for key in attribute_keys(schema))
    relations = f"{i1}- name: relations\n{i1}  list:\n" + "".join(
        string(name, i2) for name in ("type", "head", "tail")
    )
    names = "".join(f"{i3}    '{n}': {tag}\n" for n, tag in enumerate(tag_names(schema)))
    tags = (
        f"{i1}- name: tokens\n{i1}  list: string\n"
        f"{i1}- name: ner_tags\n{i1}  list:\n{i3}class_label:\n{i3}  names:\n{names}"
    )
    plain = "".join(
        string(name, i1) for name in ("id", "text", "text_sha256", "annotator", "status", "comment")
    )
    return plain + spans + relations + int64("schema_version", i1) + tags


def dataset_card(schema: Schema) -> str:
    return (
        "---\nconfigs:\n- config_name: default\n  data_files: data.jsonl\n"
        f"dataset_info:\n  features:\n{_feature_yaml(schema)}---\n\n"
        "# Arabic public-administration news, labelled\n\n"
        "One record per article and annotator (`annotator` null: nobody labelled it).\n"
        "Offsets are Unicode code points of `text`, end exclusive; every span's `text` is\n"
        "`text[start:end]`; `attributes` has every key on every span, null where unset.\n"
        "`tokens`/`ner_tags` give the outermost spans as IOB2 tags (names in labels.json);\n"
        "`spans` keeps nested ones too. Load with `datasets.load_dataset(THIS_FOLDER)`.\n"
    )


def labels_file(schema: Schema) -> dict[str, Any]:
    return {
        "labels": [label.name for label in schema.labels],
        "ner_tags": tag_names(schema),
        "relations": [rel.name for rel in schema.relations],
        "attributes": {
            label: {attr.name: list(attr.values) if attr.values else None for attr in attrs}
            for label, attrs in schema.attributes.items()
        },
        "schema_version": schema.version,
    }


def write_huggingface(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    schema = options.schema
    keys = attribute_keys(schema)
    tags = {name: i for i, name in enumerate(tag_names(schema))}
    with out.folder() as root:
        with (root / DATA_FILE).open("wb") as fh:
            for layer in layers:
                fh.write(orjson.dumps(hf_record(layer, schema, keys, tags)) + b"\n")
        (root / "labels.json").write_bytes(
            orjson.dumps(labels_file(schema), option=orjson.OPT_INDENT_2) + b"\n"
        )
        (root / "README.md").write_text(dataset_card(schema), encoding="utf-8")
