"""The comment box of the question card: a text field saved in typing pauses, with a length count.

:class:`CommentBox` owns the label, the text field and the count shown near the length limit; the
question card places them in its layout and forwards :attr:`CommentBox.edited`. A pause in typing,
leaving the field and Esc send the text (Esc also gives the keys back to the answers).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from ethics_tool.domain.questionnaire import MAX_COMMENT_CHARS
from ethics_tool.i18n import t

COMMENT_WARN_CHARS = MAX_COMMENT_CHARS * 9 // 10
COMMENT_DELAY_MS = 800


def _thousands(value: int) -> str:
    """20000 -> "20 000" (a narrow space groups thousands in Latvian and reads well in English)."""
    return f"{value:,}".replace(",", "\u202f")


class CommentBox(QObject):
    """The comment's label, field and count; ``edited`` is debounced and flushed on leaving."""

    edited = Signal(str)

    def __init__(self, on_escape: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_escape = on_escape
        self.loading = False
        self.label = QLabel()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("commentField")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(90)
        self.label.setBuddy(self.edit)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMMENT_DELAY_MS)
        self.timer.timeout.connect(self._pause)
        self.edit.textChanged.connect(self._changed)
        self.edit.installEventFilter(self)
        self._sent = ""
        # Shown only near the limit that saving (and every import) applies to a comment.
        self.count = QLabel()
        self.count.setObjectName("commentCount")
        self.count.setWordWrap(True)
        self.count.hide()
        self.edit.textChanged.connect(self._show_length)

    def retranslate(self) -> None:
        self.label.setText(t("&Comment or evidence (optional):"))
        self.edit.setPlaceholderText(
            t("For example: the document, the decision or the example that supports the answer")
        )
        self.edit.setAccessibleName(t("Comment"))
        self._show_length()

    def _changed(self) -> None:
        if not self.loading:
            self.timer.start()

    def _pause(self) -> None:
        """A pause in typing saves the comment, unless it is over the limit: the red count says
        so while typing (leaving the question still tries, and a refusal is shown then)."""
        if len(self.edit.toPlainText()) <= MAX_COMMENT_CHARS:
            self.flush()

    def _show_length(self) -> None:
        length = len(self.edit.toPlainText())
        near = length >= COMMENT_WARN_CHARS
        self.count.setVisible(near)
        if not near:
            return
        figures = {"length": _thousands(length), "limit": _thousands(MAX_COMMENT_CHARS)}
        if length > MAX_COMMENT_CHARS:
            self.count.setText(
                t(
                    "{length} of {limit} characters: too long, shorten the comment to save it",
                    **figures,
                )
            )
            self.count.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.count.setText(t("{length} of {limit} characters", **figures))
            self.count.setStyleSheet("color: palette(placeholder-text);")

    def set_text(self, text: str) -> None:
        """Show ``text`` without sending it (it is saved by the caller, or it was already)."""
        was_loading = self.loading
        self.loading = True
        self.timer.stop()
        self.edit.setPlainText(text)
        self._sent = text
        self.loading = was_loading

    def flush(self) -> None:
        """Send the comment now if it changed since it was last sent."""
        self.timer.stop()
        text = self.edit.toPlainText()
        if text != self._sent and not self.loading:
            self._sent = text
            self.edited.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit:
            # Leaving the comment box saves it at once (the timer covers typing pauses).
            if event.type() == QEvent.Type.FocusOut:
                self.flush()
            elif (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                self.flush()
                self._on_escape()
                return True
        return super().eventFilter(watched, event)
