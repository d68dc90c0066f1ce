"""A wait cursor for work on the GUI thread that may take longer than a blink (over 200 ms)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication


@contextmanager
def busy() -> Iterator[None]:
    """Show the wait cursor while the block runs."""
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    # Let the cursor change before the work blocks the loop; clicks and keys wait for the work.
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
