"""The cover and the one-page summary."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import Strand, StrandKind, radar_chart
from ethics_tool.report.context import ReportContext, mode_label
from ethics_tool.report.layout import (
    bold,
    box,
    bullets,
    cell,
    head_cells,
    heading,
    para,
    rich,
    table,
)
from ethics_tool.report.markup import esc
from ethics_tool.scoring import STRENGTH_SCORE

TOP_PRIORITIES = 5


def cover(ctx: ReportContext, today: date) -> list[Flowable]:
    """Title page: who, what, when and how."""
    s = st.styles()
    lang = ctx.lang
    info = ctx.info
    form_line = t(
        "{title}, version {version}", lang, title=ctx.text(ctx.form.title), version=ctx.form.version
    )
    rows = [
        (t("Municipality", lang), info.municipality or "–"),
        (t("Unit", lang), ctx.unit or "–"),
        (t("Questionnaire", lang), form_line),
        (t("Assessment date", lang), ctx.date(info.assessed_on)),
        (t("Report date", lang), ctx.date(today)),
        (t("Mode", lang), mode_label(ctx.results.mode, lang)),
        (t("Number of respondents", lang), str(ctx.results.n_respondents)),
        (t("Prepared by", lang), info.prepared_by or "–"),
    ]
    facts = Table(
        [[cell(label, s.cell_bold), cell(value)] for label, value in rows],
        colWidths=[55 * mm, st.FRAME_WIDTH - 55 * mm],
        hAlign="LEFT",
        splitInRow=40,
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
    )
    out: list[Flowable] = [
        Spacer(1, 25 * mm),
        heading(
            t("Ethics self-assessment report", lang),
            "cover",
            0,
            outline=t("Cover", lang),
            style=s.cover_title,
        ),
        para(ctx.text(ctx.form.title), s.cover_subtitle),
        para(info.municipality, s.cover_name),
        para(ctx.unit, s.h2),
        Spacer(1, 12 * mm),
        facts,
    ]
    if info.is_demo:
        out += [
            Spacer(1, 8 * mm),
            box(
                [para(t("Demonstration data: this is not a real assessment.", lang))],
                st.WARNING,
                st.WARNING_FILL,
            ),
        ]
    out += [NextPageTemplate("body"), PageBreak()]
    return out


def summary(ctx: ReportContext) -> list[Flowable]:
    """One page: index and band, radar of themes, priorities, gaps, coverage and strengths."""
    lang = ctx.lang
    out: list[Flowable] = [heading(t("Summary", lang), "summary", 0)]
    out += _headline(ctx)
    out += _themes_overview(ctx)
    out += _top_priorities(ctx)
    out += _compliance_gaps(ctx)
    out += _knowledge_gaps(ctx)
    out += _strengths(ctx)
    return out


def _headline(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    r = ctx.results
    index = [
        Paragraph(esc(ctx.pct(r.overall)), s.big),
        Spacer(1, 2),
        para(t("Overall index", lang), s.big_label),
    ]
    band = ctx.form.bands[r.band_index] if r.band_index is not None else None
    facts: list[Flowable] = [
        rich(f"{esc(t('Maturity band', lang))}: {bold(ctx.band_label)}"),
    ]
    if band is not None and band.description is not None:
        facts.append(para(ctx.text(band.description), s.small))
    facts.append(
        rich(
            f"{esc(t('Coverage', lang))}: {bold(ctx.pct(r.coverage))} "
            + esc(
                t(
                    "({answered} of {expected} expected answers given as a level)",
                    lang,
                    answered=r.answered,
                    expected=r.expected,
                )
            )
        )
    )
    target = ctx.form.scale.level(ctx.form.target_level)
    target_text = f"{ctx.form.target_level} – {ctx.text(target.label)}" if target else ""
    facts.append(
        rich(
            f"{esc(t('Target level', lang))}: {bold(target_text)} "
            f"({esc(ctx.pct(ctx.target_percent))})"
        )
    )
    top = Table(
        [[index, facts]],
        colWidths=[55 * mm, st.FRAME_WIDTH - 55 * mm],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (0, 0), 1.2, st.BLUE),
            ("BACKGROUND", (0, 0), (0, 0), st.HEADER_FILL),
            ("TOPPADDING", (0, 0), (0, 0), 8),
            ("BOTTOMPADDING", (0, 0), (0, 0), 8),
            ("LEFTPADDING", (1, 0), (1, 0), 12),
        ],
    )
    out: list[Flowable] = [top, Spacer(1, 6)]
    if r.coverage_low:
        out.append(
            box(
                [
                    rich(bold(t("Low coverage", lang))),
                    para(
                        t(
                            "Coverage is {coverage}, below the threshold of {threshold}. Missing "
                            "and “Don't know” answers make the results less reliable.",
                            lang,
                            coverage=ctx.pct(r.coverage),
                            threshold=ctx.pct(r.coverage_threshold),
                        )
                    ),
                ],
                st.WARNING,
                st.WARNING_FILL,
            )
        )
        out.append(Spacer(1, 6))
    return out


def _themes_overview(ctx: ReportContext) -> list[Flowable]:
    """The radar (three themes or more) beside a table that names the numbered themes."""
    lang = ctx.lang
    previous = ctx.previous[1] if ctx.previous else None
    ids = [theme.id for theme in ctx.form.themes]
    head = [t("No.", lang), t("Theme", lang), t("Score", lang)]
    if previous is not None:
        head.append(t("Previous", lang))
    rows: list[list[object]] = [head_cells(head)]
    for theme_id in ids:
        row: list[object] = [
            cell(ctx.theme_number[theme_id]),
            cell(ctx.theme_title(theme_id)),
            cell(ctx.pct(ctx.results.themes[theme_id].score)),
        ]
        if previous is not None:
            before = previous.themes.get(theme_id)
            row.append(cell(ctx.pct(before.score if before else None)))
        rows.append(row)
    number_w, score_w = 9 * mm, 17 * mm
    if len(ids) < 3:
        widths = [number_w, st.FRAME_WIDTH - number_w - score_w * (len(head) - 2)]
        widths += [score_w] * (len(head) - 2)
        return [table(rows, widths), Spacer(1, 6)]
    radar_w = 78 * mm
    table_w = st.FRAME_WIDTH - radar_w - 4 * mm
    widths = [number_w, table_w - number_w - score_w * (len(head) - 2)]
    widths += [score_w] * (len(head) - 2)
    strands = [
        Strand(
            t("This assessment", lang),
            [ctx.results.themes[i].score for i in ids],
            StrandKind.CURRENT,
        ),
    ]
    if previous is not None:
        strands.append(
            Strand(
                t("Previous assessment", lang),
                [previous.themes[i].score if i in previous.themes else None for i in ids],
                StrandKind.PREVIOUS,
            )
        )
    strands.append(
        Strand(
            t("Target ({value})", lang, value=ctx.pct(ctx.target_percent)),
            [ctx.target_percent] * len(ids),
            StrandKind.TARGET,
        )
    )
    radar = radar_chart(
        [ctx.theme_number[i] for i in ids], strands, ctx.pct, width=radar_w, height=radar_w + 16
    )
    side = Table(
        [[radar, table(rows, widths)]],
        colWidths=[radar_w + 4 * mm, table_w],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [side, Spacer(1, 4)]


def _top_priorities(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [para(t("Top priorities", lang), s.h2)]
    top = ctx.results.priorities[:TOP_PRIORITIES]
    if not top:
        return [*out, para(t("No question is below the target level.", lang))]
    for rank, priority in enumerate(top, start=1):
        question = ctx.questions[priority.question_id]
        number = ctx.question_number[priority.question_id]
        marker = (
            f' <font color="#{st.GAP.hexval()[2:]}">({esc(t("legal requirement", lang))})</font>'
            if priority.compliance_gap
            else ""
        )
        text = f"{bold(f'{rank}. [{number}]')} {esc(ctx.text(question.text))}{marker}"
        out.append(rich(text, s.body))
        recs = [esc(ctx.text(rec.text)) for rec in priority.recommendations]
        if not recs:
            recs = [esc(t("Raise this item towards the target level.", lang))]
        out += bullets([f"{esc(t('Recommendation', lang))}: {rec}" for rec in recs])
    return out


def gap_lines(ctx: ReportContext, question_ids: list[str]) -> list[str]:
    lines = []
    for qid in question_ids:
        question = ctx.questions[qid]
        result = ctx.results.questions[qid]
        law = ""
        if question.legal is not None:
            law = f" — {esc(ctx.text(question.legal.law))}, {esc(question.legal.article)}"
        mean = esc(t("mean level {value}", ctx.lang, value=ctx.num(result.mean_level)))
        lines.append(
            f"{bold(ctx.question_number[qid])} {esc(ctx.text(question.text))}{law} ({mean})"
        )
    return lines


def _compliance_gaps(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    gaps = ctx.results.compliance_gaps
    title = rich(bold(t("Compliance gaps", lang)), s.box_title)
    if not gaps:
        note = para(t("No compliance gaps: every legal requirement is at level 2 or above.", lang))
        return [Spacer(1, 4), box([title, note], st.BETTER, st.GOOD_FILL), Spacer(1, 4)]
    intro = para(t("Legal requirements below level 2. These need attention first.", lang))
    items = bullets(gap_lines(ctx, gaps))
    return [Spacer(1, 4), box([title, intro, *items], st.GAP, st.GAP_FILL), Spacer(1, 4)]


def _knowledge_gaps(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    gaps = ctx.results.knowledge_gaps
    out: list[Flowable] = [para(t("Knowledge gaps", lang), s.h2)]
    if not gaps:
        return [*out, para(t("No question was answered “Don't know”.", lang))]
    out.append(para(t("Questions answered “Don't know” by at least one respondent:", lang)))
    dont_know = esc(t("Don't know", lang))
    lines = []
    for qid in gaps:
        count = ctx.results.questions[qid].n_unknown
        text = ctx.text(ctx.questions[qid].text)
        lines.append(f"{bold(ctx.question_number[qid])} {esc(text)} ({dont_know}: {count})")
    return out + bullets(lines)


def _strengths(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [para(t("Strengths", lang), s.h2)]
    if not ctx.results.strengths:
        return [
            *out,
            para(t("No theme reached {threshold}.", lang, threshold=ctx.pct(STRENGTH_SCORE))),
        ]
    lines = [
        f"{bold(ctx.theme_title(tid))}: {esc(ctx.pct(ctx.results.themes[tid].score))}"
        for tid in ctx.results.strengths
    ]
    return out + bullets(lines)
