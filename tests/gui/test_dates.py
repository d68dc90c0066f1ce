"""Action-plan deadlines typed as Latvians write them, with real key presses, and past dates warned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from ethics_tool.domain.dates import DateTextError, parse_date
from ethics_tool.gui.item_models import ActionColumn
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.widgets.date_input import DateField, DateLineEdit
from ethics_tool.services import Services
from tests.gui.helpers import click


def _plan(qtbot: QtBot, window: MainWindow, services: Services) -> tuple[int, MainWindow]:
    assessment_id = services.create_assessment(municipality="Cēsu novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    window.results.tabs.setCurrentWidget(window.results.plan)
    click(qtbot, window.results, "addAction")
    return assessment_id, window


def _edit_deadline(qtbot: QtBot, window: MainWindow) -> DateLineEdit:
    table = window.results.action_table
    table.setFocus()
    index = window.results.action_model.index(0, ActionColumn.DEADLINE)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # as a user opens the cell editor from the keyboard
    # Closed editors are deleted later: the open one is the visible one.
    editors = [e for e in table.findChildren(DateLineEdit, "deadlineEditor") if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def _committed(qtbot: QtBot, window: MainWindow) -> None:
    table = window.results.action_table
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)


def test_a_date_typed_in_one_go_is_the_date_typed(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _ = _plan(qtbot, window, services)
    editor = _edit_deadline(qtbot, window)
    qtbot.keyClicks(editor, "31.03.2027")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, window)
    assert services.actions(assessment_id)[0].deadline == date(2027, 3, 31)
    cell = window.results.action_model.index(0, ActionColumn.DEADLINE)
    assert cell.data() == "31.03.2027."
    assert not window.statusBar().currentMessage()  # a future deadline: no warning


def test_a_date_typed_part_by_part_and_short_forms(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _ = _plan(qtbot, window, services)
    editor = _edit_deadline(qtbot, window)
    # Day, then month, then year, with a wrong digit corrected on the way.
    qtbot.keyClicks(editor, "31.")
    qtbot.keyClicks(editor, "04")
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "3.")
    qtbot.keyClicks(editor, "20")
    qtbot.keyClicks(editor, "27")
    assert editor.text() == "31.03.2027"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the cell stores it too (and edits the next)
    qtbot.waitUntil(lambda: services.actions(assessment_id)[0].deadline is not None)
    next_editor = QApplication.focusWidget()
    assert next_editor is not None and next_editor.objectName() == "statusEditor"
    qtbot.keyClick(next_editor, Qt.Key.Key_Escape)
    _committed(qtbot, window)
    assert services.actions(assessment_id)[0].deadline == date(2027, 3, 31)

    # Letters are refused as typed; digits only and a two-digit year are understood.
    editor = _edit_deadline(qtbot, window)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "x15.6.28")
    assert editor.text() == "15.6.28"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, window)
    assert services.actions(assessment_id)[0].deadline == date(2028, 6, 15)


def test_a_past_deadline_is_stored_with_a_visible_warning(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _ = _plan(qtbot, window, services)
    editor = _edit_deadline(qtbot, window)
    qtbot.keyClicks(editor, "01.02.2020")
    assert editor.message() == "Termiņš 01.02.2020. jau ir pagājis"
    assert editor.toolTip() == editor.message()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, window)
    # Not blocked: stored, and said in the status bar and on the cell itself.
    assert services.actions(assessment_id)[0].deadline == date(2020, 2, 1)
    assert window.statusBar().currentMessage() == "Termiņš 01.02.2020. jau ir pagājis"
    cell = window.results.action_model.index(0, ActionColumn.DEADLINE)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Termiņš 01.02.2020. jau ir pagājis"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    # Done actions are not overdue.
    status = window.results.action_model.index(0, ActionColumn.STATUS)
    window.results.action_model.setData(status, "done")
    assert cell.data(Qt.ItemDataRole.DecorationRole) is None


def test_an_impossible_date_is_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _ = _plan(qtbot, window, services)
    editor = _edit_deadline(qtbot, window)
    qtbot.keyClicks(editor, "31.02.2027")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The editor stays open and says why; nothing is stored.
    assert editor.isVisible()
    assert "31.02.2027" in window.statusBar().currentMessage()
    assert "dienas 31" in window.statusBar().currentMessage()
    assert services.actions(assessment_id)[0].deadline is None
    # Emptying the field removes the deadline.
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, window)
    assert services.actions(assessment_id)[0].deadline is None


def test_the_calendar_picks_a_date_without_closing_the_cell(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _ = _plan(qtbot, window, services)
    editor = _edit_deadline(qtbot, window)
    editor.calendar_action.trigger()
    calendar = editor.calendar
    assert calendar is not None and calendar.isVisible()
    assert editor.isVisible()  # the table editor stays open while the calendar is shown
    target = date.today() + timedelta(days=10)
    from PySide6.QtCore import QDate

    calendar.setSelectedDate(QDate(target.year, target.month, target.day))
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert editor.text() == f"{target.day:02d}.{target.month:02d}.{target.year}"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, window)
    assert services.actions(assessment_id)[0].deadline == target


def test_date_field_shows_its_message_under_the_field(qtbot: QtBot) -> None:
    field = DateField(warn_past=True)
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClicks(field.edit, "1.1.2001")
    assert field.note.isVisible()
    assert field.note.text() == "Termiņš 01.01.2001. jau ir pagājis"
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, "1.1.2099")
    assert not field.note.isVisible()
    assert field.value() == date(2099, 1, 1)
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.03.2027", date(2027, 3, 31)),
        ("31.03.2027.", date(2027, 3, 31)),
        ("31.3.27", date(2027, 3, 31)),
        ("31/03/2027", date(2027, 3, 31)),
        ("31032027", date(2027, 3, 31)),
        ("2027-03-31", date(2027, 3, 31)),
        (" ", None),
    ],
)
def test_parse_date_forms(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2027", "1.13.2027", "abc", "12.2027"])
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(DateTextError, match=text.replace(".", r"\.")):
        parse_date(text)


def test_the_new_assessment_date_is_typed_the_same_way(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from tests.gui.helpers import open_new_dialog, type_text

    dialog = open_new_dialog(qtbot, window)
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "Cēsu novads")
    when = dialog.findChild(DateLineEdit, "dateField")
    assert when is not None
    when.setFocus()
    qtbot.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(when, "31.02.2027")
    click(qtbot, dialog, "createButton")
    assert dialog.isVisible()  # not a date: the dialog stays and says why
    assert dialog.date.note.isVisible() and "31.02.2027" in dialog.date.note.text()
    qtbot.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(when, "31.03.2027")
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_page() == "questionnaire")
    assert window.current_id is not None
    assert services.info(window.current_id).assessed_on == date(2027, 3, 31)
