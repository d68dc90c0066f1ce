"""Keyboard focus on the questionnaire page: keys answer only when no text field has the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.domain.questionnaire import ItemType
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.helpers import press, type_text


def _open(window: MainWindow, services: Services) -> int:
    assessment_id = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    return assessment_id


def _position_of(services: Services, assessment_id: int, wanted: object) -> int:
    form = services.load(assessment_id).form
    for position, (_, question) in enumerate(form.iter_questions()):
        if wanted(form, question):  # type: ignore[operator]
            return position
    raise AssertionError("the quick form has no such question")


def test_esc_leaves_the_comment_and_the_next_key_answers(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    card = window.questionnaire.card
    press(qtbot, window, Qt.Key.Key_2)
    card.comment.setFocus()
    qtbot.waitUntil(card.comment.hasFocus)
    type_text(card.comment, "protokols")
    qtbot.keyClick(card.comment, Qt.Key.Key_Escape)
    assert not card.comment.hasFocus()
    assert card.hasFocus()
    press(qtbot, window, Qt.Key.Key_3)
    assert card.comment.toPlainText() == "protokols"
    first = next(iter(services.load(assessment_id).form.iter_questions()))[1]
    stored = services.load(assessment_id).answers[0].answers[first.id]
    assert stored == AnswerValue.level(3, "protokols")


def test_moving_to_another_question_takes_the_focus_off_the_comment(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    page = window.questionnaire
    card = page.card
    press(qtbot, window, Qt.Key.Key_1)
    card.comment.setFocus()
    qtbot.waitUntil(card.comment.hasFocus)
    type_text(card.comment, "skat. nolikumu")
    qtbot.keyClick(card.comment, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert page.session is not None and page.session.position == 1
    assert not card.comment.hasFocus()
    press(qtbot, window, Qt.Key.Key_4)
    assert card.comment.toPlainText() == ""
    answers = services.load(assessment_id).answers[0].answers
    order = [q for _, q in services.load(assessment_id).form.iter_questions()]
    assert answers[order[0].id] == AnswerValue.level(1, "skat. nolikumu")
    assert answers[order[1].id] == AnswerValue.level(4)


def test_a_stray_click_beside_the_comment_keeps_typing_in_it(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    card = window.questionnaire.card
    press(qtbot, window, Qt.Key.Key_2)
    card.comment.setFocus()
    qtbot.waitUntil(card.comment.hasFocus)
    # A click on the card's background (on the theme name) and then typing.
    qtbot.mouseClick(card.theme_label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert card.comment.hasFocus()
    type_text(card.comment, "N")
    first = next(iter(services.load(assessment_id).form.iter_questions()))[1]
    assert card.level_buttons[2].isChecked()
    assert card.comment.toPlainText() == "N"
    card.flush_comment()
    assert services.load(assessment_id).answers[0].answers[first.id] == AnswerValue.level(2, "N")


def test_a_refused_key_says_why_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    page = window.questionnaire

    legal = _position_of(
        services, assessment_id, lambda f, q: q.legal is not None and not f.allows_na(q)
    )
    page.go_to(legal)
    press(qtbot, window, Qt.Key.Key_N)
    assert page.session is not None and page.session.current_answer() is None
    message = window.statusBar().currentMessage()
    assert "Nav attiecināms" in message and "tiesību akt" in message, message

    statement = _position_of(services, assessment_id, lambda f, q: q.type is ItemType.PERCEPTION)
    page.go_to(statement)
    press(qtbot, window, Qt.Key.Key_0)
    assert page.session.current_answer() is None
    message = window.statusBar().currentMessage()
    assert "0" in message and "1" in message and "5" in message, message

    # An allowed key still answers, and a level outside 0–4 is explained too.
    maturity = _position_of(services, assessment_id, lambda f, q: q.type is ItemType.MATURITY)
    page.go_to(maturity)
    press(qtbot, window, Qt.Key.Key_7)
    assert "0–4" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_4)
    assert page.session.current_answer() == AnswerValue.level(4)


def test_a_long_comment_shows_its_length_and_the_limit_before_it_is_refused(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = _open(window, services)
    card = window.questionnaire.card
    press(qtbot, window, Qt.Key.Key_2)
    assert not card.comment_count.isVisible()
    card.comment.setPlainText("a" * 18_500)
    assert card.comment_count.isVisible()
    assert card.comment_count.text() == "18\u202f500 no 20\u202f000 rakstzīmēm"
    card.flush_comment()
    saved = services.load(assessment_id).answers[0].answers
    assert len(next(iter(saved.values())).comment) == 18_500
    card.comment.setPlainText("a" * 20_001)
    assert "par garu, saīsiniet komentāru" in card.comment_count.text()
    card.comment.setPlainText("short")
    assert not card.comment_count.isVisible()
