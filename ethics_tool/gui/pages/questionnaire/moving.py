"""Moving on the questionnaire page: to a question, the next unanswered one, another respondent.

:class:`MovingMixin` is part of
:class:`~ethics_tool.gui.pages.questionnaire.page.QuestionnairePage`; the position itself is kept
by the page's :class:`~ethics_tool.gui.state.questionnaire.QuestionnaireSession`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QWidget

from ethics_tool.gui.pages.questionnaire.navigator import POSITION_ROLE
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ethics_tool.domain.questionnaire import Question
    from ethics_tool.gui.pages.questionnaire.header import QuestionnaireHeader
    from ethics_tool.gui.state.questionnaire import QuestionnaireSession
    from ethics_tool.gui.widgets.question_card import QuestionCard

    _Base = QWidget
else:
    _Base = object


class MovingMixin(_Base):
    """Going from question to question (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by QuestionnairePage
        card: QuestionCard
        session: QuestionnaireSession | None
        header: QuestionnaireHeader
        saved: SignalInstance
        results_requested: SignalInstance

        def _show_current(self) -> None: ...
        def _refresh_progress(self) -> None: ...

    def current_question(self) -> Question | None:
        return self.session.current_question() if self.session is not None else None

    def go_to(self, position: int) -> None:
        if self.session is None or not self.session.total:
            return
        self.card.flush_comment()
        self.session.go_to(position)
        self._show_current()

    def next_question(self) -> None:
        if self.session is not None:
            self.go_to(self.session.position + 1)

    def previous_question(self) -> None:
        if self.session is not None:
            self.go_to(self.session.position - 1)

    def next_unanswered(self) -> None:
        if self.session is None:
            return
        self.card.flush_comment()
        found = self.session.next_unanswered()
        if found is None:
            self.saved.emit(t("Every question has an answer."))
            return
        self.go_to(found)

    def _navigator_clicked(self, index: QModelIndex) -> None:
        position = index.data(POSITION_ROLE)
        if position is not None:
            self.go_to(int(position))

    def _respondent_changed(self, respondent_id: int) -> None:
        if self.session is None:
            return
        self.card.flush_comment()
        self.session.choose_respondent(respondent_id)
        self._refresh_progress()
        self._show_current()

    def _show_results(self) -> None:
        self.card.flush_comment()
        if self.session is not None:
            self.results_requested.emit(self.session.data.info.id)
