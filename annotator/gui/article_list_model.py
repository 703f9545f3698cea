"""The article list model: pages of rows fetched by rowid as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.store import Store
from annotator.core.store.listing import ArticleRow, article_page, article_row
from annotator.gui.names import status_name

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SPAN_COUNT_ROLE = Qt.ItemDataRole.UserRole + 3


class ArticleListModel(QAbstractListModel):
    """Titles, span counts and statuses of one annotator; never holds more rows than the
    view has asked for (canFetchMore/fetchMore, one SQL page at a time)."""

    PAGE = 100

    def __init__(self, store: Store, annotator: str, parent: object = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.status: str | None = None
        self.query = ""
        self._rows: list[ArticleRow] = []
        self._exhausted = False

    # -- filtering and refreshing --------------------------------------------------

    def set_filter(self, *, status: str | None, query: str) -> None:
        if (status, query) == (self.status, self.query):
            return
        self.status, self.query = status, query
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (another process changed the database, or the
        filter changed); the view fetches what it needs."""
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()

    def set_annotator(self, annotator: str) -> None:
        self.annotator = annotator
        self.reload()

    def refresh_article(self, article_id: str) -> None:
        """Re-read one row after an action changed its span count or status."""
        row = self.row_of(article_id)
        if row < 0:
            return
        fresh = article_row(self.store, self.annotator, article_id)
        if fresh is None:
            return
        self._rows[row] = fresh
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def row_of(self, article_id: str) -> int:
        for row, item in enumerate(self._rows):
            if item.id == article_id:
                return row
        return -1

    def article_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    # -- the model -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1].rowid if self._rows else 0
        page = article_page(
            self.store,
            self.annotator,
            after_rowid=after,
            limit=self.PAGE,
            status=self.status,
            query=self.query,
        )
        if len(page) < self.PAGE:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        # last is inclusive: first + len - 1 (Qt's own example is one too high).
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title or item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.id}\n{status_name(item.status)} · {item.span_count}"
        if role == ID_ROLE:
            return item.id
        if role == STATUS_ROLE:
            return item.status
        if role == SPAN_COUNT_ROLE:
            return item.span_count
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({ID_ROLE: b"articleId", STATUS_ROLE: b"status", SPAN_COUNT_ROLE: b"spanCount"})
        return names
