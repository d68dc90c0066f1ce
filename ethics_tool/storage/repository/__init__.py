"""Queries, row construction and every write of answers (with their merge history).

Services open the session and decide; this package turns plain domain objects into rows and back,
and ORM rows never leave it. Every answer written here is stamped with the time, this installation's
id and a version vector, so that copies of an assessment on several computers merge answer by answer
(:mod:`ethics_tool.domain.merge`).

- :mod:`.views`: rows as plain objects, new action rows, the installation id (the list of
  assessments with its counts is :mod:`ethics_tool.storage.listing`);
- :mod:`.answers`: writing answers and comments with their history, reading the history back;
- :mod:`.assessments`: whole assessments as rows: a copy, an import, a merge.

Callers use the package (``from ethics_tool.storage import repository as repo``); the modules
import each other downwards only (views ← answers ← assessments).
"""

from __future__ import annotations

from ethics_tool.storage.repository.answers import (
    answer_row,
    apply_record,
    clock_text,
    parse_clock,
    put_record,
    record_of,
    records_by_question,
    records_by_respondent,
    write_answers,
    write_comment,
)
from ethics_tool.storage.repository.assessments import (
    assessment_from_transfer,
    copy_assessment,
    merge_transfer,
    respondent_row,
)
from ethics_tool.storage.repository.views import (
    INSTALLATION_KEY,
    action_of,
    action_row,
    answers_by_respondent,
    info_of,
    installation_id,
    respondent_of,
)

__all__ = [
    "INSTALLATION_KEY",
    "action_of",
    "action_row",
    "answer_row",
    "answers_by_respondent",
    "apply_record",
    "assessment_from_transfer",
    "clock_text",
    "copy_assessment",
    "info_of",
    "installation_id",
    "merge_transfer",
    "parse_clock",
    "put_record",
    "record_of",
    "records_by_question",
    "records_by_respondent",
    "respondent_of",
    "respondent_row",
    "write_answers",
    "write_comment",
]
