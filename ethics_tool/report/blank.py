"""The blank questionnaire: a printable form to fill in by hand (a seminar, a council meeting)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from ethics_tool.domain.questionnaire import ItemType, Question, Questionnaire
from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.appendix import scale_tables
from ethics_tool.report.context import levels_of
from ethics_tool.report.layout import OutlineEntry, bold, cell, heading, para, rich
from ethics_tool.report.markup import esc

BOX = "☐"
LINE_HEIGHT = 18
COMMENT_LINES = 3  # ruled lines to write a comment by hand, the label on the first
THEME_ROOM = 260  # points: a theme heading and its first question


def blank_story(form: Questionnaire, lang: str, municipality: str) -> list[Flowable]:
    out = blank_cover(form, lang, municipality)
    out += instructions(form, lang)
    for index, theme in enumerate(form.themes, start=1):
        # paper matters on a printout: a theme starts a new page only when little room is left
        out.append(PageBreak() if index == 1 else CondPageBreak(THEME_ROOM))
        if index == 1:
            out.append(OutlineEntry(t("Questions", lang), "questions", 0))
        head: list[Flowable] = [
            heading(f"{index}. {theme.title.get(lang)}", f"theme-{index}", 1, style=st.styles().h1)
        ]
        if theme.description is not None:
            head.append(para(theme.description.get(lang)))
        blocks = [
            question_block(form, question, f"{index}.{qi}", lang)
            for qi, question in enumerate(theme.questions, start=1)
        ]
        # the heading never stays alone at the foot of a page: it goes with the first question
        out.append(KeepTogether(head + blocks[:1]))
        out += blocks[1:]
    return out


def blank_cover(form: Questionnaire, lang: str, municipality: str) -> list[Flowable]:
    s = st.styles()
    fields = [
        (t("Municipality", lang), municipality),
        (t("Unit", lang), ""),
        (t("Respondent", lang), ""),
        (t("Role", lang), ""),
        (t("Date", lang), ""),
    ]
    rows = [[cell(label, s.cell_bold), cell(value)] for label, value in fields]
    form_table = Table(
        rows,
        colWidths=[45 * mm, st.FRAME_WIDTH - 45 * mm],
        hAlign="LEFT",
        splitInRow=40,
        style=[
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.6, st.RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 10),
        ],
    )
    out: list[Flowable] = [
        Spacer(1, 20 * mm),
        heading(form.title.get(lang), "cover", 0, outline=t("Cover", lang), style=s.cover_title),
        para(t("Questionnaire, version {version}", lang, version=form.version), s.cover_subtitle),
    ]
    if form.description is not None:
        out.append(para(form.description.get(lang)))
    out += [Spacer(1, 10 * mm), form_table, NextPageTemplate("body"), PageBreak()]
    return out


def instructions(form: Questionnaire, lang: str) -> list[Flowable]:
    out: list[Flowable] = [heading(t("How to answer", lang), "instructions", 0)]
    texts = [
        t(
            "Mark one box for each question: the level that describes the present practice best, "
            "not the planned one.",
            lang,
        ),
        t(
            "If a question does not concern your unit, mark “Not applicable”. If you cannot judge, "
            "mark “Don't know”: it is better than a guess.",
            lang,
        ),
        t(
            "Perception statements ask how far you agree; mark the value closest to your view.",
            lang,
        ),
        t("Use the comment lines for evidence, examples or doubts.", lang),
    ]
    out += [para(text) for text in texts]
    out += scale_tables(form, lang)
    return out


def question_block(form: Questionnaire, question: Question, number: str, lang: str) -> Flowable:
    s = st.styles()
    parts: list[Flowable] = [
        Spacer(1, 6),
        rich(f"{bold(number)} {esc(question.text.get(lang))}", s.body),
    ]
    if question.guidance is not None:
        parts.append(para(question.guidance.get(lang), s.small))
    if question.legal is not None:
        label = t("Legal requirement", lang)
        law = f"{question.legal.law.get(lang)}, {question.legal.article}"
        parts.append(para(f"{label}: {law}", s.small))
    if question.evidence is not None:
        label = t("What shows level 3", lang)
        parts.append(para(f"{label}: {question.evidence.get(lang)}", s.small))
    parts.append(_options(form, question, lang))
    parts.append(_comment_lines(lang))
    return KeepTogether(parts)


def _options(form: Questionnaire, question: Question, lang: str) -> Table:
    s = st.styles()
    rows: list[list[object]] = []
    for level in levels_of(form, question):
        descriptor = question.levels.get(level.value)
        detail = descriptor.get(lang) if descriptor else ""
        if not detail and question.type is ItemType.MATURITY and level.description:
            detail = level.description.get(lang)
        rows.append(
            [
                cell(BOX, s.tick),
                cell(f"{level.value} – {level.label.get(lang)}", s.cell_bold),
                cell(detail, s.cell_small),
            ]
        )
    if form.allows_na(question):
        rows.append([cell(BOX, s.tick), cell(t("Not applicable", lang), s.cell_bold), cell("")])
    if form.allows_unknown(question):
        rows.append([cell(BOX, s.tick), cell(t("Don't know", lang), s.cell_bold), cell("")])
    return Table(
        rows,
        colWidths=[8 * mm, 55 * mm, st.FRAME_WIDTH - 63 * mm],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (0, -1), 8),
        ],
    )


def _comment_lines(lang: str) -> Table:
    s = st.styles()
    return Table(
        [[cell(t("Comment", lang) + ":", s.cell_small)]] + [[""]] * (COMMENT_LINES - 1),
        colWidths=[st.FRAME_WIDTH],
        rowHeights=[LINE_HEIGHT] * COMMENT_LINES,
        hAlign="LEFT",
        style=[
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.GRID),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ],
    )
