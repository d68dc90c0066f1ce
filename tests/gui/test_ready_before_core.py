"""The home list is shown before the services are loaded; what the user does then still works.

The start-up worker opens the database and lists the assessments first (the window is *ready*),
then loads the services (docs/startup.md). A click or a key in between waits for them, with the
wait cursor, and is then carried out: nothing is refused or lost. These tests act at the very
moment the window says it is ready (in the slot of ``MainWindow.ready``, before the event loop
runs again), when the services are certainly not there yet: the worker starts loading them only
once the list has been painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from ethics_tool.domain.loader import load_catalog
from ethics_tool.gui.dialogs.new_assessment import NewAssessmentDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.settings import AppSettings
from ethics_tool.gui.startup import StartupLoader
from ethics_tool.paths import data_root
from ethics_tool.services import Services
from ethics_tool.storage.db import open_database
from tests.gui.conftest import ScriptedDialogs

Start = Callable[[Callable[[MainWindow], None] | None], MainWindow]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A database with one assessment, written before the program starts."""
    path = tmp_path / "a.sqlite3"
    db = open_database(path)
    Services(db, load_catalog([data_root() / "forms"])).create_assessment(
        municipality="Ludzas novads", form_id="quick"
    )
    db.dispose()
    return path


@pytest.fixture
def start(
    qtbot: QtBot, db_file: Path, settings_store: QSettings, dialogs: ScriptedDialogs
) -> Iterator[Start]:
    """Start the window as ``run()`` does; ``at_ready(window)`` runs inside the ready signal."""
    loaders: list[StartupLoader] = []

    def begin(at_ready: Callable[[MainWindow], None] | None) -> MainWindow:
        window = MainWindow(AppSettings(settings_store), db_path=db_file)
        window.dialogs = dialogs  # type: ignore[assignment]
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        loader = StartupLoader(db_file, window)
        loaders.append(loader)
        if at_ready is not None:
            window.ready.connect(lambda: at_ready(window))
        with qtbot.waitSignal(window.core_loaded, timeout=30_000):
            loader.start()
        return window

    yield begin
    for loader in loaders:
        loader.wait()
        QApplication.sendPostedEvents(loader, 0)
        if loader.db is not None:
            loader.db.dispose()


def _button(window: MainWindow, action: str) -> QToolButton:
    button = window.home.findChild(QToolButton, "button_" + action)
    assert button is not None
    return button


def test_new_assessment_clicked_at_ready_opens_the_dialog(qtbot: QtBot, start: Start) -> None:
    seen: dict[str, object] = {}

    def at_ready(window: MainWindow) -> None:
        seen["services then"] = window.services
        seen["rows"] = window.home.model.rowCount()
        qtbot.mouseClick(_button(window, "actionNew"), Qt.MouseButton.LeftButton)
        seen["services after"] = window.services

    window = start(at_ready)
    assert seen["services then"] is None  # the click came before the core
    assert seen["rows"] == 1
    assert seen["services after"] is not None  # it waited for it
    dialogs = [d for d in window.findChildren(NewAssessmentDialog) if d.isVisible()]
    assert len(dialogs) == 1, "the click was lost"
    dialog = dialogs[0]
    offered = [dialog.form.itemData(i) for i in range(dialog.form.count())]
    assert "quick" in offered and "council" in offered
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
    dialog.reject()


def test_open_clicked_at_ready_opens_the_assessment(qtbot: QtBot, start: Start) -> None:
    seen: dict[str, object] = {}

    def at_ready(window: MainWindow) -> None:
        seen["services then"] = window.services
        seen["selected"] = window.home.selected_id()  # the first row is selected at once
        qtbot.mouseClick(_button(window, "actionOpen"), Qt.MouseButton.LeftButton)

    window = start(at_ready)
    assert seen["services then"] is None
    assert seen["selected"] is not None
    assert window.current_page() == "questionnaire"
    assert window.current_id == seen["selected"]
    assert window.questionnaire.card.question is not None


def test_demo_data_clicked_at_ready(qtbot: QtBot, start: Start) -> None:
    seen: dict[str, object] = {}

    def at_ready(window: MainWindow) -> None:
        seen["services then"] = window.services
        qtbot.mouseClick(_button(window, "actionDemo"), Qt.MouseButton.LeftButton)
        seen["rows after"] = window.home.model.rowCount()

    window = start(at_ready)
    assert seen["services then"] is None
    assert seen["rows after"] == 4  # three demo rounds beside the one there was
    assert window.home.model.rowCount() == 4


def test_a_page_shortcut_pressed_at_ready(qtbot: QtBot, start: Start) -> None:
    seen: dict[str, object] = {}

    def at_ready(window: MainWindow) -> None:
        seen["services then"] = window.services
        window.activateWindow()
        qtbot.keyClick(window.home.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
        seen["page after"] = window.current_page()

    window = start(at_ready)
    assert seen["services then"] is None
    assert seen["page after"] == "settings", "Ctrl+5 was lost"
    assert window.current_page() == "settings"


def test_a_click_on_the_loading_page_waits_for_the_list_and_the_core(
    qtbot: QtBot, db_file: Path, settings_store: QSettings
) -> None:
    window = MainWindow(AppSettings(settings_store), db_path=db_file)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    loader = StartupLoader(db_file, window)
    loader.start()
    try:
        assert window.current_page() == "home" and not window.pages.is_built("home")
        about = window.toolbar.widgetForAction(window.page_actions["about"])
        assert about is not None
        qtbot.mouseClick(about, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        # the click waited for both steps, then did what it says
        assert window.services is not None
        assert window.current_page() == "about"
        assert window.home.model.rowCount() == 1
    finally:
        loader.wait()
        QApplication.sendPostedEvents(loader, 0)
        assert loader.db is not None
        loader.db.dispose()
