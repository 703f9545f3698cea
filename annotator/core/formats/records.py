"""Articles as they arrive from files: parsed, validated against the schema, not yet stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.models import STATUSES
from annotator.core.schema import Schema
from annotator.core.text.decode import check_text


@dataclass(frozen=True, slots=True)
class IncomingSpan:
    start: int
    end: int
    label: str
    attributes: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[int, int, str, tuple[tuple[str, str], ...]]:
        return (self.start, self.end, self.label, self.attributes)


@dataclass(slots=True)
class IncomingArticle:
    """One article (and optionally one annotator's layer on it) read from a file."""

    id: str
    text: str
    line: int | None
    annotator: str | None = None
    status: str | None = None
    comment: str = ""
    spans: list[IncomingSpan] = field(default_factory=list)
    relations: list[tuple[str, int, int]] = field(default_factory=list)  # type, head, tail index


@dataclass
class ReadContext:
    """What every reader is given, and where it leaves what it skipped or decided.

    ``notes`` counts what a file held that its format cannot bring in (cancelled Label
    Studio annotations, brat events...) and decisions taken for the user (an annotator
    name taken from the file name): the import report shows them, nothing goes unsaid.
    """

    schema: Schema
    annotator: str | None = None
    annotator_map: dict[str, str] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)

    def note(self, what: str, count: int = 1) -> None:
        self.notes[what] += count

    def annotator_for(
        self, recorded: Any, has_spans: bool, path: Path, line: int | None
    ) -> str | None:
        """--annotator if given, else the name the file records (mapped if asked)."""
        name = self.annotator if self.annotator is not None else recorded
        if name is None:
            if has_spans:
                raise InputError(
                    "spans need an annotator: the line has none, give --annotator NAME",
                    path,
                    line,
                )
            return None
        name = as_str(name, '"annotator"', path, line).strip()
        name = self.annotator_map.get(name, name)
        if not name:
            raise InputError("empty annotator name", path, line)
        return name


def as_int(value: Any, what: str, path: Path, line: int | None) -> int:
    # bool is an int in Python; a JSON true is no offset.
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{what} must be an integer, not {value!r}", path, line)
    return value


def as_str(value: Any, what: str, path: Path, line: int | None) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be a string, not {type(value).__name__}", path, line)
    return value


def check_article_id(article_id: Any, path: Path, line: int | None) -> str:
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    article_id = as_str(article_id, '"id"', path, line).strip()
    if not article_id:
        raise InputError("empty article id", path, line)
    return article_id


def make_span(
    schema: Schema,
    text: str,
    start: Any,
    end: Any,
    label: Any,
    given_text: Any,
    attributes: Any,
    path: Path,
    line: int | None,
) -> IncomingSpan:
    """Validate one span against the text and the schema; a mismatch is an error, never a guess."""
    start = as_int(start, "span start", path, line)
    end = as_int(end, "span end", path, line)
    label = as_str(label, "span label", path, line)
    if label not in schema.label_names:
        raise InputError(
            f"unknown label {label!r} (known: {', '.join(sorted(schema.label_names))})", path, line
        )
    if start >= end:
        raise InputError(f"span {start}..{end} is empty or reversed", path, line)
    if start < 0 or end > len(text):
        raise InputError(f"span {start}..{end} outside the text (length {len(text)})", path, line)
    if given_text is not None and given_text != text[start:end]:
        raise InputError(
            f"span {start}..{end} text {given_text!r} differs from the article's {text[start:end]!r}",
            path,
            line,
        )
    return IncomingSpan(start, end, label, check_attributes(schema, label, attributes, path, line))


def check_attributes(
    schema: Schema, label: str, attributes: Any, path: Path, line: int | None
) -> tuple[tuple[str, str], ...]:
    """A span's attributes as sorted (key, value) pairs; null values are unset."""
    pairs: list[tuple[str, str]] = []
    if attributes:
        if not isinstance(attributes, dict):
            raise InputError("span attributes must be an object", path, line)
        for key, value in attributes.items():
            if value is None:
                continue  # unset: Hugging Face datasets fills every missing key with null
            definition = schema.attribute(label, key)
            if definition is None:
                raise InputError(f"label {label} has no attribute {key!r}", path, line)
            value = as_str(value, f"attribute {key}", path, line)
            if definition.values is not None and value not in definition.values:
                raise InputError(
                    f"attribute {key} cannot be {value!r} (one of {', '.join(definition.values)})",
                    path,
                    line,
                )
            pairs.append((key, value))
    return tuple(sorted(pairs))


def check_status(status: Any, path: Path, line: int | None) -> str | None:
    if status is None:
        return None
    status = as_str(status, '"status"', path, line)
    if status not in STATUSES:
        raise InputError(f"unknown status {status!r} (one of {', '.join(STATUSES)})", path, line)
    return status


def check_relations(schema: Schema, article: IncomingArticle, path: Path, line: int | None) -> None:
    for rel_type, head, tail in article.relations:
        try:
            relation = schema.relation(rel_type)
        except KeyError:
            raise InputError(f"unknown relation type {rel_type!r}", path, line) from None
        head_label, tail_label = article.spans[head].label, article.spans[tail].label
        if not relation.allows(head_label, tail_label):
            raise InputError(f"{rel_type} cannot link {head_label} to {tail_label}", path, line)


def check_article_text(text: Any, path: Path, line: int | None) -> str:
    text = as_str(text, '"text"', path, line)
    if not text.strip():
        raise InputError("empty text", path, line)
    check_text(text, path, line)
    return text
