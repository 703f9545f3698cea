"""Label Studio both ways: its tasks JSON (one task per article, one annotation per
annotator layer, spans as ``labels`` regions with code point offsets, attributes as
per-region ``choices``/``textarea`` results carrying the region's id, relations as
``relation`` results) and its full JSON export (annotations and predictions)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import orjson

from annotator.core.errors import InputError
from annotator.core.formats.csv_table import LABEL_STUDIO_REFUSED
from annotator.core.formats.labelstudio_config import LABELS, TEXT, labelling_config
from annotator.core.formats.layers import (
    ExportLayer,
    by_article,
    numbered_relations,
    spans_with_numbers,
)
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    ReadContext,
    check_article_id,
    check_article_text,
    check_attributes,
    check_relations,
    check_status,
    make_span,
)
from annotator.core.formats.source import (
    first_json_char,
    json_array_items,
    newline_map,
    read_bytes,
)
from annotator.core.models import GOLD
from annotator.core.text.decode import decode, frozen_sha256

# Keys of a JSON_MIN export's flat records (converter.convert_to_json_min).
_JSON_MIN_KEYS = frozenset(("annotation_id", "lead_time", "annotator"))


# -- export --------------------------------------------------------------------------------


def email_of(annotator: str, domain: str) -> str:
    """The Label Studio user of an annotator: the name as the e-mail's local part
    (percent-encoded if it is not plain ASCII), so that reading it back gives the name."""
    return f"{quote(annotator, safe='.-_+')}@{domain}"


def annotation_result(layer: ExportLayer) -> list[dict[str, Any]]:
    text = layer.text
    spans, numbers = spans_with_numbers(layer)
    result: list[dict[str, Any]] = []
    for i, span in enumerate(spans, start=1):
        region = f"s{i}"
        where = {"start": span.start, "end": span.end, "text": text[span.start : span.end]}
        result.append(
            {
                "id": region,
                "from_name": LABELS,
                "to_name": TEXT,
                "type": "labels",
                "origin": "manual",
                "value": {**where, "labels": [span.label]},
            }
        )
        for key, value in sorted(span.attributes.items()):
            # A per-region TextArea keeps its text in value.text (a list), in place of the
            # region's; Label Studio's own per-region results look the same.
            is_choice = key != "note"
            result.append(
                {
                    "id": region,
                    "from_name": key,
                    "to_name": TEXT,
                    "type": "choices" if is_choice else "textarea",
                    "origin": "manual",
                    "value": {**where, "choices": [value]}
                    if is_choice
                    else {"start": span.start, "end": span.end, "text": [value]},
                }
            )
    for rel_type, head, tail in numbered_relations(layer, numbers):
        result.append(
            {
                "from_id": f"s{head}",
                "to_id": f"s{tail}",
                "type": "relation",
                "direction": "right",
                "labels": [rel_type],
            }
        )
    return result


def task_predictions(article_id: str) -> list[dict[str, Any]]:
    """Predictions to hand to Label Studio with the task. None yet: proposals from the
    suggesters will go here as {"model_version", "score", "result"}."""
    return []


def task(layers: list[ExportLayer], options: ExportOptions) -> dict[str, Any]:
    first = layers[0]
    labelled = [layer for layer in layers if layer.annotator is not None]
    return {
        "data": {
            TEXT: first.text,
            "article_id": first.article_id,
            "text_sha256": first.text_sha256,
        },
        "meta": {
            "layers": {
                layer.annotator: {"status": layer.status, "comment": layer.comment}
                for layer in labelled
                if layer.annotator is not None
            }
        },
        "annotations": [
            {
                "completed_by": {"email": email_of(layer.annotator, options.email_domain)},
                "result": annotation_result(layer),
                "was_cancelled": False,
                "ground_truth": layer.annotator == GOLD,
            }
            for layer in labelled
            if layer.annotator is not None
        ],
        "predictions": task_predictions(first.article_id),
    }


def write_labelstudio(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    users: set[str] = set()
    with out.stream() as fh:
        fh.write(b"[\n")
        for n, group in enumerate(by_article(iter(layers))):
            users.update(layer.annotator for layer in group if layer.annotator is not None)
            fh.write((b",\n" if n else b"") + orjson.dumps(task(group, options)))
        fh.write(b"\n]\n")
    out.write_beside(".label_config.xml", labelling_config(options.schema), report)
    rows = ["email,annotator"] + [
        f"{email_of(name, options.email_domain)},{name}" for name in sorted(users)
    ]
    out.write_beside(".users.csv", ("\n".join(rows) + "\n").encode("utf-8"), report)
    if users:
        report.notes.append(
            "Label Studio accepts annotations only from its users: have each of these sign up "
            "(Organization → Add People) before importing, or the import is refused:"
        )
        report.notes += [
            f"  {email_of(name, options.email_domain)}  ({name})" for name in sorted(users)
        ]
        report.notes.append(
            "Create the project with the labelling config written beside the export "
            "(Settings → Labeling Interface → Code), then import the tasks file."
        )


# -- import --------------------------------------------------------------------------------


def predictions_annotator(prediction: dict[str, Any]) -> str:
    """Where a task's predictions go: for now a layer named after the model version. Once
    the proposals table exists they become proposals instead (this one place changes)."""
    version = prediction.get("model_version")
    return (
        str(version).strip()
        if isinstance(version, str | int) and str(version).strip()
        else "predictions"
    )


def _user_name(completed_by: Any, context: ReadContext, path: Path, line: int) -> str:
    """An annotator name from Label Studio's completed_by: a mapping if given (by e-mail or
    user id), else the e-mail's local part; a bare user id becomes ``labelstudio-user-N``."""
    if isinstance(completed_by, dict):
        email = completed_by.get("email")
        key = email if isinstance(email, str) and email else completed_by.get("id")
    else:
        key = completed_by
    if key is None:
        raise InputError("annotation without completed_by: give --annotator NAME", path, line)
    mapped = context.annotator_map.get(str(key))
    if mapped is not None:
        return mapped
    if isinstance(key, str) and "@" in key:
        return unquote(key.rsplit("@", 1)[0])
    if isinstance(key, int) and not isinstance(key, bool):
        context.note(
            "annotations whose completed_by is a bare user id (named labelstudio-user-N; "
            "--map-annotator N=NAME names them)"
        )
        return f"labelstudio-user-{key}"
    raise InputError(f"completed_by {key!r} is neither an e-mail nor a user id", path, line)


def read_labelstudio(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """A full JSON export (a top-level array of tasks, one line or pretty-printed), or one
    task alone in a file (as Label Studio's examples are)."""
    items = json_array_items(path) if first_json_char(path) != "{" else _one_task(path)
    for count, (line, item) in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise InputError("each item must be a task object", path, line)
        if "data" not in item and "annotations" not in item:
            if _JSON_MIN_KEYS & item.keys():
                raise InputError(LABEL_STUDIO_REFUSED.format(kind="JSON_MIN"), path, line)
            raise InputError('not a Label Studio task: no "data"', path, line)
        yield from _task(item, count, line, path, context)


def _one_task(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        yield 1, orjson.loads(decode(read_bytes(path), path))
    except orjson.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc}", path) from None


def _task(
    item: dict[str, Any], count: int, line: int, path: Path, context: ReadContext
) -> Iterator[IncomingArticle]:
    data = item.get("data")
    if not isinstance(data, dict):
        raise InputError('"data" must be an object', path, line)
    raw = data.get(TEXT)
    if raw is None:
        strings = [v for v in data.values() if isinstance(v, str)]
        if len(strings) != 1:
            raise InputError(
                f'no "text" in the task data (keys: {", ".join(sorted(data))})', path, line
            )
        raw = strings[0]
    text = check_article_text(raw, path, line)
    sha = data.get("text_sha256")
    if sha is not None and sha != frozen_sha256(text):
        raise InputError('"text_sha256" does not match the text', path, line)
    article_id = check_article_id(
        data.get("article_id") or f"{path.stem}-{item.get('id', count)}", path, line
    )
    meta = _object(item.get("meta"))
    layer_meta = _object(meta.get("layers"))
    layers: list[tuple[str, list[Any]]] = []
    for annotation in item.get("annotations") or item.get("completions") or []:
        if not isinstance(annotation, dict):
            raise InputError("each annotation must be an object", path, line)
        if annotation.get("was_cancelled"):
            context.note("cancelled annotations skipped")
            continue
        name = (
            context.annotator
            if context.annotator is not None
            else _user_name(annotation.get("completed_by"), context, path, line)
        )
        layers.append((name, annotation.get("result") or []))
    for prediction in item.get("predictions") or []:
        if not isinstance(prediction, dict):
            raise InputError("each prediction must be an object", path, line)
        name = predictions_annotator(prediction)
        context.note(f"predictions imported as layer {name!r} (until they can be suggestions)")
        layers.append((name, prediction.get("result") or []))
    clean, mapping = newline_map(text)
    if not layers:
        yield IncomingArticle(article_id, clean, line)
        return
    for name, result in layers:
        spans, relations = _result(result, text, context, path, line)
        if mapping is not None:
            spans = [
                IncomingSpan(mapping[s.start], mapping[s.end], s.label, s.attributes) for s in spans
            ]
        recorded = _object(layer_meta.get(name))
        comment = recorded.get("comment")
        article = IncomingArticle(
            article_id,
            clean,
            line,
            annotator=context.annotator_for(name, bool(spans), path, line),
            status=check_status(recorded.get("status"), path, line),
            comment=comment if isinstance(comment, str) else "",
            spans=spans,
            relations=relations,
        )
        check_relations(context.schema, article, path, line)
        yield article


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _result(
    result: Any, text: str, context: ReadContext, path: Path, line: int
) -> tuple[list[IncomingSpan], list[tuple[str, int, int]]]:
    """Spans and relations of one annotation's (or prediction's) result list."""
    if not isinstance(result, list):
        raise InputError('"result" must be a list', path, line)
    schema = context.schema
    spans: list[IncomingSpan] = []
    regions: dict[str, int] = {}
    per_region: list[dict[str, Any]] = []
    relation_items: list[dict[str, Any]] = []
    for item in result:
        if not isinstance(item, dict):
            raise InputError("each result must be an object", path, line)
        kind = item.get("type")
        value = _object(item.get("value"))
        if kind == "labels":
            labels = value.get("labels") or []
            if not isinstance(labels, list) or not labels:
                raise InputError(f"region {item.get('id')!r} has no label", path, line)
            for label in labels:
                span = make_span(
                    schema,
                    text,
                    value.get("start"),
                    value.get("end"),
                    label,
                    value.get("text"),
                    None,
                    path,
                    line,
                )
                if item.get("id") is not None:
                    regions.setdefault(str(item["id"]), len(spans))
                spans.append(span)
        elif kind == "relation":
            relation_items.append(item)
        elif kind in ("choices", "textarea") and item.get("id") is not None and "start" in value:
            per_region.append(item)
        else:
            context.note(f"results of type {kind!r} skipped (not a span, attribute or relation)")
    for item in per_region:
        index = regions.get(str(item["id"]))
        value = item["value"]
        key = item.get("from_name")
        given = value.get("choices") if item["type"] == "choices" else value.get("text")
        if index is None:
            raise InputError(f"result {key!r} names unknown region {item['id']!r}", path, line)
        span = spans[index]
        if not isinstance(key, str) or schema.attribute(span.label, key) is None:
            context.note(
                f"per-region results that are no attribute of their label ({key!r}) skipped"
            )
            continue
        if not isinstance(given, list) or len(given) != 1:
            raise InputError(f"{key} of region {item['id']!r} must hold one value", path, line)
        pairs = dict(span.attributes)
        pairs.update(check_attributes(schema, span.label, {key: given[0]}, path, line))
        spans[index] = IncomingSpan(span.start, span.end, span.label, tuple(sorted(pairs.items())))
    relations: list[tuple[str, int, int]] = []
    for item in relation_items:
        labels = item.get("labels") or []
        if not labels:
            context.note("relations without a label skipped (ours always have a type)")
            continue
        try:
            head, tail = regions[str(item.get("from_id"))], regions[str(item.get("to_id"))]
        except KeyError as exc:
            raise InputError(f"relation names unknown region {exc.args[0]!r}", path, line) from None
        direction = item.get("direction", "right")
        if direction == "left":
            head, tail = tail, head
        elif direction != "right":
            context.note(f"relations with direction {direction!r} skipped (ours point one way)")
            continue
        for label in labels:
            relations.append((str(label), head, tail))
    return spans, relations
