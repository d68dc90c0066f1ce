"""Dialogs, second pass: unit type and form agree, completion without diacritics, safe defaults."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import Role
from ethics_tool.gui.dialogs.standard import Dialogs
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import open_new_dialog, type_text


def test_unit_type_and_questionnaire_agree(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_new_dialog(qtbot, window)
    assert dialog.unit_type.currentData() == "dome"
    assert dialog.form.currentData() == "council"
    dialog.unit_type.setCurrentIndex(dialog.unit_type.findData("iestade"))
    assert dialog.form.currentData() == "administration"
    dialog.form.setCurrentIndex(dialog.form.findData("council"))
    assert dialog.unit_type.currentData() == "dome"
    # The quick form suits any unit: choosing a unit type keeps it.
    dialog.form.setCurrentIndex(dialog.form.findData("quick"))
    dialog.unit_type.setCurrentIndex(dialog.unit_type.findData("komiteja"))
    assert dialog.form.currentData() == "quick"
    dialog.reject()


def test_municipality_completer_ignores_diacritics(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_new_dialog(qtbot, window)
    completer = dialog.municipality.completer()
    assert completer is not None
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "livan")
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionModel().rowCount())
    ]
    assert offered == ["Līvānu novads"]
    assert completer.pathFromIndex(completer.completionModel().index(0, 0)) == "Līvānu novads"
    dialog.reject()


def test_delete_names_the_unit_type_and_defaults_to_cancel(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id = services.create_assessment(
        municipality="Ogres novads", form_id="quick", unit_type="dome"
    )
    window.home.refresh(select_id=assessment_id)
    window.home.select(assessment_id)
    dialogs.confirm_answer = False
    window.home.delete_selected()
    assert "Dome" in dialogs.asked[-1] and "dome" not in dialogs.asked[-1]
    assert services.list_assessments()  # not deleted

    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append(default.text() if default is not None else "")
        box.done(0) if default is None else default.click()

    QTimer.singleShot(0, press_enter)
    assert not Dialogs(window).confirm("Dzēst", "Dzēst novērtējumu?", "Dzēst")
    assert seen == ["Atcelt"]


def test_adding_a_respondent_with_a_name_already_there_asks_first(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    from ethics_tool.services import NewRespondent

    assessment_id = services.create_assessment(
        municipality="Ogres novads",
        form_id="quick",
        respondents=[NewRespondent("Anna Bērziņa", Role.STAFF)],
    )
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    dialog = window.questionnaire.manage_respondents()
    assert dialog is not None
    dialog.dialogs = dialogs  # type: ignore[assignment]
    dialog.label_edit.setText("anna bērziņa")
    dialogs.confirm_answer = False
    dialog.add()
    assert "jau ir" in dialogs.asked[-1]
    assert len(services.load(assessment_id).respondents) == 1
    dialogs.confirm_answer = True
    dialog.add()
    assert len(services.load(assessment_id).respondents) == 2
    dialog.label_edit.setText("Jānis Ozols")
    asked = len(dialogs.asked)
    dialog.add()
    assert len(dialogs.asked) == asked  # a new name is added without a question
    assert len(services.load(assessment_id).respondents) == 3
    dialog.reject()
