"""The cover page: who assessed what, when and how."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table

from ethics_tool.domain.assessment import round_text
from ethics_tool.i18n import mode_label, status_label, t
from ethics_tool.report import styles as st
from ethics_tool.report.context import ReportContext
from ethics_tool.report.layout import box, cell, heading, para
from ethics_tool.report.markup import plain

COVER_NAME_LIMIT = 160


def cover(ctx: ReportContext, today: date) -> list[Flowable]:
    """Title page: who, what, when and how."""
    s = st.styles()
    lang = ctx.lang
    info = ctx.info
    form_line = t(
        "{title}, version {version}", lang, title=ctx.text(ctx.form.title), version=ctx.form.version
    )
    if ctx.form.subset == "core":
        form_line += " " + t("(core questions only: {count})", lang, count=ctx.form.question_count)
    rows = [
        (t("Municipality", lang), info.municipality or "–"),
        (t("Unit", lang), ctx.unit or "–"),
        (t("Questionnaire", lang), form_line),
        (t("Assessment date", lang), round_text(info, lang)),
        (t("Report date", lang), ctx.date(today)),
        (t("Mode", lang), mode_label(ctx.results.mode, lang)),
        (t("Number of respondents", lang), str(ctx.results.n_respondents)),
        (t("Prepared by", lang), info.prepared_by or "–"),
        (t("Status", lang), status_label(info.status, lang)),
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
