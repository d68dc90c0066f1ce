"""The one shape of this program's undo steps: a change that was saved before it was pushed.

``QUndoStack.push`` calls ``redo`` at once; the change is already in the database then, so the
first call does nothing. Later redo and undo hand the ``after`` or ``before`` state to
:meth:`SavedChange.apply`, which each kind of step (answers, respondents, action plan) defines.

A step the database refuses (the assessment was finished meanwhile, someone changed the same
answer on another computer) has already said why; the stack then moves back to where it was, so
Undo still offers the step that did not happen (:func:`push` gives the step its stack).
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

S = TypeVar("S")


class SavedChange(QUndoCommand, Generic[S]):
    def __init__(self, text: str, before: S, after: S) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self.stack: QUndoStack | None = None  # set by push()
        self._done = True  # pushed after the change was saved

    def apply(self, state: S) -> bool:
        """Store ``state`` and show it; False when it was refused (the user was told why)."""
        raise NotImplementedError

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if not self.apply(self.after):
            self._move_back(undo=True)

    def undo(self) -> None:
        if self._done:
            self._done = False
            return
        if not self.apply(self.before):
            self._move_back(undo=False)

    def _move_back(self, undo: bool) -> None:
        """Nothing changed: put the stack's index back once Qt has moved it (no store then)."""
        self._done = True
        if self.stack is not None:
            QTimer.singleShot(0, self.stack.undo if undo else self.stack.redo)


def push(stack: QUndoStack, step: SavedChange[Any]) -> None:
    """Put an already saved change on ``stack``."""
    step.stack = stack
    stack.push(step)
