"""Time scoring 100 respondents × 150 questions, and showing the results page for them.

Prints figures; the last line is key=value pairs (scoring_ms=…). Target: scoring under 50 ms.
Run: python benchmarks/scoring.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.scoring import score

N_RESPONDENTS = 100
N_THEMES = 15
N_QUESTIONS_PER_THEME = 10  # 150 questions


def synthetic_form() -> Questionnaire:
    level = lambda v, lv, en: {"value": v, "label": {"lv": lv, "en": en}}  # noqa: E731
    themes = []
    for t in range(1, N_THEMES + 1):
        questions = []
        for q in range(1, N_QUESTIONS_PER_THEME + 1):
            perception = q == N_QUESTIONS_PER_THEME
            questions.append(
                {
                    "id": f"T{t}.Q{q}",
                    "type": "perception" if perception else "maturity",
                    "text": {"lv": f"Jautājums {t}.{q}", "en": f"Question {t}.{q}"},
                    "weight": 1.0 + (q % 3) * 0.25,
                    "legal": (
                        {"law": {"lv": "Likums", "en": "Law"}, "article": "1. pants"}
                        if q == 1
                        else None
                    ),
                    "recommendations": [
                        {
                            "levels": [1, 2] if perception else [0, 1],
                            "text": {"lv": "Ieteikums", "en": "Advice"},
                        }
                    ],
                }
            )
        themes.append(
            {
                "id": f"T{t}",
                "title": {"lv": f"Tēma {t}", "en": f"Theme {t}"},
                "weight": 1.0 + (t % 4) * 0.1,
                "questions": questions,
            }
        )
    return Questionnaire.model_validate(
        {
            "id": "bench",
            "version": "1.0.0",
            "title": {"lv": "Mērījums", "en": "Benchmark"},
            "scale": {
                "levels": [level(v, f"L{v}", f"L{v}") for v in range(5)],
                "agreement": [level(v, f"A{v}", f"A{v}") for v in range(1, 6)],
            },
            "bands": [{"min": 0, "label": {"lv": "Sākuma", "en": "Initial"}}],
            "themes": themes,
        }
    )


def synthetic_respondents(form: Questionnaire, seed: int = 1) -> list[RespondentAnswers]:
    rng = random.Random(seed)
    people = []
    for i in range(N_RESPONDENTS):
        answers = {}
        for _, question in form.iter_questions():
            roll = rng.random()
            if roll < 0.05:
                answers[question.id] = AnswerValue.na()
            elif roll < 0.1:
                answers[question.id] = AnswerValue.unknown()
            else:
                low = 1 if question.type == "perception" else 0
                answers[question.id] = AnswerValue.level(rng.randint(low, low + 4))
        people.append(RespondentAnswers(f"r{i}", f"R{i}", Role.STAFF, answers))
    return people


def time_scoring(form: Questionnaire, people: list[RespondentAnswers], runs: int = 15) -> float:
    score(form, people, Mode.INDIVIDUAL)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        score(form, people, Mode.INDIVIDUAL)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def time_results_page(form: Questionnaire, people: list[RespondentAnswers]) -> float | None:
    """Store the assessment in a real database and time showing the GUI results page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtWidgets import QApplication

        from ethics_tool.gui.app import create_main_window
    except ImportError as exc:
        print(f"results page: skipped ({exc})", file=sys.stderr)
        return None
    from ethics_tool.domain.loader import FormCatalog
    from ethics_tool.services import NewRespondent, Services
    from ethics_tool.storage.db import open_database
    from ethics_tool.storage.tables import Answer

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        services = Services(db, FormCatalog(forms={form.id: form}))
        aid = services.create_assessment(
            municipality="Mērījumu novads",
            form_id=form.id,
            mode=Mode.INDIVIDUAL,
            respondents=[NewRespondent(p.label, Role.STAFF) for p in people],
        )
        stored = services.respondents(aid)
        rows = [
            {
                "respondent_id": person.id,
                "question_id": qid,
                "kind": a.kind.value,
                "value": a.value,
                "comment": "",
            }
            for person, answers in zip(stored, people, strict=True)
            for qid, a in answers.answers.items()
        ]
        with db.engine.begin() as conn:
            conn.execute(Answer.__table__.insert(), rows)
        app = QApplication.instance() or QApplication([])
        window = create_main_window(services)
        window.show()
        app.processEvents()
        times = []
        for _ in range(3):
            start = time.perf_counter()
            window.open_assessment(aid, "results")
            app.processEvents()
            times.append(time.perf_counter() - start)
        window.close()
        db.dispose()
        return statistics.median(times) * 1000


def main() -> None:
    form = synthetic_form()
    people = synthetic_respondents(form)
    n_answers = sum(len(p.answers) for p in people)
    scoring_ms = time_scoring(form, people)
    print(
        f"form: {form.question_count} questions; respondents: {len(people)}; answers: {n_answers}"
    )
    print(f"scoring (median of 15): {scoring_ms:.1f} ms (target < 50 ms)")
    page_ms = time_results_page(form, people)
    if page_ms is not None:
        print(f"results page for them (median of 3, load + score + render): {page_ms:.0f} ms")
    figures = (
        f"scoring_ms={scoring_ms:.1f} respondents={len(people)} questions={form.question_count}"
    )
    if page_ms is not None:
        figures += f" results_page_ms={page_ms:.0f}"
    print(figures)


if __name__ == "__main__":
    main()
