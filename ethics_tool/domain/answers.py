"""Plain answer data shared by scoring, storage, exchange and the faces (no persistence here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Mode(StrEnum):
    SINGLE = "single"  # one respondent
    INDIVIDUAL = "individual"  # several respondents answer separately; results aggregate
    CONSENSUS = "consensus"  # a facilitator records the group's agreed answer


class AnswerKind(StrEnum):
    LEVEL = "level"
    NA = "na"  # "Nav attiecināms"
    UNKNOWN = "unknown"  # "Nezinu"


class Role(StrEnum):
    DEPUTY = "deputy"
    CHAIR = "chair"
    EXECUTIVE = "executive"
    MANAGER = "manager"
    STAFF = "staff"
    OTHER = "other"
    GROUP = "group"  # the consensus pseudo-respondent that holds the agreed answers


@dataclass(frozen=True)
class AnswerValue:
    kind: AnswerKind
    value: int | None = None
    comment: str = ""

    @classmethod
    def level(cls, value: int, comment: str = "") -> AnswerValue:
        return cls(AnswerKind.LEVEL, value, comment)

    @classmethod
    def na(cls, comment: str = "") -> AnswerValue:
        return cls(AnswerKind.NA, None, comment)

    @classmethod
    def unknown(cls, comment: str = "") -> AnswerValue:
        return cls(AnswerKind.UNKNOWN, None, comment)


@dataclass(frozen=True)
class RespondentAnswers:
    """One respondent's answers by question id. ``key`` is stable (a UUID), ``label`` is shown."""

    key: str
    label: str
    role: Role = Role.OTHER
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    # Comments written on questions that have no answer yet (never scored).
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def is_group(self) -> bool:
        return self.role is Role.GROUP
