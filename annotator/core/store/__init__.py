"""The database: the store, its migrations and the article list's pages."""

from annotator.core.store.database import Store

__all__ = ["Store"]
