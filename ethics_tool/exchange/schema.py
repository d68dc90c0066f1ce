"""The export file's format: pydantic models with the database's column lengths, and its error."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ethics_tool.domain.answers import AnswerKind, Mode, Role
from ethics_tool.domain.assessment import ROUND_LABEL_MAX, ActionStatus, Status
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError

# 2: assessment lineage; per answer updated_at, installation and clock; comments without an answer.
FORMAT_VERSION = 2


class ExchangeError(UserError):
    """A file that cannot be imported or written; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ExportedAnswer(_Strict):
    question_id: Annotated[str, Field(min_length=1, max_length=64)]
    kind: AnswerKind | None  # None (version 2): a comment without an answer
    value: Annotated[int, Field(strict=True)] | None = None
    comment: str = ""
    updated_at: datetime | None = None
    installation: Annotated[str, Field(max_length=36)] = ""
    clock: dict[str, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)


class ExportedRespondent(_Strict):
    uuid: Annotated[str, Field(min_length=1, max_length=36)]
    label: Annotated[str, Field(min_length=1, max_length=200)]
    role: Role
    answers: list[ExportedAnswer]


class ExportedAction(_Strict):
    question_id: Annotated[str, Field(max_length=64)] | None = None
    text: Annotated[str, Field(min_length=1)]
    responsible: Annotated[str, Field(max_length=200)] = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED


class ExportedAssessment(_Strict):
    # Lengths as the database columns (storage/tables.py), which PostgreSQL enforces.
    uuid: Annotated[str, Field(min_length=1, max_length=36)]
    lineage: Annotated[str, Field(min_length=1, max_length=36)] | None = None  # v1: the UUID
    municipality: Annotated[str, Field(min_length=1, max_length=200)]
    unit_type: Annotated[str, Field(max_length=60)]
    unit_name: Annotated[str, Field(max_length=200)] = ""
    assessed_on: date
    round_label: Annotated[str, Field(max_length=ROUND_LABEL_MAX)] = ""  # older files: none
    prepared_by: Annotated[str, Field(max_length=200)] = ""
    mode: Mode
    status: Status = Status.IN_PROGRESS
    is_demo: bool = False


class ExportFile(_Strict):
    format: Literal["ethics-tool-assessment"]
    format_version: int
    app_version: str = ""
    assessment: ExportedAssessment
    form: Questionnaire
    respondents: list[ExportedRespondent]
    actions: list[ExportedAction] = Field(default_factory=list)
