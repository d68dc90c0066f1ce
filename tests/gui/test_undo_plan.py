"""Ctrl+Z / Ctrl+Shift+Z over the action plan: adding, editing and removing actions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from ethics_tool.domain.assessment import ActionData
from ethics_tool.gui.item_models import ActionColumn
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, type_text


def _key(qtbot: QtBot, window: MainWindow, redo: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if redo:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.results.action_table, Qt.Key.Key_Z, modifiers)


def _plan(services: Services, assessment_id: int) -> list[tuple[str, str, date | None]]:
    return [(a.text, a.responsible, a.deadline) for a in services.actions(assessment_id)]


def test_undo_and_redo_action_plan_edits(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id = services.create_assessment(municipality="Dobeles novads", form_id="quick")
    for text in ("Apmācība", "Kodekss", "Deklarācijas"):
        services.save_action(assessment_id, ActionData(id=None, question_id=None, text=text))
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    page = window.results
    page.tabs.setCurrentWidget(page.plan)
    table, model = page.action_table, page.action_model
    undo = window.findChild(QAction, "actionUndo")
    assert undo is not None and not undo.isEnabled()

    # Edit a cell: who is responsible for the second action.
    table.setFocus()
    table.setCurrentIndex(model.index(1, ActionColumn.RESPONSIBLE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    type_text(editor, "Juriste")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)
    assert _plan(services, assessment_id)[1][1] == "Juriste"
    assert undo.text() == "&Atsaukt: 2. pasākuma maiņa"

    # Remove the first action, add a new one.
    table.selectRow(0)
    click(qtbot, page, "deleteAction")
    assert "Rediģēt → Atsaukt" in dialogs.asked[-1]
    click(qtbot, page, "addAction")
    qtbot.keyClick(table.viewport().findChild(QLineEdit) or table, Qt.Key.Key_Escape)
    assert [a[0] for a in _plan(services, assessment_id)] == [
        "Kodekss",
        "Deklarācijas",
        "Jauns pasākums",
    ]

    _key(qtbot, window)  # the addition
    assert [a[0] for a in _plan(services, assessment_id)] == ["Kodekss", "Deklarācijas"]
    _key(qtbot, window)  # the removal: back in first place
    assert [a[0] for a in _plan(services, assessment_id)] == [
        "Apmācība",
        "Kodekss",
        "Deklarācijas",
    ]
    assert model.action(0).text == "Apmācība"  # the table shows it back in its place
    _key(qtbot, window)  # the edit
    assert _plan(services, assessment_id)[1][1] == ""
    assert not undo.isEnabled()

    for _ in range(3):
        _key(qtbot, window, redo=True)
    assert _plan(services, assessment_id) == [
        ("Kodekss", "Juriste", None),
        ("Deklarācijas", "", None),
        ("Jauns pasākums", "", None),
    ]
    # Undo does not reach into another assessment's plan.
    window.show_page("home")
    assert not undo.isEnabled()
    other = services.create_assessment(municipality="Tukuma novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(other, "results")
    assert not undo.isEnabled()
