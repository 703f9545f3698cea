"""Where things live: the sample articles, resources and the default database file."""

from __future__ import annotations

from pathlib import Path

import platformdirs

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "data"
RESOURCES = REPO / "resources"
APP_NAME = "arabic-annotator"


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "annotations.db"
