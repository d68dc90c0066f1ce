"""Compare page: two rounds of the same unit side by side, theme by theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import AssessmentInfo, round_text
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.item_models import unit_text
from ethics_tool.gui.labels import status_label
from ethics_tool.gui.widgets.charts import CURRENT, PREVIOUS, ChartData, Series, ThemeBars
from ethics_tool.gui.widgets.tables import WrappingTableView
from ethics_tool.i18n import (
    current_language,
    format_change,
    format_percent,
    format_score,
    t,
)
from ethics_tool.scoring import compare

if TYPE_CHECKING:
    from ethics_tool.services import Services


class ComparePage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePage")
        self.services = services
        self.assessment_id: int | None = None
        self.rounds: list[AssessmentInfo] = []

        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("compareTitle")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.before = QComboBox()
        self.before.setObjectName("roundBefore")
        self.after = QComboBox()
        self.after.setObjectName("roundAfter")
        self.before.currentIndexChanged.connect(lambda _i: self._fill())
        self.after.currentIndexChanged.connect(lambda _i: self._fill())
        self.before_label = QLabel()
        self.before_label.setBuddy(self.before)
        self.after_label = QLabel()
        self.after_label.setBuddy(self.after)
        self.message = QLabel()
        self.message.setObjectName("compareMessage")
        self.message.setWordWrap(True)
        self.coverage_warning = QLabel()
        self.coverage_warning.setObjectName("compareCoverageWarning")
        self.coverage_warning.setWordWrap(True)
        self.coverage_warning.setStyleSheet(
            "QLabel { border: 1px solid #b26a00; border-radius: 4px; padding: 6px; }"
        )
        self.coverage_warning.hide()
        self.overall = ScaledLabel(1.4, bold=True)
        self.overall.setObjectName("compareOverall")
        self.model = QStandardItemModel(self)
        self.table = WrappingTableView(fit_height=True)
        self.table.setObjectName("compareTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.bars = ThemeBars()

        choose = QFormLayout()
        choose.addRow(self.before_label, self.before)
        choose.addRow(self.after_label, self.after)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        row.addLayout(choose, 3)  # wide enough for the questionnaire's title
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.coverage_warning)
        layout.addWidget(self.overall)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.table)
        body_layout.addWidget(self.bars)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            t(
                "Choose two rounds of the same unit. Themes are matched by their identifier, so "
                "rounds answered with different versions of a questionnaire can be compared."
            )
        )
        self.before_label.setText(t("&Earlier round:"))
        self.after_label.setText(t("&Later round:"))
        self.before.setAccessibleName(t("Earlier round"))
        self.after.setAccessibleName(t("Later round"))
        if self.assessment_id is not None:
            self.show_assessment(self.assessment_id)
        else:
            self.title.setText(t("Compare rounds"))
            self.message.setText(t("Open an assessment first."))

    def _round_text(self, info: AssessmentInfo) -> str:
        form = self.services.catalog.forms.get(info.form_id)
        title = form.title.get(current_language()) if form is not None else info.form_id
        return f"{round_text(info)} · {title} {info.form_version} · " + (status_label(info.status))

    def show_assessment(self, assessment_id: int) -> None:
        self.assessment_id = assessment_id
        info = self.services.info(assessment_id)
        self.title.setText(
            t(
                "Compare rounds: {municipality} — {unit}",
                municipality=info.municipality,
                unit=unit_text(info.unit_type, info.unit_name),
            )
        )
        self.rounds = self.services.rounds_of_unit(assessment_id)
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
            for round_info in self.rounds:
                combo.addItem(self._round_text(round_info), round_info.id)
        ids = [r.id for r in self.rounds]
        after = ids.index(assessment_id) if assessment_id in ids else len(ids) - 1
        before = ids.index(info.previous_id) if info.previous_id in ids else max(0, after - 1)
        if before == after and len(ids) > 1:
            before = 0 if after != 0 else 1
        self.before.setCurrentIndex(before)
        self.after.setCurrentIndex(after)
        for combo in (self.before, self.after):
            combo.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        self.model.clear()
        single = len(self.rounds) < 2
        self.before.setEnabled(not single)
        self.after.setEnabled(not single)
        if single:
            self.message.setText(
                t(
                    "This unit has only one round so far. Start a new round from the home page "
                    "when you assess it again; the two can then be compared here."
                )
            )
            self.message.show()
            self.coverage_warning.hide()
            self.overall.hide()
            self.table.hide()
            self.bars.hide()
            return
        before_id = self.before.currentData()
        after_id = self.after.currentData()
        if before_id is None or after_id is None:
            return
        self.message.setVisible(before_id == after_id)
        self.message.setText(t("Choose two different rounds."))
        later = self.services.load(int(after_id))
        earlier = self.services.load(int(before_id))
        later_results = self.services.score(later)
        earlier_results = self.services.score(earlier)
        comparison = compare(later_results, earlier_results)
        low = [
            t(
                "{date}: coverage {coverage}",
                date=round_text(data.info),
                coverage=format_percent(results.coverage),
            )
            for data, results in ((earlier, earlier_results), (later, later_results))
            if results.coverage_low
        ]
        self.coverage_warning.setText(
            t(
                "Few answers to compare ({rounds}; below {threshold}): the changes may show "
                "who answered rather than what changed.",
                rounds="; ".join(low),
                threshold=format_percent(later_results.coverage_threshold),
            )
            if low
            else ""
        )
        self.coverage_warning.setVisible(bool(low))
        lang = current_language()
        titles = {theme.id: theme.title.get(lang) for theme in earlier.form.themes}
        titles.update({theme.id: theme.title.get(lang) for theme in later.form.themes})
        before_date = round_text(earlier.info)
        after_date = round_text(later.info)
        self.model.setHorizontalHeaderLabels([t("Theme"), before_date, after_date, t("Change")])
        for number, change in enumerate(comparison.themes, start=1):
            cells = [
                QStandardItem(f"{number}. {titles.get(change.theme_id, change.theme_id)}"),
                QStandardItem(format_score(change.before)),
                QStandardItem(format_score(change.after)),
                QStandardItem(format_change(change.delta)),
            ]
            for cell in cells[1:]:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if change.delta:
                colour = QColor("#2e7d32") if change.delta > 0 else QColor("#b00020")
                cells[3].setForeground(QBrush(colour))
            self.model.appendRow(cells)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.fit_rows()  # once the stretched theme column has its width
        overall = comparison.overall
        self.overall.setText(
            t(
                "Overall index: {before} → {after} ({change})",
                before=format_score(overall.before),
                after=format_score(overall.after),
                change=format_change(overall.delta),
            )
        )
        ids = [c.theme_id for c in comparison.themes]
        self.bars.set_data(
            ChartData(
                [f"{n}. {titles.get(i, i)}" for n, i in enumerate(ids, start=1)],
                [
                    Series(before_date, [c.before for c in comparison.themes], PREVIOUS),
                    Series(after_date, [c.after for c in comparison.themes], CURRENT),
                ],
            )
        )
        self.overall.show()
        self.table.show()
        self.bars.show()
