"""A dialog's minimum size: a floor chosen for looks, never below what its texts need."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


def keep_minimum(dialog: QWidget, width: int, height: int | None = None) -> None:
    """At least ``width`` (and ``height``, when given) and at least what the layout needs.

    An explicit minimum size replaces the layout's own, so a longer translation (Latvian, or the
    pseudo-locale) could squeeze a button until its text is cut off. Sizes are only right once the
    dialog is polished: call this from ``showEvent`` and again after texts change.
    """
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        dialog.setMinimumWidth(width)
        if height is not None:
            dialog.setMinimumHeight(height)
        return
    layout.invalidate()  # the texts may have changed since the layout last looked
    needed = layout.totalMinimumSize()
    dialog.setMinimumWidth(max(width, needed.width()))
    if height is not None:
        dialog.setMinimumHeight(max(height, needed.height()))
    if layout.hasHeightForWidth():
        # A window does not grow by itself for text that wraps onto more lines.
        tall = layout.totalHeightForWidth(dialog.width())
        if tall > dialog.height():
            dialog.resize(dialog.width(), tall)


class WrappedLabel(QLabel):
    """A word-wrapped label that asks for the height its lines need at its width.

    A wrapped ``QLabel`` inside a ``QFormLayout`` row (or a layout nested in one) is given its
    one-line height when space is short, and its lines are drawn over the widgets below it.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.width() > 0:
            self.setMinimumHeight(max(0, self.heightForWidth(self.width())))
