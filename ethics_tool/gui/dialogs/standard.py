"""Standard modal questions behind one object, so that tests can answer for the user.

:class:`Dialogs` knows no feature dialog: a feature dialog (a ``QDialog`` of this package) is
shown with :meth:`Dialogs.ask`, which tests replace like every other question.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

# The Qt classes of the dialogs are imported where they are used: the main window makes its
# Dialogs before the first paint, and building QMessageBox's Python type alone takes about 2 ms.


class Dialogs:
    """Standard dialogs parented to the main window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, action: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(t("Cancel"), QMessageBox.ButtonRole.RejectRole)
        # Enter must never destroy anything: Cancel is the default, and Esc cancels too.
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def error(self, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, text)

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        from ethics_tool.gui.dialogs.file_dialog import chosen_files, file_dialog

        dialog = file_dialog(self.parent, title, suggested, file_filter, save=True)
        chosen = chosen_files(dialog)
        return chosen[0] if chosen else None

    def open_path(self, title: str, directory: Path, file_filter: str) -> Path | None:
        from ethics_tool.gui.dialogs.file_dialog import chosen_files, file_dialog

        chosen = chosen_files(file_dialog(self.parent, title, directory, file_filter))
        return chosen[0] if chosen else None

    def offer_open(self, title: str, text: str) -> bool:
        """Say that a file was written; True when the user wants to open it."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        open_button = box.addButton(t("Open file"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(t("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.exec()
        return box.clickedButton() is open_button

    def ask(self, dialog: QDialog) -> bool:
        """Show a feature dialog modally; True when the user accepted it."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted
