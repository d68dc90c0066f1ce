"""The cover and the one-page summary."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import Strand, StrandKind, radar_chart, radar_legend
from ethics_tool.report.context import ReportContext, mode_label
from ethics_tool.report.layout import (
    bold,
    box,
    bullets,
    cell,
    column_width,
    head_cells,
    heading,
    para,
    rich,
    table,
)
from ethics_tool.report.markup import esc, plain
from ethics_tool.scoring import STRENGTH_SCORE

TOP_PRIORITIES = 5
COVER_NAME_LIMIT = 160
SUMMARY_FULL_ITEMS = 3  # above this many gaps, the summary lists them compactly


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
        # the full texts are in the table below; the headings stay a few lines at most
        para(plain(info.municipality, COVER_NAME_LIMIT), s.cover_name),
        para(plain(ctx.unit, COVER_NAME_LIMIT), s.h2),
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
    # the previous round is on the radar and in the comparison section; a column for it here
    # would wrap the theme titles and push the summary over one page
    head = [t("No.", lang), t("Theme", lang), t("Score", lang)]
    small = st.styles().cell_compact
    rows: list[list[object]] = [head_cells(head)]
    for theme_id in ids:
        row: list[object] = [
            cell(ctx.theme_number[theme_id], small),
            cell(ctx.theme_title(theme_id), small),
            cell(ctx.pct(ctx.results.themes[theme_id].score), small),
        ]
        rows.append(row)
    number_w, score_w = column_width(head[:1], 7 * mm), column_width(head[2:], 15 * mm)
    if len(ids) < 3:
        widths = [number_w, st.FRAME_WIDTH - number_w - score_w * (len(head) - 2)]
        widths += [score_w] * (len(head) - 2)
        return [table(rows, widths), Spacer(1, 6)]
    radar_w = 56 * mm
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
        [ctx.theme_number[i] for i in ids], strands, ctx.pct, width=radar_w, legend=False
    )
    tight = [("TOPPADDING", (0, 1), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)]
    side = Table(
        [[radar, table(rows, widths, extra=tight)]],
        colWidths=[radar_w + 4 * mm, table_w],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [side, Spacer(1, 2), radar_legend(strands, st.FRAME_WIDTH), Spacer(1, 2)]


def _top_priorities(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [para(t("Top priorities", lang), s.sum_h2)]
    top = ctx.results.priorities[:TOP_PRIORITIES]
    if not top:
        return [*out, para(t("No question is below the target level.", lang), s.sum_body)]
    for rank, priority in enumerate(top, start=1):
        question = ctx.questions[priority.question_id]
        number = ctx.question_number[priority.question_id]
        marker = (
            f' <font color="#{st.GAP.hexval()[2:]}">({esc(t("legal requirement", lang))})</font>'
            if priority.compliance_gap
            else ""
        )
        recs = [esc(ctx.text(rec.text)) for rec in priority.recommendations]
        if not recs:
            recs = [esc(t("Raise this item towards the target level.", lang))]
        # question and recommendation in one paragraph: on one page, every line counts
        advice = " ".join(recs)
        text = (
            f"{bold(f'{rank}. [{number}]')} {esc(ctx.text(question.text))}{marker} "
            f"<b>{esc(t('Recommendation', lang))}:</b> {advice}"
        )
        out.append(rich(text, s.sum_item))
    return out


def gap_lines(ctx: ReportContext, question_ids: list[str], full: set[str]) -> list[str]:
    """One line per compliance gap: number, question text (for ids in ``full``), law, mean."""
    lines = []
    for qid in question_ids:
        question = ctx.questions[qid]
        result = ctx.results.questions[qid]
        parts = [bold(ctx.question_number[qid])]
        if qid in full:
            parts.append(esc(ctx.text(question.text)))
        if question.legal is not None:
            law = f"{ctx.text(question.legal.law)}, {question.legal.article}"
            parts.append(f"— {esc(law)}" if qid in full else esc(law))
        mean = esc(t("mean level {value}", ctx.lang, value=ctx.num(result.mean_level)))
        lines.append(" ".join(parts) + f" ({mean})")
    return lines


def _compliance_gaps(ctx: ReportContext) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    gaps = ctx.results.compliance_gaps
    title = rich(bold(t("Compliance gaps", lang)), s.box_title)
    if not gaps:
        note = para(
            t("No compliance gaps: every legal requirement is at level 2 or above.", lang),
            s.sum_body,
        )
        return [Spacer(1, 4), box([title, note], st.BETTER, st.GOOD_FILL), Spacer(1, 4)]
    intro = para(
        t("Legal requirements below level 2. These need attention first.", lang), s.sum_body
    )
    # the question text only where the priorities above do not already show it, and not at
    # all for many gaps: the summary should stay on one page
    shown = {p.question_id for p in ctx.results.priorities[:TOP_PRIORITIES]}
    full = {qid for qid in gaps if qid not in shown} if len(gaps) <= SUMMARY_FULL_ITEMS else set()
    items = bullets(gap_lines(ctx, gaps, full), s.sum_bullet)
    # a short box moves to the next page whole rather than leave its title behind
    framed = KeepTogether([box([title, intro, *items], st.GAP, st.GAP_FILL)])
    return [Spacer(1, 4), framed, Spacer(1, 4)]


def _knowledge_gaps(ctx: ReportContext) -> list[Flowable]:
    """One labelled paragraph of question numbers; the theme sections give the texts."""
    s = st.styles()
    lang = ctx.lang
    gaps = ctx.results.knowledge_gaps
    label = bold(t("Knowledge gaps", lang) + ":")
    if not gaps:
        none = t("No question was answered “Don't know”.", lang)
        return [rich(f"{label} {esc(none)}", s.sum_item)]
    numbers = " · ".join(
        f"{bold(ctx.question_number[qid])} ({ctx.results.questions[qid].n_unknown})" for qid in gaps
    )
    note = t(
        "questions answered “Don't know” (the number of such answers in brackets); the theme "
        "sections give their texts.",
        lang,
    )
    return [rich(f"{label} {numbers} — {esc(note)}", s.sum_item)]


def _strengths(ctx: ReportContext) -> list[Flowable]:
    """One labelled paragraph: with many strong themes a list would push the summary over a page."""
    s = st.styles()
    lang = ctx.lang
    label = bold(t("Strengths", lang) + ":")
    if not ctx.results.strengths:
        threshold = ctx.pct(STRENGTH_SCORE)
        none = t("No theme reached {threshold}.", lang, threshold=threshold)
        return [rich(f"{label} {esc(none)}", s.sum_item)]
    items = [
        f"{esc(ctx.theme_title(tid))} ({esc(ctx.pct(ctx.results.themes[tid].score))})"
        for tid in ctx.results.strengths
    ]
    return [rich(f"{label} {' · '.join(items)}", s.sum_item)]
