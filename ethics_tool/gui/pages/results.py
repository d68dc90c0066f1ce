"""Results page: overall index and band, charts, priorities, gaps, the action plan and the exports."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.files.banner import FileBanner
from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.item_models import ActionColumn, ActionPlanModel, unit_text
from ethics_tool.gui.labels import language_name, mode_label
from ethics_tool.gui.widgets.charts import (
    CURRENT,
    PREVIOUS,
    TARGET,
    ChartData,
    RadarChart,
    Series,
    ThemeBars,
)
from ethics_tool.gui.widgets.delegates import DateDelegate, StatusDelegate
from ethics_tool.gui.widgets.tables import WrappingTableView
from ethics_tool.i18n import (
    LANGUAGES,
    current_language,
    format_date,
    format_number,
    format_percent,
    nt,
    t,
)

if TYPE_CHECKING:
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.files.work import FileWork
    from ethics_tool.scoring import Priority, Results
    from ethics_tool.services import Services

WARNING_STYLE = (
    "QLabel { background: #fff4d6; color: #5a4300; border: 1px solid #e0b64a;"
    " border-radius: 4px; padding: 6px; }"
)
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 20
PLAN_TAB = 3


def _read_only_table(name: str) -> QTableView:
    table = WrappingTableView()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


class ResultsPage(QWidget):
    status_message = Signal(str)
    export_finished = Signal(str)  # the PDF's path
    export_failed = Signal(str)
    compare_requested = Signal(int)

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

        # Header and exports
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
        self.export_pdf_button = QPushButton()
        self.export_pdf_button.setObjectName("exportPdfButton")
        self.export_pdf_button.clicked.connect(self.export_pdf)
        self.export_json_button = QPushButton()
        self.export_json_button.setObjectName("exportJsonButton")
        self.export_json_button.clicked.connect(self.export_json)
        self.compare_button = QPushButton()
        self.compare_button.setObjectName("compareButton")
        self.compare_button.clicked.connect(self._compare)
        self.banner = FileBanner(files, Job.REPORT)
        self.export_progress = self.banner.progress
        files.started.connect(self._file_job_started)
        files.finished.connect(self._file_job_finished)
        files.failed.connect(self._file_job_failed)

        # Summary tab
        self.overall = ScaledLabel(3.0, bold=True)
        self.overall.setObjectName("overallScore")
        self.band = ScaledLabel(1.5, bold=True)
        self.band.setObjectName("bandLabel")
        self.band_description = QLabel()
        self.band_description.setWordWrap(True)
        self.overall_caption = QLabel()
        self.coverage = QLabel()
        self.coverage.setObjectName("coverageLabel")
        self.coverage.setWordWrap(True)
        self.coverage_warning = QLabel()
        self.coverage_warning.setObjectName("coverageWarning")
        self.coverage_warning.setWordWrap(True)
        self.coverage_warning.setStyleSheet(WARNING_STYLE)
        self.strengths = QLabel()
        self.strengths.setObjectName("strengthsLabel")
        self.strengths.setWordWrap(True)
        self.radar = RadarChart()
        self.bars = ThemeBars()
        self.theme_model = QStandardItemModel(self)
        self.theme_table = _read_only_table("themeTable")
        self.theme_table.setModel(self.theme_model)

        score_box = QVBoxLayout()
        score_box.addWidget(self.overall_caption)
        score_box.addWidget(self.overall)
        score_box.addWidget(self.band)
        score_box.addWidget(self.band_description)
        score_box.addWidget(self.coverage)
        score_box.addWidget(self.coverage_warning)
        score_box.addWidget(self.strengths)
        score_box.addStretch(1)
        score_widget = QWidget()
        score_widget.setLayout(score_box)
        score_widget.setMinimumWidth(240)
        score_widget.setMaximumWidth(360)
        top = QHBoxLayout()
        top.addWidget(score_widget)
        top.addWidget(self.radar, 1)
        summary = QWidget()
        summary_layout = QVBoxLayout(summary)
        summary_layout.addLayout(top)
        self.bars_caption = QLabel()
        bold = self.bars_caption.font()
        bold.setBold(True)
        self.bars_caption.setFont(bold)
        summary_layout.addWidget(self.bars_caption)
        summary_layout.addWidget(self.bars)
        summary_layout.addWidget(self.theme_table)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        summary_scroll.setWidget(summary)

        # Priorities and gaps tab
        self.priority_model = QStandardItemModel(self)
        self.priority_table = _read_only_table("priorityTable")
        self.priority_table.setModel(self.priority_model)
        self.priority_caption = QLabel()
        self.priority_caption.setWordWrap(True)
        self.add_from_priority = QPushButton()
        self.add_from_priority.setObjectName("addPriorityAction")
        self.add_from_priority.clicked.connect(self.add_selected_priority)
        self.compliance = QLabel()
        self.compliance.setObjectName("complianceGaps")
        self.knowledge = QLabel()
        self.knowledge.setObjectName("knowledgeGaps")
        self.discussion = QLabel()
        self.discussion.setObjectName("discussionPoints")
        for label in (self.compliance, self.knowledge, self.discussion):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        priorities = QWidget()
        pr_layout = QVBoxLayout(priorities)
        pr_layout.addWidget(self.priority_caption)
        pr_layout.addWidget(self.priority_table, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_from_priority)
        add_row.addStretch(1)
        pr_layout.addLayout(add_row)
        gaps = QWidget()
        gaps_layout = QVBoxLayout(gaps)
        for gap_label in (self.compliance, self.knowledge, self.discussion):
            gaps_layout.addWidget(gap_label)
        gaps_layout.addStretch(1)
        gaps_scroll = QScrollArea()
        gaps_scroll.setWidgetResizable(True)
        gaps_scroll.setFrameShape(QFrame.Shape.NoFrame)
        gaps_scroll.setWidget(gaps)

        # Action plan tab
        self.action_model = ActionPlanModel(services, self)
        self.action_model.saved.connect(lambda: self.status_message.emit(t("Saved")))
        self.action_model.failed.connect(
            lambda message: self.dialogs.error(t("The action could not be saved"), message)
        )
        self.action_table = WrappingTableView()
        self.action_table.setObjectName("actionTable")
        self.action_table.setModel(self.action_model)
        self.action_table.setWordWrap(True)
        self.action_table.verticalHeader().hide()
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.action_table.setItemDelegateForColumn(
            ActionColumn.DEADLINE, DateDelegate(self.action_table)
        )
        self.action_table.setItemDelegateForColumn(
            ActionColumn.STATUS, StatusDelegate(self.action_table)
        )
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(ActionColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ActionColumn.RESPONSIBLE, 200)
        header.resizeSection(ActionColumn.DEADLINE, 130)
        header.resizeSection(ActionColumn.STATUS, 140)
        self.action_model.rowsInserted.connect(lambda *_: self.action_table.resizeRowsToContents())
        self.action_model.dataChanged.connect(lambda *_: self.action_table.resizeRowsToContents())
        self.action_hint = QLabel()
        self.action_hint.setWordWrap(True)
        self.add_action_button = QPushButton()
        self.add_action_button.setObjectName("addAction")
        self.add_action_button.clicked.connect(self.add_action)
        self.delete_action_button = QPushButton()
        self.delete_action_button.setObjectName("deleteAction")
        self.delete_action_button.clicked.connect(self.delete_action)
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_layout.addWidget(self.action_hint)
        plan_layout.addWidget(self.action_table, 1)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_action_button)
        plan_buttons.addWidget(self.delete_action_button)
        plan_buttons.addStretch(1)
        plan_layout.addLayout(plan_buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("resultsTabs")
        self.tabs.addTab(summary_scroll, "")
        self.tabs.addTab(priorities, "")
        self.tabs.addTab(gaps_scroll, "")
        self.tabs.addTab(plan, "")

        header_row = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header_row.addLayout(titles, 1)
        self.report_language_label = QLabel()
        self.report_language_label.setBuddy(self.report_language)
        header_row.addWidget(self.compare_button)
        header_row.addWidget(self.export_json_button)
        header_row.addWidget(self.report_language_label)
        header_row.addWidget(self.report_language)
        header_row.addWidget(self.export_pdf_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header_row)
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
        self.report_language_label.setText(t("Report &language:"))
        self.report_language.setAccessibleName(t("Report language"))
        self.theme_table.setAccessibleName(t("Results by theme"))
        self.banner.retranslate()
        self.tabs.setTabText(0, t("Summary"))
        self.tabs.setTabText(1, t("Priorities"))
        self.tabs.setTabText(2, t("Gaps and discussion"))
        self.tabs.setTabText(PLAN_TAB, t("Action plan"))
        self.overall_caption.setText(t("Overall index"))
        self.bars_caption.setText(t("Themes"))
        self.priority_caption.setText(
            t(
                "Questions below the target level, most urgent first, with the recommendation "
                "for the level reached. Add one to the action plan to follow it up."
            )
        )
        self.add_from_priority.setText(t("Add to action plan"))
        self.action_hint.setText(
            t(
                "What will be done, who is responsible and by when. Double-click a cell to edit; "
                "changes are saved at once."
            )
        )
        self.add_action_button.setText(t("Add action"))
        self.delete_action_button.setText(t("Delete action"))
        self.action_model.retranslate()
        if self.data is not None:
            self._fill()

    # -- loading ----------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> None:
        self.data = self.services.load(assessment_id)
        self.results = self.services.score(self.data)
        self.previous = self.services.previous_round(assessment_id)
        self.action_model.load(assessment_id)
        self.action_table.resizeRowsToContents()
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
                    format_date(info.assessed_on),
                    mode_label(info.mode),
                    people,
                ]
            )
        )
        self.overall.setText(format_percent(results.overall))
        self.overall.setAccessibleName(t("Overall index"))
        if results.band_index is not None:
            band = form.bands[results.band_index]
            self.band.setText(band.label.get(lang))
            self.band_description.setText(band.description.get(lang) if band.description else "")
        else:
            self.band.setText(t("Not enough answers for a score"))
            self.band_description.setText("")
        self.band_description.setVisible(bool(self.band_description.text()))
        self.coverage.setText(
            t(
                "Coverage: {coverage} ({answered} of {expected} expected answers are levels)",
                coverage=format_percent(results.coverage),
                answered=results.answered,
                expected=results.expected,
            )
        )
        self.coverage_warning.setText(
            t(
                "Coverage is below {threshold}: the results rest on few answers. Answer the "
                "remaining questions or find out what “Don't know” stands for.",
                threshold=format_percent(results.coverage_threshold),
            )
        )
        self.coverage_warning.setVisible(results.coverage_low)
        strengths = [form_theme_title(data, tid) for tid in results.strengths]
        self.strengths.setText(
            t("Strengths: {themes}", themes="; ".join(strengths)) if strengths else ""
        )
        self.strengths.setVisible(bool(strengths))
        self.compare_button.setEnabled(len(self.services.rounds_of_unit(info.id)) > 1)
        self._fill_charts()
        self._fill_theme_table()
        self._fill_priorities()
        self._fill_gaps()

    def _fill_charts(self) -> None:
        assert self.data is not None and self.results is not None
        form = self.data.form
        lang = current_language()
        labels = [f"{n}. {theme.title.get(lang)}" for n, theme in enumerate(form.themes, 1)]
        current = [self.results.themes[theme.id].score for theme in form.themes]
        series = [Series(t("This round"), current, CURRENT)]
        bar_series = [Series(t("This round"), current, CURRENT)]
        if self.previous is not None:
            before = self.previous[1].themes
            values = [before[th.id].score if th.id in before else None for th in form.themes]
            series.append(Series(t("Previous round"), values, PREVIOUS, dashed=True))
            bar_series.append(Series(t("Previous round"), values, PREVIOUS))
        target = form.target_level / form.scale.max_level * 100 if form.scale.max_level else 0
        series.append(
            Series(t("Target"), [target] * len(labels), TARGET, dashed=True, filled=False)
        )
        self.radar.set_data(ChartData(labels, series))
        self.bars.set_data(ChartData(labels, bar_series))

    def _fill_theme_table(self) -> None:
        assert self.data is not None and self.results is not None
        lang = current_language()
        model = self.theme_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [t("Theme"), t("Score"), t("Climate (perception)"), t("Coverage"), t("Answered")]
        )
        for number, theme in enumerate(self.data.form.themes, start=1):
            result = self.results.themes[theme.id]
            cells = [
                f"{number}. {theme.title.get(lang)}",
                format_percent(result.score),
                format_percent(result.climate),
                format_percent(result.coverage),
                f"{result.n_answered}/{result.n_questions}",
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            model.appendRow(items)
        header = self.theme_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.theme_table.resizeRowsToContents()
        rows = model.rowCount()
        height = self.theme_table.horizontalHeader().height() + 4
        height += sum(self.theme_table.rowHeight(r) for r in range(rows))
        self.theme_table.setMinimumHeight(min(height, 400))
        self.theme_table.setMaximumHeight(height)

    def _fill_priorities(self) -> None:
        assert self.data is not None and self.results is not None
        lang = current_language()
        form = self.data.form
        model = self.priority_model
        model.clear()
        model.setHorizontalHeaderLabels([t("No."), t("Question"), t("Level"), t("Recommendation")])
        for rank, priority in enumerate(self.results.priorities, start=1):
            question = form.question(priority.question_id)
            recommendation = " ".join(r.text.get(lang) for r in priority.recommendations)
            level = format_number(priority.level)
            if priority.compliance_gap:
                level += " ⚠"
            row = [
                QStandardItem(str(rank)),
                QStandardItem(question.text.get(lang)),
                QStandardItem(level),
                QStandardItem(recommendation or t("(no recommendation in the questionnaire)")),
            ]
            row[0].setData(priority.question_id, QUESTION_ROLE)
            row[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if priority.compliance_gap:
                row[2].setToolTip(t("Compliance gap: a legal requirement below level 2"))
            model.appendRow(row)
        header = self.priority_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.priority_table.resizeRowsToContents()
        self.add_from_priority.setEnabled(model.rowCount() > 0)
        if model.rowCount():
            self.priority_table.selectRow(0)

    def _fill_gaps(self) -> None:
        assert self.data is not None and self.results is not None
        lang = current_language()
        form = self.data.form

        def block(title: str, ids: list[str], empty: str) -> str:
            items = "".join(f"<li>{escape(form.question(q).text.get(lang))}</li>" for q in ids)
            body = f"<ul>{items}</ul>" if ids else f"<p>{escape(empty)}</p>"
            return f"<b>{escape(title)} ({len(ids)})</b>{body}"

        self.compliance.setText(
            block(
                t("Compliance gaps"),
                self.results.compliance_gaps,
                t("No legal requirement is below level 2."),
            )
        )
        self.knowledge.setText(
            block(
                t("Knowledge gaps (“Don't know”)"),
                self.results.knowledge_gaps,
                t("Every question could be answered."),
            )
        )
        self.discussion.setText(
            block(
                t("Discussion points"),
                self.results.discussion_points,
                t("No answers differ by two levels or more."),
            )
        )

    # -- action plan ----------------------------------------------------------------------------
    def selected_priority(self) -> Priority | None:
        if self.results is None:
            return None
        rows = self.priority_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.results.priorities[rows[0].row()]

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
            t("Delete the action “{text}”?", text=action.text),
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

    def _compare(self) -> None:
        if self.data is not None:
            self.compare_requested.emit(self.data.info.id)


def form_theme_title(data: AssessmentData, theme_id: str) -> str:
    lang = current_language()
    for theme in data.form.themes:
        if theme.id == theme_id:
            return theme.title.get(lang)
    return theme_id
