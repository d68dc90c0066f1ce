"""The questionnaire model: what a form file in ``forms/`` may contain.

Forms are data. They are parsed once, at the edge, into these frozen pydantic models; the rest of the
core trusts them and does not re-check. Every text a user sees is bilingual (:class:`Text`).

Over 400 lines because it is the whole schema of a form file in one place (each model with its
validators, in the order of forms/README.md) plus the answer rules that both the GUI and imports use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.domain.checks import text_problem
from ethics_tool.errors import UserError
from ethics_tool.i18n import t

LANGUAGES = ("lv", "en")
ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_.\-]{0,63}$"
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")
MAX_COMMENT_CHARS = 20_000


class AnswerError(UserError):
    """An answer the questionnaire does not allow (the message names the question and the rule)."""


URL = re.compile(r"^https?://[^\s<>\"]+$")


def _check_url(value: str | None) -> str | None:
    if value is not None and not URL.match(value):
        raise ValueError(
            t("url must be an http(s) address without spaces, got {value}", value=repr(value))
        )
    return value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """A text in Latvian (required, the first language) and English."""

    lv: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        """The text in ``lang``; Latvian for any language the form does not have."""
        return self.en if lang == "en" else self.lv

    @field_validator("lv", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(t("text must not be blank"))
        return value.strip()


class ItemType(StrEnum):
    MATURITY = "maturity"
    PERCEPTION = "perception"


class Audience(StrEnum):
    COUNCIL = "council"
    ADMINISTRATION = "administration"
    ANY = "any"


class ReferenceKind(StrEnum):
    COE = "coe"  # Council of Europe 12 Principles of Good Democratic Governance
    OECD = "oecd"  # OECD Recommendation on Public Integrity
    LAW = "law"  # a Latvian law or regulation
    GUIDANCE = "guidance"  # KNAB, State Chancellery, VARAM or similar guidance
    FRAMEWORK = "framework"  # IntoSAINT, CAF, KS, ELoGE, ...


class Reference(_Model):
    """A citation: which framework or law, and where in it (``P4``, ``11. pants``).

    ``url`` links to the text (a law on likumi.lv by its id); forms written before 2.0.0 have none.
    ``label`` is how the reference reads in each language when ``ref`` is a name in another
    language (a Norwegian or English framework); without it ``ref`` is shown as written.
    """

    kind: ReferenceKind
    ref: Annotated[str, Field(min_length=1)]
    label: Text | None = None
    note: Text | None = None
    url: str | None = None

    _url = field_validator("url")(_check_url)


class LegalRequirement(_Model):
    """Marks a question as a legal requirement; below level 2 it is a compliance gap.

    ``article`` is the provision as seen in the law's text, or as an authoritative secondary
    source states it; then ``source`` names that source (``KNAB skaidrojums``). ``url`` links to
    the law (likumi.lv with its id). Both are optional so that older snapshots still load.
    """

    law: Text
    article: Annotated[str, Field(min_length=1)]
    url: str | None = None
    source: Text | None = None

    _url = field_validator("url")(_check_url)


class Level(_Model):
    """One step of an answer scale."""

    value: int
    label: Text
    description: Text | None = None


class Scale(_Model):
    """The maturity scale (0..4) and the agreement scale used by perception items (1..5)."""

    levels: Annotated[list[Level], Field(min_length=2)]
    agreement: Annotated[list[Level], Field(min_length=2)]
    allow_na: bool = True
    allow_unknown: bool = True

    @field_validator("levels", "agreement")
    @classmethod
    def _ordered_unique(cls, levels: list[Level]) -> list[Level]:
        values = [level.value for level in levels]
        if values != sorted(set(values)):
            raise ValueError(
                t("level values must be unique and ascending, got {values}", values=values)
            )
        return levels

    @property
    def max_level(self) -> int:
        return self.levels[-1].value

    @property
    def min_level(self) -> int:
        return self.levels[0].value

    def level(self, value: int) -> Level | None:
        return next((lvl for lvl in self.levels if lvl.value == value), None)

    def agreement_level(self, value: int) -> Level | None:
        return next((lvl for lvl in self.agreement if lvl.value == value), None)


class Band(_Model):
    """A maturity band: applies from ``min`` percent (inclusive) up to the next band's minimum."""

    min: Annotated[float, Field(ge=0, le=100)]
    label: Text
    description: Text | None = None


class Recommendation(_Model):
    """Advice given when a question's answer is at one of ``levels``."""

    levels: Annotated[list[int], Field(min_length=1)]
    text: Text


class Question(_Model):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    type: ItemType = ItemType.MATURITY
    text: Text
    guidance: Text | None = None
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    legal: LegalRequirement | None = None
    references: list[Reference] = Field(default_factory=list)
    # Question-specific descriptors, keyed by level value (maturity items).
    levels: dict[int, Text] = Field(default_factory=dict)
    recommendations: list[Recommendation] = Field(default_factory=list)
    allow_na: bool | None = None
    allow_unknown: bool | None = None
    # What document or fact shows level 3 (the target level), as the CoE ELoGE benchmark asks.
    evidence: Text | None = None
    # Part of the core subset offered for a short session.
    core: bool = False

    @property
    def is_legal(self) -> bool:
        return self.legal is not None

    def recommendations_for(self, level: int) -> list[Recommendation]:
        return [rec for rec in self.recommendations if level in rec.levels]


class Theme(_Model):
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    title: Text
    description: Text | None = None
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    references: list[Reference] = Field(default_factory=list)
    questions: Annotated[list[Question], Field(min_length=1)]


class Questionnaire(_Model):
    """A whole form: themes of questions plus the scale, bands and defaults they are scored with."""

    format: Literal[1] = 1
    id: Annotated[str, Field(pattern=ID_PATTERN)]
    version: str
    title: Text
    description: Text | None = None
    audience: Audience = Audience.ANY
    scale: Scale
    bands: Annotated[list[Band], Field(min_length=1)]
    target_level: int = 3
    coverage_threshold: Annotated[float, Field(ge=0, le=100)] = 80.0
    # Expected time to answer the whole form, and its core subset, in minutes.
    minutes: Annotated[int, Field(gt=0, le=600)] | None = None
    core_minutes: Annotated[int, Field(gt=0, le=600)] | None = None
    # "core" when this is the core subset of the form (see :meth:`core_subset`).
    subset: Literal["core"] | None = None
    themes: Annotated[list[Theme], Field(min_length=1)]

    @field_validator("version")
    @classmethod
    def _semver(cls, value: str) -> str:
        if not SEMVER.match(value):
            raise ValueError(t("version must look like 1.0.0, got {value}", value=repr(value)))
        return value

    @field_validator("bands")
    @classmethod
    def _bands_ordered(cls, bands: list[Band]) -> list[Band]:
        mins = [band.min for band in bands]
        if mins != sorted(set(mins)):
            raise ValueError(t("band minimums must be unique and ascending, got {mins}", mins=mins))
        if mins[0] != 0:
            raise ValueError(t("the first band must start at 0"))
        return bands

    @model_validator(mode="after")
    def _consistent(self) -> Questionnaire:
        problems: list[str] = []
        seen_themes: set[str] = set()
        seen_questions: dict[str, str] = {}
        level_values = {lvl.value for lvl in self.scale.levels}
        agreement_values = {lvl.value for lvl in self.scale.agreement}
        if self.target_level not in level_values:
            problems.append(
                t("target_level {level} is not a level of the scale", level=self.target_level)
            )
        for ti, theme in enumerate(self.themes):
            if theme.id in seen_themes:
                problems.append(
                    f"themes[{ti}].id: " + t("duplicate theme id {id}", id=repr(theme.id))
                )
            seen_themes.add(theme.id)
            for qi, question in enumerate(theme.questions):
                where = f"themes[{ti}].questions[{qi}]"
                if question.id in seen_questions:
                    problems.append(
                        f"{where}.id: "
                        + t(
                            "duplicate question id {id} (first used in {first})",
                            id=repr(question.id),
                            first=seen_questions[question.id],
                        )
                    )
                else:
                    seen_questions[question.id] = where
                allowed = level_values if question.type is ItemType.MATURITY else agreement_values
                for value in question.levels:
                    if value not in allowed:
                        problems.append(
                            f"{where}.levels.{value}: "
                            + t("no such level on the {scale} scale", scale=question.type.value)
                        )
                for ri, rec in enumerate(question.recommendations):
                    for value in rec.levels:
                        if value not in allowed:
                            problems.append(
                                f"{where}.recommendations[{ri}].levels: "
                                + t(
                                    "{value} is not a level on the {scale} scale",
                                    value=value,
                                    scale=question.type.value,
                                )
                            )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # -- navigation helpers -------------------------------------------------------------------
    def iter_questions(self) -> Iterator[tuple[Theme, Question]]:
        for theme in self.themes:
            for question in theme.questions:
                yield theme, question

    @property
    def question_count(self) -> int:
        return sum(len(theme.questions) for theme in self.themes)

    @cached_property
    def questions_by_id(self) -> dict[str, Question]:
        return {question.id: question for _, question in self.iter_questions()}

    def question(self, question_id: str) -> Question:
        return self.questions_by_id[question_id]

    @cached_property
    def question_numbers(self) -> dict[str, str]:
        """Question id -> "theme.question" (1-based), the number shown on screen and in the PDF."""
        return {
            question.id: f"{ti}.{qi}"
            for ti, theme in enumerate(self.themes, start=1)
            for qi, question in enumerate(theme.questions, start=1)
        }

    def level_label(self, question: Question, value: int, lang: str) -> str:
        """``3 – Ieviests``: a value and its label on the question's own scale."""
        level = next((lvl for lvl in self.scale_of(question) if lvl.value == value), None)
        return f"{value} – {level.label.get(lang)}" if level else str(value)

    def theme_of(self, question_id: str) -> Theme:
        for theme, question in self.iter_questions():
            if question.id == question_id:
                return theme
        raise KeyError(question_id)

    def allows_na(self, question: Question) -> bool:
        return self.scale.allow_na if question.allow_na is None else question.allow_na

    def allows_unknown(self, question: Question) -> bool:
        return (
            self.scale.allow_unknown if question.allow_unknown is None else question.allow_unknown
        )

    @property
    def core_count(self) -> int:
        """How many questions the core subset has (0: the form offers none)."""
        return sum(1 for _, question in self.iter_questions() if question.core)

    @property
    def has_core(self) -> bool:
        return self.subset is None and self.core_count > 0

    def core_subset(self) -> Questionnaire:
        """The same form with only its core questions; themes without one are left out.

        Ids, levels and scoring rules stay as they are, so a core result can be compared with a
        full one question by question.
        """
        if not self.has_core:
            raise ValueError(f"the form {self.id!r} has no core subset")
        themes = [
            theme.model_copy(update={"questions": [q for q in theme.questions if q.core]})
            for theme in self.themes
            if any(q.core for q in theme.questions)
        ]
        return self.model_copy(
            update={"themes": themes, "subset": "core", "minutes": self.core_minutes}
        )

    @property
    def target_percent(self) -> float:
        """The target level as a percent of the maturity scale (0–4, target 3: 75)."""
        low, high = self.scale.min_level, self.scale.max_level
        return (self.target_level - low) / (high - low) * 100.0

    def band_for(self, percent: float) -> Band:
        chosen = self.bands[0]
        for band in self.bands:
            if percent >= band.min:
                chosen = band
        return chosen

    # -- answer rules: the one validation for the GUI, the services and imports ---------------
    def scale_of(self, question: Question) -> list[Level]:
        """The levels a question is answered on (maturity levels or the agreement scale)."""
        return self.scale.levels if question.type is ItemType.MATURITY else self.scale.agreement

    def answer_problem(self, question_id: str, answer: AnswerValue | None) -> str | None:
        """Why ``answer`` to ``question_id`` is not allowed (translated), or ``None`` if it is.

        ``None`` as the answer (clearing it) only needs the question to exist.
        """
        question = self.questions_by_id.get(question_id)
        if question is None:
            return t(
                "question “{question}” is not in questionnaire “{form}”",
                question=question_id,
                form=self.id,
            )
        if answer is None:
            return None
        if answer.kind is AnswerKind.LEVEL:
            allowed = [level.value for level in self.scale_of(question)]
            value = answer.value
            if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
                return t(
                    "level {level} is not on the scale {allowed}",
                    level=value,
                    allowed=", ".join(str(v) for v in allowed),
                )
        else:
            if answer.kind is AnswerKind.NA and not self.allows_na(question):
                return t("“Nav attiecināms” is not allowed for this question")
            if answer.kind is AnswerKind.UNKNOWN and not self.allows_unknown(question):
                return t("“Nezinu” is not allowed for this question")
            if answer.value is not None:
                return t(
                    "a level ({level}) is given with “{kind}”",
                    level=answer.value,
                    kind="Nav attiecināms" if answer.kind is AnswerKind.NA else "Nezinu",
                )
        comment = answer.comment
        if not isinstance(comment, str):
            return t("the comment must be text")
        if len(comment) > MAX_COMMENT_CHARS:
            return t(
                "the comment is too long ({length} characters; at most {limit})",
                length=len(comment),
                limit=MAX_COMMENT_CHARS,
            )
        problem = text_problem(comment)
        if problem is not None:
            return t("comment: {reason}", reason=problem)
        return None

    def check_answer(self, question_id: str, answer: AnswerValue | None) -> None:
        """Raise :class:`AnswerError` (``"<question>: <reason>"``) unless the answer is allowed."""
        problem = self.answer_problem(question_id, answer)
        if problem is not None:
            raise AnswerError(f"{question_id}: {problem}")
