"""The questionnaire's header: which assessment, who is answering, how far they are, and Results."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.assessment import RespondentInfo, Status, round_text
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.dialogs.respondents import respondent_name
from ethics_tool.gui.item_models import unit_text
from ethics_tool.gui.round_flow import toggle_texts
from ethics_tool.gui.state.questionnaire import QuestionnaireSession
from ethics_tool.gui.widgets.flow import HeaderBar
from ethics_tool.i18n import current_language, status_label, t


class QuestionnaireHeader(QWidget):
    """Shows a session's title, respondent switcher and progress; emits what the user picks."""

    respondent_chosen = Signal(int)  # a respondent id
    manage_requested = Signal()
    results_requested = Signal()
    finish_requested = Signal()  # "Finish…" (gui/round_flow.py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("questionnaireTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("questionnaireSubtitle")
        self.subtitle.setWordWrap(True)
        self.respondent_label = QLabel()
        self.respondents = QComboBox()
        self.respondents.setObjectName("respondentSwitcher")
        self.respondents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.respondents.currentIndexChanged.connect(self._respondent_changed)
        self.respondent_label.setBuddy(self.respondents)
        self.manage_button = QPushButton()
        self.manage_button.setObjectName("manageRespondentsButton")
        self.manage_button.clicked.connect(self.manage_requested)
        self.progress = QProgressBar()
        self.progress.setObjectName("questionnaireProgress")
        self.progress.setMinimumWidth(160)
        self.results_button = QPushButton()
        self.results_button.setObjectName("showResultsButton")
        self.results_button.clicked.connect(self.results_requested)
        self.finish_button = QPushButton()
        self.finish_button.setObjectName("finishAssessmentButton")
        self.finish_button.clicked.connect(self.finish_requested)
        self._status = Status.IN_PROGRESS

        titles = QWidget()
        titles_layout = QVBoxLayout(titles)
        titles_layout.setContentsMargins(0, 0, 0, 0)
        titles_layout.addWidget(self.title)
        titles_layout.addWidget(self.subtitle)
        respondent = QWidget()
        respondent_layout = QHBoxLayout(respondent)
        respondent_layout.setContentsMargins(0, 0, 0, 0)
        respondent_layout.addWidget(self.respondent_label)
        respondent_layout.addWidget(self.respondents)
        # the buttons go under the title when large text makes the row wider than the screen
        self.bar = HeaderBar(
            titles,
            [
                respondent,
                self.manage_button,
                self.progress,
                self.results_button,
                self.finish_button,
            ],
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)

    def retranslate(self) -> None:
        self.respondent_label.setText(t("&Respondent:"))
        self.respondents.setAccessibleName(t("Respondent"))
        self.manage_button.setText(t("Respondents…"))
        self.progress.setAccessibleName(t("Answered questions"))
        self.results_button.setText(t("Results"))
        self.results_button.setToolTip(t("Show the results of this assessment"))
        self.set_status(self._status)

    def set_status(self, status: Status) -> None:
        """A finished assessment: "Respondents…" off (the bar above the question reopens it)."""
        self._status = status
        finished = status is Status.COMPLETED
        text, tip = toggle_texts(status)
        self.finish_button.setText(text)
        self.finish_button.setToolTip(tip)
        self.finish_button.setVisible(not finished)
        self.manage_button.setEnabled(not finished)
        self.manage_button.setToolTip(
            t("The assessment is finished: reopen it to change the respondents")
            if finished
            else t("Add, rename or remove the people who answer")
        )

    def show_session(self, session: QuestionnaireSession) -> None:
        """The title, and the respondents with the current one chosen (without emitting)."""
        info = session.data.info
        lang = current_language()
        self.title.setText(f"{info.municipality} — {unit_text(info.unit_type, info.unit_name)}")
        form_title = session.data.form.title.get(lang)
        parts = [form_title, round_text(info)]
        if info.status is Status.COMPLETED:  # read-only: the bar above the question reopens it
            parts.append(status_label(info.status))
        self.subtitle.setText(" · ".join(parts))
        self.respondents.blockSignals(True)
        self.respondents.clear()
        for person in session.respondents:
            self.respondents.addItem(self._respondent_text(session, person), person.id)
        index = self.respondents.findData(session.respondent_id)
        self.respondents.setCurrentIndex(max(index, 0))
        self.respondents.blockSignals(False)
        several = len(session.respondents) > 1
        self.respondents.setVisible(several)
        self.respondent_label.setVisible(several)

    def show_progress(self, session: QuestionnaireSession) -> None:
        """How many questions the current respondent has answered, and everyone's count."""
        answered, total = session.answered(), session.total
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(answered)
        self.progress.setFormat(t("{answered} of {total} answered", answered=answered, total=total))
        # Wide enough for its text in any language (the bar draws it inside, clipped).
        text_width = self.progress.fontMetrics().horizontalAdvance(self.progress.text())
        self.progress.setMinimumWidth(max(160, text_width + 16))
        for row, person in enumerate(session.respondents):
            if row < self.respondents.count():
                self.respondents.setItemText(row, self._respondent_text(session, person))

    @staticmethod
    def _respondent_text(session: QuestionnaireSession, person: RespondentInfo) -> str:
        return t(
            "{name} — {answered}/{total}",
            name=respondent_name(person),
            answered=session.answered(person.id),
            total=session.total,
        )

    def _respondent_changed(self, index: int) -> None:
        value = self.respondents.itemData(index)
        if value is not None:
            self.respondent_chosen.emit(int(value))
