"""The theme navigator: themes and their questions as a Qt item model over the session, and its view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.gui.state.questionnaire import QuestionnaireSession
from ethics_tool.i18n import answered_meaning, current_language, t

COMMENT_MARK = "✎"  # beside the answer of a question with a comment
POSITION_ROLE = Qt.ItemDataRole.UserRole + 10
THEME = 0  # internal id of a theme row; a question row has its theme's number (1-based)
TITLE, MARK = 0, 1  # columns: the title, then the answer (questions) or the progress (themes)

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def answer_short(answer: AnswerValue | None) -> str:
    """What the navigator shows for an answer: the level, N or D."""
    if answer is None:
        return ""
    if answer.kind is AnswerKind.LEVEL:
        return str(answer.value)
    return "N" if answer.kind is AnswerKind.NA else "D"


class ThemeNavigatorModel(QAbstractItemModel):
    """Two levels (themes, questions) and two columns (title, answer or progress) of a session."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: QuestionnaireSession | None = None
        self._starts: list[int] = []  # the position of each theme's first question

    def set_session(self, session: QuestionnaireSession | None) -> None:
        self.beginResetModel()
        self.session = session
        self._starts = []
        if session is not None:
            position = 0
            for theme in session.data.form.themes:
                self._starts.append(position)
                position += len(theme.questions)
        self.endResetModel()

    def retranslate(self) -> None:
        self.set_session(self.session)

    def answers_changed(self) -> None:
        """The answers or the respondent changed: redraw the marks column."""
        if self.session is None or not self._starts:
            return
        last_theme = len(self._starts) - 1
        self.dataChanged.emit(self.index(0, MARK), self.index(last_theme, MARK))
        for row in range(len(self._starts)):
            parent = self.index(row, TITLE)
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(
                    self.index(0, MARK, parent), self.index(count - 1, MARK, parent)
                )

    def index_of(self, position: int) -> QModelIndex:
        """The index of the question at ``position`` (in the title column)."""
        for row in range(len(self._starts) - 1, -1, -1):
            if position >= self._starts[row]:
                return self.index(position - self._starts[row], TITLE, self.index(row, TITLE))
        return QModelIndex()

    # -- QAbstractItemModel ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, THEME)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == THEME:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, TITLE, THEME)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if self.session is None or parent.column() > 0:
            return 0
        themes = self.session.data.form.themes
        if not parent.isValid():
            return len(themes)
        if parent.internalId() == THEME:
            return len(themes[parent.row()].questions)
        return 0

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.session is None or not index.isValid():
            return None
        themes = self.session.data.form.themes
        lang = current_language()
        if index.internalId() == THEME:
            theme = themes[index.row()]
            if role == POSITION_ROLE:
                return self._starts[index.row()]
            if index.column() == TITLE:
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"{index.row() + 1}. {theme.title.get(lang)}"
                if role == Qt.ItemDataRole.ToolTipRole:
                    return theme.title.get(lang)
                if role == Qt.ItemDataRole.FontRole:
                    font = QFont()
                    font.setBold(True)
                    return font
            elif role == Qt.ItemDataRole.DisplayRole:
                done, total = self.session.theme_progress(theme)
                return f"{done}/{total}"
            elif role == Qt.ItemDataRole.ToolTipRole:
                return answered_meaning()
            return None
        theme_row = index.internalId() - 1
        question = themes[theme_row].questions[index.row()]
        if role == POSITION_ROLE:
            return self._starts[theme_row] + index.row()
        if index.column() == TITLE:
            text = question.text.get(lang)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{theme_row + 1}.{index.row() + 1} {text}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return text
            return None
        comment = self.session.comment_of(question.id).strip()
        if role == Qt.ItemDataRole.DisplayRole:
            mark = answer_short(
                self.session.answers_of(self.session.respondent_id).get(question.id)
            )
            return f"{mark} {COMMENT_MARK}".strip() if comment else mark
        if role == Qt.ItemDataRole.ToolTipRole and comment:
            return t("Comment: {comment}", comment=comment)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


def navigator_view(model: ThemeNavigatorModel, parent: QWidget | None = None) -> QTreeView:
    """A tree of ``model`` with every theme open, the titles elided and the marks column fitted."""
    view = QTreeView(parent)
    view.setObjectName("themeNavigator")
    view.setModel(model)
    view.setHeaderHidden(True)
    view.setRootIsDecorated(True)
    view.setUniformRowHeights(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(MARK, QHeaderView.ResizeMode.ResizeToContents)
    model.modelReset.connect(view.expandAll)
    return view
