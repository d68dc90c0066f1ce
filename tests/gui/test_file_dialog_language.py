"""Qt's own file dialog speaks Latvian in the Latvian UI, also where Qt's catalogue has gaps."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QTreeView
from pytestqt.qtbot import QtBot


def test_the_non_native_file_dialog_is_latvian(
    qtbot: QtBot, latvian_qt: None, tmp_path: Path
) -> None:
    (tmp_path / "mape").mkdir()
    dialog = QFileDialog(None, "Importēt JSON", str(tmp_path), "JSON (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    # "&Look in:" and "Files of &type:" are missing from Qt's qtbase_lv.qm.
    assert labels == ["&Skatīt mapē:", "Datnes &nosaukums:", "Datņu &tips:"]
    # The type column of a folder says "Mape", not "Folder".
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 1)
    row = tree.model().index(0, 2, tree.rootIndex())
    assert row.data() == "Mape"
