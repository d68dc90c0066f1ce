"""Every file dialog shows the time a file changed as the program writes times: 01.12.2026. 15:09.

Qt's own file dialog wrote "1 12 2026 15:09" and "1 bytes" in the Latvian UI (its locale data); the
dialogs the program opens put :class:`FileDetails` in between. Sorting by date, choosing a file and
typing a name still work as in Qt's dialog.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QTreeView
from pytestqt.qtbot import QtBot

from ethics_tool.gui import dialogs as dialogs_package
from ethics_tool.gui.appearance import install_qt_translator
from ethics_tool.gui.dialogs import file_dialog as module
from ethics_tool.gui.dialogs.file_dialog import FileDetails, file_dialog
from ethics_tool.gui.main_window import MainWindow
from ethics_tool.i18n import current_language, set_language

NEWER = datetime(2026, 12, 1, 15, 9)
OLDER = datetime(2025, 3, 7, 8, 5)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, size, when in (("b-vecs.pdf", 1500, OLDER), ("a-jauns.pdf", 20, NEWER)):
        path = tmp_path / name
        path.write_bytes(b"x" * size)
        os.utime(path, (when.timestamp(), when.timestamp()))
    return tmp_path


def _tree(qtbot: QtBot, dialog: QFileDialog) -> QTreeView:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # as on the test machine
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2)
    return tree


def _column(tree: QTreeView, column: int) -> list[tuple[str, str]]:
    """(name, text in ``column``) of the listed files, top to bottom."""
    model, root = tree.model(), tree.rootIndex()
    return [
        (model.index(row, 0, root).data(), model.index(row, column, root).data())
        for row in range(model.rowCount(root))
    ]


def test_dates_and_sizes_in_latvian_sorting_and_choosing_still_work(
    qtbot: QtBot, latvian_qt: None, folder: Path
) -> None:
    dialog = file_dialog(None, "Importēt", folder, "PDF (*.pdf)")
    tree = _tree(qtbot, dialog)
    assert isinstance(tree.model(), FileDetails)
    assert dict(_column(tree, 3)) == {
        "a-jauns.pdf": "01.12.2026. 15:09",
        "b-vecs.pdf": "07.03.2025. 08:05",
    }
    assert dict(_column(tree, 1))["b-vecs.pdf"] == "1,46 KiB"
    # and shown whole, not cut short to "01.12.2…. 15:09"
    wide = tree.fontMetrics().horizontalAdvance("01.12.2026. 15:09")
    qtbot.waitUntil(lambda: tree.columnWidth(3) > wide)

    # Sorting by the date column sorts by the time (not by the text).
    tree.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: [n for n, _ in _column(tree, 3)] == ["b-vecs.pdf", "a-jauns.pdf"])
    tree.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: [n for n, _ in _column(tree, 3)] == ["a-jauns.pdf", "b-vecs.pdf"])
    assert tree.isVisible()  # the detail view, where the dates are

    # Typing a name chooses that file; clicking a file in the list fills in its name.
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    qtbot.keyClicks(name, "a-jauns.pdf")
    assert [Path(p) for p in dialog.selectedFiles()] == [folder / "a-jauns.pdf"]
    model, root = tree.model(), tree.rootIndex()
    older = model.index(1, 0, root)
    assert older.data() == "b-vecs.pdf"
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(older).center()
    )
    assert name.text() == "b-vecs.pdf"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [Path(p) for p in dialog.selectedFiles()] == [folder / "b-vecs.pdf"]


def test_save_dialog_suggests_the_name_and_shows_dates(
    qtbot: QtBot, latvian_qt: None, folder: Path
) -> None:
    dialog = file_dialog(None, "Eksportēt PDF", folder / "ziņojums.pdf", "PDF (*.pdf)", save=True)
    tree = _tree(qtbot, dialog)
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None and name.text() == "ziņojums.pdf"
    assert dict(_column(tree, 3))["a-jauns.pdf"] == "01.12.2026. 15:09"


def test_dates_in_english_are_iso(qtbot: QtBot, qapp: QApplication, folder: Path) -> None:
    before = current_language()
    set_language("en")
    install_qt_translator(qapp, "en")
    try:
        dialog = file_dialog(None, "Import", folder, "PDF (*.pdf)")
        tree = _tree(qtbot, dialog)
        assert dict(_column(tree, 3))["a-jauns.pdf"] == "2026-12-01 15:09"
        assert dict(_column(tree, 1))["b-vecs.pdf"] == "1.46 KiB"
    finally:
        set_language(before)


def test_every_file_dialog_of_the_program_is_one_of_these(
    window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[QFileDialog] = []

    def cancel(dialog: QFileDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(module, "run_hook", cancel)
    real = dialogs_package.Dialogs(window)
    assert real.save_path("Eksportēt", folder / "a.pdf", "PDF (*.pdf)") is None
    assert real.open_path("Importēt", folder, "PDF (*.pdf)") is None
    page = window.benchmark.open()
    assert page is not None
    page.import_files()  # "Import benchmark files": several files at once
    assert len(shown) == 3
    assert all(isinstance(d.proxyModel(), FileDetails) for d in shown)
    assert [d.fileMode() for d in shown] == [
        QFileDialog.FileMode.AnyFile,
        QFileDialog.FileMode.ExistingFile,
        QFileDialog.FileMode.ExistingFiles,
    ]
    # No other place opens one of Qt's own: every dialog goes through file_dialog().
    package = Path(module.__file__).parents[2]
    static = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "QFileDialog.get" in path.read_text(encoding="utf-8")
    ]
    assert static == []
