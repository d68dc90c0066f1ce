"""The one shape of this program's undo steps: a change that was saved before it was pushed.

``QUndoStack.push`` calls ``redo`` at once; the change is already in the database then, so the
first call does nothing. Later redo and undo hand the ``after`` or ``before`` state to
:meth:`SavedChange.apply`, which each kind of step (answers, respondents, action plan) defines.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

S = TypeVar("S")


class SavedChange(QUndoCommand, Generic[S]):
    def __init__(self, text: str, before: S, after: S) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self._done = True  # pushed after the change was saved

    def apply(self, state: S) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.apply(self.after)

    def undo(self) -> None:
        self.apply(self.before)
