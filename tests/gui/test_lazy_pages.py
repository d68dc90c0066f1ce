"""Only the home page is built at start-up; every other page is built when it is first used."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ethics_tool.gui.main_window import PAGES, MainWindow
from ethics_tool.gui.seminar import SEMINAR_PAGES
from ethics_tool.i18n import t
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs, open_window


def test_only_the_home_page_is_built_when_the_window_is_ready(window: MainWindow) -> None:
    assert list(window.pages.built()) == ["home"]
    assert window.current_page() == "home"
    # Every page is known (menus, toolbar, Ctrl+1…) though not built.
    assert set(PAGES) | set(SEMINAR_PAGES) <= set(window.pages)
    assert window.stack.count() == 1


def test_a_page_is_built_once_on_first_use(window: MainWindow, services: Services) -> None:
    assessment_id = services.create_assessment(municipality="Cēsu novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "results")
    assert window.current_page() == "results"
    assert window.pages.is_built("results") and not window.pages.is_built("questionnaire")
    results = window.results
    window.show_page("home")
    window.show_page("results")
    assert window.results is results and window.stack.count() == 2
    assert window.results.isVisible()


def test_language_switch_reaches_a_page_built_later(window: MainWindow) -> None:
    window.set_language("en")
    window.set_language("lv")
    assert not window.pages.is_built("settings")
    window.show_page("settings")
    assert window.page_actions["settings"].text() == t("Settings")
    assert window.settings_page.language.currentData() == "lv"


def test_the_last_page_is_restored_and_built(
    qtbot: QtBot,
    services: Services,
    settings_store: QSettings,
    dialogs: ScriptedDialogs,
) -> None:
    assessment_id = services.create_assessment(municipality="Valmieras novads", form_id="quick")
    settings_store.setValue("window/last_page", "questionnaire")
    settings_store.setValue("window/last_assessment", assessment_id)
    window = open_window(qtbot, services, settings_store, dialogs)
    assert window.current_page() == "questionnaire"
    assert set(window.pages.built()) == {"home", "questionnaire"}
    assert window.questionnaire.card.question is not None


def test_the_shortcut_list_names_the_keys_of_pages_not_opened_yet(window: MainWindow) -> None:
    dialog = window.shortcuts_dialog()
    assert window.pages.is_built("questionnaire")
    assert dialog is not None
