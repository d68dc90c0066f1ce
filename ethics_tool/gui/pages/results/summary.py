"""The results' summary tab: overall index and band, coverage, strengths, radar, bars, themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.pages.results.common import WARNING_STYLE, form_theme_title, read_only_table
from ethics_tool.gui.widgets.charts import (
    CURRENT,
    PREVIOUS,
    TARGET,
    ChartData,
    RadarChart,
    Series,
    ThemeBars,
)
from ethics_tool.i18n import answered_meaning, current_language, format_percent, t

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentData
    from ethics_tool.scoring import Results


class SummaryTab(QScrollArea):
    """Shows one assessment's scores; holds no state beyond its widgets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall = ScaledLabel(3.0, bold=True)
        self.overall.setObjectName("overallScore")
        self.band = ScaledLabel(1.5, bold=True)
        self.band.setObjectName("bandLabel")
        self.band.setWordWrap(True)
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
        self.theme_table = read_only_table("themeTable")
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
        self.benchmark_text = QLabel()  # filled when a benchmark reference is loaded
        self.benchmark_text.setObjectName("benchmarkText")
        self.benchmark_text.setWordWrap(True)
        self.benchmark_text.setTextFormat(Qt.TextFormat.RichText)
        self.benchmark_text.hide()
        summary_layout.addWidget(self.benchmark_text)
        summary_layout.addWidget(self.theme_table)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(summary)

    def retranslate(self) -> None:
        self.theme_table.setAccessibleName(t("Results by theme"))
        self.overall_caption.setText(t("Overall index"))
        self.bars_caption.setText(t("Themes"))

    def fill(
        self,
        data: AssessmentData,
        results: Results,
        previous: tuple[AssessmentData, Results] | None,
    ) -> None:
        lang = current_language()
        form = data.form
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
        self._fill_charts(data, results, previous)
        self._fill_theme_table(data, results)

    def _fill_charts(
        self,
        data: AssessmentData,
        results: Results,
        previous: tuple[AssessmentData, Results] | None,
    ) -> None:
        form = data.form
        lang = current_language()
        labels = [f"{n}. {theme.title.get(lang)}" for n, theme in enumerate(form.themes, 1)]
        current = [results.themes[theme.id].score for theme in form.themes]
        series = [Series(t("This round"), current, CURRENT)]
        bar_series = [Series(t("This round"), current, CURRENT)]
        if previous is not None:
            before = previous[1].themes
            values = [before[th.id].score if th.id in before else None for th in form.themes]
            series.append(Series(t("Previous round"), values, PREVIOUS, dashed=True))
            bar_series.append(Series(t("Previous round"), values, PREVIOUS))
        target = form.target_percent
        series.append(
            Series(t("Target"), [target] * len(labels), TARGET, dashed=True, filled=False)
        )
        self.radar.set_data(ChartData(labels, series))
        self.bars.set_data(ChartData(labels, bar_series))

    def _fill_theme_table(self, data: AssessmentData, results: Results) -> None:
        lang = current_language()
        model = self.theme_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [t("Theme"), t("Score"), t("Climate (perception)"), t("Coverage"), t("Answered")]
        )
        meaning = answered_meaning()
        header_item = model.horizontalHeaderItem(4)
        if header_item is not None:
            header_item.setToolTip(meaning)
        for number, theme in enumerate(data.form.themes, start=1):
            result = results.themes[theme.id]
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
            items[4].setToolTip(meaning)
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
