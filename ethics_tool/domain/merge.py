"""Answer-by-answer merging of copies of one assessment kept on several computers (no storage here).

Every stored answer carries a version vector (``clock``: installation id → number of edits made
there), the time of its last change and the installation that made it. When a file is merged:

* an answer the database lacks is added; an answer the file lacks is kept (never deleted);
* when one side's clock covers the other's, the newer side wins without a conflict;
* when both sides changed the answer since they diverged (neither clock covers the other, or the
  clocks are equal but the contents differ), the later change wins and the pair is listed as a
  conflict. The winner is chosen by a total order, so merging A into B and B into A gives the same
  answers, and merging the same file twice changes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, Status
from ethics_tool.domain.questionnaire import Questionnaire

Clock = Mapping[str, int]
EPOCH = datetime(1970, 1, 1)


def utc_now() -> datetime:
    """Now in UTC without a zone (how the database stores times)."""
    return datetime.now(UTC).replace(tzinfo=None)


def covers(a: Clock, b: Clock) -> bool:
    """True when ``a`` has seen every edit ``b`` has seen."""
    return all(a.get(key, 0) >= count for key, count in b.items())


def join(a: Clock, b: Clock) -> dict[str, int]:
    """The clock that has seen both ``a`` and ``b``."""
    out = dict(a)
    for key, count in b.items():
        out[key] = max(out.get(key, 0), count)
    return out


def tick(clock: Clock, installation: str) -> dict[str, int]:
    """The clock after one more edit on ``installation``."""
    out = dict(clock)
    out[installation] = out.get(installation, 0) + 1
    return out


@dataclass(frozen=True)
class AnswerRecord:
    """One stored answer with its history; ``kind`` None is a comment without an answer."""

    question_id: str
    kind: AnswerKind | None
    value: int | None = None
    comment: str = ""
    updated_at: datetime = EPOCH
    installation: str = ""
    clock: Mapping[str, int] = field(default_factory=dict)

    @property
    def content(self) -> tuple[str, int, str]:
        return (
            self.kind.value if self.kind else "",
            -1 if self.value is None else self.value,
            self.comment,
        )

    @property
    def is_empty(self) -> bool:
        """A cleared answer without a comment (kept so that its history goes on)."""
        return self.kind is None and not self.comment

    @property
    def answer(self) -> AnswerValue | None:
        if self.kind is None:
            return None
        return AnswerValue(
            self.kind, self.value if self.kind is AnswerKind.LEVEL else None, self.comment
        )

    def order_key(self) -> tuple[datetime, str, tuple[str, int, str]]:
        return (self.updated_at, self.installation, self.content)


class Outcome(enum.StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"


def merge_answer(
    local: AnswerRecord | None, incoming: AnswerRecord
) -> tuple[Outcome, AnswerRecord, AnswerRecord | None]:
    """(what happened, the record to keep, the losing record of a conflict)."""
    if local is None:
        return Outcome.ADDED, incoming, None
    if local.content == incoming.content:
        # Same answer on both sides: keep it, remember everything both have seen.
        keep = local if local.order_key() >= incoming.order_key() else incoming
        merged = _with_clock(keep, join(local.clock, incoming.clock))
        return Outcome.UNCHANGED, merged, None
    local_covers = covers(local.clock, incoming.clock)
    incoming_covers = covers(incoming.clock, local.clock)
    if local_covers and not incoming_covers:
        return Outcome.UNCHANGED, local, None
    if incoming_covers and not local_covers:
        return Outcome.UPDATED, incoming, None
    # Both changed since they diverged (or the history is unknown): the later change wins.
    winner, loser = (
        (local, incoming) if local.order_key() >= incoming.order_key() else (incoming, local)
    )
    merged = _with_clock(winner, join(local.clock, incoming.clock))
    return Outcome.CONFLICT, merged, loser


def _with_clock(record: AnswerRecord, clock: Clock) -> AnswerRecord:
    return AnswerRecord(
        question_id=record.question_id,
        kind=record.kind,
        value=record.value,
        comment=record.comment,
        updated_at=record.updated_at,
        installation=record.installation,
        clock=dict(clock),
    )


@dataclass(frozen=True)
class RespondentRecord:
    uuid: str
    label: str
    role: Role
    answers: tuple[AnswerRecord, ...] = ()


@dataclass(frozen=True)
class TransferredAssessment:
    """An assessment read from an export file, ready to be stored or merged."""

    uuid: str
    lineage: str
    municipality: str
    unit_type: str
    unit_name: str
    assessed_on: date
    prepared_by: str
    mode: Mode
    status: Status
    is_demo: bool
    form: Questionnaire
    respondents: tuple[RespondentRecord, ...]
    actions: tuple[ActionData, ...] = ()
    format_version: int = 2
    round_label: str = ""

    def describe(self) -> str:
        unit = self.unit_name or self.unit_type
        when = self.assessed_on.isoformat() + (f" {self.round_label}" if self.round_label else "")
        return f"{self.municipality} — {unit}, {when} ({self.form.id})"


@dataclass(frozen=True)
class Conflict:
    """Both sides changed one answer: ``kept`` won (it is newer), ``other`` was set aside."""

    respondent: str
    question_id: str
    kept: AnswerRecord
    other: AnswerRecord


@dataclass
class MergeSummary:
    """What an import or a merge did, for the user."""

    assessment_id: int
    created: bool = False
    respondents_added: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        if outcome is Outcome.ADDED:
            self.added += 1
        elif outcome is Outcome.UPDATED:
            self.updated += 1
        elif outcome is Outcome.UNCHANGED:
            self.unchanged += 1
        # a conflict is listed in ``conflicts`` with both values

    @property
    def changed(self) -> bool:
        return bool(
            self.created or self.respondents_added or self.added or self.updated or self.conflicts
        )
