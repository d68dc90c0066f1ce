"""Item delegates: a progress bar in a table cell, a date picker and a status choice in the action plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from ethics_tool.domain.assessment import ActionStatus
from ethics_tool.gui.labels import action_status_label
from ethics_tool.i18n import t

Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(2000, 1, 1)  # the minimum of the editor, shown as "no deadline"


class ProgressDelegate(QStyledItemDelegate):
    """Draws the percent held in ``role`` as a progress bar with its text."""

    def __init__(self, role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(self.role)
        if value is None:
            super().paint(painter, option, index)
            return
        # The selection background first, then the bar inside a small margin.
        QApplication.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 3, -4, -3)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = round(float(value))
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class DateDelegate(QStyledItemDelegate):
    """A calendar date picker; the earliest date stands for "no deadline"."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QDateEdit(parent)
        editor.setObjectName("deadlineEditor")
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("dd.MM.yyyy")
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(t("No deadline"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setDate(value if isinstance(value, QDate) and value.isValid() else NO_DATE)
        if not (isinstance(value, QDate) and value.isValid()):
            # Open the calendar on today rather than on the placeholder date.
            editor.calendarWidget().setSelectedDate(QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = editor.date()
        model.setData(index, QDate() if value == NO_DATE else value, Qt.ItemDataRole.EditRole)


class StatusDelegate(QStyledItemDelegate):
    """A choice of the action's status."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("statusEditor")
        for status in ActionStatus:
            editor.addItem(action_status_label(status), status.value)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(value)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
