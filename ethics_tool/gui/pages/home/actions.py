"""What can be done on the home page, as actions: their names, texts and when they are enabled.

The page connects each action to its intent and puts them on buttons; the main window puts some of
them in the File menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton

from ethics_tool.domain.assessment import Status
from ethics_tool.gui.round_flow import toggle_texts
from ethics_tool.i18n import t


class HomeActions:
    """New, open, results, new round, duplicate, archive, delete, demo data, import and merge."""

    def __init__(self, parent: QObject) -> None:
        def action(name: str) -> QAction:
            act = QAction(parent)
            act.setObjectName(name)
            return act

        self.new = action("actionNew")
        self.new.setShortcut(QKeySequence.StandardKey.New)
        self.open = action("actionOpen")
        self.open.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.results = action("actionResults")
        self.new_round = action("actionNewRound")
        self.finish = action("actionFinish")
        self.duplicate = action("actionDuplicate")
        self.archive = action("actionArchive")
        self.delete = action("actionDelete")
        self.demo = action("actionDemo")
        self.remove_demo = action("actionRemoveDemo")
        self.import_json = action("actionImportJson")
        self.merge = action("actionMergeJson")
        # Those that need a selected assessment.
        self.on_selection = (
            self.open,
            self.results,
            self.new_round,
            self.finish,
            self.duplicate,
            self.archive,
            self.delete,
            self.merge,
        )

    def retranslate(self) -> None:
        texts = {
            self.new: (t("New assessment…"), t("Start a new assessment")),
            self.open: (t("Open"), t("Answer the questions of the selected assessment")),
            self.results: (t("Results"), t("Show the results of the selected assessment")),
            self.new_round: (
                t("New round"),
                t("Assess the same unit again; the rounds can then be compared"),
            ),
            self.duplicate: (t("Duplicate"), t("Copy the assessment with its answers")),
            self.delete: (t("Delete…"), t("Delete the selected assessment")),
            self.demo: (t("Demo data"), t("Create a demo municipality with two rounds")),
            self.remove_demo: (t("Remove demo data"), t("Delete every demo assessment")),
            self.import_json: (t("Import JSON…"), t("Import an assessment from a JSON file")),
            self.merge: (
                t("Add answers from a file…"),
                t(
                    "Add the respondents of a JSON export (for example from another computer) to "
                    "the selected assessment; a respondent who is already there is replaced"
                ),
            ),
        }
        for act, (text, tip) in texts.items():
            act.setText(text)
            act.setToolTip(tip)
            act.setStatusTip(tip)

    def update(self, selected: bool, archived: bool, finished: bool = False) -> None:
        """Enable what applies to the selection; archive becomes restore for an archived one,
        finish becomes reopen for a finished one."""
        for act in self.on_selection:
            act.setEnabled(selected)
        self.finish.setEnabled(selected and not archived)
        text, tip = toggle_texts(Status.COMPLETED if finished else Status.IN_PROGRESS)
        self.finish.setText(text)
        self.finish.setToolTip(tip)
        self.finish.setStatusTip(tip)
        self.archive.setText(t("Restore") if archived else t("Archive"))
        self.archive.setToolTip(
            t("Move the assessment back to the active list")
            if archived
            else t("Keep the assessment but mark it as archived")
        )


def tool_button(action: QAction, prominent: bool = False) -> QToolButton:
    """A text button for ``action``, named after it (``button_actionNew``) for tests."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setObjectName("button_" + action.objectName())
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMinimumHeight(30)
    if prominent:
        font = button.font()
        font.setBold(True)
        button.setFont(font)
    return button
