"""Small helpers that find what a user would see or click, by object name."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ethics_tool.gui.dialogs.new_assessment import NewAssessmentDialog
from ethics_tool.gui.main_window import MainWindow


def button(parent: QWidget, name: str) -> QAbstractButton:
    found = parent.findChild(QAbstractButton, name)
    assert found is not None, f"no button {name!r}"
    return found


def label(parent: QWidget, name: str) -> QLabel:
    found = parent.findChild(QLabel, name)
    assert found is not None, f"no label {name!r}"
    return found


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    widget = button(parent, name)
    assert widget.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events, Latvian letters included (QTest.keyClicks is ASCII only)."""
    for char in text:
        key = ord(char.upper()) if char.isascii() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def open_new_dialog(qtbot: QtBot, window: MainWindow) -> NewAssessmentDialog:
    click(qtbot, window.home, "button_actionNew")
    dialog = window.findChild(NewAssessmentDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def create_through_dialog(
    qtbot: QtBot, window: MainWindow, municipality: str, form_id: str = "quick"
) -> int:
    """Fill in the set-up dialog as a user would and press Create; returns the new ID."""
    dialog = open_new_dialog(qtbot, window)
    dialog.form.setCurrentIndex(dialog.form.findData(form_id))
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, municipality)
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_page() == "questionnaire")
    assert window.current_id is not None
    return window.current_id


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key press on the questionnaire page (where its shortcuts live)."""
    qtbot.keyClick(window.questionnaire.card, key)
