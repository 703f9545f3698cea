"""The default database, filled with the sample articles on first use."""

from __future__ import annotations

from annotator.core.formats.importers import import_paths
from annotator.core.paths import DATA_DIR, default_db_path
from annotator.core.store import Store


def open_default_store(*, verify: bool = True) -> Store:
    """The default database; on first use it is created and filled with the sample articles."""
    path = default_db_path()
    store = Store(path, verify=verify)
    if store.article_count() == 0 and DATA_DIR.is_dir():
        import_paths(store, [DATA_DIR])
    return store
