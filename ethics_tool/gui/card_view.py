"""The full-screen card for the projector: situation, then the options, a show of hands, discussion.

The mentor moves forward one step at a time (→, Space or the Next button): 1. the situation and who
is involved; 2. the options are revealed, each with a count of hands the mentor types in; 3. the
four discussion questions with a timer and a notes field. Save stores the counts, the discussion
time and the notes as a dilemma session, attached to the chosen assessment if any. The timer is
:mod:`ethics_tool.gui.widgets.discussion_timer`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.dilemmas import Dilemma, discussion_questions
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.widgets.discussion_timer import DiscussionTimer, clock_text
from ethics_tool.i18n import current_language, format_date, t
from ethics_tool.seminar import SeminarError, SessionRecord

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import AssessmentSummary
    from ethics_tool.seminar import SeminarService

OPTION_LETTERS = "ABCD"
STEPS = 3  # situation, options with the tally, discussion


class CardView(QDialog):
    """One dilemma on the whole screen, revealed step by step; saves a dilemma session."""

    saved = Signal(int)  # the session's ID

    def __init__(
        self,
        card: Dilemma,
        number: int,
        seminar: SeminarService,
        assessments: list[AssessmentSummary],
        assessment_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cardView")
        self.card = card
        self.number = number
        self.seminar = seminar
        self.step = 0
        self.session_id: int | None = None
        lang = current_language()

        self.header = QLabel()
        self.header.setObjectName("cardHeader")
        self.header.setWordWrap(True)
        self.title = ScaledLabel(2.0, bold=True)
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.roles = ScaledLabel(1.1)
        self.roles.setObjectName("cardRoles")
        self.roles.setWordWrap(True)
        self.situation = ScaledLabel(1.5)
        self.situation.setObjectName("cardSituation")
        self.situation.setWordWrap(True)

        self.options_box = QFrame()
        self.options_box.setObjectName("cardOptions")
        grid = QGridLayout(self.options_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.option_labels: list[QLabel] = []
        self.tallies: list[QSpinBox] = []
        self.bars: list[QProgressBar] = []
        for i, option in enumerate(card.options):
            letter = ScaledLabel(1.5, bold=True)
            letter.setText(OPTION_LETTERS[i])
            text = ScaledLabel(1.3)
            text.setWordWrap(True)
            text.setText(option.get(lang))
            text.setObjectName(f"cardOption{OPTION_LETTERS[i]}")
            count = QSpinBox()
            count.setObjectName(f"tally{OPTION_LETTERS[i]}")
            count.setRange(0, 999)
            count.setAccessibleName(t("Hands for option {letter}", letter=OPTION_LETTERS[i]))
            count.valueChanged.connect(self._update_bars)
            bar = QProgressBar()
            bar.setObjectName(f"tallyBar{OPTION_LETTERS[i]}")
            bar.setRange(0, 100)
            bar.setMaximumWidth(220)
            grid.addWidget(letter, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1)
            grid.addWidget(count, i, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(bar, i, 3, Qt.AlignmentFlag.AlignTop)
            self.option_labels.append(text)
            self.tallies.append(count)
            self.bars.append(bar)
        self.tally_hint = QLabel()
        self.tally_hint.setWordWrap(True)

        self.discussion_box = QFrame()
        self.discussion_box.setObjectName("cardDiscussion")
        self.questions = ScaledLabel(1.3)
        self.questions.setObjectName("cardQuestions")
        self.questions.setWordWrap(True)
        self.timer = DiscussionTimer()
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("cardNotes")
        self.notes.setMinimumHeight(90)
        self.notes_label = QLabel()
        self.notes_label.setBuddy(self.notes)
        # questions left, timer and notes right: the whole step fits a 1280×720 projector
        discussion = QHBoxLayout(self.discussion_box)
        discussion.setContentsMargins(0, 0, 0, 0)
        discussion.addWidget(self.questions, 1, Qt.AlignmentFlag.AlignTop)
        notes_column = QVBoxLayout()
        notes_column.addWidget(self.timer)
        notes_column.addWidget(self.notes_label)
        notes_column.addWidget(self.notes, 1)
        discussion.addLayout(notes_column, 1)

        body = QWidget()
        body.setObjectName("cardBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(32, 16, 32, 16)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.roles)
        body_layout.addSpacing(12)
        body_layout.addWidget(self.situation)
        body_layout.addSpacing(12)
        body_layout.addWidget(self.options_box)
        body_layout.addWidget(self.tally_hint)
        body_layout.addSpacing(12)
        body_layout.addWidget(self.discussion_box)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)

        self.assessment = QComboBox()
        self.assessment.setObjectName("cardAssessment")
        self.assessment_label = QLabel()
        self.assessment_label.setBuddy(self.assessment)
        self.assessment.addItem("", None)
        for row in assessments:
            info = row.info
            self.assessment.addItem(
                f"{info.municipality} · {info.unit_label} · {format_date(info.assessed_on)}",
                info.id,
            )
        # As wide as the longest name where there is room (the date at its end shows); on a small
        # screen shortened, never widening the window past the screen.
        self.assessment.setMaximumWidth(self.assessment.sizeHint().width())
        self.assessment.setMinimumContentsLength(14)
        self.assessment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.assessment.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if assessment_id is not None:
            self.assessment.setCurrentIndex(max(0, self.assessment.findData(assessment_id)))
        self.back_button = QPushButton()
        self.back_button.setObjectName("cardBack")
        self.back_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton()
        self.next_button.setObjectName("cardNext")
        self.next_button.clicked.connect(self.next_step)
        self.save_button = QPushButton()
        self.save_button.setObjectName("cardSave")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton()
        self.close_button.setObjectName("cardClose")
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel()
        self.message.setObjectName("cardMessage")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(32, 8, 32, 12)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.message)
        buttons.addStretch(1)
        buttons.addWidget(self.assessment_label)
        buttons.addWidget(self.assessment, 100)  # the room goes to the list first, up to its width
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

        for keys, slot in (
            (Qt.Key.Key_Right, self.next_step),
            (Qt.Key.Key_PageDown, self.next_step),
            (Qt.Key.Key_Left, self.previous_step),
            (Qt.Key.Key_PageUp, self.previous_step),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self.retranslate()
        self.set_step(0)

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = current_language()
        card = self.card
        self.setWindowTitle(
            t("Dilemma {number}", number=self.number) + " – " + card.title.get(lang)
        )
        self.header.setText(
            t("Dilemma {number}", number=self.number) + " · " + ", ".join(card.themes)
        )
        self.title.setText(card.title.get(lang))
        self.roles.setText(t("Involved") + ": " + "; ".join(role.get(lang) for role in card.roles))
        self.situation.setText(card.situation.get(lang))
        for label, option in zip(self.option_labels, card.options, strict=False):
            label.setText(option.get(lang))
        self.tally_hint.setText(
            t("Ask for a show of hands for each option and type the counts in.")
        )
        questions = discussion_questions(lang)
        self.questions.setText("\n".join(f"{i}. {q}" for i, q in enumerate(questions, start=1)))
        self.notes_label.setText(t("&Notes from the discussion:"))
        self.assessment_label.setText(t("&Attach to:"))
        self.assessment.setItemText(0, t("(no assessment)"))
        self.back_button.setText(t("Back"))
        self.save_button.setText(t("Save session"))
        self.close_button.setText(t("Close"))
        self.timer.retranslate()
        self._update_buttons()

    def _update_buttons(self) -> None:
        texts = (t("Show the options"), t("Start the discussion"), t("Discussion"))
        self.next_button.setText(texts[self.step] + " →" if self.step < STEPS - 1 else texts[-1])
        self.next_button.setEnabled(self.step < STEPS - 1)
        self.back_button.setEnabled(self.step > 0)

    # -- steps ----------------------------------------------------------------------------------
    def set_step(self, step: int) -> None:
        self.step = max(0, min(STEPS - 1, step))
        self.options_box.setVisible(self.step >= 1)
        self.tally_hint.setVisible(self.step == 1)
        self.discussion_box.setVisible(self.step >= 2)
        # the situation stays, a step smaller, once the options are shown
        self.situation.factor = 1.5 if self.step == 0 else 1.15
        self.situation.rescale()
        for spin in self.tallies:
            spin.setVisible(self.step >= 1)
        if self.step == 2 and not self.timer.running and self.timer.elapsed() == 0:
            self.timer.start()
        self._update_buttons()
        if self.step == 1 and self.tallies:
            self.tallies[0].setFocus()
            self.tallies[0].selectAll()

    def next_step(self) -> None:
        if self.step < STEPS - 1:
            self.set_step(self.step + 1)

    def previous_step(self) -> None:
        if self.step > 0:
            self.set_step(self.step - 1)

    def _update_bars(self) -> None:
        total = sum(spin.value() for spin in self.tallies)
        for spin, bar in zip(self.tallies, self.bars, strict=True):
            share = round(100 * spin.value() / total) if total else 0
            bar.setValue(share)
            bar.setFormat(f"{share} %")

    # -- saving ---------------------------------------------------------------------------------
    def record(self) -> SessionRecord:
        data = self.assessment.currentData()
        return SessionRecord(
            id=self.session_id,
            dilemma_id=self.card.id,
            dilemma_title=self.card.title.get("lv"),
            tallies=tuple(spin.value() for spin in self.tallies),
            notes=self.notes.toPlainText().strip(),
            discussion_seconds=self.timer.elapsed(),
            assessment_id=int(data) if data is not None else None,
        )

    def save(self) -> bool:
        try:
            self.session_id = self.seminar.save(self.record())
        except SeminarError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(t("Session saved"))
        self.saved.emit(self.session_id)
        return True


__all__ = ["CardView", "DiscussionTimer", "clock_text"]  # the timer and its clock re-exported
