"""Fields of the set-up dialog that stand on their own: the municipality box and error labels."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy

from ethics_tool.domain.municipalities import municipalities
from ethics_tool.gui.search import FoldingCompleter

ERROR_STYLE = "color: #b00020;"


def municipality_field(parent: QObject) -> QComboBox:
    """An editable list of the municipalities, empty at first; any other name may be typed.

    Names are found without diacritics too ("Livan" offers "Līvānu novads"), as in the home
    search; the completer belongs to ``parent``.
    """
    field = QComboBox()
    field.setObjectName("municipalityField")
    field.setEditable(True)
    field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    names = [entry.lv for entry in municipalities()]
    field.addItems(names)
    field.setCurrentIndex(-1)
    field.setEditText("")
    field.setCompleter(FoldingCompleter(names, parent))
    return field


def error_label(name: str) -> QLabel:
    """A hidden, red, wrapped label that says what is wrong with the field above it."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
