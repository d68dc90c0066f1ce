"""Item delegates: a progress bar in a table cell, a typed date and a status choice in the action plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from ethics_tool.domain.assessment import ActionStatus
from ethics_tool.domain.dates import DateTextError, past_deadline_warning
from ethics_tool.gui.labels import action_status_label
from ethics_tool.gui.widgets.date_input import DateLineEdit
from ethics_tool.i18n import t

Index = QModelIndex | QPersistentModelIndex


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
    """A deadline typed as Latvians write it (31.03.2027) or picked from a calendar.

    Leaving the field empty removes the deadline. A text that is not a date is not stored and
    :attr:`message` says why; a deadline in the past is stored, and :attr:`message` warns.
    """

    message = Signal(str)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = DateLineEdit(parent, warn_past=True)
        editor.setObjectName("deadlineEditor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DateLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, QDate) and value.isValid():
            editor.set_value(date(value.year(), value.month(), value.day()))
        else:
            editor.set_value(None)
        editor.selectAll()

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Enter on a text that is not a date keeps the editor open (Qt's rule for a line edit
        # whose input is not acceptable); say why, so that it does not look like a dead key.
        if (
            isinstance(editor, DateLineEdit)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not editor.is_valid()
        ):
            self.message.emit(editor.message())
        return super().eventFilter(editor, event)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DateLineEdit)
        try:
            value = editor.value()
        except DateTextError as exc:
            self.message.emit(exc.message + " " + t("(the deadline was not changed)"))
            return
        stored = QDate(value.year, value.month, value.day) if value else QDate()
        if model.setData(index, stored, Qt.ItemDataRole.EditRole):
            warning = past_deadline_warning(value)
            if warning:
                self.message.emit(warning)


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
