"""The home list's item model: one row per assessment summary (no SQL, no scoring here).

Apart from :mod:`ethics_tool.gui.item_models` (the action plan's model, with its undo steps), so
that the home page, shown before the core is loaded (docs/startup.md), imports only this.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ethics_tool.domain.assessment import AssessmentSummary, round_text
from ethics_tool.gui.labels import mode_label, status_label, unit_type_label
from ethics_tool.i18n import current_language, format_percent, t

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class AssessmentColumn(IntEnum):
    MUNICIPALITY = 0
    UNIT = 1
    FORM = 2
    DATE = 3
    MODE = 4
    STATUS = 5
    PROGRESS = 6


_ASSESSMENT_COLUMNS = len(AssessmentColumn)  # asked on every cell the sort proxy reads


def _assessment_header(column: AssessmentColumn) -> str:
    return {
        AssessmentColumn.MUNICIPALITY: t("Municipality"),
        AssessmentColumn.UNIT: t("Unit"),
        AssessmentColumn.FORM: t("Questionnaire"),
        AssessmentColumn.DATE: t("Date"),
        AssessmentColumn.MODE: t("Mode"),
        AssessmentColumn.STATUS: t("Status"),
        AssessmentColumn.PROGRESS: t("Progress"),
    }[column]


def unit_text(unit_type: str, unit_name: str) -> str:
    return unit_name or unit_type_label(unit_type)


class AssessmentTableModel(QAbstractTableModel):
    """The home page list: one row per assessment summary."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AssessmentSummary] = []
        # (row, column) -> sort key: the sort proxy asks for both sides of every comparison
        # (some 13,000 times for 1,000 rows), so each key is computed once.
        self._sort_keys: dict[tuple[int, int], object] = {}

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys = {}
        self.endResetModel()

    def summary(self, row: int) -> AssessmentSummary:
        return self._rows[row]

    def row_of(self, assessment_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.info.id == assessment_id:
                return row
        return None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else _ASSESSMENT_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _assessment_header(AssessmentColumn(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == SORT_ROLE:
            cell = (index.row(), index.column())
            key = self._sort_keys.get(cell)
            if key is None:
                key = self._sort_keys[cell] = self._sort_key(index)
            return key
        summary = self._rows[index.row()]
        info = summary.info
        column = AssessmentColumn(index.column())
        if role == ID_ROLE:
            return info.id
        if role == PROGRESS_ROLE:
            return summary.progress
        if role == Qt.ItemDataRole.FontRole and info.is_demo:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long questionnaire titles are elided in the cell; the tooltip shows them whole.
            text = str(self.data(index, Qt.ItemDataRole.DisplayRole))
            return text + " (" + t("Demo data") + ")" if info.is_demo else text
        if role == Qt.ItemDataRole.DisplayRole:
            if column is AssessmentColumn.MUNICIPALITY:
                return info.municipality
            if column is AssessmentColumn.UNIT:
                return unit_text(info.unit_type, info.unit_name)
            if column is AssessmentColumn.FORM:
                return (
                    summary.form_title_en if current_language() == "en" else summary.form_title_lv
                )
            if column is AssessmentColumn.DATE:
                return round_text(info)
            if column is AssessmentColumn.MODE:
                return mode_label(info.mode)
            if column is AssessmentColumn.STATUS:
                text = status_label(info.status)
                return text + " · " + t("demo") if info.is_demo else text
            return format_percent(summary.progress)
        return None

    def _sort_key(self, index: Index) -> object:
        summary = self._rows[index.row()]
        column = AssessmentColumn(index.column())
        if column is AssessmentColumn.DATE:
            return summary.info.assessed_on.isoformat()
        if column is AssessmentColumn.PROGRESS:
            return summary.progress
        return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()

    def retranslate(self) -> None:
        self._sort_keys = {}  # the texts sorted by are in the other language now
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(AssessmentColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(AssessmentColumn) - 1)
            )
