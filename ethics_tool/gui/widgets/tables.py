"""A table view whose rows follow the width of wrapped text (priorities, action plan, compare)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTableView, QWidget


class WrappingTableView(QTableView):
    """Row heights are recomputed whenever the columns can have changed width."""

    def __init__(self, parent: QWidget | None = None, fit_height: bool = False) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._pending = False
        self._fit_height = fit_height  # as tall as all rows: for a table inside a scroll area
        self.horizontalHeader().sectionResized.connect(lambda *_args: self.fit_rows())

    def fit_rows(self) -> None:
        # Coalesced: a stretch column emits many resizes while a window is laid out.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        self._pending = False
        self.resizeRowsToContents()
        if self._fit_height:
            model = self.model()
            rows = model.rowCount() if model is not None else 0
            header = self.horizontalHeader()
            header_height = 0 if header.isHidden() else header.height()
            height = sum(self.rowHeight(row) for row in range(rows))
            self.setFixedHeight(header_height + height + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_rows()
