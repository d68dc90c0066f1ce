"""A large, checkable answer choice: a key badge, the level's name and its descriptor, word-wrapped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QEnterEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class ChoiceButton(QAbstractButton):
    """Used in an exclusive QButtonGroup; the whole card is the click target."""

    def __init__(
        self, key: str, title: str, description: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hover = False
        self.key_label = QLabel()
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setMinimumWidth(28)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        for label in (self.key_label, self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.key_label.setFont(bold)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title_label)
        text.addWidget(self.description_label)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(self.key_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(lambda _on: self._update_colours())
        self.set_texts(key, title, description)

    def set_texts(self, key: str, title: str, description: str = "") -> None:
        self.key_label.setText(key)
        self.title_label.setText(title)
        self.description_label.setText(description)
        self.description_label.setVisible(bool(description))
        self.setText(title)
        self.setAccessibleName(f"{key}: {title}")
        self.setAccessibleDescription(description)
        self.updateGeometry()

    # -- size follows the layout (the labels wrap) -------------------------------------------
    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else QSize(200, 40)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.minimumSize() if layout is not None else QSize(100, 30)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else 40

    # -- painting --------------------------------------------------------------------------------
    def _update_colours(self) -> None:
        role = QPalette.ColorRole.HighlightedText if self.isChecked() else QPalette.ColorRole.Text
        for label in (self.key_label, self.title_label, self.description_label):
            label.setForegroundRole(role)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colours()
        super().changeEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover = True
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = False
        self.update()
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        if self.isChecked():
            fill = palette.color(QPalette.ColorRole.Highlight)
        elif self._hover or self.isDown():
            fill = palette.color(QPalette.ColorRole.AlternateBase)
        else:
            fill = palette.color(QPalette.ColorRole.Base)
        border = palette.color(
            QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Mid
        )
        painter.setBrush(fill)
        painter.setPen(QPen(border, 2.5 if self.hasFocus() else 1.0))
        painter.drawRoundedRect(rect, 6, 6)
        # The key badge: a circle behind the number or letter.
        badge = QRectF(self.key_label.geometry()).adjusted(-2, -2, 2, 2)
        side = min(badge.width(), 30.0)
        circle = QRectF(badge.center().x() - side / 2, badge.center().y() - side / 2, side, side)
        painter.setPen(QPen(palette.color(self.key_label.foregroundRole()), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle)
        painter.end()
