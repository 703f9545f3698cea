"""Background jobs still running when the program quits are cancelled and waited for, so
none emits through signals the quitting application has already deleted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

QUIT_DURING_A_JOB = """
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from annotator.core.store import Store
from annotator.gui.workers import StoreJob, finish_jobs

app = QApplication([])
db = Path(tempfile.mkdtemp()) / "t.db"
Store(db).close()
started = []

def work(store, progress):
    started.append(True)
    for done in range(200):
        time.sleep(0.01)
        progress(done, 200)  # raises once cancelled

job = StoreJob(db, work)
job.signals.failed.connect(lambda exc: None)
QThreadPool.globalInstance().start(job)
while not started:
    time.sleep(0.01)
del job  # as the checks panel lets go of a job it cancels
if sys.argv[1] == "finish":
    assert finish_jobs()
"""


def _quit(how: str, tmp_path: Path) -> str:
    script = tmp_path / "quit.py"
    script.write_text(QUIT_DURING_A_JOB, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), how], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_quitting_cancels_and_waits_for_running_jobs(tmp_path: Path) -> None:
    # Without finish_jobs the thread outlives the application (the harness sees it)...
    assert "Signal source has been deleted" in _quit("leave", tmp_path)
    # ...with it, the job is cancelled and ends first.
    assert "Signal source has been deleted" not in _quit("finish", tmp_path)
