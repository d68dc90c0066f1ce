"""The one-page summary: index and band, themes, priorities, gaps, coverage and strengths.

Lists are capped to keep it on one page (the variants are in :mod:`ethics_tool.report.summary_fit`);
no text is cut. The theme sections and the action plan give every item.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from ethics_tool.i18n import nt, t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import Strand, StrandKind, radar_chart, radar_legend
from ethics_tool.report.context import ReportContext
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
from ethics_tool.report.markup import esc
from ethics_tool.report.references import names_law, short_law
from ethics_tool.report.summary_fit import (
    SUMMARY_FITS,
    SUMMARY_SLACK,
    Measure,
    SummaryFit,
    fitted,
    height,
)
from ethics_tool.scoring import STRENGTH_SCORE

TOP_PRIORITIES = 5
MIN_SCALE = 0.85  # the summary is scaled down at most this far to stay on one page
FULL = 10_000  # a law's short name is never cut (see references.short_law)


def summary(ctx: ReportContext) -> list[Flowable]:
    """Exactly one page: index and band, radar of themes, priorities, gaps, coverage, strengths.

    Lists are capped and long texts shortened (``SUMMARY_FITS``, from generous to terse): the
    first variant whose height fits the page is used. No text is cut: a terser variant lists fewer
    items. If even the tersest does not fit (a custom form with long theme titles, say), the page
    is scaled down a little (to :data:`MIN_SCALE` at most); texts longer still let the summary
    run onto a second page rather than shrink to small print.
    """
    title = heading(t("Summary", ctx.lang), "summary", 0)
    room = st.FRAME_HEIGHT - height([title]) - SUMMARY_SLACK
    # the index, the themes and the strengths are the same in every variant: made and measured
    # once; only the lists between them are fitted, and each list is made and measured once
    # for each length a variant asks of it (variants share most of them)
    measure = Measure()
    head = _headline(ctx) + _themes_overview(ctx, side_by_side=True)
    tail = _strengths(ctx)
    lists = fitted(_variant_lists(ctx), room - measure(head) - measure(tail), measure)
    body = head + lists + tail
    if measure(body) * MIN_SCALE > room:
        # texts so long (a custom form) that one page would need small print: the summary
        # continues on the next page instead, every text in full and at its size, the theme
        # table under the radar (a table beside it could not continue on the next page)
        head = _headline(ctx) + _themes_overview(ctx, side_by_side=False)
        return [title, *head, *_lists(ctx, SUMMARY_FITS[-1]), *tail]
    return [title, KeepInFrame(st.FRAME_WIDTH, room, body, mode="shrink")]


def _variant_lists(ctx: ReportContext) -> Callable[[SummaryFit], list[Flowable]]:
    """:func:`_lists` for each variant, every part made once for the fields it depends on: two
    variants that list as many priorities share the same flowables (measured once)."""
    made: dict[tuple[object, ...], list[Flowable]] = {}

    def part(key: tuple[object, ...], make: Callable[[], list[Flowable]]) -> list[Flowable]:
        if key not in made:
            made[key] = make()
        return made[key]

    def lists(fit: SummaryFit) -> list[Flowable]:
        return (
            part(("priorities", fit.priorities), lambda: _top_priorities(ctx, fit))
            + part(("gaps", fit.gap_items, fit.gap_text), lambda: _compliance_gaps(ctx, fit))
            + part(("unknown", fit.unknown_items), lambda: _knowledge_gaps(ctx, fit))
        )

    return lists


def _lists(ctx: ReportContext, fit: SummaryFit) -> list[Flowable]:
    """The parts whose length a variant decides: priorities, compliance and knowledge gaps."""
    return _top_priorities(ctx, fit) + _compliance_gaps(ctx, fit) + _knowledge_gaps(ctx, fit)


def _more(text: str) -> str:
    """A muted "+ 4 more — see …" line under a capped list (``text`` is plain)."""
    return f'<font color="#{st.MUTED.hexval()[2:]}">{esc(text)}</font>'


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
        rich(esc(t("Maturity band", lang)) + f": {bold(ctx.band_label)}"),
    ]
    if band is not None and band.description is not None:
        facts.append(para(ctx.text(band.description), s.small))
    facts.append(
        rich(
            esc(t("Coverage", lang))
            + f": {bold(ctx.pct(r.coverage))} "
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
            esc(t("Target level", lang))
            + f": {bold(target_text)} ({esc(ctx.pct(ctx.target_percent))})"
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


def _themes_overview(ctx: ReportContext, side_by_side: bool) -> list[Flowable]:
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
            t("This round", lang),
            [ctx.results.themes[i].score for i in ids],
            StrandKind.CURRENT,
        ),
    ]
    if previous is not None:
        strands.append(
            Strand(
                t("Previous round", lang),
                [previous.themes[i].score if i in previous.themes else None for i in ids],
                StrandKind.PREVIOUS,
            )
        )
    if ctx.benchmark is not None:
        medians = [ctx.benchmark.themes[i].stats for i in ids]
        strands.append(
            Strand(
                t("Median of {group}", lang, group=ctx.benchmark.overall.group_text(lang)),
                [m.median if m is not None else None for m in medians],
                StrandKind.REFERENCE,
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
    legend = radar_legend(strands, st.FRAME_WIDTH)
    if not side_by_side:
        widths = [number_w, st.FRAME_WIDTH - number_w - score_w * (len(head) - 2)]
        widths += [score_w] * (len(head) - 2)
        return [radar, Spacer(1, 2), legend, Spacer(1, 4), table(rows, widths), Spacer(1, 6)]
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
    return [side, Spacer(1, 2), legend, Spacer(1, 2)]


def _top_priorities(ctx: ReportContext, fit: SummaryFit) -> list[Flowable]:
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [para(t("Top priorities", lang), s.sum_h2)]
    priorities = ctx.results.priorities
    top = priorities[: min(TOP_PRIORITIES, fit.priorities)]
    if not top:
        return [*out, para(t("No question is below the target level.", lang), s.sum_body)]
    for rank, priority in enumerate(top, start=1):
        question = ctx.questions[priority.question_id]
        number = ctx.question_number[priority.question_id]
        legal = esc(t("legal requirement", lang))
        marker = (
            f' <font color="#{st.GAP.hexval()[2:]}">({legal})</font>'
            if priority.compliance_gap
            else ""
        )
        recs = [ctx.text(rec.text) for rec in priority.recommendations]
        if not recs:
            recs = [t("Raise this item towards the target level.", lang)]
        # question and recommendation in one paragraph, in full (a terser variant lists fewer)
        advice = esc(" ".join(" ".join(rec.split()) for rec in recs))
        text = (
            f"{bold(f'{rank}. [{number}]')} "
            f"{esc(' '.join(ctx.text(question.text).split()))}{marker} "
            "<b>" + esc(t("Recommendation", lang)) + f":</b> {advice}"
        )
        out.append(rich(text, s.sum_item))
    rest = len(priorities) - len(top)
    if rest > 0:
        more = nt(
            "+ {count} more question below the target level — see the theme sections and the "
            "action plan.",
            "+ {count} more questions below the target level — see the theme sections and the "
            "action plan.",
            rest,
            lang,
        )
        out.append(rich(_more(more), s.sum_item))
    return out


def gap_lines(ctx: ReportContext, question_ids: Sequence[str], fit: SummaryFit) -> list[str]:
    """One line per compliance gap: number, short question text, law and article, mean level."""
    lines = []
    for qid in question_ids:
        question = ctx.questions[qid]
        result = ctx.results.questions[qid]
        parts = [bold(ctx.question_number[qid])]
        if fit.gap_text:
            parts.append(esc(" ".join(ctx.text(question.text).split())))
        if question.legal is not None:
            law = short_law(ctx.text(question.legal.law), FULL)
            article = question.legal.article
            where = article if names_law(article, law) else f"{law}, {article}"
            parts.append(f"— {esc(where)}" if fit.gap_text else esc(where))
        mean = esc(t("mean level {value}", ctx.lang, value=ctx.num(result.mean_level)))
        lines.append(" ".join(parts) + f" ({mean})")
    return lines


def _compliance_gaps(ctx: ReportContext, fit: SummaryFit) -> list[Flowable]:
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
    intro = t("Legal requirements below level 2. These need attention first.", lang)
    if len(gaps) > fit.gap_items:
        intro += " " + t("The lowest first.", lang)
    # the lowest mean levels first (then in the order of the form), so that a capped list
    # keeps the most serious gaps
    order = {qid: index for index, qid in enumerate(gaps)}
    ranked = sorted(gaps, key=lambda q: (ctx.results.questions[q].mean_level or 0.0, order[q]))
    shown = ranked[: fit.gap_items]
    items = bullets(gap_lines(ctx, shown, fit), s.sum_bullet)
    rest = len(gaps) - len(shown)
    if rest > 0:
        more = t(
            "+ {count} more — see the theme sections (marked “Compliance gap”).", lang, count=rest
        )
        items.append(rich(_more(more), s.sum_bullet))
    framed = box([title, para(intro, s.sum_body), *items], st.GAP, st.GAP_FILL)
    return [Spacer(1, 4), framed, Spacer(1, 4)]


def _knowledge_gaps(ctx: ReportContext, fit: SummaryFit) -> list[Flowable]:
    """One labelled paragraph of question numbers; the theme sections give the texts."""
    s = st.styles()
    lang = ctx.lang
    gaps = ctx.results.knowledge_gaps
    label = bold(t("Knowledge gaps", lang) + ":")
    if not gaps:
        none = t("No question was answered “Don't know”.", lang)
        return [rich(f"{label} {esc(none)}", s.sum_item)]
    # the most "Nezinu" answers first, so that a capped list keeps the clearest gaps
    order = {qid: index for index, qid in enumerate(gaps)}
    ranked = sorted(gaps, key=lambda q: (-ctx.results.questions[q].n_unknown, order[q]))
    shown = ranked[: fit.unknown_items]
    numbers = " · ".join(
        f"{bold(ctx.question_number[qid])}\u00a0({ctx.results.questions[qid].n_unknown})"
        for qid in shown
    )
    note = t(
        "questions answered “Don't know” (the number of such answers in brackets); the theme "
        "sections give their texts.",
        lang,
    )
    rest = len(gaps) - len(shown)
    more = ""
    if rest > 0:
        more = " " + esc(t("+ {count} more", lang, count=rest))
    return [rich(f"{label} {numbers}{more} — {esc(note)}", s.sum_item)]


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
        f"{esc(ctx.theme_number[tid])}. "
        f"{esc(ctx.theme_title(tid))} "
        f"({esc(ctx.pct(ctx.results.themes[tid].score))})"
        for tid in ctx.results.strengths
    ]
    return [rich(f"{label} {' · '.join(items)}", s.sum_item)]
