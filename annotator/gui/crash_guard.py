"""The window's last line of defence: an unexpected exception is logged and shown, never fatal.

``install(lambda: window)`` replaces sys.excepthook and threading.excepthook. PySide6 hands
an exception raised in a slot, a timer or a worker's run() to sys.excepthook instead of
ending the program; the hook writes the traceback to annotator.log in the user data folder
(rotated at 1 MB) and shows a short message over the window, and the event loop goes on.
Every label is committed when it is made, so the analyst loses at most the action that
failed (and the message says so).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.paths import user_data_dir

LOG_NAME = "annotator.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

logger = logging.getLogger("annotator.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashGuard", text)


def log_path() -> Path:
    return user_data_dir() / LOG_NAME


class CrashDialog:
    """The message box, behind an ``ask`` classmethod that tests replace."""

    @classmethod
    def ask(cls, parent: QWidget | None, message: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _tr("Something went wrong"),
            message,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        # Messages quote file names and article text: never read them as HTML.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()


def message_for(error: BaseException, log: Path) -> str:
    """A few lines the analyst can act on; the traceback goes to the log only."""
    if isinstance(error, AnnotatorError):
        what = str(error)
    else:
        what = _tr("An unexpected error stopped the last action: {0}").format(
            f"{type(error).__name__}: {error}"
        )
    return "\n\n".join(
        [
            what,
            _tr(
                "Every label you saw saved is in the database; at most this last action "
                "was not saved. You can go on working."
            ),
            _tr("Details were written to {0}").format(log),
        ]
    )


class _Bridge(QObject):
    """Carries an error to the GUI thread: a worker thread must not open a dialog."""

    raised = Signal(object)


class _Guard:
    def __init__(self, parent_widget_getter: Callable[[], QWidget | None]) -> None:
        self.parent_widget_getter = parent_widget_getter
        self.previous_excepthook = sys.excepthook
        self.previous_thread_hook = threading.excepthook
        self.handler = RotatingFileHandler(
            log_path(), maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
        self.handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(self.handler)
        logger.setLevel(logging.INFO)
        self.showing = False
        self.bridge = _Bridge()
        app = QCoreApplication.instance()
        if app is not None:  # live in the GUI thread, whichever thread installs
            self.bridge.moveToThread(app.thread())
        self.bridge.raised.connect(self._show)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous_excepthook(kind, error, tb)
            return
        self._report((kind, error, tb), threading.current_thread().name)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "?"
        self._report((args.exc_type, args.exc_value, args.exc_traceback), name)

    def _report(self, info: ExcInfo, thread: str) -> None:
        # Logging first: if showing fails too, the log still has it.
        logger.error("unhandled exception in thread %s", thread, exc_info=info)
        self.handler.flush()
        if sys.stderr is not None:  # for whoever started the program from a terminal
            traceback.print_exception(*info, file=sys.stderr)
        self.bridge.raised.emit(info)  # queued to the GUI thread, direct when already there

    def _show(self, info: ExcInfo) -> None:
        if self.showing:
            return  # one dialog at a time: a timer raising again must not stack them up
        self.showing = True
        try:
            CrashDialog.ask(
                self.parent_widget_getter(),
                message_for(info[1], log_path()),
                "".join(traceback.format_exception(*info)),
            )
        except Exception:  # the guard itself must never raise
            logger.exception("could not show the error dialog")
        finally:
            self.showing = False

    def uninstall(self) -> None:
        sys.excepthook = self.previous_excepthook
        threading.excepthook = self.previous_thread_hook
        logger.removeHandler(self.handler)
        self.handler.close()
        self.bridge.deleteLater()


_installed: _Guard | None = None


def install(parent_widget_getter: Callable[[], QWidget | None]) -> None:
    """Log and show every unhandled exception over the widget the getter returns
    (called when an error happens, so it may return a window created later)."""
    global _installed
    uninstall()
    _installed = _Guard(parent_widget_getter)
    sys.excepthook = _installed.excepthook
    threading.excepthook = _installed.thread_hook


def uninstall() -> None:
    """Put back the hooks install() replaced (for tests, and a clean exit)."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None
