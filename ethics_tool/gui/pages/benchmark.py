"""Benchmarking: load a published reference, and (for an association) collect and publish a set.

The page never shows a single municipality: the collector's view is the aggregates of groups of at
least five, exactly what would be published.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.benchmark import format as bench
from ethics_tool.errors import UserError
from ethics_tool.gui.widgets.charts import CURRENT, ChartData, Series, ThemeBars
from ethics_tool.i18n import current_language, format_percent, t

if TYPE_CHECKING:
    from ethics_tool.benchmark.aggregate import SetKey
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.services import Services

FILE_FILTER = "*.etbench"


class BenchmarkPage(QWidget):
    """Reference loading for a municipality; import, aggregates and publishing for a collector."""

    status_message = Signal(str)
    reference_loaded = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("benchmarkPage")
        self.services = services
        self.dialogs = dialogs
        self.reference: bench.Reference | None = None

        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        # -- a municipality: load the reference --------------------------------------------
        self.own_box = QGroupBox()
        self.own_text = QLabel()
        self.own_text.setWordWrap(True)
        self.load_button = QPushButton()
        self.load_button.setObjectName("loadReferenceButton")
        self.load_button.clicked.connect(lambda: self.load_reference())
        own = QVBoxLayout(self.own_box)
        own.addWidget(self.own_text)
        row = QHBoxLayout()
        row.addWidget(self.load_button)
        row.addStretch(1)
        own.addLayout(row)

        # -- a collector: import, aggregates, publish ---------------------------------------
        self.collector_box = QGroupBox()
        self.collector_text = QLabel()
        self.collector_text.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importBenchmarkButton")
        self.import_button.clicked.connect(lambda: self.import_files())
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("publishReferenceButton")
        self.publish_button.clicked.connect(lambda: self.publish())
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearBenchmarkButton")
        self.clear_button.clicked.connect(self.clear)
        self.publisher = QLineEdit()
        self.publisher.setObjectName("publisherEdit")
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("benchPart")
        self.part_combo.currentIndexChanged.connect(self._show_part)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("benchGroup")
        self.group_combo.currentIndexChanged.connect(self._show_group)
        self.suppressed = QLabel()
        self.suppressed.setObjectName("benchSuppressed")
        self.suppressed.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("benchTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = ThemeBars()
        self.chart.setObjectName("benchChart")
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.publisher_label = QLabel()
        publisher_row = QHBoxLayout()
        publisher_row.addWidget(self.publisher_label)
        publisher_row.addWidget(self.publisher, 1)
        self.part_label = QLabel()
        self.group_label = QLabel()
        pick = QHBoxLayout()
        pick.addWidget(self.part_label)
        pick.addWidget(self.part_combo, 2)
        pick.addWidget(self.group_label)
        pick.addWidget(self.group_combo, 1)
        collector = QVBoxLayout(self.collector_box)
        collector.addWidget(self.collector_text)
        collector.addLayout(buttons)
        collector.addLayout(publisher_row)
        collector.addLayout(pick)
        collector.addWidget(self.suppressed)
        collector.addWidget(self.chart)
        collector.addWidget(self.table)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addWidget(self.own_box)
        layout.addWidget(self.collector_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(t("Benchmarking"))
        self.own_box.setTitle(t("Compare this municipality with others"))
        self.own_text.setText(
            t(
                "Send the anonymous benchmark file of an assessment (results page: “Benchmark "
                "file…”) to the association. Load the reference it publishes here: the results "
                "page and the PDF then show each theme against the national quartiles."
            )
        )
        self.load_button.setText(t("Load reference file…"))
        self.collector_box.setTitle(t("Collector (for an association)"))
        self.collector_text.setText(
            t(
                "Import the files that municipalities sent. Files sent again replace the earlier "
                "ones. Groups of fewer than {n} municipalities are never shown or published.",
                n=bench.MIN_GROUP,
            )
        )
        self.import_button.setText(t("Import benchmark files…"))
        self.publish_button.setText(t("Publish reference…"))
        self.clear_button.setText(t("Empty the set…"))
        self.publisher_label.setText(t("Publisher:"))
        self.publisher.setPlaceholderText(t("e.g. Latvijas Pašvaldību savienība"))
        self.part_label.setText(t("Questionnaire and year:"))
        self.group_label.setText(t("Group:"))
        self.table.setHorizontalHeaderLabels(
            [t("Theme"), t("Municipalities"), t("Q1"), t("Median"), t("Q3")]
        )
        if self.reference is not None:
            self._show_group()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.part_combo.currentData()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for part in self.services.benchmark_sets():
            key = part.key
            self.part_combo.addItem(
                t(
                    "{form} {version}, {year}: {n} files",
                    form=key.form_id,
                    version=key.form_version,
                    year=key.year,
                    n=part.count,
                ),
                key,
            )
        if keep is not None:
            index = self.part_combo.findData(keep)
            if index >= 0:
                self.part_combo.setCurrentIndex(index)
        self.part_combo.blockSignals(False)
        self._show_part()

    def _selected_key(self) -> SetKey | None:
        key = self.part_combo.currentData()
        return key if key is not None else None

    def _show_part(self) -> None:
        key = self._selected_key()
        self.reference = None
        if key is not None:
            self.reference = self.services.benchmark_aggregate(key.form_id, key.year)
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        groups = self.reference.groups if self.reference is not None else []
        for group in groups:
            self.group_combo.addItem(bench.group_label(group.key), group.key)
        self.group_combo.blockSignals(False)
        has = bool(groups)
        self.publish_button.setEnabled(has)
        self.clear_button.setEnabled(self.part_combo.count() > 0)
        if key is None:
            self.suppressed.setText(t("The set is empty."))
        elif not has:
            self.suppressed.setText(
                t(
                    "Fewer than {n} municipalities: nothing can be shown or published yet.",
                    n=bench.MIN_GROUP,
                )
            )
        self._show_group()

    def _show_group(self) -> None:
        lang = current_language()
        reference = self.reference
        key = self.group_combo.currentData()
        group = reference.group(str(key)) if reference is not None and key else None
        self.table.setRowCount(0)
        if reference is None or group is None:
            self.chart.set_data(ChartData())
            self.chart.setVisible(False)
            return
        self.chart.setVisible(True)
        shown = [g.key for g in reference.groups]
        hidden = [
            k
            for k in ["all"]
            + [f"type:{c}" for c in bench.MUNICIPALITY_TYPES]
            + [f"size:{c}" for c in bench.SIZE_CLASSES]
            if k not in shown
        ]
        self.suppressed.setText(
            t(
                "Not shown (fewer than {n} municipalities, or a small group could be worked out "
                "from the others): {groups}",
                n=bench.MIN_GROUP,
                groups=", ".join(bench.group_label(k) for k in hidden),
            )
            if hidden
            else ""
        )
        rows = [(t("Overall index"), group.overall)] + [
            (reference.themes[tid].get(lang), group.themes.get(tid)) for tid in reference.themes
        ]
        self.table.setRowCount(len(rows))
        labels: list[str] = []
        medians: list[float | None] = []
        bands: list[tuple[float, float, float] | None] = []
        for index, (name, stats) in enumerate(rows):
            cells = [name, "–", "–", "–", "–"]
            if stats is not None:
                cells = [
                    name,
                    str(stats.n),
                    format_percent(stats.q1),
                    format_percent(stats.median),
                    format_percent(stats.q3),
                ]
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
            labels.append(name)
            medians.append(stats.median if stats else None)
            bands.append((stats.q1, stats.median, stats.q3) if stats else None)
        self.table.resizeColumnsToContents()
        heights = sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setMinimumHeight(self.table.horizontalHeader().height() + heights + 4)
        self.chart.set_data(
            ChartData(
                labels,
                [Series(t("Median"), medians, CURRENT)],
                bands,
                t("Middle half (Q1–Q3) and median"),
            )
        )

    # -- actions ------------------------------------------------------------------------------
    def _folder(self) -> Path:
        return Path.home()

    def load_reference(self, path: Path | None = None) -> bool:
        if path is None:
            path = self.dialogs.open_path(
                t("Load reference file"),
                self._folder(),
                t("Benchmark files ({pattern})", pattern=FILE_FILTER),
            )
            if path is None:
                return False
        try:
            reference, new = self.services.load_reference(path)
        except UserError as exc:
            self.dialogs.error(t("The reference was not loaded"), exc.message)
            return False
        self.status_message.emit(
            t(
                "Reference loaded: {form} {version}, {year}",
                form=reference.form_id,
                version=reference.form_version,
                year=reference.year,
            )
            if new
            else t("This reference was already loaded.")
        )
        self.reference_loaded.emit()
        return True

    def import_files(self, paths: list[Path] | None = None) -> None:
        if paths is None:
            from ethics_tool.gui.dialogs.file_dialog import chosen_files, file_dialog

            dialog = file_dialog(
                self,
                t("Import benchmark files"),
                self._folder(),
                t("Benchmark files ({pattern})", pattern=FILE_FILTER),
                QFileDialog.FileMode.ExistingFiles,
            )
            paths = chosen_files(dialog)
        if not paths:
            return
        report = self.services.import_benchmark(paths)
        summary = t(
            "{added} added, {replaced} replaced by a newer file, {same} already in the set, "
            "{refused} refused",
            added=len(report.added),
            replaced=len(report.replaced),
            same=len(report.duplicates),
            refused=len(report.refused),
        )
        self.refresh()
        if report.refused:
            self.dialogs.error(
                t("Some files were not imported"),
                summary + "\n\n" + "\n".join(message for _, message in report.refused),
            )
        else:
            self.status_message.emit(summary)

    def publish(self, path: Path | None = None) -> bool:
        key = self._selected_key()
        if key is None:
            return False
        if path is None:
            path = self.dialogs.save_path(
                t("Publish reference"),
                self._folder() / f"reference-{key.form_id}-{key.year}.etbench",
                t("Benchmark files ({pattern})", pattern=FILE_FILTER),
            )
            if path is None:
                return False
        try:
            self.services.publish_benchmark(path, key.form_id, key.year, self.publisher.text())
        except UserError as exc:
            self.dialogs.error(t("The reference was not written"), exc.message)
            return False
        self.status_message.emit(t("Reference written: {path}", path=str(path)))
        return True

    def clear(self) -> None:
        if self.dialogs.confirm(
            t("Empty the set"),
            t("Remove every imported benchmark file from this database?"),
            t("Remove"),
        ):
            removed = self.services.clear_benchmark()
            self.refresh()
            self.status_message.emit(t("{n} files removed from the set", n=removed))
