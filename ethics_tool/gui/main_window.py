"""The main window: a stack of pages, menus, a page toolbar and the autosave state in the status bar.

The window is built in steps so it can be shown before the heavy core modules are imported:
``MainWindow(settings)`` draws the frame at once with a loading state, :meth:`MainWindow.attach_list`
builds the home page when the database is open and the assessments are listed, and
:meth:`MainWindow.attach_core` adds the rest when the services are loaded (see
:mod:`ethics_tool.gui.startup`; :meth:`MainWindow.attach` does both, for tests). Nothing before
the first paint touches the ``Qt`` namespace: building its enums alone costs as much as a bare
window's start. Every other page is built the first time it is shown or asked for
(``window.questionnaire``, ``window.pages["results"]``), by the factories in
:mod:`ethics_tool.gui.window.page_factory`.

The window's parts live beside it (all in :mod:`ethics_tool.gui.window`): the actions, menus and
toolbar in ``actions``, the lazily built pages in ``pages`` and their wiring in ``page_factory``,
going from page to page and assessment to assessment in ``navigation``, the file commands in
``file_actions``, language and appearance in ``view_state``, the loading page in ``loading``; the
file work itself is :mod:`ethics_tool.gui.files`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QStackedWidget

from ethics_tool import i18n
from ethics_tool.gui.core_access import CoreAccess
from ethics_tool.gui.dialogs import Dialogs
from ethics_tool.gui.screen_fit import DEFAULT_SIZE, fit_to_screen
from ethics_tool.gui.settings import AppSettings
from ethics_tool.gui.window.actions import PAGES as PAGES  # re-exported for the tests
from ethics_tool.gui.window.actions import WindowActions, icon
from ethics_tool.gui.window.file_actions import FileActionsMixin
from ethics_tool.gui.window.loading import LoadingPage
from ethics_tool.gui.window.navigation import NEEDS_ASSESSMENT as NEEDS_ASSESSMENT
from ethics_tool.gui.window.navigation import NavigationMixin
from ethics_tool.gui.window.pages import LazyPages
from ethics_tool.gui.window.view_state import ViewStateMixin
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.gui.change_watch import ChangeBar, ChangeWatcher
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.gui.pages.about import AboutPage
    from ethics_tool.gui.pages.backups_section import BackupsSection
    from ethics_tool.gui.pages.compare import ComparePage
    from ethics_tool.gui.pages.home import HomePage
    from ethics_tool.gui.pages.questionnaire import QuestionnairePage
    from ethics_tool.gui.pages.results import ResultsPage
    from ethics_tool.gui.pages.settings_page import SettingsPage
    from ethics_tool.gui.recent_files import RecentFiles
    from ethics_tool.gui.seminar import SeminarKit
    from ethics_tool.services import Services


class MainWindow(NavigationMixin, FileActionsMixin, ViewStateMixin, QMainWindow):
    shown_idle = Signal()  # once: the window has been painted and the event loop is idle again
    ready = Signal()  # the home list is filled and usable (the last page shown is built)
    core_loaded = Signal()  # the services are attached: every page can be built
    blank_finished = Signal(str)  # a blank questionnaire was written: its path
    blank_failed = Signal(str)
    backups_section: BackupsSection  # in the settings page, once it is built

    def __init__(self, settings: AppSettings, db_path: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.settings = settings
        self.db_path = db_path
        self.services: Services | None = None  # once the core is loaded (attach_core)
        self.core: CoreAccess | None = None  # the open database, from attach_list on
        self.current_id: int | None = None
        self.dialogs = Dialogs(self)
        self._questionnaire_id: int | None = None
        self.change_watcher: ChangeWatcher | None = None  # set by change_watch.install
        self.change_bar: ChangeBar | None = None

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.loading = LoadingPage()
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)
        self.pages = LazyPages(self.stack)

        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosaveLabel")
        self.blank_progress = QProgressBar()
        self.blank_progress.setObjectName("blankProgress")
        self.blank_progress.setRange(0, 0)  # busy: the blank form reports no steps
        self.blank_progress.setMaximumWidth(160)
        self.blank_progress.hide()
        self.statusBar().addPermanentWidget(self.blank_progress)
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.files: FileWork | None = None
        self.seminar: SeminarKit | None = None
        self.recent: RecentFiles | None = None
        self._saved_at: str | None = None

        self._make_actions()
        self._listener = self._on_language
        i18n.on_language_changed(self._listener)
        self.retranslate()
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)  # a size saved on a large monitor must not hang off a projector
        self.installEventFilter(self)  # until the first paint (see shown_idle)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self.removeEventFilter(self)
            # The window's paint event begins the paint of all of it; a zero timer fires when that
            # is done and the event loop is idle again.
            QTimer.singleShot(0, self.shown_idle.emit)
            # now the frame (title bar, borders) is known: the whole window must fit its screen
            QTimer.singleShot(0, lambda: fit_to_screen(self))
        return super().eventFilter(watched, event)

    # -- frame ------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        actions = self.window_actions = WindowActions(self)
        for name, action in actions.pages.items():
            action.triggered.connect(lambda _checked=False, n=name: self.show_page(n))
        actions.export_pdf.triggered.connect(self.export_pdf)
        actions.export_json.triggered.connect(self.export_json)
        actions.blank_pdf.triggered.connect(lambda _checked=False: self.blank_questionnaire())
        actions.quit.triggered.connect(self.close)
        actions.shortcuts.triggered.connect(lambda _checked=False: self.show_shortcuts())
        actions.full_screen.toggled.connect(self._toggle_full_screen)
        actions.presentation.toggled.connect(self._toggle_presentation)
        # The names the rest of the program and the tests know them by.
        self.page_group = actions.page_group
        self.page_actions = actions.pages
        self.action_export_pdf = actions.export_pdf
        self.action_export_json = actions.export_json
        self.action_blank_pdf = actions.blank_pdf
        self.action_quit = actions.quit
        self.action_full_screen = actions.full_screen
        self.action_presentation = actions.presentation
        self.file_menu = actions.file_menu
        self.view_menu = actions.view_menu
        self.help_menu = actions.help_menu
        self.toolbar = actions.toolbar
        from ethics_tool.gui.spreadsheet_actions import SpreadsheetActions

        self.spreadsheets = SpreadsheetActions(
            self,
            lambda: (self.services, self.current_id),
            lambda: self.dialogs,
            self.settings,
            self._refresh_results,
        )
        from ethics_tool.gui.benchmark_actions import BenchmarkActions

        self.benchmark = BenchmarkActions(
            self,
            lambda: (self.services, self.current_id),
            lambda: self.dialogs,
            self._refresh_results,
        )
        self.view_menu.insertAction(self.action_presentation, self.benchmark.open_action)

    def install_shortcuts(self) -> None:
        """Keyboard shortcuts, after the first paint (see :meth:`WindowActions.install_shortcuts`)."""
        if self.window_actions.install_shortcuts():
            self.retranslate()  # the tooltips name the shortcuts

    def retranslate(self) -> None:
        self.setWindowTitle(t("Ethics self-assessment"))
        self.loading.retranslate()
        self.window_actions.retranslate()
        self.spreadsheets.retranslate()
        self.benchmark.retranslate()
        self._show_saved_state()
        if self.seminar is not None:
            self.seminar.retranslate()
        if self.recent is not None:
            self.recent.retranslate()
        for page in self.pages.built().values():
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate):
                retranslate()

    def _rebuild_file_menu(self) -> None:
        if not self.pages.is_built("home"):
            self.window_actions.rebuild_file_menu([], [])
        else:
            home = self.home
            self.window_actions.rebuild_file_menu(
                [home.action_new, home.action_import, home.action_merge],
                [home.action_demo, home.action_remove_demo],
            )
            if self.recent is not None:  # File → Recent files, after the ways to open a file
                self.file_menu.insertMenu(self.action_export_pdf, self.recent.menu)
        self._add_file_actions()

    def _add_file_actions(self) -> None:
        """The spreadsheet (and benchmark) actions, right after "Export JSON…"."""
        menu = self.file_menu
        items = menu.actions()
        extra = [
            self.spreadsheets.export_action,
            self.spreadsheets.import_action,
            self.benchmark.export_action,
        ]
        after = items.index(self.action_export_json) + 1
        if after < len(items):
            menu.insertActions(items[after], extra)
        else:
            menu.addActions(extra)

    # -- pages --------------------------------------------------------------------------------------
    @property
    def home(self) -> HomePage:
        return cast("HomePage", self.pages["home"])

    @property
    def questionnaire(self) -> QuestionnairePage:
        return cast("QuestionnairePage", self.pages["questionnaire"])

    @property
    def results(self) -> ResultsPage:
        return cast("ResultsPage", self.pages["results"])

    @property
    def compare(self) -> ComparePage:
        return cast("ComparePage", self.pages["compare"])

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self.pages["settings"])

    @property
    def about(self) -> AboutPage:
        return cast("AboutPage", self.pages["about"])

    def attach(self, services: Services, rows: list[AssessmentSummary] | None = None) -> None:
        """Build the home page over ``services`` and attach the rest at once (tests, one step).

        ``rows`` are the assessments when they were already listed off the GUI thread.
        """
        if rows is None:
            rows = services.list_assessments()
        self.attach_list(CoreAccess(services.db, services), rows)
        self.attach_core(services)

    def attach_list(self, core: CoreAccess, rows: list[AssessmentSummary]) -> None:
        """The first step after the first paint: the home page with its list (see startup.md).

        Only the database is open and the assessments listed; the services follow
        (:meth:`attach_core`). When the last page shown was the home page, the window is *ready*
        here; a click before the services are there waits for them (``core.services``).
        """
        from ethics_tool.gui.window.page_factory import register_home

        self.install_shortcuts()
        self.core = core
        if self.db_path is None:
            self.db_path = core.db.path
        register_home(self, core)
        self.stack.setCurrentWidget(self.home)
        self.stack.removeWidget(self.loading)
        if core.db.read_only:
            self.show_read_only_banner()
        self._rebuild_file_menu()
        self.home.refresh(rows=rows)
        last = self.settings.last_assessment
        if last is not None and self.home.model.row_of(last) is not None:
            self.current_id = last
            self.home.select(last)
        self._update_actions()  # the pages that need an open assessment, as after attach_core
        self.home.setFocus()  # the keys act on the list from the start (as show_page does)
        if self._restores_home():
            self.ready.emit()

    def attach_core(self, services: Services) -> None:
        """The second step: the services are loaded; every other page can be built from now on."""
        if self.services is not None:
            return  # handed over already (a click waited for them)
        from ethics_tool.gui.files.work import FileWork
        from ethics_tool.gui.recent_files import RecentFiles
        from ethics_tool.gui.seminar import install as install_seminar
        from ethics_tool.gui.window.page_factory import register_pages

        assert self.core is not None, "attach_list comes first"
        self.services = services
        self.core.set_services(services)
        self.files = FileWork(services, self.dialogs, self.settings, self)
        self.files.status_message.connect(self.show_message)
        self.recent = RecentFiles(
            self.settings, self.offer_file, self, import_plan=self.spreadsheets.import_again
        )
        self.files.file_used.connect(self.recent.add)
        self.spreadsheets.file_used.connect(self.recent.add)
        self.recent.missing.connect(lambda text: self.dialogs.error(t("File not found"), text))
        self.files.started.connect(self.file_job_started)
        self.files.finished.connect(self.file_job_finished)
        self.files.failed.connect(self.file_job_failed)
        self.home.attach_files(self.files)
        register_pages(self, services)
        install_seminar(self)  # the Dilemmas and Seminar pages, the Seminar menu, "Discuss"
        self._rebuild_file_menu()
        self.home.set_form_errors([error.first_line for error in services.catalog.errors])
        restored_home = self._restores_home()
        self._restore_page()
        from ethics_tool.gui import change_watch

        change_watch.install(self, services)  # "changed on another computer — Reload"
        self.core_loaded.emit()
        if not restored_home:  # the last page shown was another one: it is there only now
            self.ready.emit()

    def _restores_home(self) -> bool:
        """Whether the page to restore at start is the home page (the others need the services)."""
        from ethics_tool.gui.seminar import SEMINAR_PAGES
        from ethics_tool.gui.window.navigation import NEEDS_ASSESSMENT

        page = self.settings.last_page
        if page not in PAGES and page not in SEMINAR_PAGES:
            return True  # an unknown name: the home page (as _restore_page does)
        if page in NEEDS_ASSESSMENT:
            last = self.settings.last_assessment
            return last is None or self.home.model.row_of(last) is None
        return page == "home"

    # -- autosave state -----------------------------------------------------------------------------
    def saved(self, message: str) -> None:
        if message == t("Saved"):
            self._saved_at = time.strftime("%H:%M:%S")
            self._show_saved_state()
        else:
            self.show_message(message)

    def _show_saved_state(self) -> None:
        if self._saved_at is None:
            self.autosave_label.setText(t("Changes are saved automatically"))
        else:
            self.autosave_label.setText(t("Saved {time}", time=self._saved_at))

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    # -- closing ----------------------------------------------------------------------------------------
    def backup_restored(self) -> None:
        """The file was replaced by a backup: forget what the pages show and reload."""
        self._questionnaire_id = None
        self.home.refresh()
        self.assessments_changed()
        self.show_page("home")
        self.show_message(t("The backup was restored."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pages.is_built("questionnaire"):
            self.questionnaire.leave()
            waiting = len(self.questionnaire.unsaved)
            if not self.questionnaire.save_pending() and not self.dialogs.confirm(
                t("Changes are not saved"),
                t(
                    "{count} changes could not be saved yet: {reason} Close anyway and lose "
                    "them, or keep the window open while you fix the problem?",
                    count=waiting,
                    reason=self.questionnaire.unsaved.last_error,
                ),
                t("Close and lose them"),
            ):
                event.ignore()
                return
        from PySide6.QtCore import QThreadPool

        # A PDF being written finishes first (it is written to a temporary name and renamed).
        QThreadPool.globalInstance().waitForDone(15000)
        if not self.isFullScreen():
            self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        i18n.remove_listener(self._listener)
        super().closeEvent(event)
