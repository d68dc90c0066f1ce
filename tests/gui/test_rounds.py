"""A new round asks for its date and label; labels show beside dates; finishing lists what is missing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QTreeWidget
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.assessment import ActionData, Status
from ethics_tool.domain.completeness import question_numbers
from ethics_tool.gui.dialogs.finish import FinishDialog
from ethics_tool.gui.dialogs.new_round import NewRoundDialog
from ethics_tool.gui.item_models import AssessmentColumn
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.widgets.date_input import DateLineEdit
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import click


def _home_date(window: MainWindow, assessment_id: int) -> str:
    row = window.home.model.row_of(assessment_id)
    assert row is not None
    return str(window.home.model.index(row, AssessmentColumn.DATE).data())


def test_new_round_asks_for_date_and_label(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    first = services.create_assessment(
        municipality="Talsu novads", form_id="quick", assessed_on=date(2025, 3, 1)
    )
    window.home.refresh(select_id=first)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewRoundDialog)
        when = dialog.findChild(DateLineEdit, "roundDateField")
        label = dialog.findChild(QLineEdit, "roundLabelField")
        assert when is not None and label is not None
        seen["suggested"] = label.text()
        seen["today"] = when.text()
        # A date typed in one go, and a label of the user's own.
        when.setFocus()
        qtbot.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(when, "15.04.2027")
        label.setFocus()
        qtbot.keyClick(label, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(label, "Pavasaris 2027")
        return True

    dialogs.on_dialog = fill
    click(qtbot, window.home, "button_actionNewRound")
    today = date.today()
    assert seen == {"suggested": "2. kārta", "today": f"{today:%d.%m.%Y}"}
    assert window.current_page() == "questionnaire"
    second = window.current_id
    assert second is not None
    info = services.info(second)
    assert (info.assessed_on, info.round_label, info.previous_id) == (
        date(2027, 4, 15),
        "Pavasaris 2027",
        first,
    )
    # The two rounds no longer look alike in the list.
    window.show_page("home")
    assert _home_date(window, second) == "15.04.2027. (Pavasaris 2027)"
    assert _home_date(window, first) == "01.03.2025."
    # The results header and the compare page show the label beside the date too.
    window.open_assessment(second, "results")
    assert "15.04.2027. (Pavasaris 2027)" in window.results.subtitle.text()
    window.open_assessment(second, "compare")
    compare = window.compare
    texts = [compare.after.itemText(i) for i in range(compare.after.count())]
    assert any(text.startswith("15.04.2027. (Pavasaris 2027) · ") for text in texts)
    headers = [compare.model.headerData(i, Qt.Orientation.Horizontal) for i in range(1, 3)]
    assert headers == ["01.03.2025.", "15.04.2027. (Pavasaris 2027)"]


def test_new_round_cancelled_or_dated_before_the_previous_one(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    first = services.create_assessment(
        municipality="Talsu novads", form_id="quick", assessed_on=date(2025, 3, 1)
    )
    services.new_round(first, assessed_on=date(2026, 3, 1), label="2. kārta")
    window.home.refresh(select_id=first)
    checked: dict[str, object] = {}

    def check(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewRoundDialog)
        # Numbered after the rounds this unit already has.
        checked["suggested"] = dialog.label.text()
        edit = dialog.date.edit
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "1.1.2024")
        checked["warning"] = dialog.problem.text()
        checked["create_enabled"] = dialog.buttons.buttons()[0].isEnabled()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit, "31.02.2027")
        checked["create_enabled_bad"] = dialog.buttons.buttons()[0].isEnabled()
        return False  # Cancel

    dialogs.on_dialog = check
    before = len(services.list_assessments())
    click(qtbot, window.home, "button_actionNewRound")
    assert checked["suggested"] == "3. kārta"
    assert checked["warning"] == (
        "Datums nav pēc iepriekšējās kārtas (01.03.2025.); pārbaudiet, vai tas ir pareizs."
    )
    assert checked["create_enabled"] is True  # questioned, not refused
    assert checked["create_enabled_bad"] is False  # not a date: cannot create
    assert len(services.list_assessments()) == before
    assert window.current_page() == "home"


def test_finish_lists_what_is_missing_then_finishes_and_reopens(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs
) -> None:
    assessment_id = services.create_assessment(
        municipality="Ludzas novads", form_id="quick", assessed_on=date(2026, 5, 1)
    )
    data = services.load(assessment_id)
    respondent = data.respondents[0]
    questions = [q for _, q in data.form.iter_questions()]
    for question in questions[:-2]:  # two left unanswered
        services.record_answer(respondent.id, question.id, AnswerValue.level(2))
    services.save_action(
        assessment_id, ActionData(id=None, question_id=None, text="Apmācība", responsible="")
    )
    window.home.refresh(select_id=assessment_id)
    finish = window.home.action_finish
    assert finish.text() == "Pabeigt…"
    listed: list[str] = []

    def go_back(dialog: QDialog) -> bool:
        assert isinstance(dialog, FinishDialog)
        tree = dialog.findChild(QTreeWidget, "missingList")
        assert tree is not None
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            listed.append(group.text(0))
            listed.extend("  " + group.child(j).text(0) for j in range(group.childCount()))
        # Going back is the default: Enter does not finish by accident.
        assert dialog.back_button.isDefault()
        assert dialog.finish_button.text() == "Tomēr pabeigt"
        return False

    dialogs.on_dialog = go_back
    click(qtbot, window.home, "button_actionFinish")
    numbers = question_numbers(data)
    assert listed == [
        f"Respondents: {respondent.label}",
        f"  2 jautājumi nav atbildēti: {numbers[questions[-2].id]}, {numbers[questions[-1].id]}",
        "Rīcības plāns",
        "  1. Apmācība: nav atbildīgā, nav termiņa",
        "Ziņojuma titullapa",
        "  “Sagatavoja” nav aizpildīts",
    ]
    assert services.info(assessment_id).status is Status.IN_PROGRESS

    dialogs.on_dialog = None  # finish anyway
    click(qtbot, window.home, "button_actionFinish")
    assert services.info(assessment_id).status is Status.COMPLETED
    row = window.home.model.row_of(assessment_id)
    assert row is not None
    assert window.home.model.index(row, AssessmentColumn.STATUS).data() == "Pabeigts"
    assert finish.text() == "Atsākt"
    assert window.statusBar().currentMessage() == "Novērtējums ir pabeigts"
    # The questions and the results say so too (they stay editable until reopened).
    window.open_assessment(assessment_id, "questionnaire")
    assert window.questionnaire.header.subtitle.text().endswith("01.05.2026. · Pabeigts")
    window.open_assessment(assessment_id, "results")
    assert window.results.subtitle.text().endswith(" · Pabeigts")
    window.show_page("home")
    window.home.select(assessment_id)

    # Reopening needs no questions.
    asked = len(dialogs.shown)
    click(qtbot, window.home, "button_actionFinish")
    assert len(dialogs.shown) == asked
    assert services.info(assessment_id).status is Status.IN_PROGRESS
    assert finish.text() == "Pabeigt…"


def test_new_assessment_dialog_takes_an_optional_round_label(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from ethics_tool.domain.assessment import ROUND_LABEL_MAX
    from tests.gui.helpers import open_new_dialog, type_text

    dialog = open_new_dialog(qtbot, window)
    field = dialog.findChild(QLineEdit, "newRoundLabelField")
    assert field is not None and field.isVisibleTo(dialog)
    assert field.text() == ""  # optional: empty unless the user names the round
    assert field.maxLength() == ROUND_LABEL_MAX  # as the database column
    caption = dialog.form_layout.labelForField(field)
    assert caption is not None and caption.text() == "&Kārtas nosaukums:"
    dialog.form.setCurrentIndex(dialog.form.findData("quick"))
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "Talsu novads")
    dialog.date.edit.setText("19.11.2026")
    field.setFocus()
    type_text(field, "2. kārta")
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_page() == "questionnaire")
    created = window.current_id
    assert created is not None
    assert services.info(created).round_label == "2. kārta"
    assert window.questionnaire.header.subtitle.text().endswith("19.11.2026. (2. kārta)")
    window.show_page("home")
    assert _home_date(window, created) == "19.11.2026. (2. kārta)"

    # Left empty, the assessment has no label and shows the date alone.
    dialog = window.home.new_assessment()
    qtbot.waitUntil(dialog.isVisible)
    dialog.form.setCurrentIndex(dialog.form.findData("quick"))
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "Ludzas novads")
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_id not in (None, created))
    second = window.current_id
    assert second is not None
    assert services.info(second).round_label == ""
