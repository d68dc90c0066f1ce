"""The home page's table of assessments and its search (every word, ignoring Latvian diacritics)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ethics_tool.domain.assessment import AssessmentSummary, round_text
from ethics_tool.gui.assessment_model import PROGRESS_ROLE, AssessmentColumn
from ethics_tool.gui.search import fold
from ethics_tool.gui.widgets.delegates import ProgressDelegate


class AssessmentFilter(QSortFilterProxyModel):
    """Matches every word of the search text in any column, ignoring case and diacritics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._cache: dict[int, str] = {}

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear_cache(self) -> None:
        self._cache.clear()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        haystack = self._cache.get(source_row)
        if haystack is None:
            model = self.sourceModel()
            haystack = fold(
                " ".join(
                    str(model.index(source_row, column).data() or "")
                    for column in range(model.columnCount())
                )
            )
            self._cache[source_row] = haystack
        return all(word in haystack for word in self._words)


def assessment_table(proxy: QSortFilterProxyModel) -> QTableView:
    """The sortable, read-only table of assessments over ``proxy``, newest first."""
    table = QTableView()
    table.setObjectName("assessmentTable")
    table.setModel(proxy)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.sortByColumn(AssessmentColumn.DATE, Qt.SortOrder.DescendingOrder)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setItemDelegateForColumn(
        AssessmentColumn.PROGRESS, ProgressDelegate(PROGRESS_ROLE, table)
    )
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(AssessmentColumn.MUNICIPALITY, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(AssessmentColumn.FORM, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(AssessmentColumn.UNIT, QHeaderView.ResizeMode.Stretch)
    header.resizeSection(AssessmentColumn.DATE, 110)
    header.resizeSection(AssessmentColumn.MODE, 170)
    header.resizeSection(AssessmentColumn.STATUS, 130)
    header.resizeSection(AssessmentColumn.PROGRESS, 120)
    return table


def fit_date_column(table: QTableView, rows: list[AssessmentSummary]) -> None:
    """Widen the date column for the longest round label, within reason (the rest is elided)."""
    metrics = table.fontMetrics()
    longest = max((metrics.horizontalAdvance(round_text(row.info)) for row in rows), default=0)
    width = max(110, min(longest + 28, 230))  # 28: the cell's margins and the sort arrow
    table.horizontalHeader().resizeSection(AssessmentColumn.DATE, width)
