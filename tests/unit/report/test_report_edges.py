"""Unusual but legal inputs: few themes, no answers, consensus without a group, chart limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import make_data, read_pdf, scored, several_respondents, single_respondent
from reportlab.graphics.shapes import Drawing

from ethics_tool.domain.answers import Mode
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.report import build_report
from ethics_tool.report.charts import BarSeries, Strand, bar_chart, radar_chart


def test_two_themes_use_a_table_instead_of_a_radar(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    form = quick_form.model_copy(update={"themes": quick_form.themes[:2]})
    rnd = scored(make_data(form, [single_respondent(form)]))
    build_report(rnd[0], rnd[1], tmp_path / "r.pdf")
    text = read_pdf(tmp_path / "r.pdf")
    assert form.themes[1].title.lv in text


def test_no_answers_at_all(tmp_path: Path, quick_form: Questionnaire) -> None:
    rnd = scored(make_data(quick_form, []))
    assert rnd[1].overall is None
    build_report(rnd[0], rnd[1], tmp_path / "r.pdf", lang="en")
    text = read_pdf(tmp_path / "r.pdf")
    assert "Overall index" in text and "–" in text
    assert "No respondents." in text


def test_consensus_without_a_group_answer(tmp_path: Path, quick_form: Questionnaire) -> None:
    rnd = scored(make_data(quick_form, several_respondents(quick_form, 3), mode=Mode.CONSENSUS))
    build_report(rnd[0], rnd[1], tmp_path / "r.pdf")
    assert "Nav atbilžu ar līmeni" in read_pdf(tmp_path / "r.pdf")


def test_previous_round_with_other_themes(tmp_path: Path, quick_form: Questionnaire) -> None:
    older = quick_form.model_copy(update={"id": "older", "themes": quick_form.themes[1:]})
    previous = scored(make_data(older, [single_respondent(older)], assessment_id=1))
    current = scored(make_data(quick_form, [single_respondent(quick_form)]))
    build_report(current[0], current[1], tmp_path / "r.pdf", previous=previous)
    text = read_pdf(tmp_path / "r.pdf")
    assert "Iepriekšējā kārtā izmantota cita anketa" in text


def test_summary_fits_one_page_for_the_quick_form(
    tmp_path: Path, quick_form: Questionnaire
) -> None:
    from pypdf import PdfReader

    rnd = scored(make_data(quick_form, several_respondents(quick_form, 6), mode=Mode.INDIVIDUAL))
    build_report(rnd[0], rnd[1], tmp_path / "r.pdf", previous=rnd)
    reader = PdfReader(tmp_path / "r.pdf")
    pages = {
        item.title: reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    }
    assert pages["Kopsavilkums"] == 1
    assert pages["Rezultāti pa jomām"] == 2


def test_charts_return_drawings() -> None:
    radar = radar_chart(
        ["1", "2", "3", "4"], [Strand("a", [10, None, 90, 100])], lambda v: f"{v:.0f} %", width=200
    )
    assert isinstance(radar, Drawing) and radar.width == 200
    bars = bar_chart(
        ["1.1", "1.2"], [BarSeries("a", [50.0, None], ["50 %", "–"])], width=300, target=75
    )
    assert isinstance(bars, Drawing) and bars.height > 20
    with pytest.raises(ValueError, match="three"):
        radar_chart(["1", "2"], [Strand("a", [1, 2])], str)
