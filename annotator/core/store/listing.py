"""Pages of the article list: title, one annotator's span count and status, by rowid."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.store import Store
from annotator.core.store.sqlite import live
from annotator.core.text.folding import normalise_for_search


@dataclass(frozen=True, slots=True)
class ArticleRow:
    rowid: int
    id: str
    title: str
    span_count: int
    status: str


def _fts_match(query: str) -> str | None:
    """The FTS5 expression for every word of ``query``, folded like the index."""
    words = normalise_for_search(query).split()
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def article_page(
    store: Store,
    annotator: str,
    *,
    after_rowid: int = 0,
    limit: int = 100,
    status: str | None = None,
    query: str = "",
) -> list[ArticleRow]:
    """The next ``limit`` live articles after ``after_rowid``, in rowid order.

    ``status`` keeps only articles whose layer of ``annotator`` has that status (an
    article never touched counts as ``new``); ``query`` keeps articles holding every word,
    ignoring diacritics (the FTS index of the store).
    """
    annotator_id = store.find_annotator_id(annotator)
    status_sql = (
        "COALESCE((SELECT l.status FROM layers l WHERE l.article_id = a.id "
        f"AND l.annotator_id = :ann AND {live('l')}), 'new')"
    )
    sql = (
        f"SELECT a.rowid, a.id, a.title, "
        f"(SELECT count(*) FROM spans s WHERE s.article_id = a.id AND s.annotator_id = :ann "
        f"AND {live('s')}), {status_sql} AS status "
        f"FROM articles a WHERE a.rowid > :after AND {live('a')}"
    )
    args: dict[str, object] = {"ann": annotator_id, "after": after_rowid, "limit": limit}
    if status is not None:
        sql += f" AND {status_sql} = :status"
        args["status"] = status
    if query.strip():
        match = _fts_match(query)
        if match is None:
            return []
        sql += " AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match)"
        args["match"] = match
    sql += " ORDER BY a.rowid LIMIT :limit"
    return [ArticleRow(*row) for row in store.execute(sql, args)]


def article_row(store: Store, annotator: str, article_id: str) -> ArticleRow | None:
    """One article's row (after an action changed its span count or status)."""
    row = store.execute(
        f"SELECT rowid FROM articles a WHERE id = ? AND {live('a')}", [article_id]
    ).fetchone()
    if row is None:
        return None
    page = article_page(store, annotator, after_rowid=row[0] - 1, limit=1)
    return page[0] if page else None
