"""Help → Keyboard shortcuts: every key of the window's actions and of the questionnaire, in a table.

The window's keys are read from its actions as they are set (so the list cannot go stale); the
questionnaire's keys are page shortcuts without actions and are listed here by hand.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.i18n import t


def questionnaire_keys() -> list[tuple[str, str]]:
    return [
        ("0–4, 1–5", t("Choose a level (maturity 0–4, statements 1–5)")),
        ("N", t("Not applicable")),
        ("D", t("Don't know")),
        ("→, PgDown", t("Next question")),
        ("←, PgUp", t("Previous question")),
        ("Home, End", t("First and last question")),
        ("Ctrl+U", t("Next unanswered question")),
        ("Esc", t("Leave the comment box (the keys answer again)")),
    ]


def action_keys(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) of every action with a shortcut, in the order given, without repeats."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        keys = ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
        )
        what = action.text().replace("&", "").rstrip("…").strip()
        if not keys or not what or keys in seen:
            continue
        seen.add(keys)
        rows.append((keys, what))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(t("Keyboard shortcuts"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([t("Keys"), t("What they do")])
        sections = [
            (t("Everywhere"), action_keys(actions)),
            (t("Answering questions"), questionnaire_keys()),
        ]
        for title, rows in sections:
            heading = QStandardItem(title)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.model.appendRow([heading, QStandardItem("")])
            for keys, what in rows:
                self.model.appendRow([QStandardItem(keys), QStandardItem(what)])
        self.table = QTableView()
        self.table.setObjectName("shortcutsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        intro = QLabel(t("Letters and digits answer only while no text field has the focus."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(t("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def rows(self) -> list[tuple[str, str]]:
        return [
            (str(self.model.index(r, 0).data()), str(self.model.index(r, 1).data()))
            for r in range(self.model.rowCount())
        ]
