"""Files a user reads: the PDF report and the results spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ethics_tool.services.benchmarking import BenchmarkUseCases


class ReportUseCases(BenchmarkUseCases):
    """The PDF report (with the previous round and the benchmark) and the spreadsheet export."""

    # -- files ----------------------------------------------------------------------------------
    def build_report(
        self,
        assessment_id: int,
        path: Path,
        lang: str = "lv",
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Write the PDF report (imported lazily: ReportLab is heavy at start-up)."""
        data = self.load(assessment_id)
        from ethics_tool.report import build_report

        results = self.score(data)
        build_report(
            data,
            results,
            path,
            lang=lang,
            previous=self.previous_round(assessment_id),
            progress=progress,
            benchmark=self.benchmark_comparison_of(data, results),
        )

    # -- spreadsheets ---------------------------------------------------------------------------
    def export_spreadsheet(self, assessment_id: int, path: Path, lang: str = "lv") -> None:
        """Results and action plan as XLSX or CSV (by the file's extension)."""
        from ethics_tool import spreadsheets

        data = self.load(assessment_id)
        spreadsheets.write_spreadsheet(data, self.score(data), path, lang=lang)
