"""The scoring equals a straightforward re-statement of docs/methodology.md, for any valid form.

Forms are generated with every kind of scale the schema allows (any start, negative values, gaps),
random weights, legal items on both scales, N/A and "Nezinu" allowed or not; answers in any mode.
The re-statement below follows the numbered rules of the methodology literally, with exact
fractions, and shares no code with ``ethics_tool.scoring``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from form_strategies import answer_sets, form_dicts
from hypothesis import given, settings
from hypothesis import strategies as st

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers
from ethics_tool.domain.questionnaire import Question, Questionnaire
from ethics_tool.i18n import format_percent, round_half_up
from ethics_tool.scoring import score

F = Fraction


@dataclass
class Expected:
    scores: dict[str, Fraction | None]
    levels: dict[str, Fraction | None]
    themes: dict[str, Fraction | None]
    climates: dict[str, Fraction | None]
    overall: Fraction | None
    band: int | None
    coverage: Fraction
    compliance_gaps: list[str]
    compliance_unknown: list[str]
    knowledge_gaps: list[str]
    discussion: list[str]
    priorities: list[str]
    recommendation_levels: dict[str, int]


def wmean(pairs: list[tuple[float, Fraction | None]]) -> Fraction | None:
    kept = [(F(w), v) for w, v in pairs if v is not None]
    total = sum((w for w, _ in kept), F(0))
    return sum((w * v for w, v in kept), F(0)) / total if total else None


def restate(form: Questionnaire, people: list[RespondentAnswers], mode: Mode) -> Expected:
    """docs/methodology.md, rule by rule."""
    individuals = [p for p in people if not p.is_group]
    # Rule 3: consensus scores the group's answer; otherwise every respondent's.
    scoring = [p for p in people if p.is_group][:1] if mode is Mode.CONSENSUS else individuals
    m_low, m_high = form.scale.levels[0].value, form.scale.levels[-1].value
    scores: dict[str, Fraction | None] = {}
    levels: dict[str, Fraction | None] = {}
    means: dict[str, Fraction] = {}
    expected_answers = 0
    given_levels = 0
    knowledge, discussion, unknown_legal = [], [], []
    for _, q in form.iter_questions():
        scale = [lvl.value for lvl in form.scale_of(q)]
        low, high = scale[0], scale[-1]
        answers = [p.answers.get(q.id) for p in scoring]
        values = [a.value for a in answers if a is not None and a.kind is AnswerKind.LEVEL]
        n_unknown = sum(1 for a in answers if a is not None and a.kind is AnswerKind.UNKNOWN)
        n_missing = sum(1 for a in answers if a is None)
        # Rule 1 and 3: the mean of the answers' percents.
        pct = (
            sum((F(v - low, high - low) * 100 for v in values), F(0)) / len(values)
            if values
            else None
        )
        scores[q.id] = pct
        # Rule 4: read on the maturity scale.
        levels[q.id] = m_low + pct / 100 * (m_high - m_low) if pct is not None else None
        if values:
            means[q.id] = F(sum(values), len(values))
        # Rule 8: N/A is not expected.
        expected_answers += len(values) + n_unknown + n_missing
        given_levels += len(values)
        if n_unknown:
            knowledge.append(q.id)
        # Rule 3: two or more steps apart among the individual answers.
        spread_values = [
            a.value
            for a in (p.answers.get(q.id) for p in individuals)
            if a is not None and a.kind is AnswerKind.LEVEL and a.value is not None
        ]
        if len(spread_values) >= 2:
            steps = scale.index(max(spread_values)) - scale.index(min(spread_values))
            if steps >= 2:
                discussion.append(q.id)
        if q.is_legal and not values and (n_unknown + n_missing):
            unknown_legal.append(q.id)
    # Rule 5 and 6.
    themes = {
        th.id: wmean([(q.weight, scores[q.id]) for q in th.questions if q.type == "maturity"])
        for th in form.themes
    }
    climates = {
        th.id: wmean([(q.weight, scores[q.id]) for q in th.questions if q.type == "perception"])
        for th in form.themes
    }
    overall = wmean([(th.weight, themes[th.id]) for th in form.themes])
    # Rule 7: the band of the figure as printed (whole percent, halves up).
    band = None
    if overall is not None:
        printed = Decimal(overall.numerator) / Decimal(overall.denominator)
        whole = printed.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        band = max(i for i, b in enumerate(form.bands) if Decimal(str(b.min)) <= whole)
    # Rule 8: nothing expected -> 100 %.
    coverage = F(100 * given_levels, expected_answers) if expected_answers else F(100)
    # Rule 9.
    gaps = [
        q.id
        for _, q in form.iter_questions()
        if q.is_legal and scores[q.id] is not None and scores[q.id] < 50
    ]
    # Rule 10.
    ranked = []
    rec_levels: dict[str, int] = {}
    for position, (theme, q) in enumerate(form.iter_questions()):
        level = levels[q.id]
        if level is None or level >= form.target_level:
            continue
        pct = scores[q.id]
        assert pct is not None
        tier = 0 if pct < 50 else 1
        value = (form.target_level - level) * F(q.weight) * F(theme.weight)
        if q.id in gaps:
            value *= 2
        ranked.append((tier, -round(float(value), 9), position, q.id))
        reached = [v.value for v in form.scale_of(q) if v.value <= means[q.id]]
        rec_levels[q.id] = reached[-1]
    ranked.sort()
    return Expected(
        scores,
        levels,
        themes,
        climates,
        overall,
        band,
        coverage,
        gaps,
        unknown_legal,
        knowledge,
        discussion,
        [item[-1] for item in ranked],
        rec_levels,
    )


def close(a: float | None, b: Fraction | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - float(b)) < 1e-9


def near_half(value: Fraction) -> bool:
    """Within float noise of x.5, where a rounding rule cannot be checked against floats."""
    return abs((value - F(1, 2)) - round(value - F(1, 2))) < F(1, 10**9)


@st.composite
def cases(draw: st.DrawFn) -> tuple[Questionnaire, Mode, list[RespondentAnswers]]:
    form = Questionnaire.model_validate(draw(form_dicts()))
    mode, people = draw(answer_sets(form))
    return form, mode, people


@settings(max_examples=120, deadline=None)
@given(cases())
def test_scoring_equals_the_methodology_on_any_valid_form(
    case: tuple[Questionnaire, Mode, list[RespondentAnswers]],
) -> None:
    form, mode, people = case
    got = score(form, people, mode)
    want = restate(form, people, mode)
    for qid, result in got.questions.items():
        assert close(result.score, want.scores[qid]), qid
        assert close(result.level, want.levels[qid]), qid
    for tid, theme in got.themes.items():
        assert close(theme.score, want.themes[tid]) and close(theme.climate, want.climates[tid])
    assert close(got.overall, want.overall)
    assert close(got.coverage, want.coverage)
    if want.overall is None or not near_half(want.overall):
        assert got.band_index == want.band
    assert got.compliance_gaps == want.compliance_gaps
    assert got.compliance_unknown == want.compliance_unknown
    assert got.knowledge_gaps == want.knowledge_gaps
    assert got.discussion_points == want.discussion
    assert [p.question_id for p in got.priorities] == want.priorities
    for priority in got.priorities:
        question: Question = form.question(priority.question_id)
        expected_recs = question.recommendations_for(want.recommendation_levels[question.id])
        assert list(priority.recommendations) == expected_recs


@pytest.mark.parametrize(
    ("value", "printed"),
    [(19.5, "20 %"), (19.49, "19 %"), (0.5, "1 %"), (2.5, "3 %"), (-2.5, "-3 %"), (-0.4, "0 %")],
)
def test_percentages_round_halves_away_from_zero(value: float, printed: str) -> None:
    assert format_percent(value, "en") == printed
    assert round_half_up(value) == float(printed.split()[0])


def test_second_worked_example_on_another_scale() -> None:
    """docs/methodology.md, "Second example: another scale", figure by figure."""
    legal = {"law": {"lv": "Likums", "en": "Law"}, "article": "1. pants"}
    form = Questionnaire.model_validate(
        {
            "id": "other",
            "version": "1.0.0",
            "title": {"lv": "Cita skala", "en": "Another scale"},
            "scale": {
                "levels": [
                    {"value": v, "label": {"lv": f"L{v}", "en": f"L{v}"}} for v in range(1, 6)
                ],
                "agreement": [
                    {"value": v, "label": {"lv": f"A{v}", "en": f"A{v}"}} for v in range(5)
                ],
            },
            "bands": [
                {"min": m, "label": {"lv": name, "en": name}}
                for m, name in [
                    (0, "Sākuma"),
                    (20, "Attīstības"),
                    (40, "Ieviests"),
                    (60, "P"),
                    (80, "E"),
                ]
            ],
            "target_level": 4,
            "themes": [
                {
                    "id": "T",
                    "title": {"lv": "Joma", "en": "Theme"},
                    "questions": [
                        {"id": "M1", "text": {"lv": "M", "en": "M"}, "legal": legal},
                        {
                            "id": "P1",
                            "type": "perception",
                            "text": {"lv": "P", "en": "P"},
                            "legal": legal,
                            "recommendations": [{"levels": [0], "text": {"lv": "R", "en": "R"}}],
                        },
                    ],
                }
            ],
        }
    )
    people = [
        RespondentAnswers(
            "a", "A", answers={"M1": AnswerValue.level(2), "P1": AnswerValue.level(1)}
        ),
        RespondentAnswers(
            "b", "B", answers={"M1": AnswerValue.level(3), "P1": AnswerValue.level(0)}
        ),
    ]
    r = score(form, people, Mode.INDIVIDUAL)
    assert r.questions["M1"].score == 37.5 and r.questions["M1"].level == 2.5
    assert r.questions["P1"].score == 12.5 and r.questions["P1"].level == 1.5
    assert r.themes["T"].score == 37.5 and r.themes["T"].climate == 12.5
    assert format_percent(r.overall, "lv") == "38 %" and r.band_index == 1
    assert r.compliance_gaps == ["M1", "P1"] and form.target_percent == 75.0
    assert [(p.question_id, p.tier, round(p.priority, 2)) for p in r.priorities] == [
        ("P1", 0, 5.0),
        ("M1", 0, 3.0),
    ]
    assert [rec.text.lv for rec in r.priorities[0].recommendations] == ["R"]
    assert r.discussion_points == [] and r.coverage == 100.0
