"""The compare page and the results table show numbers by one rule (see also tests/unit/test_numbers.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.questionnaire import ItemType
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.helpers import label
from tests.gui.test_results import answered


def _number(text: str) -> float:
    """ "47,3 %" or "+4,5 p.p." or "−3,0 p.p." as a float."""
    cleaned = text.replace("%", "").replace("p.p.", "").replace("−", "-").replace(",", ".")
    return float(cleaned.strip())


def test_every_change_is_the_difference_of_the_scores_beside_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    first = answered(services, "Alūksnes novads", level=1, assessed_on=date(2024, 5, 1))
    second = services.new_round(first, assessed_on=date(2025, 5, 1))
    data = services.load(second)
    respondent = data.respondents[0].id
    # Uneven levels give scores with decimals (thirds, sevenths), where rounding matters.
    for n, (_, question) in enumerate(data.form.iter_questions()):
        value = (n % 3) + 2 if question.type is ItemType.MATURITY else (n % 4) + 2
        services.record_answer(respondent, question.id, AnswerValue.level(value))
    window.home.refresh()
    window.open_assessment(second, "compare")
    page = window.compare
    model = page.model
    assert model.rowCount() > 1
    for row in range(model.rowCount()):
        before, after, change = (model.index(row, c).data() for c in (1, 2, 3))
        if before == "–" or after == "–":
            continue
        assert before.endswith(" %") and "," in before, before
        assert change.endswith(" p.p."), change
        assert abs(_number(after) - _number(before) - _number(change)) < 1e-9, (before, after)
    overall = label(page, "compareOverall").text()
    shown = overall.split(": ", 1)[1]
    before_text, rest = shown.split(" → ")
    after_text, change_text = rest.rstrip(")").split(" (")
    assert abs(_number(after_text) - _number(before_text) - _number(change_text)) < 1e-9
    assert not label(page, "compareCoverageWarning").isVisible()


def test_compare_warns_when_a_round_has_few_answers(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    first = answered(services, "Tukuma novads", level=2, assessed_on=date(2024, 5, 1))
    second = services.new_round(first, assessed_on=date(2025, 5, 1))
    data = services.load(second)
    first_question = next(iter(data.form.iter_questions()))[1]
    services.record_answer(data.respondents[0].id, first_question.id, AnswerValue.level(3))
    window.home.refresh()
    window.open_assessment(second, "compare")
    warning = label(window.compare, "compareCoverageWarning")
    assert warning.isVisible()
    assert "01.05.2025." in warning.text() and "01.05.2024." not in warning.text()


def test_answered_counts_dont_know_in_the_results_table_and_explains_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = services.create_assessment(municipality="Cēsu novads", form_id="quick")
    data = services.load(assessment_id)
    theme = data.form.themes[0]
    respondent = data.respondents[0].id
    services.record_answer(respondent, theme.questions[0].id, AnswerValue.unknown())
    services.record_answer(respondent, theme.questions[1].id, AnswerValue.level(2))
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    navigator = window.questionnaire.navigator_model
    assert navigator.index(0, 1).data() == f"2/{len(theme.questions)}"
    meaning = navigator.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Nezinu" in meaning

    window.show_page("results")
    table = window.results.theme_model
    assert table.horizontalHeaderItem(4).text() == "Atbildēts"
    assert table.index(0, 4).data() == f"2/{len(theme.questions)}"
    assert table.horizontalHeaderItem(4).toolTip() == meaning
