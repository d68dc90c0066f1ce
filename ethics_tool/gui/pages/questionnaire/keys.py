"""The questionnaire page's keys: digits choose a level, N and D the special answers, arrows move.

Letters and digits answer only while no text field has the focus; a key that is no answer to the
question in front, or any answer key on a finished assessment, says why in the status bar.
:class:`AnswerKeysMixin` is part of
:class:`~ethics_tool.gui.pages.questionnaire.page.QuestionnairePage`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ethics_tool.domain.questionnaire import ItemType
from ethics_tool.i18n import t

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from ethics_tool.domain.questionnaire import Question
    from ethics_tool.gui.state.questionnaire import QuestionnaireSession
    from ethics_tool.gui.widgets.question_card import QuestionCard

    _Base = QWidget
else:
    _Base = object


class AnswerKeysMixin(_Base):
    """Keyboard shortcuts of the questionnaire page (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by QuestionnairePage
        card: QuestionCard
        session: QuestionnaireSession | None
        saved: SignalInstance

        def current_question(self) -> Question | None: ...
        def choose_level(self, value: int) -> None: ...
        def choose_na(self) -> None: ...
        def choose_unknown(self) -> None: ...
        def next_question(self) -> None: ...
        def previous_question(self) -> None: ...
        def next_unanswered(self) -> None: ...
        def go_to(self, position: int) -> None: ...
        def refuse_key(self) -> bool: ...

    def _make_shortcuts(self) -> None:
        def shortcut(key: str, slot: object) -> QShortcut:
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
            return sc

        for digit in range(10):
            shortcut(str(digit), lambda d=digit: self._digit(d))
        shortcut("N", self._key_na)
        shortcut("D", self._key_unknown)
        shortcut("Right", self.next_question)
        shortcut("PgDown", self.next_question)
        shortcut("Left", self.previous_question)
        shortcut("PgUp", self.previous_question)
        shortcut("Ctrl+U", self.next_unanswered)
        shortcut("Home", lambda: self.go_to(0))
        shortcut("End", lambda: self.go_to(self.session.total - 1 if self.session else 0))

    def _typing(self) -> bool:
        """True while a text field has the focus: then letters and digits are text, not answers."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit | QAbstractSpinBox):
            return not getattr(focus, "isReadOnly", lambda: False)()
        if isinstance(focus, QPlainTextEdit | QTextEdit):
            return not focus.isReadOnly()
        return False

    def _digit(self, value: int) -> None:
        if self._typing() or self.current_question() is None or self.refuse_key():
            return
        if self.card.has_level(value):
            self.choose_level(value)
            return
        levels = sorted(self.card.level_buttons)
        question = self.current_question()
        if question is not None and question.type is ItemType.PERCEPTION:
            why = t(
                "{key} is not an answer to a statement: choose how far you agree, "
                "{low} (disagree) to {high} (agree).",
                key=value,
                low=levels[0],
                high=levels[-1],
            )
        else:
            why = t(
                "{key} is not a level of this question: choose {low}–{high}.",
                key=value,
                low=levels[0],
                high=levels[-1],
            )
        self.saved.emit(why)

    def _key_na(self) -> None:
        question = self.current_question()
        if self._typing() or question is None or self.refuse_key():
            return
        if self.card.na_button.isVisible():
            self.choose_na()
        elif question.legal is not None:
            self.saved.emit(
                t(
                    "“Not applicable” is not an answer here: a legal requirement applies "
                    "to every unit."
                )
            )
        else:
            self.saved.emit(t("“Not applicable” is not offered for this question."))

    def _key_unknown(self) -> None:
        if self._typing() or self.current_question() is None or self.refuse_key():
            return
        if self.card.unknown_button.isVisible():
            self.choose_unknown()
        else:
            self.saved.emit(t("“Don't know” is not offered for this question."))
