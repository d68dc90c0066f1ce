"""A strip that follows one kind of file job: its progress, then "saved as …" with Open and Show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ethics_tool.gui.files.jobs import Job
from ethics_tool.gui.files.work import FileWork
from ethics_tool.i18n import t


class FileBanner(QWidget):
    """Progress while ``kind`` runs on ``files``; afterwards the file's name and how to open it."""

    def __init__(self, files: FileWork, kind: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.path: Path | None = None
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("exportBanner")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openExportButton")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("openExportFolderButton")
        self.folder_button.clicked.connect(self.open_folder)
        self.frame = QFrame()
        self.frame.setObjectName("exportBannerFrame")
        frame_layout = QHBoxLayout(self.frame)
        frame_layout.setContentsMargins(0, 0, 0, 0)
        frame_layout.addWidget(self.message, 1)
        frame_layout.addWidget(self.open_button)
        frame_layout.addWidget(self.folder_button)
        self.frame.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame, 1)
        layout.addWidget(self.progress)

        self.hide()  # takes no room (not even layout spacing) until there is something to show
        files.started.connect(self._started)
        files.progress.connect(self._progress)
        files.finished.connect(self._finished)
        files.failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(t("Open PDF"))
        self.folder_button.setText(t("Show folder"))
        if self.path is not None:
            self.message.setText(t("The report was saved as {path}", path=str(self.path)))

    def clear(self) -> None:
        """Forget the last file (another assessment is shown)."""
        self.path = None
        self.frame.hide()
        self._fit()

    def open_file(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def _started(self, kind: str) -> None:
        if kind == self.kind:
            self.progress.setValue(0)
            self.progress.show()
            self.frame.hide()
            self._fit()

    def _progress(self, kind: str, percent: int) -> None:
        if kind == self.kind:
            self.progress.setValue(percent)

    def _finished(self, kind: str, result: object) -> None:
        if kind != self.kind:
            return
        self.progress.setValue(100)
        self.progress.hide()
        self.path = Path(str(result))
        self.retranslate()
        self.frame.show()
        self._fit()

    def _failed(self, kind: str, _message: str) -> None:
        if kind == self.kind:
            self.progress.hide()
            self._fit()

    def _fit(self) -> None:
        self.setVisible(not self.frame.isHidden() or not self.progress.isHidden())
