"""Language switch at run time, presentation mode, the settings and help pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ethics_tool import i18n
from ethics_tool.gui.appearance import BASE_POINT_SIZE, apply_appearance
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs, open_window
from tests.gui.helpers import label


@pytest.fixture
def plain_appearance(qapp: QApplication) -> Iterator[None]:
    yield
    apply_appearance(qapp, large_fonts=False, high_contrast=False)


def test_language_switch_retranslates_every_page(
    qtbot: QtBot, window: MainWindow, services: Services, settings_store: QSettings
) -> None:
    assessment_id = services.create_assessment(municipality="Madonas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    card = window.questionnaire.card
    assert window.page_actions["home"].text() == "Sākums"
    assert card.na_button.title_label.text() == "Nav attiecināms"
    latvian_question = card.text_label.text()

    window.show_page("settings")
    combo = window.settings_page.language
    combo.setCurrentIndex(combo.findData("en"))

    assert i18n.current_language() == "en"
    assert window.page_actions["home"].text() == "Home"
    assert label(window.home, "homeTitle").text() == "Assessments"
    assert card.na_button.title_label.text() == "Not applicable"
    assert card.text_label.text() != latvian_question  # the form's own text follows too
    assert window.home.model.headerData(0, Qt.Orientation.Horizontal) == "Municipality"
    assert settings_store.value("language") == "en"
    # Qt's own texts in standard dialogs: English now, Latvian again after switching back.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"

    combo.setCurrentIndex(combo.findData("lv"))
    assert window.page_actions["home"].text() == "Sākums"
    assert card.text_label.text() == latvian_question
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Atcelt"


def test_language_is_remembered(
    qtbot: QtBot, services: Services, settings_store: QSettings, dialogs: ScriptedDialogs
) -> None:
    first = open_window(qtbot, services, settings_store, dialogs)
    first.set_language("en")
    first.close()
    assert settings_store.value("language") == "en"


def test_presentation_mode(
    qtbot: QtBot, window: MainWindow, settings_store: QSettings, plain_appearance: None
) -> None:
    window.show_page("settings")
    page = window.settings_page
    page.large_fonts.setChecked(True)
    assert QApplication.font().pointSizeF() > BASE_POINT_SIZE * 1.3
    assert label(window.home, "homeTitle").font().pointSizeF() > BASE_POINT_SIZE * 2
    page.high_contrast.setChecked(True)
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    page.full_screen.setChecked(True)
    assert window.action_full_screen.isChecked()
    assert settings_store.value("appearance/large_fonts") in (True, "true")
    assert window.action_presentation.isChecked()  # large text + full screen
    page.full_screen.setChecked(False)
    assert not window.action_full_screen.isChecked()
    assert not window.action_presentation.isChecked()
    page.large_fonts.setChecked(False)
    assert QApplication.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)

    window.action_presentation.trigger()  # F5 in the View menu
    assert page.large_fonts.isChecked() and page.full_screen.isChecked()
    window.action_presentation.trigger()
    assert not page.large_fonts.isChecked() and not window.action_full_screen.isChecked()


def test_settings_and_help_show_where_the_data_lives(
    window: MainWindow, services: Services
) -> None:
    window.show_page("settings")
    assert label(window.settings_page, "dataLocation").text() == str(services.db.path)
    window.show_page("about")
    html = window.about.text.toPlainText()
    assert "MIT" in html and "DejaVu" in html and str(services.db.path) in html
    assert "Ētikas pašnovērtējums" in html
