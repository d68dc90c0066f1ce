"""A dialog whose fields scroll above fixed buttons, as tall as its content but inside the screen.

With a third respondent the set-up dialog is taller than a 1024×768 screen, and a squeezed layout
drew the wrapped texts over each other; so everything but the buttons scrolls, and the dialog grows
with its content (a mode, a respondent row) up to the room the screen gives.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Never taller than the smallest screen the program promises (1280×720 less a task bar), wherever
# it opens; the fields scroll instead.
MAX_HEIGHT = 680


def scrolling_fields(content: QWidget, name: str) -> QScrollArea:
    """A frameless, vertical-only scroll area around ``content``."""
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def fit_height(
    dialog: QWidget, scroll: QScrollArea, footer: QWidget, available: QRect | None = None
) -> None:
    """Make ``dialog`` as tall as ``scroll``'s content and ``footer`` need, inside ``available``.

    ``available`` defaults to the dialog's screen; beyond it (or :data:`MAX_HEIGHT`) the content
    scrolls.
    """
    if available is None:
        screen = dialog.screen()
        if screen is None:
            return
        available = screen.availableGeometry()
    content, layout = scroll.widget(), dialog.layout()
    if content is None or layout is None:
        return
    margins = layout.contentsMargins()
    width = max(dialog.width(), dialog.minimumWidth())
    inner = width - margins.left() - margins.right()
    wanted = (
        content.heightForWidth(inner)
        if content.hasHeightForWidth()
        else content.sizeHint().height()
    )
    chrome = margins.top() + margins.bottom() + layout.spacing()
    chrome += footer.sizeHint().height()
    frame = max(0, dialog.frameGeometry().height() - dialog.height()) or 32  # the title bar
    room = min(available.height() - frame, MAX_HEIGHT)
    height = min(wanted + chrome, room)
    dialog.setMaximumHeight(room)
    if height > dialog.height() or dialog.height() > dialog.maximumHeight():
        dialog.resize(width, max(height, dialog.minimumHeight()))
