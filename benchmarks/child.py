"""One measured operation in a fresh process: prints its time and the process's peak RSS.

Run as ``python -m benchmarks.child OPERATION ARGS...``; the parent reads one JSON line.
A fresh process per operation makes the peak RSS that operation's own (a peak never
goes down) and keeps one measurement's caches from helping the next.
"""

from __future__ import annotations

import importlib
import resource
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson


def peak_rss_mb() -> float:
    """This process's peak resident memory since it started its program.

    VmHWM, not ru_maxrss: Linux carries the forked parent's peak into a child's ru_maxrss
    across exec, so a child of a large parent would report the parent's memory.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def floor_load(jsonl: str, db: str, fts: str = "fts") -> dict[str, object]:
    from benchmarks import floor

    floor.load(Path(jsonl), Path(db), fts=fts == "fts")
    return {}


def floor_dump(db: str, out: str) -> dict[str, object]:
    from benchmarks import floor

    floor.dump(Path(db), Path(out))
    return {}


def ours_import(jsonl: str, db: str) -> dict[str, object]:
    from annotator.core.formats.importers import import_paths
    from annotator.core.store import Store

    longest = 0.0

    class TimedStore(Store):
        """Times each outermost transaction: how long the import holds the write lock."""

        @contextmanager
        def write(self) -> Iterator[sqlite3.Connection]:
            nonlocal longest
            outer = self.database._depth == 0
            start = time.perf_counter()
            with super().write() as conn:
                yield conn
            if outer:
                longest = max(longest, time.perf_counter() - start)

    with TimedStore(db) as store:
        report = import_paths(store, [jsonl])
    if report.errors:
        raise SystemExit(f"import failed: {report.errors[0]}")
    return {
        "articles": report.total("articles_added"),
        "spans": report.total("spans_added"),
        "longest_write_ms": longest * 1000,
    }


def ours_export(db: str, out: str) -> dict[str, object]:
    from annotator.core.formats.exporters import export
    from annotator.core.store import Store

    start = time.perf_counter()
    # As the CLI's export opens it: a read-only command skips the whole-file quick_check.
    with Store(db, verify=False) as store:
        opened = time.perf_counter() - start  # reported apart: it does not depend on export()
        report = export(store, out)
    return {"records": report.records, "spans": report.spans, "open_seconds": opened}


_OURS = (
    "annotator.core.formats.importers",
    "annotator.core.formats.exporters",
    "annotator.core.store.sqlite",
)
PRELOAD = {
    "floor-load": ("benchmarks.floor",),
    "floor-dump": ("benchmarks.floor",),
    "import": _OURS,
    "export": _OURS,
}
OPERATIONS: dict[str, Callable[..., dict[str, object]]] = {
    "floor-load": floor_load,
    "floor-dump": floor_dump,
    "import": ours_import,
    "export": ours_export,
}


def main() -> None:
    operation, *args = sys.argv[1:]
    run = OPERATIONS[operation]
    # Modules are loaded before the clock starts: a fixed cost of every program (ours
    # loads sqlite-utils and pyarabic), not of the work being measured.
    for module in PRELOAD[operation]:
        importlib.import_module(module)
    baseline = peak_rss_mb()
    start = time.perf_counter()
    extra = run(*args)
    seconds = time.perf_counter() - start
    result = {"seconds": seconds, "rss_mb": peak_rss_mb(), "baseline_rss_mb": baseline, **extra}
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


if __name__ == "__main__":
    main()
