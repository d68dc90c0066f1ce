"""Settings → Backups: the automatic and manual copies of the database, and restoring one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.i18n import format_date, t

if TYPE_CHECKING:
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.services import Services
    from ethics_tool.storage.backup import BackupInfo


def reason_text(reason: str) -> str:
    if reason == "daily":
        return t("daily, at start-up")
    if reason == "manual":
        return t("made by hand")
    if reason == "before-merge":
        return t("before a merge")
    if reason == "before-restore":
        return t("before a restore")
    if reason.startswith("before-"):
        return t("before an upgrade")
    return reason


class BackupsSection(QGroupBox):
    """Lists the backups (date, size, why) with "Back up now" and "Restore…"."""

    restored = Signal()  # the database file was replaced: every page reloads

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupsBox")
        self.services = services
        self.dialogs = dialogs
        self.backups: list[BackupInfo] = []
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(60)  # the page must still fit 1280×720 (pseudo-locale test)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createBackupButton")
        self.create_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setTitle(t("Backups"))
        self.table.setAccessibleName(t("Backups"))
        self.hint.setText(
            t(
                "A copy of the database is made every day at start-up, before every upgrade and "
                "before every merge; the newest ten are kept beside the database file."
            )
        )
        self.table.setHorizontalHeaderLabels([t("Made"), t("Size"), t("Why")])
        self.create_button.setText(t("Back up now"))
        self.restore_button.setText(t("Restore…"))
        self.refresh()

    def refresh(self) -> None:
        from ethics_tool.storage.backup import list_backups

        path = self.services.db.path
        self.backups = list_backups(path) if path is not None else []
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            made = f"{format_date(info.created.date())} {info.created:%H:%M}"
            size = t("{size} KiB", size=max(1, round(info.size / 1024)))
            for column, text in enumerate((made, size, reason_text(info.reason))):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        enabled = path is not None and not self.services.db.read_only
        self.create_button.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(
            bool(self.table.selectionModel().selectedRows())
            and self.services.db.path is not None
            and not self.services.db.read_only
        )

    def back_up_now(self) -> None:
        self.services.backup_now("manual")
        self.refresh()

    def restore_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        info = self.backups[rows[0].row()]
        when = f"{format_date(info.created.date())} {info.created:%H:%M}"
        if not self.dialogs.confirm(
            t("Restore a backup"),
            t(
                "Replace the assessments with the backup of {when}? Changes made since then are "
                "no longer shown; the current file is backed up first, so this can be undone.",
                when=when,
            ),
            t("Restore"),
        ):
            return False
        from ethics_tool.storage.backup import restore_backup

        path = self.services.db.path
        assert path is not None
        self.services.db.dispose()  # no connection stays open on the file being replaced
        restore_backup(path, info.path)
        self.refresh()
        self.restored.emit()
        return True
