"""Qt's own file dialog speaks Latvian in the Latvian UI, also where Qt's catalogue has gaps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView
from pytestqt.qtbot import QtBot

from ethics_tool.gui.appearance import install_qt_translator
from ethics_tool.i18n import current_language, set_language


@pytest.fixture
def latvian_qt(qapp: QApplication) -> Iterator[None]:
    before = current_language()
    set_language("lv")
    assert install_qt_translator(qapp, "lv")
    yield
    set_language(before)
    install_qt_translator(qapp, "en")


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
