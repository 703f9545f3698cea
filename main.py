"""Start the annotation window.

python main.py [--db PATH] [--article ID] [--annotator NAME] [--lang ar|en]
               [--review A,B [--step N]] [--screenshot OUT.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from annotator.core.errors import AnnotatorError

SCREENSHOT_TIMEOUT_MS = 20_000


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Annotate Arabic news about public administration."
    )
    parser.add_argument(
        "--db", type=Path, help="database file (default: the user's, filled with data/)"
    )
    parser.add_argument("--article", help="article id to open")
    parser.add_argument("--span", type=int, help="span id to select in the article")
    parser.add_argument("--annotator", help="analyst name (default: asked once, then remembered)")
    parser.add_argument("--lang", choices=("ar", "en"), help="interface language")
    parser.add_argument(
        "--review",
        metavar="A,B",
        help="open in review mode comparing layers A and B (e.g. amina,karim)",
    )
    parser.add_argument(
        "--step",
        type=int,
        default=1,
        metavar="N",
        help="with --review: go to the N-th disagreement of the article (default 1)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="save a PNG of the window once painted, then exit",
    )
    return parser.parse_args(argv)


def verify_in_background(window: object, db_path: Path) -> None:
    """Check the whole file after the window is up; a damaged one is reported at once."""
    from PySide6.QtCore import QThreadPool

    from annotator.gui.dialogs import ErrorDialog
    from annotator.gui.workers import StoreJob

    job = StoreJob(db_path, lambda store, progress: store.quick_check())

    def report(problem: object) -> None:
        if problem != "ok":
            ErrorDialog.ask(
                window,  # type: ignore[arg-type]
                "The database is damaged",
                f"{db_path}: {problem}. Stop labelling and restore a backup "
                "(a copy is kept next to the file before every migration).",
                [],
            )

    job.signals.finished.connect(report)
    job.signals.failed.connect(lambda exc: report(exc))
    QThreadPool.globalInstance().start(job)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()

    from PySide6.QtCore import QSettings, Qt, QTimer

    from annotator.core.formats.samples import open_default_store
    from annotator.core.store import Store
    from annotator.gui.app import Language, create_app
    from annotator.gui.main_window import MainWindow
    from annotator.gui.workers import finish_jobs

    app = create_app(sys.argv[:1])
    try:
        # quick_check reads the whole file: it runs after the first paint, not before.
        store = Store(args.db, verify=False) if args.db else open_default_store(verify=False)
    except AnnotatorError as exc:
        sys.stderr.write(f"error: {exc}\n")
        if not args.screenshot:
            # Started from a desktop icon there is no terminal: say it in a window too.
            from annotator.gui.dialogs import ErrorDialog

            ErrorDialog.ask(None, "Cannot open the database", str(exc), [])
        return 2

    if args.screenshot:
        # A fresh settings file: the picture does not depend on (or change) the analyst's.
        settings_dir = tempfile.TemporaryDirectory()
        settings = QSettings(
            str(Path(settings_dir.name) / "settings.ini"), QSettings.Format.IniFormat
        )
        settings.setValue("analyst/name", args.annotator or "analyst")
        settings.setValue("ui/language", args.lang or "ar")
    else:
        settings = QSettings()
        if args.lang:
            settings.setValue("ui/language", args.lang)
    window = MainWindow(store, settings=settings, annotator=args.annotator, language=Language(app))
    window.open_first(args.article)
    if args.article and (window.article is None or window.article.id != args.article):
        sys.stderr.write(f"error: no article {args.article!r} in {store.path}\n")
        return 2
    if args.span:
        # Once shown: scrolling to the span needs the viewport's real height.
        QTimer.singleShot(0, lambda: window.select_span(args.span))
    if args.review:
        a, _, b = args.review.partition(",")
        if not a or not b:
            sys.stderr.write("error: --review takes two layers, e.g. --review amina,karim\n")
            return 2
        QTimer.singleShot(0, lambda: window.open_review(a, b, args.step))

    if args.screenshot:
        out: Path = args.screenshot

        def save() -> None:
            ok = window.grab().save(str(out))
            first_paint = (time.perf_counter() - started) * 1000
            state = "saved" if ok else "NOT saved"
            sys.stdout.write(f"{out}: {state} (first paint after {first_paint:.0f} ms)\n")
            app.exit(0 if ok else 1)

        # Painted once with the article: let pending layout and paints settle, then grab.
        window.text_view.painted.connect(
            lambda: QTimer.singleShot(50, save), type=Qt.ConnectionType.SingleShotConnection
        )
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: app.exit(1))
    else:
        window.text_view.painted.connect(
            lambda: verify_in_background(window, store.path),
            type=Qt.ConnectionType.SingleShotConnection,
        )
    window.show()
    code = app.exec()
    finish_jobs()  # checks, imports, exports or the file check still running
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
