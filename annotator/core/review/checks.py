"""Quality checks over the store, streamed article by article (codes: findings.py)."""

from __future__ import annotations

import functools
import gc
import pickle
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, itemgetter
from pathlib import Path
from sys import intern
from typing import Any

from annotator.core.errors import InputError
from annotator.core.formats.bundles import CHUNK, ArticleBundle, Groups, SpanRow, bundles, scope
from annotator.core.review.findings import CHECKS, Finding
from annotator.core.schema import Schema, parse_schema
from annotator.core.store import Store
from annotator.core.store.sqlite import live, live_article
from annotator.core.text.folding import FoldedText, fold
from annotator.core.text.snapping import PROCLITICS, Snapper
from annotator.core.workers import ordered_map, worker_pool

__all__ = ["CHECKS", "Finding", "checked_articles", "run_checks"]


# Below this many articles, starting worker processes (~0.5 s) costs more than it saves.
PARALLEL_MIN = 2_000
_TASK_ARTICLES = 1_000

# annotator → folded surface → {label in the minority: the other labels and their counts}
Minorities = dict[int, dict[str, dict[str, tuple[tuple[str, int], ...]]]]


def run_checks(
    store: Store,
    annotator: str | None = None,
    article_ids: Iterable[str] | None = None,
    codes: Iterable[str] | None = None,
    *,
    workers: int = 1,
) -> Iterator[Finding]:
    """Findings for every layer (or one annotator's), article by article in id order.

    W005 compares surfaces across the articles checked (all of them by default), so it
    costs one extra pass over their spans; W006 looks within each article. With
    ``workers`` > 1 and at least PARALLEL_MIN articles, worker processes share the work."""
    selected = set(CHECKS) if codes is None else set(codes)
    unknown = selected - set(CHECKS)
    if unknown:
        raise InputError(f"unknown check code(s) {', '.join(sorted(unknown))}")
    annotator_id = None
    if annotator is not None:
        annotator_id = store.find_annotator_id(annotator)
        if annotator_id is None:
            known = ", ".join(store.annotators()) or "none yet"
            raise InputError(f"no annotator {annotator!r} (known: {known})")
    ids = None if article_ids is None else sorted(set(article_ids))
    if workers > 1 and store.path.is_file():
        checked = ids if ids is not None else _checked_ids(store, annotator_id)
        if len(checked) >= PARALLEL_MIN:
            yield from _run_in_processes(store, annotator_id, checked, selected, workers)
            return
    folder = _Folder()
    surfaces: Minorities = {}
    if "W005" in selected:
        surfaces = _conflicting(_surface_counts(store, annotator_id, ids, folder))
    schema = store.schema
    for bundle in bundles(store, annotator_id, ids):
        yield from _findings(
            _ArticleChecks(bundle, schema, selected, folder, surfaces).run(), schema
        )


def checked_articles(store: Store, annotator: str | None = None) -> list[str]:
    """Ids of the articles run_checks goes through (those with a live layer, or with a
    layer of ``annotator``), in the order it goes."""
    annotator_id = None if annotator is None else store.find_annotator_id(annotator)
    if annotator is not None and annotator_id is None:
        return []
    return _checked_ids(store, annotator_id)


def _checked_ids(store: Store, annotator_id: int | None) -> list[str]:
    where, args = scope("l", "article_id", annotator_id, None)
    rows = store.execute(
        f"SELECT a.id FROM articles a WHERE {live_article('a')} AND a.id IN "
        f"(SELECT l.article_id FROM layers l WHERE {live('l')}{where}) ORDER BY a.id",
        args,
    )
    return [row[0] for row in rows]


# -- in worker processes ---------------------------------------------------------------


def _run_in_processes(
    store: Store, annotator_id: int | None, ids: list[str], selected: set[str], workers: int
) -> Iterator[Finding]:
    schema = store.schema
    with (
        worker_pool(workers, _open_worker_store, (str(store.path), schema.source)) as pool,
        tempfile.TemporaryDirectory(prefix="annotator-checks-") as scratch,
    ):
        surfaces: Minorities = {}
        if "W005" in selected:
            # One part a worker: the parent adds up what the parts counted entry by entry.
            size = -(-len(ids) // workers)
            parts = ((annotator_id, ids[i : i + size]) for i in range(0, len(ids), size))
            raw: Counter[tuple[int, str, str]] = Counter()
            for counts in ordered_map(pool, _surface_task, parts, workers):
                if raw:
                    raw.update(counts)
                else:
                    raw = counts
            surfaces = _conflicting(raw)
        # Written once for the workers to read once each, rather than sent with every task.
        shared = Path(scratch, "surfaces.pickle")
        shared.write_bytes(pickle.dumps(surfaces, pickle.HIGHEST_PROTOCOL))
        tasks = (
            (annotator_id, ids[i : i + _TASK_ARTICLES], selected, str(shared))
            for i in range(0, len(ids), _TASK_ARTICLES)
        )
        for rows in ordered_map(pool, _checks_task, tasks, 2 * workers):
            yield from _findings(rows, schema)


_worker_store: Store | None = None
_worker_surfaces: tuple[str, Minorities] = ("", {})
_worker_folder: _Folder | None = None  # folded surfaces, kept from task to task


def _open_worker_store(path: str, schema_source: bytes) -> None:
    global _worker_store, _worker_folder
    _worker_store = Store(path, schema=parse_schema(schema_source), verify=False)
    _worker_folder = _Folder()
    # The cycle collector, walking every object the worker holds again and again while a
    # task makes tens of thousands of tuples, cost a quarter of its time; each task
    # collects only what the one before left (_checks_task).
    gc.disable()


def _surface_task(task: tuple[int | None, list[str]]) -> Counter[tuple[int, str, str]]:
    assert _worker_store is not None
    assert _worker_folder is not None
    return _surface_counts(_worker_store, *task, _worker_folder)


def _checks_task(task: tuple[int | None, list[str], set[str], str]) -> list[_Row]:
    global _worker_surfaces
    assert _worker_store is not None
    assert _worker_folder is not None
    gc.collect(0)
    annotator_id, ids, selected, shared = task
    if shared != _worker_surfaces[0]:
        _worker_surfaces = (shared, pickle.loads(Path(shared).read_bytes()))
    surfaces, schema = _worker_surfaces[1], _worker_store.schema
    return [
        row
        for bundle in bundles(_worker_store, annotator_id, ids)
        for row in _ArticleChecks(bundle, schema, selected, _worker_folder, surfaces).run()
    ]


# -- W005: surfaces across articles ----------------------------------------------------


def _surface_counts(
    store: Store, annotator_id: int | None, ids: list[str] | None, folder: _Folder
) -> Counter[tuple[int, str, str]]:
    """How often each (annotator, folded surface, label) occurs."""
    # Cutting surfaces in SQL (substr over a join) re-reads the article text for every
    # span; walking articles and their spans side by side reads each text once.
    raw: Counter[tuple[int, str, str]] = Counter()
    chunks = [None] if ids is None else [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    for chunk in chunks:
        where_a, args_a = scope("a", "id", None, chunk)
        where_s, args_s = scope("s", "article_id", annotator_id, chunk)
        texts = store.execute(
            f"SELECT a.id, a.text FROM articles a WHERE {live('a')}{where_a} ORDER BY a.id", args_a
        )
        spans = store.execute(
            'SELECT s.article_id, s.annotator_id, s.start, s."end", s.label FROM spans s '
            f"WHERE {live('s')}{where_s} ORDER BY s.article_id",
            args_s,
        )
        groups, key = Groups(spans), folder.key
        for article_id, text in texts:
            raw.update(
                (who, key(text[start:end]), label)
                for who, start, end, label in groups.take(article_id)
            )
    return raw


def _conflicting(raw: Counter[tuple[int, str, str]]) -> Minorities:
    """annotator → folded surface → {label in the minority: the other labels with their
    counts}, for the surfaces given more than one label. Worked out once per surface here
    rather than once per span of it in the pass over the articles."""
    # Plain dicts: this runs in the parent while the workers wait, over every surface.
    seen: dict[int, dict[str, dict[str, int]]] = {}
    for (who, key, label), count in raw.items():  # each (who, key, label) once
        seen.setdefault(who, {}).setdefault(key, {})[label] = count
    return {
        who: {key: _minority(labels) for key, labels in surfaces.items() if len(labels) > 1}
        for who, surfaces in seen.items()
    }


def _minority(labels: dict[str, int]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Labels other than the one most frequent of a surface: the majority is taken as the
    annotator's intent, so a reviewer sees only the odd ones (all of them on a tie)."""
    top = sorted(labels.values(), reverse=True)
    return {
        label: tuple((other, n) for other, n in labels.items() if other != label)
        for label, count in labels.items()
        if count < top[0] or top[0] == top[1]
    }


class _Folder:
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
class _ArticleChecks:
    bundle: ArticleBundle
    schema: Schema
    selected: set[str]
    folder: _Folder
    surfaces: Minorities
    found: list[_Row] = field(default_factory=list)  # at spans
    found_in_layer: list[_Row] = field(default_factory=list)  # about a layer as a whole
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

    def run(self) -> list[_Row]:
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


# A Finding without its schema, as a plain tuple: what worker processes send back.
_Row = tuple[str, str, str, str | None, int | None, int | None, int | None, tuple[Any, ...]]
_CODE = itemgetter(0)
_SPAN_CODES = ("W001", "W002", "W003", "W005", "W007")  # looked at span by span
_PLACE = itemgetter(4, 0)  # start, code


def _findings(rows: Iterable[_Row], schema: Schema) -> Iterator[Finding]:
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
