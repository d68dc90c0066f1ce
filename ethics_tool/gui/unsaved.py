"""Changes the database refused for a storage fault: kept on screen, retried until they are saved.

When a write fails because the file is busy, read-only, on a full disk or unreachable, the page keeps
what the user gave (the clicked level stays checked, marked "not saved") and hands the write to a
:class:`RetryQueue`. The queue tries again every few seconds, in order, and tells the window when
everything is saved. Nothing is dropped silently: closing the window with unsaved changes asks first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ethics_tool.storage.db import StorageError

log = logging.getLogger(__name__)

RETRY_MS = 3000


class RetryQueue(QObject):
    """Pending writes by key (a later write of the same key replaces the earlier one)."""

    changed = Signal(int)  # how many writes are waiting
    saved = Signal()  # everything that waited is now saved
    still_failing = Signal(str)  # the message of the last failure

    def __init__(self, parent: QObject | None = None, interval_ms: int = RETRY_MS) -> None:
        super().__init__(parent)
        self._pending: dict[object, Callable[[], None]] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.retry)
        self.last_error = ""

    def __len__(self) -> int:
        return len(self._pending)

    def __contains__(self, key: object) -> bool:
        return key in self._pending

    def add(self, key: object, write: Callable[[], None], error: StorageError) -> None:
        self._pending.pop(key, None)
        self._pending[key] = write
        self.last_error = error.first_line
        log.warning("kept unsaved (%s): %s", key, error.first_line)
        if not self.timer.isActive():
            self.timer.start()
        self.changed.emit(len(self._pending))

    def discard(self, key: object) -> None:
        if self._pending.pop(key, None) is not None:
            self.changed.emit(len(self._pending))

    def retry(self) -> bool:
        """Try every waiting write now; True when nothing waits any more."""
        for key in list(self._pending):
            write = self._pending[key]
            try:
                write()
            except StorageError as exc:
                self.last_error = exc.first_line
                self.still_failing.emit(exc.first_line)
                return False
            if self._pending.get(key) is write:
                del self._pending[key]
        self.timer.stop()
        self.changed.emit(0)
        self.saved.emit()
        log.info("every kept change is saved now")
        return True
