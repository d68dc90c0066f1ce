"""Plain, immutable views of a stored assessment, handed from services to the faces and the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ethics_tool.domain.answers import Mode, RespondentAnswers, Role
from ethics_tool.i18n import format_date

if TYPE_CHECKING:
    # Only a type here: the home list (AssessmentSummary) is shown before the pydantic
    # questionnaire model is imported (docs/startup.md).
    from ethics_tool.domain.merge import AnswerRecord
    from ethics_tool.domain.questionnaire import Questionnaire


class Status(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    ARCHIVED = "archived"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


UNIT_TYPES = (
    "dome",
    "komiteja",
    "komisija",
    "vadiba",
    "administracija",
    "parvalde",
    "iestade",
    "kapitalsabiedriba",
    "cits",
)


@dataclass(frozen=True)
class AssessmentInfo:
    """The metadata of one assessment (one round for one unit)."""

    id: int
    uuid: str
    municipality: str
    unit_type: str
    unit_name: str
    assessed_on: date
    prepared_by: str
    form_id: str
    form_version: str
    form_hash: str
    mode: Mode
    status: Status
    is_demo: bool
    previous_id: int | None
    created_at: datetime | None
    updated_at: datetime | None
    lineage: str = ""  # shared by the copies of this round on other computers
    round_label: str = ""  # "2. kārta": tells the rounds of one unit apart

    @property
    def unit_label(self) -> str:
        return self.unit_name or self.unit_type


ROUND_LABEL_MAX = 100  # as the database column


def round_text(info: AssessmentInfo, lang: str | None = None) -> str:
    """The round's date with its label beside it: "15.04.2027. (2. kārta)", or the date alone."""
    text = format_date(info.assessed_on, lang)
    return f"{text} ({info.round_label})" if info.round_label else text


@dataclass(frozen=True)
class RespondentInfo:
    id: int
    uuid: str
    label: str
    role: Role


@dataclass(frozen=True)
class ActionData:
    """One row of the action plan."""

    id: int | None
    question_id: str | None
    text: str
    responsible: str = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED
    position: int = 0


@dataclass(frozen=True)
class AssessmentSummary:
    """One row of the home page list."""

    info: AssessmentInfo
    form_title_lv: str
    form_title_en: str
    n_respondents: int
    progress: float  # percent of expected answers given (any kind)


@dataclass(frozen=True)
class AssessmentData:
    """Everything needed to score, show, export or print an assessment."""

    info: AssessmentInfo
    form: Questionnaire
    respondents: list[RespondentInfo]
    answers: list[RespondentAnswers]  # same order as respondents
    actions: list[ActionData]
    # Every stored answer with its history (same order as respondents), for export and merging.
    records: Sequence[tuple[AnswerRecord, ...]] | None = None
