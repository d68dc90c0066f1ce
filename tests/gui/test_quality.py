"""Accessibility names on every control, errors raised in slots, remembered window state."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ethics_tool import logs
from ethics_tool.domain.answers import Mode, Role
from ethics_tool.gui import app as gui_app
from ethics_tool.gui.main_window import PAGES, MainWindow
from ethics_tool.services import NewRespondent, Services
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import open_new_dialog

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView)


def _unnamed(root: QWidget) -> list[str]:
    """Visible controls under ``root`` that a screen reader could not name."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QHeaderView) or isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # named by their table, combo box or date field
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName().strip() or text.strip() or id(widget) in buddies:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = services.create_assessment(
        municipality="Tukuma novads",
        form_id="quick",
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.STAFF)],
    )
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    missing: dict[str, list[str]] = {}
    for name in PAGES:
        window.show_page(name)
        assert window.current_page() == name
        found = _unnamed(window.pages[name])
        if found:
            missing[name] = found
    missing_frame = _unnamed(window.toolbar)
    if missing_frame:
        missing["toolbar"] = missing_frame

    window.show_page("questionnaire")
    dialog = window.questionnaire.manage_respondents()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    if found := _unnamed(dialog):
        missing["respondents dialog"] = found
    dialog.reject()
    window.show_page("home")
    new = open_new_dialog(qtbot, window)
    if found := _unnamed(new):
        missing["new assessment dialog"] = found
    new.reject()
    assert not missing, missing


@pytest.mark.qt_no_exception_capture  # as in the real program: our excepthook sees it
def test_an_error_inside_a_slot_is_shown_and_logged(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "show_error_dialog", lambda text, parent=None: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", gui_app.excepthook)
    log_file = logs.setup(tmp_path).log

    def broken_slot() -> None:
        raise RuntimeError("Kļūda slotā: ūdens")

    window.home.search.textChanged.connect(broken_slot)
    with caplog.at_level(logging.ERROR):
        QTimer.singleShot(0, lambda: window.home.search.setText("x"))
        qtbot.waitUntil(lambda: bool(shown))
    assert "Kļūda slotā: ūdens" in shown[0] and "Traceback" in shown[0]
    assert "Kļūda slotā: ūdens" in caplog.text
    if log_file is not None:  # the rotating file in the user's log folder
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "Kļūda slotā: ūdens" in log_file.read_text(encoding="utf-8")


def test_the_window_remembers_its_size_and_page(
    qtbot: QtBot,
    services: Services,
    settings_store: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    first = open_window(qtbot, services, settings_store, dialogs)
    first.resize(760, 560)
    first.show_page("settings")
    size = (first.width(), first.height())
    first.close()
    second = open_window(qtbot, services, settings_store, dialogs)
    assert second.current_page() == "settings"
    assert (second.width(), second.height()) == size
    QApplication.processEvents()


def test_language_switch_translates_qt_own_dialogs(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    window.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert window.page_actions["home"].text() == "Home"
    window.set_language("lv")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Atcelt"
    assert window.page_actions["home"].text() == "Sākums"
