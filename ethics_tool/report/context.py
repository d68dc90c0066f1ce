"""What every report section needs: the data, the results, the language and shared labels.

All numbers come from :class:`~ethics_tool.scoring.Results` and are formatted here with the i18n
helpers, so the report shows the same figures as the results page and the CLI.
"""

from __future__ import annotations

from datetime import date

from ethics_tool.benchmark.compare import BenchComparison
from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.questionnaire import ItemType, Level, Question, Questionnaire, Theme
from ethics_tool.i18n import (
    format_date,
    format_number,
    format_percent,
    role_label,
    t,
    unit_type_label,
)
from ethics_tool.scoring import Comparison, Results, compare


def level_label(form: Questionnaire, question: Question, value: int, lang: str) -> str:
    """``3 – Ieviests``: the value and its label on the question's own scale."""
    scale = levels_of(form, question)
    level = next((lvl for lvl in scale if lvl.value == value), None)
    return f"{value} – {level.label.get(lang)}" if level else str(value)


def levels_of(form: Questionnaire, question: Question) -> list[Level]:
    return form.scale.levels if question.type is ItemType.MATURITY else form.scale.agreement


class ReportContext:
    """The inputs of one report and the labels and numbers shared by its sections."""

    def __init__(
        self,
        data: AssessmentData,
        results: Results,
        lang: str,
        previous: tuple[AssessmentData, Results] | None = None,
    ) -> None:
        self.data = data
        self.results = results
        self.lang = lang
        self.previous = previous
        self.form: Questionnaire = data.form
        self.info = data.info
        self.comparison: Comparison | None = compare(results, previous[1]) if previous else None
        self.theme_number: dict[str, str] = {}
        self.question_number: dict[str, str] = {}
        self.themes: dict[str, Theme] = {}
        self.questions: dict[str, Question] = {}
        for ti, theme in enumerate(self.form.themes, start=1):
            self.theme_number[theme.id] = str(ti)
            self.themes[theme.id] = theme
            for qi, question in enumerate(theme.questions, start=1):
                self.question_number[question.id] = f"{ti}.{qi}"
                self.questions[question.id] = question
        self._single = self._single_answers()
        # A published benchmark reference to place the themes against (set by build_report).
        self.benchmark: BenchComparison | None = None

    # -- formatting --------------------------------------------------------------------------
    def pct(self, value: float | None) -> str:
        return format_percent(value, self.lang, 0)

    def num(self, value: float | None, digits: int = 1) -> str:
        return format_number(value, self.lang, digits)

    def date(self, value: date | None) -> str:
        return format_date(value, self.lang)

    def text(self, value: object) -> str:
        """A form text (:class:`Text`) in the report language."""
        get = getattr(value, "get", None)
        return str(get(self.lang)) if get else ""

    # -- labels ------------------------------------------------------------------------------
    @property
    def unit(self) -> str:
        if self.info.unit_name:
            return self.info.unit_name
        return unit_type_label(self.info.unit_type, self.lang)

    @property
    def band_label(self) -> str:
        index = self.results.band_index
        return "–" if index is None else self.form.bands[index].label.get(self.lang)

    @property
    def target_percent(self) -> float:
        return self.form.target_percent

    def theme_title(self, theme_id: str) -> str:
        theme = self.themes.get(theme_id)
        if theme is None and self.previous is not None:
            theme = next((th for th in self.previous[0].form.themes if th.id == theme_id), None)
        return theme.title.get(self.lang) if theme else theme_id

    def level_label(self, question: Question, value: int) -> str:
        return level_label(self.form, question, value, self.lang)

    # -- answers -----------------------------------------------------------------------------
    @property
    def several(self) -> bool:
        """Whether answers are shown as a mean and distribution (no single answer to show)."""
        return self._single is None

    def _single_answers(self) -> RespondentAnswers | None:
        if self.results.mode is Mode.CONSENSUS:
            return next((r for r in self.data.answers if r.is_group), None)
        individuals = [r for r in self.data.answers if not r.is_group]
        return individuals[0] if len(individuals) == 1 else None

    def single_answer(self, question_id: str) -> AnswerValue | None:
        return self._single.answers.get(question_id) if self._single else None

    def answer_label(self, question: Question, answer: AnswerValue | None) -> str:
        if answer is None:
            return t("Not answered", self.lang)
        if answer.kind is AnswerKind.NA:
            return t("Not applicable", self.lang)
        if answer.kind is AnswerKind.UNKNOWN:
            return t("Don't know", self.lang)
        return self.level_label(question, answer.value if answer.value is not None else 0)

    def comments(self, question_id: str) -> list[tuple[str, str]]:
        """(source, comment) pairs, the scored answers' comments first.

        The report never attributes an answer to a person: the source is "" for a respondent and
        names only the group's agreed answer in a consensus workshop.
        """
        ordered = sorted(self.data.answers, key=lambda r: 0 if r is self._single else 1)
        out: list[tuple[str, str]] = []
        for respondent in ordered:
            answer = respondent.answers.get(question_id)
            if answer is not None and answer.comment.strip():
                source = role_label(Role.GROUP, self.lang) if respondent.is_group else ""
                out.append((source, answer.comment.strip()))
        return out
