"""Keyboard use of the questionnaire, persistence across windows, consensus mode."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import NewRespondent, Services
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import click, press, type_text


def _open(window: MainWindow, services: Services, **kwargs: object) -> int:
    assessment_id = services.create_assessment(
        municipality="Siguldas novads",
        form_id="quick",
        **kwargs,  # type: ignore[arg-type]
    )
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    return assessment_id


def test_keyboard_answers_and_navigation(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    page = window.questionnaire
    card = page.card
    form = services.load(assessment_id).form
    order = [q for _, q in form.iter_questions()]
    total = len(order)

    press(qtbot, window, Qt.Key.Key_2)
    assert card.level_buttons[2].isChecked()
    press(qtbot, window, Qt.Key.Key_7)  # not a level of this scale: nothing changes
    assert card.level_buttons[2].isChecked()
    press(qtbot, window, Qt.Key.Key_Right)
    assert card.position_label.text() == f"2. jautājums no {total}"
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert card.position_label.text() == f"1. jautājums no {total}"
    press(qtbot, window, Qt.Key.Key_End)
    assert card.position_label.text() == f"{total}. jautājums no {total}"
    press(qtbot, window, Qt.Key.Key_Home)
    assert card.text_label.text() == order[0].text.lv

    # Ctrl+U jumps over the answered first question to the next one without an answer.
    qtbot.keyClick(card, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert card.position_label.text() == f"2. jautājums no {total}"
    press(qtbot, window, Qt.Key.Key_D)
    qtbot.keyClick(card, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert card.position_label.text() == f"3. jautājums no {total}"

    # Digits typed into the comment box are text, not answers.
    press(qtbot, window, Qt.Key.Key_N)
    card.comment.setFocus()
    type_text(card.comment, "3 lēmumi")
    assert card.na_button.isChecked()
    assert card.comment.toPlainText() == "3 lēmumi"
    card.flush_comment()

    stored = services.load(assessment_id).answers[0].answers
    assert stored[order[0].id] == AnswerValue.level(2)
    assert stored[order[1].id].kind is AnswerKind.UNKNOWN
    assert stored[order[2].id] == AnswerValue.na("3 lēmumi")
    first_theme_progress = page.navigator.model().index(0, 1).data()
    assert first_theme_progress.startswith("2/")

    # Clearing an answer removes it from the database too.
    press(qtbot, window, Qt.Key.Key_Home)
    click(qtbot, page, "clearAnswerButton")
    assert order[0].id not in services.load(assessment_id).answers[0].answers
    assert not any(b.isChecked() for b in card.level_buttons.values())


def test_answers_survive_reopening_the_window(
    qtbot: QtBot,
    services: Services,
    settings_store: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    first = open_window(qtbot, services, settings_store, dialogs)
    assessment_id = _open(first, services)
    press(qtbot, first, Qt.Key.Key_4)
    first.questionnaire.card.comment.setFocus()
    type_text(first.questionnaire.card.comment, "Lēmums Nr. 12")
    first.close()  # closing saves the comment that is still being typed

    second = open_window(qtbot, services, settings_store, dialogs)
    # The window comes back on the page and the assessment it was closed on.
    assert second.current_page() == "questionnaire"
    assert second.current_id == assessment_id
    card = second.questionnaire.card
    press(qtbot, second, Qt.Key.Key_Home)
    assert card.level_buttons[4].isChecked()
    assert card.comment.toPlainText() == "Lēmums Nr. 12"


def test_consensus_shows_individual_answers_beside_the_group(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(
        window,
        services,
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.STAFF)],
    )
    data = services.load(assessment_id)
    first_question = next(data.form.iter_questions())[1].id
    anna, janis = (r.id for r in data.respondents if r.role is not Role.GROUP)
    services.record_answer(anna, first_question, AnswerValue.level(0))
    services.record_answer(janis, first_question, AnswerValue.level(3))
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    switcher = page.respondents
    assert switcher.isVisible()
    total = sum(1 for _ in data.form.iter_questions())
    assert switcher.currentText() == f"Grupa (kopīgā atbilde) — 0/{total}"
    others = page.card.others
    assert others.isVisible()
    assert "Anna: 0 – Nav ieviests" in others.text()
    assert "Jānis: 3 – Ieviests" in others.text()
    assert "pārrunājiet" in others.text()  # a spread of three levels is a discussion point

    press(qtbot, window, Qt.Key.Key_2)  # the group's agreed answer
    switcher.setCurrentIndex(switcher.findText(f"Anna (Deputāts) — 1/{total}"))
    assert page.card.level_buttons[0].isChecked()
    assert not page.card.others.isVisible()
    group = next(r.id for r in data.respondents if r.role is Role.GROUP)
    answers = {
        r.id: a.answers
        for r, a in zip(data.respondents, services.load(assessment_id).answers, strict=True)
    }
    assert answers[group][first_question] == AnswerValue.level(2)
