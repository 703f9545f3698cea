"""The article list panel: search box, status filter and the paged list of articles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import STATUSES
from annotator.gui.article_list_model import ID_ROLE, SPAN_COUNT_ROLE, STATUS_ROLE, ArticleListModel
from annotator.gui.names import status_name
from annotator.gui.uniform_list import UniformListView

MAX_PAGES_TO_FIND = 10
STATUS_COLORS = {
    "new": "#9e9e9e",
    "in_progress": "#1e88e5",
    "done": "#43a047",
    "accepted": "#2e7d32",
    "returned": "#e53935",
}


class ArticleDelegate(QStyledItemDelegate):
    """Title on the leading side; status dot, status and span count on the trailing side."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height() * 2 + 10
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        painter.save()
        if style:
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        rect = option.rect.adjusted(8, 4, -8, -4)
        metrics = option.fontMetrics
        line = metrics.height()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = (
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        painter.setPen(pen)
        title = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, rect.width())
        title_align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        # Titles are Arabic: draw them right to left whatever the interface language.
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            title_align | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setLayoutDirection(option.direction)
        status = index.data(STATUS_ROLE) or "new"
        count = index.data(SPAN_COUNT_ROLE) or 0
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        dot = QRect(0, 0, 9, 9)
        dot.moveCenter(second.center())
        dot.moveLeft(second.right() - 9) if rtl else dot.moveLeft(second.left())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(QColor(STATUS_COLORS.get(status, "#9e9e9e")))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(dot)
        painter.setPen(pen)
        spans = self.tr("%n span(s)", "", count)
        info = f"{status_name(status)}  ·  {spans}"
        text_rect = second.adjusted(0, 0, -14, 0) if rtl else second.adjusted(14, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, align | Qt.AlignmentFlag.AlignVCenter, info)
        painter.restore()


class ArticleListPanel(QWidget):
    """Emits articleChosen(id) when the analyst picks an article."""

    articleChosen = Signal(str)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.view = UniformListView()
        self.view.setObjectName("articleList")
        self.view.setModel(model)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.view)
        # Search as the analyst types, once they pause.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self._debounce.start)
        self.search_box.returnPressed.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentChanged.connect(self._on_current)
        self.retranslate()

    def retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search articles (diacritics ignored)…"))
        current = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_name(status), status)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(current)))
        self.status_filter.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(status=self.status_filter.currentData(), query=self.search_box.text())

    def select_article(self, article_id: str) -> None:
        """Highlight an article's row, fetching a few pages at most to find it (an article
        far down a long list is opened without its row highlighted)."""
        row = self.model.row_of(article_id)
        pages = 0
        while row < 0 and self.model.canFetchMore() and pages < MAX_PAGES_TO_FIND:
            self.model.fetchMore()
            row = self.model.row_of(article_id)
            pages += 1
        self.view.selectionModel().blockSignals(True)
        if row >= 0:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.clearSelection()
        self.view.selectionModel().blockSignals(False)

    def next_article(self, article_id: str) -> str | None:
        """The article after ``article_id`` in the list as filtered."""
        row = self.model.row_of(article_id)
        if row < 0:
            return None
        if row + 1 >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        return self.model.article_id(row + 1)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.articleChosen.emit(current.data(ID_ROLE))
