"""File → Recent files: the assessment files and reports last imported or written.

The list is kept in the user's settings (newest first, at most :data:`LIMIT`). Choosing an
assessment file (.etika, .json) offers to import it or add its answers, as when the file is opened
from outside the program; a report or spreadsheet opens in its own program. A file that is no
longer there is said so and taken off the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from ethics_tool.gui.settings import AppSettings
from ethics_tool.i18n import t

LIMIT = 8
ASSESSMENT_SUFFIXES = (".etika", ".json")
KEY = "files/recent"


class RecentFiles(QObject):
    """The list, its menu, and what choosing an entry does."""

    missing = Signal(str)  # a message: the chosen file is gone

    def __init__(
        self,
        settings: AppSettings,
        open_assessment_file: Callable[[Path], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.open_assessment_file = open_assessment_file
        self.menu = QMenu(parent)
        self.menu.setObjectName("recentFilesMenu")
        self.menu.aboutToShow.connect(self.rebuild)
        self.clear_action = QAction(self)
        self.clear_action.setObjectName("clearRecentFiles")
        self.clear_action.triggered.connect(self.clear)
        self.open_file: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.retranslate()
        self.rebuild()

    # -- the list ---------------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        value = self.settings.store.value(KEY, [])
        # QSettings gives a single entry back as a plain string, and none as None.
        items: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [Path(str(item)) for item in items if str(item)]

    def _store(self, paths: list[Path]) -> None:
        self.settings.store.setValue(KEY, [str(p) for p in paths[:LIMIT]])
        self.rebuild()

    def add(self, path: Path | str) -> None:
        """``path`` was just imported or written: first in the list, once."""
        chosen = Path(path).resolve()
        self._store([chosen, *(p for p in self.paths() if p != chosen)])

    def remove(self, path: Path) -> None:
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    # -- the menu ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.menu.setTitle(t("&Recent files"))
        self.clear_action.setText(t("Clear the list"))
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self.paths()
        for number, path in enumerate(paths, start=1):
            action = QAction(f"&{number} {path.name}", self.menu)
            action.setObjectName(f"recentFile{number}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.choose(p))
            self.menu.addAction(action)
        if not paths:
            empty = QAction(t("No files yet"), self.menu)
            empty.setEnabled(False)
            self.menu.addAction(empty)
        self.menu.addSeparator()
        self.menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(paths))

    def choose(self, path: Path) -> None:
        if not path.is_file():
            self.remove(path)
            self.missing.emit(
                t("{path} is no longer there; it was taken off the list of recent files", path=path)
            )
            return
        if path.suffix.lower() in ASSESSMENT_SUFFIXES:
            self.open_assessment_file(path)
        else:
            self.open_file(path)
