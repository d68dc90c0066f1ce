"""Benchmark hooks for the main window: the export dialog, the benchmarking window, and the overlay
of a loaded reference on the results page's charts (bands on the bars, a median line on the radar,
one sentence per theme).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ethics_tool.errors import UserError
from ethics_tool.i18n import current_language, t

# The main window makes these actions before its first paint; what they show (html, the dialog
# classes) is imported when it is shown.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from ethics_tool.domain.assessment import AssessmentData
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.pages.benchmark import BenchmarkPage
    from ethics_tool.gui.pages.results.summary import SummaryTab
    from ethics_tool.gui.widgets.charts import ChartData
    from ethics_tool.scoring import Results
    from ethics_tool.services import Services


def apply_overlay(
    services: Services,
    data: AssessmentData,
    results: Results,
    radar: ChartData,
    bars: ChartData,
) -> str:
    """Add the loaded reference to the chart data; returns the sentences as rich text ("" if none)."""
    from html import escape

    from ethics_tool.gui.widgets.charts import MEDIAN, Series  # not needed before the first paint

    comparison = services.benchmark_comparison_of(data, results)
    if comparison is None:
        return ""
    lang = current_language()
    points = [comparison.themes[theme.id] for theme in data.form.themes]
    group = comparison.overall.group_text()
    medians = [p.stats.median if p.stats else None for p in points]
    # the target strand stays last so that it is drawn over everything
    radar.series.insert(
        max(0, len(radar.series) - 1),
        Series(t("Median of {group}", group=group), medians, MEDIAN, dashed=True, filled=False),
    )
    bars.bands = [(p.stats.q1, p.stats.median, p.stats.q3) if p.stats else None for p in points]
    bars.band_name = t("Middle half and median of {group}", group=group)
    heading = escape(t("Compared with other municipalities"))
    overall = escape(t("Overall index"))
    lines = [f"<p><b>{heading}</b><br/>"]
    lines.append(f"<i>{escape(comparison.note(data.form))}</i></p><p>")
    lines.append(f"<b>{overall}</b>: {escape(comparison.overall.sentence())}<br/>")
    for number, (theme, point) in enumerate(zip(data.form.themes, points, strict=True), start=1):
        lines.append(f"{number}. {escape(theme.title.get(lang))}: {escape(point.sentence())}<br/>")
    lines.append("</p>")
    return "".join(lines)


def show_benchmark(
    services: Services, data: AssessmentData, results: Results, summary: SummaryTab
) -> None:
    """Put the loaded reference (if any) on the summary tab's charts and under the bars."""
    radar, bars = summary.radar.data, summary.bars.data
    text = apply_overlay(services, data, results, radar, bars)
    summary.benchmark_text.setText(text)
    summary.benchmark_text.setVisible(bool(text))
    if text:
        summary.radar.set_data(radar)
        summary.bars.set_data(bars)


class BenchmarkActions(QObject):
    """“Anonymous benchmark file…” for the open assessment and “Benchmarking…” (the window)."""

    def __init__(
        self,
        parent: QWidget,
        context: Callable[[], tuple[Services | None, int | None]],
        dialogs: Callable[[], Dialogs],
        reference_loaded: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._dialogs = dialogs
        self._reference_loaded = reference_loaded
        self.window: QDialog | None = None
        self.page: BenchmarkPage | None = None
        self.export_action = QAction(parent)
        self.export_action.setObjectName("actionBenchmarkFile")
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.export_action.setEnabled(False)
        self.open_action = QAction(parent)
        self.open_action.setObjectName("actionBenchmarking")
        self.open_action.triggered.connect(lambda _checked=False: self.open())
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(t("Anonymous &benchmark file…"))
        self.export_action.setStatusTip(
            t("Share the scores without names with an association that compares municipalities")
        )
        self.open_action.setText(t("Benchmarking (&compare municipalities)…"))
        self.open_action.setStatusTip(
            t("Load a published reference, or collect benchmark files and publish one")
        )
        if self.window is not None and self.page is not None:
            self.window.setWindowTitle(t("Benchmarking"))
            self.page.retranslate()

    def set_enabled(self, has_assessment: bool) -> None:
        self.export_action.setEnabled(has_assessment)

    def export(self, path: Path | None = None, accept: bool = False) -> Path | None:
        """Show the dialog with the file's contents; save what it shows."""
        from PySide6.QtWidgets import QDialog

        from ethics_tool.gui.benchmark_export import BenchmarkExportDialog

        services, assessment_id = self._context()
        if services is None or assessment_id is None:
            return None
        dialog = BenchmarkExportDialog(services, assessment_id, self._parent)
        self.last_dialog = dialog
        try:
            if not accept and dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            if dialog.submission is None:
                return None
            if path is None:
                info = services.info(assessment_id)
                path = self._dialogs().save_path(
                    t("Save the benchmark file"),
                    Path.home() / f"benchmark-{info.form_id}-{info.assessed_on.year}.etbench",
                    t("Benchmark files ({pattern})", pattern="*.etbench"),
                )
                if path is None:
                    return None
            try:
                dialog.save(path)
            except UserError as exc:
                self._dialogs().error(t("The file could not be written"), exc.message)
                return None
        finally:
            dialog.deleteLater()
        status = getattr(self._parent, "show_message", None)
        if callable(status):
            status(t("Benchmark file written: {path}", path=str(path)))
        return path

    def open(self) -> BenchmarkPage | None:
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        from ethics_tool.gui.pages.benchmark import BenchmarkPage

        services, _ = self._context()
        if services is None:
            return None
        if self.window is None or self.page is None:
            self.window = QDialog(self._parent)
            self.window.setObjectName("benchmarkWindow")
            self.window.setWindowTitle(t("Benchmarking"))
            self.window.resize(900, 720)
            self.page = BenchmarkPage(services, self._dialogs(), self.window)
            self.page.reference_loaded.connect(self._reference_loaded)
            status = getattr(self._parent, "show_message", None)
            if callable(status):
                self.page.status_message.connect(status)
            layout = QVBoxLayout(self.window)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.page)
        else:
            self.page.dialogs = self._dialogs()
            self.page.refresh()
        self.window.show()
        self.window.raise_()
        return self.page
