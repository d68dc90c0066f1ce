"""The row under the question card: previous, clear, next unanswered, next, and the keys' hint."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ethics_tool.i18n import t


class QuestionButtons(QWidget):
    """The buttons (the page connects them) with ``unsaved`` (the "not saved yet" label) among them."""

    def __init__(self, unsaved: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previousButton")
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_unanswered_button = QPushButton()
        self.next_unanswered_button.setObjectName("nextUnansweredButton")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearAnswerButton")
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("keysHint")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: palette(placeholder-text);")
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.clear_button)
        nav.addWidget(unsaved)
        nav.addStretch(1)
        nav.addWidget(self.next_unanswered_button)
        nav.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(nav)
        column.addWidget(self.keys_hint)

    def retranslate(self) -> None:
        self.previous_button.setText(t("◀ Previous"))
        self.previous_button.setToolTip(t("Previous question (Left arrow, Page Up)"))
        self.next_button.setText(t("Next ▶"))
        self.next_button.setToolTip(t("Next question (Right arrow, Page Down)"))
        self.next_unanswered_button.setText(t("Next unanswered"))
        self.next_unanswered_button.setToolTip(
            t("Go to the next question without an answer (Ctrl+U)")
        )
        self.clear_button.setText(t("Clear answer"))
        self.clear_button.setToolTip(t("Remove the answer to this question"))
        self.keys_hint.setText(
            t(
                "Keys: 0–4 (or 1–5) choose a level · N not applicable · D don't know · "
                "← → previous and next · Ctrl+U next unanswered · Esc leaves the comment. "
                "Answers are saved at once."
            )
        )
