"""The discussion timer of the projector card: a stopwatch with a planned length."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.i18n import t

DEFAULT_MINUTES = 15


def clock_text(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


class DiscussionTimer(QWidget):
    """A stopwatch with a planned length: counts up, shows the time left, start/pause/reset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.planned = DEFAULT_MINUTES * 60
        self._before = 0  # seconds from earlier runs
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update)
        self.display = ScaledLabel(2.2, bold=True)
        self.display.setObjectName("timerDisplay")
        self.remaining = QLabel()
        self.remaining.setObjectName("timerRemaining")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(1, 120)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.valueChanged.connect(self._set_planned)
        self.minutes_label = QLabel()
        self.minutes_label.setBuddy(self.minutes)
        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("timerReset")
        self.reset_button.clicked.connect(self.reset)
        top = QHBoxLayout()
        top.addWidget(self.display)
        top.addWidget(self.remaining, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.minutes_label)
        controls.addWidget(self.minutes)
        controls.addStretch(1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.reset_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(controls)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.minutes_label.setText(t("&Planned minutes:"))
        self.reset_button.setText(t("Reset"))
        self.start_button.setText(t("Pause") if self.running else t("Start timer"))
        self._update()

    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def elapsed(self) -> int:
        now = self._clock.elapsed() // 1000 if self.running else 0
        return self._before + int(now)

    def toggle(self) -> None:
        if self.running:
            self._before = self.elapsed()
            self._tick.stop()
        else:
            self._clock.start()
            self._tick.start()
        self.retranslate()

    def start(self) -> None:
        if not self.running:
            self.toggle()

    def reset(self) -> None:
        self._tick.stop()
        self._before = 0
        self.retranslate()

    def _set_planned(self, minutes: int) -> None:
        self.planned = minutes * 60
        self._update()

    def _update(self) -> None:
        elapsed = self.elapsed()
        self.display.setText(clock_text(elapsed))
        left = self.planned - elapsed
        if left >= 0:
            self.remaining.setText(t("{time} left", time=clock_text(left)))
        else:
            self.remaining.setText(t("{time} over time", time=clock_text(-left)))
