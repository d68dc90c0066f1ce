"""Questionnaire page: the theme navigator, the question card and the respondent switcher.

Every answer goes straight to :meth:`Services.record_answer` (which commits); the page only keeps a
copy of the answers to draw the navigator and the progress.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.questionnaire import Question, Theme
from ethics_tool.gui.appearance import ScaledLabel
from ethics_tool.gui.dialogs.respondents import RespondentsDialog, respondent_name
from ethics_tool.gui.item_models import unit_text
from ethics_tool.gui.widgets.question_card import QuestionCard
from ethics_tool.i18n import current_language, format_date, t

if TYPE_CHECKING:
    from ethics_tool.domain.assessment import RespondentInfo
    from ethics_tool.gui.dialogs import Dialogs
    from ethics_tool.services import Services

POSITION_ROLE = Qt.ItemDataRole.UserRole + 10


def answer_short(answer: AnswerValue | None) -> str:
    """What the navigator shows for an answer: the level, N or D."""
    if answer is None:
        return ""
    if answer.kind is AnswerKind.LEVEL:
        return str(answer.value)
    return "N" if answer.kind is AnswerKind.NA else "D"


def answer_text(answer: AnswerValue | None, data: AssessmentData, question: Question) -> str:
    lang = current_language()
    if answer is None:
        return t("no answer yet")
    if answer.kind is AnswerKind.NA:
        return t("Not applicable")
    if answer.kind is AnswerKind.UNKNOWN:
        return t("Don't know")
    scale = data.form.scale
    level = (
        scale.level(answer.value or 0)
        if question.type.value == "maturity"
        else (scale.agreement_level(answer.value or 0))
    )
    return f"{answer.value} – {level.label.get(lang)}" if level else str(answer.value)


class QuestionnairePage(QWidget):
    saved = Signal(str)  # a status-bar message after an autosave
    results_requested = Signal(int)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionnairePage")
        self.services = services
        self.dialogs = dialogs
        self.data: AssessmentData | None = None
        self.answers: dict[int, dict[str, AnswerValue]] = {}
        self.pending_comments: dict[tuple[int, str], str] = {}
        self.order: list[tuple[Theme, Question]] = []
        self.position = 0
        self.respondent_id: int | None = None
        self._question_items: list[QTreeWidgetItem] = []
        self._theme_items: dict[str, QTreeWidgetItem] = {}

        self.title = ScaledLabel(1.3, bold=True)
        self.title.setObjectName("questionnaireTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("questionnaireSubtitle")
        self.subtitle.setWordWrap(True)
        self.respondent_label = QLabel()
        self.respondents = QComboBox()
        self.respondents.setObjectName("respondentSwitcher")
        self.respondents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.respondents.currentIndexChanged.connect(self._respondent_changed)
        self.respondent_label.setBuddy(self.respondents)
        self.manage_button = QPushButton()
        self.manage_button.setObjectName("manageRespondentsButton")
        self.manage_button.clicked.connect(self.manage_respondents)
        self.progress = QProgressBar()
        self.progress.setObjectName("questionnaireProgress")
        self.progress.setMinimumWidth(160)

        self.navigator = QTreeWidget()
        self.navigator.setObjectName("themeNavigator")
        self.navigator.setColumnCount(2)
        self.navigator.setHeaderHidden(True)
        self.navigator.setRootIsDecorated(True)
        self.navigator.setUniformRowHeights(True)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.header().setStretchLastSection(False)
        self.navigator.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.navigator.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.navigator.itemClicked.connect(self._navigator_clicked)
        self.navigator.itemActivated.connect(self._navigator_clicked)

        self.card = QuestionCard()
        self.card.level_chosen.connect(self.choose_level)
        self.card.na_chosen.connect(self.choose_na)
        self.card.unknown_chosen.connect(self.choose_unknown)
        self.card.comment_edited.connect(self._comment_edited)
        scroll = QScrollArea()
        scroll.setObjectName("questionScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.card)
        self.question_scroll = scroll

        self.previous_button = QPushButton()
        self.previous_button.setObjectName("previousButton")
        self.previous_button.clicked.connect(self.previous_question)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_button.clicked.connect(self.next_question)
        self.next_unanswered_button = QPushButton()
        self.next_unanswered_button.setObjectName("nextUnansweredButton")
        self.next_unanswered_button.clicked.connect(self.next_unanswered)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearAnswerButton")
        self.clear_button.clicked.connect(self.clear_answer)
        self.results_button = QPushButton()
        self.results_button.setObjectName("showResultsButton")
        self.results_button.clicked.connect(self._show_results)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("keysHint")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: palette(placeholder-text);")

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.respondent_label)
        header.addWidget(self.respondents)
        header.addWidget(self.manage_button)
        header.addWidget(self.progress)
        header.addWidget(self.results_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.clear_button)
        nav.addStretch(1)
        nav.addWidget(self.next_unanswered_button)
        nav.addWidget(self.next_button)
        right_layout.addLayout(nav)
        right_layout.addWidget(self.keys_hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigator)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 860])
        splitter.setChildrenCollapsible(False)
        self.navigator.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self._make_shortcuts()
        self.retranslate()

    # -- keyboard ---------------------------------------------------------------------------------
    def _make_shortcuts(self) -> None:
        def shortcut(key: QKeySequence | str, slot: object) -> QShortcut:
            sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
            sc = QShortcut(sequence, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
            return sc

        for digit in range(10):
            shortcut(str(digit), lambda d=digit: self._digit(d))
        shortcut("N", self._key_na)
        shortcut("D", self._key_unknown)
        shortcut("Right", self.next_question)
        shortcut("PgDown", self.next_question)
        shortcut("Left", self.previous_question)
        shortcut("PgUp", self.previous_question)
        shortcut("Ctrl+U", self.next_unanswered)
        shortcut("Home", lambda: self.go_to(0))
        shortcut("End", lambda: self.go_to(len(self.order) - 1))

    def _digit(self, value: int) -> None:
        if self.card.has_level(value):
            self.choose_level(value)

    def _key_na(self) -> None:
        if self.card.na_button.isVisible():
            self.choose_na()

    def _key_unknown(self) -> None:
        if self.card.unknown_button.isVisible():
            self.choose_unknown()

    # -- texts ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.respondent_label.setText(t("&Respondent:"))
        self.respondents.setAccessibleName(t("Respondent"))
        self.manage_button.setText(t("Respondents…"))
        self.manage_button.setToolTip(t("Add, rename or remove the people who answer"))
        self.progress.setAccessibleName(t("Answered questions"))
        self.navigator.setAccessibleName(t("Themes and questions"))
        self.previous_button.setText(t("◀ Previous"))
        self.previous_button.setToolTip(t("Previous question (Left arrow, Page Up)"))
        self.next_button.setText(t("Next ▶"))
        self.next_button.setToolTip(t("Next question (Right arrow, Page Down)"))
        self.next_unanswered_button.setText(t("Next unanswered"))
        self.next_unanswered_button.setToolTip(
            t("Go to the next question without an answer (Ctrl+U)")
        )
        self.clear_button.setText(t("Clear answer"))
        self.clear_button.setToolTip(t("Remove the answer to this question"))
        self.results_button.setText(t("Results"))
        self.results_button.setToolTip(t("Show the results of this assessment"))
        self.keys_hint.setText(
            t(
                "Keys: 0–4 (or 1–5) choose a level · N not applicable · D don't know · "
                "← → previous and next · Ctrl+U next unanswered. Answers are saved at once."
            )
        )
        self.card.retranslate()
        if self.data is not None:
            self._fill_header()
            self._fill_respondents()
            self._build_navigator()
            self._show_current()

    # -- loading ----------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> None:
        self.card.flush_comment()
        data = self.services.load(assessment_id)
        self.data = data
        self.answers = {
            person.id: dict(given.answers)
            for person, given in zip(data.respondents, data.answers, strict=True)
        }
        self.pending_comments.clear()
        self.order = list(data.form.iter_questions())
        group = next((r for r in data.respondents if r.role is Role.GROUP), None)
        if data.info.mode is Mode.CONSENSUS and group is not None:
            self.respondent_id = group.id
        else:
            self.respondent_id = data.respondents[0].id if data.respondents else None
        self._fill_header()
        self._fill_respondents()
        self._build_navigator()
        unanswered = self._first_unanswered(0)
        self.position = unanswered if unanswered is not None else 0
        self._show_current()

    def _fill_header(self) -> None:
        assert self.data is not None
        info = self.data.info
        lang = current_language()
        self.title.setText(f"{info.municipality} — {unit_text(info.unit_type, info.unit_name)}")
        self.subtitle.setText(f"{self.data.form.title.get(lang)} · {format_date(info.assessed_on)}")

    def _respondent_text(self, person: RespondentInfo) -> str:
        given = self.answers.get(person.id, {})
        answered = sum(1 for _, q in self.order if q.id in given)
        return t(
            "{name} — {answered}/{total}",
            name=respondent_name(person),
            answered=answered,
            total=len(self.order),
        )

    def _fill_respondents(self) -> None:
        assert self.data is not None
        self.respondents.blockSignals(True)
        self.respondents.clear()
        for person in self.data.respondents:
            self.respondents.addItem(self._respondent_text(person), person.id)
        index = self.respondents.findData(self.respondent_id)
        self.respondents.setCurrentIndex(max(index, 0))
        self.respondents.blockSignals(False)
        several = len(self.data.respondents) > 1
        self.respondents.setVisible(several)
        self.respondent_label.setVisible(several)

    def _refresh_respondent_progress(self) -> None:
        if self.data is None:
            return
        for row, person in enumerate(self.data.respondents):
            if row < self.respondents.count():
                self.respondents.setItemText(row, self._respondent_text(person))

    def manage_respondents(self) -> RespondentsDialog | None:
        """Open the respondents dialog (window-modal); the page follows every change."""
        if self.data is None:
            return None
        self.card.flush_comment()
        dialog = RespondentsDialog(self.services, self.dialogs, self.data.info.id, self.window())
        dialog.changed.connect(self._respondents_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _respondents_changed(self) -> None:
        if self.data is None:
            return
        position, respondent = self.position, self.respondent_id
        self.show_assessment(self.data.info.id)
        if any(person.id == respondent for person in self.data.respondents):
            self.respondent_id = respondent
            self._fill_respondents()
        self.position = min(position, max(0, len(self.order) - 1))
        self._refresh_progress()
        self._show_current()

    def _build_navigator(self) -> None:
        assert self.data is not None
        lang = current_language()
        self.navigator.clear()
        self._question_items = []
        self._theme_items = {}
        position = 0
        for theme_no, theme in enumerate(self.data.form.themes, start=1):
            theme_item = QTreeWidgetItem([f"{theme_no}. {theme.title.get(lang)}", ""])
            theme_item.setToolTip(0, theme.title.get(lang))
            font = theme_item.font(0)
            font.setBold(True)
            theme_item.setFont(0, font)
            theme_item.setData(0, POSITION_ROLE, position)
            self.navigator.addTopLevelItem(theme_item)
            self._theme_items[theme.id] = theme_item
            for question_no, question in enumerate(theme.questions, start=1):
                text = question.text.get(lang)
                item = QTreeWidgetItem([f"{theme_no}.{question_no} {text}", ""])
                item.setToolTip(0, text)
                item.setData(0, POSITION_ROLE, position)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                theme_item.addChild(item)
                self._question_items.append(item)
                position += 1
            theme_item.setExpanded(True)
        self._refresh_progress()

    # -- state helpers ------------------------------------------------------------------------------
    def _current_answers(self) -> dict[str, AnswerValue]:
        if self.respondent_id is None:
            return {}
        return self.answers.setdefault(self.respondent_id, {})

    def current_question(self) -> Question | None:
        if not self.order:
            return None
        return self.order[self.position][1]

    def current_answer(self) -> AnswerValue | None:
        question = self.current_question()
        return self._current_answers().get(question.id) if question else None

    def _first_unanswered(self, start: int) -> int | None:
        given = self._current_answers()
        count = len(self.order)
        for step in range(count):
            position = (start + step) % count
            if self.order[position][1].id not in given:
                return position
        return None

    def _refresh_progress(self) -> None:
        assert self.data is not None
        given = self._current_answers()
        for item, (_, question) in zip(self._question_items, self.order, strict=True):
            item.setText(1, answer_short(given.get(question.id)))
        for theme in self.data.form.themes:
            done = sum(1 for q in theme.questions if q.id in given)
            self._theme_items[theme.id].setText(1, f"{done}/{len(theme.questions)}")
        answered = sum(1 for _, q in self.order if q.id in given)
        self.progress.setMaximum(max(1, len(self.order)))
        self.progress.setValue(answered)
        self.progress.setFormat(
            t("{answered} of {total} answered", answered=answered, total=len(self.order))
        )
        self._refresh_respondent_progress()

    def _show_current(self) -> None:
        if self.data is None or not self.order:
            return
        theme, question = self.order[self.position]
        answer = self.current_answer()
        key = (self.respondent_id or 0, question.id)
        comment = answer.comment if answer is not None else self.pending_comments.get(key, "")
        self.card.show_question(
            self.data.form,
            theme,
            question,
            self.position + 1,
            len(self.order),
            answer,
            comment,
            current_language(),
        )
        self._show_others(question)
        item = self._question_items[self.position]
        self.navigator.setCurrentItem(item)
        self.navigator.scrollToItem(item)
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.order) - 1)
        self.clear_button.setEnabled(answer is not None)
        self.question_scroll.verticalScrollBar().setValue(0)

    def _show_others(self, question: Question) -> None:
        """In consensus mode, the individual answers beside the group's."""
        assert self.data is not None
        group = next((r for r in self.data.respondents if r.role is Role.GROUP), None)
        individuals = [r for r in self.data.respondents if r.role is not Role.GROUP]
        if group is None or self.respondent_id != group.id or not individuals:
            self.card.set_others("")
            return
        rows = []
        given: list[AnswerValue] = []
        for person in individuals:
            answer = self.answers.get(person.id, {}).get(question.id)
            if answer is not None:
                given.append(answer)
            rows.append(
                f"<li>{escape(person.label)}: {escape(answer_text(answer, self.data, question))}</li>"
            )
        distribution = self._distribution(given, question, len(individuals))
        results = self.services.score(self._snapshot())
        extra = ""
        outcome = results.questions.get(question.id)
        if outcome is not None and outcome.discussion_point:
            discuss = t("The answers differ by two levels or more: discuss.")
            extra = f"<p><b>{escape(discuss)}</b></p>"
        title = escape(t("Individual answers"))
        self.card.set_others(f"<b>{title}</b><ul>{''.join(rows)}</ul>{distribution}{extra}")

    def _distribution(self, given: list[AnswerValue], question: Question, people: int) -> str:
        """How many individuals gave each answer, as a small table with bars."""
        assert self.data is not None

        def order(answer: AnswerValue) -> tuple[int, int]:
            if answer.kind is AnswerKind.LEVEL:
                return (0, answer.value or 0)
            return (1 if answer.kind is AnswerKind.NA else 2, 0)

        counts = Counter(dataclasses.replace(answer, comment="") for answer in given)
        lines = [
            f"<tr><td>{escape(answer_text(answer, self.data, question))}</td>"
            f"<td align='right'>&nbsp;{count}&nbsp;</td><td>{'■' * count}</td></tr>"
            for answer, count in sorted(counts.items(), key=lambda item: order(item[0]))
        ]
        missing = people - len(given)
        if missing:
            none_yet = escape(t("no answer yet"))
            lines.append(
                f"<tr><td>{none_yet}</td>"
                f"<td align='right'>&nbsp;{missing}&nbsp;</td><td>{'□' * missing}</td></tr>"
            )
        title = escape(t("Distribution"))
        return f"<p><b>{title}</b></p><table>{''.join(lines)}</table>"

    def _snapshot(self) -> AssessmentData:
        assert self.data is not None
        answers = [
            RespondentAnswers(
                key=given.key,
                label=given.label,
                role=given.role,
                answers=dict(self.answers.get(person.id, {})),
            )
            for person, given in zip(self.data.respondents, self.data.answers, strict=True)
        ]
        return dataclasses.replace(self.data, answers=answers)

    # -- navigation -------------------------------------------------------------------------------
    def go_to(self, position: int) -> None:
        if not self.order:
            return
        self.card.flush_comment()
        self.position = max(0, min(position, len(self.order) - 1))
        self._show_current()

    def next_question(self) -> None:
        self.go_to(self.position + 1)

    def previous_question(self) -> None:
        self.go_to(self.position - 1)

    def next_unanswered(self) -> None:
        self.card.flush_comment()
        found = self._first_unanswered(self.position + 1)
        if found is None:
            self.saved.emit(t("Every question has an answer."))
            return
        self.go_to(found)

    def _navigator_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        position = item.data(0, POSITION_ROLE)
        if position is not None:
            self.go_to(int(position))

    def _respondent_changed(self, index: int) -> None:
        value = self.respondents.itemData(index)
        if value is None or self.data is None:
            return
        self.card.flush_comment()
        self.respondent_id = int(value)
        self._refresh_progress()
        self._show_current()

    def _show_results(self) -> None:
        self.card.flush_comment()
        if self.data is not None:
            self.results_requested.emit(self.data.info.id)

    # -- answering ----------------------------------------------------------------------------------
    def choose_level(self, value: int) -> None:
        self._record(AnswerValue.level(value, self.card.comment_text()))

    def choose_na(self) -> None:
        self._record(AnswerValue.na(self.card.comment_text()))

    def choose_unknown(self) -> None:
        self._record(AnswerValue.unknown(self.card.comment_text()))

    def clear_answer(self) -> None:
        self._record(None)

    def _record(self, answer: AnswerValue | None) -> bool:
        from ethics_tool.services import ServiceError

        question = self.current_question()
        if question is None or self.respondent_id is None:
            return False
        try:
            self.services.record_answer(self.respondent_id, question.id, answer)
        except ServiceError as exc:
            self.card.set_answer(self.current_answer())
            self.dialogs.error(t("The answer could not be saved"), str(exc))
            return False
        given = self._current_answers()
        key = (self.respondent_id, question.id)
        if answer is None:
            given.pop(question.id, None)
            self.pending_comments[key] = self.card.comment_text()
        else:
            given[question.id] = answer
            self.pending_comments.pop(key, None)
        self.card.set_answer(answer)
        self._refresh_progress()
        self._show_others(question)
        self.clear_button.setEnabled(answer is not None)
        self.saved.emit(t("Saved"))
        return True

    def _comment_edited(self, text: str) -> None:
        question = self.current_question()
        if question is None or self.respondent_id is None:
            return
        answer = self.current_answer()
        if answer is None:
            # A comment needs an answer to belong to; it is kept and saved with the answer.
            self.pending_comments[(self.respondent_id, question.id)] = text
            self.saved.emit(t("The comment will be saved with the answer"))
            return
        self._record(dataclasses.replace(answer, comment=text))

    def leave(self) -> None:
        """Called before the page is hidden: nothing typed may be lost."""
        self.card.flush_comment()
