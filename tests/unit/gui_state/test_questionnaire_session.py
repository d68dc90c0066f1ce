"""The questionnaire's state driven without Qt: position, answers, pending comments, consensus."""

from __future__ import annotations

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.gui.state.questionnaire import QuestionnaireSession
from ethics_tool.services import NewRespondent, Services


def test_starts_on_the_first_unanswered_question_and_walks(services: Services) -> None:
    assessment_id = services.create_assessment(municipality="Talsu novads", form_id="quick")
    data = services.load(assessment_id)
    order = [q.id for _, q in data.form.iter_questions()]
    respondent = data.respondents[0].id
    services.record_answer(respondent, order[0], AnswerValue.level(2))
    session = QuestionnaireSession.start(services.load(assessment_id))

    assert session.position == 1
    assert session.answered() == 1 and session.total == len(order)
    assert session.go_to(-5) == 0 and session.at_first
    assert session.current_answer() == AnswerValue.level(2)
    assert session.go_to(10_000) == len(order) - 1 and session.at_last
    # The next unanswered question wraps round to the start.
    assert session.next_unanswered() == 1
    first_theme = data.form.themes[0]
    assert session.theme_progress(first_theme) == (1, len(first_theme.questions))


def test_a_comment_waits_for_its_answer_and_survives_clearing(services: Services) -> None:
    assessment_id = services.create_assessment(municipality="Talsu novads", form_id="quick")
    session = QuestionnaireSession.start(services.load(assessment_id))
    question = session.current_question()
    assert question is not None

    session.keep_comment("Sēdes protokols Nr. 3")
    assert session.current_answer() is None
    assert session.current_comment() == "Sēdes protokols Nr. 3"
    session.answer_recorded(question.id, AnswerValue.level(1, "Sēdes protokols Nr. 3"))
    assert session.pending_comments == {}
    assert session.current_comment() == "Sēdes protokols Nr. 3"
    session.answer_recorded(question.id, None, "Sēdes protokols Nr. 3")
    assert session.current_answer() is None
    assert session.current_comment() == "Sēdes protokols Nr. 3"
    assert session.answered() == 0


def test_consensus_shows_the_group_and_scores_one_question(services: Services) -> None:
    assessment_id = services.create_assessment(
        municipality="Cēsu novads",
        form_id="quick",
        mode=Mode.CONSENSUS,
        respondents=[NewRespondent("Anna", Role.DEPUTY), NewRespondent("Jānis", Role.STAFF)],
    )
    data = services.load(assessment_id)
    first = next(data.form.iter_questions())[1].id
    anna, janis = (r.id for r in data.respondents if r.role is not Role.GROUP)
    services.record_answer(anna, first, AnswerValue.level(0))
    session = QuestionnaireSession.start(services.load(assessment_id))
    group = session.group
    assert group is not None and session.respondent_id == group.id and session.showing_group()
    assert [(p.label, a) for p, a in session.individual_answers(first)] == [
        ("Anna", AnswerValue.level(0)),
        ("Jānis", None),
    ]
    assert not session.question_result(first).discussion_point
    session.choose_respondent(janis)
    assert not session.showing_group()
    session.answer_recorded(first, AnswerValue.level(3))
    result = session.question_result(first)
    assert result.discussion_point and result.spread == 3
    # The same verdict as scoring the whole assessment once the answers are saved.
    services.record_answer(janis, first, AnswerValue.level(3))
    assert services.results(assessment_id).questions[first] == result
