"""Storage faults in the GUI: the answer stays on screen as "not saved" and is saved on retry."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.gui import app as app_module
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from ethics_tool.storage import backup as backups
from ethics_tool.storage import db as db_module
from ethics_tool.storage.db import DiskFullError
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import press


def _lock_database(services: Services, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)  # fail fast instead of waiting 10 s
    services.db.engine.pool.dispose()
    assert services.db.path is not None
    holder = sqlite3.connect(services.db.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    return holder


def test_a_busy_database_keeps_the_answer_on_screen_and_saves_it_later(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    aid = services.create_assessment(municipality="Bauskas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    page = window.questionnaire
    holder = _lock_database(services, monkeypatch)
    try:
        press(qtbot, window, Qt.Key.Key_3)
        assert page.card.level_buttons[3].isChecked()  # what the user chose stays on screen
        assert page.unsaved_label.isVisible() and "Vēl nav saglabāts" in page.unsaved_label.text()
        (title, text) = dialogs.errors[-1]
        assert title == "Izmaiņa vēl nav saglabāta" and "izmanto cita programma" in text
        assert page.progress.value() == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert services.load(aid).answers[0].answers == {}
    qtbot.waitUntil(
        lambda: services.load(aid).answers[0].answers.get("T1.Q1") == AnswerValue.level(3),
        timeout=15_000,
    )  # retried automatically
    assert not page.unsaved_label.isVisible()


def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot,
    services: Services,
    settings_store: QSettings,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, services, settings_store, dialogs)
    aid = services.create_assessment(municipality="Bauskas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(aid, "questionnaire")
    holder = _lock_database(services, monkeypatch)
    try:
        press(qtbot, window, Qt.Key.Key_2)
        dialogs.confirm_answer = False
        window.close()
        assert window.isVisible()  # kept open: nothing is dropped silently
        assert "Vēl nav izdevies saglabāt" in dialogs.asked[-1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    window.close()
    assert not window.isVisible()
    assert services.load(aid).answers[0].answers["T1.Q1"] == AnswerValue.level(2)


def test_a_storage_error_is_a_message_box_not_the_bug_dialog(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        app_module, "show_error_dialog", lambda text, parent=None: shown.append("bug")
    )
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    error = DiskFullError("The disk that holds x is full, so the change was not saved.")
    app_module.excepthook(DiskFullError, error, None)
    assert shown == ["The disk that holds x is full, so the change was not saved."]


def test_settings_lists_and_restores_backups(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    aid = services.create_assessment(municipality="Ogres novads", form_id="quick")
    (person,) = services.respondents(aid)
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(1))
    window.show_page("settings")
    section = window.backups_section
    section.dialogs = dialogs  # type: ignore[assignment]
    before = section.table.rowCount()
    section.create_button.click()
    assert section.table.rowCount() == before + 1
    services.record_answer(person.id, "T1.Q1", AnswerValue.level(4))
    section.table.selectRow(0)  # the newest: made by hand, with level 1
    assert section.restore_selected()
    assert services.load(aid).answers[0].answers["T1.Q1"] == AnswerValue.level(1)
    reasons = [info.reason for info in backups.list_backups(services.db.path)]  # type: ignore[arg-type]
    assert reasons[0] == "before-restore"  # the current file was backed up first
    assert window.current_page() == "home"
