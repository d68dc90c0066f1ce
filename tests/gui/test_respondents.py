"""Respondents of an existing assessment: add, rename, remove; progress in the switcher."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.gui.dialogs.respondents import RespondentsDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import NewRespondent, Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click, type_text


def _open_dialog(qtbot: QtBot, window: MainWindow, assessment_id: int) -> RespondentsDialog:
    window.open_assessment(assessment_id, "questionnaire")
    click(qtbot, window.questionnaire, "manageRespondentsButton")
    dialog = window.findChild(RespondentsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _labels(dialog: RespondentsDialog) -> list[str]:
    return [dialog.people.item(row).text() for row in range(dialog.people.count())]


def _select(dialog: RespondentsDialog, prefix: str) -> None:
    for row in range(dialog.people.count()):
        if dialog.people.item(row).text().startswith(prefix):
            dialog.people.setCurrentRow(row)
            return
    raise AssertionError(f"no respondent {prefix!r} in {_labels(dialog)}")


def test_add_rename_and_remove_respondents(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id = services.create_assessment(municipality="Cēsu novads", form_id="quick")
    window.home.refresh()
    dialog = _open_dialog(qtbot, window, assessment_id)
    total = sum(1 for _ in services.load(assessment_id).form.iter_questions())
    assert _labels(dialog) == [f"1 — atbildēti 0/{total}"]

    # Add: a single-respondent assessment becomes an individual one with two people.
    dialog.label_edit.clear()
    type_text(dialog.label_edit, "Līga Ozola")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.DEPUTY.value))
    click(qtbot, dialog, "addRespondentButton")
    assert [r.label for r in services.respondents(assessment_id)] == ["1", "Līga Ozola"]
    assert services.info(assessment_id).mode is Mode.INDIVIDUAL
    switcher = window.questionnaire.respondents
    assert switcher.isVisible()
    assert [switcher.itemText(i) for i in range(switcher.count())] == [
        f"1 — 0/{total}",
        f"Līga Ozola (Deputāts) — 0/{total}",
    ]

    # Rename the first one and give a role.
    _select(dialog, "1 —")
    dialog.label_edit.clear()
    type_text(dialog.label_edit, "Jānis Bērziņš")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.STAFF.value))
    click(qtbot, dialog, "renameRespondentButton")
    people = services.respondents(assessment_id)
    assert (people[0].label, people[0].role) == ("Jānis Bērziņš", Role.STAFF)
    assert switcher.itemText(0) == f"Jānis Bērziņš (Darbinieks) — 0/{total}"

    # Progress per respondent follows the answers given on the page.
    switcher.setCurrentIndex(1)
    click(qtbot, window.questionnaire.card, "level2")
    assert switcher.itemText(1) == f"Līga Ozola (Deputāts) — 1/{total}"

    # An empty name is refused with the service's message.
    dialog.label_edit.clear()
    assert not dialog.add_button.isEnabled()
    dialog.label_edit.setText("   ")
    dialog.rename_button.setEnabled(True)
    click(qtbot, dialog, "renameRespondentButton")
    assert dialogs.errors and "vajadzīgs apzīmējums" in dialogs.errors[-1][1]

    # Remove asks first (the answers go too); declining keeps the respondent.
    _select(dialog, "Līga Ozola")
    dialogs.confirm_answer = False
    click(qtbot, dialog, "removeRespondentButton")
    assert "1" in dialogs.asked[-1] and len(services.respondents(assessment_id)) == 2
    dialogs.confirm_answer = True
    click(qtbot, dialog, "removeRespondentButton")
    assert [r.label for r in services.respondents(assessment_id)] == ["Jānis Bērziņš"]
    assert not switcher.isVisible()

    # The last respondent cannot be removed: the service's reason is shown.
    errors = len(dialogs.errors)
    click(qtbot, dialog, "removeRespondentButton")
    assert len(dialogs.errors) == errors + 1
    assert len(services.respondents(assessment_id)) == 1
    dialog.reject()


def test_consensus_shows_the_distribution_of_individual_answers(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = services.create_assessment(
        municipality="Siguldas novads",
        form_id="quick",
        mode=Mode.CONSENSUS,
        respondents=[
            NewRespondent("Anna", Role.DEPUTY),
            NewRespondent("Jānis", Role.STAFF),
            NewRespondent("Pēteris", Role.STAFF),
            NewRespondent("Ilze", Role.MANAGER),
        ],
    )
    data = services.load(assessment_id)
    first = next(data.form.iter_questions())[1].id
    anna, janis, peteris, _ilze = (r.id for r in data.respondents if r.role is not Role.GROUP)
    services.record_answer(anna, first, AnswerValue.level(2))
    services.record_answer(janis, first, AnswerValue.level(2, "skat. protokolu"))
    services.record_answer(peteris, first, AnswerValue.unknown())
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    qtbot.keyClick(page.card, Qt.Key.Key_3)  # the group's agreed answer
    assert page.card.level_buttons[3].isChecked()
    text = page.card.others.text()
    assert "Sadalījums" in text
    assert "■■</td>" in text  # two people chose level 2 (the comment does not split them)
    assert "Nezinu" in text
    assert "□</td>" in text  # one person has not answered yet
    QApplication.processEvents()
