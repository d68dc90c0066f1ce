"""Start-up through ``run()``: the database errors a user can meet, the lock, the error dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ethics_tool.gui import app as gui_app
from ethics_tool.gui.main_window import MainWindow


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *args: object) -> int:
        shown.append(text)
        return 0

    monkeypatch.setattr(QMessageBox, "critical", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    return shown


def test_a_folder_instead_of_a_database_is_a_clear_message(
    qapp: QApplication, tmp_path: Path, messages: list[str]
) -> None:
    folder = tmp_path / "not-a-file"
    folder.mkdir()
    assert gui_app.run(folder) == 1
    assert messages and "Novērtējumus neizdevās atvērt." in messages[0]
    assert "folder" in messages[0]
    assert "Traceback" not in messages[0]


def test_a_second_window_on_the_same_database_is_refused(
    qapp: QApplication, tmp_path: Path, messages: list[str]
) -> None:
    db = tmp_path / "a.sqlite3"
    other = QLockFile(str(db) + ".lock")
    assert other.tryLock(100)
    try:
        assert gui_app.run(db) == 1
    finally:
        other.unlock()
    assert "jau ir atvērti citā šīs programmas logā" in messages[0]


def test_run_shows_the_main_window_and_exits_cleanly(
    qapp: QApplication, tmp_path: Path, messages: list[str]
) -> None:
    seen: list[MainWindow] = []
    loading: list[str] = []
    timer = QTimer()

    def close_when_ready() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for window in windows:
            if not window.isVisible():  # one left over from an earlier test
                continue
            if window.services is None:  # still loading off the GUI thread
                loading.append(window.loading.label.text())
                return
            seen.append(window)
            window.close()

    timer.timeout.connect(close_when_ready)
    timer.start(20)
    assert gui_app.run(tmp_path / "fresh.sqlite3", lang="en") == 0
    timer.stop()
    assert loading and loading[0] == "Loading…"
    assert seen and seen[0].windowTitle() == "Ethics self-assessment"
    assert seen[0].home.count_label.text() == "0 assessments"
    assert (tmp_path / "fresh.sqlite3").is_file()
    assert not (tmp_path / "fresh.sqlite3.lock").exists()
    assert messages == []


def test_unhandled_errors_are_logged_and_shown(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(gui_app, "show_error_dialog", lambda text, parent=None: shown.append(text))
    try:
        raise ValueError("Ļoti negaidīti")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            gui_app.excepthook(ValueError, exc, exc.__traceback__)
    assert "Ļoti negaidīti" in shown[0] and "Traceback" in shown[0]
    assert "Ļoti negaidīti" in caplog.text
