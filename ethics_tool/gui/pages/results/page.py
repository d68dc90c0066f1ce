"""Results page: the header with the exports, and four tabs (summary, priorities, gaps, plan).

The tabs (:mod:`.summary`, :mod:`.findings`, :mod:`.plan`) only show what they are given; the page
loads and scores the assessment, forwards intent (add to the plan, delete, export) and asks the
questions. File work goes to :class:`~ethics_tool.gui.files.work.FileWork`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import AssessmentData, Status, round_text
from ethics_tool.gui import round_flow
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.files.banner import FileBanner
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.item_models import ActionColumn, unit_text
from ethics_tool.gui.labels import language_name, mode_label, status_label
from ethics_tool.gui.pages.results.findings import GapsTab, PrioritiesTab
from ethics_tool.gui.pages.results.plan import ActionPlanTab
from ethics_tool.gui.pages.results.summary import SummaryTab
from ethics_tool.gui.widgets.flow import HeaderBar
from ethics_tool.i18n import LANGUAGES, current_language, nt, t

if TYPE_CHECKING:
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.scoring import Priority, Results
    from ethics_tool.services import Services

PLAN_TAB = 3


class ResultsPage(QWidget):
    status_message = Signal(str)
    export_finished = Signal(str)  # the PDF's path
    export_failed = Signal(str)
    compare_requested = Signal(int)
    discuss_requested = Signal(list)  # theme ids, weakest first (the seminar kit's dilemmas)

    def __init__(
        self,
        services: Services,
        dialogs: Dialogs,
        files: FileWork,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPage")
        self.services = services
        self.dialogs = dialogs
        self.files = files
        self.data: AssessmentData | None = None
        self.results: Results | None = None
        self.previous: tuple[AssessmentData, Results] | None = None

        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("resultsTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("resultsSubtitle")
        self.subtitle.setWordWrap(True)
        self.report_language = QComboBox()
        self.report_language.setObjectName("reportLanguage")
        for lang in LANGUAGES:
            self.report_language.addItem(language_name(lang), lang)
        self.report_language_label = QLabel()
        self.report_language_label.setBuddy(self.report_language)
        self.export_pdf_button = QPushButton()
        self.export_pdf_button.setObjectName("exportPdfButton")
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.export_json_button = QPushButton()
        self.export_json_button.setObjectName("exportJsonButton")
        self.export_json_button.clicked.connect(self.export_json)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self._compare)
        self.discuss_button = QPushButton()
        self.discuss_button.setObjectName("discussButton")
        self.discuss_button.clicked.connect(self._discuss)
        self.finish_button = QPushButton()  # "Finish…" or "Reopen" (gui/round_flow.py)
        self.finish_button.setObjectName("finishAssessmentButton")
        self.finish_button.clicked.connect(self.toggle_finish)
        self.banner = FileBanner(files, Job.REPORT)
        self.export_progress = self.banner.progress
        files.started.connect(self._file_job_started)
        files.finished.connect(self._file_job_finished)
        files.failed.connect(self._file_job_failed)

        self.summary = SummaryTab()
        self.priorities = PrioritiesTab()
        self.priorities.add_button.clicked.connect(self.add_selected_priority)
        self.gaps = GapsTab()
        self.plan = ActionPlanTab(services)
        self.undo_stack = self.plan.undo_stack
        self.plan.action_model.saved.connect(lambda: self.status_message.emit(t("Saved")))
        self.plan.date_delegate.message.connect(self.status_message.emit)
        self.plan.action_model.failed.connect(
            lambda message: self.dialogs.error(t("The action could not be saved"), message)
        )
        self.plan.add_button.clicked.connect(self.add_action)
        self.plan.delete_button.clicked.connect(self.delete_action)
        # The names the tests and the other parts of the window know the tables by.
        self.theme_model = self.summary.theme_model
        self.priority_model = self.priorities.priority_model
        self.priority_table = self.priorities.priority_table
        self.action_model = self.plan.action_model
        self.action_table = self.plan.action_table

        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        for tab in (self.summary, self.priorities, self.gaps, self.plan):
            self.tabs.addTab(tab, "")

        titles = QWidget()
        titles_layout = QVBoxLayout(titles)
        titles_layout.setContentsMargins(0, 0, 0, 0)
        titles_layout.addWidget(self.title)
        titles_layout.addWidget(self.subtitle)
        language = QWidget()
        language_layout = QHBoxLayout(language)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.addWidget(self.report_language_label)
        language_layout.addWidget(self.report_language)
        # the buttons go under the title when large text makes the row wider than the screen
        self.header = HeaderBar(
            titles,
            [
                self.discuss_button,
                self.compare_button,
                self.export_json_button,
                language,
                self.export_pdf_button,
                self.finish_button,
            ],
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.export_pdf_button.setText(t("Export PDF…"))
        self.export_pdf_button.setToolTip(t("Write the report as a PDF file"))
        self.export_json_button.setText(t("Export JSON…"))
        self.export_json_button.setToolTip(
            t("Save the whole assessment as a JSON file (for archives or another computer)")
        )
        self.compare_button.setText(t("Compare rounds"))
        self.discuss_button.setText(t("Discuss…"))
        self.discuss_button.setToolTip(t("Dilemma cards for the weakest themes, for a seminar"))
        self.report_language_label.setText(t("Report &language:"))
        self.report_language.setAccessibleName(t("Report language"))
        self.banner.retranslate()
        self.tabs.setTabText(0, t("Summary"))
        self.tabs.setTabText(1, t("Priorities"))
        self.tabs.setTabText(2, t("Gaps and discussion"))
        self.tabs.setTabText(PLAN_TAB, t("Action plan"))
        self.summary.retranslate()
        self.priorities.retranslate()
        self.plan.retranslate()
        if self.data is not None:
            self._fill()

    # -- loading ----------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> None:
        self.data = self.services.load(assessment_id)
        self.results = self.services.score(self.data)
        self.previous = self.services.previous_round(assessment_id)
        self.plan.load(assessment_id)
        if not self.files.running(Job.REPORT):
            self.banner.clear()
        index = self.report_language.findData(current_language())
        self.report_language.setCurrentIndex(max(index, 0))
        self._fill()

    def refresh(self) -> None:
        if self.data is not None:
            self.show_assessment(self.data.info.id)

    def _fill(self) -> None:
        assert self.data is not None and self.results is not None
        data, results, lang = self.data, self.results, current_language()
        info = data.info
        form = data.form
        self.title.setText(f"{info.municipality} — {unit_text(info.unit_type, info.unit_name)}")
        people = nt("{count} respondent", "{count} respondents", results.n_respondents)
        self.subtitle.setText(
            " · ".join(
                [
                    f"{form.title.get(lang)} {form.version}",
                    round_text(info),
                    mode_label(info.mode),
                    people,
                ]
                + ([status_label(info.status)] if info.status is Status.COMPLETED else [])
            )
        )
        self.compare_button.setEnabled(len(self.services.rounds_of_unit(info.id)) > 1)
        text, tip = round_flow.toggle_texts(info.status)
        self.finish_button.setText(text)
        self.finish_button.setToolTip(tip)
        self.finish_button.setEnabled(info.status is not Status.ARCHIVED)
        self.summary.fill(data, results, self.previous)
        from ethics_tool.gui.benchmark_actions import show_benchmark

        show_benchmark(self.services, data, results, self.summary)
        self.priorities.fill(data, results)
        self.gaps.fill(data, results)

    def toggle_finish(self) -> None:
        """Finish (what is missing listed first) or reopen, as on the home page; the action
        plan stays editable either way."""
        if self.data is None:
            return
        message = round_flow.toggle(self, self.services, self.dialogs, self.data.info.id)
        self.refresh()
        if message is not None:
            self.status_message.emit(message)

    # -- action plan ----------------------------------------------------------------------------
    def selected_priority(self) -> Priority | None:
        row = self.priorities.selected_row()
        if self.results is None or row is None:
            return None
        return self.results.priorities[row]

    def add_selected_priority(self) -> None:
        priority = self.selected_priority()
        if priority is None or self.data is None:
            return
        lang = current_language()
        texts = [r.text.get(lang) for r in priority.recommendations]
        text = " ".join(texts) or self.data.form.question(priority.question_id).text.get(lang)
        row = self.action_model.add(text, priority.question_id)
        if row is not None:
            self.tabs.setCurrentIndex(PLAN_TAB)
            self.action_table.selectRow(row)
            self.status_message.emit(t("Added to the action plan"))

    def add_action(self) -> None:
        row = self.action_model.add(t("New action"))
        if row is None:
            return
        index = self.action_model.index(row, ActionColumn.TEXT)
        self.action_table.setCurrentIndex(index)
        self.action_table.edit(index)

    def delete_action(self) -> None:
        rows = self.action_table.selectionModel().selectedRows()
        index: QModelIndex = rows[0] if rows else self.action_table.currentIndex()
        if not index.isValid():
            return
        action = self.action_model.action(index.row())
        if self.dialogs.confirm(
            t("Delete action"),
            t("Delete the action “{text}”? (Edit → Undo brings it back.)", text=action.text),
            t("Delete"),
        ):
            self.action_model.remove(index.row())

    # -- exports ----------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        if self.data is not None:
            self.files.export_report(self.data.info, str(self.report_language.currentData()))

    def export_json(self) -> None:
        if self.data is not None:
            self.files.export_json(self.data.info)

    def _file_job_started(self, kind: str) -> None:
        if kind == Job.REPORT:
            self.export_pdf_button.setEnabled(False)

    def _file_job_finished(self, kind: str, result: object) -> None:
        if kind == Job.REPORT:
            self.export_pdf_button.setEnabled(True)
            self.export_finished.emit(str(result))

    def _file_job_failed(self, kind: str, message: str) -> None:
        if kind == Job.REPORT:
            self.export_pdf_button.setEnabled(True)
            self.export_failed.emit(message)

    def _discuss(self) -> None:
        if self.results is not None:
            themes = self.results.themes.items()
            scored = sorted((theme.score, tid) for tid, theme in themes if theme.score is not None)
            self.discuss_requested.emit([tid for _score, tid in scored[:3]])

    def _compare(self) -> None:
        if self.data is not None:
            self.compare_requested.emit(self.data.info.id)
