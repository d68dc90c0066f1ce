"""Undo and redo of answers and comments on the questionnaire page (Qt's undo framework).

Every saved change of an answer or of its comment becomes an :class:`AnswerChange` on the page's
:class:`~PySide6.QtGui.QUndoStack`. The change is already saved when it is pushed, so the first
``redo`` does nothing; undoing or redoing goes back to that question (and respondent) and saves the
answer as it was, so the user sees what changed. Comment edits of one question merge into one step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.gui.undo_step import SavedChange
from ethics_tool.i18n import t

COMMENT_EDIT = 1  # the id of comment edits (merged while they concern one answer)


@dataclass(frozen=True)
class AnswerState:
    """One respondent's answer to one question, with the comment kept when there is no answer."""

    answer: AnswerValue | None
    comment: str


class AnswerTarget(Protocol):
    def apply_answer(
        self, respondent: str, position: int, question_id: str, state: AnswerState
    ) -> bool: ...


class AnswerChange(SavedChange[AnswerState]):
    """An answer (or its comment) changed from ``before`` to ``after``; both are saved states."""

    def __init__(
        self,
        target: AnswerTarget,
        respondent: str,  # the UUID: a respondent brought back by undo has a new ID
        position: int,
        question_id: str,
        number: str,
        before: AnswerState,
        after: AnswerState,
    ) -> None:
        super().__init__("", before, after)
        self.target = target
        self.respondent = respondent
        self.position = position
        self.question_id = question_id
        self.number = number
        self.comment_only = (
            before.answer is not None
            and after.answer is not None
            and (
                before.answer.kind,
                before.answer.value,
            )
            == (after.answer.kind, after.answer.value)
        )
        self.setText(
            t("comment on question {number}", number=number)
            if self.comment_only
            else t("answer to question {number}", number=number)
        )

    def id(self) -> int:
        return COMMENT_EDIT if self.comment_only else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnswerChange) or not other.comment_only:
            return False
        if (other.respondent, other.question_id) != (self.respondent, self.question_id):
            return False
        self.after = other.after
        return True

    def apply(self, state: AnswerState) -> bool:
        return self.target.apply_answer(self.respondent, self.position, self.question_id, state)
