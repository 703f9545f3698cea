"""Plain frozen records the core hands out: articles, spans, relations, layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

GOLD: Final = "gold"
"""The reserved annotator name of the adjudicated layer."""

STATUSES: Final = ("new", "in_progress", "done", "accepted", "returned")
"""Workflow of one annotator's layer on one article; a reviewer sets the last two."""


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    text_sha256: str
    title: str
    rowid: int = 0


@dataclass(frozen=True, slots=True)
class Span:
    id: int
    article_id: str
    annotator: str
    start: int
    end: int
    label: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Relation:
    id: int
    article_id: str
    annotator: str
    type: str
    head: int
    tail: int


@dataclass(frozen=True, slots=True)
class Layer:
    """One annotator's work on one article: its workflow status and review comment, and
    the version naming its state (0: no layer yet), which a decision on it must quote."""

    article_id: str
    annotator: str
    status: str = "new"
    comment: str = ""
    text_sha256: str = ""
    version: int = 0
