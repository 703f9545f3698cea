"""The checks of one article: each span, each layer as a whole, the relations (codes:
findings.py)."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, itemgetter
from sys import intern
from typing import Any

from annotator.core.formats.bundles import ArticleBundle, SpanRow
from annotator.core.review.findings import CHECKS, Finding
from annotator.core.schema import Schema
from annotator.core.text.folding import FoldedText, fold
from annotator.core.text.snapping import PROCLITICS, Snapper

# annotator → folded surface → {label in the minority: the other labels and their counts}
Minorities = dict[int, dict[str, dict[str, tuple[tuple[str, int], ...]]]]

# A Finding without its schema, as a plain tuple: what worker processes send back.
FindingRow = tuple[str, str, str, str | None, int | None, int | None, int | None, tuple[Any, ...]]
_CODE = itemgetter(0)
_SPAN_CODES = ("W001", "W002", "W003", "W005", "W007")  # looked at span by span
_PLACE = itemgetter(4, 0)  # start, code


class SurfaceFolder:
    """Surfaces folded for comparison, cached (the same names recur across articles)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def key(self, surface: str) -> str:
        folded = self._cache.get(surface)
        if folded is None:
            folded = " ".join(fold(surface).split())
            self._cache[surface] = folded
        return folded


@dataclass
class ArticleChecks:
    bundle: ArticleBundle
    schema: Schema
    selected: set[str]
    folder: SurfaceFolder
    surfaces: Minorities
    found: list[FindingRow] = field(default_factory=list)  # at spans
    found_in_layer: list[FindingRow] = field(default_factory=list)  # about a layer as a whole
    _snapper: Snapper | None = None

    @property
    def snapper(self) -> Snapper:
        # Made when a span needs it: folding the article for its lookups is the cost.
        if self._snapper is None:
            self._snapper = Snapper(self.bundle.text)
        return self._snapper

    @property
    def folded_text(self) -> FoldedText:
        return self.snapper.folded  # one folding serves W006 and the proclitic lookups

    def run(self) -> list[FindingRow]:
        b = self.bundle
        by_layer: dict[int, list[SpanRow]] = defaultdict(list)
        for span in b.spans:
            by_layer[span.annotator_id].append(span)
        for layer in b.layers:
            spans = by_layer.get(layer.annotator_id, [])
            name = b.names[layer.annotator_id]
            if "E009" in self.selected and spans and layer.text_sha256 != b.text_sha256:
                self.add_to_layer("E009", name, "count", len(spans))
            if "W010" in self.selected and layer.status == "done" and not spans:
                self.add_to_layer("W010", name)
            # Each span's surface and its folded key, cut once for all the checks.
            surfaces = [b.text[span.start : span.end] for span in spans]
            keys = list(map(self.folder.key, surfaces))
            self._check_spans(name, spans, surfaces, keys)
            if "W006" in self.selected:
                self._check_unlabelled(name, spans, keys)
        if "E008" in self.selected:
            self._check_relations()
        # Layer findings first, then by place; sort is stable, so ties keep their order.
        self.found_in_layer.sort(key=_CODE)
        self.found.sort(key=_PLACE)
        return self.found_in_layer + self.found

    # Labels and proclitics in findings are interned: SQLite gives a new string for every
    # row, and one shared object is pickled once for all the findings of a task.
    def add_to_layer(self, code: str, annotator: str, *params: object) -> None:
        row = (code, CHECKS[code].severity, self.bundle.article_id, annotator, None, None, None)
        self.found_in_layer.append((*row, params))

    def add(self, code: str, annotator: str, span: SpanRow, surface: str, *params: object) -> None:
        b = self.bundle
        self.found.append(
            (
                code,
                CHECKS[code].severity,
                b.article_id,
                annotator,
                span.start,
                span.end,
                span.id,
                (*params, "surface", surface),
            )
        )

    def _check_spans(
        self, name: str, spans: list[SpanRow], surfaces: list[str], keys: list[str]
    ) -> None:
        text, on = self.bundle.text, self.selected
        w001, w002, w003, w005, w007 = (code in on for code in _SPAN_CODES)
        minorities = self.surfaces.get(spans[0].annotator_id, {}) if spans else {}
        if "W004" in on:
            self._check_duplicates(name, spans, surfaces)
        for span, surface, key in zip(spans, surfaces, keys, strict=True):
            if w001 and _bad_edge(text, span):
                self.add("W001", name, span, surface)
            if w002 and text[span.start] in PROCLITICS:
                length = self.snapper.proclitic_length(span.start)
                if length:
                    proclitic = text[span.start : span.start + length]
                    self.add("W002", name, span, surface, "proclitic", intern(proclitic))
            if w003 and _may_cut(text, span) and self.snapper.cuts_word(span.start, span.end):
                self.add("W003", name, span, surface)
            if w005:
                minority = minorities.get(key)
                others = minority.get(span.label) if minority else None
                if others:
                    label = intern(span.label)
                    self.add("W005", name, span, surface, "label", label, "others", others)
            if w007 and span.label == "MEASURE" and not span.status:
                self.add("W007", name, span, surface)

    def _check_duplicates(self, name: str, spans: list[SpanRow], surfaces: list[str]) -> None:
        counts = Counter((s.start, s.end, s.label) for s in spans)
        if len(counts) == len(spans):
            return
        reported: set[tuple[int, int, str]] = set()
        for span, surface in zip(spans, surfaces, strict=True):
            key = (span.start, span.end, span.label)
            if counts[key] > 1 and key not in reported:
                reported.add(key)
                label, count = intern(span.label), counts[key]
                self.add("W004", name, span, surface, "label", label, "count", count)

    def _check_unlabelled(self, name: str, spans: list[SpanRow], keys: list[str]) -> None:
        """Other places in the article where a labelled surface occurs as whole words and
        no span of the same annotator with one of its labels touches it."""
        if not spans:
            return
        folded = self.folded_text
        text, original, folded_offset = folded.folded, folded.original, folded.folded_offset
        mapped = bool(folded.changed)
        labels_of: dict[str, set[str]] = defaultdict(set)
        # Where in the folded text a span starts with its own surface: an occurrence there
        # overlaps that span, which has one of the surface's labels, so it is passed over
        # without being mapped back.
        starts_of: dict[str, set[int]] = defaultdict(set)
        for span, key in zip(spans, keys, strict=True):
            labels_of[key].add(span.label)
            start = folded_offset(span.start) if mapped else span.start
            if text.startswith(key, start):
                starts_of[key].add(start)
        places = sorted((s.start, s.end, s.label) for s in spans)
        article_id, severity = self.bundle.article_id, CHECKS["W006"].severity
        for key, labels in labels_of.items():
            if len(key) < 2:
                continue
            starts = starts_of.get(key, ())
            # folded.find_all, inlined: this loop meets every occurrence of every surface.
            at = text.find(key)
            while at >= 0:
                start, end = at, at + len(key)
                at = text.find(key, at + 1)
                if start in starts:
                    continue  # the usual case: labelled right there
                if mapped:
                    start, end = original(start), original(end - 1) + 1
                if _touched(places, start, end, labels) or not self._whole_words(start, end):
                    continue
                surface = self.bundle.text[start:end]
                self.found.append(
                    (
                        "W006",
                        severity,
                        article_id,
                        name,
                        start,
                        end,
                        None,
                        ("surface", surface, "label", intern(min(labels))),
                    )
                )

    def _whole_words(self, start: int, end: int) -> bool:
        text = self.bundle.text
        if end < len(text) and _word_char(text[end - 1]) and _word_char(text[end]):
            return False
        if start == 0 or not (_word_char(text[start - 1]) and _word_char(text[start])):
            return True
        # Inside a longer word unless a proclitic comes before it («لوزارة الصحة»). W006 is
        # a hint, so the letters alone decide, without the Snapper's evidence from the
        # article's words, for the rare surface that is also the tail of another word.
        word_start = start
        while word_start > 0 and _word_char(text[word_start - 1]):
            word_start -= 1
        return text[word_start:start] in _PROCLITIC_PREFIXES

    def _check_relations(self) -> None:
        b = self.bundle
        for rel in b.relations:
            try:
                allowed = self.schema.relation(rel.type).allows(rel.head_label, rel.tail_label)
            except KeyError:
                allowed = False
            if not allowed:
                self.found.append(
                    (
                        "E008",
                        CHECKS["E008"].severity,
                        b.article_id,
                        b.names[rel.annotator_id],
                        rel.head_start,
                        rel.head_end,
                        rel.head,
                        ("type", rel.type, "head", rel.head_label, "tail", rel.tail_label),
                    )
                )


def findings_of(rows: Iterable[FindingRow], schema: Schema) -> Iterator[Finding]:
    """Rows made Findings in C (a million of them cross from the workers)."""
    return map(tuple.__new__, repeat(Finding), map(add, rows, repeat((schema,))))


def _touched(places: list[tuple[int, int, str]], start: int, end: int, labels: set[str]) -> bool:
    """Whether a span with one of ``labels`` overlaps start-end (``places`` sorted)."""
    for span_start, span_end, label in places:
        if span_start >= end:
            return False  # this and every later span start after start-end
        if start < span_end and label in labels:
            return True
    return False


# -- character tests -------------------------------------------------------------------

# و or ف, then optionally ب، ل or ك; or ب، ل، ك alone (the guideline's proclitics).
_PROCLITIC_PREFIXES = frozenset([c for c in "وفبلك"] + [c + p for c in "وف" for p in "بلك"])

_UNIT_SIGNS = frozenset("%\u066a\u2030")  # a unit sign belongs to its number in a QUANTITY


@functools.cache
def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PZ"


def _bad_edge(text: str, span: SpanRow) -> bool:
    first, last = text[span.start], text[span.end - 1]
    if span.label == "QUANTITY":
        first = "0" if first in _UNIT_SIGNS else first
        last = "0" if last in _UNIT_SIGNS else last
    return _is_edge_junk(first) or _is_edge_junk(last)


@functools.cache
def _word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch)[0] in "MC" or ch == "\u0640"


_JOINERS = frozenset("-\u2010\u2011.,\u066b\u066c'")  # inside 3.5, 5,000, COVID-19, it's


def _may_split(text: str, pos: int) -> bool:
    """Cheap superset of Snapper's "a span edge at ``pos`` lies inside a word"."""
    if pos <= 0 or pos >= len(text):
        return False
    left, right = text[pos - 1], text[pos]
    if _word_char(left) and _word_char(right):
        return True
    if right in _JOINERS:
        return _word_char(left) and pos + 1 < len(text) and _word_char(text[pos + 1])
    if left in _JOINERS:
        return _word_char(right) and pos >= 2 and _word_char(text[pos - 2])
    return False


def _may_cut(text: str, span: SpanRow) -> bool:
    """Only then is the (costly) Snapper asked whether the span cuts a word."""
    return _may_split(text, span.start) or _may_split(text, span.end)
