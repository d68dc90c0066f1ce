"""Fonts, palette and presentation mode; Qt's own translations for standard dialogs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ethics_tool.i18n import pt
from ethics_tool.paths import resource

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 10.0
LARGE_FACTOR = 1.45

_translators: list[QTranslator] = []


def register_fonts() -> list[str]:
    """Register the bundled DejaVu fonts (a system without fonts would show empty boxes)."""
    families: list[str] = []
    for path in sorted(resource("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def base_font(large: bool) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BASE_POINT_SIZE * (LARGE_FACTOR if large else 1.0))
    return font


def high_contrast_palette() -> QPalette:
    from PySide6.QtGui import QColor, QPalette  # only for high contrast: not before the first paint

    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffd400")
    for role, colour in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, QColor("#101010")),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.BrightText, yellow),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
        (QPalette.ColorRole.Link, QColor("#66ccff")),
        (QPalette.ColorRole.Mid, white),
        (QPalette.ColorRole.Midlight, QColor("#404040")),
        (QPalette.ColorRole.Dark, white),
        (QPalette.ColorRole.Light, QColor("#303030")),
    ):
        palette.setColor(role, colour)
    return palette


def apply_appearance(app: QApplication, *, large_fonts: bool, high_contrast: bool) -> None:
    """Set the application font and palette; headings follow through :class:`ScaledLabel`.

    When nothing changes, the widgets are left alone: the program applies the remembered appearance
    before it builds its window, and walking every widget then (which gives each menu, button and
    grip a Python object) only delayed the first paint.
    """
    font = base_font(large_fonts)
    changed = (
        app.font() != font
        or is_high_contrast() != high_contrast
        or bool(app.property("largeText")) != large_fonts
    )
    app.setFont(font)
    if high_contrast:
        app.setPalette(high_contrast_palette())
    elif is_high_contrast():  # back to the style's colours (the default palette needs no reset)
        app.setPalette(app.style().standardPalette())
    app.setProperty("highContrast", high_contrast)
    app.setProperty("largeText", large_fonts)
    if not changed:
        return
    for widget in app.allWidgets():
        if isinstance(widget, ScaledLabel):
            widget.rescale()
        elif widget.styleSheet():
            # A widget with a style sheet keeps the font it was polished with; polish it again.
            widget.setStyleSheet(widget.styleSheet())


def is_large_text() -> bool:
    """Presentation mode's large text is on: pages use their compact, projector-sized layout."""
    app = QApplication.instance()
    return bool(app.property("largeText")) if app is not None else False


def is_high_contrast() -> bool:
    app = QApplication.instance()
    return bool(app.property("highContrast")) if app is not None else False


class ScaledLabel(QLabel):
    """A label whose font is a multiple of the application font (headings, the big score)."""

    def __init__(
        self, factor: float = 1.0, bold: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.factor = factor
        self.bold = bold
        self.rescale()

    def rescale(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * self.factor)
        font.setBold(self.bold)
        self.setFont(font)


def install_qt_translator(app: QApplication, lang: str) -> bool:
    """Load Qt's own catalogue (buttons of standard dialogs) for ``lang``; English needs none."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Latvian if lang == "lv" else QLocale.Language.English)
    )
    if lang == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        log.warning("Qt translations qtbase_%s not found in %s", lang, folder)
        return False
    app.installTranslator(translator)
    _translators.append(translator)
    # Installed last, so asked first: the few texts Qt's own catalogue lacks (see QtGaps).
    gaps = QtGaps(app)
    app.installTranslator(gaps)
    _translators.append(gaps)
    return True


# Qt texts that Qt's qtbase_lv.qm does not translate (its entries predate Qt's current wording),
# by Qt's context and source text; they come from our own catalogue instead. Found by asking a
# probing translator which texts the file dialog requests and qtbase_lv.qm leaves untranslated.
QT_GAPS: dict[tuple[str, str], Callable[[], str]] = {
    ("QFileDialog", "&Look in:"): lambda: pt("Qt file dialog", "&Look in:"),
    ("QFileDialog", "Files of &type:"): lambda: pt("Qt file dialog", "Files of &type:"),
    ("QAbstractFileIconProvider", "Folder"): lambda: pt("Qt file dialog", "Folder"),
    ("QAbstractFileIconProvider", "Drive"): lambda: pt("Qt file dialog", "Drive"),
}


class QtGaps(QTranslator):
    """Latvian for the Qt texts in :data:`QT_GAPS` (Qt's non-native file dialog)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        text = QT_GAPS.get((context, source))
        return text() if text is not None else None  # type: ignore[return-value]  # null: ask the next translator

    def isEmpty(self) -> bool:
        return False
