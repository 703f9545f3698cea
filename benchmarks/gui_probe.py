"""Window measurements inside one offscreen Qt process, through the real MainWindow.

``python -m benchmarks.gui_probe text-view DB ARTICLE_ID``: opening a long, crowded
article (open_article + a synchronous repaint), then label keypresses (select words, press
P: the action commits, the window re-reads the spans it touched, the view repaints), each
timed end to end.

``python -m benchmarks.gui_probe list DB``: the article list of a large database, scrolled
to its end again and again: how many rows the model holds, and what a page costs.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import orjson

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12's abi3 wheel drops a reference to None on every call of a Qt method that
# returns nothing; on Python 3.11 (None is not immortal before 3.12) the process aborts
# with "deallocating None" after ~13,000 such calls. A million extra references keep this
# probe alive long enough to measure (8 MB); the program itself needs a fixed PySide6.
_NONE_GUARD = [None] * 1_000_000


def _window(db: str) -> tuple[object, object]:
    from PySide6.QtCore import QSettings

    from annotator.core.store import Store
    from annotator.gui.app import Language, create_app
    from annotator.gui.main_window import MainWindow

    app = create_app([sys.argv[0]])
    settings_dir = tempfile.mkdtemp()
    settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(db), settings=settings, annotator="amina", language=Language(app))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    return app, window


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def text_view(db: str, article_id: str, keypresses: int = 60) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, window = _window(db)
    view = window.text_view  # type: ignore[attr-defined]
    other = window.store.first_article_id()  # type: ignore[attr-defined]
    opens = []
    for _ in range(5):
        window.open_article(other)  # type: ignore[attr-defined]
        view.viewport().repaint()
        app.processEvents()  # type: ignore[attr-defined]
        start = time.perf_counter()
        window.open_article(article_id)  # type: ignore[attr-defined]
        view.viewport().repaint()
        opens.append(_ms(start))
    spans = len(window.spans)  # type: ignore[attr-defined]
    text = view.toPlainText()
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w{4,}", text)]
    rng = random.Random(11)
    presses = []
    added = 0
    for _ in range(keypresses):
        start_word, end_word = rng.choice(words)
        view.select_range(start_word, end_word)
        app.processEvents()  # type: ignore[attr-defined]
        before = len(window.spans)  # type: ignore[attr-defined]
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_P)
        view.viewport().repaint()
        presses.append(_ms(start))
        added += len(window.spans) - before  # type: ignore[attr-defined]
    presses.sort()
    return {
        "chars": len(text),
        "spans": spans,
        "open_ms": statistics.median(opens),
        "open_max_ms": max(opens),
        "key_p50_ms": statistics.median(presses),
        "key_p95_ms": presses[int(len(presses) * 0.95) - 1],
        "key_max_ms": presses[-1],
        "spans_added": added,
    }


def article_list(db: str, scrolls: int = 10) -> dict[str, object]:
    app, window = _window(db)
    model = window.list_model  # type: ignore[attr-defined]
    view = window.article_panel.view  # type: ignore[attr-defined]
    total = window.store.article_count()  # type: ignore[attr-defined]
    at_start = model.rowCount()
    pages = []
    for _ in range(scrolls):
        bar = view.verticalScrollBar()
        start = time.perf_counter()
        bar.setValue(bar.maximum())
        app.processEvents()  # type: ignore[attr-defined]
        pages.append(_ms(start))
    return {
        "articles": total,
        "rows_at_start": at_start,
        "rows_after_scrolls": model.rowCount(),
        "scrolls": scrolls,
        "scroll_to_end_max_ms": max(pages),
    }


def main() -> None:
    operation, *args = sys.argv[1:]
    result = {"text-view": text_view, "list": article_list}[operation](*args)
    from benchmarks.child import peak_rss_mb

    result["rss_mb"] = peak_rss_mb()
    sys.stdout.write("PROBE " + orjson.dumps(result).decode() + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: nothing to save, and it is not what is measured


if __name__ == "__main__":
    main()
