"""Which questionnaire, in which language: the choice before a blank questionnaire is written.

The writing itself is file work (:mod:`ethics_tool.gui.files`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.labels import language_name
from ethics_tool.i18n import LANGUAGES, current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Questionnaire


def form_label(form: Questionnaire, lang: str | None = None) -> str:
    return f"{form.title.get(lang or current_language())} ({form.version})"


class BlankFormDialog(QDialog):
    """Which questionnaire, in which language."""

    def __init__(
        self,
        forms: list[Questionnaire],
        selected: int,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("blankFormDialog")
        self.setWindowTitle(t("Blank questionnaire (PDF)"))
        self.setMinimumWidth(460)
        intro = QLabel(t("A printable questionnaire with boxes to tick, for answering on paper."))
        intro.setWordWrap(True)
        self.form = QComboBox()
        self.form.setObjectName("blankFormField")
        self.form.setAccessibleName(t("Questionnaire"))
        for form in forms:
            self.form.addItem(form_label(form), form.id)
        self.form.setCurrentIndex(max(0, min(selected, len(forms) - 1)))
        self.language = QComboBox()
        self.language.setObjectName("blankLanguageField")
        self.language.setAccessibleName(t("Language"))
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        form_label_widget = QLabel(t("&Questionnaire:"))
        form_label_widget.setBuddy(self.form)
        language_label = QLabel(t("&Language:"))
        language_label.setBuddy(self.language)
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(form_label_widget, self.form)
        fields.addRow(language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t("Save as PDF…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def choice(self) -> tuple[int, str]:
        return self.form.currentIndex(), str(self.language.currentData())
