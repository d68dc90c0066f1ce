"""Before an assessment is marked finished ("Pabeigt"): what is still missing, then finish or go back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import round_text
from ethics_tool.gui.dialogs.sizing import keep_minimum
from ethics_tool.i18n import t, unit_type_label

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentInfo
    from ethics_tool.domain.completeness import Missing


class FinishDialog(QDialog):
    """The missing things grouped by respondent, action plan and cover; "Go back" is the default."""

    def __init__(
        self, info: AssessmentInfo, missing: list[Missing], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("finishDialog")
        self.setWindowTitle(t("Finish the assessment"))
        self.missing = missing
        unit = info.municipality + " — " + (info.unit_name or unit_type_label(info.unit_type))
        if missing:
            text = t(
                "{unit}, {round}: some things are still missing. You can finish anyway (the "
                "assessment can be reopened later) or go back and complete them.",
                unit=unit,
                round=round_text(info),
            )
        else:
            text = t(
                "{unit}, {round}: every question is answered and every action has someone "
                "responsible and a deadline.",
                unit=unit,
                round=round_text(info),
            )
        intro = QLabel(text)
        intro.setObjectName("finishIntro")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setObjectName("missingList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(True)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(t("Still missing"))
        groups: dict[str, QTreeWidgetItem] = {}
        for item in missing:
            group = groups.get(item.where)
            if group is None:
                group = groups[item.where] = QTreeWidgetItem(self.list, [item.where])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            child = QTreeWidgetItem(group, [item.what])
            child.setToolTip(0, item.what)
        self.list.expandAll()
        self.list.setVisible(bool(missing))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.finish_button = QPushButton(t("Finish anyway") if missing else t("Finish"))
        self.finish_button.setObjectName("finishButton")
        self.back_button = QPushButton(t("Go back") if missing else t("Cancel"))
        self.back_button.setObjectName("goBackButton")
        buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        # With gaps, Enter must not finish by accident; without, Enter finishes.
        (self.back_button if missing else self.finish_button).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_minimum(self, 560, 420 if self.missing else None)
        (self.back_button if self.missing else self.finish_button).setFocus()
