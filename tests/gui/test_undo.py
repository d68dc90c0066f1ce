"""Undo and redo of answers and comments from the Edit menu and with Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.helpers import press, type_text


def _open(window: MainWindow, services: Services) -> tuple[int, list[str]]:
    assessment_id = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    order = [q.id for _, q in services.load(assessment_id).form.iter_questions()]
    return assessment_id, order


def _stored(services: Services, assessment_id: int) -> dict[str, AnswerValue]:
    return dict(services.load(assessment_id).answers[0].answers)


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.questionnaire.card, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window.questionnaire.card,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def test_the_edit_menu_offers_undo_and_redo_with_their_keys(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    menu_titles = [a.text() for a in window.menuBar().actions()]
    assert "&Rediģēt" in menu_titles
    undo = window.findChild(QAction, "actionUndo")
    redo = window.findChild(QAction, "actionRedo")
    assert undo is not None and redo is not None
    assert undo.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    assert not undo.isEnabled() and not redo.isEnabled()

    _open(window, services)
    press(qtbot, window, Qt.Key.Key_2)
    assert undo.isEnabled()
    assert undo.text() == "&Atsaukt: atbilde uz 1.1. jautājumu"
    # On another page there is nothing of the questionnaire to undo.
    window.show_page("home")
    assert not undo.isEnabled()


def test_ctrl_z_undoes_answers_and_goes_back_to_the_question(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, order = _open(window, services)
    page = window.questionnaire
    press(qtbot, window, Qt.Key.Key_2)
    press(qtbot, window, Qt.Key.Key_3)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_D)
    press(qtbot, window, Qt.Key.Key_Right)
    assert page.session is not None and page.session.position == 2

    _undo(qtbot, window)  # "Don't know" on question 2 is gone, and question 2 is shown
    assert page.session.position == 1
    assert order[1] not in _stored(services, assessment_id)
    assert not page.card.unknown_button.isChecked()

    _undo(qtbot, window)  # question 1 goes back from 3 to 2
    assert page.session.position == 0
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(2)
    assert page.card.level_buttons[2].isChecked()

    _undo(qtbot, window)
    assert order[0] not in _stored(services, assessment_id)
    assert page.session.answered() == 0
    assert page.progress.value() == 0

    _redo(qtbot, window)
    _redo(qtbot, window)
    _redo(qtbot, window)
    stored = _stored(services, assessment_id)
    assert stored[order[0]] == AnswerValue.level(3)
    assert stored[order[1]] == AnswerValue.unknown()
    assert page.session.position == 1
    assert page.card.unknown_button.isChecked()


def test_comments_and_cleared_answers_are_undone(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, order = _open(window, services)
    page = window.questionnaire
    card = page.card
    press(qtbot, window, Qt.Key.Key_4)
    card.comment.setFocus()
    qtbot.waitUntil(card.comment.hasFocus)
    type_text(card.comment, "ētikas kodekss")
    card.flush_comment()
    type_text(card.comment, " 2024")
    qtbot.keyClick(card.comment, Qt.Key.Key_Escape)  # saves the comment, leaves the box
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(4, "ētikas kodekss 2024")

    page.clear_answer()
    assert order[0] not in _stored(services, assessment_id)

    _undo(qtbot, window)  # the cleared answer comes back with its comment
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(4, "ētikas kodekss 2024")
    assert card.comment.toPlainText() == "ētikas kodekss 2024"

    _undo(qtbot, window)  # both comment edits were one step
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(4)
    assert card.comment.toPlainText() == ""

    _redo(qtbot, window)
    assert card.comment.toPlainText() == "ētikas kodekss 2024"
    assert _stored(services, assessment_id)[order[0]].comment == "ētikas kodekss 2024"


def test_a_new_assessment_starts_with_nothing_to_undo(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _open(window, services)
    press(qtbot, window, Qt.Key.Key_1)
    assert window.questionnaire.undo_stack.canUndo()
    _open(window, services)
    assert not window.questionnaire.undo_stack.canUndo()
