"""The slow part of start-up off the GUI thread: open the database, list, then load the core.

:func:`run <ethics_tool.gui.app.run>` shows the main window (with its loading state) first; when the
window has been painted and the event loop is idle (``MainWindow.shown_idle``), a
:class:`StartupLoader` starts a worker thread that works in two steps (docs/startup.md):

1. :func:`open_and_list`: open (and if needed migrate) the database and list the assessments with
   SQLAlchemy's core only (:mod:`ethics_tool.storage.listing`), and import the home page's
   modules. The window builds the home page and fills its list (``MainWindow.attach_list``): the
   window is *ready*.
2. Once that list has been painted, :func:`load_services`: the ORM, the services, the questionnaires
   (pydantic) and the dilemma cards, and the modules the window needs next; the window attaches them
   (``MainWindow.attach_core``).

Between the two, anything the user does (a click, a key) first waits for step 2 to finish, with
the wait cursor (:meth:`StartupLoader.wait_for_core`), then happens as usual: nothing is refused or
lost. The worker never touches a widget: it imports modules, opens the database and reads rows.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.gui.main_window import MainWindow
    from ethics_tool.services import Services
    from ethics_tool.storage.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

# Kinds of failure, each with its own dialog in app.py.
STORAGE = "storage"
CORRUPT = "corrupt"  # details: the newest good backup ("" when there is none)
SERVER_MIGRATION = "server-migration"  # the administrator must confirm a backup first
BUG = "bug"


@dataclass
class Listed:
    """Step 1: the open database and every assessment (archived ones too)."""

    db: Database
    rows: list[AssessmentSummary]


def open_and_list(db_path: Path | str, confirm_server_migration: bool = False) -> Listed:
    """Open (and migrate) the database and list the assessments, without the ORM or pydantic."""
    from ethics_tool.storage.db import open_database
    from ethics_tool.storage.listing import list_assessments

    db = open_database(db_path, confirm_server_migration=confirm_server_migration)
    try:
        rows = list_assessments(db.engine)
        # The home page's modules are pure class definitions; importing them here keeps the GUI
        # thread free for building the page.
        import ethics_tool.gui.pages.home
        import ethics_tool.gui.window.page_factory  # noqa: F401
    except BaseException:
        db.dispose()
        raise
    return Listed(db, rows)


def load_services(db: Database) -> Services:
    """Step 2: the services over ``db`` with the questionnaires, and what the window needs next."""
    from ethics_tool.domain.form_cache import FormCache
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.paths import forms_dirs, user_cache_dir
    from ethics_tool.services import Services

    catalog = load_catalog(forms_dirs(), load=FormCache(user_cache_dir() / "forms"))
    services = Services(db, catalog)
    db.sessions  # noqa: B018 - the session factory: sqlalchemy.orm and the mapped classes
    services.seminar.deck  # noqa: B018 - the dilemma cards, read here, not on the GUI thread
    # MainWindow.attach_core builds these; the other pages' modules come later (LATER_MODULES).
    import ethics_tool.gui.change_watch
    import ethics_tool.gui.dialogs.new_assessment
    import ethics_tool.gui.files.work
    import ethics_tool.gui.recent_files
    import ethics_tool.gui.round_flow
    import ethics_tool.gui.seminar  # noqa: F401

    return services


# The modules of the pages built on first use (see ethics_tool.gui.window.page_factory), imported
# by :class:`ModulePrefetch` once the core is attached, so the first click on a page finds them.
LATER_MODULES = (
    "ethics_tool.gui.pages.questionnaire",
    "ethics_tool.gui.pages.results",
    "ethics_tool.gui.pages.compare",
    "ethics_tool.gui.pages.settings_page",
    "ethics_tool.gui.pages.backups_section",
    "ethics_tool.gui.pages.about",
    "ethics_tool.gui.pages.dilemmas",
    "ethics_tool.gui.pages.facilitator",
)


class ModulePrefetch(QThread):
    """Imports :data:`LATER_MODULES` on a thread of its own; it touches no widget."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modulePrefetch")

    def run(self) -> None:
        for name in LATER_MODULES:
            try:
                importlib.import_module(name)
            except ImportError:  # the page raises it again, with the dialog, when it is opened
                log.exception("could not import %s ahead of time", name)


class _Work(QObject):
    """Lives on the worker thread; its signals arrive queued at :class:`StartupLoader`.

    The results are kept on the object too, so the GUI thread can take them while it blocks on
    :attr:`done` (a click that waits for the core).
    """

    listed = Signal(object)  # Listed
    loaded = Signal(object)  # Services
    failed = Signal(str, str, str)

    def __init__(self, db_path: Path | str, confirm_server_migration: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        self.confirm_server_migration = confirm_server_migration
        self.go = threading.Event()  # step 2 may start
        self.cancelled = False  # the window is gone: no step 2
        self.done = threading.Event()  # both steps done, or failed, or cancelled
        self.listed_result: Listed | None = None
        self.services: Services | None = None

    @Slot()
    def run(self) -> None:
        try:
            listed = self._step(lambda: open_and_list(self.db_path, self.confirm_server_migration))
            if listed is None:
                return
            self.listed_result = listed
            self.listed.emit(listed)
            self.go.wait()
            if self.cancelled:
                return
            self.services = self._step(lambda: load_services(listed.db))
            if self.services is not None:
                self.loaded.emit(self.services)
        finally:
            self.done.set()
            thread = self.thread()
            if thread is not None:
                thread.quit()

    def _step(self, step: Callable[[], T]) -> T | None:
        """``step()``, or None after the failure was reported (``failed``) for the user."""
        from ethics_tool.storage.db import (
            CorruptDatabaseError,
            ServerMigrationNeeded,
            StorageError,
        )

        try:
            return step()
        except CorruptDatabaseError as exc:
            from ethics_tool.storage.backup import newest_good_backup

            log.error("the database is damaged: %s", exc)
            good = newest_good_backup(exc.path) if exc.path is not None else None
            self.failed.emit(CORRUPT, str(exc), str(good.path) if good else "")
        except ServerMigrationNeeded as exc:
            log.warning("the server database needs a migration: %s", exc)
            self.failed.emit(SERVER_MIGRATION, exc.message, "\n".join(exc.details))
        except StorageError as exc:
            log.error("cannot open the database: %s", exc)
            self.failed.emit(STORAGE, str(exc), "")
        except Exception as exc:  # a bug or a broken installation: the user gets the details
            log.exception("start-up failed")
            self.failed.emit(BUG, str(exc) or exc.__class__.__name__, traceback.format_exc())
        return None


class _WaitForCore(QObject):
    """While the core loads, a click or a key first waits for it (installed on the application)."""

    INPUT = frozenset(
        {
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
            QEvent.Type.Shortcut,
            QEvent.Type.TouchBegin,
        }
    )

    def __init__(self, loader: StartupLoader) -> None:
        super().__init__(loader)
        self.loader = loader

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.INPUT:
            self.loader.wait_for_core()  # then the event goes on to its target
        return False


class _AfterPaint(QObject):
    """Calls ``then`` once ``widget`` has been painted and the event loop is idle again."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)
        # Never wait forever (a window that is minimised or covered is not painted).
        QTimer.singleShot(300, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        then, self.then = self.then, None  # type: ignore[assignment]
        if then is not None:
            then()


class StartupLoader(QObject):
    """Runs the two steps on a thread of its own and hands their results to ``window``.

    ``listed`` / ``loaded`` / ``failed`` arrive on the GUI thread (``loaded`` after the window has
    attached the services).
    """

    listed = Signal(object)  # Listed
    loaded = Signal(object)  # Services
    failed = Signal(str, str, str)  # kind, message for the user, details (traceback or "")

    def __init__(
        self,
        db_path: Path | str,
        window: MainWindow,
        parent: QObject | None = None,
        *,
        confirm_server_migration: bool = False,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("startupLoader")
        self._work = _Work(db_path, confirm_server_migration)
        self._work.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self._work.run)
        self._work.listed.connect(self._listed)
        self._work.loaded.connect(self._loaded)
        self._work.failed.connect(self._failed)
        self._waiter = _WaitForCore(self)
        self._gc_was_enabled = False
        self._list_attached = False
        self._core_attached = False
        self._closing = False

    @property
    def db(self) -> Database | None:
        """The database once step 1 opened it (to be disposed of by whoever started this)."""
        listed = self._work.listed_result
        return listed.db if listed is not None else None

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._waiter)
        # No garbage collection while the start-up imports create their tens of thousands of
        # objects (a cycle collection then runs every few milliseconds, some 40 ms in all before
        # the list is shown); it resumes once the core is attached (or loading ended otherwise).
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self.worker_thread.start()

    def _resume_gc(self) -> None:
        if self._gc_was_enabled:
            self._gc_was_enabled = False
            gc.enable()

    def proceed(self) -> None:
        """Let step 2 begin (after the home list was painted, or at once when a click waits)."""
        self._work.go.set()

    def wait_for_core(self) -> None:
        """Block (with the wait cursor) until the core is loaded, and attach what came meanwhile."""
        if not self._core_attached and not self._work.done.is_set():
            from ethics_tool.gui.busy import busy

            self.proceed()
            with busy():
                self._work.done.wait()
        self._deliver()

    def wait(self) -> None:
        """Block until the worker has finished (the window was closed): no step 2 is started."""
        self._closing = True
        self._stop_waiting()
        self._work.cancelled = True
        self.proceed()
        self.worker_thread.wait()

    def _deliver(self) -> None:
        if self._work.listed_result is not None:
            self._listed(self._work.listed_result)
        if self._work.services is not None:
            self._loaded(self._work.services)

    def _stop_waiting(self) -> None:
        """The core is attached, or will not be: input goes straight to its target again."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._waiter)
        self._resume_gc()

    @Slot(object)
    def _listed(self, result: Listed) -> None:
        if self._list_attached:
            return
        self._list_attached = True
        self.listed.emit(result)
        if self._closing or not self.window.isVisible():
            self.proceed()  # (cancelled by wait())
            return
        from ethics_tool.gui.core_access import CoreAccess

        self.window.attach_list(CoreAccess(result.db, wait=self.wait_for_core), result.rows)
        # Step 2 after the list is on screen: the worker's imports would hold the GIL the paint
        # needs (the table asks its model for every visible cell in Python).
        _AfterPaint(self.window.home, self.proceed)

    @Slot(object)
    def _loaded(self, services: Services) -> None:
        if self._core_attached:
            return
        self._core_attached = True
        try:
            if not self._closing and self.window.isVisible():
                self.window.attach_core(services)
                self.loaded.emit(services)
        finally:
            self._stop_waiting()

    @Slot(str, str, str)
    def _failed(self, kind: str, message: str, details: str) -> None:
        self._stop_waiting()
        self.failed.emit(kind, message, details)
