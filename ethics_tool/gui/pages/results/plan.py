"""The results' action plan tab: an editable table of what will be done, by whom and by when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.item_models import ActionColumn, ActionPlanModel
from ethics_tool.gui.widgets.delegates import DateDelegate, StatusDelegate
from ethics_tool.gui.widgets.tables import WrappingTableView
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from ethics_tool.services import Services


class ActionPlanTab(QWidget):
    """The table edits the plan through its model (saved at once); the buttons go to the page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action_model = ActionPlanModel(services, self)
        # Edit → Undo on this page undoes plan edits (gui/plan_undo.py).
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("actionPlanUndoStack")
        self.action_model.undo_stack = self.undo_stack
        self.action_table = WrappingTableView()
        self.action_table.setObjectName("actionTable")
        self.action_table.setModel(self.action_model)
        self.action_table.setWordWrap(True)
        self.action_table.verticalHeader().hide()
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.date_delegate = DateDelegate(self.action_table)
        self.action_table.setItemDelegateForColumn(ActionColumn.DEADLINE, self.date_delegate)
        self.action_table.setItemDelegateForColumn(
            ActionColumn.STATUS, StatusDelegate(self.action_table)
        )
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(ActionColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ActionColumn.RESPONSIBLE, 200)
        header.resizeSection(ActionColumn.DEADLINE, 130)
        header.resizeSection(ActionColumn.STATUS, 140)
        self.action_model.rowsInserted.connect(lambda *_: self.action_table.resizeRowsToContents())
        self.action_model.dataChanged.connect(lambda *_: self.action_table.resizeRowsToContents())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addAction")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteAction")
        # A right click on the plan offers what the buttons do.
        self.add_menu_action = QAction(self)
        self.add_menu_action.setObjectName("addActionMenu")
        self.add_menu_action.triggered.connect(self.add_button.click)
        self.delete_menu_action = QAction(self)
        self.delete_menu_action.setObjectName("deleteActionMenu")
        self.delete_menu_action.triggered.connect(self.delete_button.click)
        self.action_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_table.addActions([self.add_menu_action, self.delete_menu_action])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.action_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.hint.setText(
            t(
                "What will be done, who is responsible and by when. Double-click a cell to edit; "
                "changes are saved at once."
            )
        )
        self.add_button.setText(t("Add action"))
        self.delete_button.setText(t("Delete action"))
        self.add_menu_action.setText(t("Add action"))
        self.delete_menu_action.setText(t("Delete action"))
        self.action_model.retranslate()

    def load(self, assessment_id: int) -> None:
        self.action_model.load(assessment_id)
        self.action_table.resizeRowsToContents()
