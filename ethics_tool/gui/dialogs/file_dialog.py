"""The program's file dialogs: Qt's, with dates and sizes written as the rest of the program does.

Qt's own (non-native) file dialog formats its "Date Modified" and "Size" columns with the
*system* locale's data: on a computer whose locale is not Latvian the Latvian UI showed
"1 12 2026 15:09" and "1 bytes". Every file dialog of the program is made here
(:func:`file_dialog`) and puts :class:`FileDetails` between Qt's file system model and the views:
dates as the program writes them elsewhere (``01.12.2026. 15:09`` in Latvian, ISO in English) and
sizes in the interface's language ("1 baiti", "1,5 KiB"). The proxy changes only the displayed
text: sorting by date or size (done by the file system model itself), selection, typing a path
and its completion work as in Qt's dialog. Where the platform has a native dialog (Windows,
macOS, a desktop portal) Qt uses it and ignores the proxy; the platform then formats the dates.

Tests answer a dialog without a modal loop by setting :data:`run_hook`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QTreeView, QWidget

from ethics_tool.i18n import format_date

# The columns of Qt's file system model.
NAME_COLUMN = 0
SIZE_COLUMN = 1
TYPE_COLUMN = 2
DATE_COLUMN = 3

# Set by tests: called with the dialog instead of exec(); returns the dialog's result code.
run_hook: Callable[[QFileDialog], int] | None = None


def modified_text(when: datetime) -> str:
    """A file's time of change as the program writes times: ``01.12.2026. 15:09``."""
    return f"{format_date(when.date())} {when:%H:%M}"


class FileDetails(QIdentityProxyModel):
    """Qt's file system model with the program's date and size texts (display only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileDetails")

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(source, QFileSystemModel):
            column = index.column()
            if column == DATE_COLUMN:
                when: QDateTime = source.lastModified(self.mapToSource(index))
                return modified_text(when.toPython()) if when.isValid() else ""  # type: ignore[arg-type]
            if column == SIZE_COLUMN:
                original = self.mapToSource(index)
                if source.isDir(original):
                    return super().data(index, role)
                return QLocale().formattedDataSize(source.size(original))
        return super().data(index, role)


def file_dialog(
    parent: QWidget | None,
    title: str,
    path: Path | str,
    file_filter: str,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    save: bool = False,
) -> QFileDialog:
    """A file dialog as Qt's static functions make it, with :class:`FileDetails` in it.

    ``path`` is the folder to show, or (to save) the suggested file in its folder.
    """
    dialog = QFileDialog(parent, title, str(path), file_filter)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else mode)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    details = FileDetails(dialog)
    dialog.setProxyModel(details)  # ignored by a native dialog
    tree = dialog.findChild(QTreeView, "treeView")
    source = details.sourceModel()
    if tree is not None and isinstance(source, QFileSystemModel):
        # Qt's column widths cut the dates and sizes short ("01.12.2…. 15:09"): fit them
        source.directoryLoaded.connect(lambda _folder: fit_columns(tree))
    return dialog


def fit_columns(tree: QTreeView) -> None:
    """Size, type and date wide enough for their texts; the name takes at most half the view."""
    for column in (SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN):
        tree.resizeColumnToContents(column)
    tree.resizeColumnToContents(NAME_COLUMN)
    half = tree.viewport().width() // 2
    if tree.columnWidth(NAME_COLUMN) > half > 0:
        tree.setColumnWidth(NAME_COLUMN, half)


def chosen_files(dialog: QFileDialog) -> list[Path]:
    """Show ``dialog`` modally; the files chosen, or none when it was cancelled."""
    try:
        result = run_hook(dialog) if run_hook is not None else dialog.exec()
        if result != QDialog.DialogCode.Accepted:
            return []
        return [Path(name) for name in dialog.selectedFiles() if name]
    finally:
        dialog.deleteLater()
