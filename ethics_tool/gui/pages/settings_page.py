"""Settings page: language, presentation mode, and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.labels import language_name
from ethics_tool.i18n import LANGUAGES, current_language, t


def _path_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SettingsPage(QWidget):
    language_selected = Signal(str)
    appearance_changed = Signal()  # read the check boxes

    def __init__(
        self, db_path: Path | None, log_dir: Path, forms_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self.db_path = db_path
        self.db_location: str | None = None  # a server's address (without password)
        self.log_dir = log_dir
        self.forms_dir = forms_dir

        self.title = ScaledLabel(1.6, bold=True)
        self.title.setObjectName("settingsTitle")
        self.language_box = QGroupBox()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for lang in LANGUAGES:
            self.language.addItem(language_name(lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        lang_layout = QFormLayout(self.language_box)
        lang_layout.addRow(self.language_label, self.language)

        self.presentation_box = QGroupBox()
        self.large_fonts = QCheckBox()
        self.large_fonts.setObjectName("largeFontsCheck")
        self.full_screen = QCheckBox()
        self.full_screen.setObjectName("fullScreenCheck")
        self.high_contrast = QCheckBox()
        self.high_contrast.setObjectName("highContrastCheck")
        self.presentation_hint = QLabel()
        self.presentation_hint.setWordWrap(True)
        pres_layout = QVBoxLayout(self.presentation_box)
        pres_layout.addWidget(self.presentation_hint)
        for box in (self.large_fonts, self.full_screen, self.high_contrast):
            box.toggled.connect(lambda _on: self.appearance_changed.emit())
            pres_layout.addWidget(box)

        self.data_box = QGroupBox()
        self.db_label = _path_label("dataLocation")
        self.log_label = _path_label("logLocation")
        self.forms_label = _path_label("formsLocation")
        self.open_data = QPushButton()
        self.open_data.setObjectName("openDataFolder")
        self.open_data.clicked.connect(
            lambda: self._open(self.db_path.parent if self.db_path else None)
        )
        self.open_logs = QPushButton()
        self.open_logs.setObjectName("openLogFolder")
        self.open_logs.clicked.connect(lambda: self._open(self.log_dir))
        self.backup_hint = QLabel()
        self.backup_hint.setWordWrap(True)
        self.data_captions = [QLabel() for _ in range(3)]
        data_layout = QFormLayout(self.data_box)
        data_layout.addRow(self.data_captions[0], self.db_label)
        data_layout.addRow(self.data_captions[1], self.forms_label)
        data_layout.addRow(self.data_captions[2], self.log_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_data)
        buttons.addWidget(self.open_logs)
        buttons.addStretch(1)
        self.data_buttons = buttons  # hooks add theirs before the stretch
        data_layout.addRow(buttons)
        data_layout.addRow(self.backup_hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.language_box)
        layout.addWidget(self.presentation_box)
        layout.addWidget(self.data_box)
        self._sections_at = layout.indexOf(self.data_box) + 1
        layout.addStretch(1)
        self.retranslate()

    def add_section(self, section: QWidget) -> None:
        """Add a section (e.g. Backups) below the data folders."""
        from PySide6.QtWidgets import QFrame, QScrollArea

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        # In a scroll area of its own, so that large text never makes the window taller than
        # the screen: the section takes the room that is left.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(section)
        layout.insertWidget(self._sections_at, scroll, 1)
        self._sections_at += 1

    def set_appearance(self, large_fonts: bool, full_screen: bool, high_contrast: bool) -> None:
        for box, value in (
            (self.large_fonts, large_fonts),
            (self.full_screen, full_screen),
            (self.high_contrast, high_contrast),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText(t("Settings"))
        self.language_box.setTitle(t("Language"))
        self.language_label.setText(t("&Language of the program:"))
        self.language.setAccessibleName(t("Language"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.blockSignals(False)
        self.presentation_box.setTitle(t("Presentation mode"))
        self.presentation_hint.setText(
            t("For seminars and projectors: larger text, the whole screen, strong contrast.")
        )
        self.large_fonts.setText(t("&Large text"))
        self.full_screen.setText(t("&Full screen (F11)"))
        self.high_contrast.setText(t("&High contrast"))
        self.data_box.setTitle(t("Data"))
        self.data_captions[0].setText(t("Database file:"))
        self.data_captions[1].setText(t("Your own questionnaires:"))
        self.data_captions[2].setText(t("Log files:"))
        self.db_label.setText(
            self.db_location or (str(self.db_path) if self.db_path else t("(a database server)"))
        )
        self.open_data.setVisible(self.db_path is not None)
        self.forms_label.setText(str(self.forms_dir))
        self.log_label.setText(str(self.log_dir))
        self.open_data.setText(t("Open data folder"))
        self.open_logs.setText(t("Open log folder"))
        if self.db_location:
            self.data_captions[0].setText(t("Database server:"))
            self.backup_hint.setText(
                t(
                    "Every answer is saved on the server at once. Its administrator backs the "
                    "database up with pg_dump; you can also export assessments."
                )
            )
        else:
            self.backup_hint.setText(
                t(
                    "Every answer is saved in the database file at once. Backups are made "
                    "automatically (see below); to move assessments to another computer, "
                    "export them."
                )
            )

    def _language_changed(self, index: int) -> None:
        value = self.language.itemData(index)
        if value:
            self.language_selected.emit(str(value))

    @staticmethod
    def _open(folder: Path | None) -> None:
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
