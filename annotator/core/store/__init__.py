"""The database: the store, its migrations and the article list's pages."""
