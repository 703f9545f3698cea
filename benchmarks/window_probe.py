"""Runs main.py as the analyst starts it and reports when the article was first painted.

``python -m benchmarks.window_probe STARTED_AT main.py-arguments...``: STARTED_AT is the
parent's time.time() just before it started this process, so the figure covers the whole
start: interpreter, imports, opening the database, building the window, the first page of
the article list, loading the article and its spans, and painting it.
"""

from __future__ import annotations

import runpy
import sys
import time
from pathlib import Path

import orjson

from benchmarks.child import peak_rss_mb

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    started_at = float(sys.argv[1])
    from annotator.gui.text_view import ArticleTextView

    first_paint: list[float] = []
    paint = ArticleTextView.paintEvent

    def timed_paint(self: ArticleTextView, event: object) -> None:
        paint(self, event)  # type: ignore[arg-type]
        if not first_paint and not self.document().isEmpty():
            first_paint.append(time.time())

    ArticleTextView.paintEvent = timed_paint  # type: ignore[method-assign]
    sys.argv = [str(REPO / "main.py"), *sys.argv[2:]]
    code = 0
    try:
        runpy.run_path(str(REPO / "main.py"), run_name="__main__")
    except SystemExit as exc:
        code = int(exc.code or 0)
    result = {
        "first_paint_ms": (first_paint[0] - started_at) * 1000 if first_paint else None,
        "rss_mb": peak_rss_mb(),
        "exit": code,
    }
    sys.stdout.write("PROBE " + orjson.dumps(result).decode() + "\n")


if __name__ == "__main__":
    main()
