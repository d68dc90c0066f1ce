"""The results' priorities tab (questions below the target) and gaps tab (compliance, knowledge, talk)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.pages.results.common import read_only_table
from ethics_tool.i18n import current_language, format_number, t

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentData
    from ethics_tool.scoring import Results

QUESTION_ROLE = Qt.ItemDataRole.UserRole + 20


class PrioritiesTab(QWidget):
    """The priority list; its button asks the page to put the selected one in the action plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.priority_model = QStandardItemModel(self)
        self.priority_table = read_only_table("priorityTable")
        self.priority_table.setModel(self.priority_model)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addPriorityAction")
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.priority_table, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout.addLayout(add_row)

    def retranslate(self) -> None:
        self.caption.setText(
            t(
                "Questions below the target level, most urgent first, with the recommendation "
                "for the level reached. Add one to the action plan to follow it up."
            )
        )
        self.add_button.setText(t("Add to action plan"))

    def selected_row(self) -> int | None:
        rows = self.priority_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def fill(self, data: AssessmentData, results: Results) -> None:
        lang = current_language()
        form = data.form
        model = self.priority_model
        model.clear()
        model.setHorizontalHeaderLabels([t("No."), t("Question"), t("Level"), t("Recommendation")])
        for rank, priority in enumerate(results.priorities, start=1):
            question = form.question(priority.question_id)
            recommendation = " ".join(r.text.get(lang) for r in priority.recommendations)
            level = format_number(priority.level)
            if priority.compliance_gap:
                level += " ⚠"
            row = [
                QStandardItem(str(rank)),
                QStandardItem(question.text.get(lang)),
                QStandardItem(level),
                QStandardItem(recommendation or t("(no recommendation in the questionnaire)")),
            ]
            row[0].setData(priority.question_id, QUESTION_ROLE)
            row[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if priority.compliance_gap:
                row[2].setToolTip(t("Compliance gap: a legal requirement below level 2"))
            model.appendRow(row)
        header = self.priority_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.priority_table.resizeRowsToContents()
        self.add_button.setEnabled(model.rowCount() > 0)
        if model.rowCount():
            self.priority_table.selectRow(0)


class GapsTab(QScrollArea):
    """Compliance gaps, knowledge gaps ("Don't know") and discussion points, as lists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compliance = QLabel()
        self.compliance.setObjectName("complianceGaps")
        self.knowledge = QLabel()
        self.knowledge.setObjectName("knowledgeGaps")
        self.discussion = QLabel()
        self.discussion.setObjectName("discussionPoints")
        gaps = QWidget()
        layout = QVBoxLayout(gaps)
        layout.setSpacing(16)  # the three lists read as separate blocks
        for label in (self.compliance, self.knowledge, self.discussion):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(gaps)

    def fill(self, data: AssessmentData, results: Results) -> None:
        lang = current_language()
        form = data.form

        def item(question_id: str, with_range: bool) -> str:
            question = form.question(question_id)
            text = f"<b>{form.question_numbers[question_id]}</b> {escape(question.text.get(lang))}"
            distribution = results.questions[question_id].distribution
            if with_range and distribution:
                answers_range = t(
                    "Answers range from “{low}” to “{high}”.",
                    low=form.level_label(question, min(distribution), lang),
                    high=form.level_label(question, max(distribution), lang),
                )
                text += f"<br><i>{escape(answers_range)}</i>"
            return f"<li>{text}</li>"

        def block(title: str, ids: list[str], empty: str, with_range: bool = False) -> str:
            items = "".join(item(q, with_range) for q in ids)
            body = f"<ul>{items}</ul>" if ids else f"<p>{escape(empty)}</p>"
            return f"<b>{escape(title)} ({len(ids)})</b>{body}"

        self.compliance.setText(
            block(
                t("Compliance gaps"),
                results.compliance_gaps,
                t("No legal requirement is below level 2."),
            )
        )
        self.knowledge.setText(
            block(
                t("Knowledge gaps (“Don't know”)"),
                results.knowledge_gaps,
                t("Every question could be answered."),
            )
        )
        self.discussion.setText(
            block(
                t("Discussion points"),
                results.discussion_points,
                t("No answers differ by two levels or more."),
                with_range=True,
            )
        )
