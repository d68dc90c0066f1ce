"""Hypothesis strategies: valid questionnaires (any scale the schema allows), answers and exports.

Shared by the property tests of the loader, the import validation and the scoring method.
"""

from __future__ import annotations

import hashlib
from typing import Any

from hypothesis import strategies as st

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.questionnaire import Questionnaire

WEIGHTS = st.sampled_from([0.5, 1.0, 1.0, 1.2, 1.5, 2.0, 3.0])
TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
)


def text(lv: str = "Teksts ā", en: str = "Text") -> dict[str, str]:
    return {"lv": lv, "en": en}


@st.composite
def scale_values(draw: st.DrawFn, max_levels: int = 6) -> list[int]:
    """Ascending unique level values: any start (also negative), 2..6 levels, gaps of 1..3."""
    start = draw(st.integers(min_value=-3, max_value=3))
    gaps = draw(
        st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=max_levels - 1)
    )
    values = [start]
    for gap in gaps:
        values.append(values[-1] + gap)
    return values


@st.composite
def form_dicts(draw: st.DrawFn, max_themes: int = 3, max_questions: int = 4) -> dict[str, Any]:
    """A valid questionnaire as the plain data of a YAML file."""
    levels = draw(scale_values())
    agreement = draw(scale_values())
    bands = sorted(set(draw(st.lists(st.integers(min_value=1, max_value=100), max_size=4))))
    themes = []
    counter = 0
    for ti in range(draw(st.integers(min_value=1, max_value=max_themes))):
        questions = []
        for _ in range(draw(st.integers(min_value=1, max_value=max_questions))):
            counter += 1
            kind = draw(st.sampled_from(["maturity", "perception"]))
            values = levels if kind == "maturity" else agreement
            question: dict[str, Any] = {
                "id": f"Q{counter}",
                "type": kind,
                "text": text(f"Jautājums {counter}", f"Question {counter}"),
                "weight": draw(WEIGHTS),
            }
            if draw(st.booleans()):
                question["legal"] = {"law": text("Likums", "Law"), "article": "1. pants"}
            for key in ("allow_na", "allow_unknown"):
                choice = draw(st.sampled_from([None, True, False]))
                if choice is not None:
                    question[key] = choice
            recs = draw(st.lists(st.sampled_from(values), max_size=3, unique=True))
            if recs:
                question["recommendations"] = [
                    {"levels": [value], "text": text(f"Ieteikums {value}", f"Advice {value}")}
                    for value in recs
                ]
            questions.append(question)
        themes.append(
            {
                "id": f"T{ti + 1}",
                "title": text(f"Joma {ti + 1}", f"Theme {ti + 1}"),
                "weight": draw(WEIGHTS),
                "questions": questions,
            }
        )
    return {
        "format": 1,
        "id": "generated",
        "version": "1.0.0",
        "title": text("Ģenerēta anketa", "Generated form"),
        "audience": "any",
        "scale": {
            "levels": [{"value": v, "label": text(f"Līmenis {v}", f"Level {v}")} for v in levels],
            "agreement": [
                {"value": v, "label": text(f"Vērtība {v}", f"Value {v}")} for v in agreement
            ],
            "allow_na": draw(st.booleans()),
            "allow_unknown": draw(st.booleans()),
        },
        "bands": [{"min": 0, "label": text("Sākums", "Start")}]
        + [{"min": m, "label": text(f"Josla {m}", f"Band {m}")} for m in bands],
        "target_level": draw(st.sampled_from(levels)),
        "coverage_threshold": draw(st.sampled_from([0, 50, 80, 100])),
        "themes": themes,
    }


def allowed_answers(form: Questionnaire, question_id: str) -> st.SearchStrategy[AnswerValue | None]:
    question = form.question(question_id)
    options: list[st.SearchStrategy[AnswerValue | None]] = [
        st.none(),
        st.sampled_from([lvl.value for lvl in form.scale_of(question)]).map(AnswerValue.level),
    ]
    if form.allows_na(question):
        options.append(st.just(AnswerValue.na()))
    if form.allows_unknown(question):
        options.append(st.just(AnswerValue.unknown()))
    return st.one_of(options)


@st.composite
def answer_sets(
    draw: st.DrawFn, form: Questionnaire, max_respondents: int = 4
) -> tuple[Mode, list[RespondentAnswers]]:
    """A mode and respondents (with the group in consensus mode) answering ``form`` validly."""
    mode = draw(st.sampled_from(list(Mode)))
    n = draw(st.integers(min_value=1, max_value=max_respondents))
    people = []
    for i in range(n):
        answers: dict[str, AnswerValue] = {}
        for _, question in form.iter_questions():
            value = draw(allowed_answers(form, question.id))
            if value is not None:
                answers[question.id] = value
        people.append(RespondentAnswers(f"r{i}", f"Respondents {i + 1}", Role.OTHER, answers))
    if mode is Mode.CONSENSUS:
        group = people[0]
        people[0] = RespondentAnswers("group", "Grupa", Role.GROUP, group.answers)
    return mode, people


def export_dict(
    form: Questionnaire, mode: Mode, people: list[RespondentAnswers], uuid: str
) -> dict[str, Any]:
    """An export file's data (as ``write_export`` writes it, without the computed results)."""
    return {
        "format": "ethics-tool-assessment",
        "format_version": 1,
        "app_version": "test",
        "assessment": {
            "uuid": uuid,
            "municipality": "Ādažu novads",
            "unit_type": "dome",
            "unit_name": "Dome",
            "assessed_on": "2026-03-14",
            "prepared_by": "",
            "mode": mode.value,
            "status": "in_progress",
            "is_demo": False,
        },
        "form": form.model_dump(mode="json"),
        "respondents": [
            {
                # 36 characters at most, like the database column: the assessment's first 24
                # characters, then 12 of the respondent's own.
                "uuid": uuid[:24] + hashlib.sha256(person.key.encode()).hexdigest()[:12],
                "label": person.label,
                "role": person.role.value,
                "answers": [
                    {
                        "question_id": qid,
                        "kind": answer.kind.value,
                        "value": answer.value if answer.kind is AnswerKind.LEVEL else None,
                        "comment": answer.comment,
                    }
                    for qid, answer in person.answers.items()
                ],
            }
            for person in people
        ],
        "actions": [],
    }
