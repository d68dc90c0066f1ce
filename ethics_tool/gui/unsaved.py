"""Changes the database refused for a storage fault: kept on screen, retried until they are saved.

When a write fails because the file is busy, read-only, on a full disk or the server cannot be
reached, the page keeps what the user gave (the clicked level stays checked, marked "not saved") and
hands the write to a :class:`RetryQueue`. The queue tries again every few seconds, in order, and
tells the window when everything is saved. Nothing is dropped silently: closing the window with
unsaved changes asks first.

While changes wait, a new change joins the queue without being tried (:meth:`RetryQueue.save`), and
before each retry the queue asks the database whether a write would go through now, on a worker
thread (``probe``): a cut network or a busy file would otherwise freeze the window for the connect
or busy timeout at every click and every retry. A waiting change the services refuse when it is
finally tried (it clashes with a change made elsewhere meanwhile) is dropped and reported by
``refused``, never lost silently.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal

from ethics_tool.errors import UserError
from ethics_tool.gui.off_thread import OffThread
from ethics_tool.storage.db import StorageError

log = logging.getLogger(__name__)

RETRY_MS = 3000


class RetryQueue(QObject):
    """Pending writes by key (a later write of the same key replaces the earlier one)."""

    changed = Signal(int)  # how many writes are waiting
    saved = Signal()  # everything that waited is now saved
    still_failing = Signal(str)  # the message of the last failure
    refused = Signal(str)  # a waiting change the services refused when it was tried: dropped

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = RETRY_MS,
        probe: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pending: dict[object, Callable[[], None]] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._due)
        self.last_error = ""
        self.fault: StorageError | None = None  # the fault the waiting changes wait out
        self.probe = probe
        self._prober = OffThread("retry-probe", self)

    def __len__(self) -> int:
        return len(self._pending)

    def __contains__(self, key: object) -> bool:
        return key in self._pending

    def save(self, key: object, write: Callable[[], None]) -> StorageError | None:
        """Write now, or keep the write when a storage fault stops it; the fault, or None if saved.

        While earlier changes wait, ``write`` is queued behind them without being tried. Errors
        other than storage faults (the services refusing the change) reach the caller.
        """
        self.discard(key)  # a newer change replaces one still waiting
        if self._pending and self.fault is not None:
            self.add(key, write, self.fault)
            return self.fault
        try:
            write()
        except StorageError as exc:
            self.add(key, write, exc)
            return exc
        return None

    def add(self, key: object, write: Callable[[], None], error: StorageError) -> None:
        self._pending.pop(key, None)
        self._pending[key] = write
        self.fault = error
        self.last_error = error.first_line
        log.warning("kept unsaved (%s): %s", key, error.first_line)
        if not self.timer.isActive():
            self.timer.start()
        self.changed.emit(len(self._pending))

    def discard(self, key: object) -> None:
        if self._pending.pop(key, None) is not None:
            self.changed.emit(len(self._pending))

    def _due(self) -> None:
        """The timer: ask the database off the GUI thread first, then write on it."""
        if self.probe is None:
            self.retry()
        else:
            self._prober.run(self.probe, self._probed)

    def retry_as_timer(self) -> None:
        """For tests: what the timer does (probe off the GUI thread, then write), waited for."""
        self._due()
        self._prober.wait()

    def _probed(self, future: Future[None]) -> None:
        try:
            future.result()
        except StorageError as exc:
            self.fault = exc
            self.last_error = exc.first_line
            self.still_failing.emit(exc.first_line)
            return
        if self._pending:
            self.retry()

    def retry(self) -> bool:
        """Try every waiting write now, in order; True when nothing waits any more."""
        for key in list(self._pending):
            write = self._pending[key]
            try:
                write()
            except StorageError as exc:
                self.fault = exc
                self.last_error = exc.first_line
                self.still_failing.emit(exc.first_line)
                return False
            except UserError as exc:  # refused now (e.g. changed elsewhere meanwhile): say so
                log.warning("a waiting change was refused (%s): %s", key, exc.first_line)
                if self._pending.get(key) is write:
                    del self._pending[key]
                self.changed.emit(len(self._pending))
                self.refused.emit(str(exc))
                continue
            if self._pending.get(key) is write:
                del self._pending[key]
        self.timer.stop()
        self.fault = None
        self.changed.emit(0)
        self.saved.emit()
        log.info("every kept change is saved now")
        return True
