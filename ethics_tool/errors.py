"""One error model for everything a user can act on.

Every problem that is not a bug is a :class:`UserError` (or a subclass per area: forms, storage,
services, exchange, report, command line). It carries a translated one-line ``message`` and optional
``details`` (further lines: more problems, what to do). The CLI and the GUI catch ``UserError`` in one
place each: the CLI prints ``first_line`` (and the details indented) and exits with code 1, the GUI
shows a message box that is not the bug dialog. Anything else is a bug and goes to the log with its
traceback.
"""

from __future__ import annotations

from collections.abc import Sequence


class UserError(Exception):
    """A request that cannot be carried out, phrased for the person who asked."""

    def __init__(self, message: str, details: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = [str(line) for line in details]

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return "\n".join([self.message, *(f"  - {line}" for line in self.details)])

    @property
    def first_line(self) -> str:
        """A one-line summary for a status bar or a CLI error."""
        return self.message.splitlines()[0] if self.message else type(self).__name__
