"""Undo and redo of action-plan edits: adding, editing a cell and removing an action.

A step holds the action before and after (``None``: not there) and an :class:`ActionRef`, the
step's handle on the row: removing and bringing an action back gives it a new database ID (and
SQLite may give a freed ID to another row), so every step of one action shares one reference
whose ``id`` the model keeps up to date. The model applies a state through :class:`PlanTarget`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ethics_tool.domain.assessment import ActionData
from ethics_tool.gui.undo_step import SavedChange


@dataclass
class ActionRef:
    id: int | None  # None while the action is not in the plan


class PlanTarget(Protocol):
    def apply_action(self, ref: ActionRef, state: ActionData | None) -> bool: ...


class ActionChange(SavedChange[ActionData | None]):
    """An action went from ``before`` to ``after``; the change is saved when pushed."""

    def __init__(
        self,
        target: PlanTarget,
        ref: ActionRef,
        text: str,
        before: ActionData | None,
        after: ActionData | None,
    ) -> None:
        super().__init__(text, before, after)
        self.target = target
        self.ref = ref

    def apply(self, state: ActionData | None) -> bool:
        return self.target.apply_action(self.ref, state)
