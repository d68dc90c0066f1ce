"""A table view whose rows follow the width of wrapped text (priorities, action plan)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QTableView, QWidget


class WrappingTableView(QTableView):
    """Row heights are recomputed whenever the columns can have changed width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._pending = False
        self.horizontalHeader().sectionResized.connect(lambda *_args: self.fit_rows())

    def fit_rows(self) -> None:
        # Coalesced: a stretch column emits many resizes while a window is laid out.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        self._pending = False
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_rows()
