"""Qt item models over the plain objects the services return (no SQL, no scoring here).

The home list's model is :mod:`ethics_tool.gui.assessment_model` (re-exported here).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QStyle

from ethics_tool.domain.assessment import ActionData, ActionStatus
from ethics_tool.domain.dates import past_deadline_warning
from ethics_tool.gui.assessment_model import ID_ROLE as ID_ROLE
from ethics_tool.gui.assessment_model import PROGRESS_ROLE as PROGRESS_ROLE
from ethics_tool.gui.assessment_model import SORT_ROLE as SORT_ROLE
from ethics_tool.gui.assessment_model import AssessmentColumn as AssessmentColumn
from ethics_tool.gui.assessment_model import AssessmentTableModel as AssessmentTableModel
from ethics_tool.gui.assessment_model import unit_text as unit_text
from ethics_tool.gui.labels import action_status_label
from ethics_tool.gui.plan_undo import ActionChange, ActionRef
from ethics_tool.gui.undo_step import push
from ethics_tool.i18n import format_date, t

if TYPE_CHECKING:
    from ethics_tool.services import Services

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ActionColumn(IntEnum):
    TEXT = 0
    RESPONSIBLE = 1
    DEADLINE = 2
    STATUS = 3


def _action_header(column: ActionColumn) -> str:
    return {
        ActionColumn.TEXT: t("Action"),
        ActionColumn.RESPONSIBLE: t("Responsible"),
        ActionColumn.DEADLINE: t("Deadline"),
        ActionColumn.STATUS: t("Status"),
    }[column]


OVERDUE_COLOUR = QColor("#b3261e")


def _overdue(action: ActionData) -> bool:
    """A deadline that has passed while the action is not done (shown in red with a warning)."""
    return (
        action.deadline is not None
        and action.deadline < date.today()
        and action.status is not ActionStatus.DONE
    )


class ActionPlanModel(QAbstractTableModel):
    """The action plan, editable in place; every edit is saved at once through the services."""

    saved = Signal()
    failed = Signal(str)

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.assessment_id: int | None = None
        self._rows: list[ActionData] = []
        # Undo (gui/pages/results/plan_undo.py): the page's stack and each row's reference.
        self.undo_stack: QUndoStack | None = None
        self._refs: dict[int, ActionRef] = {}

    def load(self, assessment_id: int) -> None:
        if assessment_id != self.assessment_id:
            self._refs.clear()
            if self.undo_stack is not None:
                self.undo_stack.clear()  # the steps belong to the plan they were made in
        self.beginResetModel()
        self.assessment_id = assessment_id
        self._rows = self.services.actions(assessment_id)
        self.endResetModel()

    def _ref(self, action_id: int) -> ActionRef:
        return self._refs.setdefault(action_id, ActionRef(action_id))

    def _step(
        self, ref: ActionRef, text: str, before: ActionData | None, after: ActionData | None
    ) -> None:
        if self.undo_stack is not None:
            push(self.undo_stack, ActionChange(self, ref, text, before, after))

    def apply_action(self, ref: ActionRef, state: ActionData | None) -> bool:
        """Undo or redo: store ``state`` for the action behind ``ref`` and show the plan again."""
        from ethics_tool.services import ServiceError

        if self.assessment_id is None:
            return False
        try:
            if state is None:
                if ref.id is not None:
                    self.services.delete_action(ref.id)
                    self._refs.pop(ref.id, None)
                    ref.id = None
            elif ref.id is not None:
                self.services.save_action(self.assessment_id, dataclasses.replace(state, id=ref.id))
            else:
                ref.id = self.services.restore_action(self.assessment_id, state)
                self._refs[ref.id] = ref
        except ServiceError as exc:
            self.failed.emit(str(exc))
            return False
        self.load(self.assessment_id)
        self.saved.emit()
        return True

    def action(self, row: int) -> ActionData:
        return self._rows[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(ActionColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _action_header(ActionColumn(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        column = ActionColumn(index.column())
        if role == ID_ROLE:
            return action.id
        overdue = column is ActionColumn.DEADLINE and _overdue(action)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and overdue:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and overdue:
            return past_deadline_warning(action.deadline)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column is ActionColumn.TEXT:
                return action.text
            if column is ActionColumn.RESPONSIBLE:
                return action.responsible
            if column is ActionColumn.DEADLINE:
                return format_date(action.deadline) if action.deadline else ""
            return action_status_label(action.status)
        if role == Qt.ItemDataRole.EditRole:
            if column is ActionColumn.TEXT:
                return action.text
            if column is ActionColumn.RESPONSIBLE:
                return action.responsible
            if column is ActionColumn.DEADLINE:
                d = action.deadline
                return QDate(d.year, d.month, d.day) if d else QDate()
            return action.status.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.assessment_id is None:
            return False
        action = self._rows[index.row()]
        column = ActionColumn(index.column())
        if column is ActionColumn.TEXT:
            changed = dataclasses.replace(action, text=str(value))
        elif column is ActionColumn.RESPONSIBLE:
            changed = dataclasses.replace(action, responsible=str(value))
        elif column is ActionColumn.DEADLINE:
            deadline: date | None = None
            if isinstance(value, QDate) and value.isValid():
                deadline = date(value.year(), value.month(), value.day())
            elif isinstance(value, date):
                deadline = value
            changed = dataclasses.replace(action, deadline=deadline)
        else:
            changed = dataclasses.replace(action, status=ActionStatus(str(value)))
        if changed == action:
            return False
        if not self._save(index.row(), changed):
            return False
        self.dataChanged.emit(index, index)
        saved = self._rows[index.row()]
        if saved.id is not None:
            self._step(
                self._ref(saved.id),
                t("change to action {number}", number=index.row() + 1),
                dataclasses.replace(action, position=index.row()),
                dataclasses.replace(saved, position=index.row()),
            )
        return True

    def _save(self, row: int, action: ActionData) -> bool:
        from ethics_tool.services import ServiceError

        assert self.assessment_id is not None
        try:
            new_id = self.services.save_action(self.assessment_id, action)
        except ServiceError as exc:
            self.failed.emit(str(exc))
            return False
        self._rows[row] = dataclasses.replace(action, id=new_id)
        self.saved.emit()
        return True

    def add(self, text: str, question_id: str | None = None) -> int | None:
        """Append and save a new action; returns its row."""
        from ethics_tool.services import ServiceError

        if self.assessment_id is None:
            return None
        action = ActionData(id=None, question_id=question_id, text=text)
        try:
            new_id = self.services.save_action(self.assessment_id, action)
        except ServiceError as exc:
            self.failed.emit(str(exc))
            return None
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(dataclasses.replace(action, id=new_id, position=row))
        self.endInsertRows()
        self.saved.emit()
        self._step(
            self._ref(new_id), t("new action {number}", number=row + 1), None, self._rows[row]
        )
        return row

    def remove(self, row: int) -> None:
        from ethics_tool.services import ServiceError

        action = self._rows[row]
        if action.id is not None:
            try:
                self.services.delete_action(action.id)
            except ServiceError as exc:  # changed on another computer meanwhile
                self.failed.emit(str(exc))
                return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.saved.emit()
        if action.id is not None:
            ref = self._refs.pop(action.id, None) or ActionRef(action.id)
            ref.id = None
            self._step(
                ref,
                t("removing action {number}", number=row + 1),
                dataclasses.replace(action, position=row),
                None,
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ActionColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(ActionColumn) - 1)
            )
