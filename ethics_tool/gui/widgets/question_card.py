"""The question card: text, level descriptors as choices, N/A and "Nezinu", guidance and comment.

Its parts live beside it: the comment field with its typing-pause saving and length count in
:mod:`ethics_tool.gui.widgets.comment_box`, the legal note and guidance texts in
:mod:`ethics_tool.gui.widgets.question_text`, one choice in
:mod:`ethics_tool.gui.widgets.choice_button`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.domain.questionnaire import ItemType, Question, Questionnaire, Theme
from ethics_tool.gui.appearance import ScaledLabel, is_large_text
from ethics_tool.gui.widgets.choice_button import ChoiceButton
from ethics_tool.gui.widgets.comment_box import CommentBox
from ethics_tool.gui.widgets.question_text import guidance_parts, legal_html
from ethics_tool.i18n import t

NA_ID = -1000
UNKNOWN_ID = -1001


class QuestionCard(QWidget):
    """Shows one question; emits what the user chose, never stores anything itself."""

    level_chosen = Signal(int)
    na_chosen = Signal()
    unknown_chosen = Signal()
    comment_edited = Signal(str)  # debounced, and flushed before the question changes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionCard")
        # The card keeps the keyboard focus between questions (its choice buttons are rebuilt). It
        # takes focus from Tab only: a stray click beside the comment box must leave the focus in
        # it, or the next letters typed would answer the question instead of extending the comment.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.question: Question | None = None
        self.form: Questionnaire | None = None
        self.theme: Theme | None = None
        self.lang = "lv"
        self._loading = False
        self.read_only = False  # a finished assessment (set_read_only)

        self.theme_label = QLabel()
        self.theme_label.setObjectName("themeLabel")
        self.theme_label.setWordWrap(True)
        self.position_label = QLabel()
        self.position_label.setObjectName("positionLabel")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.text_label = ScaledLabel(1.35, bold=True)
        self.text_label.setObjectName("questionText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legal_label = QLabel()
        self.legal_label.setObjectName("legalLabel")
        self.legal_label.setWordWrap(True)
        self.legal_label.setTextFormat(Qt.TextFormat.RichText)
        self.legal_label.setOpenExternalLinks(True)
        self.legal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.legal_label.setStyleSheet(
            "QLabel { border: 1px solid palette(highlight); border-radius: 4px; padding: 4px 8px; }"
        )
        self.type_hint = QLabel()
        self.type_hint.setObjectName("typeHint")
        self.type_hint.setWordWrap(True)

        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self._clicked)
        # one column, or two with large text so that every choice fits a projector without scrolling
        self.choices_layout = QGridLayout()
        self.choices_layout.setSpacing(6)
        self.compact = is_large_text()
        self.level_buttons: dict[int, ChoiceButton] = {}
        self.na_button = ChoiceButton("N", "")
        self.na_button.setObjectName("naButton")
        self.unknown_button = ChoiceButton("D", "")
        self.unknown_button.setObjectName("unknownButton")
        self.group.addButton(self.na_button, NA_ID)
        self.group.addButton(self.unknown_button, UNKNOWN_ID)
        # "not applicable" and "don't know" side by side, in the grid after the levels
        self.special_box = QWidget()
        special = QHBoxLayout(self.special_box)
        special.setContentsMargins(0, 0, 0, 0)
        special.addWidget(self.na_button)
        special.addWidget(self.unknown_button)
        self._place_choices()

        self.guidance_toggle = QToolButton()
        self.guidance_toggle.setObjectName("guidanceToggle")
        self.guidance_toggle.setCheckable(True)
        self.guidance_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.guidance_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.guidance_toggle.setAutoRaise(True)
        self.guidance_toggle.toggled.connect(self._toggle_guidance)
        self.guidance = QLabel()
        self.guidance.setObjectName("guidanceText")
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.RichText)
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.guidance.setOpenExternalLinks(True)
        self.guidance.setIndent(18)
        self.guidance.hide()

        self.comment_box = CommentBox(self._comment_escaped, self)
        self.comment_box.edited.connect(self.comment_edited)
        self.comment_label = self.comment_box.label
        self.comment = self.comment_box.edit
        self.comment_count = self.comment_box.count

        self.others = QLabel()
        self.others.setObjectName("othersPanel")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.RichText)
        self.others.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }"
        )
        self.others.hide()

        top = QHBoxLayout()
        top.addWidget(self.theme_label, 1)
        top.addWidget(self.position_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.text_label)
        layout.addWidget(self.legal_label)
        layout.addWidget(self.type_hint)
        layout.addLayout(self.choices_layout)
        layout.addWidget(self.others)
        layout.addWidget(self.guidance_toggle)
        layout.addWidget(self.guidance)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        layout.addWidget(self.comment_count)
        layout.addStretch(1)
        self.retranslate()

    # -- showing ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.na_button.set_texts(
            "N", t("Not applicable"), t("The question does not apply to this unit.")
        )
        self.unknown_button.set_texts(
            "D", t("Don't know"), t("Nobody present knows; listed as a knowledge gap.")
        )
        self.guidance_toggle.setText(t("Why this matters"))
        self.comment_box.retranslate()

    def show_question(
        self,
        form: Questionnaire,
        theme: Theme,
        question: Question,
        position: int,
        total: int,
        answer: AnswerValue | None,
        comment: str,
        lang: str,
    ) -> None:
        self._loading = True
        self.comment_box.loading = True
        self.comment_box.timer.stop()
        if self.comment.hasFocus():
            # A new question starts with the keys answering it, not typing into its comment.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form, self.theme, self.question, self.lang = form, theme, question, lang
        self.theme_label.setText(theme.title.get(lang))
        self.position_label.setText(t("Question {n} of {total}", n=position, total=total))
        self.text_label.setText(question.text.get(lang))
        self.legal_label.setText(legal_html(question, lang))
        perception = question.type is ItemType.PERCEPTION
        self.type_hint.setText(
            t("How far do you agree? Keys 1–5.")
            if perception
            else t("Which description fits best? Keys 0–4.")
        )
        self._build_levels(form, question, lang)
        self.na_button.setVisible(form.allows_na(question))
        self.unknown_button.setVisible(form.allows_unknown(question))
        self.set_answer(answer)
        parts = guidance_parts(theme, question, lang)
        self.guidance.setText("".join(parts))
        # compact (large text): the legal note waits under the same "more" toggle as the guidance
        has_more = bool(parts) or (self.compact and bool(self.legal_label.text()))
        self.guidance_toggle.setVisible(has_more)
        self.guidance.setVisible(bool(parts) and self.guidance_toggle.isChecked())
        self._show_legal()
        self.comment_box.set_text(comment)
        self.comment_box.loading = False
        self._loading = False

    def _build_levels(self, form: Questionnaire, question: Question, lang: str) -> None:
        if any(button.hasFocus() for button in self.level_buttons.values()):
            self.setFocus()
        for button in self.level_buttons.values():
            self.group.removeButton(button)
            button.setParent(None)
            button.deleteLater()
        self.level_buttons.clear()
        scale = form.scale.levels if question.type is ItemType.MATURITY else form.scale.agreement
        for level in scale:
            specific = question.levels.get(level.value)
            if specific is not None:
                description = specific.get(lang)
            elif level.description is not None:
                description = level.description.get(lang)
            else:
                description = ""
            button = ChoiceButton(str(level.value), level.label.get(lang), description)
            button.setObjectName(f"level{level.value}")
            button.setEnabled(not self.read_only)
            self.group.addButton(button, level.value)
            self.level_buttons[level.value] = button
        self._place_choices()

    def _place_choices(self) -> None:
        columns = 2 if self.compact else 1
        cells: list[QWidget] = [*self.level_buttons.values(), self.special_box]
        for widget in cells:
            self.choices_layout.removeWidget(widget)
        for index, widget in enumerate(cells):
            self.choices_layout.addWidget(widget, index // columns, index % columns)
        for column in range(2):
            self.choices_layout.setColumnStretch(column, 1 if column < columns else 0)

    def set_compact(self, compact: bool) -> None:
        """Large text on a projector: choices in two columns, the legal note under "more"."""
        if compact == self.compact:
            return
        self.compact = compact
        self._place_choices()
        self._show_legal()

    def _show_legal(self) -> None:
        has_legal = bool(self.legal_label.text())
        folded = self.compact and not self.guidance_toggle.isChecked()
        self.legal_label.setVisible(has_legal and not folded)
        if self.compact and has_legal:
            self.guidance_toggle.setVisible(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self.set_compact(is_large_text())
        super().changeEvent(event)

    def set_answer(self, answer: AnswerValue | None) -> None:
        """Check the button of ``answer`` (none for no answer) without emitting anything."""
        target = None
        if answer is not None:
            if answer.kind is AnswerKind.LEVEL and answer.value is not None:
                target = self.level_buttons.get(answer.value)
            elif answer.kind is AnswerKind.NA:
                target = self.na_button
            else:
                target = self.unknown_button
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(button is target)
        self.group.setExclusive(True)

    def set_read_only(self, read_only: bool) -> None:
        """A finished assessment: the choices show the answer but cannot be pressed, and the
        comment can be read, selected and copied but not typed into."""
        self.read_only = read_only
        for button in self.group.buttons():
            button.setEnabled(not read_only)
        self.comment.setReadOnly(read_only)

    def set_others(self, html: str) -> None:
        self.others.setText(html)
        self.others.setVisible(bool(html))

    def _toggle_guidance(self, on: bool) -> None:
        self.guidance.setVisible(on and bool(self.guidance.text()))
        self._show_legal()
        self.guidance_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    # -- user input -------------------------------------------------------------------------------
    def _clicked(self, button_id: int) -> None:
        if self._loading or self.read_only:
            return
        if button_id == NA_ID:
            self.na_chosen.emit()
        elif button_id == UNKNOWN_ID:
            self.unknown_chosen.emit()
        else:
            self.level_chosen.emit(button_id)

    def has_level(self, value: int) -> bool:
        return value in self.level_buttons

    def set_comment(self, text: str) -> None:
        """Show ``text`` as the comment without sending it (it is saved by the caller)."""
        self.comment_box.set_text(text)

    def comment_text(self) -> str:
        return self.comment.toPlainText()

    def flush_comment(self) -> None:
        """Send the comment now if it changed since it was last sent."""
        self.comment_box.flush()

    def leave_comment(self) -> None:
        """Esc in the comment box: save it and give the keys back to the answers."""
        self.comment_box.flush()
        self._comment_escaped()

    def _comment_escaped(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
