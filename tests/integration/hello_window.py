"""The yardstick for the bundle's start-up: a bare PySide6 window, bundled the same way.

Once its first paint is done and the event loop is idle it prints ``hello: shown`` and quits, which
is what ``ETHICS_TOOL_EXIT_WHEN_READY=shown`` does in the app (see tests/integration/test_bundle.py).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class QuitAfterPaint(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.leave)
        return False

    def leave(self) -> None:
        if sys.stdout is not None:  # None in a windowed program on Windows
            print("hello: shown", flush=True)
        QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QLabel("Sveiki"))
    window.resize(800, 600)
    QuitAfterPaint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
