"""The dialog after an import or a merge: what was added, updated, kept, and every conflict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.i18n import t

if TYPE_CHECKING:
    from ethics_tool.domain.merge import MergeSummary


class MergeSummaryDialog(QDialog):
    """Shows a :class:`MergeSummary`; conflicts in a table with the kept and the set-aside value."""

    def __init__(self, summary: MergeSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ethics_tool.services import record_text, summary_lines

        self.summary = summary
        self.setObjectName("mergeSummaryDialog")
        self.setWindowTitle(t("Assessment imported") if summary.created else t("Answers merged"))
        lines = summary_lines(summary)
        heading = QLabel(f"<b>{lines[0]}</b>")
        heading.setObjectName("mergeHeading")
        self.counts = QLabel("\n".join(lines[1:3]))
        self.counts.setObjectName("mergeCounts")
        self.counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.counts)
        self.table: QTableWidget | None = None
        if summary.conflicts:
            note = QLabel(
                t(
                    "Both computers changed these answers. The later change was kept; the other "
                    "value is shown here so that you can restore it by hand if it was right."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            table = QTableWidget(len(summary.conflicts), 4)
            table.setObjectName("conflictTable")
            table.setHorizontalHeaderLabels(
                [t("Respondent"), t("Question"), t("Kept (newer)"), t("Set aside")]
            )
            for row, conflict in enumerate(summary.conflicts):
                for column, text in enumerate(
                    (
                        conflict.respondent,
                        conflict.question_id,
                        record_text(conflict.kept),
                        record_text(conflict.other),
                    )
                ):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    table.setItem(row, column, item)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
            table.setMinimumWidth(640)
            layout.addWidget(table)
            self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
