"""Every modal question the GUI asks, behind one object so that tests can answer for the user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ethics_tool.i18n import t


class Dialogs:
    """Standard dialogs parented to the main window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(t("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        box.exec()
        return box.clickedButton() is yes

    def error(self, title: str, text: str, details: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), file_filter)
        return Path(name) if name else None

    def open_path(self, title: str, directory: Path, file_filter: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.parent, title, str(directory), file_filter)
        return Path(name) if name else None
