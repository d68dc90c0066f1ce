"""Undo and redo of adding, renaming and removing respondents (same stack as the answers).

A step holds the respondent as it was before and after (``None``: not there). Removing keeps
the respondent's answers and their history in the step, so undoing puts everything back with the
same UUID, in the same place. The page applies a state through :class:`RespondentTarget`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ethics_tool.domain.merge import RespondentRecord
from ethics_tool.gui.undo_step import SavedChange

if TYPE_CHECKING:
    from ethics_tool.services import Services


@dataclass(frozen=True)
class RespondentState:
    record: RespondentRecord  # label, role, UUID; answers only when it is to be restored
    position: int


class RespondentTarget(Protocol):
    def apply_respondent(self, key: str, state: RespondentState | None) -> bool: ...


class RespondentChange(SavedChange[RespondentState | None]):
    """A respondent went from ``before`` to ``after``; the change is saved when pushed."""

    def __init__(
        self,
        target: RespondentTarget,
        key: str,  # the respondent's UUID
        text: str,
        before: RespondentState | None,
        after: RespondentState | None,
    ) -> None:
        super().__init__(text, before, after)
        self.target = target
        self.key = key

    def apply(self, state: RespondentState | None) -> bool:
        return self.target.apply_respondent(self.key, state)


def apply_state(
    services: Services, assessment_id: int, key: str, state: RespondentState | None
) -> int | None:
    """Make the respondent with the UUID ``key`` be ``state``; its ID now (raises ServiceError).

    Respondents are found by UUID, never by ID: a respondent brought back gets a new ID, and
    SQLite may give a freed ID to another row.
    """
    current = next((p.id for p in services.respondents(assessment_id) if p.uuid == key), None)
    if state is None:
        if current is not None:
            services.remove_respondent(current)
        return None
    if current is not None:
        services.update_respondent(current, state.record.label, state.record.role)
        return current
    return services.restore_respondent(assessment_id, state.record, state.position)


def state_of(services: Services, respondent_id: int, with_answers: bool) -> RespondentState:
    """The respondent as stored now (with every answer when it is about to be removed)."""
    record, position = services.respondent_record(respondent_id)
    if not with_answers:
        record = dataclasses.replace(record, answers=())
    return RespondentState(record, position)
