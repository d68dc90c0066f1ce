"""The main window's language and appearance: language switch, large fonts, contrast, full screen.

:class:`ViewStateMixin` is part of :class:`~ethics_tool.gui.main_window.MainWindow`. The settings
page shows the same switches as the View menu; it exists only once it has been opened, so the
window updates it only when it is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from ethics_tool import i18n
from ethics_tool.gui.appearance import apply_appearance, install_qt_translator

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from ethics_tool.gui.pages.settings_page import SettingsPage
    from ethics_tool.gui.settings import AppSettings
    from ethics_tool.gui.window.pages import LazyPages

    _Base = QMainWindow
else:
    _Base = object


class ViewStateMixin(_Base):
    """Language and appearance of the main window (see the module's docstring)."""

    if TYPE_CHECKING:  # provided by MainWindow
        settings: AppSettings
        pages: LazyPages
        action_full_screen: QAction
        action_presentation: QAction
        _listener: Callable[[str], None]

        @property
        def settings_page(self) -> SettingsPage: ...

        def retranslate(self) -> None: ...

    def set_language(self, lang: str) -> None:
        if lang != i18n.current_language():
            i18n.set_language(lang)  # calls _on_language through the listener

    def _on_language(self, lang: str) -> None:
        try:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                install_qt_translator(app, lang)
            self.settings.language = lang
            self.retranslate()
        except RuntimeError:  # the window was deleted without closing (tests)
            i18n.remove_listener(self._listener)

    def appearance_from_page(self) -> None:
        page = self.settings_page
        self.settings.large_fonts = page.large_fonts.isChecked()
        self.settings.high_contrast = page.high_contrast.isChecked()
        self.action_full_screen.setChecked(page.full_screen.isChecked())
        self.apply_appearance()

    def apply_appearance(self) -> None:
        self.action_presentation.blockSignals(True)
        self.action_presentation.setChecked(self.settings.large_fonts and self.settings.full_screen)
        self.action_presentation.blockSignals(False)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(
                app,
                large_fonts=self.settings.large_fonts,
                high_contrast=self.settings.high_contrast,
            )

    def _sync_settings_page(self) -> None:
        """The settings page (when it was opened) shows the switches as they are now."""
        if self.pages.is_built("settings"):
            self.settings_page.set_appearance(
                self.settings.large_fonts, self.settings.full_screen, self.settings.high_contrast
            )

    def _toggle_full_screen(self, on: bool) -> None:
        self.settings.full_screen = on
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.apply_appearance()
        self._sync_settings_page()

    def _toggle_presentation(self, on: bool) -> None:
        self.settings.large_fonts = on
        self.action_full_screen.setChecked(on)
        self.apply_appearance()
        self._sync_settings_page()

    def restore_appearance(self) -> None:
        """Apply the remembered presentation settings (at start-up)."""
        self.apply_appearance()
        if self.settings.full_screen:
            self.action_full_screen.setChecked(True)
