"""The label schema: entity labels, measure attributes and relation types."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import InputError

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SCHEMA_PATH = RESOURCES / "schema.json"


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    ar: str
    en: str
    key: str
    digit: str
    color: str


@dataclass(frozen=True, slots=True)
class AttributeDef:
    name: str
    ar: str
    en: str
    values: tuple[str, ...] | None  # None: free text


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    ar: str
    en: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]  # "*" allows any label

    def allows(self, head_label: str, tail_label: str) -> bool:
        return (head_label in self.heads or "*" in self.heads) and (
            tail_label in self.tails or "*" in self.tails
        )


@dataclass(frozen=True)
class Schema:
    version: int
    labels: tuple[Label, ...]
    attributes: dict[str, tuple[AttributeDef, ...]]
    relations: tuple[RelationType, ...]
    value_names: dict[str, dict[str, str]]
    source: bytes

    def label(self, name: str) -> Label:
        for label in self.labels:
            if label.name == name:
                return label
        raise KeyError(name)

    @cached_property  # asked once per span by every importer
    def label_names(self) -> frozenset[str]:
        return frozenset(label.name for label in self.labels)

    def label_for_key(self, key: str) -> Label | None:
        key = key.upper()
        for label in self.labels:
            if key in (label.key, label.digit):
                return label
        return None

    def relation(self, name: str) -> RelationType:
        for rel in self.relations:
            if rel.name == name:
                return rel
        raise KeyError(name)

    def relations_between(self, head_label: str, tail_label: str) -> list[RelationType]:
        return [r for r in self.relations if r.allows(head_label, tail_label)]

    def attribute(self, label: str, name: str) -> AttributeDef | None:
        for attr in self.attributes.get(label, ()):
            if attr.name == name:
                return attr
        return None

    def value_name(self, value: str, language: str) -> str:
        return self.value_names.get(value, {}).get(language, value)


def parse_schema(source: bytes, path: str | Path = "schema.json") -> Schema:
    try:
        raw: dict[str, Any] = orjson.loads(source)
        labels = tuple(Label(**item) for item in raw["labels"])
        attributes = {
            label: tuple(
                AttributeDef(
                    a["name"], a["ar"], a["en"], tuple(a["values"]) if a["values"] else None
                )
                for a in items
            )
            for label, items in raw.get("attributes", {}).items()
        }
        relations = tuple(
            RelationType(r["name"], r["ar"], r["en"], tuple(r["heads"]), tuple(r["tails"]))
            for r in raw["relations"]
        )
        return Schema(
            int(raw["version"]), labels, attributes, relations, raw.get("value_names", {}), source
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"invalid label schema: {exc}", path) from None


@cache
def default_schema() -> Schema:
    return parse_schema(SCHEMA_PATH.read_bytes(), SCHEMA_PATH)
