"""Demo data for seminars: a sample municipality with two rounds and several respondents.

Everything created here is marked ``is_demo`` so that it can be told apart and removed in one step.
The answers are generated from a fixed seed, so every demo shows the same numbers.
"""

from __future__ import annotations

import random
import zlib
from datetime import date
from typing import TYPE_CHECKING

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, Status
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.scoring import score

if TYPE_CHECKING:
    from ethics_tool.services import NewRespondent, Services

DEMO_MUNICIPALITY = "Parauga novads (demo)"
DEMO_FORMS = ("council", "quick")  # the first one available is used

_PEOPLE = (
    ("Deputāts A", Role.DEPUTY),
    ("Deputāte B", Role.DEPUTY),
    ("Domes priekšsēdētājs", Role.CHAIR),
    ("Izpilddirektore", Role.EXECUTIVE),
)

_COMMENTS = (
    "Kārtība ir apstiprināta, bet ne visi deputāti to zina.",
    "Jāpārbauda, vai protokolos tas vienmēr ir ierakstīts.",
    "Šogad par to runājām komitejā; lēmums vēl nav pieņemts.",
)


def _demo_form(services: Services) -> Questionnaire:
    for form_id in DEMO_FORMS:
        if form_id in services.catalog.forms:
            return services.catalog.forms[form_id]
    return services.forms()[0]


def _answer(rng: random.Random, form: Questionnaire, qtype: ItemType, base: float) -> AnswerValue:
    roll = rng.random()
    if roll < 0.04:
        return AnswerValue.unknown()
    if roll < 0.07:
        return AnswerValue.na()
    levels = form.scale.levels if qtype is ItemType.MATURITY else form.scale.agreement
    low, high = levels[0].value, levels[-1].value
    value = round(base * (high - low) + low + rng.choice((-1, 0, 0, 0, 1)))
    value = min(high, max(low, value))
    comment = rng.choice(_COMMENTS) if rng.random() < 0.12 else ""
    return AnswerValue(AnswerKind.LEVEL, value, comment)


def _fill(
    services: Services, assessment_id: int, form: Questionnaire, seed: int, base: float
) -> None:
    rng = random.Random(seed)
    data = services.load(assessment_id)
    for person in data.respondents:
        answers: dict[str, AnswerValue | None] = {}
        for theme, question in form.iter_questions():
            # Each theme gets its own typical level so that the radar chart has a shape.
            theme_base = min(0.95, max(0.05, base + (zlib.crc32(theme.id.encode()) % 7 - 3) * 0.06))
            answer = _answer(rng, form, question.type, theme_base)
            if answer.kind is AnswerKind.NA and not form.allows_na(question):
                answer = AnswerValue.level(form.scale.levels[1].value)
            if answer.kind is AnswerKind.UNKNOWN and not form.allows_unknown(question):
                answer = AnswerValue.level(form.scale.levels[1].value)
            answers[question.id] = answer
        services.record_answers(person.id, answers)


def create_demo(services: Services) -> int:
    """Create the two demo rounds; returns the ID of the newer one."""
    from ethics_tool.services import NewRespondent

    form = _demo_form(services)
    people: list[NewRespondent] = [NewRespondent(label, role) for label, role in _PEOPLE]
    common = {
        "municipality": DEMO_MUNICIPALITY,
        "form_id": form.id,
        "unit_type": "dome",
        "unit_name": "Dome",
        "mode": Mode.INDIVIDUAL,
        "respondents": people,
        "prepared_by": "Ētikas mentors",
        "is_demo": True,
    }
    first = services.create_assessment(assessed_on=date(2025, 11, 20), **common)  # type: ignore[arg-type]
    _fill(services, first, form, seed=2025, base=0.35)
    services.set_status(first, Status.COMPLETED)
    second = services.create_assessment(
        assessed_on=date(2026, 11, 19),
        previous_id=first,
        **common,  # type: ignore[arg-type]
    )
    _fill(services, second, form, seed=2026, base=0.5)
    services.set_status(second, Status.COMPLETED)
    data = services.load(second)
    results = score(data.form, data.answers, data.info.mode)
    deadlines = (date(2027, 3, 31), date(2027, 6, 30), date(2027, 12, 31))
    for i, priority in enumerate(p for p in results.priorities if p.recommendations):
        if i >= 3:
            break
        services.save_action(
            second,
            ActionData(
                id=None,
                question_id=priority.question_id,
                text=priority.recommendations[0].text.lv,
                responsible=("Izpilddirektore", "Domes priekšsēdētājs", "Juridiskā nodaļa")[i],
                deadline=deadlines[i],
                status=(
                    ActionStatus.IN_PROGRESS,
                    ActionStatus.NOT_STARTED,
                    ActionStatus.NOT_STARTED,
                )[i],
            ),
        )
    return second
