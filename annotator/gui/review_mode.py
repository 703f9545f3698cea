"""Review mode: the text shows layers A and B and gold at once, and keys adjudicate.

N / Shift+N step through the article's disagreements (then to the next article that has
undecided ones); A or B says that side is right, X neither; G takes the clicked span into
gold as it is; E edits gold's bounds at the current place (Shift+arrows, then Enter);
Shift+A accepts everything both agree on; a label key relabels gold at the current place
or labels a selection in gold. Every change is one core action on the window's undo
stack (Ctrl+Z), planned by annotator.core.review from the database; this module only
maps keys, draws and says where the reviewer is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

from annotator.core.actions import Action, AddSpan
from annotator.core.errors import AnnotatorError
from annotator.core.models import GOLD
from annotator.core.review.adjudication import (
    Side,
    accept_as_is,
    decide,
    edit_gold_bounds,
    on_gold_as_seen,
    relabel_gold,
    relation_refusal,
    take_attribute,
)
from annotator.core.review.disagreements import ArticleReview, Item, ItemKey, article_review
from annotator.core.review.gold import accept_agreed
from annotator.core.review.review_set import ArticleProgress, next_article, position, set_progress
from annotator.gui.keys import latin_key
from annotator.gui.review_layers import ReviewDrawing
from annotator.gui.text_view import FONT_FAMILY
from annotator.gui.workers import StoreJob

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench

Snap = Callable[[int, int, bool, str], "tuple[int, int] | None"]

# What the Arabic (101) layout types for the keys review mode uses beyond keys.latin_key:
# B gives the ligature «لا» (two characters), Shift+N «آ», Shift+A a kasra.
_ARABIC_B = "لا"
_ARABIC_SHIFT = {"آ": "N", "\u0650": "A"}


def review_key(event: QKeyEvent) -> tuple[str, bool] | None:
    """(Latin letter, shift held) for a keypress, whatever the keyboard layout."""
    text = event.text()
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    if text in _ARABIC_SHIFT:
        return _ARABIC_SHIFT[text], True
    if text == _ARABIC_B:
        return "B", shift
    latin = latin_key(text)
    if latin is None:
        return None
    return latin, shift


class ReviewMode(QObject):
    """Signals: changed() when the review was read again, moved() when only the current
    item changed (the panel follows both; a move must stay cheap: it is the N key)."""

    changed = Signal()
    moved = Signal()

    def __init__(self, window: Workbench, snap: Snap, status: QLabel) -> None:
        super().__init__(window.text_view)
        self.window = window
        self.view = window.text_view
        self.snap = snap
        self.status = status
        self.active = False
        self.a = self.b = ""
        self.review: ArticleReview | None = None
        self.current: ItemKey | None = None
        self.editing = False  # E: the selection is gold's new bounds until Enter or Esc
        self.set_counts: dict[str, int] | None = None  # article -> undecided, whole set
        self.order: list[str] = []
        self._job: StoreJob | None = None
        self._stack_index = window.undo_stack.index()
        self.drawing = ReviewDrawing(self.view.colors, self.view.tags, FONT_FAMILY)
        window.undo_stack.indexChanged.connect(self._stack_moved)
        window.articleOpened.connect(self._article_opened)
        self.view.spanClicked.connect(self.clicked)

    # -- switching ---------------------------------------------------------------------

    def start(self, a: str, b: str) -> None:
        self.a, self.b = a, b
        if not self.active:
            self.active = True
            self.view.installEventFilter(self)
        self.drawing.relation_names = self.window.names.relations()
        self.drawing.show_tags = self.view.show_tags and self.view.tags is not None
        self.drawing.show_arrows = self.view.show_arrows
        self.view.review = self.drawing
        self.current = None
        self.refresh()
        self.count_set()

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self.editing = False
        self.view.removeEventFilter(self)
        self.view.review = None
        self.review = None
        self.view.relayout()
        self.changed.emit()

    def set_layers(self, a: str, b: str) -> None:
        if self.active and (a, b) != (self.a, self.b):
            self.start(a, b)

    def shown_options_changed(self) -> None:
        """Tags or arrows were switched in the View menu."""
        self.drawing.set_tags(self.view.show_tags)
        self.drawing.show_arrows = self.view.show_arrows
        if self.active:
            self.view.relayout()

    # -- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read A, B and gold again (after a decision, an undo, another process)."""
        article = self.window.article
        if not self.active or article is None or self.window.closed:
            return
        if not self.a or not self.b or self.a == self.b:
            self.review = None
            self.status.setText(
                QCoreApplication.translate("ReviewMode", "Review: choose two different layers.")
            )
            self.changed.emit()
            return
        self.review = article_review(self.window.store, article.id, self.a, self.b)
        if self.current is not None and self.review.index(self.current) is None:
            self.current = None
        self.drawing.set_review(self.review, self.view.document(), self.view.offsets)
        self.drawing.set_current(self.review, self.current_item())
        self.view.relayout()
        self.show_status()
        self.changed.emit()

    def current_item(self) -> Item | None:
        if self.review is None or self.current is None:
            return None
        return self.review.item(self.current)

    def count_set(self) -> None:
        """Count undecided items over the whole set in the background."""
        if self._job is not None:
            self._job.cancel()
        a, b = self.a, self.b
        job = StoreJob(self.window.store.path, lambda store, p: set_progress(store, a, b, p))
        job.signals.finished.connect(self._counted)
        self._job = job
        self.set_counts = None
        QThreadPool.globalInstance().start(job)

    def _counted(self, found: list[ArticleProgress]) -> None:
        if self.sender() is not (self._job.signals if self._job else None):
            return  # a cancelled count
        self._job = None
        self.order = [p.article_id for p in found]
        self.set_counts = {p.article_id: p.undecided for p in found}
        self.show_status()
        self.changed.emit()

    # -- where the reviewer is ---------------------------------------------------------

    def go(self, key: ItemKey | None) -> None:
        """Make an item current: framed in the text, scrolled into view, in the list."""
        self.current = key
        item = self.current_item()
        self.drawing.set_current(self.review, item)
        if self.review is not None and item is not None:
            self.drawing.selected = 0
            start, end = self.review.extent(item)
            self.view.reveal_range(start, end)
        self.view.viewport().update()
        self.show_status()
        self.moved.emit()

    def step(self, direction: int) -> None:
        """N / Shift+N: the next (previous) disagreement, then another article's."""
        if self.review is None:
            return
        following = self.review.step(self.current, direction)
        if following is not None:
            self.go(following.key)
            return
        self._other_article(direction)

    def _other_article(self, direction: int) -> None:
        article = self.window.article
        if article is None or self.review is None:
            return
        counts = dict(self.set_counts or {})
        counts[article.id] = self.review.undecided
        order = self.order or [article.id]
        target = next_article(order, counts, article.id, direction)
        if target is None:
            self.window.hint(
                QCoreApplication.translate("ReviewMode", "No other article has disagreements left.")
                if self.set_counts is not None
                else QCoreApplication.translate(
                    "ReviewMode", "Still counting the set's disagreements; press N again."
                )
            )
            return
        self.window.open_article(target)  # _article_opened reads its review
        if self.review is not None:
            landing = (
                self.review.next_undecided(None)
                if direction > 0
                else self.review.next_undecided(None, -1)
            )
            self.go(landing.key if landing else None)

    def show_status(self) -> None:
        if not self.active or self.review is None:
            return
        where = position(self.review, self.current, self.set_counts)
        if where.left_in_set is not None:
            left = QCoreApplication.translate("ReviewMode", "%1 left in the set").replace(
                "%1", str(where.left_in_set)
            )
        else:
            left = QCoreApplication.translate("ReviewMode", "counting the set…")
        if where.number:
            here = (
                QCoreApplication.translate("ReviewMode", "disagreement %1 of %2 in this article")
                .replace("%1", str(where.number))
                .replace("%2", str(where.of))
            )
        else:
            here = QCoreApplication.translate(
                "ReviewMode", "disagreements in this article: %1"
            ).replace("%1", str(where.of))
        undecided = QCoreApplication.translate("ReviewMode", "undecided here: %1").replace(
            "%1", str(where.undecided_here)
        )
        mode = (
            QCoreApplication.translate(
                "ReviewMode", "Review: A %1 above the line, B %2 below, gold tinted"
            )
            .replace("%1", self.a)
            .replace("%2", self.b)
        )
        if self.editing:
            mode = QCoreApplication.translate(
                "ReviewMode",
                "Editing gold's bounds: Shift+arrows move the selection, Enter keeps it "
                "(Alt+Enter exactly), Esc cancels",
            )
        self.status.setText(f"{mode} — {here}, {undecided}; {left}")

    # -- keys --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        return self.key(event)

    def key(self, event: QKeyEvent) -> bool:
        """Handle a keypress in review mode; False lets the text view have it."""
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
            return False  # Ctrl+Z and the menus' shortcuts
        qt_key = event.key()
        if self.editing:
            if qt_key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_edit(exact=bool(mods & Qt.KeyboardModifier.AltModifier))
                return True
            if qt_key == Qt.Key.Key_Escape:
                self.cancel_edit()
                return True
            return not mods & Qt.KeyboardModifier.ShiftModifier and review_key(event) is not None
        if qt_key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.step(-1 if qt_key == Qt.Key.Key_Backtab else 1)
            return True
        if qt_key == Qt.Key.Key_Escape:
            self.drawing.selected = 0
            self.view.viewport().update()
            return False
        found = review_key(event)
        if found is None:
            return False
        letter, shift = found
        exact = bool(mods & Qt.KeyboardModifier.AltModifier)
        if letter == "N":
            self.step(-1 if shift else 1)
        elif letter == "A" and shift:
            self.accept_agreed()
        elif letter in ("A", "B"):
            self.decide("a" if letter == "A" else "b")
        elif letter == "X":
            self.decide(None)
        elif letter == "G":
            self.accept_selected()
        elif letter == "E":
            self.start_edit(exact)
        else:
            label = self.window.store.schema.label_for_key(letter)
            if label is None:
                return True  # no other letter means anything here
            self.label(label.name, exact)
        return True

    # -- decisions ---------------------------------------------------------------------

    def decide(self, side: Side | None) -> bool:
        item = self.current_item()
        if self.review is None or item is None:
            self._hint_no_item()
            return False
        refused = relation_refusal(self.window.store, self.review, item, side)
        if refused:
            self.window.hint(refused)
            return False
        description = {
            "a": QCoreApplication.translate("ReviewMode", "take A's version"),
            "b": QCoreApplication.translate("ReviewMode", "take B's version"),
            None: QCoreApplication.translate("ReviewMode", "reject both"),
        }[side]
        return self._run(decide(self.review, item.key, side), description, advance=True)

    def take_attribute(self, attribute: str, side: Side) -> bool:
        item = self.current_item()
        if self.review is None or item is None:
            return False
        return self._run(
            take_attribute(self.review, item.key, attribute, side),
            QCoreApplication.translate("ReviewMode", "take an attribute"),
            advance=False,
        )

    def accept_selected(self) -> bool:
        if self.review is None or not self.drawing.selected:
            self.window.hint(
                QCoreApplication.translate(
                    "ReviewMode", "Click a span of A or B first, then press G."
                )
            )
            return False
        try:
            action = accept_as_is(self.window.store, self.review, self.drawing.selected)
        except AnnotatorError as exc:
            self.window.hint(str(exc))
            return False
        return self._run(action, QCoreApplication.translate("ReviewMode", "accept into gold"))

    def accept_agreed(self) -> bool:
        article = self.window.article
        if article is None or self.review is None:
            return False
        action = accept_agreed(
            self.window.store, article.id, self.a, self.b, self.review.gold_version
        )
        if not action.span_ids:
            self.window.hint(QCoreApplication.translate("ReviewMode", "Nothing both agree on."))
            return False
        return self._run(
            action, QCoreApplication.translate("ReviewMode", "accept agreed spans"), advance=False
        )

    def label(self, name: str, exact: bool) -> bool:
        """A label key: label the selection in gold, or relabel gold at the current place."""
        article = self.window.article
        if article is None or self.review is None:
            return False
        selection = self.view.selected_range()
        if selection is not None:
            bounds = self.snap(*selection, exact, name)
            if bounds is None:
                return False
            action: Action | None = on_gold_as_seen(
                self.review, AddSpan(article.id, GOLD, bounds[0], bounds[1], name)
            )
        else:
            item = self.current_item()
            action = relabel_gold(self.review, item.key, name) if item else None
            if action is None:
                self.window.hint(
                    QCoreApplication.translate(
                        "ReviewMode",
                        "Gold holds nothing here yet: press A or B first, or select words.",
                    )
                )
                return False
        return self._run(action, QCoreApplication.translate("ReviewMode", "label in gold"))

    def _run(self, action: Action | None, description: str, *, advance: bool = False) -> bool:
        if action is None:
            self.window.hint(QCoreApplication.translate("ReviewMode", "Gold already holds this."))
            return False
        decided = self.current
        ok = self.window.run(action, description)  # the stack moves: refresh() follows
        if ok and advance and self.review is not None:
            following = self.review.next_undecided(decided)
            self.go(following.key if following else decided)
        return ok

    # -- editing gold's bounds ---------------------------------------------------------

    def start_edit(self, exact: bool) -> None:
        item = self.current_item()
        if self.review is None or item is None or item.is_relation:
            self._hint_no_item()
            return
        if self.view.selected_range() is not None:
            self.editing = True
            self.finish_edit(exact)
            return
        pair = self.review.span_pair(item)
        span = self.review.gold_of_pair[item.pair] or pair.a or pair.b
        assert span is not None
        self.editing = True
        self.view.select_range(span.start, span.end)
        self.show_status()

    def finish_edit(self, exact: bool = False) -> bool:
        item = self.current_item()
        selection = self.view.selected_range()
        self.editing = False
        if self.review is None or item is None or selection is None:
            self.show_status()
            return False
        pair = self.review.span_pair(item)
        side: Side = "a" if pair.a is not None else "b"
        label = (self.review.gold_of_pair[item.pair] or pair.a or pair.b).label  # type: ignore[union-attr]
        bounds = self.snap(*selection, exact or self.view.exact_selection, label)
        self._clear_selection()
        if bounds is None:
            self.show_status()
            return False
        return self._run(
            edit_gold_bounds(self.review, item.key, *bounds, side=side),
            QCoreApplication.translate("ReviewMode", "edit gold bounds"),
        )

    def cancel_edit(self) -> None:
        self.editing = False
        self._clear_selection()
        self.show_status()

    def _clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    # -- clicks, articles and the undo stack -------------------------------------------

    def clicked(self, span_id: int) -> None:
        if not self.active or self.review is None:
            return
        item = self.review.item_of_span(span_id) if span_id else None
        if item is not None:
            self.go(item.key)
        self.drawing.selected = span_id if span_id in self.drawing.spans else 0
        self.view.viewport().update()

    def _article_opened(self, _article_id: str) -> None:
        if self.active:
            self.current = None
            self.editing = False
            self.refresh()

    def _stack_moved(self, index: int) -> None:
        """After a decision, an undo or a redo: read gold again; an undo goes back to the
        place it changed."""
        undone = index < self._stack_index
        self._stack_index = index
        if not self.active or self.window.closed:
            return  # a window being closed clears its stack as it goes
        self.refresh()
        if undone:
            command = self.window.undo_stack.command(index)
            key = getattr(getattr(command, "action", None), "key", None)
            if key is not None and self.review is not None and self.review.index(key) is not None:
                self.go(key)

    def _hint_no_item(self) -> None:
        self.window.hint(
            QCoreApplication.translate("ReviewMode", "Press N to go to a disagreement first.")
        )
