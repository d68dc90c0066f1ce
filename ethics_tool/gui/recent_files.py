"""File → Recent files: the assessment files and reports last imported or written.

The list is kept in the user's settings (newest first, at most :data:`LIMIT`). Choosing an
assessment file (.etika, .json) offers to import it or add its answers, as when the file is opened
from outside the program; a workbook whose action plan was imported is imported again (checked,
previewed and confirmed as from the menu); a report or an exported spreadsheet opens in its own
program. A file that is no longer there is said so and taken off the list.
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
PLAN_KEY = "files/recent_plan_imports"  # the listed workbooks last used to import an action plan
PLAN_IMPORT = "plan-import"  # the kind of use that makes choosing the file import it again


class RecentFiles(QObject):
    """The list, its menu, and what choosing an entry does."""

    missing = Signal(str)  # a message: the chosen file is gone

    def __init__(
        self,
        settings: AppSettings,
        open_assessment_file: Callable[[Path], None],
        parent: QWidget | None = None,
        import_plan: Callable[[Path], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.open_assessment_file = open_assessment_file
        self.import_plan = import_plan
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
        return self._list(KEY)

    def plan_imports(self) -> list[Path]:
        """The listed workbooks whose action plan was imported (choosing one imports it again)."""
        listed = set(self.paths())
        return [path for path in self._list(PLAN_KEY) if path in listed]

    def _list(self, key: str) -> list[Path]:
        value = self.settings.store.value(key, [])
        # QSettings gives a single entry back as a plain string, and none as None.
        items: list[object] = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        return [Path(str(item)) for item in items if str(item)]

    def _store(self, paths: list[Path], plans: list[Path] | None = None) -> None:
        kept = paths[:LIMIT]
        plans = self.plan_imports() if plans is None else plans
        self.settings.store.setValue(KEY, [str(p) for p in kept])
        self.settings.store.setValue(PLAN_KEY, [str(p) for p in plans if p in kept])
        self.rebuild()

    def add(self, path: Path | str, kind: str = "") -> None:
        """``path`` was just imported or written: first in the list, once.

        ``kind`` is :data:`PLAN_IMPORT` for a workbook whose action plan was imported; the latest
        use of a file decides what choosing it does.
        """
        chosen = Path(path).resolve()
        plans = [p for p in self.plan_imports() if p != chosen]
        if kind == PLAN_IMPORT:
            plans.append(chosen)
        self._store([chosen, *(p for p in self.paths() if p != chosen)], plans)

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
        plans = set(self.plan_imports())
        for number, path in enumerate(paths, start=1):
            name = path.name
            tip = str(path)
            if path in plans:
                name = t("{name} (action plan import)", name=name)
                tip = t("Import the action plan in {path} again", path=path)
            action = QAction(f"&{number} {name}", self.menu)
            action.setObjectName(f"recentFile{number}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
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
        if path in self.plan_imports() and self.import_plan is not None:
            self.import_plan(path)
        elif path.suffix.lower() in ASSESSMENT_SUFFIXES:
            self.open_assessment_file(path)
        else:
            self.open_file(path)
