"""The main window: a stack of pages, menus, a page toolbar and the autosave state in the status bar.

The window is built in two steps so it can be shown before the heavy core modules are imported:
``MainWindow(settings)`` draws the frame at once with a loading state, :meth:`MainWindow.attach` adds
the pages when the database is open (see :mod:`ethics_tool.gui.startup`). Nothing before the first
paint touches the ``Qt`` namespace: building its enums alone costs as much as a bare window's start.

This module is over the house limit of about 400 lines, for a reason: it is the one place
that wires the pages, the actions, the file work and the settings together, and splitting that
wiring would scatter it. Its parts live elsewhere: the actions, menus and toolbar in
:mod:`ethics_tool.gui.window.actions`, the loading page in :mod:`ethics_tool.gui.window.loading`,
file work in :mod:`ethics_tool.gui.files`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from ethics_tool import i18n
from ethics_tool.gui.appearance import apply_appearance, install_qt_translator
from ethics_tool.gui.dialogs import Dialogs
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.screen_fit import DEFAULT_SIZE, fit_to_screen
from ethics_tool.gui.settings import AppSettings
from ethics_tool.gui.window.actions import PAGES as PAGES  # re-exported for the tests
from ethics_tool.gui.window.actions import WindowActions, icon
from ethics_tool.gui.window.loading import LoadingPage
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QDialog

    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.gui.change_watch import ChangeBar, ChangeWatcher
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.gui.pages.about import AboutPage
    from ethics_tool.gui.pages.compare import ComparePage
    from ethics_tool.gui.pages.home import HomePage
    from ethics_tool.gui.pages.questionnaire import QuestionnairePage
    from ethics_tool.gui.pages.results import ResultsPage
    from ethics_tool.gui.pages.settings_page import SettingsPage
    from ethics_tool.gui.seminar import SeminarKit
    from ethics_tool.services import Services

NEEDS_ASSESSMENT = {"questionnaire", "results", "compare"}


class MainWindow(QMainWindow):
    shown_idle = Signal()  # once: the window has been painted and the event loop is idle again
    ready = Signal()  # the pages are built and the home list is filled
    blank_finished = Signal(str)  # a blank questionnaire was written: its path
    blank_failed = Signal(str)
    home: HomePage
    questionnaire: QuestionnairePage
    results: ResultsPage
    compare: ComparePage
    settings_page: SettingsPage
    about: AboutPage

    def __init__(self, settings: AppSettings, db_path: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.settings = settings
        self.db_path = db_path
        self.services: Services | None = None
        self.current_id: int | None = None
        self.dialogs = Dialogs(self)
        self.pages: dict[str, QWidget] = {}
        self._questionnaire_id: int | None = None
        self.change_watcher: ChangeWatcher | None = None  # set by change_watch.install
        self.change_bar: ChangeBar | None = None

        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.loading = LoadingPage()
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)

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
            lambda: self.results.refresh() if self.current_id is not None else None,
        )
        from ethics_tool.gui.benchmark_actions import BenchmarkActions

        self.benchmark = BenchmarkActions(
            self,
            lambda: (self.services, self.current_id),
            lambda: self.dialogs,
            lambda: self.results.refresh() if self.current_id is not None else None,
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
        for page in self.pages.values():
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate):
                retranslate()

    def _rebuild_file_menu(self) -> None:
        if self.services is None:
            self.window_actions.rebuild_file_menu([], [])
        else:
            home = self.home
            self.window_actions.rebuild_file_menu(
                [home.action_new, home.action_import, home.action_merge],
                [home.action_demo, home.action_remove_demo],
            )
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
    def attach(self, services: Services, rows: list[AssessmentSummary] | None = None) -> None:
        """Build the pages over ``services`` (the core is imported here, after the window shows).

        ``rows`` are the assessments when they were already listed off the GUI thread.
        """
        from ethics_tool.gui.files.work import FileWork
        from ethics_tool.gui.pages.about import AboutPage
        from ethics_tool.gui.pages.compare import ComparePage
        from ethics_tool.gui.pages.home import HomePage
        from ethics_tool.gui.pages.questionnaire import QuestionnairePage
        from ethics_tool.gui.pages.results import ResultsPage
        from ethics_tool.gui.pages.settings_page import SettingsPage
        from ethics_tool.paths import user_data_dir, user_log_dir

        self.install_shortcuts()
        self.services = services
        if self.db_path is None:
            self.db_path = services.db.path
        self.files = FileWork(services, self.dialogs, self.settings, self)
        self.files.status_message.connect(self.show_message)
        self.files.started.connect(self._file_job_started)
        self.files.finished.connect(self._file_job_finished)
        self.files.failed.connect(self._file_job_failed)
        self.home = HomePage(services, self.dialogs, self.files)
        self.questionnaire = QuestionnairePage(services, self.dialogs)
        self.window_actions.undo_group.addStack(self.questionnaire.undo_stack)
        self.results = ResultsPage(services, self.dialogs, self.files)
        self.compare = ComparePage(services)
        self.settings_page = SettingsPage(self.db_path, user_log_dir(), user_data_dir() / "forms")
        self.about = AboutPage(self.db_path)
        self.pages = {
            "home": self.home,
            "questionnaire": self.questionnaire,
            "results": self.results,
            "compare": self.compare,
            "settings": self.settings_page,
            "about": self.about,
        }
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.stack.removeWidget(self.loading)

        self.home.open_requested.connect(self.open_assessment)
        self.home.status_message.connect(self.show_message)
        self.home.changed.connect(self._assessments_changed)
        self.home.imported.connect(self.reload_assessment)
        self.home.blank_requested.connect(self.blank_questionnaire)
        self.questionnaire.saved.connect(self._saved)
        self.questionnaire.results_requested.connect(
            lambda aid: self.open_assessment(aid, "results")
        )
        self.results.status_message.connect(self._saved)
        self.results.compare_requested.connect(lambda aid: self.open_assessment(aid, "compare"))
        self.settings_page.language_selected.connect(self.set_language)
        self.settings_page.appearance_changed.connect(self._appearance_from_page)
        self.settings_page.set_appearance(
            self.settings.large_fonts, self.settings.full_screen, self.settings.high_contrast
        )
        from ethics_tool.gui.seminar import install as install_seminar

        install_seminar(self)  # the Dilemmas and Seminar pages, the Seminar menu, "Discuss"
        from ethics_tool.gui.pages.backups_section import BackupsSection

        self.backups_section = BackupsSection(services, self.dialogs)
        self.backups_section.restored.connect(self._backup_restored)
        self.settings_page.add_section(self.backups_section)
        if services.db.read_only:
            self._show_read_only_banner()
        self._rebuild_file_menu()
        self.home.set_form_errors([error.first_line for error in services.catalog.errors])
        self.home.refresh(rows=rows)
        self._restore_page()
        from ethics_tool.gui import change_watch
        from ethics_tool.gui.dialogs import server

        change_watch.install(self, services)  # "changed on another computer — Reload"
        server.add_to_settings(self, services)  # "Connect to a server…"
        self.ready.emit()

    def _restore_page(self) -> None:
        page = self.settings.last_page if self.settings.last_page in self.pages else "home"
        last = self.settings.last_assessment
        if page in NEEDS_ASSESSMENT:
            if last is not None and self.home.model.row_of(last) is not None:
                self.open_assessment(last, page)
                return
            page = "home"
        if last is not None and self.home.model.row_of(last) is not None:
            self.current_id = last
            self.home.select(last)
        self.show_page(page, refresh=False)  # the home list was just filled

    def show_page(self, name: str, refresh: bool = True) -> None:
        if self.services is None or name not in self.pages:
            return
        if name in NEEDS_ASSESSMENT and self.current_id is None:
            self.show_message(t("Open an assessment on the home page first."))
            self.page_actions[self._current_page_name()].setChecked(True)
            return
        if self.stack.currentWidget() is self.questionnaire:
            self.questionnaire.leave()
        if self.current_id is not None:
            if name == "questionnaire" and self._questionnaire_id != self.current_id:
                self.questionnaire.show_assessment(self.current_id)
                self._questionnaire_id = self.current_id
            elif name == "results":
                self.results.show_assessment(self.current_id)
            elif name == "compare":
                self.compare.show_assessment(self.current_id)
        if name == "home" and refresh:
            self.home.refresh(select_id=self.current_id)
        self.stack.setCurrentWidget(self.pages[name])
        # Only the questionnaire has steps to undo; elsewhere Undo is off (Qt takes None here,
        # the stubs do not say so).
        self.window_actions.undo_group.setActiveStack(
            self.questionnaire.undo_stack if name == "questionnaire" else None  # type: ignore[arg-type]
        )
        self.page_actions[name].setChecked(True)
        self.settings.last_page = name
        self._update_actions()
        self.pages[name].setFocus()
        if name == "questionnaire":
            self.questionnaire.card.setFocus()

    def _current_page_name(self) -> str:
        current = self.stack.currentWidget()
        for name, page in self.pages.items():
            if page is current:
                return name
        return "home"

    def current_page(self) -> str:
        return self._current_page_name()

    def open_assessment(self, assessment_id: int, page: str = "questionnaire") -> None:
        if self.stack.currentWidget() is self.questionnaire:
            self.questionnaire.leave()
        self.current_id = assessment_id
        self._questionnaire_id = None
        self.settings.last_assessment = assessment_id
        self.show_page(page)
        if self.change_watcher is not None:
            self.change_watcher.check()  # changes from now on count as made elsewhere

    def reload_assessment(self, assessment_id: int) -> None:
        """The assessment changed behind the pages' backs (a merge): every page showing it reloads."""
        if self._questionnaire_id == assessment_id:
            self._questionnaire_id = None
        if self.current_id != assessment_id:
            return
        page = self._current_page_name()
        if page in NEEDS_ASSESSMENT:
            self.show_page(page)

    def _assessments_changed(self) -> None:
        if self.current_id is not None and self.home.model.row_of(self.current_id) is None:
            self.current_id = None
            self._questionnaire_id = None
            self.settings.last_assessment = None
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current_id is not None
        for name in NEEDS_ASSESSMENT:
            self.page_actions[name].setEnabled(has)
        self.action_export_pdf.setEnabled(has)
        self.action_export_json.setEnabled(has)
        self.spreadsheets.set_enabled(has)
        self.benchmark.set_enabled(has)

    # -- autosave state -----------------------------------------------------------------------------
    def _saved(self, message: str) -> None:
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

    # -- file actions ---------------------------------------------------------------------------------
    def offer_file(self, path: Path) -> None:
        """``ethics-tool FILE``: say what the file holds and import it or add its answers."""
        from ethics_tool.gui.open_file_dialog import Choice, OpenFileDialog, read_summary

        if self.services is None or self.files is None:
            return
        try:
            summary = read_summary(path)
        except ValueError as exc:
            self.dialogs.error(t("The file could not be imported"), str(exc))
            return
        match = next(
            (row for row in self.services.list_assessments() if row.info.uuid == summary.uuid),
            None,
        )
        label = None
        if match is not None:
            label = f"{match.info.municipality} · {match.info.assessed_on:%d.%m.%Y}"
        dialog = OpenFileDialog(path, summary, label, self)
        self.dialogs.ask(dialog)
        if dialog.choice is Choice.MERGE and match is not None:
            self.files.import_file(merge_into=match.info.id, path=path)
        elif dialog.choice is Choice.IMPORT:
            self.files.import_file(path=path)

    def shortcuts_dialog(self) -> QDialog:
        """Help → Keyboard shortcuts: the window's keys as they are set, and the questionnaire's."""
        from PySide6.QtGui import QAction

        from ethics_tool.gui.dialogs.shortcuts import ShortcutsDialog

        # Pages first (Ctrl+1…), then every other action of the window and its pages.
        actions = list(self.page_actions.values()) + self.findChildren(QAction)
        return ShortcutsDialog(actions, self)

    def show_shortcuts(self) -> None:
        self.dialogs.ask(self.shortcuts_dialog())

    def export_pdf(self) -> None:
        if self.current_id is None:
            return
        if self.stack.currentWidget() is not self.results:
            self.show_page("results")
        self.results.export_pdf()

    def export_json(self) -> None:
        if self.current_id is None:
            return
        if self.stack.currentWidget() is not self.results:
            self.show_page("results")
        self.results.export_json()

    def blank_questionnaire(self, form_id: str = "", municipality: str = "") -> bool:
        """Write a blank questionnaire as a PDF (off the GUI thread); False when none was started.

        The form offered first is ``form_id``, else the one of the open assessment.
        """
        if self.services is None or self.files is None:
            return False
        forms: list[Questionnaire] = list(self.services.forms())
        if not form_id and self.current_id is not None:
            data = self.services.load(self.current_id)
            form_id = data.form.id
            municipality = municipality or data.info.municipality
            # The assessment keeps the version it was answered with, which may be older.
            if not any(f.id == form_id and f.version == data.form.version for f in forms):
                forms.insert(0, data.form)
        selected = next((i for i, f in enumerate(forms) if f.id == form_id), 0)
        return self.files.blank_form(forms, selected, municipality)

    def _file_job_started(self, kind: str) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(False)
            self.blank_progress.show()

    def _file_job_finished(self, kind: str, result: object) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(True)
            self.blank_progress.hide()
            self.blank_finished.emit(str(result))

    def _file_job_failed(self, kind: str, message: str) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(True)
            self.blank_progress.hide()
            self.blank_failed.emit(message)

    # -- language and appearance ----------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang != i18n.current_language():
            i18n.set_language(lang)  # calls _on_language through the listener

    def _on_language(self, lang: str) -> None:
        try:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                install_qt_translator(app, lang)
            self.settings.language = lang
            self.retranslate()
        except RuntimeError:  # the window was deleted without closing (tests)
            i18n.remove_listener(self._listener)

    def _appearance_from_page(self) -> None:
        page = self.settings_page
        self.settings.large_fonts = page.large_fonts.isChecked()
        self.settings.high_contrast = page.high_contrast.isChecked()
        self.action_full_screen.setChecked(page.full_screen.isChecked())
        self.apply_appearance()

    def apply_appearance(self) -> None:
        self.action_presentation.blockSignals(True)
        self.action_presentation.setChecked(self.settings.large_fonts and self.settings.full_screen)
        self.action_presentation.blockSignals(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(
                app,
                large_fonts=self.settings.large_fonts,
                high_contrast=self.settings.high_contrast,
            )

    def _toggle_full_screen(self, on: bool) -> None:
        self.settings.full_screen = on
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.apply_appearance()
        if self.services is not None:
            self.settings_page.set_appearance(
                self.settings.large_fonts, on, self.settings.high_contrast
            )

    def _toggle_presentation(self, on: bool) -> None:
        self.settings.large_fonts = on
        self.action_full_screen.setChecked(on)
        self.apply_appearance()
        if self.services is not None:
            self.settings_page.set_appearance(on, on, self.settings.high_contrast)

    def restore_appearance(self) -> None:
        """Apply the remembered presentation settings (at start-up)."""
        self.apply_appearance()
        if self.settings.full_screen:
            self.action_full_screen.setChecked(True)

    # -- closing ----------------------------------------------------------------------------------------
    def _show_read_only_banner(self) -> None:
        """A strip across the window: this database can only be read."""
        from PySide6 import QtCore
        from PySide6.QtWidgets import QSizePolicy, QToolBar

        assert self.services is not None
        bar = QToolBar()
        bar.setObjectName("readOnlyBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        label = QLabel(
            t(
                "{path} can only be read: you can view, print and export the assessments, "
                "but changes cannot be saved. To change them, copy the file to a folder where "
                "you may write and open it there.",
                path=self.services.db.path,
            )
        )
        label.setObjectName("readOnlyLabel")
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; padding: 6px 10px; font-weight: bold; }"
        )
        bar.addWidget(label)
        self.addToolBarBreak()
        self.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, bar)
        self.read_only_banner = bar

    def _backup_restored(self) -> None:
        """The file was replaced by a backup: forget what the pages show and reload."""
        self._questionnaire_id = None
        self.home.refresh()
        self._assessments_changed()
        self.show_page("home")
        self.show_message(t("The backup was restored."))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.services is not None:
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
