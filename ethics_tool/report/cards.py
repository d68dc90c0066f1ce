"""Printable dilemma cards: four cards to an A4 page with cut marks, the options on the back.

A sheet of cards is two pages: the fronts (number, title, themes, roles, situation, the four
discussion questions) and then the backs (the possible courses of action). The back page is
mirrored left to right, so that a sheet printed on both sides (flipped on the long edge) has each
card's options behind its situation. After the cards come the facilitator's notes: the rules that
apply, the references and the options of every card, for the mentor only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from ethics_tool import __version__
from ethics_tool.domain.citations import reference_text
from ethics_tool.domain.dilemmas import Dilemma, discussion_questions
from ethics_tool.i18n import t
from ethics_tool.report import styles as st
from ethics_tool.report.document import PAGE_SETUP, bare_frame, body_frame
from ethics_tool.report.layout import bold, bullets, heading, para, rich
from ethics_tool.report.markup import esc, plain
from ethics_tool.report.pdf import _as_report_error, write_atomically

CARDS_PER_PAGE = 4
PAGE_MARGIN = 10 * mm  # room for the printer's unprintable edge and the cut marks
CARD_PADDING = 6 * mm
MARK = 5 * mm  # length of a cut mark
OPTION_LETTERS = "ABCD"


def card_size() -> tuple[float, float]:
    width, height = st.PAGE_SIZE
    return (width - 2 * PAGE_MARGIN) / 2, (height - 2 * PAGE_MARGIN) / 2


def card_origin(slot: int) -> tuple[float, float]:
    """Lower-left corner of the card in ``slot`` (0 top left, 1 top right, 2, 3 below)."""
    w, h = card_size()
    column, row = slot % 2, slot // 2
    return PAGE_MARGIN + column * w, PAGE_MARGIN + (1 - row) * h


def back_slot(slot: int) -> int:
    """Where a card's back goes: the same row, the other column (long-edge duplex)."""
    return slot + 1 if slot % 2 == 0 else slot - 1


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    s = st.styles()
    return {
        "number": ParagraphStyle("card_number", parent=s.small, fontSize=8, leading=10),
        "title": ParagraphStyle(
            "card_title", parent=s.h2, fontSize=15, leading=18.5, spaceBefore=2, spaceAfter=5
        ),
        "roles": ParagraphStyle(
            "card_roles", parent=s.small, fontSize=8.5, leading=11, spaceAfter=8
        ),
        "situation": ParagraphStyle("card_situation", parent=s.body, fontSize=11, leading=14.6),
        "label": ParagraphStyle(
            "card_label", parent=s.h3, fontSize=9.5, leading=12, spaceBefore=10
        ),
        "question": ParagraphStyle(
            "card_question",
            parent=s.bullet,
            fontSize=9.5,
            leading=12,
            spaceAfter=2,
            bulletFontName=st.FONT,
        ),
        "option": ParagraphStyle(
            "card_option",
            parent=s.body,
            fontSize=11,
            leading=14.4,
            leftIndent=16,
            firstLineIndent=-16,
            spaceAfter=9,
        ),
    }


def _header(number: int, card: Dilemma, lang: str, theme_titles: Mapping[str, str]) -> str:
    themes = ", ".join(theme_titles.get(theme, theme) for theme in card.themes)
    return esc(t("Dilemma {number}", lang, number=number)) + " · " + esc(themes)


def card_front(
    number: int, card: Dilemma, lang: str, theme_titles: Mapping[str, str]
) -> list[Flowable]:
    s = _styles()
    roles = "; ".join(role.get(lang) for role in card.roles)
    out: list[Flowable] = [
        rich(_header(number, card, lang, theme_titles), s["number"]),
        para(card.title.get(lang), s["title"]),
        rich(f"{bold(t('Involved', lang) + ':')} {esc(roles)}", s["roles"]),
        para(card.situation.get(lang), s["situation"]),
        para(t("Discuss", lang), s["label"]),
    ]
    out += bullets([esc(q) for q in discussion_questions(lang)], s["question"])
    return out


def card_back(number: int, card: Dilemma, lang: str) -> list[Flowable]:
    s = _styles()
    out: list[Flowable] = [
        rich(esc(t("Dilemma {number}", lang, number=number)), s["number"]),
        para(card.title.get(lang), s["title"]),
        para(t("What could be done?", lang), s["label"]),
        Spacer(1, 4),
    ]
    for letter, option in zip(OPTION_LETTERS, card.options, strict=False):
        out.append(rich(f"{bold(letter)}&nbsp;&nbsp;{esc(option.get(lang))}", s["option"]))
    out.append(para(t("Which would you choose, and why? Is anything missing?", lang), s["roles"]))
    return out


def _fit(content: list[Flowable]) -> Flowable:
    w, h = card_size()
    return KeepInFrame(w - 2 * CARD_PADDING, h - 2 * CARD_PADDING, content, mode="shrink")


class CardsDocument(BaseDocTemplate):  # type: ignore[misc]  # ReportLab is untyped
    """Card pages (four frames, cut marks) and then plain pages for the facilitator's notes."""

    def __init__(self, file: BinaryIO, title: str, lang: str, footer: str) -> None:
        super().__init__(
            file,
            **PAGE_SETUP,
            title=title,
            author="",
            subject=title,
            creator=f"Ētikas pašnovērtējums {__version__}",
            lang=lang,
        )
        self.footer = footer
        w, h = card_size()
        frames = []
        for slot in range(CARDS_PER_PAGE):
            x, y = card_origin(slot)
            frames.append(
                bare_frame(
                    x + CARD_PADDING,
                    y + CARD_PADDING,
                    w - 2 * CARD_PADDING,
                    h - 2 * CARD_PADDING,
                    f"card{slot}",
                )
            )
        body = body_frame(self)
        self.addPageTemplates(
            [
                PageTemplate(id="cards", frames=frames, onPage=self._cut_marks),
                PageTemplate(id="notes", frames=[body], onPage=self._footer),
            ]
        )

    def _cut_marks(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        w, h = card_size()
        xs = [PAGE_MARGIN + i * w for i in range(3)]
        ys = [PAGE_MARGIN + i * h for i in range(3)]
        canvas.saveState()
        canvas.setStrokeColor(st.MUTED)
        canvas.setLineWidth(0.5)
        gap = 1.5 * mm
        for x in xs:  # vertical marks in the top and bottom margins
            canvas.line(x, 0.5 * mm + height - PAGE_MARGIN + gap, x, height - gap * 0.5)
            canvas.line(x, gap * 0.5, x, PAGE_MARGIN - gap)
        for y in ys:  # horizontal marks in the left and right margins
            canvas.line(gap * 0.5, y, PAGE_MARGIN - gap, y)
            canvas.line(width - PAGE_MARGIN + gap, y, width - gap * 0.5, y)
        # a light outline of each card, to cut along when the marks are trimmed away
        canvas.setStrokeColor(st.GRID)
        canvas.setLineWidth(0.3)
        canvas.setDash(2, 2)
        canvas.rect(PAGE_MARGIN, PAGE_MARGIN, 2 * w, 2 * h)
        canvas.line(xs[1], ys[0], xs[1], ys[2])
        canvas.line(xs[0], ys[1], xs[2], ys[1])
        canvas.restoreState()

    def _footer(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(st.FONT, 7.5)
        canvas.setFillColor(st.MUTED)
        canvas.drawString(st.MARGIN_X, st.MARGIN_BOTTOM - 12, self.footer)
        canvas.drawRightString(
            self.pagesize[0] - st.MARGIN_X, st.MARGIN_BOTTOM - 12, str(canvas.getPageNumber())
        )
        canvas.restoreState()


def cards_story(
    cards: Sequence[Dilemma],
    lang: str,
    theme_titles: Mapping[str, str],
    numbers: Sequence[int] | None = None,
    notes: bool = True,
) -> list[Flowable]:
    """Fronts and mirrored backs, four cards a sheet, then the facilitator's notes."""
    numbers = list(numbers) if numbers is not None else list(range(1, len(cards) + 1))
    story: list[Flowable] = [NextPageTemplate("cards")]
    for start in range(0, len(cards), CARDS_PER_PAGE):
        sheet = list(zip(numbers[start:], cards[start : start + CARDS_PER_PAGE], strict=False))
        fronts: list[Flowable | None] = [None] * CARDS_PER_PAGE
        backs: list[Flowable | None] = [None] * CARDS_PER_PAGE
        for slot, (number, card) in enumerate(sheet):
            fronts[slot] = _fit(card_front(number, card, lang, theme_titles))
            backs[back_slot(slot)] = _fit(card_back(number, card, lang))
        for page in (fronts, backs):
            for slot, flowable in enumerate(page):
                story.append(flowable if flowable is not None else Spacer(1, 1))
                if slot < CARDS_PER_PAGE - 1:
                    story.append(FrameBreak())
            story.append(FrameBreak())  # the last frame is full: on to the next page
    if notes:
        # the template must be chosen before the last card page is left
        story.insert(len(story) - 1, NextPageTemplate("notes"))
        story += facilitator_sheet(cards, lang, theme_titles, numbers)
    return story


def facilitator_sheet(
    cards: Sequence[Dilemma],
    lang: str,
    theme_titles: Mapping[str, str],
    numbers: Sequence[int],
) -> list[Flowable]:
    s = st.styles()
    out: list[Flowable] = [
        heading(t("Facilitator's notes", lang), "notes", 0),
        para(
            t(
                "For each card: read the situation aloud and give a minute to think; reveal the "
                "options and count a show of hands; then discuss the four questions on the card, "
                "about 15–20 minutes a card. The notes below are for the facilitator: the rules "
                "that apply and good practice. They are not legal advice; check the wording in "
                "force on likumi.lv.",
                lang,
            )
        ),
        Spacer(1, 4),
    ]
    for number, card in zip(numbers, cards, strict=False):
        themes = ", ".join(
            f"{theme} {theme_titles[theme]}" if theme in theme_titles else theme
            for theme in card.themes
        )
        block: list[Flowable] = [
            heading(
                f"{number}. {card.title.get(lang)}",
                f"note-{card.id}",
                1,
                style=s.h2,
            ),
            para(themes, s.small),
            para(card.note.get(lang)),
            rich(
                bold(t("Options", lang) + ": ")
                + " ".join(
                    f"{bold(letter)} {esc(option.get(lang))}"
                    for letter, option in zip(OPTION_LETTERS, card.options, strict=False)
                ),
                s.small,
            ),
            rich(
                bold(t("References", lang) + ": ")
                + esc("; ".join(reference_text(ref, lang) for ref in card.references)),
                s.small,
            ),
        ]
        out += [CondPageBreak(60), KeepTogether(block)]
    return out


def build_dilemma_cards(
    cards: Sequence[Dilemma],
    path: Path,
    lang: str = "lv",
    theme_titles: Mapping[str, str] | None = None,
    numbers: Sequence[int] | None = None,
    notes: bool = True,
) -> None:
    """Write printable cards for ``cards`` (and the facilitator's notes). Raises ReportError."""
    titles = dict(theme_titles or {})
    with _as_report_error(lang):
        st.register_fonts()
        story = cards_story(cards, lang, titles, numbers, notes=notes)
    title = t("Ethics dilemmas: cards for a seminar", lang)
    role = t("Facilitator", lang)
    footer = plain(f"{title} · {role}")

    def render(fh: BinaryIO) -> None:
        CardsDocument(fh, plain(title), lang, footer).build(story)

    write_atomically(Path(path), render, lang)
