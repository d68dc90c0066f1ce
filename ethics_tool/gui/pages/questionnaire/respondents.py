"""The respondents of the assessment on the questionnaire page: the dialog and its undo steps.

Adding, renaming and removing happen in :class:`~ethics_tool.gui.dialogs.respondents.
RespondentsDialog`; each change becomes a step on the page's undo stack (the same history as the
answers), and undo or redo puts the respondent back through :meth:`apply_respondent`.
:class:`RespondentsMixin` is part of
:class:`~ethics_tool.gui.pages.questionnaire.page.QuestionnairePage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ethics_tool.gui.dialogs.respondent_undo import RespondentChange, RespondentState, apply_state
from ethics_tool.gui.dialogs.respondents import RespondentsDialog
from ethics_tool.gui.undo_step import push
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.pages.questionnaire.header import QuestionnaireHeader
    from ethics_tool.gui.state.questionnaire import QuestionnaireSession
    from ethics_tool.gui.widgets.question_card import QuestionCard
    from ethics_tool.services import Services

    _Base = QWidget
else:
    _Base = object


class RespondentsMixin(_Base):
    """Open the respondents dialog; undo and redo its changes (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by QuestionnairePage
        services: Services
        dialogs: Dialogs
        session: QuestionnaireSession | None
        card: QuestionCard
        header: QuestionnaireHeader
        undo_stack: QUndoStack

        def _respondents_changed(self) -> None: ...
        def _refresh_progress(self) -> None: ...
        def _show_current(self) -> None: ...

    def manage_respondents(self) -> RespondentsDialog | None:
        """Open the respondents dialog (window-modal); the page follows every change."""
        if self.session is None:
            return None
        self.card.flush_comment()
        dialog = RespondentsDialog(
            self.services, self.dialogs, self.session.data.info.id, self.window(), self.undo_stack
        )
        dialog.step.connect(self._respondent_step)
        dialog.changed.connect(self._respondents_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _respondent_step(self, key: str, text: str, before: object, after: object) -> None:
        """A change made in the respondents dialog becomes an undo step."""
        assert before is None or isinstance(before, RespondentState)
        assert after is None or isinstance(after, RespondentState)
        push(self.undo_stack, RespondentChange(self, key, text, before, after))

    def apply_respondent(self, key: str, state: RespondentState | None) -> bool:
        """Undo or redo of a respondent change: store ``state`` and show the page as it is now."""
        from ethics_tool.services import ServiceError

        if self.session is None:
            return False
        self.card.flush_comment()
        try:
            chosen = apply_state(self.services, self.session.data.info.id, key, state)
        except ServiceError as exc:
            self.dialogs.error(t("The respondent could not be changed"), str(exc))
            return False
        self._respondents_changed()
        session = self.session
        if chosen is not None and session is not None and session.has_respondent(chosen):
            session.choose_respondent(chosen)
            self.header.show_session(session)
            self._refresh_progress()
            self._show_current()
        return True
