"""The slow part of start-up off the GUI thread: import the core, open the database, load the forms.

:func:`run <ethics_tool.gui.app.run>` shows the main window (with its loading state) first; when the
window has been painted and the event loop is idle (``MainWindow.shown_idle``), a
:class:`StartupLoader` on its own ``QThread``
does the work below and hands the result back by signal. The worker never touches a widget: it
imports modules, opens the database and reads rows; the pages are built on the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.services import Services
    from ethics_tool.storage.db import Database

log = logging.getLogger(__name__)

# Kinds of failure, each with its own dialog in app.py.
STORAGE = "storage"
CORRUPT = "corrupt"  # details: the newest good backup ("" when there is none)
SERVER_MIGRATION = "server-migration"  # the administrator must confirm a backup first
BUG = "bug"


@dataclass
class Loaded:
    """What the GUI needs to build its pages."""

    db: Database
    services: Services
    rows: list[AssessmentSummary] = field(default_factory=list)


def load_core(db_path: Path | str, confirm_server_migration: bool = False) -> Loaded:
    """Import the core, open (and migrate) the database, load the forms and list the assessments."""
    from ethics_tool.domain.form_cache import FormCache
    from ethics_tool.domain.loader import load_catalog
    from ethics_tool.paths import forms_dirs, user_cache_dir
    from ethics_tool.services import Services
    from ethics_tool.storage.db import open_database

    db = open_database(db_path, confirm_server_migration=confirm_server_migration)
    try:
        catalog = load_catalog(forms_dirs(), load=FormCache(user_cache_dir() / "forms"))
        services = Services(db, catalog)
        rows = services.list_assessments()
        services.seminar.deck  # noqa: B018 - the dilemma cards, read here, not on the GUI thread
        # The modules MainWindow.attach needs for the home page are pure class definitions;
        # importing them here keeps the GUI thread free. The other pages' modules come later
        # (LATER_MODULES, after the window is ready).
        import ethics_tool.gui.files.work
        import ethics_tool.gui.pages.home
        import ethics_tool.gui.seminar
        import ethics_tool.gui.window.page_factory  # noqa: F401
    except BaseException:
        db.dispose()
        raise
    return Loaded(db, services, rows)


# The modules of the pages built on first use (see ethics_tool.gui.window.page_factory), imported
# by :class:`ModulePrefetch` once the window is ready, so the first click on a page finds them.
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
    """Lives on the worker thread; its signals arrive queued at :class:`StartupLoader`."""

    loaded = Signal(object)
    failed = Signal(str, str, str)

    def __init__(self, db_path: Path | str, confirm_server_migration: bool = False) -> None:
        super().__init__()
        self.db_path = db_path
        self.confirm_server_migration = confirm_server_migration

    @Slot()
    def run(self) -> None:
        from ethics_tool.storage.db import (
            CorruptDatabaseError,
            ServerMigrationNeeded,
            StorageError,
        )

        try:
            result = load_core(self.db_path, self.confirm_server_migration)
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
        else:
            self.loaded.emit(result)
        finally:
            thread = self.thread()
            if thread is not None:
                thread.quit()


class StartupLoader(QObject):
    """Runs :func:`load_core` on a thread of its own; ``loaded`` / ``failed`` on the GUI thread."""

    loaded = Signal(object)  # Loaded
    failed = Signal(str, str, str)  # kind, message for the user, details (traceback or "")

    def __init__(
        self,
        db_path: Path | str,
        parent: QObject | None = None,
        *,
        confirm_server_migration: bool = False,
    ) -> None:
        super().__init__(parent)
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("startupLoader")
        self._work = _Work(db_path, confirm_server_migration)
        self._work.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self._work.run)
        self._work.loaded.connect(self._loaded)
        self._work.failed.connect(self._failed)

    def start(self) -> None:
        self.worker_thread.start()

    def wait(self) -> None:
        """Block until the work has finished (the window was closed while it loaded)."""
        self.worker_thread.wait()

    @Slot(object)
    def _loaded(self, result: object) -> None:
        self.loaded.emit(result)

    @Slot(str, str, str)
    def _failed(self, kind: str, message: str, details: str) -> None:
        self.failed.emit(kind, message, details)
