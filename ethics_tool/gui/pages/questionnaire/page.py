"""Questionnaire page: the theme navigator, the question card and the respondent switcher.

The page shows a :class:`~ethics_tool.gui.state.questionnaire.QuestionnaireSession` and forwards
intent: every answer goes straight to :meth:`Services.record_answer` (which commits) and, once
saved, into the session, which the navigator, the progress and the consensus panel draw from.

Its parts beside it: the answer keys in :mod:`.keys`, moving between questions and respondents in
:mod:`.moving`, changes the database refused (kept on screen, retried) in :mod:`.faults`; the
header, navigator, consensus panel and undo steps in their own modules.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import AnswerValue
from ethics_tool.gui.appearance import is_large_text
from ethics_tool.gui.pages.questionnaire.buttons import QuestionButtons
from ethics_tool.gui.pages.questionnaire.consensus import others_html
from ethics_tool.gui.pages.questionnaire.faults import SaveFaultsMixin
from ethics_tool.gui.pages.questionnaire.finishing import FinishedBar, FinishingMixin
from ethics_tool.gui.pages.questionnaire.header import QuestionnaireHeader
from ethics_tool.gui.pages.questionnaire.keys import AnswerKeysMixin
from ethics_tool.gui.pages.questionnaire.moving import MovingMixin
from ethics_tool.gui.pages.questionnaire.navigator import (
    ThemeNavigatorModel,
    navigator_view,
)
from ethics_tool.gui.pages.questionnaire.respondents import RespondentsMixin
from ethics_tool.gui.pages.questionnaire.undo import AnswerChange, AnswerState
from ethics_tool.gui.state.questionnaire import QuestionnaireSession
from ethics_tool.gui.undo_step import push
from ethics_tool.gui.widgets.question_card import QuestionCard
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Question
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.services import Services


class QuestionnairePage(
    AnswerKeysMixin, MovingMixin, SaveFaultsMixin, FinishingMixin, RespondentsMixin, QWidget
):
    saved = Signal(str)  # a status-bar message after an autosave
    results_requested = Signal(int)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnairePage")
        self.services = services
        self.dialogs = dialogs
        self.session: QuestionnaireSession | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("questionnaireUndoStack")
        self._applying = False  # an undo or redo is saving: it pushes nothing itself

        self.header = QuestionnaireHeader()
        self.header.respondent_chosen.connect(self._respondent_changed)
        self.header.manage_requested.connect(self.manage_respondents)
        self.header.results_requested.connect(self._show_results)
        self.header.finish_requested.connect(self.toggle_finish)
        self.finished_bar = FinishedBar()  # a finished assessment is read-only (.finishing)
        self.finished_bar.reopen_requested.connect(self.toggle_finish)
        # The switcher and the progress bar, by the names tests know them by.
        self.respondents = self.header.respondents
        self.progress = self.header.progress

        self.navigator_model = ThemeNavigatorModel(self)
        self.navigator = navigator_view(self.navigator_model)
        self.navigator.clicked.connect(self._navigator_clicked)
        self.navigator.activated.connect(self._navigator_clicked)

        self.card = QuestionCard()
        self.card.level_chosen.connect(self.choose_level)
        self.card.na_chosen.connect(self.choose_na)
        self.card.unknown_chosen.connect(self.choose_unknown)
        self.card.comment_edited.connect(self._comment_edited)
        scroll = QScrollArea()
        scroll.setObjectName("questionScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A click on the card's background keeps the focus where it was (see QuestionCard).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.card)
        self.question_scroll = scroll

        self._make_unsaved()  # changes the database refused, kept on screen and retried

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        self.buttons = QuestionButtons(self.unsaved_label)
        self.buttons.previous_button.clicked.connect(self.previous_question)
        self.buttons.next_button.clicked.connect(self.next_question)
        self.buttons.next_unanswered_button.clicked.connect(self.next_unanswered)
        self.buttons.clear_button.clicked.connect(self.clear_answer)
        # by the names tests know them by
        self.previous_button = self.buttons.previous_button
        self.next_button = self.buttons.next_button
        self.clear_button = self.buttons.clear_button
        self.keys_hint = self.buttons.keys_hint
        right_layout.addWidget(self.buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 860])
        splitter.setChildrenCollapsible(False)
        self.navigator.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.finished_bar)
        layout.addWidget(splitter, 1)
        self._set_compact(is_large_text())

        self._make_shortcuts()
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.retranslate()
        self.finished_bar.retranslate()
        self.navigator.setAccessibleName(t("Themes and questions"))
        self.buttons.retranslate()
        self.card.retranslate()
        if self.session is not None:
            self.header.show_session(self.session)
            self.navigator_model.retranslate()
            self._refresh_progress()
            self._show_current()

    # -- loading ----------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> None:
        self.card.flush_comment()
        if self.session is None or self.session.data.info.id != assessment_id:
            self.undo_stack.clear()  # the steps belong to the assessment they were made in
        # Shown for editing: a later save of an answer changed elsewhere meanwhile is a conflict.
        self._show_session(
            QuestionnaireSession.start(self.services.load(assessment_id, editing=True))
        )

    def _show_session(self, session: QuestionnaireSession) -> None:
        self.session = session
        self.header.show_session(session)
        self.navigator_model.set_session(session)
        self._refresh_progress()
        self._show_current()
        self.show_read_only()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sync_status()  # finished or reopened on the home or results page meanwhile

    def _respondents_changed(self) -> None:
        if self.session is None:
            return
        position, respondent = self.session.position, self.session.respondent_id
        self.show_assessment(self.session.data.info.id)
        assert self.session is not None
        if respondent is not None and self.session.has_respondent(respondent):
            self.session.choose_respondent(respondent)
            self.header.show_session(self.session)
        self.session.go_to(position)
        self._refresh_progress()
        self._show_current()

    # -- drawing ------------------------------------------------------------------------------------
    def _refresh_progress(self) -> None:
        assert self.session is not None
        self.navigator_model.answers_changed()
        self.header.show_progress(self.session)

    def _show_current(self) -> None:
        session = self.session
        current = session.current() if session is not None else None
        if session is None or current is None:
            return
        theme, question = current
        answer = session.current_answer()
        self.card.show_question(
            session.data.form,
            theme,
            question,
            session.position + 1,
            session.total,
            answer,
            session.current_comment(),
            current_language(),
        )
        self._show_others(question)
        index = self.navigator_model.index_of(session.position)
        self.navigator.setCurrentIndex(index)
        self.navigator.scrollTo(index)
        self.previous_button.setEnabled(not session.at_first)
        self.next_button.setEnabled(not session.at_last)
        self.clear_button.setEnabled(answer is not None and not self.is_finished())
        self.question_scroll.verticalScrollBar().setValue(0)

    def _show_others(self, question: Question) -> None:
        """In consensus mode, the individual answers beside the group's."""
        assert self.session is not None
        self.card.set_others(others_html(self.session, question))

    # -- answering ----------------------------------------------------------------------------------
    def choose_level(self, value: int) -> None:
        self._record(AnswerValue.level(value, self.card.comment_text()))

    def choose_na(self) -> None:
        self._record(AnswerValue.na(self.card.comment_text()))

    def choose_unknown(self) -> None:
        self._record(AnswerValue.unknown(self.card.comment_text()))

    def clear_answer(self) -> None:
        self._record(None)

    def _record(self, answer: AnswerValue | None) -> bool:
        from ethics_tool.services import ServiceError

        session = self.session
        question = session.current_question() if session is not None else None
        if session is None or question is None or session.respondent_id is None:
            return False
        services, respondent_id, question_id = self.services, session.respondent_id, question.id
        key = ("answer", respondent_id, question_id)
        before = AnswerState(session.current_answer(), session.current_comment())
        try:
            # On a storage fault the answer stays on screen and is saved when the fault is gone.
            fault = self.unsaved.save(
                key, lambda: services.record_answer(respondent_id, question_id, answer)
            )
        except ServiceError as exc:
            self.card.set_answer(session.current_answer())
            self.dialogs.error(t("The answer could not be saved"), str(exc))
            return False
        if fault is not None:
            self._storage_fault(fault)
        comment = self.card.comment_text()
        session.answer_recorded(question.id, answer, comment)
        self.card.set_answer(answer)
        self._refresh_progress()
        self._show_others(question)
        self.clear_button.setEnabled(answer is not None)
        if key not in self.unsaved:
            self.saved.emit(t("Saved"))
        after = AnswerState(answer, comment)
        if not self._applying and after != before:
            push(
                self.undo_stack,
                AnswerChange(
                    self,
                    next(p.uuid for p in session.data.respondents if p.id == respondent_id),
                    session.position,
                    question.id,
                    self.question_number(session.position),
                    before,
                    after,
                ),
            )
        return True

    def question_number(self, position: int) -> str:
        """The number a question has in the navigator and the report: theme.question."""
        assert self.session is not None
        theme, question = self.session.order[position]
        themes = self.session.data.form.themes
        theme_row = next(i for i, th in enumerate(themes) if th is theme)
        return f"{theme_row + 1}.{theme.questions.index(question) + 1}"

    def apply_answer(
        self, respondent: str, position: int, question_id: str, state: AnswerState
    ) -> bool:
        """Undo or redo: show that question of that respondent and save ``state`` there."""
        session = self.session
        if session is None or self.refuse_undo():
            return False
        # By UUID: a respondent removed and brought back by undo has a new ID.
        found = next((p.id for p in session.data.respondents if p.uuid == respondent), None)
        if found is None:
            return False
        respondent_id = found
        self._applying = True
        try:
            self.card.flush_comment()
            if session.respondent_id != respondent_id:
                session.choose_respondent(respondent_id)
                self.header.show_session(session)
            session.go_to(position)
            question = session.current_question()
            if question is None or question.id != question_id:
                return False
            self._show_current()
            self.card.set_comment(state.comment)
            if state.answer is None:
                done = self._record(None)
            else:
                done = self._record(dataclasses.replace(state.answer, comment=state.comment))
            self._show_current()
            return done
        finally:
            self._applying = False

    def _comment_edited(self, text: str) -> None:
        from ethics_tool.services import ServiceError

        session = self.session
        question = session.current_question() if session is not None else None
        if session is None or question is None or session.respondent_id is None:
            return
        answer = session.current_answer()
        if answer is not None:
            # With an answer the comment is saved with it (one undo step per comment edit).
            self._record(dataclasses.replace(answer, comment=text))
            return
        # Without an answer the comment is stored on its own.
        services, respondent_id, question_id = self.services, session.respondent_id, question.id
        key = ("comment", respondent_id, question_id)
        try:
            fault = self.unsaved.save(
                key, lambda: services.record_comment(respondent_id, question_id, text)
            )
        except ServiceError as exc:
            self.dialogs.error(t("The comment could not be saved"), str(exc))
            return
        if fault is not None:
            self._storage_fault(fault)
        session.keep_comment(text)
        self.navigator_model.answers_changed()  # the comment mark
        if key not in self.unsaved:
            self.saved.emit(t("Saved"))

    def _set_compact(self, compact: bool) -> None:
        """Large text on a projector: the question gets the whole width and height."""
        self.navigator.setVisible(not compact)
        self.keys_hint.setVisible(not compact)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._set_compact(is_large_text())
        super().changeEvent(event)

    def leave(self) -> None:
        """Called before the page is hidden: nothing typed may be lost."""
        self.card.flush_comment()
