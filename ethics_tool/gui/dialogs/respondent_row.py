"""One respondent in the set-up dialog: a name or pseudonym, a role and a remove button."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ethics_tool.domain.answers import Role
from ethics_tool.gui.labels import individual_roles, role_label
from ethics_tool.i18n import t


class RespondentRow(QWidget):
    """One respondent: a label (name or pseudonym) and a role."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLineEdit()
        self.label.setObjectName(f"respondentLabel{number}")
        self.role = QComboBox()
        self.role.setObjectName(f"respondentRole{number}")
        self.remove = QPushButton()
        self.remove.setObjectName(f"respondentRemove{number}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.role)
        layout.addWidget(self.remove)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.role.currentData()
        self.role.clear()
        for role in individual_roles():
            self.role.addItem(role_label(role), role.value)
        if current is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(current)))
        else:
            self.role.setCurrentIndex(self.role.findData(Role.OTHER.value))
        self.label.setPlaceholderText(t("Name or pseudonym, e.g. Councillor 1"))
        self.label.setAccessibleName(t("Respondent"))
        self.role.setAccessibleName(t("Role"))
        self.remove.setText(t("Remove"))
