"""The report section that places each theme against a published benchmark reference."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.charts import BarSeries, bar_chart
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import (
    cell,
    column_width,
    head_cells,
    heading,
    para,
    section_break,
    table,
)


def benchmark_section(ctx: ReportContext) -> list[Flowable]:
    """Each theme's score with the group's middle half and median, and one sentence per theme."""
    comparison = ctx.benchmark
    if comparison is None:
        return []
    s = st.styles()
    lang = ctx.lang
    out: list[Flowable] = [
        section_break(),
        heading(t("Comparison with other municipalities", lang), "benchmark", 0),
        para(comparison.note(ctx.form, lang)),
        para(
            t(
                "The bars show this assessment. The grey band is the middle half of the group "
                "(first to third quartile) and the dark line its median. Groups of fewer than "
                "five municipalities are never published.",
                lang,
            ),
            s.small,
        ),
        Spacer(1, 4),
    ]
    points = list(comparison.themes.values())
    out.append(
        bar_chart(
            [ctx.theme_number.get(p.theme_id, "–") for p in points],
            [
                BarSeries(
                    t("This round", lang),
                    [p.score for p in points],
                    [ctx.pct(p.score) for p in points],
                )
            ],
            width=st.FRAME_WIDTH * 0.75,
            bands=[(p.stats.q1, p.stats.median, p.stats.q3) if p.stats else None for p in points],
        )
    )
    out.append(Spacer(1, 6))
    head = [t("No.", lang), t("Theme", lang), t("Compared with the others", lang)]
    rows: list[list[object]] = [head_cells(head)]
    for point in points:
        rows.append(
            [
                cell(ctx.theme_number.get(point.theme_id, "–")),
                cell(ctx.theme_title(point.theme_id)),
                cell(point.sentence(lang)),
            ]
        )
    rows.append(
        [
            "",
            cell(t("Overall index", lang), s.cell_bold),
            cell(comparison.overall.sentence(lang), s.cell_bold),
        ]
    )
    number_w = column_width(head[:1], 10 * mm)
    title_w = 62 * mm
    widths = [number_w, title_w, st.FRAME_WIDTH - number_w - title_w]
    out.append(table(rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, st.BLUE)]))
    return out
