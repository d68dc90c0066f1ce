"""The worked example of docs/methodology.md, asserted exactly, plus the scoring rules one by one."""

from __future__ import annotations

import pytest

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.i18n import round_half_up
from ethics_tool.scoring import compare, score

L, NA, DK = AnswerValue.level, AnswerValue.na, AnswerValue.unknown


def worked_respondents() -> list[RespondentAnswers]:
    return [
        RespondentAnswers(
            "r1",
            "Deputāts 1",
            Role.DEPUTY,
            {"A1": L(1), "A2": L(3), "A3": L(4), "B1": NA(), "B2": L(2, "Ir sākts")},
        ),
        RespondentAnswers(
            "r2",
            "Priekšsēdētājs",
            Role.CHAIR,
            {"A1": L(3), "A2": L(4), "A3": L(2), "B1": L(2), "B2": DK()},
        ),
        RespondentAnswers(
            "r3", "Darbinieks", Role.STAFF, {"A1": L(1), "A2": L(2), "A3": L(5), "B1": L(4)}
        ),
    ]


def test_worked_example_question_figures(worked_form: Questionnaire) -> None:
    r = score(worked_form, worked_respondents(), Mode.INDIVIDUAL)
    a1 = r.questions["A1"]
    assert a1.mean_level == pytest.approx(5 / 3)
    assert a1.median_level == 1
    assert a1.distribution == {1: 2, 3: 1}
    assert a1.score == pytest.approx(125 / 3)
    assert a1.discussion_point and a1.compliance_gap
    assert r.questions["A2"].score == pytest.approx(75.0)
    assert r.questions["A3"].score == pytest.approx(200 / 3)  # (75 + 25 + 100) / 3
    b1 = r.questions["B1"]
    assert (b1.n_na, b1.n_level, b1.score) == (1, 2, pytest.approx(75.0))
    b2 = r.questions["B2"]
    assert (b2.n_unknown, b2.n_missing, b2.score) == (1, 1, pytest.approx(50.0))


def test_worked_example_theme_and_overall(worked_form: Questionnaire) -> None:
    r = score(worked_form, worked_respondents(), Mode.INDIVIDUAL)
    assert r.themes["A"].score == pytest.approx(575 / 9)  # 63.89: (41.67×1 + 75×2) / 3
    assert r.themes["A"].climate == pytest.approx(200 / 3)  # perception kept apart
    assert r.themes["B"].score == pytest.approx(62.5)
    assert r.overall == pytest.approx(1712.5 / 27)  # 63.43: (63.89×2 + 62.5×1) / 3
    assert worked_form.bands[r.band_index or 0].label.lv == "Pārvaldīts"
    assert r.coverage == pytest.approx(100 * 12 / 14)
    assert r.themes["B"].coverage == pytest.approx(60.0)
    assert not r.coverage_low


def test_worked_example_gaps_and_priorities(worked_form: Questionnaire) -> None:
    r = score(worked_form, worked_respondents(), Mode.INDIVIDUAL)
    assert r.compliance_gaps == ["A1"]
    assert r.knowledge_gaps == ["B2"]
    assert r.discussion_points == ["A1", "A2", "A3", "B1"]
    order = [(p.question_id, round(p.priority, 3), p.tier) for p in r.priorities]
    assert order == [("A1", 5.333, 0), ("B2", 1.0, 1), ("A3", 0.667, 1)]
    assert (
        r.priorities[0].recommendations[0].text.en == "Add a recusal field to the minutes template."
    )
    assert r.priorities[1].recommendations[0].text.en == "Publish a citizens' budget."


def test_na_leaves_denominator_and_unknown_lowers_coverage(worked_form: Questionnaire) -> None:
    base = {"A1": L(4), "A2": L(4), "B1": L(0), "B2": L(4)}
    r = score(worked_form, [RespondentAnswers("x", "x", answers=base)])
    with_na = score(worked_form, [RespondentAnswers("x", "x", answers={**base, "B1": NA()})])
    with_dk = score(worked_form, [RespondentAnswers("x", "x", answers={**base, "B1": DK()})])
    assert r.themes["B"].score == pytest.approx(50.0)
    assert with_na.themes["B"].score == pytest.approx(100.0)
    assert with_dk.themes["B"].score == pytest.approx(100.0)
    assert with_na.coverage > with_dk.coverage
    assert with_dk.knowledge_gaps == ["B1"] and with_na.knowledge_gaps == []


def test_consensus_scores_the_agreed_answer(worked_form: Questionnaire) -> None:
    group = RespondentAnswers("g", "Grupa", Role.GROUP, {q: L(4) for q in ("A1", "A2", "B1", "B2")})
    r = score(worked_form, [group, *worked_respondents()], Mode.CONSENSUS)
    assert r.overall == pytest.approx(100.0)
    assert r.questions["A1"].distribution == {1: 2, 3: 1}  # individuals shown for discussion
    assert r.compliance_gaps == []


def test_empty_assessment_has_no_score(worked_form: Questionnaire) -> None:
    r = score(worked_form, [RespondentAnswers("x", "x")])
    assert r.overall is None and r.band_index is None and r.coverage == 0.0
    assert r.priorities == []


def test_compare_reports_change_per_theme(worked_form: Questionnaire) -> None:
    before = score(worked_form, [RespondentAnswers("x", "x", answers={"A1": L(1), "B1": L(2)})])
    after = score(worked_form, [RespondentAnswers("x", "x", answers={"A1": L(3), "B1": L(2)})])
    comparison = compare(after, before)
    deltas = {c.theme_id: c.delta for c in comparison.themes}
    assert deltas == {"A": pytest.approx(50.0), "B": pytest.approx(0.0)}
    # (2 * 50) / 3 = 33.33…, but a change is the difference of the scores as shown (one decimal):
    shown = round_half_up(after.overall or 0, 1) - round_half_up(before.overall or 0, 1)
    assert comparison.overall.delta == pytest.approx(round_half_up(shown, 1))
    assert abs(comparison.overall.delta - (2 * 50) / 3) < 0.1
