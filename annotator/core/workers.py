"""Work over many articles in worker processes, results handed back in article order.

A pass over 100,000 articles costs tens of seconds of Python in one process. Each
worker opens the database file itself (WAL lets readers run side by side with each other
and with a writer) and takes one chunk of article ids at a time.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """One per core this process may use, at most 4 (beyond that SQLite reads and the
    parent, which takes every result, become the limit)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def worker_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()
) -> ProcessPoolExecutor:
    """Worker processes, each set up once by ``initializer(*initargs)``."""
    # spawn, not fork: the window calls this from a thread, and forking a process that has
    # threads (Qt's) can deadlock the child.
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, context, initializer, initargs)


def ordered_map(
    pool: ProcessPoolExecutor, fn: Callable[[T], R], tasks: Iterable[T], in_flight: int
) -> Iterator[R]:
    """``fn(task)`` for every task in the pool's processes, yielded in the tasks' order.

    At most ``in_flight`` tasks are queued or running (two per worker keeps every worker
    busy), so results the caller has not taken yet do not pile up in memory. Closing the
    iterator early (a cancelled job) drops the tasks not started."""
    pending: deque[Future[R]] = deque()
    try:
        for task in tasks:
            pending.append(pool.submit(fn, task))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
