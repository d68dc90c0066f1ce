"""Notice changes made on another computer to the assessment on screen, and offer to reload.

A :class:`ChangeWatcher` asks the services every few seconds, and whenever the window becomes
active again, whether the open assessment's revision grew by a change this program did not make
(on a worker thread, so a server that does not answer never freezes the window).
It then shows a bar above the pages ("changed on another computer" + *Reload*). A server that
cannot be reached for a moment is logged and tried again at the next check, without a dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QToolBar, QWidget
from sqlalchemy.exc import OperationalError

from ethics_tool import i18n
from ethics_tool.gui.off_thread import OffThread
from ethics_tool.i18n import t
from ethics_tool.storage.engines import StorageError

if TYPE_CHECKING:
    from ethics_tool.gui.main_window import MainWindow
    from ethics_tool.services import Services

log = logging.getLogger(__name__)

SERVER_INTERVAL_MS = 5_000
FILE_INTERVAL_MS = 30_000  # an SQLite file: only the command line can change it meanwhile


class ChangeWatcher(QObject):
    """Emits ``changed`` once per change seen, until :meth:`watch` starts over (after a reload)."""

    changed = Signal(int)  # the assessment ID

    def __init__(
        self,
        services: Services,
        current: Callable[[], int | None],
        interval_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.current = current
        self._id: int | None = None
        self._since = 0
        self._reported = False
        # The periodic check runs off the GUI thread: a server that does not answer (up to the
        # connect timeout) never freezes the window.
        self._worker = OffThread("change-watch", self)
        self._asked: tuple[int, int] = (0, 0)  # (assessment, since) of the pending check
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_later)
        self.timer.start()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
            app.aboutToQuit.connect(self.stop)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_later()

    def watch(self, assessment_id: int | None) -> None:
        """Start over from what the database holds now (the assessment was just shown)."""
        self._id = assessment_id
        self._reported = False
        if assessment_id is not None:
            try:
                self._since = self.services.revision(assessment_id) or 0
            except (OperationalError, StorageError) as exc:
                log.warning("cannot read the revision of assessment %s: %s", assessment_id, exc)
                self._id = None

    def check(self) -> bool:
        """True when the open assessment was changed elsewhere (reported once per change)."""
        assessment_id = self.current()
        if assessment_id != self._id:
            self.watch(assessment_id)
            return False
        if assessment_id is None or self._reported:
            return self._reported
        try:
            changed = self.services.changed_elsewhere(assessment_id, self._since)
        except (OperationalError, StorageError) as exc:  # the server is away for a moment
            log.warning("change check failed: %s", exc)
            return False
        if changed:
            self._reported = True
            self.changed.emit(assessment_id)
        return changed

    def check_later(self) -> None:
        """:meth:`check` on a worker thread; ``changed`` is emitted on the GUI thread."""
        assessment_id = self.current()
        if assessment_id != self._id:
            self.watch(assessment_id)  # just opened: the database answered a moment ago
            return
        if assessment_id is None or self._reported or self._worker.busy:
            return
        asked = self._asked = (assessment_id, self._since)
        self._worker.run(lambda: self.services.changed_elsewhere(*asked), self._collect)

    def _collect(self, future: Future[bool]) -> None:
        try:
            changed = future.result()
        except (OperationalError, StorageError) as exc:
            log.warning("change check failed: %s", exc)
            return
        still = (self.current(), self._since) == self._asked and self._id == self._asked[0]
        if changed and still and not self._reported:
            self._reported = True
            self.changed.emit(self._asked[0])

    def wait_for_check(self) -> None:
        """For tests: block until a check started by :meth:`check_later` was handled."""
        self._worker.wait()

    def stop(self) -> None:
        self.timer.stop()
        self._worker.shutdown()


class ChangeBar(QToolBar):
    """The bar that says the assessment changed elsewhere, with a Reload button."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.message = QLabel()
        self.message.setObjectName("changeMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reload = QPushButton()
        self.reload.setObjectName("changeReload")
        self.reload.clicked.connect(self.reload_requested.emit)
        self.addWidget(self.message)
        self.addWidget(self.reload)
        self.setStyleSheet(
            "QToolBar#changeBar { background: #fff4ce; border-bottom: 1px solid #c8a600; "
            "padding: 4px; } QLabel#changeMessage { color: #3b2f00; padding-right: 12px; }"
        )
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.message.setText(
            t(
                "Someone changed this assessment on another computer. Reload to see their "
                "changes; until then what you change may clash with theirs."
            )
        )
        self.reload.setText(t("&Reload"))


def install(window: MainWindow, services: Services) -> ChangeWatcher:
    """Watch the window's open assessment; show the bar and reload the pages on request."""
    interval = SERVER_INTERVAL_MS if services.db.is_server else FILE_INTERVAL_MS
    watcher = ChangeWatcher(services, lambda: window.current_id, interval, window)
    bar = ChangeBar(window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def changed(_assessment_id: int) -> None:
        bar.show()
        window.show_message(t("The assessment was changed on another computer"))

    def reload() -> None:
        bar.hide()
        assessment_id = window.current_id
        if assessment_id is not None and services.revision(assessment_id) is None:
            window.current_id = None
            window.settings.last_assessment = None
            window.show_page("home")
            window.show_message(t("The assessment was deleted on another computer"))
        elif assessment_id is not None:
            window.reload_assessment(assessment_id)
            window.home.refresh(select_id=assessment_id)
        watcher.watch(window.current_id)

    def retranslate(_lang: str) -> None:
        bar.retranslate()

    i18n.on_language_changed(retranslate)
    bar.destroyed.connect(lambda *_: i18n.remove_listener(retranslate))
    watcher.changed.connect(changed)
    bar.reload_requested.connect(reload)
    window.change_bar = bar
    window.change_watcher = watcher
    watcher.check()  # the assessment shown at start-up
    return watcher
