"""One call at a time on a worker thread, its outcome handed back on the GUI thread.

For database calls that may wait long (a server that does not answer waits for the connect
timeout, a busy SQLite file for the busy timeout): the window stays responsive meanwhile. Used by
the change watch, the unsaved-changes queue and the server dialog's connection test.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_MS = 50


class OffThread(QObject):
    """Runs ``call`` on one worker thread; ``done(future)`` is called on the GUI thread."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._future: Future[Any] | None = None
        self._done: Callable[[Future[Any]], None] | None = None

    @property
    def busy(self) -> bool:
        return self._future is not None

    def run(self, call: Callable[[], Any], done: Callable[[Future[Any]], None]) -> bool:
        """Start ``call`` unless one is still running (then False and nothing happens)."""
        if self._future is not None:
            return False
        self._future = self._pool.submit(call)
        self._done = done
        QTimer.singleShot(POLL_MS, self._collect)
        return True

    def _collect(self) -> None:
        future, done = self._future, self._done
        if future is None or done is None:
            return
        if not future.done():
            QTimer.singleShot(POLL_MS, self._collect)
            return
        self._future = self._done = None
        done(future)

    def wait(self) -> None:
        """For tests and for closing: block until the running call ended and was handed back."""
        if self._future is not None:
            wait([self._future])
            self._collect()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
