"""A dialog's minimum size: a floor chosen for looks, never below what its texts need."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


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
