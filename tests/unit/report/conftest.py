"""Fixtures of the report tests (the builders live in report_helpers.py)."""

from __future__ import annotations

from datetime import date

import pytest
from report_helpers import load_quick_form, make_data, scored, single_respondent

from ethics_tool.domain.answers import AnswerValue, RespondentAnswers
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.scoring import Results


@pytest.fixture(scope="session")
def quick_form() -> Questionnaire:
    return load_quick_form()


@pytest.fixture
def single(quick_form: Questionnaire) -> tuple[AssessmentData, Results]:
    return scored(make_data(quick_form, [single_respondent(quick_form)]))


@pytest.fixture
def previous_round(quick_form: Questionnaire) -> tuple[AssessmentData, Results]:
    answers = {
        q.id: AnswerValue.level(1 if q.type is ItemType.MATURITY else 2)
        for _, q in quick_form.iter_questions()
    }
    respondent = RespondentAnswers(key="p1", label="Iepriekšējais", answers=answers)
    data = make_data(quick_form, [respondent], assessed_on=date(2025, 3, 1), assessment_id=1)
    return scored(data)
