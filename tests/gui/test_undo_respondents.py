"""Ctrl+Z / Ctrl+Shift+Z over respondents: adding, renaming and removing (answers come back too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue, Role
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import NewRespondent, Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, type_text
from tests.gui.test_respondents import _open_dialog, _select


def _key(qtbot: QtBot, window: MainWindow, redo: bool = False) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier
    if redo:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.questionnaire.card, Qt.Key.Key_Z, modifiers)


def _people(services: Services, assessment_id: int) -> list[tuple[str, Role]]:
    return [(r.label, r.role) for r in services.respondents(assessment_id)]


def test_undo_and_redo_respondent_changes(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    from ethics_tool.domain.answers import Mode

    assessment_id = services.create_assessment(
        municipality="Cēsu novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Pēteris", Role.STAFF)],
    )
    data = services.load(assessment_id)
    anna = data.respondents[0].id
    questions = [q.id for _, q in data.form.iter_questions()]
    services.record_answer(anna, questions[0], AnswerValue.level(3, comment="Pamatots"))
    services.record_answer(anna, questions[1], AnswerValue.level(1))
    window.home.refresh()
    dialog = _open_dialog(qtbot, window, assessment_id)
    undo = window.findChild(QAction, "actionUndo")
    assert undo is not None

    # Add, rename and remove, each saved at once and each one undo step.
    dialog.label_edit.clear()
    type_text(dialog.label_edit, "Līga")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OTHER.value))
    click(qtbot, dialog, "addRespondentButton")
    _select(dialog, "Pēteris")
    dialog.label_edit.clear()
    type_text(dialog.label_edit, "Pēteris Kalniņš")
    click(qtbot, dialog, "renameRespondentButton")
    _select(dialog, "Anna")
    click(qtbot, dialog, "removeRespondentButton")
    assert "Rediģēt → Atsaukt" in dialogs.asked[-1]
    dialog.accept()
    assert _people(services, assessment_id) == [
        ("Pēteris Kalniņš", Role.STAFF),
        ("Līga", Role.OTHER),
    ]
    assert undo.text() == "&Atsaukt: respondenta Anna (Deputāts) noņemšana"

    # Undo the removal: Anna is back in her place with her answers and comment.
    _key(qtbot, window)
    assert _people(services, assessment_id)[0] == ("Anna", Role.DEPUTY)
    restored = services.load(assessment_id)
    answers = restored.answers[0].answers
    assert answers[questions[0]].value == 3 and answers[questions[0]].comment == "Pamatots"
    assert answers[questions[1]].value == 1
    assert restored.respondents[0].uuid == data.respondents[0].uuid
    switcher = window.questionnaire.respondents
    assert switcher.itemText(switcher.currentIndex()).startswith("Anna (Deputāts)")

    # Undo the rename, then the addition.
    _key(qtbot, window)
    assert [p[0] for p in _people(services, assessment_id)] == ["Anna", "Pēteris", "Līga"]
    _key(qtbot, window)
    assert [p[0] for p in _people(services, assessment_id)] == ["Anna", "Pēteris"]
    assert not undo.isEnabled()

    # Redo all three: the same end state as before.
    for _ in range(3):
        _key(qtbot, window, redo=True)
    assert _people(services, assessment_id) == [
        ("Pēteris Kalniņš", Role.STAFF),
        ("Līga", Role.OTHER),
    ]
    # An answer's undo step still finds its respondent after she was removed and brought back
    # (under a new database ID).
    _key(qtbot, window)  # Anna back
    window.questionnaire.respondents.setCurrentIndex(0)
    click(qtbot, window.questionnaire.card, "level4")
    current = window.questionnaire.session
    assert current is not None
    question = current.current_question()
    assert question is not None
    again = window.questionnaire.manage_respondents()
    assert again is not None
    qtbot.waitUntil(again.isVisible)
    _select(again, "Anna")
    click(qtbot, again, "removeRespondentButton")
    again.accept()
    assert "Anna" not in [p[0] for p in _people(services, assessment_id)]
    _key(qtbot, window)  # Anna back, with the answer just given
    assert services.load(assessment_id).answers[0].answers[question.id].value == 4
    _key(qtbot, window)  # the answer undone on the restored Anna
    assert services.load(assessment_id).respondents[0].label == "Anna"
    assert question.id not in services.load(assessment_id).answers[0].answers
    _key(qtbot, window, redo=True)
    assert services.load(assessment_id).answers[0].answers[question.id].value == 4


def test_undo_and_redo_inside_the_respondents_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    from ethics_tool.domain.answers import Mode

    assessment_id = services.create_assessment(
        municipality="Cēsu novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Pēteris", Role.STAFF)],
    )
    window.home.refresh()
    dialog = _open_dialog(qtbot, window, assessment_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    page_stack = window.questionnaire.undo_stack
    undo_button = dialog.undo_button
    redo_button = dialog.redo_button
    assert undo_button.isVisible() and not undo_button.isEnabled() and not redo_button.isEnabled()

    def key(widget: QWidget, redo: bool = False) -> None:
        modifiers = Qt.KeyboardModifier.ControlModifier
        if redo:
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        qtbot.keyClick(widget, Qt.Key.Key_Z, modifiers)

    def listed() -> list[str]:
        return [dialog.people.item(i).text().split(" — ")[0] for i in range(dialog.people.count())]

    dialog.label_edit.clear()
    type_text(dialog.label_edit, "Līga")
    click(qtbot, dialog, "addRespondentButton")
    three = ["Anna (Deputāts)", "Pēteris (Darbinieks)", "Līga (Deputāts)"]
    assert listed() == three
    assert undo_button.isEnabled()
    assert undo_button.toolTip() == "Atsaukt: respondenta Līga pievienošana"

    # Ctrl+Z inside the dialog (the list has the focus): Līga goes, the list follows.
    dialog.people.setFocus()
    key(dialog.people)
    assert [p[0] for p in _people(services, assessment_id)] == ["Anna", "Pēteris"]
    assert listed() == three[:2]
    assert redo_button.isEnabled() and not undo_button.isEnabled()
    key(dialog.people, redo=True)
    assert listed() == three

    # In the name field, Ctrl+Z first undoes the typing; with nothing typed, the last step.
    _select(dialog, "Pēteris")
    dialog.label_edit.setFocus()
    type_text(dialog.label_edit, " K")
    key(dialog.label_edit)
    assert dialog.label_edit.text() == "Pēteris"  # the typing undone, the respondents untouched
    assert len(_people(services, assessment_id)) == 3
    key(dialog.label_edit)
    assert [p[0] for p in _people(services, assessment_id)] == ["Anna", "Pēteris"]

    # The buttons do the same, and it is one history with the page's.
    click(qtbot, dialog, "redoRespondentButton")
    assert listed() == three
    click(qtbot, dialog, "undoRespondentButton")
    assert listed() == three[:2]
    dialog.accept()
    assert page_stack.index() == 0 and page_stack.canRedo()
    assert page_stack.redoText() == "respondenta Līga pievienošana"
    redo_in_menu = window.findChild(QAction, "actionRedo")  # Edit → Redo offers the same step
    assert redo_in_menu is not None and redo_in_menu.isEnabled()
    redo_in_menu.trigger()
    assert [p[0] for p in _people(services, assessment_id)] == ["Anna", "Pēteris", "Līga"]
