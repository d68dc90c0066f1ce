"""Results, action plan, compare and the exports, through the widgets a user touches."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionStatus
from ethics_tool.gui.item_models import ActionColumn
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.widgets.date_input import DateLineEdit
from ethics_tool.services import NewRespondent, Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import button, click, label, type_text


def answered(
    services: Services, municipality: str = "Bauskas novads", level: int = 1, **kw: object
) -> int:
    assessment_id = services.create_assessment(
        municipality=municipality,
        form_id="quick",
        **kw,  # type: ignore[arg-type]
    )
    data = services.load(assessment_id)
    respondent = data.respondents[0].id
    for _, question in data.form.iter_questions():
        value = level if question.type.value == "maturity" else level + 1
        services.record_answer(respondent, question.id, AnswerValue.level(value))
    return assessment_id


def not_editing(qtbot: QtBot, table: QAbstractItemView) -> None:
    """The delegate commits on Enter through a queued call."""
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)


def test_results_page_shows_scores_gaps_and_priorities(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = answered(services, level=1)  # every maturity answer at level 1 → 25 %
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    page = window.results
    assert label(page, "overallScore").text() == "25 %"
    assert label(page, "bandLabel").text() == "Attīstības"
    assert not label(page, "coverageWarning").isVisible()
    assert "Pārklājums: 100 %" in label(page, "coverageLabel").text()
    form = services.load(assessment_id).form
    results = services.results(assessment_id)
    assert page.priority_model.rowCount() == len(results.priorities) > 0
    legal = [form.question(q).text.lv for q in results.compliance_gaps]
    assert legal and all(text in label(page, "complianceGaps").text() for text in legal)
    assert page.theme_model.rowCount() == len(form.themes)
    assert page.theme_model.index(0, 1).data() == "25 %"


def test_action_plan_editing(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    assessment_id = answered(services, level=0)
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    page = window.results
    first = services.results(assessment_id).priorities[0]
    click(qtbot, page, "addPriorityAction")
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Rīcības plāns"
    table = page.action_table
    model = page.action_model
    assert model.rowCount() == 1
    recommendation = first.recommendations[0].text.lv
    assert model.index(0, ActionColumn.TEXT).data() == recommendation

    # Responsible person: type into the cell editor and press Enter.
    table.edit(model.index(0, ActionColumn.RESPONSIBLE))
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    type_text(editor, "Izpilddirektore Līga")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    not_editing(qtbot, table)
    # Deadline: a date typed the Latvian way (tests/gui/test_dates.py types more).
    table.edit(model.index(0, ActionColumn.DEADLINE))
    date_editor = table.findChild(DateLineEdit, "deadlineEditor")
    assert date_editor is not None
    qtbot.keyClicks(date_editor, "30.06.2026")
    qtbot.keyClick(date_editor, Qt.Key.Key_Return)
    not_editing(qtbot, table)
    # Status: a choice.
    table.edit(model.index(0, ActionColumn.STATUS))
    status_editor = table.findChild(QComboBox, "statusEditor")
    assert status_editor is not None
    status_editor.setCurrentIndex(status_editor.findData(ActionStatus.IN_PROGRESS.value))
    qtbot.keyClick(status_editor, Qt.Key.Key_Return)
    not_editing(qtbot, table)

    assert model.index(0, ActionColumn.RESPONSIBLE).data() == "Izpilddirektore Līga"
    assert model.index(0, ActionColumn.DEADLINE).data() == "30.06.2026."
    assert model.index(0, ActionColumn.STATUS).data() == "Procesā"
    assert window.autosave_label.text().startswith("Saglabāts")

    click(qtbot, page, "addAction")
    assert model.rowCount() == 2
    stored = services.actions(assessment_id)
    assert [a.text for a in stored] == [recommendation, "Jauns pasākums"]
    assert stored[0].responsible == "Izpilddirektore Līga"
    assert stored[0].deadline == date(2026, 6, 30)
    assert stored[0].status is ActionStatus.IN_PROGRESS
    assert stored[0].question_id == first.question_id

    # Reopening the page shows what was saved; deleting asks first.
    window.show_page("home")
    window.open_assessment(assessment_id, "results")
    assert page.action_model.rowCount() == 2
    table.selectRow(1)
    click(qtbot, page, "deleteAction")
    assert [a.text for a in services.actions(assessment_id)] == [recommendation]


def test_compare_two_rounds(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    first = answered(services, "Alūksnes novads", level=1, assessed_on=date(2024, 5, 1))
    second = services.new_round(first, assessed_on=date(2025, 5, 1))
    respondent = services.load(second).respondents[0].id
    for _, question in services.load(second).form.iter_questions():
        value = 3 if question.type.value == "maturity" else 4
        services.record_answer(respondent, question.id, AnswerValue.level(value))
    window.home.refresh()
    window.open_assessment(second, "results")
    assert button(window.results, "compareButton").isEnabled()
    click(qtbot, window.results, "compareButton")
    assert window.current_page() == "compare"
    page = window.compare
    assert page.before.currentText().startswith("01.05.2024.")
    assert page.after.currentText().startswith("01.05.2025.")
    assert label(page, "compareOverall").text() == "Kopvērtējums: 25,0 % → 75,0 % (+50,0 p.p.)"
    assert page.model.index(0, 1).data() == "25,0 %"
    assert page.model.index(0, 2).data() == "75,0 %"
    assert page.model.index(0, 3).data() == "+50,0 p.p."
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "01.05.2024."


def test_compare_with_a_single_round_explains(window: MainWindow, services: Services) -> None:
    only = answered(services, "Dobeles novads")
    window.home.refresh()
    window.open_assessment(only, "compare")
    assert "tikai viena kārta" in label(window.compare, "compareMessage").text()
    assert not window.compare.table.isVisible()


def test_failed_pdf_is_a_clear_message(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assessment_id = answered(services)
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    dialogs.save_to = tmp_path / "no such folder" / "x.pdf"
    with qtbot.waitSignal(window.results.export_failed, timeout=60_000):
        click(qtbot, window.results, "exportPdfButton")
    assert dialogs.errors and dialogs.errors[-1][0] == "PDF neizdevās izveidot"
    assert button(window.results, "exportPdfButton").isEnabled()
    assert not window.results.export_progress.isVisible()


def test_json_export_and_import(
    qtbot: QtBot, window: MainWindow, services: Services, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    assessment_id = answered(services, "Ventspils")
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    target = tmp_path / "export.json"
    dialogs.save_to = target
    assert window.files is not None
    with qtbot.waitSignal(window.files.finished, timeout=30_000):
        window.action_export_json.trigger()
    assert json.loads(target.read_text(encoding="utf-8"))
    services.delete(assessment_id)
    window.show_page("home")
    assert window.home.model.rowCount() == 0

    dialogs.open_from = target
    with qtbot.waitSignal(window.home.imported, timeout=30_000):
        click(qtbot, window.home, "button_actionImportJson")
    assert [window.home.proxy.index(r, 0).data() for r in range(window.home.proxy.rowCount())] == [
        "Ventspils"
    ]


def test_discussion_points_show_the_question_number_and_the_range_of_answers(
    window: MainWindow, services: Services
) -> None:
    assessment_id = services.create_assessment(
        municipality="Bauskas novads",
        form_id="quick",
        mode=Mode.INDIVIDUAL,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.DEPUTY)],
    )
    anna, janis = services.respondents(assessment_id)
    form = services.load(assessment_id).form
    question = next(q for _, q in form.iter_questions() if q.type.value == "maturity")
    services.record_answer(anna.id, question.id, AnswerValue.level(0))
    services.record_answer(janis.id, question.id, AnswerValue.level(3))
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    shown = label(window.results, "discussionPoints").text()
    number = form.question_numbers[question.id]
    assert f"<b>{number}</b>" in shown
    low, high = form.scale.levels[0], form.scale.levels[3]
    assert f"Atbildes no “0 – {low.label.lv}” līdz “3 – {high.label.lv}”." in shown
