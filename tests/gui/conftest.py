"""Fixtures for the GUI tests: the real main window over a fresh database, scripted dialogs.

``services`` (a fresh SQLite file per test and the built-in forms) comes from ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from ethics_tool.domain.merge import MergeSummary
from ethics_tool.gui.app import create_main_window
from ethics_tool.gui.appearance import install_qt_translator, register_fonts
from ethics_tool.gui.dialogs.blank_form import BlankFormDialog
from ethics_tool.gui.dialogs.merge_summary import MergeSummaryDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.i18n import current_language, set_language
from ethics_tool.services import Services


class ScriptedDialogs:
    """Answers the modal questions the way a test says, and records what was asked."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.save_to: Path | None = None
        self.open_from: Path | None = None
        self.asked: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.summaries: list[MergeSummary] = []
        self.open_answer = False
        self.blank_choice: tuple[int, str] | None = None  # None: the offered form and language
        self.blank_offered: tuple[list[str], int, str] | None = None
        # A feature dialog's answer: fill in its fields as a user would; False cancels it.
        self.on_dialog: Callable[[QDialog], bool] | None = None
        self.shown: list[QDialog] = []

    def confirm(self, title: str, text: str, action: str) -> bool:
        self.asked.append(text)
        return self.confirm_answer

    def error(self, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text))

    def info(self, title: str, text: str) -> None:
        self.asked.append(text)

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        self.asked.append(title)
        return self.save_to

    def open_path(self, title: str, directory: Path, file_filter: str) -> Path | None:
        self.asked.append(title)
        return self.open_from

    def offer_open(self, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.open_answer

    def ask(self, dialog: QDialog) -> bool:
        """A feature dialog: the blank questionnaire's choice is recorded and answered."""
        if isinstance(dialog, BlankFormDialog):
            ids = [str(dialog.form.itemData(row)) for row in range(dialog.form.count())]
            self.blank_offered = (ids, *dialog.choice())
            if self.blank_choice is not None:
                index, lang = self.blank_choice
                dialog.form.setCurrentIndex(index)
                dialog.language.setCurrentIndex(dialog.language.findData(lang))
        if isinstance(dialog, MergeSummaryDialog):
            self.summaries.append(dialog.summary)
        self.asked.append(dialog.windowTitle())
        self.shown.append(dialog)
        if self.on_dialog is not None:
            return self.on_dialog(dialog)
        return True


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp: QApplication) -> None:
    register_fonts()


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


def open_window(
    qtbot: QtBot, services: Services, store: QSettings, dialogs: ScriptedDialogs
) -> MainWindow:
    window = create_main_window(services, store)
    window.dialogs = dialogs  # type: ignore[assignment]
    assert window.files is not None
    window.files.dialogs = dialogs  # type: ignore[assignment]
    # Pages built later (on first use) take the window's dialogs, these scripted ones.
    for page in window.pages.built().values():
        if hasattr(page, "dialogs"):
            page.dialogs = dialogs
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Keyboard shortcuts only work in the active window, as for a user.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, settings_store: QSettings, dialogs: ScriptedDialogs
) -> MainWindow:
    return open_window(qtbot, services, settings_store, dialogs)


@pytest.fixture
def latvian_qt(qapp: QApplication) -> Iterator[None]:
    """Qt's own texts (standard dialogs) and locale in Latvian for one test."""
    before = current_language()
    set_language("lv")
    assert install_qt_translator(qapp, "lv")
    yield
    set_language(before)
    install_qt_translator(qapp, "en")
