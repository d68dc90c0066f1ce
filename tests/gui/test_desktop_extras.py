"""Help → Keyboard shortcuts, context menus on the lists, comment marks in the navigator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ethics_tool.gui.dialogs.shortcuts import ShortcutsDialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.services import Services
from tests.gui.conftest import ScriptedDialogs
from tests.gui.helpers import press, type_text


def test_the_shortcuts_dialog_lists_every_key(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialog = window.shortcuts_dialog()
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.addWidget(dialog)
    keys = {k for k, _ in dialog.rows()}
    for wanted in ("Ctrl+P", "F5", "F11", "Ctrl+Q", "Ctrl+Z", "Ctrl+N", "Ctrl+U", "Esc"):
        assert any(wanted in k for k in keys), wanted
    for number in range(1, 6):  # the sixth page, Help, is F1
        assert f"Ctrl+{number}" in keys
    assert any(k.startswith("Ctrl+Shift+Z") for k in keys)
    texts = dict(dialog.rows())
    assert texts["Ctrl+P"] == "Eksportēt PDF"
    window.show_shortcuts()
    assert dialogs.asked[-1] == "Tastatūras īsinājumtaustiņi"


def test_context_menus_on_the_home_list_and_the_action_plan(
    window: MainWindow, services: Services
) -> None:
    table = window.home.table
    assert table.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    names = [a.objectName() for a in table.actions()]
    assert {"actionOpen", "actionResults", "actionNewRound", "actionDelete"} <= set(names)
    plan = window.results.plan.action_table
    assert plan.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert [a.text() for a in plan.actions()] == ["Pievienot pasākumu", "Dzēst pasākumu"]


def test_navigator_marks_questions_with_a_comment(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    assessment_id = services.create_assessment(municipality="Siguldas novads", form_id="quick")
    window.home.refresh()
    window.open_assessment(assessment_id, "questionnaire")
    page = window.questionnaire
    model = page.navigator_model
    first = model.index(0, 1, model.index(0, 0))
    press(qtbot, window, Qt.Key.Key_3)
    assert first.data() == "3"
    page.card.comment.setFocus()
    qtbot.waitUntil(page.card.comment.hasFocus)
    type_text(page.card.comment, "nolikums")
    qtbot.keyClick(page.card.comment, Qt.Key.Key_Escape)
    assert first.data() == "3 ✎"
    assert "nolikums" in first.data(Qt.ItemDataRole.ToolTipRole)
    # A comment typed before the answer is marked too.
    press(qtbot, window, Qt.Key.Key_Right)
    second = model.index(1, 1, model.index(0, 0))
    page.card.comment.setFocus()
    qtbot.waitUntil(page.card.comment.hasFocus)
    type_text(page.card.comment, "jānoskaidro")
    qtbot.keyClick(page.card.comment, Qt.Key.Key_Escape)
    assert second.data() == "✎"
