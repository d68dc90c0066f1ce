"""A heading stays with the start of what follows it: never alone at a page's foot, and never
moved to the next page with a whole long table when the table's first rows fit under it."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.platypus import Flowable, Spacer

from ethics_tool.report import styles as st
from ethics_tool.report.document import Metadata, PageFrame, ReportDocument
from ethics_tool.report.layout import cell, head_cells, heading, para, table


def _pages(story: list[Flowable]) -> list[str]:
    buffer = io.BytesIO()
    frame = PageFrame("", "", "", lambda page: f"{page}. lpp. no ")
    meta = Metadata("Virsraksti", "", "", "", "lv", "tests")
    ReportDocument(buffer, frame, meta).build_story(story)
    buffer.seek(0)
    return [page.extract_text() or "" for page in PdfReader(buffer).pages]


def _long_table() -> list[Flowable]:
    rows: list[list[object]] = [head_cells(["Nr.", "Rinda"])]
    rows += [[cell(str(n)), cell(f"Rinda numur {n}")] for n in range(1, 80)]
    return [heading("Garā tabula", "long", 0), table(rows, [40, st.FRAME_WIDTH - 40])]


def test_heading_stays_over_the_first_rows_of_a_long_table() -> None:
    """Half a page left: the heading and the table's first rows use it (ReportLab's plain
    keepWithNext moved both to the next page and left the half page empty)."""
    st.register_fonts()
    pages = _pages([para("Ievads."), Spacer(1, st.FRAME_HEIGHT * 0.5), *_long_table()])
    assert "Garā tabula" in pages[0]
    assert "Rinda numur 1" in pages[0]


def test_heading_is_never_left_alone_at_the_foot_of_a_page() -> None:
    """Room for the heading but not for a row under it: both go to the next page."""
    st.register_fonts()
    pages = _pages([para("Ievads."), Spacer(1, st.FRAME_HEIGHT - 50), *_long_table()])
    assert "Garā tabula" not in pages[0]
    assert "Garā tabula" in pages[1] and "Rinda numur 1" in pages[1]


def test_several_headings_stay_with_the_text_under_them() -> None:
    st.register_fonts()
    story: list[Flowable] = [
        para("Ievads."),
        Spacer(1, st.FRAME_HEIGHT - 75),
        heading("Pielikums", "appendix", 0),
        heading("Metodoloģija", "method", 1),
        para("Pirmā rindkopa zem abiem virsrakstiem. " * 12),
    ]
    pages = _pages(story)
    assert "Pielikums" not in pages[0] and "Metodoloģija" not in pages[0]
    assert "Pielikums" in pages[1] and "Pirmā rindkopa" in pages[1]
