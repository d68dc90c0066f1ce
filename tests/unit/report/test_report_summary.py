"""The summary is exactly one page, however many gaps a large form with many respondents has."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import make_data, number_of, read_pdf, scored

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import AssessmentData
from ethics_tool.domain.loader import load_form
from ethics_tool.domain.questionnaire import ItemType, Questionnaire, Text
from ethics_tool.paths import data_root
from ethics_tool.report import build_report
from ethics_tool.report.markup import shorten
from ethics_tool.scoring import Results

Round = tuple[AssessmentData, Results]


@pytest.fixture(scope="module")
def council_form() -> Questionnaire:
    return load_form(data_root() / "forms" / "council.yaml")


def gloomy_round(form: Questionnaire, n: int = 30, seed: int = 7, assessment_id: int = 2) -> Round:
    """``n`` random respondents: many "Nezinu", legal requirements mostly at level 0–1."""
    rng = random.Random(seed)
    respondents = []
    for i in range(n):
        answers: dict[str, AnswerValue] = {}
        for _, question in form.iter_questions():
            roll = rng.random()
            if roll < 0.25:
                answers[question.id] = AnswerValue.unknown("Nezinu, kā tas notiek.")
            elif roll < 0.3:
                continue  # not answered
            elif question.type is ItemType.PERCEPTION:
                answers[question.id] = AnswerValue.level(rng.randint(1, 5))
            elif question.is_legal:
                answers[question.id] = AnswerValue.level(rng.choice((0, 0, 1, 1, 2)))
            else:
                answers[question.id] = AnswerValue.level(rng.randint(0, 4))
        respondents.append(
            RespondentAnswers(
                key=f"r{i}", label=f"Deputāts Nr. {i + 1}", role=Role.DEPUTY, answers=answers
            )
        )
    data = make_data(form, respondents, mode=Mode.INDIVIDUAL, assessment_id=assessment_id)
    return scored(data)


def top_pages(path: Path) -> dict[str, int]:
    reader = PdfReader(path)
    return {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_council_summary_with_30_respondents_is_one_page(
    tmp_path: Path, council_form: Questionnaire, lang: str
) -> None:
    current = gloomy_round(council_form)
    results = current[1]
    # the case the summary must survive: many compliance and knowledge gaps, low coverage
    assert len(results.compliance_gaps) > 8
    assert len(results.knowledge_gaps) > 40
    assert results.coverage_low
    previous = gloomy_round(council_form, seed=8, assessment_id=1)
    path = tmp_path / "r.pdf"
    build_report(current[0], results, path, lang=lang, previous=previous)
    pages = top_pages(path)
    summary, themes = ("Kopsavilkums", "Rezultāti pa jomām")
    if lang == "en":
        summary, themes = ("Summary", "Results by theme")
    assert pages[summary] == 1
    assert pages[themes] == 2  # the next section starts right on the page after the summary
    page = " ".join((PdfReader(path).pages[1].extract_text() or "").split())
    more = "+ vēl" if lang == "lv" else "more"
    assert more in page  # the capped lists say how many more there are


def _long_texts(form: Questionnaire, long: str) -> Questionnaire:
    themes = [
        theme.model_copy(
            update={
                "title": Text(lv=long + theme.title.lv, en=long + theme.title.en),
                "questions": [
                    q.model_copy(update={"text": Text(lv=long + q.text.lv, en=long + q.text.en)})
                    for q in theme.questions
                ],
            }
        )
        for theme in form.themes
    ]
    return form.model_copy(update={"themes": themes})


def _summary_text(path: Path, pages: int = 1) -> str:
    reader = PdfReader(path)
    return " ".join(
        " ".join((reader.pages[i].extract_text() or "").split()) for i in range(1, 1 + pages)
    )


def test_summary_with_long_form_texts_is_one_page_and_cuts_nothing(
    tmp_path: Path, council_form: Questionnaire
) -> None:
    """A custom form with long theme titles and question texts: one summary page, texts whole."""
    long = "Ļoti gara un sīki izstrādāta formulējuma daļa par godprātību "
    form = _long_texts(council_form, long)
    current = gloomy_round(form, n=10)
    path = tmp_path / "r.pdf"
    build_report(current[0], current[1], path)
    assert top_pages(path)["Rezultāti pa jomām"] == 2
    page = _summary_text(path)
    assert "…" not in page
    for theme in form.themes:  # every theme title in full in the summary's theme table
        assert " ".join(theme.title.lv.split()) in page
    listed = [p for p in current[1].priorities if f"[{number_of(form, p.question_id)}]" in page]
    assert listed, "the summary lists top priorities"
    for priority in listed:  # and the priorities it lists, with their whole question text
        question = next(q for _, q in form.iter_questions() if q.id == priority.question_id)
        assert " ".join(question.text.lv.split()) in page


def test_summary_with_very_long_form_texts_continues_rather_than_shrinks(
    tmp_path: Path, council_form: Questionnaire
) -> None:
    """Texts far too long for one page: the summary goes on to the next page, nothing cut."""
    long = "Ļoti gara un sīki izstrādāta formulējuma daļa par godprātību " * 8
    form = _long_texts(council_form, long)
    current = gloomy_round(form, n=10)
    path = tmp_path / "r.pdf"
    build_report(current[0], current[1], path)
    pages = top_pages(path)["Rezultāti pa jomām"] - 1
    assert pages >= 2
    text = _summary_text(path, pages)
    assert "…" not in text
    for theme in form.themes:
        assert " ".join(theme.title.lv.split()) in text


def test_shorten_cuts_at_a_word_boundary() -> None:
    text = "Vai dome šajā sasaukumā ir formāli apņēmusies ievērot godprātību"
    assert shorten(text, 200) == text
    short = shorten(text, 30)
    assert short.endswith("…") and len(short) <= 30
    assert short == "Vai dome šajā sasaukumā ir…"
    assert shorten("x" * 50, 10) == "x" * 9 + "…"  # no space: a hard cut
    assert shorten("a\n  b   c", 10) == "a b c"


def test_comments_are_never_attributed_to_a_person(tmp_path: Path) -> None:
    """Issue 4: the report shows what was said, never who said it."""
    form = load_form(data_root() / "forms" / "quick.yaml")
    first = form.themes[0].questions[0].id
    people = [
        RespondentAnswers(
            "a",
            "Jānis Bērziņš",
            Role.DEPUTY,
            {first: AnswerValue.level(1, "Protokolā trūkst ieraksta")},
        ),
        RespondentAnswers(
            "b", "Anna Kalniņa", Role.STAFF, {first: AnswerValue.level(3, "Kārtība ir zināma")}
        ),
    ]
    data, results = scored(make_data(form, people, Mode.INDIVIDUAL))
    path = tmp_path / "r.pdf"
    build_report(data, results, path)
    text = read_pdf(path)
    start, end = text.index("Protokolā trūkst ieraksta"), text.index("Kārtība ir zināma")
    comments = text[start - 120 : end + 40]
    assert "Jānis" not in comments and "Anna" not in comments
