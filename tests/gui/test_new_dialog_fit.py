"""The new-assessment dialog on a 1024×768 or 1280×720 screen: more respondents never squeeze texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ethics_tool.domain.answers import Mode
from ethics_tool.gui.main_window import MainWindow
from tests.gui.helpers import click, open_new_dialog


def _squeezed(root: QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs at their width (drawn over their neighbours)."""
    out = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.wordWrap() or not label.text():
            continue
        needed = label.heightForWidth(label.width())
        if label.height() < needed:
            out.append(f"{label.text()[:40]!r}: {label.height()} < {needed}")
    return out


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1280, 720)])
def test_a_third_respondent_does_not_squeeze_the_description(
    qtbot: QtBot, window: MainWindow, width: int, height: int
) -> None:
    available = QRect(0, 0, width, height - 40)  # less a task bar
    dialog = open_new_dialog(qtbot, window)
    dialog.fit_height(available)
    dialog.mode_buttons[Mode.INDIVIDUAL].setChecked(True)
    for _ in range(3):  # a third, fourth and fifth respondent
        click(qtbot, dialog, "addRespondent")
    # What a window manager on that screen does: never taller than the screen.
    dialog.fit_height(available)
    dialog.setMaximumHeight(min(dialog.maximumHeight(), available.height()))
    qtbot.waitUntil(lambda: dialog.height() <= available.height())
    # The description and the check box under it do not overlap (once the layout has run).
    description, core = dialog.form_description, dialog.core_only

    def apart() -> bool:
        top_of_core = core.mapTo(dialog, core.rect().topLeft()).y()
        return description.mapTo(dialog, description.rect().bottomLeft()).y() < top_of_core

    qtbot.waitUntil(lambda: not _squeezed(dialog) and apart(), timeout=2000)
    # The rest scrolls; the newest respondent is scrolled into view, the buttons stay visible.
    newest = dialog.respondent_rows[-1]
    qtbot.waitUntil(
        lambda: (
            dialog.fields_scroll.viewport()
            .rect()
            .contains(newest.mapTo(dialog.fields_scroll.viewport(), newest.rect().bottomLeft()))
        )
    )
    create = dialog.buttons.buttons()[0]
    assert dialog.rect().contains(create.mapTo(dialog, create.rect().bottomRight()))
    dialog.reject()
