"""Scoring: answers in, results out. Pure functions; the GUI, the PDF, the CLI and JSON all use them.

The method (docs/methodology.md gives it in words, with a worked example; it holds for every scale a
form may define, with any lowest and highest value):

* A level answer becomes a percent of its own scale: ``(value − lowest) / (highest − lowest) × 100``
  (maturity levels or the agreement scale). "Nav attiecināms" (N/A) and "Nezinu" leave the
  denominator; "Nezinu" and missing answers lower the coverage, and "Nezinu" is a knowledge gap.
* Scoring answers: in single and individual mode every respondent's answers; in consensus mode the
  group's agreed answer (individual answers, if any, only give the distribution).
* Question: the mean, median and distribution of its level answers; its score is the mean percent.
  A spread of two or more scale steps between the highest and lowest answer flags a discussion point.
* Every item's score is also read on the maturity scale (its *level*:
  ``lowest maturity level + score / 100 × maturity span``), so perception items on any agreement
  scale are ranked on the same footing as maturity items.
* Theme: weighted (question weight) mean of its maturity question scores; perception questions
  give a separate climate score the same way and never enter the maturity score.
* Overall index: weighted (theme weight) mean of the theme scores; its band is chosen from the
  index *as printed* (rounded half up to a whole percent).
* Compliance gap: a legal-requirement item (maturity or perception) scored below 50 % of its scale
  (on the 0–4 scale: mean level below 2). A legal item without any level answer is not a gap but
  "compliance not established".
* Priorities: items whose level is below the target, ranked first by tier (score below 50 %
  before the rest), then by gap × question weight × theme weight (× 2 for a compliance gap), and
  equal priorities in the form's order.

Over 400 lines because the method is one piece: the rules above and the functions that carry them
out, in the same order, so that methodology.md, this docstring and the code can be read side by side.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers
from ethics_tool.domain.questionnaire import (
    ItemType,
    Question,
    Questionnaire,
    Recommendation,
    Theme,
)
from ethics_tool.i18n import round_half_up, rounded_change

DISCUSSION_SPREAD = 2  # scale steps between the highest and the lowest answer
COMPLIANCE_PERCENT = 50.0  # legal items scored below this are compliance gaps (0–4 scale: level 2)
UNSATISFACTORY_PERCENT = 50.0  # items below this outrank all others in the priority list
STRENGTH_SCORE = 75.0  # percent; themes at or above it are listed as strengths
PRIORITY_DIGITS = 9  # priorities equal to this many decimals keep the form's order
# Comparisons with the target and the 50 % cut-off allow for floating-point noise (a mean of
# exactly the target must not count as below it because 1/3 × 3 came out as 0.999…).
TOLERANCE = 1e-9


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    theme_id: str
    item_type: ItemType
    weight: float
    legal: bool
    n_level: int  # number of level answers among the scoring answers
    n_na: int
    n_unknown: int
    n_missing: int
    mean_level: float | None  # on the item's own scale (perception: 1..5)
    median_level: float | None
    score: float | None  # 0..100
    distribution: dict[int, int]  # level value -> count (all individual answers)
    spread: int | None  # scale steps between the highest and the lowest individual answer
    comments: list[str]
    # The score read on the maturity scale (maturity items: the mean level itself).
    level: float | None = None

    @property
    def discussion_point(self) -> bool:
        return self.spread is not None and self.spread >= DISCUSSION_SPREAD

    @property
    def normalised_level(self) -> float | None:
        """The item's score on the maturity scale (the same as :attr:`level`)."""
        return self.level

    @property
    def compliance_gap(self) -> bool:
        return self.legal and self.score is not None and self.score < COMPLIANCE_PERCENT - TOLERANCE

    @property
    def compliance_unknown(self) -> bool:
        """A legal item with no level answer, not every answer "Nav attiecināms"."""
        return self.legal and self.n_level == 0 and (self.n_unknown + self.n_missing) > 0


@dataclass(frozen=True)
class ThemeResult:
    theme_id: str
    weight: float
    score: float | None  # maturity, 0..100
    climate: float | None  # perception, 0..100
    coverage: float  # percent of expected maturity answers given as a level
    n_questions: int
    n_answered: int


@dataclass(frozen=True)
class Priority:
    question_id: str
    theme_id: str
    level: float  # the item's score read on the maturity scale
    gap: float
    priority: float
    tier: int  # 0: score below 50 % (0–4 scale: level below 2); 1: the rest
    compliance_gap: bool
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True)
class Results:
    form_id: str
    mode: Mode
    n_respondents: int
    questions: dict[str, QuestionResult]
    themes: dict[str, ThemeResult]
    overall: float | None
    band_index: int | None  # index into form.bands
    coverage: float
    coverage_threshold: float
    compliance_gaps: list[str]  # question ids, in form order
    # legal items without any level answer (only "Nezinu" or missing): compliance not established
    compliance_unknown: list[str]
    knowledge_gaps: list[str]  # question ids with at least one "Nezinu"
    discussion_points: list[str]
    priorities: list[Priority]
    strengths: list[str]  # theme ids
    answered: int = 0
    expected: int = 0
    per_respondent_progress: dict[str, float] = field(default_factory=dict)

    @property
    def coverage_low(self) -> bool:
        return self.coverage < self.coverage_threshold


def level_percent(question: Question, form: Questionnaire, value: float) -> float:
    """A level value as a percent of the question's own scale (any lowest and highest value)."""
    levels = form.scale_of(question)
    low, high = levels[0].value, levels[-1].value
    return (value - low) / (high - low) * 100.0


def maturity_level(form: Questionnaire, percent: float) -> float:
    """A percent of a scale read on the form's maturity scale (0–4: ``percent / 25``)."""
    low, high = form.scale.min_level, form.scale.max_level
    return low + percent / 100.0 * (high - low)


def round_percent(value: float) -> int:
    """A percent rounded as the report prints it: to a whole number, halves up (19,5 → 20)."""
    return int(round_half_up(value, 0))


def band_index_for(form: Questionnaire, percent: float) -> int:
    """The band of a percent *as printed*, so that "20 %" never appears under a band ending at 19."""
    return form.bands.index(form.band_for(round_percent(percent)))


def weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """Mean of ``(weight, value)`` pairs, skipping ``None`` values; ``None`` if nothing is left."""
    total = 0.0
    weights = 0.0
    for weight, value in pairs:
        if value is None:
            continue
        total += weight * value
        weights += weight
    return total / weights if weights else None


def _scoring_respondents(
    respondents: Sequence[RespondentAnswers], mode: Mode
) -> tuple[list[RespondentAnswers], list[RespondentAnswers]]:
    """(respondents whose answers are scored, individual respondents for the distribution)."""
    individuals = [r for r in respondents if not r.is_group]
    if mode is Mode.CONSENSUS:
        groups = [r for r in respondents if r.is_group]
        return groups[:1], individuals
    return individuals, individuals


def _levels(answers: Iterable[AnswerValue | None]) -> list[int]:
    return [
        a.value
        for a in answers
        if a is not None and a.kind is AnswerKind.LEVEL and a.value is not None
    ]


def _question_result(
    form: Questionnaire,
    theme: Theme,
    question: Question,
    scoring: list[RespondentAnswers],
    individuals: list[RespondentAnswers],
) -> QuestionResult:
    qid = question.id
    answers = [r.answers.get(qid) for r in scoring]
    levels = _levels(answers)
    # In single and individual mode the scoring respondents are the individuals: reuse them.
    others = [] if individuals is scoring else [r.answers.get(qid) for r in individuals]
    individual_levels = levels if individuals is scoring else _levels(others)
    comments = [
        a.comment.strip() for a in (*answers, *others) if a is not None and a.comment.strip()
    ]
    n = len(levels)
    mean = sum(levels) / n if n else None
    scale = form.scale_of(question)
    low, high = scale[0].value, scale[-1].value
    score = (mean - low) * 100.0 / (high - low) if mean is not None else None
    m_low, m_high = form.scale.min_level, form.scale.max_level
    if mean is None:
        level = None
    elif question.type is ItemType.MATURITY:
        level = mean  # a maturity item's level is its mean level
    else:
        level = m_low + (mean - low) * (m_high - m_low) / (high - low)
    spread_levels = individual_levels if len(individual_levels) >= 2 else []
    steps = [level.value for level in scale]
    return QuestionResult(
        question_id=qid,
        theme_id=theme.id,
        item_type=question.type,
        weight=question.weight,
        legal=question.is_legal,
        n_level=n,
        n_na=sum(1 for a in answers if a is not None and a.kind is AnswerKind.NA),
        n_unknown=sum(1 for a in answers if a is not None and a.kind is AnswerKind.UNKNOWN),
        n_missing=sum(1 for a in answers if a is None),
        mean_level=mean,
        median_level=statistics.median(levels) if n else None,
        # The mean of the answers' percents equals the percent of the mean level (linear map).
        score=score,
        distribution=dict(sorted(Counter(individual_levels or levels).items())),
        spread=(
            steps.index(max(spread_levels)) - steps.index(min(spread_levels))
            if spread_levels
            else None
        ),
        comments=comments,
        level=level,
    )


def score(
    form: Questionnaire, respondents: Sequence[RespondentAnswers], mode: Mode = Mode.SINGLE
) -> Results:
    """Score ``respondents``' answers to ``form`` by the documented method."""
    scoring, individuals = _scoring_respondents(respondents, mode)
    questions: dict[str, QuestionResult] = {}
    themes: dict[str, ThemeResult] = {}
    expected_total = 0
    answered_total = 0
    for theme in form.themes:
        results = [_question_result(form, theme, q, scoring, individuals) for q in theme.questions]
        for result in results:
            questions[result.question_id] = result
        maturity = [r for r in results if r.item_type is ItemType.MATURITY]
        perception = [r for r in results if r.item_type is ItemType.PERCEPTION]
        expected = sum(r.n_level + r.n_unknown + r.n_missing for r in results)
        answered = sum(r.n_level for r in results)
        expected_total += expected
        answered_total += answered
        themes[theme.id] = ThemeResult(
            theme_id=theme.id,
            weight=theme.weight,
            score=weighted_mean((r.weight, r.score) for r in maturity),
            climate=weighted_mean((r.weight, r.score) for r in perception),
            coverage=100.0 * answered / expected if expected else 100.0,
            n_questions=len(results),
            # Answered in any way, "Don't know" included (see i18n.answered_meaning).
            n_answered=sum(1 for r in results if r.n_level or r.n_na or r.n_unknown),
        )
    overall = weighted_mean((t.weight, t.score) for t in themes.values())
    band_index = band_index_for(form, overall) if overall is not None else None
    ordered = [q.id for _, q in form.iter_questions()]
    return Results(
        form_id=form.id,
        mode=mode,
        n_respondents=len(individuals) if mode is not Mode.CONSENSUS else max(1, len(individuals)),
        questions=questions,
        themes=themes,
        overall=overall,
        band_index=band_index,
        # Nothing expected (every answer "Nav attiecināms"): nothing is missing, coverage is 100 %.
        coverage=100.0 * answered_total / expected_total if expected_total else 100.0,
        coverage_threshold=form.coverage_threshold,
        compliance_gaps=[qid for qid in ordered if questions[qid].compliance_gap],
        compliance_unknown=[qid for qid in ordered if questions[qid].compliance_unknown],
        knowledge_gaps=[qid for qid in ordered if questions[qid].n_unknown],
        discussion_points=[qid for qid in ordered if questions[qid].discussion_point],
        priorities=priorities(form, questions),
        strengths=[
            t.theme_id for t in themes.values() if t.score is not None and t.score >= STRENGTH_SCORE
        ],
        answered=answered_total,
        expected=expected_total,
        per_respondent_progress=progress(form, respondents),
    )


def score_question(
    form: Questionnaire,
    question_id: str,
    respondents: Sequence[RespondentAnswers],
    mode: Mode = Mode.SINGLE,
) -> QuestionResult:
    """One question's result exactly as :func:`score` gives it, without scoring the rest.

    For views that follow a single question while it is being answered (the consensus panel).
    Raises ``KeyError`` for a question the form does not have.
    """
    scoring, individuals = _scoring_respondents(respondents, mode)
    for theme in form.themes:
        for question in theme.questions:
            if question.id == question_id:
                return _question_result(form, theme, question, scoring, individuals)
    raise KeyError(question_id)


def priorities(form: Questionnaire, questions: dict[str, QuestionResult]) -> list[Priority]:
    """Items below the target level with their recommendations, most urgent first."""
    out: list[Priority] = []
    for theme, question in form.iter_questions():
        result = questions[question.id]
        level = result.level
        if level is None or result.score is None or level >= form.target_level - TOLERANCE:
            continue
        gap = form.target_level - level
        compliance = result.compliance_gap
        value = gap * question.weight * theme.weight * (2.0 if compliance else 1.0)
        # The recommendations for the level reached: the highest level of the item's own scale
        # at or below its mean (on 0..4 and 1..5 scales: the mean rounded down).
        mean = result.mean_level if result.mean_level is not None else 0.0
        reached = [lvl.value for lvl in form.scale_of(question) if lvl.value <= mean]
        rec_level = reached[-1] if reached else form.scale_of(question)[0].value
        recs = tuple(question.recommendations_for(rec_level))
        out.append(
            Priority(
                question_id=question.id,
                theme_id=theme.id,
                level=level,
                gap=gap,
                priority=value,
                tier=0 if result.score < UNSATISFACTORY_PERCENT - TOLERANCE else 1,
                compliance_gap=compliance,
                recommendations=recs,
            )
        )
    # sorted() is stable: equal priorities keep the form's order.
    out.sort(key=lambda p: (p.tier, -round(p.priority, PRIORITY_DIGITS)))
    return out


def progress(form: Questionnaire, respondents: Sequence[RespondentAnswers]) -> dict[str, float]:
    """Percent of questions each respondent has answered in any way (level, N/A or "Nezinu")."""
    total = form.question_count
    ids = {q.id for _, q in form.iter_questions()}
    return {
        r.key: 100.0 * sum(1 for qid in r.answers if qid in ids) / total if total else 100.0
        for r in respondents
    }


@dataclass(frozen=True)
class ThemeChange:
    theme_id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """The change as shown: the difference of the two scores rounded as they are displayed."""
        return rounded_change(self.before, self.after)


@dataclass(frozen=True)
class Comparison:
    themes: list[ThemeChange]
    overall: ThemeChange


def compare(current: Results, previous: Results) -> Comparison:
    """Per theme and overall, the change from ``previous`` to ``current`` (matched by theme id)."""
    ids = list(current.themes) + [t for t in previous.themes if t not in current.themes]
    changes = [
        ThemeChange(
            theme_id=tid,
            before=previous.themes[tid].score if tid in previous.themes else None,
            after=current.themes[tid].score if tid in current.themes else None,
        )
        for tid in ids
    ]
    return Comparison(
        themes=changes, overall=ThemeChange("overall", previous.overall, current.overall)
    )
