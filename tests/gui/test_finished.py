"""A finished assessment is read-only on the questionnaire page, with a bar that says so and
reopens it; finishing and reopening work from the questionnaire and results pages too (the same
flow and dialog as on the home page); undo cannot change a finished assessment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.assessment import Status
from ethics_tool.gui.dialogs.finish import FinishDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, press

REFUSED_KEY = (
    "Šis novērtējums ir pabeigts, tāpēc atbildes mainīt nevar. Vispirms atsāciet to "
    "(“Atsākt” virs jautājuma)."
)


def _assessment(services: Services) -> tuple[int, int, list[str]]:
    assessment_id = services.create_assessment(
        municipality="Ludzas novads", form_id="quick", assessed_on=date(2026, 5, 1)
    )
    data = services.load(assessment_id)
    person = data.respondents[0].id
    order = [q.id for _, q in data.form.iter_questions()]
    services.record_answer(person, order[0], AnswerValue.level(2, "Kā bija"))
    return assessment_id, person, order


def _stored(services: Services, assessment_id: int) -> dict[str, AnswerValue]:
    return dict(services.load(assessment_id).answers[0].answers)


def test_a_finished_assessment_is_read_only_with_reopen_at_hand(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id, _person, order = _assessment(services)
    services.set_status(assessment_id, Status.COMPLETED)
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    page.go_to(0)  # the answered question
    bar = page.finished_bar
    assert bar.isVisible()
    assert bar.message.text().startswith("Šis novērtējums ir pabeigts")
    assert bar.reopen_button.text() == "&Atsākt"
    card = page.card
    assert all(not b.isEnabled() for b in card.group.buttons())
    assert card.level_buttons[2].isChecked()  # the answer is still shown
    assert card.comment.isReadOnly() and card.comment.toPlainText() == "Kā bija"
    assert not page.clear_button.isEnabled()
    assert not page.header.manage_button.isEnabled()
    assert not page.header.finish_button.isVisible()  # the bar reopens it

    # An answer key does nothing, and the status bar says why.
    press(qtbot, window, Qt.Key.Key_3)
    assert window.statusBar().currentMessage() == REFUSED_KEY
    press(qtbot, window, Qt.Key.Key_D)
    assert window.statusBar().currentMessage() == REFUSED_KEY
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(2, "Kā bija")
    # A click on a choice changes nothing either.
    qtbot.mouseClick(card.level_buttons[4], Qt.MouseButton.LeftButton)
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(2, "Kā bija")

    # "Reopen" in the bar: editable again at once, the status stored.
    click(qtbot, bar, "reopenButton")
    assert services.info(assessment_id).status is Status.IN_PROGRESS
    assert not bar.isVisible()
    assert all(b.isEnabled() for b in card.level_buttons.values())
    assert not card.comment.isReadOnly()
    assert page.header.manage_button.isEnabled()
    assert page.header.finish_button.isVisible()
    assert page.header.finish_button.text() == "Pabeigt…"
    assert window.statusBar().currentMessage() == "Novērtējums atkal ir procesā"
    press(qtbot, window, Qt.Key.Key_3)
    assert _stored(services, assessment_id)[order[0]].value == 3


def test_finish_from_the_questionnaire_with_the_same_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id, _person, _order = _assessment(services)
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    shown: list[int] = []

    def look(dialog: QDialog) -> bool:
        assert isinstance(dialog, FinishDialog)
        shown.append(dialog.list.topLevelItemCount())  # what is still missing, first
        return len(shown) > 1  # go back the first time, finish the second

    dialogs.on_dialog = look
    click(qtbot, page.header, "finishAssessmentButton")
    assert services.info(assessment_id).status is Status.IN_PROGRESS
    assert not page.finished_bar.isVisible()
    click(qtbot, page.header, "finishAssessmentButton")
    assert shown[0] > 0 and len(shown) == 2
    assert services.info(assessment_id).status is Status.COMPLETED
    assert page.finished_bar.isVisible()
    assert page.header.subtitle.text().endswith(" · Pabeigts")
    assert window.statusBar().currentMessage() == "Novērtējums ir pabeigts"
    # The home list says so too.
    window.show_page("home")
    assert window.home.action_finish.text() == "Atsākt"


def test_finish_and_reopen_from_the_results_page_the_plan_stays_editable(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id, _person, _order = _assessment(services)
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    results = window.results
    button = results.finish_button
    assert button.text() == "Pabeigt…" and button.isVisible()
    asked: list[str] = []

    def finish(dialog: QDialog) -> bool:
        asked.append(type(dialog).__name__)
        return True

    dialogs.on_dialog = finish
    click(qtbot, results, "finishAssessmentButton")
    assert asked == ["FinishDialog"]
    assert services.info(assessment_id).status is Status.COMPLETED
    assert button.text() == "Atsākt"
    assert results.subtitle.text().endswith(" · Pabeigts")
    # The follow-up of a finished assessment: actions can still be added and changed.
    results.add_action()
    assert [a.text for a in services.actions(assessment_id)] == ["Jauns pasākums"]
    # Back on the questionnaire, it is read-only (finished on another page).
    window.show_page("questionnaire")
    assert window.questionnaire.finished_bar.isVisible()
    window.show_page("results")
    click(qtbot, results, "finishAssessmentButton")
    assert asked == ["FinishDialog"]  # reopening asks nothing
    assert services.info(assessment_id).status is Status.IN_PROGRESS
    assert button.text() == "Pabeigt…"
    window.show_page("questionnaire")
    assert not window.questionnaire.finished_bar.isVisible()


def test_undo_cannot_change_a_finished_assessment(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id, _person, order = _assessment(services)
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    page.go_to(0)
    press(qtbot, window, Qt.Key.Key_4)  # an undo step recorded before finishing
    assert _stored(services, assessment_id)[order[0]].value == 4
    window.show_page("home")
    window.home.select(assessment_id)
    click(qtbot, window.home, "button_actionFinish")  # scripted: finish anyway
    # The dialog was answered without being shown; its deletion leaves no window active here.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert services.info(assessment_id).status is Status.COMPLETED
    window.show_page("questionnaire")
    assert page.undo_stack.canUndo()

    qtbot.keyClick(page.card, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.errors[-1][0] == "Novērtējums ir pabeigts"
    assert "ir pabeigts" in dialogs.errors[-1][1] and "Vispirms atsāciet" in dialogs.errors[-1][1]
    assert _stored(services, assessment_id)[order[0]].value == 4
    # The step did not happen: Undo still offers it (once the stack has moved back).
    qtbot.waitUntil(lambda: page.undo_stack.index() == 1)
    assert page.undo_stack.canUndo() and not page.undo_stack.canRedo()

    # Reopened, the same step undoes the answer.
    click(qtbot, page.finished_bar, "reopenButton")
    qtbot.keyClick(page.card, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(2, "Kā bija")
    assert page.undo_stack.index() == 0


def test_adding_answers_from_a_file_to_a_finished_assessment_is_refused(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    assessment_id, person, order = _assessment(services)
    services.export_json(assessment_id, tmp_path / "laptop.json")
    services.set_status(assessment_id, Status.COMPLETED)
    window.home.refresh(select_id=assessment_id)
    dialogs.open_from = tmp_path / "laptop.json"
    window.home.action_merge.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=30_000)
    title, message = dialogs.errors[-1]
    assert title == "Failu neizdevās importēt"
    assert message.startswith("Ludzas novads — Dome, 01.05.2026. (ID 1) ir pabeigts")
    assert "Vispirms atsāciet to" in message
    assert services.info(assessment_id).status is Status.COMPLETED
    assert _stored(services, assessment_id)[order[0]] == AnswerValue.level(2, "Kā bija")
    assert person == services.respondents(assessment_id)[0].id


def test_a_respondent_step_undone_after_finishing_is_refused_the_plan_still_undoes(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    from ethics_tool.gui.dialogs.respondents import RespondentsDialog

    assessment_id, _person, _order = _assessment(services)
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    dialog = page.manage_respondents()
    assert isinstance(dialog, RespondentsDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.label_edit.setText("Jānis")
    click(qtbot, dialog, "addRespondentButton")
    dialog.accept()
    assert [r.label for r in services.respondents(assessment_id)][-1] == "Jānis"
    services.set_status(assessment_id, Status.COMPLETED)  # e.g. on another computer
    page.undo_stack.undo()  # Edit → Undo "adding Jānis"
    assert dialogs.errors[-1][0] == "Respondentu neizdevās mainīt"
    assert "ir pabeigts" in dialogs.errors[-1][1]
    assert [r.label for r in services.respondents(assessment_id)][-1] == "Jānis"
    qtbot.waitUntil(lambda: page.undo_stack.index() == 1)  # still offered

    # The action plan is the follow-up of a finished assessment: its steps still undo.
    window.open_assessment(assessment_id, "results")
    window.results.add_action()
    assert len(services.actions(assessment_id)) == 1
    window.results.undo_stack.undo()
    assert services.actions(assessment_id) == []
