"""A date field that takes a date typed the Latvian way in one go (``31.03.2027``) or picked.

Qt's ``QDateEdit`` edits a date section by section: typing ``31.03.2027`` into it at once gave
31.12.2026, and typing part by part could leave a past date without a word. This field is a line
edit read by :func:`ethics_tool.domain.dates.parse_date` (day first; dots, slashes, dashes or
spaces; a two-digit year; ISO), with a calendar behind the button at its end. A text that is not
a date tints the field red and says why; a date in the past (when ``warn_past`` is set) tints it
amber and says so. Neither blocks: the owner decides what to do with :meth:`message`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPen, QPixmap, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.dates import DateTextError, parse_date, past_deadline_warning
from ethics_tool.i18n import current_language, t

INVALID_TINT = QColor("#fde2e1")
PAST_TINT = QColor("#fff1cc")
_ALLOWED = set("0123456789./- ")


def calendar_icon() -> QIcon:
    """A small calendar sheet drawn in the text colour (no icon theme is needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#444444"), 1))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(1, 2, 14, 3), QColor("#444444"))
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(3 + column * 4, 7 + row * 3, 2, 2), QColor("#444444"))
    painter.end()
    return QIcon(pixmap)


class _DateValidator(QValidator):
    """Letters are refused as typed; anything else may still become a date."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if any(char not in _ALLOWED for char in text):
            return QValidator.State.Invalid, text, pos
        try:
            parse_date(text)
        except DateTextError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class DateLineEdit(QLineEdit):
    """The date as text; :meth:`date` reads it, :attr:`message_changed` reports trouble."""

    message_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, warn_past: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("dateInput")
        self.warn_past = warn_past
        self.setValidator(_DateValidator(self))
        self.setPlaceholderText(t("DD.MM.YYYY"))
        self.setClearButtonEnabled(False)
        # Only an icon on the button: the words are its tooltip.
        self.calendar_action = QAction(calendar_icon(), "", self)
        self.calendar_action.setToolTip(t("Choose from the calendar"))
        self.calendar_action.setObjectName("openCalendar")
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        for button in self.findChildren(QToolButton):  # the icon button Qt made for the action
            button.setAccessibleName(t("Choose from the calendar"))
        self.calendar: QCalendarWidget | None = None
        self._message = ""
        self.textChanged.connect(self._check)
        self._base = self.palette().color(QPalette.ColorRole.Base)

    # -- value ------------------------------------------------------------------------------------
    def value(self) -> date | None:
        """The typed date, ``None`` when empty; raises :class:`DateTextError` when not a date."""
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(f"{value.day:02d}.{value.month:02d}.{value.year}" if value else "")

    def message(self) -> str:
        """Why the text is not a date, or that the date has passed; empty when all is well."""
        return self._message

    def is_valid(self) -> bool:
        try:
            self.value()
        except DateTextError:
            return False
        return True

    def _check(self) -> None:
        tint: QColor | None = None
        try:
            value = self.value()
        except DateTextError as exc:
            message = exc.message if self.text().strip() else ""
            tint = INVALID_TINT
        else:
            message = past_deadline_warning(value) if self.warn_past else ""
            tint = PAST_TINT if message else None
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, tint or self._base)
        self.setPalette(palette)
        self.setToolTip(message)
        if message != self._message:
            self._message = message
            self.message_changed.emit(message)

    # -- calendar ---------------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """A calendar below the field (a popup child, so a table editor stays open meanwhile)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName("dateCalendar")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            # Month and day names in the language of the app, not of the system.
            self.calendar.setLocale(
                QLocale(
                    QLocale.Language.Latvian
                    if current_language() == "lv"
                    else QLocale.Language.English
                )
            )
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        try:
            current = self.value() or date.today()
        except DateTextError:
            current = date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()
        self.editingFinished.emit()


class DateField(QWidget):
    """A :class:`DateLineEdit` with its message shown under it (for dialogs and forms)."""

    def __init__(self, parent: QWidget | None = None, *, warn_past: bool = False) -> None:
        super().__init__(parent)
        self.edit = DateLineEdit(self, warn_past=warn_past)
        self.note = QLabel(self)
        self.note.setObjectName("dateMessage")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        self.edit.message_changed.connect(self._show)
        self.setFocusProxy(self.edit)

    def _show(self, message: str) -> None:
        self.note.setText(message)
        self.note.setVisible(bool(message))

    def value(self) -> date | None:
        return self.edit.value()

    def set_value(self, value: date | None) -> None:
        self.edit.set_value(value)
