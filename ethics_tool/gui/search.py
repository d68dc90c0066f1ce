"""Matching typed text the way people type it: case and Latvian diacritics do not matter."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 40


def fold(text: str) -> str:
    """Lower case without diacritics, so "kekava" finds "Ķekavas novads"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class FoldingCompleter(QCompleter):
    """Completes from ``names`` by any part of a name, ignoring case and diacritics.

    "Livan" offers "Līvānu novads"; choosing it puts the real name, with its letters, in the field.
    """

    def __init__(self, names: list[str], parent: QObject | None = None) -> None:
        model = QStandardItemModel(parent)
        for name in names:
            item = QStandardItem(name)
            item.setData(fold(name), FOLDED_ROLE)
            model.appendRow(item)
        super().__init__(model, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")
