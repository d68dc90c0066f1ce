"""Properties of the scoring method that must hold for any answers (hypothesis)."""

from __future__ import annotations

import statistics
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers
from ethics_tool.domain.loader import load_form
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.scoring import score

FORM: Questionnaire = load_form(Path(__file__).parents[1] / "data" / "worked_example.yaml")
QUESTIONS = [q for _, q in FORM.iter_questions()]


def answer_for(question_type: ItemType) -> st.SearchStrategy[AnswerValue | None]:
    levels = FORM.scale.levels if question_type is ItemType.MATURITY else FORM.scale.agreement
    values = [lvl.value for lvl in levels]
    return st.one_of(
        st.none(),
        st.just(AnswerValue.na()),
        st.just(AnswerValue.unknown()),
        st.sampled_from(values).map(AnswerValue.level),
    )


@st.composite
def respondent(draw: st.DrawFn, key: str) -> RespondentAnswers:
    answers = {}
    for q in QUESTIONS:
        a = draw(answer_for(q.type))
        if a is not None:
            answers[q.id] = a
    return RespondentAnswers(key, key, answers=answers)


@st.composite
def respondents(draw: st.DrawFn) -> list[RespondentAnswers]:
    n = draw(st.integers(min_value=1, max_value=5))
    return [draw(respondent(f"r{i}")) for i in range(n)]


@settings(max_examples=150, deadline=None)
@given(respondents())
def test_scores_stay_within_0_and_100(people: list[RespondentAnswers]) -> None:
    r = score(FORM, people, Mode.INDIVIDUAL)
    values = [r.overall, r.coverage] + [t.score for t in r.themes.values()]
    values += [t.climate for t in r.themes.values()] + [q.score for q in r.questions.values()]
    assert all(0.0 <= v <= 100.0 for v in values if v is not None)


@settings(max_examples=100, deadline=None)
@given(respondents(), st.randoms(use_true_random=False))
def test_permuting_respondents_changes_nothing(people: list[RespondentAnswers], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(people)
    rnd.shuffle(shuffled)
    a, b = score(FORM, people, Mode.INDIVIDUAL), score(FORM, shuffled, Mode.INDIVIDUAL)
    assert (a.overall is None) == (b.overall is None)
    assert abs((a.overall or 0) - (b.overall or 0)) < 1e-9
    for theme_id in a.themes:
        assert abs((a.themes[theme_id].score or 0) - (b.themes[theme_id].score or 0)) < 1e-9
    assert a.compliance_gaps == b.compliance_gaps
    assert [p.question_id for p in a.priorities] == [p.question_id for p in b.priorities]


@settings(max_examples=150, deadline=None)
@given(respondents(), st.sampled_from(QUESTIONS), st.integers(min_value=0))
def test_na_on_one_question_never_changes_another(people, question, index) -> None:  # type: ignore[no-untyped-def]
    who = index % len(people)
    changed = list(people)
    changed[who] = RespondentAnswers(
        people[who].key,
        people[who].label,
        answers={**people[who].answers, question.id: AnswerValue.na()},
    )
    a, b = score(FORM, people, Mode.INDIVIDUAL), score(FORM, changed, Mode.INDIVIDUAL)
    for qid in a.questions:
        if qid != question.id:
            assert a.questions[qid].score == b.questions[qid].score


@settings(max_examples=200, deadline=None)
@given(respondents(), st.sampled_from(QUESTIONS), st.integers(min_value=0))
def test_raising_one_answer_never_lowers_theme_or_overall(people, question, index) -> None:  # type: ignore[no-untyped-def]
    who = index % len(people)
    current = people[who].answers.get(question.id)
    levels = FORM.scale.levels if question.type is ItemType.MATURITY else FORM.scale.agreement
    top = levels[-1].value
    if current is None or current.value is None or current.value >= top:
        return
    raised = list(people)
    raised[who] = RespondentAnswers(
        people[who].key,
        people[who].label,
        answers={**people[who].answers, question.id: AnswerValue.level(current.value + 1)},
    )
    a, b = score(FORM, people, Mode.INDIVIDUAL), score(FORM, raised, Mode.INDIVIDUAL)
    theme = FORM.theme_of(question.id).id
    eps = 1e-9
    if question.type is ItemType.MATURITY:
        assert (b.themes[theme].score or 0) >= (a.themes[theme].score or 0) - eps
        assert (b.overall or 0) >= (a.overall or 0) - eps
    else:
        assert (b.themes[theme].climate or 0) >= (a.themes[theme].climate or 0) - eps
        assert b.overall == a.overall


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=4), min_size=1, max_size=6).filter(
        lambda xs: sum(xs) % len(xs) == 0
    )
)
def test_a_respondent_at_the_mean_leaves_the_mean_unchanged(levels: list[int]) -> None:
    people = [
        RespondentAnswers(f"r{i}", f"r{i}", answers={"A2": AnswerValue.level(v)})
        for i, v in enumerate(levels)
    ]
    mean = statistics.fmean(levels)
    extra = RespondentAnswers("m", "m", answers={"A2": AnswerValue.level(int(mean))})
    before = score(FORM, people, Mode.INDIVIDUAL).questions["A2"]
    after = score(FORM, [*people, extra], Mode.INDIVIDUAL).questions["A2"]
    assert after.mean_level == before.mean_level
    assert after.score == before.score
