"""The seminar kit in the window: the Dilemmas page, "Discuss", the projector card, facilitator mode."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import Mode
from ethics_tool.gui.card_view import CardView, clock_text
from ethics_tool.gui.dialogs.new_assessment import NewAssessmentDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.pages.facilitator import PLAN
from ethics_tool.services import Services

from .conftest import ScriptedDialogs
from .helpers import click, type_text


def shown_ids(window: MainWindow) -> list[str]:
    assert window.seminar is not None
    page = window.seminar.dilemmas
    return [str(page.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(page.list.count())]


def test_the_dilemmas_page_filters_by_theme_audience_and_text(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.page_actions["dilemmas"].trigger()
    assert window.current_page() == "dilemmas"
    assert window.seminar is not None
    page = window.seminar.dilemmas
    total = len(services.seminar.deck)
    assert len(shown_ids(window)) == total
    assert page.count.text() == f"{total} no {total} kartītēm"
    page.theme.setCurrentIndex(page.theme.findData("T7"))
    assert shown_ids(window) and all(
        "T7" in services.seminar.deck.get(cid).themes for cid in shown_ids(window)
    )
    page.theme.setCurrentIndex(0)
    type_text(page.search, "dāvan")
    assert "festival-gifts" in shown_ids(window)
    assert "relative-bid" not in shown_ids(window)
    page.search.clear()
    page.audience.setCurrentIndex(page.audience.findData("council"))
    audiences = {services.seminar.deck.get(cid).audience.value for cid in shown_ids(window)}
    assert audiences <= {"council", "any"} and "council" in audiences
    # the selected card is shown with its options, questions and the facilitator's note
    page.audience.setCurrentIndex(0)
    assert page.select("festival-gifts")
    text = page.detail.toPlainText()
    assert "Dāvanas novada svētkos" in text and "Kādas vērtības ir uz spēles?" in text
    assert "MK 21.05.2013 noteikumi Nr. 255" in text


def test_discuss_on_the_results_page_opens_the_weakest_themes(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    newest = services.create_demo()
    window.home.refresh()
    window.open_assessment(newest, "results")
    click(qtbot, window.results, "discussButton")
    assert window.current_page() == "dilemmas"
    assert window.seminar is not None
    page = window.seminar.dilemmas
    results = services.results(newest)
    weakest = sorted(
        (theme.score, tid) for tid, theme in results.themes.items() if theme.score is not None
    )[0][1]
    ids = shown_ids(window)
    assert ids and weakest in services.seminar.deck.get(ids[0]).themes
    assert page.suggestion.isVisible() and weakest in page.suggestion.text()
    click(qtbot, page, "dilemmasShowAll")
    assert len(shown_ids(window)) == len(services.seminar.deck)


def test_the_projector_card_reveals_step_by_step_and_saves_a_session(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    aid = services.create_assessment(municipality="Ķekavas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(aid, "results")
    window.page_actions["dilemmas"].trigger()
    assert window.seminar is not None
    window.seminar.dilemmas.select("festival-gifts")
    click(qtbot, window.seminar.dilemmas, "presentDilemma")
    view = window.seminar.card_view
    assert isinstance(view, CardView)
    qtbot.waitExposed(view)
    assert view.isFullScreen()
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    assert view.situation.isVisible() and not view.options_box.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # a presenter's clicker: the options, the hands
    assert view.options_box.isVisible() and not view.discussion_box.isVisible()
    for spin, count in zip(view.tallies, (3, 6, 2, 9), strict=True):
        spin.setValue(count)
    assert view.bars[3].value() == 45  # 9 of 20 hands
    click(qtbot, view, "cardNext")  # the discussion: the four questions and the timer
    assert view.discussion_box.isVisible() and view.timer.running
    assert "Kādas vērtības ir uz spēles?" in view.questions.text()
    type_text(view.notes, "Vienojās par dāvanu reģistru.")
    assert view.assessment.currentData() == aid  # the open assessment is offered first
    click(qtbot, view, "cardSave")
    [record] = services.seminar.sessions(assessment_id=aid)
    assert record.dilemma_id == "festival-gifts" and record.tallies == (3, 6, 2, 9)
    assert record.notes == "Vienojās par dāvanu reģistru."
    assert view.message.text() == "Sesija saglabāta"
    # saving again updates the same session
    view.tallies[0].setValue(4)
    click(qtbot, view, "cardSave")
    assert [r.tallies for r in services.seminar.sessions()] == [(4, 6, 2, 9)]
    click(qtbot, view, "cardClose")
    qtbot.waitUntil(lambda: window.seminar is not None and window.seminar.card_view is None)
    assert "Iepriekšējās sesijas" in window.seminar.dilemmas.detail.toPlainText()


def test_print_cards_from_the_page(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.save_to = tmp_path / "kartites"
    window.page_actions["dilemmas"].trigger()
    assert window.seminar is not None
    page = window.seminar.dilemmas
    page.theme.setCurrentIndex(page.theme.findData("T4"))
    count = page.list.count()
    click(qtbot, page, "printDilemmas")
    target = tmp_path / "kartites.pdf"
    qtbot.waitUntil(
        lambda: window.seminar is not None and window.seminar.action_print.isEnabled(),
        timeout=20000,
    )
    assert target.exists() and not dialogs.errors
    reader = PdfReader(target)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Dāvanas novada svētkos" in text
    assert len(reader.pages) >= 2 * ((count + 3) // 4) + 1
    assert any("kartites.pdf" in asked for asked in dialogs.asked)


def test_cards_that_cannot_be_written_say_so_and_printing_stays_possible(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.save_to = tmp_path / "no such folder" / "kartites"
    window.page_actions["dilemmas"].trigger()
    assert window.seminar is not None
    action = window.seminar.action_print
    action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=20000)
    [(title, text)] = dialogs.errors
    assert title == "Kartītes neizdevās izveidot"
    assert "no such folder" in text
    assert action.isEnabled()
    assert not (tmp_path / "no such folder").exists()
    dialogs.errors.clear()
    dialogs.save_to = tmp_path / "kartites"
    action.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "kartites.pdf").exists() and action.isEnabled())
    assert not dialogs.errors


def test_facilitator_mode_steps_clock_and_actions(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.page_actions["facilitator"].trigger()
    assert window.current_page() == "facilitator"
    assert window.seminar is not None
    page = window.seminar.facilitator
    assert page.agenda.count() == len(PLAN) == 6
    assert page.total.text() == "Kopā 2 h 5 min"
    assert page.step_title.text() == "1. Ievads" and not page.step_button.isVisible()
    assert len(page.clock.text()) == 5 and page.clock.text()[2] == ":"
    click(qtbot, page, "stepNext")
    assert page.step_title.text() == "2. Ātrā pārbaude, atbildot kopā"
    click(qtbot, page, "facilitatorStart")  # the plan gets clock times
    start = page.started_at
    assert start is not None
    assert page.agenda.item(0).text().startswith(start.strftime("%H:%M"))
    assert page.agenda.item(1).text().startswith((start + timedelta(minutes=10)).strftime("%H:%M"))
    assert page.current == 0 and page.pace.text() == "Laikā"
    click(qtbot, page, "stepNext")
    click(qtbot, page, "stepAction")  # the quick check in consensus mode
    dialog = window.findChild(NewAssessmentDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selected_form() is not None and dialog.selected_form().id == "quick"
    assert dialog.mode() is Mode.CONSENSUS
    dialog.reject()
    for _ in range(len(PLAN)):
        click_if_enabled(qtbot, page)
    assert page.current == len(PLAN) - 1 and not page.next_button.isEnabled()
    click(qtbot, page, "stepPrevious")
    assert page.current == len(PLAN) - 2


def click_if_enabled(qtbot: QtBot, page: object) -> None:
    button = page.next_button  # type: ignore[attr-defined]
    if button.isEnabled():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_demo_data_in_one_click_and_gone_in_one_click(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.page_actions["facilitator"].trigger()
    assert window.seminar is not None
    click(qtbot, window.seminar.facilitator, "facilitatorDemo")
    assert len(services.list_assessments()) == 3
    click(qtbot, window.seminar.facilitator, "facilitatorDemo")  # never doubled
    assert len(services.list_assessments()) == 3
    assert window.home.model.rowCount() == 3
    click(qtbot, window.seminar.facilitator, "facilitatorRemoveDemo")
    assert services.list_assessments() == [] and services.seminar.sessions() == []


def test_clock_text() -> None:
    assert clock_text(0) == "00:00" and clock_text(61) == "01:01" and clock_text(-5) == "00:00"


def test_seminar_menu_and_english(qtbot: QtBot, window: MainWindow) -> None:
    assert window.seminar is not None
    assert window.seminar.menu.title() == "&Seminārs"
    window.set_language("en")
    try:
        assert window.seminar.menu.title() == "&Seminar"
        assert window.page_actions["dilemmas"].text() == "Dilemmas"
        assert window.seminar.facilitator.title.text() == "Seminar plan"
    finally:
        window.set_language("lv")
    QApplication.processEvents()
