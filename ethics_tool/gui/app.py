"""Start the GUI: QApplication, fonts, translations, logging, the error dialog, the database.

The main window is shown before the core (SQLAlchemy, Alembic, pydantic) is imported; that import,
opening the database and loading the forms run on a worker thread (:mod:`ethics_tool.gui.startup`).
ReportLab is imported only when a PDF is written.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QApplication

from ethics_tool import __version__, i18n, logs
from ethics_tool.errors import UserError
from ethics_tool.filetypes import APP_ID
from ethics_tool.gui import pyside_imports  # first of the GUI's modules: see pyside_imports
from ethics_tool.gui.appearance import apply_appearance, install_qt_translator, register_fonts
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.gui.settings import APPLICATION, ORGANIZATION, AppSettings
from ethics_tool.gui.window.actions import icon
from ethics_tool.i18n import t
from ethics_tool.paths import DB_ENV, default_db_path, user_log_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, QThread
    from PySide6.QtWidgets import QWidget

    from ethics_tool.gui.startup import Listed, StartupLoader
    from ethics_tool.services import Services

log = logging.getLogger("ethics_tool")
_showing_error = False


def show_error_dialog(text: str, parent: QWidget | None = None) -> None:
    from PySide6.QtCore import Qt  # the Qt namespace is slow to build: not before the first paint
    from PySide6.QtWidgets import QMessageBox  # nor a message box (2 ms for its type and enums)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(t("Unexpected error"))
    box.setText(
        t(
            "Something went wrong. Your answers saved so far are safe. Please send the details "
            "below to whoever supports the program."
        )
    )
    box.setInformativeText(
        t("The details are also written to the log in {folder}.", folder=str(user_log_dir()))
    )
    box.setDetailedText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unhandled exception and show it in a dialog whose text can be copied."""
    global _showing_error
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unhandled exception (version %s)\n%s", __version__, text)
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _showing_error or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing_error = True
    try:
        from PySide6.QtWidgets import QMessageBox

        if isinstance(exc, UserError):
            # Not a bug (e.g. a storage fault): what happened and what to do, no traceback.
            QMessageBox.warning(
                QApplication.activeWindow(), t("The action could not be completed"), str(exc)
            )
        else:
            show_error_dialog(text, QApplication.activeWindow())
    finally:
        _showing_error = False


def _as_app_settings(settings: QSettings | AppSettings | None) -> AppSettings:
    if isinstance(settings, AppSettings):
        return settings
    return AppSettings(settings)


def create_main_window(
    services: Services, settings: QSettings | AppSettings | None = None
) -> MainWindow:
    """A main window over ``services`` (used by :func:`run` and by tests)."""
    window = MainWindow(_as_app_settings(settings), db_path=services.db.path)
    window.attach(services)
    return window


class DatabaseLock:
    """The lock file beside the database, taken on a thread of its own while the window is built.

    ``QLockFile`` writes the new file and syncs it to the disk (``fdatasync``: 3 ms on a quiet disk,
    10 ms or more on a busy one) with Python's lock released, so the fonts and translations load
    meanwhile instead of the first paint waiting for the disk. :meth:`result` waits for it.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.lock = QLockFile(str(db_path.with_name(db_path.name + ".lock")))
        self.lock.setStaleLockTime(0)
        self._held = False
        self._thread = threading.Thread(target=self._take, name="database-lock", daemon=True)
        self._thread.start()

    def _take(self) -> None:
        self._held = self.lock.tryLock(200)

    def result(self) -> QLockFile | str | None:
        """The held lock; a message when another window holds it; None when none can be made."""
        self._thread.join()
        if self._held:
            return self.lock
        if self.lock.error() == QLockFile.LockError.LockFailedError:
            from ethics_tool.storage.db import holder_of

            holder = holder_of(self.db_path)
            message = t(
                "The assessments are already open in another window of this program. "
                "Switch to that window, or close it and start again."
            )
            return message + (
                "\n\n" + t("It is held by {holder}.", holder=holder) if holder else ""
            )
        return None  # no permission to create a lock: go on; SQLite's own locking still protects


def confirm_server_migration(window: QWidget | None, message: str, details: str) -> bool:
    """Ask whether the server database has been backed up and may be updated now."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(t("Update the database on the server"))
    box.setText(message)
    box.setInformativeText(
        details
        + "\n\n"
        + t(
            "Update it only when you are its administrator and have made the backup. Other "
            "computers must close the program first."
        )
    )
    update = box.addButton(t("I made a backup: update"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(t("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is update


def _offer_backup(window: MainWindow, message: str, backup: str) -> bool:
    """The file is damaged: offer the newest good backup; True when the user takes it."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from ethics_tool.i18n import format_date

    stamp = Path(backup).name[:15]
    try:
        made = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
        when = f"{format_date(made.date())} {made:%H:%M}"
    except ValueError:
        when = Path(backup).name
    box = QMessageBox(
        QMessageBox.Icon.Warning, t("The database is damaged"), message, parent=window
    )
    box.setInformativeText(
        t(
            "Restore the newest good backup, made {when}? The damaged file is kept beside the "
            "backups.",
            when=when,
        )
    )
    restore = box.addButton(t("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def _offer_local_file(window: QWidget | None) -> bool:
    """After a server failed at start-up: offer to go back to the file on this computer."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(t("Ethics self-assessment"))
    box.setText(
        t(
            "The program was set to use a database server. Use the assessments on this computer "
            "instead from the next start? (The server can be chosen again in the settings.)"
        )
    )
    local = box.addButton(t("Use this computer's file"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t("Keep the server"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is local


def _show_startup_failure(window: MainWindow, kind: str, message: str, details: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ethics_tool.gui.startup import CORRUPT, STORAGE

    if kind in (STORAGE, CORRUPT):
        QMessageBox.critical(
            window,
            t("The database cannot be opened"),
            t("The assessments could not be opened.") + "\n\n" + message,
        )
    else:
        show_error_dialog(details or message, window)


# Set by packaging checks and start-up benchmarks: "shown" leaves after the first paint, "core"
# when the services are loaded too (after ready), any other value as soon as the window is ready to
# use. The program prints the moment's name on stdout when
# it comes ("ethics-tool: shown"), so a check can time the start itself rather than the start and
# the shutdown (tests/integration/test_bundle.py).
EXIT_WHEN_READY_ENV = "ETHICS_TOOL_EXIT_WHEN_READY"


def _leave(app: QApplication, moment: str) -> None:
    """Say that ``moment`` has come, then quit (for :data:`EXIT_WHEN_READY_ENV`)."""
    if sys.stdout is not None:  # None in a windowed program on Windows
        print(f"ethics-tool: {moment}", flush=True)
    QTimer.singleShot(0, app.quit)


def run(
    db_path: Path | str | None = None,
    lang: str | None = None,
    open_file: Path | None = None,
    upgrade_server: bool = False,
    resume_gc: bool = False,
) -> int:
    """Start the GUI and return the exit code.

    The window is shown first (with its loading state); once it has been painted, a worker thread
    opens the database and lists the assessments (the home list is filled: *ready*), then loads
    the core (:mod:`ethics_tool.gui.startup`).
    ``open_file`` (``ethics-tool FILE``, a double-clicked ``.etika`` file) is offered for import or
    merging once the window is ready.
    """
    pyside_imports.install()  # before the core is imported (see the module)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    # Ties the windows to the installed .desktop entry (its icon and name in docks and task bars).
    app.setDesktopFileName(APP_ID)
    sys.excepthook = excepthook
    settings = AppSettings()

    # A server chosen in the settings, unless --db or $ETHICS_TOOL_DB name a database.
    from_settings = not db_path and not os.environ.get(DB_ENV, "").strip() and settings.database
    path: Path | str = db_path or (settings.database if from_settings else default_db_path())
    is_url = isinstance(path, str) and "://" in path  # a URL never goes through Path
    if not is_url:
        path = Path(path).expanduser()
    locking: DatabaseLock | None = None
    if isinstance(path, Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        locking = DatabaseLock(path)  # meanwhile: the icon, the crash log, fonts, translations

    app.setWindowIcon(icon("app"))
    logs.enable_crash_log()  # a crash in Qt before the first paint leaves a trace too
    register_fonts()
    # The remembered font and colours before any widget exists, so none has to be redone.
    apply_appearance(app, large_fonts=settings.large_fonts, high_contrast=settings.high_contrast)
    language = lang or settings.language or i18n.DEFAULT_LANGUAGE
    if language not in i18n.LANGUAGES:
        language = i18n.DEFAULT_LANGUAGE
    i18n.set_language(language)
    install_qt_translator(app, language)
    app.setApplicationDisplayName(t("Ethics self-assessment"))

    lock: QLockFile | None = None
    if locking is not None:
        held = locking.result()
        if isinstance(held, str):
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(None, t("Ethics self-assessment"), held)
            return 1
        lock = held

    window = MainWindow(settings, db_path=path if isinstance(path, Path) else None)
    window.restore_appearance()

    def on_listed(result: Listed) -> None:  # the loader attaches it to the window
        if result.db.backup is not None:
            log.info("database migrated; backup at %s", result.db.backup)
        log.info("started version %s with %s", __version__, result.db.location)

    def on_failed(kind: str, message: str, details: str) -> None:
        from ethics_tool.gui.startup import CORRUPT, SERVER_MIGRATION, STORAGE

        if kind == SERVER_MIGRATION and confirm_server_migration(window, message, details):
            begin(confirmed=True)
            return
        if kind == CORRUPT and details and not is_url and _offer_backup(window, message, details):
            from ethics_tool.storage.backup import restore_backup

            restore_backup(Path(path).expanduser().resolve(), Path(details))
            log.info("restored %s from %s at start-up", path, details)
            begin()
            return
        _show_startup_failure(window, kind, message, details)
        if from_settings and kind == STORAGE and _offer_local_file(window):
            settings.database = ""
        app.exit(1)
        window.close()

    loaders: list[StartupLoader] = []

    def begin(confirmed: bool = upgrade_server) -> None:
        from ethics_tool.gui.startup import StartupLoader  # not needed for the first paint

        loader = StartupLoader(path, window, confirm_server_migration=confirmed)
        loader.listed.connect(on_listed)
        loader.failed.connect(on_failed)
        loaders.append(loader)
        loader.start()
        if len(loaders) > 1:
            return
        # Each in a turn of its own, so the event loop stays responsive between them.
        QTimer.singleShot(0, logs.setup)  # the log file is not needed for the first paint
        QTimer.singleShot(0, window.install_shortcuts)

    if resume_gc:  # paused by the command line for the imports before the first paint
        window.shown_idle.connect(
            gc.enable
        )  # first, so the loader finds it on (it pauses it again)
    leave = os.environ.get(EXIT_WHEN_READY_ENV, "")
    if leave == "shown":  # the first paint done and the event loop idle, as for a bare window
        window.shown_idle.connect(lambda: _leave(app, "shown"))
    else:
        window.shown_idle.connect(lambda: begin())
    if leave == "core":  # the services loaded too (after ready), every page can be built
        window.core_loaded.connect(lambda: _leave(app, "core"))
    elif leave and leave != "shown":  # the list of assessments filled and usable
        window.ready.connect(lambda: _leave(app, "ready"))
    if open_file is not None:
        window.core_loaded.connect(
            lambda: QTimer.singleShot(0, lambda: window.offer_file(open_file))
        )
    prefetch: list[QThread] = []

    def prefetch_modules() -> None:
        """The modules of the pages not built yet, imported while the user looks at the list."""
        from ethics_tool.gui.startup import ModulePrefetch

        thread = ModulePrefetch()
        prefetch.append(thread)
        thread.start()

    if not leave:
        window.core_loaded.connect(lambda: QTimer.singleShot(0, prefetch_modules))
    window.show()
    try:
        return app.exec()
    finally:
        for thread in prefetch:
            thread.wait()
        for loader in loaders:
            loader.wait()
            QApplication.sendPostedEvents(loader, 0)  # a result that came after the window closed
            if loader.db is not None:
                loader.db.dispose()
        if lock is not None:
            lock.unlock()
