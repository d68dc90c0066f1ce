"""The main window's actions, menus and page toolbar, with their texts and keyboard shortcuts.

Built before the pages exist and before the first paint, so nothing here touches the ``Qt``
namespace until :meth:`WindowActions.install_shortcuts`. The window connects the actions to its
slots; this module only makes and names them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QActionGroup, QIcon, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QToolBar

from ethics_tool.i18n import t
from ethics_tool.paths import resource

PAGES = ("home", "questionnaire", "results", "compare", "settings", "about")


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


class WindowActions:
    """Page switching, export, blank questionnaire, full screen, presentation mode and quit."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.shortcuts_installed = False
        self.page_group = QActionGroup(window)
        self.page_group.setExclusive(True)
        self.pages: dict[str, QAction] = {}
        for name in PAGES:
            action = QAction(icon(name), "", window)
            action.setObjectName(f"actionPage_{name}")
            action.setCheckable(True)
            self.page_group.addAction(action)
            self.pages[name] = action

        self.export_pdf = self._action("actionExportPdf")
        self.export_json = self._action("actionExportJson")
        self.blank_pdf = self._action("actionBlankPdf")
        self.quit = self._action("actionQuit")
        self.full_screen = self._action("actionFullScreen", checkable=True)
        self.presentation = self._action("actionPresentation", checkable=True)
        # Undo and redo act on the undo stack of the page in front (the window sets it).
        self.undo_group = QUndoGroup(window)
        self.undo = self._action("actionUndo")
        self.redo = self._action("actionRedo")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.undo.triggered.connect(self.undo_group.undo)
        self.redo.triggered.connect(self.undo_group.redo)
        self.undo_group.canUndoChanged.connect(self.undo.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _text: self._undo_texts())
        self.undo_group.redoTextChanged.connect(lambda _text: self._undo_texts())

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("editMenu")
        self.edit_menu.addAction(self.undo)
        self.edit_menu.addAction(self.redo)
        self.view_menu = bar.addMenu("")
        self.help_menu = bar.addMenu("")
        self.view_menu.addActions([self.pages[n] for n in PAGES if n != "about"])
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.presentation)
        self.view_menu.addAction(self.full_screen)
        self.help_menu.addAction(self.pages["about"])
        self.shortcuts = self._action("actionShortcuts")
        self.help_menu.addAction(self.shortcuts)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("pageToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setProperty(
            "toolButtonStyle", 2
        )  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        for name in PAGES:
            self.toolbar.addAction(self.pages[name])
        self.pages["home"].setChecked(True)
        window.addToolBar(self.toolbar)  # the top area

    def _action(self, name: str, checkable: bool = False) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.setCheckable(checkable)
        self.window.addAction(action)  # its shortcut works wherever the focus is
        return action

    def install_shortcuts(self) -> bool:
        """Keyboard shortcuts, after the first paint: QKeySequence builds the whole Qt namespace.

        True when they were installed now (the texts then need a :meth:`retranslate`).
        """
        from PySide6.QtGui import QKeySequence

        if self.shortcuts_installed:
            return False
        self.shortcuts_installed = True
        for number, name in enumerate(PAGES, start=1):
            self.pages[name].setShortcut(QKeySequence(f"Ctrl+{number}"))
        self.pages["about"].setShortcut(QKeySequence.StandardKey.HelpContents)
        self.export_pdf.setShortcut(QKeySequence("Ctrl+P"))
        # Ctrl+Q everywhere (some platforms bind no key to the standard Quit at all).
        quit_keys = [QKeySequence("Ctrl+Q")]
        quit_keys += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if k not in quit_keys
        ]
        self.quit.setShortcuts(quit_keys)
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = [QKeySequence("Ctrl+Shift+Z")]
        redo += [
            k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo
        ]
        self.redo.setShortcuts(redo)
        self.full_screen.setShortcut(QKeySequence("F11"))
        self.presentation.setShortcut(QKeySequence("F5"))
        self.shortcuts.setShortcut(QKeySequence("Ctrl+F1"))
        return True

    def retranslate(self) -> None:
        names = {
            "home": (t("Home"), t("The list of assessments")),
            "questionnaire": (t("Questions"), t("Answer the questions of the open assessment")),
            "results": (t("Results"), t("Results, priorities and action plan")),
            "compare": (t("Compare"), t("Compare two rounds of the same unit")),
            "settings": (t("Settings"), t("Language, presentation mode, data location")),
            "about": (t("Help"), t("How to use the program, licences, version")),
        }
        for name, (text, tip) in names.items():
            action = self.pages[name]
            action.setText(text)
            keys = action.shortcut().toString() if self.shortcuts_installed else ""
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        self.file_menu.setTitle(t("&File"))
        self.edit_menu.setTitle(t("&Edit"))
        self._undo_texts()
        self.view_menu.setTitle(t("&View"))
        self.help_menu.setTitle(t("&Help"))
        self.shortcuts.setText(t("&Keyboard shortcuts…"))
        self.export_pdf.setText(t("Export &PDF…"))
        self.export_json.setText(t("Export &JSON…"))
        self.blank_pdf.setText(t("&Blank questionnaire (PDF)…"))
        self.blank_pdf.setStatusTip(t("A printable questionnaire for answering on paper"))
        self.quit.setText(t("&Quit"))
        self.full_screen.setText(t("&Full screen"))
        self.presentation.setText(t("&Presentation mode"))
        self.presentation.setToolTip(t("Large text and full screen for a seminar (F5)"))
        self.toolbar.setWindowTitle(t("Pages"))

    def _undo_texts(self) -> None:
        """The Edit menu names the step it would undo or redo ("Undo answer to question 1.2")."""
        undo, redo = self.undo_group.undoText(), self.undo_group.redoText()
        self.undo.setText(t("&Undo {what}", what=undo) if undo else t("&Undo"))
        self.redo.setText(t("&Redo {what}", what=redo) if redo else t("&Redo"))

    def rebuild_file_menu(self, opening: Sequence[QAction], demo: Sequence[QAction]) -> None:
        """The File menu: ``opening`` (new, import…) and ``demo`` come from the home page."""
        menu = self.file_menu
        menu.clear()
        menu.addActions(list(opening))
        menu.addAction(self.export_pdf)
        menu.addAction(self.export_json)
        if opening:
            menu.addAction(self.blank_pdf)
            menu.addSeparator()
            menu.addActions(list(demo))
        menu.addSeparator()
        menu.addAction(self.quit)
