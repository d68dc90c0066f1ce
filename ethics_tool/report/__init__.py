"""The PDF report (ReportLab Platypus): the assessment report and the blank questionnaire.

Import this package lazily (ReportLab takes a noticeable moment to import). It never imports Qt.
"""

from ethics_tool.report.pdf import ReportError, build_blank_questionnaire, build_report

__all__ = ["ReportError", "build_blank_questionnaire", "build_report"]
