"""The appendix: methodology, the scale, references per theme, glossary and respondents."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from ethics_tool import scoring
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.i18n import answered_meaning, format_number, format_percent, role_label, t
from ethics_tool.paths import doc
from ethics_tool.report import styles as st
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import (
    cell,
    column_width,
    head_cells,
    heading,
    para,
    section_break,
    table,
    with_next,
)
from ethics_tool.report.markdown import language_part, markdown
from ethics_tool.report.references import references

SHORT_TABLE = 16  # rows: the respondents' table is kept on one page up to this length


def appendix(ctx: ReportContext) -> list[Flowable]:
    lang = ctx.lang
    out: list[Flowable] = [section_break(), heading(t("Appendix", lang), "appendix", 0)]
    out.append(heading(t("Methodology", lang), "methodology", 1))
    out += methodology(ctx.form, lang)
    out.append(heading(t("Answer scale and maturity bands", lang), "scale", 1))
    out += scale_tables(ctx.form, lang)
    out.append(heading(t("Themes and references", lang), "references", 1))
    out += references(ctx)
    out.append(heading(t("Glossary", lang), "glossary", 1))
    out += glossary(lang)
    out += respondents(ctx)
    return out


# -- methodology ------------------------------------------------------------------------------
def methodology_file(lang: str) -> Path | None:
    """docs/methodology.<lang>.md or docs/methodology.md, if the docs ship with the app."""
    for name in (f"methodology.{lang}.md", "methodology.md"):
        try:
            path = doc(name)
        except FileNotFoundError:
            return None
        if path.is_file():
            return path
    return None


def methodology(form: Questionnaire, lang: str) -> list[Flowable]:
    path = methodology_file(lang)
    if path is not None:
        try:
            return markdown(language_part(path.read_text(encoding="utf-8"), lang))
        except (OSError, UnicodeDecodeError):
            pass  # fall back to the built-in summary rather than fail the report
    return builtin_methodology(form, lang)


def format_level(value: float, lang: str) -> str:
    """A level on the maturity scale: ``2`` when whole, ``2,5`` otherwise."""
    return str(int(value)) if float(value).is_integer() else format_number(value, lang, 1)


def band_range(form: Questionnaire, index: int, lang: str) -> str:
    """``20–39 %``: a band's range of the overall index (whole percents where the cut-offs are)."""
    low = form.bands[index].min
    if index + 1 < len(form.bands):
        high = form.bands[index + 1].min
        whole = float(low).is_integer() and float(high).is_integer()
        upper = high - 1 if whole else high
    else:
        whole = float(low).is_integer()
        upper = 100.0
    digits = 0 if whole else 1
    return f"{format_number(low, lang, digits)}–{format_percent(upper, lang, digits)}"


def builtin_methodology(form: Questionnaire, lang: str) -> list[Flowable]:
    """The scoring method in words, with the scale labels and band cut-offs of ``form``."""
    levels = form.scale.levels
    low, high = levels[0].value, levels[-1].value
    agree = form.scale.agreement
    a_low, a_high = agree[0].value, agree[-1].value
    level_list = ", ".join(f"{lvl.value} – {lvl.label.get(lang)}" for lvl in levels)
    bands = [
        f"{band.label.get(lang)} ({band_range(form, i, lang)})" for i, band in enumerate(form.bands)
    ]
    target = form.scale.level(form.target_level)
    texts = [
        t(
            "Each maturity question is answered on a scale of {levels}. A level becomes a "
            "percentage of the scale: (level − {low}) ÷ {span} × 100.",
            lang,
            levels=level_list,
            low=low,
            span=high - low,
        ),
        t(
            "Perception statements use an agreement scale from {low} to {high}; their value becomes "
            "(value − {low}) ÷ {span} × 100. They give a separate climate score and do not enter "
            "the maturity score.",
            lang,
            low=a_low,
            high=a_high,
            span=a_high - a_low,
        ),
        t(
            "“Not applicable” removes a question from the calculation. “Don't know” also leaves "
            "the calculation, but it lowers the coverage and the question is listed as a "
            "knowledge gap.",
            lang,
        ),
        t(
            "With several respondents a question's score is the mean of their answers; a question "
            "whose answers differ by {spread} levels or more is a discussion point. In consensus "
            "mode the group's agreed answer is scored.",
            lang,
            spread=scoring.DISCUSSION_SPREAD,
        ),
        t(
            "A theme's score is the mean of its question scores weighted by question weight. The "
            "overall index is the mean of the theme scores weighted by theme weight.",
            lang,
        ),
        t(
            "The overall index places the assessment in a maturity band: {bands}.",
            lang,
            bands="; ".join(bands),
        ),
        t(
            "Coverage is the share of expected answers given as a level. Below {threshold} the "
            "results are less reliable and the report shows a warning.",
            lang,
            threshold=format_percent(form.coverage_threshold, lang),
        ),
        t(
            "Priorities are the questions below the target level {target}. Questions below level "
            "{below} come first; the rest are ranked by the gap to the target × question weight × "
            "theme weight, doubled for a compliance gap.",
            lang,
            target=f"{form.target_level} ({target.label.get(lang) if target else ''})",
            below=format_level(scoring.maturity_level(form, scoring.UNSATISFACTORY_PERCENT), lang),
        ),
        t(
            "A compliance gap is a legal requirement whose mean level is below {level}. A theme "
            "scoring {strength} or more is listed as a strength.",
            lang,
            level=format_level(scoring.maturity_level(form, scoring.COMPLIANCE_PERCENT), lang),
            strength=format_percent(scoring.STRENGTH_SCORE, lang),
        ),
    ]
    return [para(text) for text in texts]


# -- scale, references, glossary, respondents ------------------------------------------------
def scale_tables(form: Questionnaire, lang: str) -> list[Flowable]:
    s = st.styles()
    ranges = [band_range(form, i, lang) for i in range(len(form.bands))]
    first = column_width([t("Level", lang), t("Value", lang), t("Range", lang), *ranges], 16 * mm)
    widths = [first, 50 * mm, st.FRAME_WIDTH - first - 50 * mm]
    rows: list[list[object]] = [
        head_cells([t("Level", lang), t("Label", lang), t("Description", lang)])
    ]
    for level in form.scale.levels:
        description = level.description.get(lang) if level.description else ""
        rows.append([cell(str(level.value)), cell(level.label.get(lang)), cell(description)])
    if form.scale.allow_na:
        rows.append(
            ["", cell(t("Not applicable", lang)), cell(t("Left out of the calculation.", lang))]
        )
    if form.scale.allow_unknown:
        rows.append(
            [
                "",
                cell(t("Don't know", lang)),
                cell(t("Left out of the calculation; lowers the coverage.", lang)),
            ]
        )
    out: list[Flowable] = [para(t("Maturity scale", lang), s.h3), table(rows, widths)]
    agree: list[list[object]] = [head_cells([t("Value", lang), t("Label", lang), ""])]
    for level in form.scale.agreement:
        agree.append([cell(str(level.value)), cell(level.label.get(lang)), ""])
    out += [para(t("Agreement scale (perception statements)", lang), s.h3), table(agree, widths)]
    bands: list[list[object]] = [
        head_cells([t("Range", lang), t("Band", lang), t("Description", lang)])
    ]
    for index, band in enumerate(form.bands):
        description = band.description.get(lang) if band.description else ""
        bands.append(
            [cell(band_range(form, index, lang)), cell(band.label.get(lang)), cell(description)]
        )
    out += [para(t("Maturity bands of the overall index", lang), s.h3), table(bands, widths)]
    return out


def glossary(lang: str) -> list[Flowable]:
    strength = format_percent(scoring.STRENGTH_SCORE, lang)
    terms = [
        (
            t("Overall index", lang),
            t("The weighted mean of the theme scores, from 0 to 100 %.", lang),
        ),
        (
            t("Theme", lang),
            t("A group of questions about one area of ethics and good governance.", lang),
        ),
        (
            t("Level", lang),
            t("A step of the answer scale, from not in place to leading practice.", lang),
        ),
        (
            t("Target level", lang),
            t("The level every question should reach; gaps are measured from it.", lang),
        ),
        (t("Maturity band", lang), t("The name of the range the overall index falls into.", lang)),
        (t("Coverage", lang), t("The share of expected answers given as a level.", lang)),
        (
            t("Not applicable", lang),
            t("The question does not concern this unit; it is not scored.", lang),
        ),
        (
            t("Don't know", lang),
            t("The respondent could not judge; not scored, but it lowers coverage.", lang),
        ),
        (t("Compliance gap", lang), t("A legal requirement whose mean level is below 2.", lang)),
        (
            t("Knowledge gap", lang),
            t("A question that at least one respondent answered “Don't know”.", lang),
        ),
        (
            t("Discussion point", lang),
            t("A question whose answers differ by two levels or more.", lang),
        ),
        (t("Climate score", lang), t("The score of the perception statements of a theme.", lang)),
        (
            t("Priority", lang),
            t("A question below the target level, ranked by its gap and weights.", lang),
        ),
        (
            t("Recommendation", lang),
            t("The questionnaire's advice for the level a question reached.", lang),
        ),
        (
            t("Action plan", lang),
            t("The actions the council agrees on, with who is responsible and when.", lang),
        ),
        (
            t("Strengths", lang),
            t("Themes that score {threshold} or more.", lang, threshold=strength),
        ),
    ]
    rows: list[list[object]] = [head_cells([t("Term", lang), t("Meaning", lang)])]
    for term, meaning in terms:
        rows.append([cell(term, st.styles().cell_bold), cell(meaning)])
    return [table(rows, [45 * mm, st.FRAME_WIDTH - 45 * mm])]


def respondents(ctx: ReportContext) -> list[Flowable]:
    """The respondents with their share answered, under their heading."""
    lang = ctx.lang
    title = heading(t("Respondents", lang), "respondents", 1)
    if not ctx.data.answers:
        return [title, para(t("No respondents.", lang))]
    rows: list[list[object]] = [
        head_cells([t("Respondent", lang), t("Role", lang), t("Answered", lang)])
    ]
    progress = ctx.results.per_respondent_progress
    for respondent in ctx.data.answers:
        rows.append(
            [
                cell(respondent.label or "–"),
                cell(role_label(respondent.role, lang)),
                cell(ctx.pct(progress.get(respondent.key))),
            ]
        )
    # what "Answered" means, above the table: below it, it was left alone on the last page
    note = with_next(para(answered_meaning(lang), st.styles().small))
    section = [title, note, table(rows, [st.FRAME_WIDTH - 80 * mm, 50 * mm, 30 * mm])]
    # a short list stays on one page with its heading (not its last row alone on the next page)
    return [KeepTogether(section)] if len(rows) <= SHORT_TABLE else section
