"""The page frame: page templates, header and footer, "page X of Y", outline and metadata.

"Y" is not known while pages are laid out. Instead of building twice, every footer draws a PDF form
XObject named ``pageTotal`` that the canvas defines only when it saves, once the count is known
(ReportLab resolves such forward references at save time).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from ethics_tool.report import styles as st
from ethics_tool.report.layout import KeepWithStart
from ethics_tool.report.markup import visual_order

TOTAL_FORM = "pageTotal"
FOOTER_SIZE = 7.5


# A4 portrait with the report's margins and font: every document the program prints.
PAGE_SETUP: dict[str, Any] = {
    "pagesize": st.PAGE_SIZE,
    "leftMargin": st.MARGIN_X,
    "rightMargin": st.MARGIN_X,
    "topMargin": st.MARGIN_TOP,
    "bottomMargin": st.MARGIN_BOTTOM,
    "initialFontName": st.FONT,
}


def bare_frame(x: float, y: float, width: float, height: float, frame_id: str) -> Frame:
    """A frame without inner padding: the page margins (or the card's) are the only room."""
    return Frame(
        x,
        y,
        width,
        height,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def body_frame(doc: BaseDocTemplate) -> Frame:
    """The frame that fills the page inside ``doc``'s margins."""
    return bare_frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, "body")


class PageCountCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
    """A canvas that defines the total page count form just before saving."""

    def save(self) -> None:
        if self._code:  # the last page has content that was not shown yet
            self.showPage()
        total = self.getPageNumber() - 1
        self.beginForm(TOTAL_FORM)
        self.setFont(st.FONT, FOOTER_SIZE)
        self.setFillColor(st.MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


@dataclass(frozen=True)
class PageFrame:
    """What the header and footer say (plain text, already cleaned)."""

    header_left: str
    header_right: str
    footer_left: str
    page_label: Callable[[int], str]  # page number -> "3. lpp. no " (the total follows)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str
    lang: str
    creator: str


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]  # ReportLab is untyped
    """A4 portrait; a cover template without header and a body template with both."""

    def __init__(
        self,
        file: BinaryIO,
        frame: PageFrame,
        meta: Metadata,
        progress: Callable[[float], None] | None = None,
    ) -> None:
        super().__init__(
            file,
            **PAGE_SETUP,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=meta.keywords,
            creator=meta.creator,
            lang=meta.lang,
            # keepWithNext (the headings' styles): a heading stays with the start of what follows
            keepTogetherClass=KeepWithStart,
        )
        self.page_frame = frame
        self._progress = progress
        self._placed = 0
        self._total = 1
        body = body_frame(self)
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[body], onPage=self._draw_footer),
                PageTemplate(id="body", frames=[body], onPage=self._draw_page),
            ]
        )

    def build_story(self, story: Sequence[Flowable]) -> None:
        self._total = max(1, len(story))
        self.build(list(story), canvasmaker=PageCountCanvas)

    # -- called by Platypus ------------------------------------------------------------------
    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "outline_key", None)
        if key is not None:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_title, key, flowable.outline_level)
        self._placed += 1
        if self._progress is not None:
            self._progress(min(1.0, self._placed / self._total))

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.canv.showOutline()

    # -- page decoration ---------------------------------------------------------------------
    def _draw_page(self, canvas: Any, doc: Any) -> None:
        frame = self.page_frame
        width, height = self.pagesize
        top = height - st.MARGIN_TOP + 8
        canvas.saveState()
        canvas.setFont(st.FONT, FOOTER_SIZE)
        canvas.setFillColor(st.MUTED)
        right = width - st.MARGIN_X
        right_text = _fit(frame.header_right, self.width * 0.45)
        canvas.drawRightString(right, top, visual_order(right_text))
        room = self.width - stringWidth(right_text, st.FONT, FOOTER_SIZE) - 12
        canvas.drawString(st.MARGIN_X, top, visual_order(_fit(frame.header_left, room)))
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.4)
        canvas.line(st.MARGIN_X, top - 4, right, top - 4)
        canvas.restoreState()
        self._draw_footer(canvas, doc)

    def _draw_footer(self, canvas: Any, doc: Any) -> None:
        frame = self.page_frame
        width, _height = self.pagesize
        bottom = st.MARGIN_BOTTOM - 12
        right = width - st.MARGIN_X
        canvas.saveState()
        canvas.setFont(st.FONT, FOOTER_SIZE)
        canvas.setFillColor(st.MUTED)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.4)
        canvas.line(st.MARGIN_X, bottom + 10, right, bottom + 10)
        label = frame.page_label(canvas.getPageNumber())
        # room for a three-digit total after the label
        reserve = stringWidth("000", st.FONT, FOOTER_SIZE)
        label_x = right - reserve - stringWidth(label, st.FONT, FOOTER_SIZE)
        # the left text first, then label and total: text extraction reads "Page 3 of 12"
        room = label_x - st.MARGIN_X - 12
        canvas.drawString(st.MARGIN_X, bottom, visual_order(_fit(frame.footer_left, room)))
        canvas.drawString(label_x, bottom, label)
        canvas.translate(right - reserve, bottom)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()


def _fit(text: str, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` points in the footer font."""
    full = stringWidth(text, st.FONT, FOOTER_SIZE)
    if full <= width:
        return text
    text = text[: int(len(text) * width / full) + 1]  # proportional first cut, then trim
    while text and stringWidth(text + "…", st.FONT, FOOTER_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"
