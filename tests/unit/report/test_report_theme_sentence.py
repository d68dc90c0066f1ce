"""The theme section's sentence when nothing is below the target says what is true."""

from __future__ import annotations

from pathlib import Path

from report_helpers import make_data, read_pdf, scored

from ethics_tool.domain.answers import AnswerValue, RespondentAnswers, Role
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.report import build_report


def test_sentence_distinguishes_reached_unknown_and_unanswered(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    themes = [th for th in quick_form.themes if len(th.questions) >= 2]
    unknown_theme, partial_theme = themes[0], themes[1]
    answers: dict[str, AnswerValue] = {}
    for theme, question in quick_form.iter_questions():
        top = quick_form.scale_of(question)[-1].value
        if theme is unknown_theme:
            answers[question.id] = AnswerValue.unknown()
        elif theme is partial_theme and question is theme.questions[-1]:
            continue  # not answered
        else:
            answers[question.id] = AnswerValue.level(top)
    person = RespondentAnswers("r1", "Anna", Role.DEPUTY, answers)
    data, results = scored(make_data(quick_form, [person]))
    assert results.priorities == []
    path = tmp_path / "report.pdf"
    build_report(data, results, path)
    text = read_pdf(path)
    assert "Visi šīs jomas jautājumi ir mērķa līmenī" not in text
    assert "Nevienam šīs jomas jautājumam vēl nav līmeņa atbildes" in text
    assert "Neviens novērtētais šīs jomas jautājums nav zem mērķa līmeņa; 1 jautājumam" in text
    assert "Visi novērtētie šīs jomas jautājumi sasniedz mērķa līmeni" in text
