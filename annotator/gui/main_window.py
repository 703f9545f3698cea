"""The annotation window: article list, text, and the palette/span/attribute/relation panels."""

from __future__ import annotations

import getpass
import sqlite3
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.core.actions import Action, Change, SetStatus
from annotator.core.errors import AnnotatorError, LayerConflictError, UndoConflictError
from annotator.core.models import Article, Relation, Span
from annotator.core.store import Store
from annotator.gui.app import Language, default_language
from annotator.gui.article_list import ArticleListPanel
from annotator.gui.article_list_model import ArticleListModel
from annotator.gui.attribute_editor import AttributeEditor
from annotator.gui.dialogs import ErrorDialog, NameDialog
from annotator.gui.file_menu import FileMenu
from annotator.gui.find_bar import FindBar
from annotator.gui.label_palette import LabelPalette
from annotator.gui.labelling import Labeller
from annotator.gui.names import SchemaNames, status_name
from annotator.gui.relation_list import RelationList
from annotator.gui.span_list import SpanList
from annotator.gui.span_tags import TagNames
from annotator.gui.text_view import FONT_FAMILY, ArticleTextView
from annotator.gui.undo import ActionCommand
from annotator.gui.window_menus import WindowMenus

if TYPE_CHECKING:
    from annotator.gui.review_mode import ReviewMode
    from annotator.gui.review_panel import ReviewPanel

POLL_MS = 1000
DEFAULT_POINT_SIZE = 16
# Above this many touched spans and relations (a batch accepted into gold), reloading the
# article is quicker than updating the views row by row.
PARTIAL_MAX = 64


class MainWindow(QMainWindow):
    articleOpened = Signal(str)  # the review panel follows the open article
    databaseChanged = Signal()  # someone else's change is shown: the review panel re-reads

    def __init__(
        self,
        store: Store,
        *,
        settings: QSettings | None = None,
        annotator: str | None = None,
        language: Language | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings or QSettings()
        app = QApplication.instance()
        self.language = language or Language(app)  # type: ignore[arg-type]
        self.names = SchemaNames(store.schema, default_language(self.settings))
        self.annotator = annotator or self._ask_annotator()
        self.article: Article | None = None
        self.spans: dict[int, Span] = {}
        self.relations: list[Relation] = []
        self.undo_stack = QUndoStack(self)
        self._closed = False
        self.review_panel: ReviewPanel | None = None
        self.review_mode: ReviewMode | None = None
        self.checks_panel: QDockWidget | None = None
        self._data_version = store.data_version()

        self._build_widgets()
        self.labeller = Labeller(
            store.schema, self.names, self.text_view, self.run, self.select_span, self.hint
        )
        self._connect()
        self.file_menu = FileMenu(self, self)
        self.menus = WindowMenus(self, self)
        # The window receives these, not the menus: a window being destroyed stops
        # receiving before its children (the stack among them) go.
        for signal in (self.undo_stack.indexChanged, self.undo_stack.cleanChanged):
            signal.connect(self._update_undo_texts)
        self._restore_settings()
        self.language.install(self.names.language)
        self.retranslate()

        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.poll_database)
        self._poll.start()

    @property
    def closed(self) -> bool:
        return self._closed

    # -- construction --------------------------------------------------------------

    def _ask_annotator(self) -> str:
        saved = self.settings.value("analyst/name")
        if saved:
            return str(saved)
        name = NameDialog.ask(None)
        if name:
            self.settings.setValue("analyst/name", name)
            return name
        return getpass.getuser()  # cancelled: asked again next time

    def _build_widgets(self) -> None:
        self.list_model = ArticleListModel(self.store, self.annotator, self)
        self.article_panel = ArticleListPanel(self.list_model)
        self.text_view = ArticleTextView()
        self.text_view.colors = {
            label.name: QColor(label.color) for label in self.store.schema.labels
        }
        self.text_view.describe = self.names.describe
        self.text_view.tags = TagNames(self.store.schema, self.names, FONT_FAMILY)
        self.find_bar = FindBar()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.find_bar)
        centre_layout.addWidget(self.text_view)
        self.palette_box = LabelPalette(self.store.schema, self.names)
        self.span_list = SpanList(self.names)
        self.attribute_editor = AttributeEditor(self.names)
        self.relation_list = RelationList(self.names)
        self.side = QSplitter(Qt.Orientation.Vertical)
        for widget in (self.palette_box, self.span_list, self.attribute_editor, self.relation_list):
            self.side.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.article_panel)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800, 320])
        self.setCentralWidget(self.splitter)
        self.saved_label = QLabel(objectName="savedLabel")
        self.status_label = QLabel(objectName="articleStatus")
        # Which mode the keys are in: labelling one's own layer, or reviewing A, B and gold.
        self.mode_label = QLabel(objectName="modeLabel")
        self.statusBar().addPermanentWidget(self.mode_label, 1)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _connect(self) -> None:
        view, labeller = self.text_view, self.labeller
        self.article_panel.articleChosen.connect(self.open_article)
        view.keyTyped.connect(labeller.key)
        view.spanClicked.connect(labeller.clicked)
        view.spanStep.connect(labeller.step)
        view.deleteKey.connect(labeller.delete)
        view.escapeKey.connect(labeller.escape)
        view.enterKey.connect(labeller.enter)
        view.spanMenuRequested.connect(labeller.span_menu)
        self.palette_box.labelChosen.connect(lambda name: labeller.label(name))
        self.span_list.spanChosen.connect(self.select_span)
        self.attribute_editor.attributeEdited.connect(labeller.set_attribute)
        self.relation_list.deleteRequested.connect(labeller.delete_relation)
        self.relation_list.relationHovered.connect(self._relation_hovered)
        self.find_bar.matchChosen.connect(self._show_match)
        self.find_bar.closed.connect(self.text_view.setFocus)

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        for key, splitter in (("window/splitter", self.splitter), ("window/side", self.side)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)
        size = int(self.settings.value("view/point_size", DEFAULT_POINT_SIZE))
        self.text_view.set_point_size(size)
        self.text_view.show_tags = self.settings.value("view/tags", "true") in (True, "true")
        self.text_view.show_arrows = self.settings.value("view/arrows", "true") in (True, "true")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/side", self.side.saveState())
        if self.article is not None:
            self.settings.setValue("view/last_article", self.article.id)
        self.settings.sync()
        self._poll.stop()
        self._closed = True  # a closed window no longer reads the database
        super().closeEvent(event)

    # -- language ------------------------------------------------------------------

    def switch_language(self, code: str) -> None:
        self.names.language = code
        self.settings.setValue("ui/language", code)
        self.language.install(code)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        if not hasattr(self, "menus") or self._closed:
            return
        self.menus.retranslate()
        self.palette_box.retranslate()
        self.article_panel.retranslate()
        self.attribute_editor.retranslate()
        self.list_model.layoutChanged.emit()
        self._show_spans()
        self._update_title()

    def _update_undo_texts(self) -> None:
        self.menus.update_undo_texts()

    def _update_title(self) -> None:
        title = self.tr("Arabic news annotator")
        parts = [title, self.annotator]
        if self.article is not None:
            parts.append(self.article.title[:60] or self.article.id)
        self.setWindowTitle(" — ".join(parts))
        if self.article is not None:
            status = self.store.layer(self.article.id, self.annotator).status
            self.status_label.setText(self.tr("Status: %1").replace("%1", status_name(status)))
        if self.review_mode is None or not self.review_mode.active:
            self.mode_label.setText(self.tr("Labelling as %1").replace("%1", self.annotator))
        else:
            self.review_mode.drawing.relation_names = self.names.relations()
            self.review_mode.show_status()

    # -- articles ------------------------------------------------------------------

    def open_article(self, article_id: str) -> bool:
        article = self.store.article(article_id)
        if article is None:
            self.hint(self.tr("No article %1 in this database.").replace("%1", article_id))
            return False
        self.article = article
        self.text_view.set_article(article.text)
        self.find_bar.set_text(article.text)
        self.labeller.open(article.id, article.text, self.annotator)
        self.load_spans()
        self.article_panel.select_article(article.id)
        self.settings.setValue("view/last_article", article.id)
        self._update_title()
        self.articleOpened.emit(article.id)
        return True

    def open_first(self, article_id: str | None = None) -> None:
        """Open ``article_id``, else the last one opened, else the first."""
        for candidate in (
            article_id,
            self.settings.value("view/last_article"),
            self.store.first_article_id(),
        ):
            if candidate and self.open_article(str(candidate)):
                return

    def load_spans(self) -> None:
        if self.article is None:
            return
        spans = self.store.spans(self.article.id, self.annotator)
        self.spans = {s.id: s for s in spans}
        self.relations = self.store.relations(self.article.id, self.annotator)
        self.labeller.spans = self.spans
        self.text_view.set_spans(spans, self.relations)
        self._show_spans()

    def _apply_span_change(self, change: Change) -> bool:
        """Re-read only the spans and relations an action touched and update the views in
        place; False when the change is too large for that to beat load_spans (a batch).
        A label key at 1,000 spans cannot afford reloading and re-laying out them all."""
        if self.article is None or len(change.span_ids) + len(change.relation_ids) > PARTIAL_MAX:
            return False
        layer = (self.article.id, self.annotator)
        fresh = {
            s.id: s
            for s in self.store.spans_by_id(change.span_ids)
            if (s.article_id, s.annotator) == layer
        }
        removed = [i for i in dict.fromkeys(change.span_ids) if i in self.spans and i not in fresh]
        changed = [s for s in fresh.values() if self.spans.get(s.id) != s]
        touched = {*removed, *(s.id for s in changed)}
        # Relations the action named are read again; those whose span went (SQLite deletes
        # them with it, named or not) are dropped.
        named = set(change.relation_ids)
        relations = [
            r
            for r in self.relations
            if r.id not in named and r.head not in removed and r.tail not in removed
        ]
        relations += [
            r for r in self.store.relations_by_id(named) if (r.article_id, r.annotator) == layer
        ]
        relations.sort(key=lambda r: r.id)
        # The relation list shows its ends' text, so a moved end redraws it too.
        relations_changed = relations != self.relations or any(
            r.head in touched or r.tail in touched for r in relations
        )
        if not touched and not relations_changed:
            return True  # a status change, or another annotator's layer
        for span_id in removed:
            del self.spans[span_id]  # in place: the labeller holds the same dict
        self.spans.update((s.id, s) for s in changed)
        self.relations = relations
        self.text_view.update_spans(changed, removed, relations)
        current = self.text_view.current_span
        self.span_list.update_spans(changed, removed, current)
        if relations_changed:
            self.relation_list.set_relations(self.article.text, self.spans, relations)
        self.attribute_editor.refresh(self.spans.get(current))
        return True

    def _show_spans(self) -> None:
        text = self.article.text if self.article else ""
        current = self.text_view.current_span
        self.span_list.set_spans(text, list(self.spans.values()), current)
        self.relation_list.set_relations(text, self.spans, self.relations)
        self.attribute_editor.refresh(self.spans.get(current))
        self.text_view.relation_names = self.names.relations()

    def select_span(self, span_id: int) -> None:
        self.text_view.set_current_span(span_id)
        current = self.text_view.current_span
        self.span_list.show_current(current)
        self.attribute_editor.show_span(self.spans.get(current))

    # -- actions -------------------------------------------------------------------

    def run(self, action: Action, description: str) -> bool:
        """Commit one action (the push runs its first redo) and say when it is saved."""
        command = ActionCommand(
            self.store, action, description, self.apply_change, self.action_failed
        )
        self.undo_stack.push(command)
        return not command.failed

    def apply_change(self, change: Change) -> None:
        if self.article is None or change.article_id != self.article.id:
            if change.article_id:
                self.open_article(change.article_id)
        else:
            if not self._apply_span_change(change):
                self.load_spans()
            self._update_title()
        if change.article_id:
            self.list_model.refresh_article(change.article_id)
        self.saved_label.setText(self.tr("Saved %1").replace("%1", time.strftime("%H:%M:%S")))

    def action_failed(self, error: Exception) -> None:
        if isinstance(error, UndoConflictError):
            # Someone else changed the layer: this step can no longer be undone (or redone)
            # and the stack dropped it. Every other step checks its own layers' versions
            # when undone or redone, so the rest of the history still holds.
            title = self.tr("Not undone") if error.step == "undo" else self.tr("Not redone")
            message = self.tr(
                "Nothing was changed, and this step leaves the undo list: going back would "
                "overwrite a change someone else made since."
            )
        elif isinstance(error, LayerConflictError):
            title = self.tr("Not saved")
            message = self.tr(
                "Nothing was saved. The layer is now shown as it is: look at it again before "
                "deciding."
            )
        else:
            # The database refused: the history may no longer match it, so it goes.
            QTimer.singleShot(0, self.undo_stack.clear)
            title, message = self.tr("Not saved"), self.tr("The database refused this change:")
        ErrorDialog.ask(self, title, message, [str(error)])
        QTimer.singleShot(0, self._update_undo_texts)  # after the stack dropped the step
        self.load_spans()
        self._update_title()
        if self.article is not None:
            self.list_model.refresh_article(self.article.id)
        if self.review_mode is not None:
            self.review_mode.refresh()  # show what the refused step would have overwritten
        self.databaseChanged.emit()

    def mark_done_and_next(self) -> None:
        if self.article is None:
            return
        current = self.article.id
        following = self.article_panel.next_article(current)
        self.run(SetStatus(current, self.annotator, "done"), self.tr("mark done"))
        if following:
            self.open_article(following)

    def show_statistics(self) -> None:
        from annotator.gui.stats_dialog import StatsDialog  # pulls in agreement: load on use

        dialog = StatsDialog(self.store, self, language=self.names.language)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_review(self) -> ReviewPanel:
        if self.review_panel is None:
            from annotator.gui.review_panel import ReviewPanel

            self.review_panel = ReviewPanel(self, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_panel)
        self.review_panel.show()
        self.review_panel.raise_()
        return self.review_panel

    def set_review_mode(self, on: bool) -> None:
        """Ctrl+R: draw the review panel's layers A and B and gold, and review by key."""
        panel = self.show_review()
        # The palette, span list and attribute editor work on one's own layer: review mode
        # gives their room to the text and to the review panel's two columns.
        self.side.setVisible(not on)
        if on:
            self.resizeDocks([panel], [460], Qt.Orientation.Horizontal)
            mode = self.ensure_review_mode()
            panel.attach(mode)
            mode.start(panel.a.currentText(), panel.b.currentText())
            self.text_view.setFocus()
        elif self.review_mode is not None:
            self.review_mode.stop()
        self.menus.review_action.setChecked(on)
        self._update_title()

    def open_review(self, a: str, b: str, step: int = 1) -> None:
        """Review mode on layers a and b, at the article's step-th disagreement."""
        self.show_review().set_pair(a, b)
        self.set_review_mode(True)
        mode = self.ensure_review_mode()
        for _ in range(max(step, 0)):
            mode.step(1)

    def ensure_review_mode(self) -> ReviewMode:
        if self.review_mode is None:
            from annotator.gui.review_mode import ReviewMode

            def snap(start: int, end: int, exact: bool, label: str) -> tuple[int, int] | None:
                return self.labeller.snapper.snap(start, end, exact=exact, label=label)

            self.review_mode = ReviewMode(self, snap, self.mode_label)
        return self.review_mode

    def set_tags_shown(self, shown: bool) -> None:
        self.text_view.show_tags = shown
        self.settings.setValue("view/tags", shown)
        self._shown_options_changed()

    def set_arrows_shown(self, shown: bool) -> None:
        self.text_view.show_arrows = shown
        self.settings.setValue("view/arrows", shown)
        self._shown_options_changed()

    def _shown_options_changed(self) -> None:
        if self.review_mode is not None:
            self.review_mode.shown_options_changed()
        self.text_view.relayout()

    def show_checks(self) -> QDockWidget:
        if self.checks_panel is None:
            from annotator.gui.checks_panel import ChecksPanel

            self.checks_panel = ChecksPanel(self, self)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checks_panel)
        self.checks_panel.show()
        self.checks_panel.raise_()
        return self.checks_panel

    def zoom(self, step: int) -> None:
        size = self.text_view.set_point_size(self.text_view.font().pointSize() + step)
        self.settings.setValue("view/point_size", size)

    def change_annotator(self) -> None:
        name = NameDialog.ask(self)
        if not name:
            return
        self.annotator = name
        self.settings.setValue("analyst/name", name)
        self.undo_stack.clear()
        self.list_model.set_annotator(name)
        if self.article is not None:
            self.open_article(self.article.id)
        self._update_title()

    def hint(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # -- refresh from other processes ----------------------------------------------

    def poll_database(self) -> None:
        """Another process (the CLI, a second window, an import) committed: show it."""
        try:
            version = self.store.data_version()
        except (AnnotatorError, sqlite3.Error):
            return
        if version == self._data_version:
            return
        self._data_version = version
        current = self.article.id if self.article else None
        self.list_model.reload()
        if current is None:
            self.open_first()
            return
        article = self.store.article(current)
        if article is None or article.text_sha256 != self.article.text_sha256:
            self.open_first(current if article else None)
        else:
            self.load_spans()
            self.article_panel.select_article(current)
            self._update_title()
            if self.review_mode is not None:
                self.review_mode.refresh()
        self.databaseChanged.emit()

    # -- small slots ---------------------------------------------------------------

    def _relation_hovered(self, head: int, tail: int) -> None:
        self.text_view.marked = frozenset(i for i in (head, tail) if i)
        self.text_view.viewport().update()

    def _show_match(self, start: int, end: int) -> None:
        self.text_view.select_range(start, end)
        self.text_view.ensureCursorVisible()
