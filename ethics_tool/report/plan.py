"""The action plan and the comparison with the previous round."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ethics_tool.domain.assessment import round_text
from ethics_tool.i18n import action_status_label, format_change, format_score, t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import BarSeries, bar_chart
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import (
    bold,
    cell,
    column_width,
    head_cells,
    heading,
    para,
    rich,
    section_break,
    table,
    with_next,
)
from ethics_tool.scoring import ThemeChange

PLAN_PRIORITIES = 10  # priorities offered as a starting plan when no actions were recorded
EMPTY_ROWS = 3  # blank rows under them, to fill in by hand


def action_plan(ctx: ReportContext) -> list[Flowable]:
    """The council's actions; without any, the top priorities' recommendations to fill in."""
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [section_break(), heading(t("Action plan", lang), "actions", 0)]
    labels = [
        t("No.", lang),
        t("Action", lang),
        t("Responsible", lang),
        t("Deadline", lang),
        t("Status", lang),
    ]
    head = head_cells(labels)
    number_w = column_width([labels[0]], 10 * mm)
    date_w = column_width([labels[3]], 22 * mm)
    status_w = column_width([labels[4]], 24 * mm)
    who_w = 40 * mm
    widths = [
        number_w,
        st.FRAME_WIDTH - number_w - who_w - date_w - status_w,
        who_w,
        date_w,
        status_w,
    ]
    rows: list[list[object]] = [head]
    actions = sorted(ctx.data.actions, key=lambda a: a.position)
    if actions:
        for index, action in enumerate(actions, start=1):
            what = [cell(action.text)]
            if action.question_id in ctx.question_number:
                ref = t("Question {number}", lang, number=ctx.question_number[action.question_id])
                what.append(cell(ref, s.cell_small))
            rows.append(
                [
                    cell(str(index)),
                    what,
                    cell(action.responsible),
                    cell(ctx.date(action.deadline)),
                    cell(action_status_label(action.status, lang)),
                ]
            )
        return [*out, table(rows, widths)]
    priorities = ctx.results.priorities[:PLAN_PRIORITIES]
    if not priorities:
        return [
            *out,
            para(t("No actions recorded and no question is below the target level.", lang)),
        ]
    out.append(
        para(
            t(
                "No actions have been recorded yet. The recommendations of the top priorities "
                "are listed for the council to decide who is responsible and by when.",
                lang,
            )
        )
    )
    index = 0
    for priority in priorities:
        number = ctx.question_number[priority.question_id]
        texts = [ctx.text(rec.text) for rec in priority.recommendations] or [
            t("Raise question {number} towards the target level.", lang, number=number)
        ]
        for text in texts:
            index += 1
            ref = cell(t("Question {number}", lang, number=number), s.cell_small)
            rows.append([cell(str(index)), [cell(text), ref], "", "", ""])
    # and a few empty rows for actions the council adds itself
    rows += [[cell(str(index + extra)), "", "", "", ""] for extra in range(1, EMPTY_ROWS + 1)]
    # taller rows leave room to write by hand on the printout
    return [*out, table(rows, widths, extra=[("BOTTOMPADDING", (0, 1), (-1, -1), 16)])]


def comparison(ctx: ReportContext) -> list[Flowable]:
    """Before, after and change per theme and overall (only when a previous round is given)."""
    if ctx.comparison is None or ctx.previous is None:
        return []
    s = st.styles()
    lang = ctx.lang
    before_data, _before_results = ctx.previous
    out: list[Flowable] = [
        section_break(),
        heading(t("Comparison with the previous assessment", lang), "comparison", 0),
    ]
    out.append(
        para(
            t(
                "Previous round: {date}, questionnaire version {version}.",
                lang,
                date=round_text(before_data.info, lang),
                version=before_data.form.version,
            )
        )
    )
    if before_data.form.id != ctx.form.id:
        out.append(
            para(
                t(
                    "The previous round used a different questionnaire; only themes with "
                    "the same identifier are compared.",
                    lang,
                ),
                s.small,
            )
        )
    changes = ctx.comparison.themes
    out.append(Spacer(1, 4))
    out.append(
        bar_chart(
            [ctx.theme_number.get(c.theme_id, "–") for c in changes],
            [
                BarSeries(
                    t("Previous round", lang),
                    [c.before for c in changes],
                    [ctx.pct(c.before) for c in changes],
                    previous=True,
                ),
                BarSeries(
                    t("This round", lang),
                    [c.after for c in changes],
                    [ctx.pct(c.after) for c in changes],
                ),
            ],
            width=st.FRAME_WIDTH * 0.75,
            legend=True,
        )
    )
    out.append(Spacer(1, 6))
    rows: list[list[object]] = [
        head_cells(
            [
                t("No.", lang),
                t("Theme", lang),
                t("Before", lang),
                t("After", lang),
                t("Change", lang),
            ]
        )
    ]
    for change in changes:
        rows.append(
            [
                cell(ctx.theme_number.get(change.theme_id, "–")),
                cell(ctx.theme_title(change.theme_id)),
                cell(format_score(change.before, lang)),
                cell(format_score(change.after, lang)),
                _change_cell(ctx, change),
            ]
        )
    overall = ctx.comparison.overall
    rows.append(
        [
            "",
            cell(t("Overall index", lang), s.cell_bold),
            cell(format_score(overall.before, lang), s.cell_bold),
            cell(format_score(overall.after, lang), s.cell_bold),
            _change_cell(ctx, overall),
        ]
    )
    value_w = column_width([t("Before", lang), t("After", lang)], 22 * mm)
    # the change ("▲ +24,8 p.p.") on one line: a wrapped unit makes every row two lines tall
    deltas = [change.delta for change in changes] + [overall.delta]
    change_w = column_width(
        [t("Change", lang), *[change_text(ctx, delta)[0] for delta in deltas]], 22 * mm
    )
    widths = [10 * mm, st.FRAME_WIDTH - 10 * mm - 2 * value_w - change_w]
    widths += [value_w, value_w, change_w]
    # the key above the table (below it, it could be left alone on the next page), kept with
    # the table's first rows
    key = para(t("Change in percentage points (pp): ▲ better, ▼ worse.", lang), s.small)
    out.append(with_next(key))
    changes_table = table(rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, st.BLUE)])
    changes_table.spaceBefore = 2
    out.append(changes_table)
    return out


def change_text(ctx: ReportContext, delta: float | None) -> tuple[str, str]:
    """(text, colour hex) of a change: ``▲ +5,2 pp`` in green, ``▼ −3,1 pp`` in vermillion."""
    if delta is None:
        return "–", f"#{st.MUTED.hexval()[2:]}"
    text = format_change(delta, ctx.lang)  # the same words and digits as on screen
    if delta > 0:
        return f"▲ {text}", f"#{st.BETTER.hexval()[2:]}"
    if delta < 0:
        return f"▼ {text}", f"#{st.WORSE.hexval()[2:]}"
    return f"= {text}", f"#{st.MUTED.hexval()[2:]}"


def _change_cell(ctx: ReportContext, change: ThemeChange) -> Paragraph:
    text, colour = change_text(ctx, change.delta)
    return rich(f'<font color="{colour}">{bold(text)}</font>', st.styles().cell)
