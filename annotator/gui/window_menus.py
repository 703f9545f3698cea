"""The window's menu bar: File, Edit and View, their keys, and their texts in each language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMenuBar

    from annotator.gui.file_menu import FileMenu
    from annotator.gui.find_bar import FindBar
    from annotator.gui.labelling import Labeller
    from annotator.gui.names import SchemaNames
    from annotator.gui.text_view import ArticleTextView


class MenuHandlers(Protocol):
    """What the menus' actions call: the window's handlers (a Protocol, so that this
    module does not import the window that builds it)."""

    file_menu: FileMenu
    undo_stack: QUndoStack
    find_bar: FindBar
    labeller: Labeller
    names: SchemaNames
    text_view: ArticleTextView
    mark_done_and_next: Callable[[], None]
    zoom: Callable[[int], None]
    switch_language: Callable[[str], None]
    show_statistics: Callable[[], None]
    show_review: Callable[[], object]
    set_review_mode: Callable[[bool], None]
    set_tags_shown: Callable[[bool], None]
    set_arrows_shown: Callable[[bool], None]
    show_checks: Callable[[], object]
    change_annotator: Callable[[], None]

    def menuBar(self) -> QMenuBar: ...


class WindowMenus(QObject):
    """The menus and their actions; a handler lives in the window (or the labeller), an
    action only names it and its key. Texts keep the window's translation context."""

    def __init__(self, window: MenuHandlers, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        bar = window.menuBar()
        self.menu_file = bar.addMenu("")
        window.file_menu.populate(self.menu_file)
        self.menu_edit = bar.addMenu("")
        self.undo_action = self.menu_edit.addAction("", window.undo_stack.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.menu_edit.addAction("", window.undo_stack.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.menu_edit.addSeparator()
        self.find_action = self.menu_edit.addAction("", window.find_bar.open_bar)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.done_action = self.menu_edit.addAction("", window.mark_done_and_next)
        self.done_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.relation_action = self.menu_edit.addAction("", window.labeller.start_relation)
        self.delete_action = self.menu_edit.addAction("", window.labeller.delete)
        self.menu_view = bar.addMenu("")
        self.bigger_action = self.menu_view.addAction("", lambda: window.zoom(1))
        self.bigger_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.smaller_action = self.menu_view.addAction("", lambda: window.zoom(-1))
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.menu_language = self.menu_view.addMenu("")
        self.arabic_action = self.menu_language.addAction(
            "العربية", lambda: window.switch_language("ar")
        )
        self.english_action = self.menu_language.addAction(
            "English", lambda: window.switch_language("en")
        )
        for action in (self.arabic_action, self.english_action):
            action.setCheckable(True)
        self.menu_view.addSeparator()
        self.tags_action = self.menu_view.addAction("")
        self.arrows_action = self.menu_view.addAction("")
        for action, handler in (
            (self.tags_action, window.set_tags_shown),
            (self.arrows_action, window.set_arrows_shown),
        ):
            action.setCheckable(True)
            action.toggled.connect(handler)
        self.menu_view.addSeparator()
        self.stats_action = self.menu_view.addAction("", window.show_statistics)
        self.review_action = self.menu_view.addAction("")
        self.review_action.setCheckable(True)
        self.review_action.setShortcut(QKeySequence("Ctrl+R"))
        self.review_action.triggered.connect(window.set_review_mode)
        self.checks_action = self.menu_view.addAction("", window.show_checks)
        self.name_action = self.menu_view.addAction("", window.change_annotator)

    def retranslate(self) -> None:
        self.menu_file.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.window.file_menu.retranslate()
        self.menu_edit.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.update_undo_texts()
        self.find_action.setText(QCoreApplication.translate("MainWindow", "Find in article…"))
        self.done_action.setText(
            QCoreApplication.translate("MainWindow", "Mark done and open next")
        )
        self.relation_action.setText(
            QCoreApplication.translate("MainWindow", "Link selected span to… (E)")
        )
        self.delete_action.setText(
            QCoreApplication.translate("MainWindow", "Delete selected span (Del)")
        )
        self.menu_view.setTitle(QCoreApplication.translate("MainWindow", "&View"))
        self.bigger_action.setText(QCoreApplication.translate("MainWindow", "Larger text"))
        self.smaller_action.setText(QCoreApplication.translate("MainWindow", "Smaller text"))
        self.menu_language.setTitle(QCoreApplication.translate("MainWindow", "Language / اللغة"))
        self.name_action.setText(QCoreApplication.translate("MainWindow", "Change analyst name…"))
        self.stats_action.setText(QCoreApplication.translate("MainWindow", "Statistics…"))
        self.review_action.setText(
            QCoreApplication.translate("MainWindow", "Review mode: A, B and gold on the text")
        )
        self.tags_action.setText(QCoreApplication.translate("MainWindow", "Label tags on the text"))
        self.arrows_action.setText(QCoreApplication.translate("MainWindow", "All relation arrows"))
        self.checks_action.setText(QCoreApplication.translate("MainWindow", "Quality checks…"))
        view = self.window.text_view
        for action, shown in (
            (self.tags_action, view.show_tags),
            (self.arrows_action, view.show_arrows),
        ):
            action.blockSignals(True)  # showing the state, not changing it
            action.setChecked(shown)
            action.blockSignals(False)
        self.arabic_action.setChecked(self.window.names.language == "ar")
        self.english_action.setChecked(self.window.names.language == "en")

    def update_undo_texts(self) -> None:
        stack = self.window.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo, redo = (
            QCoreApplication.translate("MainWindow", "Undo"),
            QCoreApplication.translate("MainWindow", "Redo"),
        )
        self.undo_action.setText(f"{undo}: {stack.undoText()}" if stack.canUndo() else undo)
        self.redo_action.setText(f"{redo}: {stack.redoText()}" if stack.canRedo() else redo)
