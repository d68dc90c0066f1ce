"""Pieces the results tabs share: the read-only table and the warning style."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView

from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.gui.widgets.tables import WrappingTableView
from ethics_tool.i18n import current_language

WARNING_STYLE = (
    "QLabel { background: #fff4d6; color: #5a4300; border: 1px solid #e0b64a;"
    " border-radius: 4px; padding: 6px; }"
)


def read_only_table(name: str) -> QTableView:
    table = WrappingTableView()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


def form_theme_title(data: AssessmentData, theme_id: str) -> str:
    lang = current_language()
    for theme in data.form.themes:
        if theme.id == theme_id:
            return theme.title.get(lang)
    return theme_id
