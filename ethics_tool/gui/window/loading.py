"""What the main window shows until the core is loaded: the home page's title and "Loading…"."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.i18n import t


class LoadingPage(QWidget):
    """What the home page looks like until the assessments are loaded: its title and "Loading…"."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loadingPage")
        self.title = ScaledLabel(1.6, bold=True)
        self.title.setObjectName("loadingTitle")
        self.label = ScaledLabel(1.2)
        self.label.setObjectName("loadingLabel")
        row = QHBoxLayout()  # centred by stretches (an alignment flag would need the Qt namespace)
        row.addStretch(1)
        row.addWidget(self.label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def retranslate(self) -> None:
        self.title.setText(t("Assessments"))
        self.label.setText(t("Loading…"))
        self.label.setAccessibleName(t("Loading…"))
