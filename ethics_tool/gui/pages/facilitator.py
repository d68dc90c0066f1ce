"""Facilitator mode: the seminar plan on screen, one step at a time, with a clock.

The plan follows the seminar the mentors run: an introduction, the quick check answered together
in consensus mode, the results, two dilemmas and the action plan. Each step has its planned length,
a short script for the mentor and one button that opens what the step needs. The clock shows the
time of day, the time spent in the step and whether the seminar is ahead of or behind the plan.
Demo data for a rehearsal is created and removed from here in one click.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.widgets.discussion_timer import clock_text
from ethics_tool.i18n import t


@dataclass(frozen=True)
class Step:
    key: str
    minutes: int
    action: str  # what the step's button opens ("" for none)


PLAN = (
    Step("introduction", 10, ""),
    Step("quick_check", 40, "new_consensus"),
    Step("results", 15, "results"),
    Step("dilemma_1", 20, "dilemmas"),
    Step("dilemma_2", 20, "dilemmas"),
    Step("action_plan", 20, "action_plan"),
)


def step_texts(key: str) -> tuple[str, str, str]:
    """(title, what the mentor does, the button's label) of a step, in the current language."""
    texts = {
        "introduction": (
            t("Introduction"),
            t(
                "Welcome the group and say why you are here: not an exam, but a look at how the "
                "municipality handles integrity in practice. Agree on the rules: what is said "
                'stays in the room, every view counts, and "I don\'t know" is a good answer. '
                "Explain the twelve themes and the 0–4 scale in two minutes."
            ),
            "",
        ),
        "quick_check": (
            t("Quick check, answered together"),
            t(
                "Answer the quick check as one group (consensus mode): read each question aloud, "
                "let people say what they see in practice, agree on one level. When opinions "
                "differ, write the reasons as a comment instead of averaging them away."
            ),
            t("Start a quick check in consensus mode…"),
        ),
        "results": (
            t("Results"),
            t(
                "Show the overall score, the band and the radar. Ask: what surprises you? Which "
                'themes are weakest, and do we agree with that picture? Point out "don\'t know" '
                "answers: they show where knowledge is missing."
            ),
            t("Open the results"),
        ),
        "dilemma_1": (
            t("First dilemma"),
            t(
                "Pick a card for one of the weakest themes. Show the situation, give a minute to "
                "think, reveal the options and count a show of hands. Then discuss the four "
                "questions on the card; the facilitator's note has the rules."
            ),
            t("Dilemmas for the weakest themes"),
        ),
        "dilemma_2": (
            t("Second dilemma"),
            t(
                "A second card, ideally for the other group: if the first was for councillors, "
                "take one for staff. Compare how the two groups see the same rules."
            ),
            t("Dilemmas for the weakest themes"),
        ),
        "action_plan": (
            t("Action plan"),
            t(
                "Agree on three to five actions from the priorities and the discussion: what "
                "exactly, who is responsible, by when. Write them into the action plan now, "
                "with the group watching, and set the date of the next round."
            ),
            t("Open the action plan"),
        ),
    }
    return texts[key]


class FacilitatorPage(QWidget):
    """The plan, the current step's script and button, next/previous, the clock, demo data."""

    action_requested = Signal(str)  # a Step.action
    demo_requested = Signal()
    remove_demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facilitatorPage")
        self.current = 0
        self.started_at: datetime | None = None
        self._step_clock = QElapsedTimer()
        self._step_clock.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clock)

        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("facilitatorTitle")
        self.title.setWordWrap(True)
        self.clock = ScaledLabel(2.4, bold=True)
        self.clock.setObjectName("facilitatorClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.pace = QLabel()
        self.pace.setObjectName("facilitatorPace")
        self.pace.setWordWrap(True)
        self.pace.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.start_button = QPushButton()
        self.start_button.setObjectName("facilitatorStart")
        self.start_button.clicked.connect(self.start_seminar)

        self.agenda = QListWidget()
        self.agenda.setObjectName("facilitatorAgenda")
        self.agenda.setWordWrap(True)
        self.agenda.currentRowChanged.connect(self._row_changed)
        self.total = QLabel()
        self.total.setObjectName("facilitatorTotal")

        self.step_title = ScaledLabel(1.6, bold=True)
        self.step_title.setObjectName("stepTitle")
        self.step_title.setWordWrap(True)
        self.step_time = QLabel()
        self.step_time.setObjectName("stepTime")
        self.step_text = ScaledLabel(1.15)
        self.step_text.setObjectName("stepText")
        self.step_text.setWordWrap(True)
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.step_button = QPushButton()
        self.step_button.setObjectName("stepAction")
        self.step_button.clicked.connect(self._step_action)
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("stepPrevious")
        self.previous_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton()
        self.next_button.setObjectName("stepNext")
        self.next_button.clicked.connect(self.next_step)
        self.demo_label = QLabel()
        self.demo_label.setWordWrap(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("facilitatorDemo")
        self.demo_button.clicked.connect(self.demo_requested)
        self.remove_demo_button = QPushButton()
        self.remove_demo_button.setObjectName("facilitatorRemoveDemo")
        self.remove_demo_button.clicked.connect(self.remove_demo_requested)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        clock_box = QVBoxLayout()
        clock_box.addWidget(self.clock)
        clock_box.addWidget(self.pace)
        header.addLayout(clock_box)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.agenda, 1)
        left_layout.addWidget(self.total)
        left_layout.addWidget(self.start_button)
        demo = QFrame()
        demo.setObjectName("facilitatorDemoBox")
        demo.setFrameShape(QFrame.Shape.StyledPanel)
        demo_layout = QVBoxLayout(demo)
        demo_layout.addWidget(self.demo_label)
        # one under the other: the agenda column stays narrow even with large text
        demo_layout.addWidget(self.demo_button)
        demo_layout.addWidget(self.remove_demo_button)
        left_layout.addWidget(demo)

        step = QWidget()
        step_layout = QVBoxLayout(step)
        step_layout.setContentsMargins(8, 0, 0, 0)
        step_layout.addWidget(self.step_title)
        step_layout.addWidget(self.step_time)
        step_layout.addWidget(self.step_text)
        action_row = QHBoxLayout()
        action_row.addWidget(self.step_button)
        action_row.addStretch(1)
        step_layout.addLayout(action_row)
        step_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(step)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        right_layout.addLayout(nav)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("facilitatorSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 640])  # the step's script gets the room

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self._tick.start()

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(t("Seminar plan"))
        self.start_button.setText(
            t("Restart the seminar clock") if self.started_at else t("Start the seminar")
        )
        self.previous_button.setText("← " + t("Previous step"))
        self.next_button.setText(t("Next step") + " →")
        self.demo_label.setText(
            t(
                "To rehearse, create the demo municipality: two rounds of a council assessment "
                "and an administration assessment, with comments and dilemma sessions."
            )
        )
        self.demo_button.setText(t("Create demo data"))
        self.remove_demo_button.setText(t("Remove demo data"))
        self._fill_agenda()
        self._show_step()

    def _fill_agenda(self) -> None:
        self.agenda.blockSignals(True)
        self.agenda.clear()
        start = self.started_at
        offset = 0
        for i, step in enumerate(PLAN):
            title = step_texts(step.key)[0]
            when = ""
            if start is not None:
                when = (start + timedelta(minutes=offset)).strftime("%H:%M") + "  "
            length = t("{minutes} min", minutes=step.minutes)
            item = QListWidgetItem(f"{when}{i + 1}. {title} · {length}")
            self.agenda.addItem(item)
            offset += step.minutes
        self.agenda.setCurrentRow(self.current)
        self.agenda.blockSignals(False)
        total = sum(step.minutes for step in PLAN)
        hours, minutes = divmod(total, 60)
        self.total.setText(t("In total {hours} h {minutes} min", hours=hours, minutes=minutes))

    # -- steps --------------------------------------------------------------------------------
    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PLAN) and row != self.current:
            self.go_to(row)

    def go_to(self, index: int) -> None:
        self.current = max(0, min(len(PLAN) - 1, index))
        self._step_clock.restart()
        self.agenda.blockSignals(True)
        self.agenda.setCurrentRow(self.current)
        self.agenda.blockSignals(False)
        self._show_step()

    def next_step(self) -> None:
        self.go_to(self.current + 1)

    def previous_step(self) -> None:
        self.go_to(self.current - 1)

    def _show_step(self) -> None:
        step = PLAN[self.current]
        title, text, button = step_texts(step.key)
        self.step_title.setText(f"{self.current + 1}. {title}")
        self.step_text.setText(text)
        self.step_button.setText(button)
        self.step_button.setVisible(bool(button))
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(PLAN) - 1)
        self._update_clock()

    def _step_action(self) -> None:
        action = PLAN[self.current].action
        if action:
            self.action_requested.emit(action)

    # -- the clock ----------------------------------------------------------------------------
    def start_seminar(self) -> None:
        self.started_at = datetime.now().replace(second=0, microsecond=0)
        self.go_to(0)
        self.retranslate()

    def planned_minutes_before(self, index: int) -> int:
        return sum(step.minutes for step in PLAN[:index])

    def _update_clock(self) -> None:
        now = datetime.now()
        self.clock.setText(now.strftime("%H:%M"))
        step = PLAN[self.current]
        spent = int(self._step_clock.elapsed() // 1000)
        self.step_time.setText(
            t(
                "In this step {spent} of {planned} min",
                spent=clock_text(spent),
                planned=step.minutes,
            )
        )
        if self.started_at is None:
            self.pace.setText(t("The seminar clock starts with “Start the seminar”."))
            return
        planned = self.started_at + timedelta(minutes=self.planned_minutes_before(self.current))
        late = int((now - planned).total_seconds() // 60) - spent // 60
        if late > 1:
            self.pace.setText(t("{minutes} min behind the plan", minutes=late))
        elif late < -1:
            self.pace.setText(t("{minutes} min ahead of the plan", minutes=-late))
        else:
            self.pace.setText(t("On time"))
