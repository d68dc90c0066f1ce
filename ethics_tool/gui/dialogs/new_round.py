"""The date and the label of a new round, asked before "New round" creates it.

Two rounds of the same unit looked identical in the list (same unit, today's date); a label
("2. kārta", "Pavasaris 2027") tells them apart wherever a round's date is shown.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import ROUND_LABEL_MAX, round_text
from ethics_tool.domain.dates import DateTextError
from ethics_tool.gui.dialogs.sizing import keep_minimum
from ethics_tool.gui.widgets.date_input import DateField
from ethics_tool.i18n import t, unit_type_label

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentInfo

_NUMBERED = re.compile(r"^\s*(\d+)\.\s*(.*)$")


def suggested_label(rounds: list[AssessmentInfo]) -> str:
    """The next number after the rounds of this unit so far: "3. kārta" after two rounds."""
    numbers = [int(m[1]) for info in rounds if (m := _NUMBERED.match(info.round_label))]
    return t("Round {number}", number=max([len(rounds), *numbers]) + 1)


class NewRoundDialog(QDialog):
    """Date (typed the Latvian way or picked) and label of the round to start."""

    def __init__(
        self, previous: AssessmentInfo, rounds: list[AssessmentInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newRoundDialog")
        self.setWindowTitle(t("New round"))
        self.previous = previous
        intro = QLabel(
            t(
                "The new round of {unit} gets the same respondents and the current questionnaire, "
                "with no answers. The previous round ({previous}) stays as it is, for comparison.",
                unit=previous.municipality
                + " — "
                + (previous.unit_name or unit_type_label(previous.unit_type)),
                previous=round_text(previous),
            )
        )
        intro.setObjectName("newRoundIntro")
        intro.setWordWrap(True)
        self.date = DateField(self)
        self.date.edit.setObjectName("roundDateField")
        self.date.set_value(date.today())
        self.label = QLineEdit()
        self.label.setObjectName("roundLabelField")
        self.label.setMaxLength(ROUND_LABEL_MAX)
        self.label.setText(suggested_label(rounds))
        self.label.setPlaceholderText(t("e.g. Round 2, Spring 2027"))
        date_label = QLabel(t("&Date:"))
        date_label.setBuddy(self.date.edit)
        label_label = QLabel(t("&Label:"))
        label_label.setBuddy(self.label)
        self.problem = QLabel()
        self.problem.setObjectName("newRoundProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(date_label, self.date)
        fields.addRow(label_label, self.label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(t("Create round"))
        ok.setObjectName("createRoundButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(fields)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.date.edit.textChanged.connect(self._check)
        self._check()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_minimum(self, 480)
        self.label.setFocus()
        self.label.selectAll()

    def _check(self) -> None:
        """A date that is not a date disables Create; one before the previous round is questioned."""
        problem = ""
        try:
            value = self.date.value()
        except DateTextError:
            value = None
            valid = False
        else:
            valid = value is not None
            if value is None:
                problem = t("Enter the date of the new round.")
        if value is not None and value <= self.previous.assessed_on:
            problem = t(
                "The date is not after the previous round ({previous}); check that it is right.",
                previous=round_text(self.previous),
            )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)

    def request(self) -> tuple[date, str]:
        """The date and label chosen (only called after the dialog was accepted)."""
        value = self.date.value()
        assert value is not None
        return value, self.label.text().strip()
