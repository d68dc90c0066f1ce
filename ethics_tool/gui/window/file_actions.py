"""The main window's file commands: open a file given on the command line, export, blank form.

:class:`FileActionsMixin` is part of :class:`~ethics_tool.gui.main_window.MainWindow`; it holds
the window's side of the file work (the work itself, with its worker and banner, is
:mod:`ethics_tool.gui.files`): what to do with ``ethics-tool FILE``, the File menu's exports,
the blank questionnaire with its busy bar, the read-only banner and the keyboard-shortcut list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from ethics_tool.gui.files.jobs import Job
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QMainWindow, QProgressBar, QToolBar

    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.gui.core_access import CoreAccess
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.gui.pages.results import ResultsPage
    from ethics_tool.gui.window.pages import LazyPages
    from ethics_tool.services import Services

    _Base = QMainWindow
else:
    _Base = object


class FileActionsMixin(_Base):
    """File commands of the main window (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by MainWindow
        services: Services | None
        core: CoreAccess | None
        files: FileWork | None
        dialogs: Dialogs
        current_id: int | None
        pages: LazyPages
        page_actions: dict[str, QAction]
        action_blank_pdf: QAction
        blank_progress: QProgressBar
        blank_finished: Signal
        blank_failed: Signal
        read_only_banner: QToolBar

        @property
        def results(self) -> ResultsPage: ...

        def show_page(self, name: str, refresh: bool = True) -> None: ...

        def current_page(self) -> str: ...

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

        # Every page's own actions are listed, also of pages not opened yet.
        if self.services is not None:
            self.pages.build_all()
        # Pages first (Ctrl+1…), then every other action of the window and its pages.
        actions = list(self.page_actions.values()) + self.findChildren(QAction)
        return ShortcutsDialog(actions, self)

    def show_shortcuts(self) -> None:
        self.dialogs.ask(self.shortcuts_dialog())

    def export_pdf(self) -> None:
        if self.current_id is None:
            return
        if self.current_page() != "results":
            self.show_page("results")
        self.results.export_pdf()

    def export_json(self) -> None:
        if self.current_id is None:
            return
        if self.current_page() != "results":
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

    def file_job_started(self, kind: str) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(False)
            self.blank_progress.show()

    def file_job_finished(self, kind: str, result: object) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(True)
            self.blank_progress.hide()
            self.blank_finished.emit(str(result))

    def file_job_failed(self, kind: str, message: str) -> None:
        if kind == Job.BLANK:
            self.action_blank_pdf.setEnabled(True)
            self.blank_progress.hide()
            self.blank_failed.emit(message)

    def show_read_only_banner(self) -> None:
        """A strip across the window: this database can only be read."""
        from PySide6 import QtCore
        from PySide6.QtWidgets import QSizePolicy, QToolBar

        assert self.core is not None
        bar = QToolBar()
        bar.setObjectName("readOnlyBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        label = QLabel(
            t(
                "{path} can only be read: you can view, print and export the assessments, "
                "but changes cannot be saved. To change them, copy the file to a folder where "
                "you may write and open it there.",
                path=self.core.db.path,
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
