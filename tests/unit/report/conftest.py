"""Shared builders for the report tests: a form, hand-made answers and their results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

import pytest

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import (
    ActionData,
    AssessmentData,
    AssessmentInfo,
    RespondentInfo,
    Status,
)
from ethics_tool.domain.loader import load_form
from ethics_tool.domain.models import Questionnaire
from ethics_tool.paths import data_root
from ethics_tool.scoring import Results, score

MUNICIPALITY = "Ķekavas novada pašvaldība"
UNIT = "Dome — Ģērbšanās komiteja"


@pytest.fixture(scope="session")
def quick_form() -> Questionnaire:
    return load_form(data_root() / "forms" / "quick.yaml")


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


def single_respondent(comment: str = "Protokolā tas ir ierakstīts.") -> RespondentAnswers:
    """One respondent answering every question of forms/quick.yaml in a different way."""
    return RespondentAnswers(
        key="r1",
        label="Jānis Ozoliņš",
        role=Role.DEPUTY,
        answers={
            "T1.Q1": AnswerValue.level(2, comment),
            "T1.Q2": AnswerValue.level(4),
            "T3.Q1": AnswerValue.level(1),
            "T3.Q2": AnswerValue.unknown(),
            "T7.Q1": AnswerValue.level(3),
        },
    )


def several_respondents(n: int = 6) -> list[RespondentAnswers]:
    out = []
    for i in range(n):
        out.append(
            RespondentAnswers(
                key=f"r{i}",
                label=f"Deputāts Nr. {i + 1}",
                role=Role.DEPUTY,
                answers={
                    "T1.Q1": AnswerValue.level(i % 5, f"Komentārs {i}" if i % 2 else ""),
                    "T1.Q2": AnswerValue.level(1 + i % 5),
                    "T3.Q1": AnswerValue.level(1 if i % 3 else 2),
                    "T3.Q2": AnswerValue.na() if i == 0 else AnswerValue.level(2),
                    "T7.Q1": AnswerValue.unknown() if i == 1 else AnswerValue.level(3),
                },
            )
        )
    return out


def scored(data: AssessmentData) -> tuple[AssessmentData, Results]:
    return data, score(data.form, data.answers, data.info.mode)


@pytest.fixture
def single(quick_form: Questionnaire) -> tuple[AssessmentData, Results]:
    return scored(make_data(quick_form, [single_respondent()]))


@pytest.fixture
def previous_round(quick_form: Questionnaire) -> tuple[AssessmentData, Results]:
    answers = RespondentAnswers(
        key="p1",
        label="Iepriekšējais",
        answers={
            "T1.Q1": AnswerValue.level(1),
            "T1.Q2": AnswerValue.level(2),
            "T3.Q1": AnswerValue.level(2),
            "T3.Q2": AnswerValue.level(0),
            "T7.Q1": AnswerValue.level(4),
        },
    )
    return scored(make_data(quick_form, [answers], assessed_on=date(2025, 3, 1), assessment_id=1))


def read_pdf(path: Path) -> str:
    """All text of the PDF, whitespace collapsed to single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


BuildFn = Callable[..., None]
