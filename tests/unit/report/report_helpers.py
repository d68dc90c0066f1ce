"""Builders for the report tests: hand-made answers to any form, their results, PDF text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import (
    ActionData,
    AssessmentData,
    AssessmentInfo,
    RespondentInfo,
    Status,
)
from ethics_tool.domain.loader import load_form
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.paths import data_root
from ethics_tool.scoring import Results, score

MUNICIPALITY = "Ķekavas novada pašvaldība"
UNIT = "Dome — Ģērbšanās komiteja"


def make_data(
    form: Questionnaire,
    respondents: Sequence[RespondentAnswers],
    mode: Mode = Mode.SINGLE,
    municipality: str = MUNICIPALITY,
    unit: str = UNIT,
    assessed_on: date = date(2026, 3, 14),
    actions: Sequence[ActionData] = (),
    prepared_by: str = "Līga Bērziņa",
    assessment_id: int = 2,
) -> AssessmentData:
    info = AssessmentInfo(
        id=assessment_id,
        uuid=f"uuid-{assessment_id}",
        municipality=municipality,
        unit_type="dome",
        unit_name=unit,
        assessed_on=assessed_on,
        prepared_by=prepared_by,
        form_id=form.id,
        form_version=form.version,
        form_hash="0" * 64,
        mode=mode,
        status=Status.COMPLETED,
        is_demo=False,
        previous_id=None,
        created_at=datetime(2026, 3, 14, 10, 0),
        updated_at=None,
    )
    infos = [
        RespondentInfo(id=i, uuid=r.key, label=r.label, role=r.role)
        for i, r in enumerate(respondents, start=1)
    ]
    return AssessmentData(
        info=info, form=form, respondents=infos, answers=list(respondents), actions=list(actions)
    )


def _maturity(form: Questionnaire) -> list[str]:
    return [q.id for _, q in form.iter_questions() if q.type is ItemType.MATURITY]


def single_answers(form: Questionnaire, comment: str) -> dict[str, AnswerValue]:
    """Answers to any form: level 3 (perception 4) by default, with a known pattern on top.

    * the first question: level 2, with ``comment``;
    * the first legal requirement: level 1 (a compliance gap and the top priority);
    * the last maturity question: "Nezinu" (a knowledge gap).
    """
    answers: dict[str, AnswerValue] = {}
    for _, question in form.iter_questions():
        value = 4 if question.type is ItemType.PERCEPTION else 3
        answers[question.id] = AnswerValue.level(value)
    first = next(iter(answers))
    answers[first] = AnswerValue.level(2, comment)
    legal = next((q.id for _, q in form.iter_questions() if q.is_legal and q.id != first), None)
    if legal is not None:
        answers[legal] = AnswerValue.level(1)
    answers[_maturity(form)[-1]] = AnswerValue.unknown()
    return answers


def single_respondent(
    form: Questionnaire, comment: str = "Protokolā tas ir ierakstīts."
) -> RespondentAnswers:
    return RespondentAnswers(
        key="r1", label="Jānis Ozoliņš", role=Role.DEPUTY, answers=single_answers(form, comment)
    )


def several_respondents(form: Questionnaire, n: int = 6) -> list[RespondentAnswers]:
    """``n`` respondents who disagree (every level used), with some comments, N/A and Nezinu."""
    out = []
    for i in range(n):
        answers: dict[str, AnswerValue] = {}
        for k, (_, question) in enumerate(form.iter_questions()):
            comment = f"Komentārs {i}" if (i + k) % 4 == 1 else ""
            if question.type is ItemType.PERCEPTION:
                answers[question.id] = AnswerValue.level(1 + (i + k) % 5, comment)
            elif k % 5 == 3 and i == 0:
                answers[question.id] = AnswerValue.na(comment)
            elif k % 5 == 4 and i == 1:
                answers[question.id] = AnswerValue.unknown(comment)
            else:
                answers[question.id] = AnswerValue.level((i + k) % 5, comment)
        out.append(
            RespondentAnswers(
                key=f"r{i}", label=f"Deputāts Nr. {i + 1}", role=Role.DEPUTY, answers=answers
            )
        )
    return out


def scored(data: AssessmentData) -> tuple[AssessmentData, Results]:
    return data, score(data.form, data.answers, data.info.mode)


def number_of(form: Questionnaire, question_id: str) -> str:
    """The question's number as the report prints it ("3.1")."""
    for ti, theme in enumerate(form.themes, start=1):
        for qi, question in enumerate(theme.questions, start=1):
            if question.id == question_id:
                return f"{ti}.{qi}"
    raise KeyError(question_id)


def read_pdf(path: Path) -> str:
    """All text of the PDF, whitespace collapsed to single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def load_quick_form() -> Questionnaire:
    return load_form(data_root() / "forms" / "quick.yaml")
