"""A finished assessment on the questionnaire page, and finishing or reopening it from there.

A finished ("Pabeigts") assessment is read-only here: the choices and the comment cannot be
changed, "Respondents…" is off, an answer key says in the status bar why nothing happens, and a
bar above the question says so with "Reopen" in it. "Finish…" in the header finishes through the
same flow and dialog as the home page (:func:`ethics_tool.gui.round_flow.toggle`). The services
refuse such changes as well (``FinishedError``); this is what the user sees first.
:class:`FinishingMixin` is part of
:class:`~ethics_tool.gui.pages.questionnaire.page.QuestionnairePage`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ethics_tool.domain.assessment import Status
from ethics_tool.gui import round_flow
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.pages.questionnaire.header import QuestionnaireHeader
    from ethics_tool.gui.state.questionnaire import QuestionnaireSession
    from ethics_tool.gui.widgets.question_card import QuestionCard
    from ethics_tool.services import Services

    _Base = QWidget
else:
    _Base = object


class FinishedBar(QFrame):
    """ "This assessment is finished …" with the "Reopen" button beside the text."""

    reopen_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finishedBar")
        self.message = QLabel()
        self.message.setObjectName("finishedMessage")
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen_requested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reopen_button)
        self.setStyleSheet(
            "QFrame#finishedBar { background: #e6f0fa; border: 1px solid #4a78a8; "
            "border-radius: 4px; } QLabel#finishedMessage { color: #10263d; }"
        )
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.message.setText(
            t(
                "This assessment is finished: its answers, comments and respondents can be "
                "read but not changed. The action plan on the Results page can still be "
                "followed up. To change answers, reopen the assessment."
            )
        )
        self.reopen_button.setText(t("&Reopen"))
        self.reopen_button.setToolTip(t("Mark the assessment as in progress again"))


class FinishingMixin(_Base):
    """Finish or reopen from the questionnaire; a finished assessment read-only (see above)."""

    if TYPE_CHECKING:  # provided by QuestionnairePage
        services: Services
        dialogs: Dialogs
        session: QuestionnaireSession | None
        card: QuestionCard
        header: QuestionnaireHeader
        clear_button: QPushButton
        finished_bar: FinishedBar
        saved: SignalInstance

    def is_finished(self) -> bool:
        return self.session is not None and self.session.data.info.status is Status.COMPLETED

    def toggle_finish(self) -> None:
        """Finish (what is missing listed first) or reopen the assessment on the page."""
        if self.session is None:
            return
        self.card.flush_comment()
        message = round_flow.toggle(self, self.services, self.dialogs, self.session.data.info.id)
        self.sync_status()
        # The keys answer again (the "Reopen" button is gone; the comment box would take them).
        self.card.setFocus()
        if message is not None:
            self.saved.emit(message)

    def sync_status(self) -> None:
        """Follow the stored status: finished or reopened here, on another page or computer."""
        session = self.session
        if session is None:
            return
        info = self.services.info(session.data.info.id)
        if info.status is not session.data.info.status:
            session.data = dataclasses.replace(session.data, info=info)
            self.header.show_session(session)
        self.show_read_only()

    def show_read_only(self) -> None:
        finished = self.is_finished()
        self.finished_bar.setVisible(finished)
        self.card.set_read_only(finished)
        self.header.set_status(Status.COMPLETED if finished else Status.IN_PROGRESS)
        answer = self.session.current_answer() if self.session is not None else None
        self.clear_button.setEnabled(answer is not None and not finished)

    def refuse_key(self) -> bool:
        """True when the assessment is finished; the status bar says why the key does nothing."""
        if not self.is_finished():
            return False
        self.saved.emit(
            t(
                "This assessment is finished, so its answers cannot be changed. "
                "Reopen it first (“Reopen” above the question)."
            )
        )
        return True

    def refuse_undo(self) -> bool:
        """True when the assessment is finished; a message says that undo cannot change it."""
        if not self.is_finished():
            return False
        from ethics_tool.services import finished_error

        assert self.session is not None
        self.dialogs.error(
            t("The assessment is finished"), str(finished_error(self.session.data.info))
        )
        return True
