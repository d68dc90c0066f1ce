"""In the pseudo-locale every text is ~40 % longer: no page or dialog may clip a label or button.

Latvian runs longer than English; the pseudo-locale (``ETHICS_TOOL_PSEUDO=1``) exaggerates that, so
a label that only just fits today is found before a translation makes it not fit. The window is
walked at 1280×720, the smallest size the program promises to work at: every page (the seminar
kit's too), the results tabs, dialogs, the facilitator's agenda and the card shown to the room.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QToolBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ethics_tool import pseudo_locale
from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.gui.dialogs.blank_form import BlankFormDialog
from ethics_tool.gui.main_window import PAGES, MainWindow
from ethics_tool.gui.pages.facilitator import PLAN
from ethics_tool.gui.seminar import SEMINAR_PAGES
from ethics_tool.services import NewRespondent, Services
from tests.gui.helpers import open_new_dialog

WIDTH, HEIGHT = 1280, 720
BUTTONS = (QPushButton, QToolButton, QCheckBox, QRadioButton)


@pytest.fixture
def pseudo() -> Iterator[None]:
    pseudo_locale.set_active(True)
    yield
    pseudo_locale.set_active(False)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _label_need(label: QLabel) -> int:
    text = label.text().replace("&&", "\0")
    if label.buddy() is not None:
        text = text.replace("&", "")
    lines = text.replace("\0", "&").splitlines() or [""]
    return max(label.fontMetrics().horizontalAdvance(line) for line in lines)


def clipped(root: QWidget) -> list[str]:
    """Visible labels, buttons and drop-down lists under ``root`` whose text is wider than the room
    they have."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel):
            text = widget.text()
            rich = widget.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<")
            if not text:
                continue
            if widget.wordWrap():
                # Wrapped text needs its height for the width it has.
                tall = widget.heightForWidth(widget.width())
                if tall > widget.height() + 1:
                    found.append(
                        f"{name} {text[:40]!r}…: needs {tall} px high, has {widget.height()}"
                    )
                continue
            if rich:
                continue
            room = widget.contentsRect().width() - 2 * widget.margin() - max(widget.indent(), 0)
            need = _label_need(widget)
            if need > room:
                found.append(f"{name} {text!r}: needs {need} px, has {room}")
        elif isinstance(widget, BUTTONS) and isinstance(widget, QAbstractButton):
            if widget.text() and widget.width() < widget.sizeHint().width():
                found.append(
                    f"{name} {widget.text()!r}: needs {widget.sizeHint().width()} px, "
                    f"has {widget.width()}"
                )
        elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            room = (
                widget.style()
                .subControlRect(
                    QStyle.ComplexControl.CC_ComboBox,
                    option,
                    QStyle.SubControl.SC_ComboBoxEditField,
                    widget,
                )
                .width()
            )
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if need > room:
                found.append(f"{name} {widget.currentText()!r}: needs {need} px, has {room}")
        elif isinstance(widget, QProgressBar) and widget.isTextVisible() and widget.text():
            need = widget.fontMetrics().horizontalAdvance(widget.text()) + 8
            if need > widget.width():
                found.append(f"{name} {widget.text()!r}: needs {need} px, has {widget.width()}")
        elif isinstance(widget, QToolBar):
            extension = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                found.append(f"{name}: some actions are hidden behind »")
    return found


def fits(widget: QWidget) -> list[str]:
    settle()
    problems = clipped(widget)
    if widget.width() > WIDTH or widget.height() > HEIGHT:
        problems.append(f"{widget.objectName()} is {widget.width()}×{widget.height()}")
    return problems


def test_no_page_clips_a_text_in_the_pseudo_locale(
    qtbot: QtBot, pseudo: None, window: MainWindow, services: Services
) -> None:
    first = services.create_assessment(
        municipality="Ķekavas novads",
        form_id="quick",
        unit_type="komiteja",
        unit_name="Finanšu komiteja",
        assessed_on=date(2024, 5, 1),
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.STAFF)],
    )
    data = services.load(first)
    for position, (_, question) in enumerate(data.form.iter_questions()):
        for person in data.respondents:
            services.record_answer(person.id, question.id, AnswerValue.level(position % 4 + 1))
    second = services.new_round(first, assessed_on=date(2025, 5, 1))  # no answers yet
    window.retranslate()
    window.resize(WIDTH, HEIGHT)
    window.home.refresh()
    window.open_assessment(first, "questionnaire")

    problems: dict[str, list[str]] = {}
    # Every page the window has: the main ones and those the seminar kit adds.
    assert set(PAGES) | set(SEMINAR_PAGES) <= set(window.pages)
    for name in window.pages:
        window.show_page(name)
        if name == "results":
            for tab in range(window.results.tabs.count()):
                window.results.tabs.setCurrentIndex(tab)
                if found := fits(window):
                    problems[f"results tab {tab}"] = found
            window.results.tabs.setCurrentIndex(0)
        elif found := fits(window):
            problems[name] = found

    # A round without answers shows the low-coverage warning and "not enough answers".
    window.open_assessment(second, "results")
    if found := fits(window):
        problems["results without answers"] = found

    window.open_assessment(first, "questionnaire")
    respondents = window.questionnaire.manage_respondents()
    assert respondents is not None
    qtbot.waitUntil(respondents.isVisible)
    if found := fits(respondents):
        problems["respondents dialog"] = found
    respondents.reject()
    window.show_page("home")
    new = open_new_dialog(qtbot, window)
    new.set_mode(Mode.INDIVIDUAL)
    if found := fits(new):
        problems["new assessment dialog"] = found
    new.reject()
    blank = BlankFormDialog(services.forms(), 0, "lv", window)
    blank.show()
    qtbot.waitUntil(blank.isVisible)
    if found := fits(blank):
        problems["blank questionnaire dialog"] = found
    blank.reject()
    problems.update(_seminar_problems(qtbot, window, first))
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())


def _seminar_problems(qtbot: QtBot, window: MainWindow, assessment_id: int) -> dict[str, list[str]]:
    """The seminar kit: the Dilemmas page (a card chosen, suggestions from "Discuss"), every
    step of the facilitator's agenda, and the card shown to the room."""
    problems: dict[str, list[str]] = {}
    kit = window.seminar
    assert kit is not None
    window.open_assessment(assessment_id, "results")
    kit.discuss(kit.weakest_themes(assessment_id))
    assert window.current_page() == "dilemmas"
    if found := fits(window):
        problems["dilemmas: cards for the weakest themes"] = found
    kit.dilemmas.show_all()
    kit.dilemmas.select(kit.dilemmas.visible_cards()[0].id)
    if found := fits(window):
        problems["dilemmas: a card chosen"] = found
    window.show_page("facilitator")
    for step in range(len(PLAN)):
        kit.facilitator.go_to(step)
        if found := fits(window):
            problems[f"seminar step {PLAN[step].key}"] = found
    view = kit.present(kit.dilemmas.visible_cards()[0].id)
    qtbot.waitUntil(view.isVisible)
    view.showNormal()
    view.resize(WIDTH, HEIGHT)
    if found := fits(view):
        problems["card shown to the room"] = found
    view.close()
    return problems
