"""The kinds of file work (cheap to import: the main window needs them before the core loads)."""

from __future__ import annotations

from enum import StrEnum


class Job(StrEnum):
    REPORT = "report"  # the assessment's PDF report
    JSON = "json"  # the assessment as a JSON export
    BLANK = "blank"  # a blank questionnaire as a PDF
    IMPORT = "import"  # a JSON export read in, as a new assessment or merged into one
    CARDS = "cards"  # the seminar kit's dilemma cards as a PDF
