"""Where things live: the sample articles, resources and the default database."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from annotator.core.store import Store

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


def open_default_store(*, verify: bool = True) -> Store:
    """The default database; on first use it is created and filled with the sample articles."""
    path = default_db_path()
    store = Store(path, verify=verify)
    if store.article_count() == 0 and DATA_DIR.is_dir():
        from annotator.core.formats.importers import import_paths

        import_paths(store, [DATA_DIR])
    return store
