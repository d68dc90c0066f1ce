"""The core subset in the new-assessment dialog, and law links on the question card."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.helpers import click, label, open_new_dialog, type_text


def test_core_only_is_offered_for_full_forms_and_creates_a_short_assessment(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = open_new_dialog(qtbot, window)
    dialog.form.setCurrentIndex(dialog.form.findData("quick"))
    assert not dialog.core_only.isVisible(), "the quick check has no core subset"
    assert "20 minūtes" in dialog.form_description.text()
    dialog.form.setCurrentIndex(dialog.form.findData("council"))
    assert dialog.core_only.isVisible()
    council = services.form("council")
    assert f"{council.core_count} jautājumi" in dialog.core_only.text()
    dialog.core_only.setChecked(True)
    editor = dialog.municipality.lineEdit()
    assert editor is not None
    type_text(editor, "Ķekavas novads")
    click(qtbot, dialog, "createButton")
    qtbot.waitUntil(lambda: window.current_page() == "questionnaire")
    assert window.current_id is not None
    form = services.load(window.current_id).form
    assert form.subset == "core" and form.question_count == council.core_count


def test_question_card_links_the_law(qtbot: QtBot, window: MainWindow, services: Services) -> None:
    form = services.form("council")
    theme, question = next((t, q) for t, q in form.iter_questions() if q.legal is not None)
    card = window.questionnaire.card
    card.show_question(form, theme, question, 1, 1, None, "", "lv")
    assert question.legal is not None and question.legal.url
    legal = label(card, "legalLabel")
    assert f'href="{question.legal.url}"' in legal.text()
    assert legal.openExternalLinks()
