"""brat standoff both ways: a folder of ``.txt``/``.ann`` pairs (T spans, R relations,
A attributes, ``#`` AnnotatorNotes for the free-text note), one subfolder per annotator,
with the collection's annotation.conf and visual.conf. Offsets are code points, as brat's
Python server counts them; the .txt holds the article text exactly (UTF-8, LF, no BOM)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import quote, unquote

from annotator.core.errors import InputError
from annotator.core.formats.layers import ExportLayer, numbered_relations, spans_with_numbers
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    ReadContext,
    check_article_id,
    check_article_text,
    check_attributes,
    check_relations,
    make_span,
)
from annotator.core.formats.source import newline_map, read_bytes
from annotator.core.schema import Schema
from annotator.core.text.decode import decode

DISCONT_SEP = " "  # brat joins the texts of a span's fragments with one space
NOTE = "note"  # the free-text attribute, carried as brat's AnnotatorNotes


def file_name(name: str) -> str:
    """An article id or annotator name as a file name, reversibly (percent-encoded when it
    holds anything but letters, digits, - _ and inner dots)."""
    safe = quote(name, safe="")
    return "%2E" + safe[1:] if safe.startswith(".") else safe


def annotation_conf(schema: Schema) -> str:
    lines = ["[entities]", *(label.name for label in schema.labels), "", "[relations]"]
    for rel in schema.relations:
        heads = "|".join(rel.heads) if "*" not in rel.heads else "<ENTITY>"
        tails = "|".join(rel.tails) if "*" not in rel.tails else "<ENTITY>"
        lines.append(f"{rel.name}\tArg1:{heads}, Arg2:{tails}")
    lines += ["", "[events]", "", "[attributes]"]
    for label, attributes in schema.attributes.items():
        for attr in attributes:
            if attr.values is not None:
                lines.append(f"{attr.name}\tArg:{label}, Value:{'|'.join(attr.values)}")
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema) -> str:
    lines = ["[labels]", *(f"{label.name} | {label.en} | {label.ar}" for label in schema.labels)]
    lines += [f"{rel.name} | {rel.en} | {rel.ar}" for rel in schema.relations]
    lines += ["", "[drawing]", *(f"{label.name}\tbgColor:{label.color}" for label in schema.labels)]
    return "\n".join(lines) + "\n"


def ann_lines(layer: ExportLayer, report: ExportReport) -> Iterator[str]:
    text = layer.text
    spans, numbers = spans_with_numbers(layer)
    attribute_number = note_number = 0
    for i, span in enumerate(spans, start=1):
        # brat cannot show a span across lines: it keeps one fragment per line, as its own
        # editor does when a selection crosses a newline.
        fragments = _fragments(text, span.start, span.end)
        offsets = ";".join(f"{a} {b}" for a, b in fragments)
        shown = DISCONT_SEP.join(text[a:b] for a, b in fragments)
        yield f"T{i}\t{span.label} {offsets}\t{shown}"
        for key, value in sorted(span.attributes.items()):
            if key == NOTE:
                note_number += 1
                one_line = " ".join(value.split())
                if one_line != value:
                    report.dropped["line breaks and tabs in notes (made spaces)"] += 1
                yield f"#{note_number}\tAnnotatorNotes T{i}\t{one_line}"
            else:
                attribute_number += 1
                yield f"A{attribute_number}\t{key} T{i} {value}"
    for n, (rel_type, head, tail) in enumerate(numbered_relations(layer, numbers), start=1):
        yield f"R{n}\t{rel_type} Arg1:T{head} Arg2:T{tail}"


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span's pieces between newlines (all of it when it holds none)."""
    out = []
    at = start
    for part in text[start:end].split("\n"):
        if part:
            out.append((at, at + len(part)))
        at += len(part) + 1
    return out or [(start, end)]


def write_brat(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    with out.folder() as root:
        (root / "annotation.conf").write_text(annotation_conf(options.schema), encoding="utf-8")
        (root / "visual.conf").write_text(visual_conf(options.schema), encoding="utf-8")
        for layer in layers:
            folder = root if layer.annotator is None else root / file_name(layer.annotator)
            folder.mkdir(exist_ok=True)
            stem = file_name(layer.article_id)
            # newline="" writes the text as it is: a \r never becomes \r\n on any system.
            with (folder / f"{stem}.txt").open("w", encoding="utf-8", newline="") as fh:
                fh.write(layer.text)
            with (folder / f"{stem}.ann").open("w", encoding="utf-8", newline="") as fh:
                fh.writelines(line + "\n" for line in ann_lines(layer, report))
            if layer.comment:
                report.dropped["review comments"] += 1
            if layer.annotator is not None and layer.status != "in_progress":
                report.dropped["layer statuses other than in_progress"] += 1


def read_brat(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """A collection folder (or one .ann file): each .ann with the .txt beside it; files in
    a subfolder are the labels of the annotator the subfolder is named after."""
    root = path if path.is_dir() else path.parent
    files = sorted(root.rglob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not files:
        raise InputError("no .ann files in the folder", path)
    for ann in files:
        recorded = None
        if ann.parent != root:
            recorded = "/".join(unquote(part) for part in ann.parent.relative_to(root).parts)
        yield _read_pair(ann, recorded, context)


def _read_pair(ann: Path, recorded: str | None, context: ReadContext) -> IncomingArticle:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise InputError(f"no {txt.name} beside it", ann)
    raw_text = decode(read_bytes(txt), txt)
    text = check_article_text(raw_text, txt, None)
    schema = context.schema
    ids: dict[str, int] = {}
    spans: list[IncomingSpan] = []
    relations: list[tuple[str, int, int]] = []
    attributes: dict[int, dict[str, str]] = {}
    skipped: set[str] = set()  # events and the like: what points at them is skipped too
    lines = decode(read_bytes(ann), ann).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        if not ident or not rest:
            raise InputError("expected 'ID<tab>ANNOTATION'", ann, number)
        kind = ident[:1]
        if kind == "T":
            head, _, shown = rest.partition("\t")
            label, _, offsets = head.partition(" ")
            start, end = _offsets(offsets, text, ann, number)
            span = make_span(schema, text, start, end, label, None, None, ann, number)
            expected = DISCONT_SEP.join(text[a:b] for a, b in _fragments(text, start, end))
            if shown.rstrip("\n") not in (expected, text[start:end]):
                raise InputError(
                    f"{ident} text {shown!r} differs from the .txt's {expected!r}", ann, number
                )
            if ident in ids:
                raise InputError(f"duplicate id {ident}", ann, number)
            ids[ident] = len(spans)
            spans.append(span)
        elif kind == "R":
            fields = rest.split()
            if (
                len(fields) != 3
                or not fields[1].startswith("Arg1:")
                or not fields[2].startswith("Arg2:")
            ):
                raise InputError(f"{ident}: expected 'TYPE Arg1:Tn Arg2:Tm'", ann, number)
            relations.append(
                (
                    fields[0],
                    _target(fields[1][5:], ids, ann, number),
                    _target(fields[2][5:], ids, ann, number),
                )
            )
        elif kind in "AM":
            fields = rest.split()
            if len(fields) >= 2 and fields[1] in skipped:
                context.note("brat attributes of events skipped")
                continue
            if len(fields) != 3:
                raise InputError(
                    f"{ident}: expected 'NAME Tn VALUE' (our attributes all have values)",
                    ann,
                    number,
                )
            attributes.setdefault(_target(fields[1], ids, ann, number), {})[fields[0]] = fields[2]
        elif kind == "#":
            head, _, note = rest.partition("\t")
            note_kind, _, target = head.partition(" ")
            index = ids.get(target.strip())
            if (
                note_kind == "AnnotatorNotes"
                and index is not None
                and schema.attribute(spans[index].label, NOTE)
            ):
                attributes.setdefault(index, {})[NOTE] = note
            else:
                context.note("brat notes not on a span with a note attribute (skipped)")
        elif kind in "EN*":
            skipped.add(ident)
            context.note(f"brat {kind} lines (events, normalisations, equivalences) skipped")
        else:
            raise InputError(f"unknown annotation line {ident!r}", ann, number)
    for index, given in attributes.items():
        span = spans[index]
        spans[index] = IncomingSpan(
            span.start,
            span.end,
            span.label,
            check_attributes(schema, span.label, given, ann, None),
        )
    text, mapping = newline_map(text)
    if mapping is not None:
        spans = [
            IncomingSpan(mapping[s.start], mapping[s.end], s.label, s.attributes) for s in spans
        ]
    article = IncomingArticle(
        check_article_id(unquote(ann.stem), ann, None),
        text,
        None,
        annotator=context.annotator_for(recorded, bool(spans), ann, None),
        spans=spans,
        relations=relations,
    )
    check_relations(schema, article, ann, None)
    return article


def _offsets(offsets: str, text: str, path: Path, line: int) -> tuple[int, int]:
    """One span's start and end; fragments are allowed only where a span was split at line
    breaks (nothing but newlines between them), as brat's editor and our export do."""
    try:
        pairs = [tuple(int(n) for n in part.split()) for part in offsets.split(";")]
    except ValueError:
        raise InputError(f"offsets {offsets!r} are not 'START END'", path, line) from None
    if any(len(p) != 2 for p in pairs):
        raise InputError(f"offsets {offsets!r} are not 'START END'", path, line)
    for (_, end), (start, _) in pairwise(pairs):
        if start < end or set(text[end:start]) != {"\n"}:
            raise InputError(
                f"discontinuous span {offsets!r}: not supported (a span is one stretch of text)",
                path,
                line,
            )
    return pairs[0][0], pairs[-1][1]


def _target(ident: str, ids: dict[str, int], path: Path, line: int) -> int:
    try:
        return ids[ident]
    except KeyError:
        raise InputError(
            f"{ident} is no text-bound annotation (T line) above", path, line
        ) from None
