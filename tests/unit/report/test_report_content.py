"""The report's content read back from the PDF: labels, numbers, outline, metadata, languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import (
    MUNICIPALITY,
    make_data,
    number_of,
    read_pdf,
    scored,
    several_respondents,
    single_respondent,
)

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, AssessmentData
from ethics_tool.domain.questionnaire import ItemType, Questionnaire
from ethics_tool.i18n import (
    format_change,
    format_date,
    format_number,
    format_percent,
    format_score,
    rounded_change,
)
from ethics_tool.report import build_report
from ethics_tool.scoring import Results

Round = tuple[AssessmentData, Results]


def legal_id(form: Questionnaire) -> str:
    """The question single_respondent() answers at level 1 (the first legal requirement)."""
    first = form.themes[0].questions[0].id
    return next(q.id for _, q in form.iter_questions() if q.is_legal and q.id != first)


def build(tmp_path: Path, rnd: Round, name: str = "r.pdf", **kw: object) -> Path:
    path = tmp_path / name
    build_report(rnd[0], rnd[1], path, **kw)  # type: ignore[arg-type]
    return path


@pytest.fixture(scope="module")
def single_pdf(tmp_path_factory: pytest.TempPathFactory, quick_form: Questionnaire) -> Path:
    """The Latvian report of the single-respondent round, built once for the reading tests."""
    rnd = scored(make_data(quick_form, [single_respondent(quick_form)]))
    return build(tmp_path_factory.mktemp("single"), rnd)


def outline_titles(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every outline entry, in order."""
    reader = PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return out


def test_municipality_with_diacritics_appears(single_pdf: Path) -> None:
    text = read_pdf(single_pdf)
    assert MUNICIPALITY in text
    assert "Dome — Ģērbšanās komiteja" in text
    assert "Līga Bērziņa" in text


def test_overall_index_band_and_theme_scores_appear_as_formatted(
    single_pdf: Path, single: Round
) -> None:
    data, results = single
    text = read_pdf(single_pdf)
    assert results.overall is not None
    assert format_percent(results.overall, "lv") in text
    assert results.band_index is not None
    assert data.form.bands[results.band_index].label.lv in text
    for theme_result in results.themes.values():
        assert format_percent(theme_result.score, "lv") in text
    for question_result in results.questions.values():
        assert format_percent(question_result.score, "lv") in text
    assert f"Pārklājums: {format_percent(results.coverage, 'lv')}" in text


def test_latvian_letters_come_back_as_text(single_pdf: Path) -> None:
    text = read_pdf(single_pdf)
    for letter in "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ":
        # every letter appears in the municipality, the unit, the labels or the form
        if letter in MUNICIPALITY + "Dome — Ģērbšanās komiteja" + "Kopvērtējums Līmeņa josla":
            assert letter in text
    assert "Kopvērtējums" in text
    assert "Līmeņa josla" in text
    assert "\u25a0" not in text  # a black square: a glyph the font could not draw


def test_outline_has_an_entry_per_section_and_theme(
    single_pdf: Path, quick_form: Questionnaire
) -> None:
    entries = outline_titles(single_pdf)
    top = [title for depth, title, _ in entries if depth == 0]
    assert top == ["Titullapa", "Kopsavilkums", "Rezultāti pa jomām", "Rīcības plāns", "Pielikums"]
    themes = [title for depth, title, _ in entries if depth == 1][: len(quick_form.themes)]
    assert themes == [f"{i}. {th.title.lv}" for i, th in enumerate(quick_form.themes, start=1)]
    appendix = [title for depth, title, _ in entries if depth == 1][len(quick_form.themes) :]
    assert appendix[0] == "Metodoloģija"
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages)  # bookmarks point at the pages where the sections begin
    assert pages[0] == 0 and pages[1] == 1


def test_comparison_appears_exactly_when_a_previous_round_is_given(
    tmp_path: Path, single_pdf: Path, single: Round, previous_round: Round
) -> None:
    title = "Salīdzinājums ar iepriekšējo novērtējumu"
    without = single_pdf
    assert title not in read_pdf(without)
    assert title not in [t for _, t, _ in outline_titles(without)]
    assert "Iepriekšējā kārta" not in read_pdf(without)

    with_previous = build(tmp_path, single, "b.pdf", previous=previous_round)
    text = read_pdf(with_previous)
    assert title in text
    assert title in [t for _, t, _ in outline_titles(with_previous)]
    before, after = previous_round[1].overall, single[1].overall
    assert before is not None and after is not None
    assert format_score(before, "lv") in text
    change = format_change(rounded_change(before, after), "lv")  # as on the compare page
    assert change.endswith(" p.p.")
    assert f"{'▲' if after > before else '▼'} {change}" in text
    assert format_date(previous_round[0].info.assessed_on, "lv") in text


def test_page_numbers_and_metadata(single_pdf: Path, quick_form: Questionnaire) -> None:
    path = single_pdf
    reader = PdfReader(path)
    total = len(reader.pages)
    first = " ".join(reader.pages[0].extract_text().split())
    last = " ".join(reader.pages[-1].extract_text().split())
    assert f"1. lpp. no {total}" in first
    assert f"{total}. lpp. no {total}" in last
    meta = reader.metadata
    assert meta is not None
    assert MUNICIPALITY in (meta.title or "")
    assert meta.author == "Līga Bērziņa"
    assert quick_form.title.lv in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "lv"


def test_english_report(tmp_path: Path, single: Round) -> None:
    path = build(tmp_path, single, lang="en")
    reader = PdfReader(path)
    text = read_pdf(path)
    results = single[1]
    assert "Summary" in text and "Overall index" in text and "Action plan" in text
    assert format_percent(results.overall, "en") in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert "Kopsavilkums" not in text
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Don't know" in text  # T3.Q2 was answered "Nezinu"


def test_single_answers_show_level_labels_na_and_unknown(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    maturity = [q.id for _, q in quick_form.iter_questions() if q.type is ItemType.MATURITY]
    respondent = RespondentAnswers(
        key="r",
        label="Viens",
        answers={
            maturity[0]: AnswerValue.level(3),
            maturity[1]: AnswerValue.na(),
            maturity[2]: AnswerValue.unknown(),
        },
    )
    text = read_pdf(build(tmp_path, scored(make_data(quick_form, [respondent]))))
    level = quick_form.scale.level(3)
    assert level is not None
    assert f"3 – {level.label.lv}" in text
    assert "Nav attiecināms" in text
    assert "Nezinu" in text
    assert "Nav atbildēts" in text  # the rest
    assert "Zems pārklājums" in text  # 1 of many expected level answers


def test_several_respondents_show_mean_distribution_and_discussion(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    rnd = scored(make_data(quick_form, several_respondents(quick_form, 6), mode=Mode.INDIVIDUAL))
    results = rnd[1]
    text = read_pdf(build(tmp_path, rnd))
    q = results.questions[quick_form.themes[0].questions[0].id]
    assert f"Vidēji {format_number(q.mean_level, 'lv')}" in text
    assert "Līmenis: skaits" in text
    assert "Diskusijas jautājumi" in text
    assert "Deputāts Nr. 2" in text  # a commenting respondent's label
    assert f"Respondentu skaits {results.n_respondents}" in text


def test_consensus_shows_the_agreed_answer(tmp_path: Path, quick_form: Questionnaire) -> None:
    first = quick_form.themes[0].questions[0]
    group = RespondentAnswers(
        key="g", label="Vienošanās", role=Role.GROUP, answers={first.id: AnswerValue.level(4)}
    )
    rnd = scored(
        make_data(quick_form, [group, *several_respondents(quick_form, 3)], mode=Mode.CONSENSUS)
    )
    text = read_pdf(build(tmp_path, rnd))
    level = quick_form.scale.level(4)
    assert level is not None
    assert " ".join(f"4 – {level.label.lv}".split()) in text
    assert "Vienošanās (konsensa) sesija" in text


def test_action_plan_with_actions(tmp_path: Path, quick_form: Questionnaire) -> None:
    actions = [
        ActionData(
            id=1,
            question_id=legal_id(quick_form),
            text="Papildināt protokola veidni",
            responsible="Juridiskā nodaļa",
            deadline=date(2026, 6, 30),
            status=ActionStatus.IN_PROGRESS,
        )
    ]
    rnd = scored(make_data(quick_form, [single_respondent(quick_form)], actions=actions))
    text = read_pdf(build(tmp_path, rnd))
    for part in ("Pasākums", "Atbildīgais", "Termiņš", "Statuss"):
        assert part in text
    assert "Papildināt protokola veidni" in text
    assert "Juridiskā nodaļa" in text
    assert "30.06.2026." in text
    assert "Procesā" in text
    assert f"{number_of(quick_form, legal_id(quick_form))}. jautājums" in text


def test_action_plan_without_actions_lists_priorities(
    single_pdf: Path, single: Round, quick_form: Questionnaire
) -> None:
    text = read_pdf(single_pdf)
    plan = text[text.index("Rīcības plāns Pasākumi vēl nav ierakstīti") :]
    top = single[1].priorities[0]
    assert top.question_id == legal_id(quick_form)  # the compliance gap comes first
    expected = (
        top.recommendations[0].text.lv
        if top.recommendations
        else f"Paaugstiniet {number_of(quick_form, top.question_id)}. jautājumu"
    )
    assert " ".join(expected.split()) in plan


def test_summary_lists_compliance_and_knowledge_gaps(
    single_pdf: Path, single: Round, quick_form: Questionnaire
) -> None:
    results = single[1]
    legal = quick_form.question(legal_id(quick_form))
    maturity = [q.id for _, q in quick_form.iter_questions() if q.type is ItemType.MATURITY]
    assert results.compliance_gaps == [legal.id]
    assert results.knowledge_gaps == [maturity[-1]]
    text = read_pdf(single_pdf)
    summary = text[text.index("Kopsavilkums") : text.index(f"1. {quick_form.themes[0].title.lv}")]
    assert "Atbilstības nepilnības" in summary
    assert legal.legal is not None and legal.legal.article in summary
    assert "Zināšanu nepilnības" in summary
    assert f"{number_of(quick_form, maturity[-1])} " in summary
    assert "Stiprās puses" in summary
    assert "Svarīgākās prioritātes" in summary


def test_progress_goes_from_0_to_100(tmp_path: Path, single: Round) -> None:
    seen: list[int] = []
    build(tmp_path, single, progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100
    assert seen == sorted(seen)
    assert len(seen) > 3


def test_methodology_falls_back_to_built_in_text(
    tmp_path: Path, single: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ethics_tool.report.appendix as appendix

    monkeypatch.setattr(appendix, "doc", lambda name: tmp_path / "missing" / name)
    text = read_pdf(build(tmp_path, single))
    # band cut-offs and scale labels come from the form
    assert "Sākuma (0–19 %)" in text
    assert "Paraugprakse (80–100 %)" in text
    assert "0 – Nav ieviests" in text


def test_methodology_file_gives_only_the_report_language(
    tmp_path: Path, single: Round, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ethics_tool.report.appendix as appendix

    doc = tmp_path / "methodology.md"
    doc.write_text(
        "# Metodoloģija / Methodology\nNote to editors.\n\n## Latviski\n### Skala\n"
        "**Līmenis** ir kumulatīvs.\n\n| A | B |\n|---|---|\n| 0 | nulle |\n\n"
        "## In English\n### Scale\nThe level is cumulative.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        appendix, "doc", lambda name: doc if name == "methodology.md" else doc.parent / "x"
    )
    lv = read_pdf(build(tmp_path, single, "lv.pdf"))
    assert "Līmenis ir kumulatīvs." in lv and "nulle" in lv
    assert "The level is cumulative." not in lv and "Note to editors" not in lv
    en = read_pdf(build(tmp_path, single, "en.pdf", lang="en"))
    assert "The level is cumulative." in en and "kumulatīvs" not in en
