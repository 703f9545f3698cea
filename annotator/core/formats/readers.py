"""The input formats: every reader behind one interface (a path and a ReadContext in,
validated IncomingArticles out, the database never touched), which files of a folder each
one reads, and how a format is recognised when the user does not name it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from annotator.core.errors import InputError
from annotator.core.formats.brat import read_brat
from annotator.core.formats.conll import read_conll
from annotator.core.formats.csv_table import plain_article, read_csv
from annotator.core.formats.doccano import read_doccano
from annotator.core.formats.jsonl import read_jsonl
from annotator.core.formats.labelstudio import read_labelstudio
from annotator.core.formats.records import IncomingArticle, ReadContext
from annotator.core.formats.source import decoded_lines, first_json_char, read_bytes
from annotator.core.text.decode import decode

Reader = Callable[[Path, ReadContext], Iterator[IncomingArticle]]


def read_txt(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    yield plain_article(path.stem, decode(read_bytes(path), path), path, None)


@dataclass(frozen=True)
class InputFormat:
    name: str
    read: Reader
    suffixes: tuple[str, ...]  # the files of a folder this format reads
    folder: bool = False  # a whole folder is one import (brat's collections)


INPUT_FORMATS = {
    f.name: f
    for f in (
        InputFormat("txt", read_txt, (".txt",)),
        InputFormat("jsonl", read_jsonl, (".jsonl", ".json")),
        InputFormat("doccano", read_doccano, (".jsonl", ".json")),
        InputFormat("csv", read_csv, (".csv",)),
        InputFormat("labelstudio", read_labelstudio, (".json",)),
        InputFormat("conll", read_conll, (".conll", ".iob", ".bio")),
        InputFormat("brat", read_brat, (".ann",), folder=True),
    )
}
FORMATS = tuple(INPUT_FORMATS)
# What "auto" takes from a folder: a Hugging Face export folder holds data.jsonl beside
# labels.json and README.md, and only the first is articles.
AUTO_SUFFIXES = (".txt", ".jsonl", ".csv", ".conll", ".iob", ".bio")
KNOWN_SUFFIXES = frozenset(s for f in INPUT_FORMATS.values() for s in f.suffixes) | {".ndjson"}


def detect_format(path: Path) -> str:
    """By extension and the first object: a folder of .ann files is brat; .json starting
    with "[" is Label Studio; a JSON object with "label" or "entities" and no "spans" is
    doccano; any other JSON object is ours."""
    if path.is_dir():
        if any(path.rglob("*.ann")):
            return "brat"
        raise InputError("is a folder: give its files, or --format", path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".csv"):
        return suffix[1:]
    if suffix in (".conll", ".iob", ".bio"):
        return "conll"
    if suffix == ".ann":
        return "brat"
    if suffix in (".jsonl", ".json", ".ndjson"):
        try:
            if first_json_char(path) == "[":
                return "labelstudio"
        except InputError:
            return "jsonl"  # the reader reports the error with its line
        # Decoded as the readers decode: read as raw bytes, a UTF-16 or Windows-1256
        # doccano file looked like ours and its labels were silently dropped.
        lines = decoded_lines(path)
        try:
            first = orjson.loads(next((line for line in lines if line.strip()), ""))
        except (OSError, InputError, orjson.JSONDecodeError):
            return "jsonl"
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
