"""Long work off the GUI thread: import and export jobs on QThreadPool, each with its own
database connection, reporting progress through signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.formats.exporters import export
from annotator.core.formats.importers import count_lines, expand_paths, import_paths
from annotator.core.store import Store


class Cancelled(Exception):
    """The analyst pressed Cancel; the core rolls back what the job had begun."""


class JobSignals(QObject):
    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the core's report
    failed = Signal(object)  # the exception


class StoreJob(QRunnable):
    """Runs ``work(store, progress)`` on a Store of its own (a connection is not shared
    across threads, and the window's connection stays free for the analyst's labels)."""

    # Jobs not finished yet, kept alive while they run (a cancelled job's owner lets go of
    # it at once, but it runs on until its work notices) and stopped by finish_jobs().
    _unfinished: ClassVar[set[StoreJob]] = set()

    def __init__(
        self, db_path: Path, work: Callable[[Store, Callable[[int, int], None]], object]
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.work = work
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)
        StoreJob._unfinished.add(self)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            # The window verified the file (in the background) when it opened it.
            with Store(self.db_path, verify=False) as store:
                result = self.work(store, self._progress)
        except BaseException as exc:  # reported to the window, which shows it
            self.signals.failed.emit(exc)
            return
        else:
            self.signals.finished.emit(result)
        finally:
            StoreJob._unfinished.discard(self)


def finish_jobs(timeout_ms: int = 10_000) -> bool:
    """Cancel every job still running and wait for them (the program is quitting): a job
    thread that outlives the application emits through deleted signals. True when all
    ended in time; an import cancelled this way rolls back."""
    for job in list(StoreJob._unfinished):
        job.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def import_job(db_path: Path, paths: list[str], annotator: str | None) -> StoreJob:
    def work(store: Store, progress: Callable[[int, int], None]) -> object:
        files = expand_paths(paths, "auto")
        sizes = {path: count_lines(path) for path in files}
        total = sum(sizes.values()) or 1
        before: dict[Path, int] = {}
        running = 0
        for path in files:
            before[path] = running
            running += sizes[path]

        def file_progress(path: Path, line: int) -> None:
            progress(before.get(path, 0) + line, total)

        progress(0, total)
        return import_paths(store, paths, annotator=annotator, progress=file_progress)

    return StoreJob(db_path, work)


def export_job(db_path: Path, out: str, fmt: str) -> StoreJob:
    def work(store: Store, progress: Callable[[int, int], None]) -> object:
        progress(0, store.article_count())
        return export(store, out, fmt, progress=progress)

    return StoreJob(db_path, work)
