"""Long work (PDF, import) off the GUI thread: a QRunnable that reports back by signals."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)

Task = Callable[[Callable[[int], None]], object]


class WorkerSignals(QObject):
    progress = Signal(int)  # percent
    finished = Signal(object)  # the job's return value
    failed = Signal(str)  # a message for the user


class Worker(QRunnable):
    """Run ``job(progress)`` in the thread pool; ``progress(percent)`` may be called from the job."""

    def __init__(self, job: Task) -> None:
        super().__init__()
        self.setAutoDelete(False)  # FileWork keeps a reference until the signals have arrived
        self.job = job
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit)
        except (
            Exception
        ) as exc:  # reported to the user; a bug also goes to the log with its traceback
            log.exception("background job failed")
            self.signals.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            self.signals.finished.emit(result)
