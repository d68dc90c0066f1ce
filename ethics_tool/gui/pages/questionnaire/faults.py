"""Changes the database refused on the questionnaire page: kept on screen, marked and retried.

A busy, read-only or full database refuses an answer; the answer stays on screen, a label says how
many wait, the first refusal explains once, and the queue (:mod:`ethics_tool.gui.unsaved`) saves
them as soon as it can. :class:`SaveFaultsMixin` is part of
:class:`~ethics_tool.gui.pages.questionnaire.page.QuestionnairePage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ethics_tool.errors import UserError
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.gui.state.questionnaire import QuestionnaireSession
    from ethics_tool.gui.unsaved import RetryQueue
    from ethics_tool.gui.widgets.question_card import QuestionCard
    from ethics_tool.services import Services

    _Base = QWidget
else:
    _Base = object


class SaveFaultsMixin(_Base):
    """The "not saved yet" state of the questionnaire page (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by QuestionnairePage
        card: QuestionCard
        dialogs: Dialogs
        saved: SignalInstance
        services: Services
        session: QuestionnaireSession | None

        def _show_session(self, session: QuestionnaireSession) -> None: ...

    def _make_unsaved(self) -> None:
        from ethics_tool.gui.unsaved import RetryQueue

        # Before each retry the database is asked off the GUI thread whether a write would go
        # through: a cut network must not freeze the window at every retry.
        self.unsaved: RetryQueue = RetryQueue(self, probe=self.services.db.ping)
        self.unsaved.changed.connect(self._unsaved_changed)
        self.unsaved.saved.connect(self._unsaved_saved)
        self.unsaved.refused.connect(self._unsaved_refused)
        self._fault_shown = False
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0b000;"
            " border-radius: 4px; padding: 4px 8px; font-weight: bold; }"
        )
        self.unsaved_label.hide()

    def _storage_fault(self, exc: UserError) -> None:
        """Say once per fault that changes wait on screen; the queue retries them."""
        self._unsaved_changed(len(self.unsaved))
        self.unsaved_label.setToolTip(exc.first_line)
        self.saved.emit(t("Not saved yet"))
        if not self._fault_shown:
            self._fault_shown = True
            self.dialogs.error(
                t("The change is not saved yet"),
                exc.first_line
                + "\n\n"
                + t(
                    "What you chose stays on screen, marked “not saved”, and is saved "
                    "automatically as soon as the problem is gone."
                ),
            )

    def _unsaved_changed(self, count: int) -> None:
        if count:
            self.unsaved_label.setText(t("Not saved yet ({count}). Retrying…", count=count))
            self.unsaved_label.show()
        else:
            self.unsaved_label.hide()

    def _unsaved_refused(self, message: str) -> None:
        """A change that waited was refused when it could finally be tried: say so, show the truth."""
        self.dialogs.error(t("A change that waited to be saved was not saved"), message)
        self.reload_keeping_place()

    def _unsaved_saved(self) -> None:
        self._fault_shown = False
        self.unsaved_label.hide()
        self.saved.emit(t("Saved"))

    def save_pending(self) -> bool:
        """Try the waiting changes once more now; True when nothing waits (before closing)."""
        self.card.flush_comment()
        return not self.unsaved or self.unsaved.retry()

    def reload_keeping_place(self) -> None:
        """Show what the database holds now, at the same respondent and question."""
        session = self.session
        if session is None:
            return
        from ethics_tool.gui.state.questionnaire import QuestionnaireSession

        fresh = QuestionnaireSession.start(self.services.load(session.data.info.id, editing=True))
        respondent = session.respondent_id
        if respondent is not None and any(p.id == respondent for p in fresh.data.respondents):
            fresh.choose_respondent(respondent)
        fresh.go_to(session.position)
        self._show_session(fresh)
