"""One owner for the GUI's file work: ask for the file, run the job off the GUI thread, report.

Each kind of job (:class:`Job`) runs at most once at a time; different kinds may overlap (a report
may be written while a blank questionnaire is). Every job goes through the same lifecycle:
``started`` → ``progress``… → ``finished`` or ``failed``, all signals carrying the job's kind, so a
page listens only to the kinds it shows. Errors are shown here, once, after the listeners have put
their controls back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCursor, QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget

from ethics_tool.filetypes import EXCHANGE_SUFFIX
from ethics_tool.gui.dialogs.blank_form import BlankFormDialog
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.files.names import suggested_path, with_suffix
from ethics_tool.gui.files.worker import Task, Worker
from ethics_tool.gui.item_models import unit_text
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from collections.abc import Callable

    from ethics_tool.domain.assessment import AssessmentInfo
    from ethics_tool.domain.merge import MergeSummary
    from ethics_tool.domain.questionnaire import Questionnaire
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.settings import AppSettings
    from ethics_tool.services import Services


class FileWork(QObject):
    """Starts file jobs for the pages and tells them how each one went."""

    started = Signal(str)  # the job's kind
    progress = Signal(str, int)  # kind, percent
    finished = Signal(str, object)  # kind, the written path (str) or the imported assessment id
    failed = Signal(str, str)  # kind, a message for the user
    status_message = Signal(str)
    file_used = Signal(str)  # a file was imported or written (for File → Recent files)

    def __init__(
        self,
        services: Services,
        dialogs: Dialogs,
        settings: AppSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.settings = settings
        self._workers: dict[Job, Worker] = {}
        self._importing: Path | None = None

    def running(self, kind: Job) -> bool:
        return kind in self._workers

    # -- the jobs -----------------------------------------------------------------------------
    def export_report(self, info: AssessmentInfo, lang: str) -> bool:
        """Ask for a file and write the report of ``info``'s assessment in ``lang``."""
        if self.running(Job.REPORT):
            return False
        path = self._save_path(t("Export PDF"), _stem(info), ".pdf", t("PDF files (*.pdf)"))
        if path is None:
            return False
        path = with_suffix(path, ".pdf")
        services, assessment_id = self.services, info.id

        def job(progress: Callable[[int], None]) -> str:
            services.build_report(assessment_id, path, lang=lang, progress=progress)
            return str(path)

        self._start(Job.REPORT, job, t("Writing the PDF…"))
        return True

    def export_json(self, info: AssessmentInfo) -> bool:
        """Ask for a file and save ``info``'s whole assessment in it as JSON."""
        if self.running(Job.JSON):
            return False
        path = self._save_path(
            t("Export JSON"),
            _stem(info),
            EXCHANGE_SUFFIX,
            t("Assessment files (*.etika);;JSON files (*.json)"),
        )
        if path is None:
            return False
        services, assessment_id = self.services, info.id

        def job(_progress: Callable[[int], None]) -> str:
            services.export_json(assessment_id, path)
            return str(path)

        self._start(Job.JSON, job)
        return True

    def blank_form(
        self, forms: list[Questionnaire], selected: int = 0, municipality: str = ""
    ) -> bool:
        """Ask for the form, the language and the file, then write a blank questionnaire."""
        if self.running(Job.BLANK) or not forms:
            return False
        dialog = BlankFormDialog(forms, selected, current_language(), self._parent_widget())
        try:
            if not self.dialogs.ask(dialog):
                return False
            index, lang = dialog.choice()
        finally:
            dialog.deleteLater()
        form = forms[index]
        path = self._save_path(
            t("Blank questionnaire (PDF)"),
            f"{form.title.get(lang)} {form.version}",
            ".pdf",
            t("PDF files (*.pdf)"),
        )
        if path is None:
            return False
        path = with_suffix(path, ".pdf")

        def job(_progress: Callable[[int], None]) -> str:
            from ethics_tool.report import build_blank_questionnaire

            build_blank_questionnaire(form, path, lang=lang, municipality=municipality)
            return str(path)

        self._start(Job.BLANK, job, t("Writing the PDF…"))
        return True

    def dilemma_cards(self, build: Callable[[Path], None]) -> bool:
        """Ask for a file and write the seminar's dilemma cards into it with ``build``."""
        if self.running(Job.CARDS):
            return False
        path = self._save_path(
            t("Print dilemma cards (PDF)"), t("Ethics dilemmas"), ".pdf", t("PDF files (*.pdf)")
        )
        if path is None:
            return False
        path = with_suffix(path, ".pdf")

        def job(_progress: Callable[[int], None]) -> str:
            build(path)
            return str(path)

        self._start(Job.CARDS, job, t("Writing the PDF…"))
        return True

    def import_file(self, merge_into: int | None = None, path: Path | None = None) -> bool:
        """Read an export in: a new assessment, or merged into ``merge_into``.

        Without ``path`` the user chooses the file; with it (a file opened from outside the app,
        ``ethics-tool FILE``) the choice was already made.
        """
        if self.running(Job.IMPORT):
            return False
        if path is None:
            folder = Path(self.settings.export_dir or Path.home())
            path = self.dialogs.open_path(
                t("Import assessment"), folder, t("Assessment files (*.etika *.json)")
            )
            if path is None:
                return False
            self.settings.export_dir = str(path.parent)
        services = self.services
        self._importing = path

        def job(_progress: Callable[[int], None]) -> MergeSummary:
            return services.import_json(path, merge_into=merge_into)

        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))  # works, but busy
        self._start(Job.IMPORT, job, t("Importing {name}…", name=path.name))
        return True

    # -- the lifecycle ----------------------------------------------------------------------------
    def _start(self, kind: Job, job: Task, status: str = "") -> None:
        worker = Worker(job)
        worker.signals.progress.connect(lambda percent: self.progress.emit(kind.value, percent))
        worker.signals.finished.connect(lambda result: self._finished(kind, result))
        worker.signals.failed.connect(lambda message: self._failed(kind, message))
        self._workers[kind] = worker
        self.started.emit(kind.value)
        if status:
            self.status_message.emit(status)
        QThreadPool.globalInstance().start(worker)

    def _finished(self, kind: Job, result: object) -> None:
        self._workers.pop(kind, None)
        if kind is Job.IMPORT:
            from ethics_tool.domain.merge import MergeSummary
            from ethics_tool.gui.dialogs.merge_summary import MergeSummaryDialog

            QApplication.restoreOverrideCursor()
            assert isinstance(result, MergeSummary)
            self.status_message.emit(
                t("Assessment imported") if result.created else t("Answers merged")
            )
            if self._importing is not None:
                self.file_used.emit(str(self._importing))
            self.finished.emit(kind.value, result.assessment_id)  # the pages reload first
            dialog = MergeSummaryDialog(result, self._parent_widget())
            try:
                self.dialogs.ask(dialog)
            finally:
                dialog.deleteLater()
            return
        path = str(result)
        if kind is Job.JSON:
            self.status_message.emit(t("Saved as {path}", path=path))
        else:
            self.status_message.emit(t("PDF saved: {path}", path=path))
        self.file_used.emit(path)
        self.finished.emit(kind.value, path)
        if kind is Job.BLANK:
            title = t("Blank questionnaire (PDF)")
            saved = t("The blank questionnaire was saved as {path}", path=path)
        elif kind is Job.CARDS:
            title = t("Print dilemma cards (PDF)")
            saved = t("The cards were saved as {path}", path=path)
        else:
            return
        if self.dialogs.offer_open(title, saved):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _failed(self, kind: Job, message: str) -> None:
        self._workers.pop(kind, None)
        if kind is Job.IMPORT:
            QApplication.restoreOverrideCursor()
        status, title = {
            Job.REPORT: (t("The PDF could not be written"), t("The PDF could not be written")),
            Job.BLANK: (
                t("The PDF could not be written"),
                t("The blank questionnaire could not be written"),
            ),
            Job.JSON: (t("The file could not be written"), t("The file could not be written")),
            Job.IMPORT: (t("Import failed"), t("The file could not be imported")),
            Job.CARDS: (t("The PDF could not be written"), t("The cards could not be written")),
        }[kind]
        self.status_message.emit(status)
        self.failed.emit(kind.value, message)  # listeners put their controls back first
        self.dialogs.error(title, message)

    # -- helpers --------------------------------------------------------------------------------
    def _save_path(self, title: str, stem: str, suffix: str, file_filter: str) -> Path | None:
        suggested = suggested_path(self.settings.export_dir, stem, suffix)
        path = self.dialogs.save_path(title, suggested, file_filter)
        if path is not None:
            self.settings.export_dir = str(path.parent)
        return path

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None


def _stem(info: AssessmentInfo) -> str:
    """The suggested file name of an assessment: municipality, unit and date."""
    unit = unit_text(info.unit_type, info.unit_name)
    return f"{info.municipality} {unit} {info.assessed_on.isoformat()}"
