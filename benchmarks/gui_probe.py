"""Window measurements inside one offscreen Qt process, through the real MainWindow.

``python -m benchmarks.gui_probe text-view DB ARTICLE_ID``: opening a long, crowded
article (open_article + a synchronous repaint), then label keypresses (select words, press
P: the action commits, the window re-reads the spans it touched, the view repaints), each
timed end to end.

``python -m benchmarks.gui_probe list DB``: the article list of a large database, scrolled
to its end again and again: how many rows the model holds, and what a page costs.

``python -m benchmarks.gui_probe review DB ARTICLE_ID``: an article with layers amina and
karim and gold (generate.review_records): review mode switched on (compared, laid out and
painted), the next-disagreement key N to repainted, a decision key; then, out of review
mode, label keypresses with tags and every relation's arrow drawn, and without them.
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


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _label_presses(app, window, view, presses: int, seed: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    text = view.toPlainText()
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w{4,}", text)]
    rng = random.Random(seed)
    times = []
    for _ in range(presses):
        start_word, end_word = rng.choice(words)
        view.select_range(start_word, end_word)
        app.processEvents()
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_P)
        view.viewport().repaint()
        times.append(_ms(start))
    return times


def review(db: str, article_id: str, steps: int = 120, presses: int = 60) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    app, window = _window(db)
    view = window.text_view  # type: ignore[attr-defined]
    window.open_article(article_id)  # type: ignore[attr-defined]
    view.viewport().repaint()
    panel = window.show_review()  # type: ignore[attr-defined]
    panel.set_pair("amina", "karim")
    app.processEvents()  # type: ignore[attr-defined]
    switch_on = []
    for _ in range(5):
        window.set_review_mode(False)  # type: ignore[attr-defined]
        view.viewport().repaint()
        app.processEvents()  # type: ignore[attr-defined]
        start = time.perf_counter()
        window.set_review_mode(True)  # type: ignore[attr-defined]
        view.viewport().repaint()
        switch_on.append(_ms(start))
    mode = window.review_mode  # type: ignore[attr-defined]
    review_now = mode.review
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
    view.setFocus()
    steps_ms = []
    for _ in range(steps):
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_N)
        view.viewport().repaint()
        steps_ms.append(_ms(start))
    decisions = []
    for _ in range(20):
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_A)
        view.viewport().repaint()
        decisions.append(_ms(start))
    window.set_review_mode(False)  # type: ignore[attr-defined]
    panel.hide()  # the analyst labels with the review panel closed, as in text-view
    view.viewport().repaint()
    app.processEvents()  # type: ignore[attr-defined]
    spans = len(window.spans)  # type: ignore[attr-defined]
    relations = len(window.relations)  # type: ignore[attr-defined]
    with_tags = _label_presses(app, window, view, presses, 11)
    window.set_tags_shown(False)  # type: ignore[attr-defined]
    window.set_arrows_shown(False)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    without = _label_presses(app, window, view, presses, 12)
    return {
        "spans_a": len(review_now.spans_a),
        "spans_b": len(review_now.spans_b),
        "gold": len(review_now.gold),
        "items": len(review_now.items),
        "relations": relations,
        "spans_after": spans,
        "switch_on_ms": statistics.median(switch_on),
        "switch_on_max_ms": max(switch_on),
        "open_in_review_ms": statistics.median(opens),
        "step_p50_ms": statistics.median(steps_ms),
        "step_p95_ms": _p95(steps_ms),
        "decide_p50_ms": statistics.median(decisions),
        "decide_p95_ms": _p95(decisions),
        "label_tags_p50_ms": statistics.median(with_tags),
        "label_tags_p95_ms": _p95(with_tags),
        "label_plain_p50_ms": statistics.median(without),
        "label_plain_p95_ms": _p95(without),
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
    result = {"text-view": text_view, "list": article_list, "review": review}[operation](*args)
    from benchmarks.child import peak_rss_mb

    result["rss_mb"] = peak_rss_mb()
    sys.stdout.write("PROBE " + orjson.dumps(result).decode() + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: nothing to save, and it is not what is measured


if __name__ == "__main__":
    main()
