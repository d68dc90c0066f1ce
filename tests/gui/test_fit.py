"""The window on a projector: at 1024×768 and 1280×720, in normal and presentation mode (large
text), the controls a seminar needs lie fully inside the window and inside their scroll viewport.

"Fully visible" is checked as a user would see it: the control is shown, and its rectangle lies
inside every widget it sits in, up to the window (so nothing is cut off by the window edge, hidden
under a scroll area's edge or clipped by a too-narrow parent).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.gui.appearance import apply_appearance
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.screen_fit import fit_rect, fit_to_screen
from ethics_tool.services import Services

SIZES = [(1024, 768), (1280, 720)]


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def outside(widget: QWidget, top: QWidget) -> str:
    """Why ``widget`` is not fully visible inside ``top`` ("" when it is)."""
    if not widget.isVisible():
        return f"{widget.objectName() or type(widget).__name__} is hidden"
    parent = widget.parentWidget()
    while parent is not None:
        rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(rect):
            name = widget.objectName() or type(widget).__name__
            where = parent.objectName() or type(parent).__name__
            return f"{name} {rect.getRect()} sticks out of {where} {parent.rect().getRect()}"
        if parent is top:
            return ""
        parent = parent.parentWidget()
    return ""


def assert_visible(top: QWidget, *widgets: QWidget) -> None:
    problems = [problem for w in widgets if (problem := outside(w, top))]
    assert not problems, "\n".join(problems)


def child(parent: QWidget, name: str) -> QWidget:
    found = parent.findChild(QWidget, name)
    assert found is not None, name
    return found


@pytest.fixture(params=[False, True], ids=["normal", "presentation"])
def large(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    apply_appearance(qapp, large_fonts=request.param, high_contrast=False)
    yield request.param
    apply_appearance(qapp, large_fonts=False, high_contrast=False)


@pytest.fixture
def data(services: Services) -> tuple[int, int]:
    demo = services.create_demo()
    fresh = services.create_assessment(municipality="Ķekavas novads", form_id="quick")
    person = services.respondents(fresh)[0].id
    for _, question in list(services.form("quick").iter_questions())[:3]:
        services.record_answer(person, question.id, AnswerValue.level(2))
    return demo, fresh


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    data: tuple[int, int],
    size: tuple[int, int],
    large: bool,
) -> None:
    demo, fresh = data
    window.home.refresh()
    window.resize(*size)
    settle()
    # nothing forces the window wider or taller than the projector
    assert window.width() <= size[0] and window.height() <= size[1]

    window.show_page("home")
    settle()
    assert_visible(window, child(window.home, "button_actionNew"), window.home.table)
    assert_visible(window, window.home.search)

    window.open_assessment(fresh, "questionnaire")
    page = window.questionnaire
    page.go_to(3)  # a maturity question with all five levels and "don't know"
    settle()
    card = page.card
    levels = list(card.level_buttons.values())
    assert_visible(window, card.text_label, page.next_button, page.previous_button, levels[0])
    assert_visible(window, page.progress, page.header.results_button)
    if large and size == (1280, 720):
        # presentation on a 1280×720 projector: the question and every answer without scrolling
        specials = [b for b in (card.na_button, card.unknown_button) if not b.isHidden()]
        assert_visible(window, *levels, *specials)
    # the progress text is never cut off ("Atbildēti 93 no 93")
    text = page.progress.text() or page.progress.format()
    assert page.progress.width() >= page.progress.fontMetrics().horizontalAdvance(text)

    window.open_assessment(demo, "results")
    settle()
    summary = window.results.summary
    # score, band and radar together, without scrolling
    assert_visible(window, summary.overall, summary.band, summary.radar)
    assert_visible(window, window.results.export_pdf_button, window.results.discuss_button)

    window.show_page("compare")
    settle()
    assert_visible(
        window, child(window.compare, "roundBefore"), child(window.compare, "roundAfter")
    )

    assert window.seminar is not None
    window.show_page("dilemmas")
    settle()
    dilemmas = window.seminar.dilemmas
    assert_visible(window, dilemmas.list, dilemmas.present_button, dilemmas.print_button)
    assert_visible(window, dilemmas.theme, dilemmas.search)

    window.show_page("facilitator")
    settle()
    facilitator = window.seminar.facilitator
    assert_visible(window, facilitator.clock, facilitator.next_button, facilitator.step_title)
    assert_visible(window, facilitator.agenda, facilitator.previous_button)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_projector_card_fits(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], large: bool
) -> None:
    assert window.seminar is not None
    view = window.seminar.present("festival-gifts")
    qtbot.waitExposed(view)
    view.showNormal()
    view.resize(*size)
    settle()
    assert view.width() <= size[0] and view.height() <= size[1]
    assert_visible(view, view.title, view.next_button, view.close_button)
    view.next_step()
    settle()
    # every option with its count of hands
    assert_visible(view, *view.option_labels, *view.tallies, view.save_button)
    view.next_step()
    settle()
    assert_visible(view, view.timer.display, view.save_button, view.assessment)
    view.reject()


def test_a_saved_size_larger_than_the_screen_is_fitted() -> None:
    screen = QRect(0, 0, 1024, 768)
    assert fit_rect(QRect(300, 200, 1240, 820), screen) == QRect(0, 0, 1024, 768)
    assert fit_rect(QRect(900, 700, 400, 300), screen) == QRect(624, 468, 400, 300)
    assert fit_rect(QRect(-50, 10, 400, 300), screen) == QRect(0, 10, 400, 300)
    assert fit_rect(QRect(10, 10, 400, 300), screen) == QRect(10, 10, 400, 300)


def test_the_window_opens_inside_its_screen(window: MainWindow) -> None:
    """A size remembered from a large monitor is cut down to the screen the window opens on."""
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    window.setGeometry(QRect(600, 500, 2400, 1600))
    fit_to_screen(window)
    assert available.contains(window.frameGeometry())
