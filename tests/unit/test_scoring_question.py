"""One question scored alone gives exactly what scoring the whole assessment gives for it."""

from __future__ import annotations

import pytest

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.scoring import score, score_question


@pytest.mark.parametrize("mode", list(Mode))
def test_score_question_agrees_with_score(quick_form: Questionnaire, mode: Mode) -> None:
    ids = [question.id for _, question in quick_form.iter_questions()]
    people = [
        RespondentAnswers("a", "Anna", Role.DEPUTY, {ids[0]: AnswerValue.level(0)}),
        RespondentAnswers(
            "b", "Jānis", Role.STAFF, {ids[0]: AnswerValue.level(3), ids[1]: AnswerValue.na()}
        ),
        RespondentAnswers("g", "Grupa", Role.GROUP, {ids[0]: AnswerValue.level(2)}),
    ]
    whole = score(quick_form, people, mode)
    for question_id in ids[:3]:
        assert score_question(quick_form, question_id, people, mode) == whole.questions[question_id]


def test_an_unknown_question_is_a_key_error(quick_form: Questionnaire) -> None:
    with pytest.raises(KeyError):
        score_question(quick_form, "no-such-question", [])
