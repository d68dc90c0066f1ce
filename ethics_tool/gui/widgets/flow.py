"""Layouts that reflow instead of widening the window: a flow of buttons and a page header.

With large text (presentation mode) on a 1024×768 projector a row of buttons is wider than the
screen. :class:`FlowLayout` wraps its items onto the next line like words in a paragraph;
:class:`HeaderBar` puts a page's title and its buttons side by side when there is room and the
buttons under the title when there is not.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping onto new lines; ``align_right`` packs each line to the right."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, align_right: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout protocol -----------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible)
        width += self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height)

    def minimumSize(self) -> QSize:
        """As wide as the widest item: everything else wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- layout -----------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        out = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                out.append(item)
        return out

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            width = item.sizeHint().width()
            extra = width if not lines[-1] else self._spacing + width
            if lines[-1] and used + extra > area.width():
                lines.append([])
                used = width
            else:
                used += extra
            lines[-1].append(item)
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            total = sum(min(item.sizeHint().width(), area.width()) for item in line)
            total += self._spacing * (len(line) - 1)
            x = area.x() + (area.width() - total if self.align_right else 0)
            for item in line:
                size = item.sizeHint()
                width = min(size.width(), area.width())
                if move:
                    offset = (height - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, y + offset), QSize(width, size.height())))
                x += width + self._spacing
            y += height + self._spacing
        return y - self._spacing - area.y() + margins.top() + margins.bottom()


class FlowRow(QWidget):
    """A widget holding a :class:`FlowLayout` (so that it can sit in any box layout)."""

    def __init__(
        self, widgets: Sequence[QWidget], align_right: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = FlowLayout(self, align_right=align_right)
        for widget in widgets:
            self.flow.addWidget(widget)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.flow.heightForWidth(width)


class HeaderBar(QWidget):
    """A page header: the title block left and the buttons right, or the buttons under the title.

    The buttons go under the title as soon as both do not fit side by side (large text, a narrow
    projector), and wrap onto more lines when even a line of their own is too narrow.
    """

    def __init__(
        self, titles: QWidget, buttons: Sequence[QWidget], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.titles = titles
        self.buttons = FlowRow(buttons, align_right=True)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        # the header decides its own minimum (see minimumSizeHint), not the side-by-side layout
        self.box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.box.addWidget(titles, 1)
        self.box.addWidget(self.buttons)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def stacked(self) -> bool:
        return self.box.direction() is QBoxLayout.Direction.TopToBottom

    def needed_width(self) -> int:
        """The width both need side by side (the title at a comfortable, not its full, width)."""
        title = min(self.titles.sizeHint().width(), max(360, self.titles.minimumSizeHint().width()))
        return title + self.box.spacing() + self.buttons.sizeHint().width()

    def _direction_for(self, width: int) -> QBoxLayout.Direction:
        if width < self.needed_width():
            return QBoxLayout.Direction.TopToBottom
        return QBoxLayout.Direction.LeftToRight

    def resizeEvent(self, event: QResizeEvent) -> None:
        direction = self._direction_for(event.size().width())
        if direction != self.box.direction():
            self.box.setDirection(direction)
            self.updateGeometry()
        super().resizeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        titles = self.titles.heightForWidth(width) if self.titles.hasHeightForWidth() else -1
        if titles < 0:
            titles = self.titles.sizeHint().height()
        if self._direction_for(width) is QBoxLayout.Direction.TopToBottom:
            return titles + self.box.spacing() + self.buttons.heightForWidth(width)
        return max(titles, self.buttons.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        width = max(self.titles.minimumSizeHint().width(), self.buttons.minimumSizeHint().width())
        return QSize(width, self.titles.minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self.needed_width(), self.heightForWidth(self.needed_width()))
