"""The Qt binding itself: a long labelling session must not crash the interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
for _ in range(100_000):
    widget.setToolTip("x")  # returns None: a binding that leaks None's refcount aborts here
print("alive")
"""


def test_many_qt_calls_returning_nothing_do_not_abort_the_program() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"
