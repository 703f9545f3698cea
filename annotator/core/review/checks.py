"""Quality checks over the store, streamed article by article (codes: findings.py)."""

from __future__ import annotations

import gc
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.bundles import CHUNK, Groups, bundles, scope
from annotator.core.review.article_checks import (
    ArticleChecks,
    FindingRow,
    Minorities,
    SurfaceFolder,
    findings_of,
)
from annotator.core.review.findings import CHECKS, Finding
from annotator.core.schema import parse_schema
from annotator.core.store import Store
from annotator.core.store.sqlite import live, live_article
from annotator.core.workers import ordered_map, worker_pool

__all__ = ["CHECKS", "Finding", "checked_articles", "run_checks"]


# Below this many articles, starting worker processes (~0.5 s) costs more than it saves.
PARALLEL_MIN = 2_000
_TASK_ARTICLES = 1_000


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
    folder = SurfaceFolder()
    surfaces: Minorities = {}
    if "W005" in selected:
        surfaces = _conflicting(_surface_counts(store, annotator_id, ids, folder))
    schema = store.schema
    for bundle in bundles(store, annotator_id, ids):
        yield from findings_of(
            ArticleChecks(bundle, schema, selected, folder, surfaces).run(), schema
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
            yield from findings_of(rows, schema)


_worker_store: Store | None = None
_worker_surfaces: tuple[str, Minorities] = ("", {})
_worker_folder: SurfaceFolder | None = None  # folded surfaces, kept from task to task


def _open_worker_store(path: str, schema_source: bytes) -> None:
    global _worker_store, _worker_folder
    _worker_store = Store(path, schema=parse_schema(schema_source), verify=False)
    _worker_folder = SurfaceFolder()
    # The cycle collector, walking every object the worker holds again and again while a
    # task makes tens of thousands of tuples, cost a quarter of its time; each task
    # collects only what the one before left (_checks_task).
    gc.disable()


def _surface_task(task: tuple[int | None, list[str]]) -> Counter[tuple[int, str, str]]:
    assert _worker_store is not None
    assert _worker_folder is not None
    return _surface_counts(_worker_store, *task, _worker_folder)


def _checks_task(task: tuple[int | None, list[str], set[str], str]) -> list[FindingRow]:
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
        for row in ArticleChecks(bundle, schema, selected, _worker_folder, surfaces).run()
    ]


# -- W005: surfaces across articles ----------------------------------------------------


def _surface_counts(
    store: Store, annotator_id: int | None, ids: list[str] | None, folder: SurfaceFolder
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
