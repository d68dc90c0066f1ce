"""One section per theme: scores, a bar chart and table of its questions, comments, discussion
points and recommendations."""

from __future__ import annotations

from html import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ethics_tool.domain.citations import by_kind
from ethics_tool.domain.questionnaire import ItemType, Question, Theme
from ethics_tool.i18n import nt, t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import BarSeries, bar_chart
from ethics_tool.report.context import ReportContext, levels_of
from ethics_tool.report.layout import (
    OutlineEntry,
    bold,
    bullets,
    cell,
    column_width,
    head_cells,
    heading,
    para,
    rich,
    section_break,
    table,
)
from ethics_tool.report.markup import esc
from ethics_tool.report.references import reference_kind_label
from ethics_tool.scoring import QuestionResult


def linked(text: str, url: str | None) -> str:
    """``text`` as markup, a clickable link in the PDF when ``url`` is given."""
    if not url:
        return esc(text)
    colour = f"#{st.BLUE.hexval()[2:]}"
    return f'<link href="{escape(url, quote=True)}" color="{colour}">{esc(text)}</link>'


def theme_sections(ctx: ReportContext) -> list[Flowable]:
    """A section for every theme, under one outline entry.

    The first theme starts a new page (the summary before it is a page of its own); each later
    one starts a new page only when less than :data:`~ethics_tool.report.layout.SECTION_ROOM` is
    left, so that a theme whose last lines run over does not leave a page holding only those
    lines before the next theme.
    """
    out: list[Flowable] = []
    for index, theme in enumerate(ctx.form.themes):
        out.append(PageBreak() if index == 0 else section_break())
        if index == 0:
            out.append(OutlineEntry(t("Results by theme", ctx.lang), "themes", 0))
        out += theme_section(ctx, theme)
    return out


def theme_section(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    number = ctx.theme_number[theme.id]
    title = f"{number}. {ctx.text(theme.title)}"
    out: list[Flowable] = [heading(title, f"theme-{number}", 1, style=s.h1)]
    if theme.description is not None:
        out.append(para(ctx.text(theme.description)))
    if theme.references:
        refs = " · ".join(
            esc(reference_kind_label(kind.value, lang))
            + ": "
            + "; ".join(linked(text, url) for text, url in items)
            for kind, items in by_kind(theme.references, lang)
        )
        label = esc(t("References", lang))
        out.append(rich(f"{label}: {refs}", s.small))
    out += [Spacer(1, 4), _figures(ctx, theme), Spacer(1, 6)]
    out += _chart(ctx, theme)
    # heading, figures and chart stay on one page (the heading never ends a page)
    out = [KeepTogether(out)]
    out += _questions_table(ctx, theme)
    out += _comments(ctx, theme)
    out += _discussion_points(ctx, theme)
    out += _recommendations(ctx, theme)
    return out


def _figures(ctx: ReportContext, theme: Theme) -> Table:
    s = st.styles()
    lang = ctx.lang
    result = ctx.results.themes[theme.id]
    figures = [(t("Theme score", lang), ctx.pct(result.score))]
    if any(q.type is ItemType.PERCEPTION for q in theme.questions):
        figures.append((t("Climate score", lang), ctx.pct(result.climate)))
    figures.append((t("Coverage", lang), ctx.pct(result.coverage)))
    figures.append((t("Target", lang), ctx.pct(ctx.target_percent)))
    width = st.FRAME_WIDTH / len(figures)
    return Table(
        [
            [Paragraph(esc(value), s.h1) for _label, value in figures],
            [para(label, s.small) for label, _value in figures],
        ],
        colWidths=[width] * len(figures),
        hAlign="LEFT",
        style=[
            ("BACKGROUND", (0, 0), (-1, -1), st.HEADER_FILL),
            ("LINEAFTER", (0, 0), (-2, -1), 0.6, st.GRID),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
        ],
    )


def _chart(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    results = [ctx.results.questions[q.id] for q in theme.questions]
    if all(r.score is None for r in results):
        return []
    series = BarSeries(
        t("This round", ctx.lang),
        [r.score for r in results],
        [ctx.pct(r.score) for r in results],
    )
    drawing = bar_chart(
        [ctx.question_number[q.id] for q in theme.questions],
        [series],
        width=st.FRAME_WIDTH * 0.75,
        target=ctx.target_percent,
        target_label=t("Target", ctx.lang),
    )
    return [drawing, Spacer(1, 4)]


def _questions_table(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    lang = ctx.lang
    answer_head = t("Mean and distribution", lang) if ctx.several else t("Answer", lang)
    rows: list[list[object]] = [
        head_cells([t("No.", lang), t("Question", lang), answer_head, t("Score", lang)])
    ]
    for question in theme.questions:
        result = ctx.results.questions[question.id]
        rows.append(
            [
                cell(ctx.question_number[question.id]),
                [cell(ctx.text(question.text)), *_flags(ctx, question, result)],
                _answer_cell(ctx, question, result),
                cell(ctx.pct(result.score)),
            ]
        )
    number_w, score_w, answer_w = 10 * mm, column_width([t("Score", lang)], 16 * mm), 55 * mm
    widths = [number_w, st.FRAME_WIDTH - number_w - score_w - answer_w, answer_w, score_w]
    return [table(rows, widths), Spacer(1, 6)]


def _flags(ctx: ReportContext, question: Question, result: QuestionResult) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    notes: list[str] = []
    if question.type is ItemType.PERCEPTION:
        notes.append(esc(t("Perception statement (agreement scale)", lang)))
    if question.legal is not None:
        legal = question.legal
        law = f"{ctx.text(legal.law)}, {legal.article}"
        if legal.source is not None:
            source = t("source", lang)
            law += f" ({source}: {ctx.text(legal.source)})"
        label = esc(t("Legal requirement", lang))
        notes.append(f"{label}: {linked(law, legal.url)}")
    gap = f"#{st.GAP.hexval()[2:]}"
    if result.compliance_gap:
        label = esc(t("Compliance gap", lang))
        notes.append(f'<font color="{gap}"><b>{label}</b></font>')
    elif result.compliance_unknown:
        label = esc(t("Compliance not established (no level answer)", lang))
        notes.append(f'<font color="{gap}">{label}</font>')
    if result.discussion_point:
        notes.append(bold(t("Discussion point", lang)))
    if result.n_unknown:
        notes.append(esc(t("Knowledge gap", lang)))
    return [rich(note, s.cell_small) for note in notes]


def _answer_cell(ctx: ReportContext, question: Question, result: QuestionResult) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    if not ctx.several:
        return [cell(ctx.answer_label(question, ctx.single_answer(question.id)))]
    out: list[Flowable] = []
    if result.mean_level is not None and result.median_level is not None:
        median = result.median_level
        median_text = ctx.num(median, 0 if float(median).is_integer() else 1)
        out.append(
            cell(
                t(
                    "Mean {mean}, median {median}",
                    lang,
                    mean=ctx.num(result.mean_level),
                    median=median_text,
                )
            )
        )
    else:
        out.append(cell(t("No level answers", lang)))
    scale = levels_of(ctx.form, question)
    distribution = " · ".join(
        f"{lvl.value}: {result.distribution.get(lvl.value, 0)}" for lvl in scale
    )
    out.append(cell(t("Level: count", lang) + f" — {distribution}", s.cell_small))
    others = [
        (t("Not applicable", lang), result.n_na),
        (t("Don't know", lang), result.n_unknown),
        (t("Not answered", lang), result.n_missing),
    ]
    extra = " · ".join(f"{label}: {count}" for label, count in others if count)
    if extra:
        out.append(cell(extra, s.cell_small))
    return out


def _comments(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    """Comments as free paragraphs (never table cells), so that a very long one can split."""
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = []
    for question in theme.questions:
        for label, comment in ctx.comments(question.id):
            prefix = bold(ctx.question_number[question.id])
            if label:
                prefix += f" {bold(label)}:"
            out.append(Paragraph(f"{prefix} {esc(comment)}", s.comment))
    if not out:
        return []
    return [para(t("Comments", lang), s.h2), *out]


def _discussion_points(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    lines = []
    for question in theme.questions:
        result = ctx.results.questions[question.id]
        if not result.discussion_point or not result.distribution:
            continue
        low, high = min(result.distribution), max(result.distribution)
        lines.append(
            f"{bold(ctx.question_number[question.id])} {esc(ctx.text(question.text))} "
            + esc(
                t(
                    "Answers range from “{low}” to “{high}”.",
                    lang,
                    low=ctx.level_label(question, low),
                    high=ctx.level_label(question, high),
                )
            )
        )
    if not lines:
        return []
    intro = para(t("Answers that differ by two levels or more: worth discussing together.", lang))
    return [para(t("Discussion points", lang), s.h2), intro, *bullets(lines)]


def _recommendations(ctx: ReportContext, theme: Theme) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [para(t("Recommendations", lang), s.h2)]
    lines = []
    for priority in ctx.results.priorities:
        if priority.theme_id != theme.id:
            continue
        number = bold(ctx.question_number[priority.question_id])
        texts = [ctx.text(rec.text) for rec in priority.recommendations] or [
            t("Raise this item towards the target level.", lang)
        ]
        lines += [f"{number} {esc(text)}" for text in texts]
    if not lines:
        return [*out, para(_no_priority_sentence(ctx, theme))]
    return out + bullets(lines)


def _no_priority_sentence(ctx: ReportContext, theme: Theme) -> str:
    """What is true of a theme with no item below the target (docs/methodology.md, rule 12)."""
    lang = ctx.lang
    results = [ctx.results.questions[q.id] for q in theme.questions]
    assessed = sum(1 for r in results if r.n_level)
    open_items = sum(1 for r in results if not r.n_level and (r.n_unknown or r.n_missing))
    if not assessed and not open_items:
        return t("Every question of this theme was answered “Not applicable”.", lang)
    if not assessed:
        return t(
            "No question of this theme has a level answer yet (“Don't know” or not answered), "
            "so nothing can be recommended.",
            lang,
        )
    if open_items:
        return nt(
            "No assessed question of this theme is below the target level; {count} question has "
            "no level answer yet (“Don't know” or not answered).",
            "No assessed question of this theme is below the target level; {count} questions "
            "have no level answer yet (“Don't know” or not answered).",
            open_items,
            lang,
        )
    return t("Every assessed question of this theme is at or above the target level.", lang)
