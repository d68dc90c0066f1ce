"""How the questions of a new assessment will be answered: one radio button per mode, described."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from ethics_tool.domain.answers import Mode
from ethics_tool.gui.dialogs.sizing import WrappedLabel
from ethics_tool.gui.labels import mode_description, mode_label
from ethics_tool.i18n import t


class ModeBox(QGroupBox):
    """The modes as radio buttons, each with its description below; one person answering first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[Mode, QRadioButton] = {}
        self.descriptions: dict[Mode, QLabel] = {}
        layout = QVBoxLayout(self)
        for number, mode in enumerate(Mode):
            button = QRadioButton()
            button.setObjectName(f"mode_{mode.value}")
            description = WrappedLabel()
            description.setIndent(24)
            description.setStyleSheet("color: palette(placeholder-text);")
            self.group.addButton(button, number)
            self.buttons[mode] = button
            self.descriptions[mode] = description
            layout.addWidget(button)
            layout.addWidget(description)
        self.buttons[Mode.SINGLE].setChecked(True)

    def mode(self) -> Mode:
        for mode, button in self.buttons.items():
            if button.isChecked():
                return mode
        return Mode.SINGLE

    def set_mode(self, mode: Mode) -> None:
        self.buttons[mode].setChecked(True)

    def retranslate(self) -> None:
        self.setTitle(t("How will the questions be answered?"))
        for mode, button in self.buttons.items():
            button.setText(mode_label(mode))
            self.descriptions[mode].setText(mode_description(mode))
