"""Readers for each input format; they yield validated IncomingArticles and never touch the DB."""

from __future__ import annotations

import csv
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import InputError
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    as_str,
    check_article_id,
    check_article_text,
    check_relations,
    check_status,
    make_span,
)
from annotator.core.schema import Schema
from annotator.core.text.decode import (
    decode,
    frozen_sha256,
    normalise_newlines,
    trim_outer_blank_lines,
)

FORMATS = ("txt", "jsonl", "doccano", "csv")


def read_bytes(path: Path, limit: int = -1) -> bytes:
    """The file's bytes (the first ``limit`` of them if given), read errors as InputError."""
    try:
        with path.open("rb") as fh:
            return fh.read(limit)
    except IsADirectoryError:
        raise InputError("is a folder", path) from None
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def plain_article(article_id: str, raw: str, path: Path, line: int | None) -> IncomingArticle:
    """Plain text (no spans) may be cleaned: newlines unified, outer blank lines dropped."""
    text = trim_outer_blank_lines(normalise_newlines(raw))
    return IncomingArticle(
        check_article_id(article_id, path, line), check_article_text(text, path, line), line
    )


def read_txt(path: Path, schema: Schema, annotator: str | None) -> Iterator[IncomingArticle]:
    yield plain_article(path.stem, decode(read_bytes(path), path), path, None)


def decoded_lines(path: Path) -> Generator[str, None, None]:
    """The file's lines, decoded as they are read so a large file never sits in memory whole.

    UTF-8 (BOM or not) or UTF-16 with a BOM; a file that is not UTF-8 and has only ASCII
    before its first non-UTF-8 line is read as Windows-1256, as decode() does for whole files.
    """
    head = read_bytes(path, 8192)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "binary data (NUL bytes); not a text file",
            path,
            head[: head.index(b"\x00")].count(b"\n") + 1,
        )
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    done = 0
    try:
        with path.open(encoding=encoding, newline=None) as fh:
            for line in fh:
                done += 1
                yield line
        return
    except UnicodeDecodeError:
        bad_line, ascii_before = _first_bad_line(path, encoding)
        if encoding == "utf-16" or not ascii_before:
            raise InputError(
                f"invalid {encoding.upper().removesuffix('-SIG')} text", path, bad_line
            ) from None
    with path.open(encoding="cp1256", newline=None) as fh:
        for number, line in enumerate(fh):
            if number >= done:
                yield line


def _first_bad_line(path: Path, encoding: str) -> tuple[int, bool]:
    """Line number of the first line that does not decode, and whether all before were ASCII."""
    ascii_before = True
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                raw.decode("utf-8" if encoding == "utf-8-sig" else encoding)
            except UnicodeDecodeError:
                return number, ascii_before
            ascii_before = ascii_before and raw.isascii()
    return 1, ascii_before


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line."""
    for number, line in enumerate(decoded_lines(path), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc}", path, number) from None
        if not isinstance(value, dict):
            raise InputError(f"expected a JSON object, found {type(value).__name__}", path, number)
        yield number, value


def newline_map(text: str) -> tuple[str, list[int] | None]:
    """Text with CR/CRLF made LF, and old->new offsets when anything moved (None if not)."""
    if "\r" not in text:
        return text, None
    mapping: list[int] = []
    out: list[str] = []
    i = 0
    while i < len(text):
        mapping.append(len(out))
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            mapping.append(len(out))  # the \n of CRLF maps onto the same LF
            out.append("\n")
            i += 2
            continue
        out.append("\n" if ch == "\r" else ch)
        i += 1
    mapping.append(len(out))
    return "".join(out), mapping


def read_jsonl(path: Path, schema: Schema, annotator: str | None) -> Iterator[IncomingArticle]:
    """Our own JSONL, exactly as exporters.write_jsonl writes it."""
    for number, obj in _json_lines(path):
        if "text" not in obj:
            raise InputError('missing "text"', path, number)
        if "id" not in obj:
            raise InputError('missing "id"', path, number)
        text = check_article_text(obj["text"], path, number)
        raw_spans = obj.get("spans") or []
        if not isinstance(raw_spans, list):
            raise InputError('"spans" must be a list', path, number)
        # Spans point into the text as given: validate there, then remap if newlines change.
        spans: list[IncomingSpan] = []
        local_ids: dict[str, int] = {}
        for raw in raw_spans:
            if not isinstance(raw, dict):
                raise InputError("each span must be an object", path, number)
            span = make_span(
                schema,
                text,
                raw.get("start"),
                raw.get("end"),
                raw.get("label"),
                raw.get("text"),
                raw.get("attributes"),
                path,
                number,
            )
            if "id" in raw:
                local = str(raw["id"])
                if local in local_ids:
                    raise InputError(f"duplicate span id {local!r}", path, number)
                local_ids[local] = len(spans)
            spans.append(span)
        sha = obj.get("text_sha256")
        if sha is not None and sha != frozen_sha256(text):
            raise InputError('"text_sha256" does not match "text"', path, number)
        text, mapping = newline_map(text)
        if mapping is not None:
            spans = [
                IncomingSpan(mapping[s.start], mapping[s.end], s.label, s.attributes) for s in spans
            ]
        article = IncomingArticle(
            check_article_id(obj["id"], path, number),
            text,
            number,
            annotator=_annotator(annotator, obj.get("annotator"), bool(spans), path, number),
            status=check_status(obj.get("status"), path, number),
            comment=as_str(obj.get("comment") or "", '"comment"', path, number),
            spans=spans,
        )
        for raw in _list(obj, "relations", path, number):
            if not isinstance(raw, dict):
                raise InputError("each relation must be an object", path, number)
            try:
                head, tail = local_ids[str(raw.get("head"))], local_ids[str(raw.get("tail"))]
            except KeyError as exc:
                raise InputError(
                    f"relation names unknown span {exc.args[0]!r}", path, number
                ) from None
            article.relations.append(
                (as_str(raw.get("type"), "relation type", path, number), head, tail)
            )
        check_relations(schema, article, path, number)
        yield article


def _list(obj: dict[str, Any], key: str, path: Path, line: int) -> list[Any]:
    """obj[key] if it is a list, [] if absent or null; anything else is an InputError."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f'"{key}" must be a list, not {type(value).__name__}', path, line)
    return value


def _annotator(
    given: str | None, recorded: Any, has_spans: bool, path: Path, line: int | None
) -> str | None:
    name = given if given is not None else recorded
    if name is None:
        if has_spans:
            raise InputError(
                "spans need an annotator: the line has none, give --annotator NAME", path, line
            )
        return None
    name = as_str(name, '"annotator"', path, line).strip()
    if not name:
        raise InputError("empty annotator name", path, line)
    return name


def read_doccano(path: Path, schema: Schema, annotator: str | None) -> Iterator[IncomingArticle]:
    """doccano's sequence-labelling JSONL: {"text", "label": [[start, end, label], ...]}
    (or "entities": [{"start_offset", "end_offset", "label"}])."""
    for number, obj in _json_lines(path):
        if "text" not in obj:
            raise InputError('missing "text"', path, number)
        text = check_article_text(obj["text"], path, number)
        triples: list[tuple[Any, Any, Any]] = []
        for raw in _list(obj, "label", path, number) or _list(obj, "labels", path, number):
            if not isinstance(raw, list | tuple) or len(raw) != 3:
                raise InputError(f"label must be [start, end, label], not {raw!r}", path, number)
            triples.append((raw[0], raw[1], raw[2]))
        for raw in _list(obj, "entities", path, number):
            if not isinstance(raw, dict):
                raise InputError("each entity must be an object", path, number)
            triples.append((raw.get("start_offset"), raw.get("end_offset"), raw.get("label")))
        spans = [
            make_span(schema, text, s, e, lab, None, None, path, number) for s, e, lab in triples
        ]
        text, mapping = newline_map(text)
        if mapping is not None:
            spans = [IncomingSpan(mapping[s.start], mapping[s.end], s.label) for s in spans]
        article_id = obj.get("id", f"{path.stem}-{number}")
        yield IncomingArticle(
            check_article_id(article_id, path, number),
            text,
            number,
            annotator=_annotator(annotator, obj.get("annotator"), bool(spans), path, number),
            spans=spans,
        )


def read_csv(path: Path, schema: Schema, annotator: str | None) -> Iterator[IncomingArticle]:
    """A CSV with a header holding "id" and "text" columns; one article a row."""
    # The csv module refuses cells over 131,072 characters by default: an article can be longer.
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(decoded_lines(path), strict=True)
    try:
        fields = reader.fieldnames or []
        if "id" not in fields or "text" not in fields:
            raise InputError('the header needs "id" and "text" columns', path, 1)
        for row in reader:
            line = reader.line_num
            if None in row:
                raise InputError("more cells than header columns", path, line)
            yield plain_article(row["id"] or "", row["text"] or "", path, line)
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, reader.line_num) from None


READERS = {"txt": read_txt, "jsonl": read_jsonl, "doccano": read_doccano, "csv": read_csv}


def detect_format(path: Path) -> str:
    """By extension; a .jsonl/.json file is ours if its first object has "spans" or no "label"."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return "txt"
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".json", ".ndjson"):
        # Decoded as the readers decode: read as raw bytes, a UTF-16 or Windows-1256
        # doccano file looked like ours and its labels were silently dropped.
        lines = decoded_lines(path)
        try:
            first = orjson.loads(next((line for line in lines if line.strip()), ""))
        except (OSError, InputError, orjson.JSONDecodeError):
            return "jsonl"  # the reader reports the error with its line
        finally:
            lines.close()
        if (
            isinstance(first, dict)
            and "spans" not in first
            and ("label" in first or "entities" in first)
        ):
            return "doccano"
        return "jsonl"
    raise InputError(f"unknown file type {suffix or '(none)'}: use --format", path)
