"""Keep the main window on the screen it opens on, whatever size it had last time.

A window saved on a 1920×1080 monitor and opened on a 1024×768 projector must not hang off the
screen: :func:`fit_rect` shrinks a rectangle to the screen's available area and moves it inside.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1240, 820)


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` made no larger than ``available`` and moved so that it lies inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.x() + available.width() - width)
    y = min(max(rect.y(), available.y()), available.y() + available.height() - height)
    return QRect(x, y, width, height)


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` (its frame included) into the available area of its screen."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    # the title bar and borders: what the frame adds around the client area
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    fitted = fit_rect(frame, available)
    if fitted == frame:
        return
    window.resize(max(1, fitted.width() - extra_w), max(1, fitted.height() - extra_h))
    window.move(fitted.topLeft())
