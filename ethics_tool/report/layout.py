"""Small building blocks shared by the sections: headings with outline entries, tables, boxes."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable

from ethics_tool.report import styles as st
from ethics_tool.report.markup import esc, plain

# Rows may split inside a cell once at least this much (points) fits: a 10,000-character comment
# or action text must never make a table taller than a page.
SPLIT_IN_ROW = 40

# The room a section (a theme, or a top-level section after the summary) needs to start on a page:
# its heading, its first figures or rows. With less left it starts a new page; with more it follows
# on the same page, so no page is left half empty before it.
SECTION_ROOM = st.FRAME_HEIGHT * 0.55

# A heading stays with at least this much (points) of what follows it: about three lines of text
# or a table's header and first row.
HEADING_START = 36


def with_next(flowable: Flowable) -> Flowable:
    """``flowable`` kept on the page with the start of what follows it (as a heading is)."""
    flowable.keepWithNext = 1
    return flowable


def section_break() -> CondPageBreak:
    """Before a section: a new page only when less than :data:`SECTION_ROOM` is left."""
    return CondPageBreak(SECTION_ROOM)


class KeepWithStart(KeepTogether):  # type: ignore[misc]  # ReportLab is untyped
    """What ``keepWithNext`` makes of a heading and what follows it (see ``ReportDocument``).

    ReportLab's ``KeepTogether`` moves the heading to the next page together with *all* of the
    following flowable whenever that does not fit, so a heading above a long table left most of a
    page empty. Here the heading stays where it is when the start of what follows fits under it
    (at least :data:`HEADING_START` points that the flowable can split at); only otherwise do
    both move to the next page. A heading is never left alone at the bottom of a page.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (avail_width, avail_height):
            self.wrap(avail_width, avail_height)
        content = list(self._content)
        if len(content) > 1 and avail_height < self._H:
            *leading, last = content
            room = avail_height - _height(leading, avail_width, self.canv) - last.getSpaceBefore()
            if room >= HEADING_START and _starts_in(last, avail_width, room, self.canv):
                return content  # the frame places the heading and splits what follows
        return list(super().split(avail_width, avail_height))


def _starts_in(flowable: Flowable, width: float, room: float, canv: Any) -> bool:
    """Whether ``flowable`` can be split so that a first part of it fits in ``room``."""
    flowable.wrapOn(canv, width, room)
    parts = flowable.splitOn(canv, width, room)
    if len(parts) < 2 or isinstance(parts[0], ActionFlowable):  # a break: it does not start here
        return False
    _width, height = parts[0].wrapOn(canv, width, room)
    return bool(height <= room)


def _height(flowables: Sequence[Flowable], width: float, canv: Any) -> float:
    """The height ``flowables`` take one under another (with the spaces between them)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _width, height = flowable.wrapOn(canv, width, 0xFFFFFF)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return total


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: Any) -> tuple[str, Any, list[Any]]:
    """``markup`` parsed in ``style`` (text, style and fragments), once for every repetition."""
    parsed = Paragraph(markup, style)
    return parsed.text, parsed.style, parsed.frags


def paragraph(markup: str, style: Any, bullet: str | None = None) -> Paragraph:
    """``Paragraph(markup, style)``, its markup parsed once for every repetition (a report repeats
    many cells: "Nr.", "Vidēji 2,0", "50 %"); each paragraph gets its own copy of the fragments."""
    text, parsed_style, frags = _parsed(markup, style)
    return Paragraph(text, parsed_style, bulletText=bullet, frags=[f.clone() for f in frags])


class Heading(Paragraph):  # type: ignore[misc]  # ReportLab is untyped
    """A heading that also adds a bookmark and an outline entry when it is placed on a page."""

    def __init__(self, text: str, style: Any, key: str, level: int, outline: str = "") -> None:
        super().__init__(esc(text), style)
        self.outline_key = key
        self.outline_level = level
        self.outline_title = plain(outline or text, 120)


def heading(text: str, key: str, level: int = 0, outline: str = "", style: Any = None) -> Heading:
    """A section heading (level 0: h1, deeper: h2) that appears in the PDF outline."""
    s = st.styles()
    chosen = style or (s.h1 if level == 0 else s.h2)
    return Heading(text, chosen, key, level, outline)


def para(text: str, style: Any = None) -> Paragraph:
    """A paragraph of plain (escaped) text."""
    return paragraph(esc(text), style or st.styles().body)


def rich(markup: str, style: Any = None) -> Paragraph:
    """A paragraph of markup the report itself wrote (every user or form part already escaped)."""
    return paragraph(markup, style or st.styles().body)


def bold(text: str) -> str:
    return f"<b>{esc(text)}</b>"


def coloured(text: str, colour: Color) -> str:
    return f'<font color="#{colour.hexval()[2:]}">{esc(text)}</font>'


def bullets(items: Sequence[str], style: Any = None) -> list[Flowable]:
    """A bullet list; ``items`` are markup (escape user parts before)."""
    s = style or st.styles().bullet
    return [paragraph(item, s, "•") for item in items]


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    header: bool = True,
    zebra: bool = True,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A data table: cells are flowables or strings; the header row repeats on a new page."""
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), st.FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, st.RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_FILL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.BLUE),
        ]
    if zebra:
        first = 1 if header else 0
        for row in range(first + 1, len(rows), 2):
            commands.append(("BACKGROUND", (0, row), (-1, row), st.ZEBRA_FILL))
    commands += list(extra)
    return Table(
        [list(row) for row in rows],
        colWidths=list(widths),
        repeatRows=1 if header else 0,
        style=TableStyle(commands),
        hAlign="LEFT",
        splitInRow=SPLIT_IN_ROW,
    )


def column_width(labels: Sequence[str], minimum: float) -> float:
    """A column at least ``minimum`` wide and wide enough for each label on one line (bold)."""
    s = st.styles().cell_head
    widest = max((stringWidth(label, s.fontName, s.fontSize) for label in labels), default=0.0)
    return max(minimum, widest + 8.5)  # 2 × 4 pt padding and a little air


def fitted_widths(rows: Sequence[Sequence[str]], total: float) -> list[float]:
    """Column widths for a table of plain texts that add up to ``total``.

    Every column gets at least its longest word (so no word is broken); the rest of the room
    goes to the columns whose text would be wider on one line.
    """
    s = st.styles()
    columns = max((len(row) for row in rows), default=1)
    pad = 8.5
    least = [pad + 12.0] * columns
    natural = [pad + 12.0] * columns
    for r, row in enumerate(rows):
        font = s.cell_head.fontName if r == 0 else s.cell.fontName
        for c, text in enumerate(row):
            words = text.split() or [""]
            longest = max(stringWidth(word, font, s.cell.fontSize) for word in words)
            least[c] = max(least[c], min(longest + pad, total / 2))
            natural[c] = max(natural[c], stringWidth(text, font, s.cell.fontSize) + pad)
    if sum(natural) <= total:
        extra = total - sum(natural)
        widest = natural.index(max(natural))
        natural[widest] += extra
        return natural
    room = total - sum(least)
    if room <= 0:
        return [total * w / sum(least) for w in least]
    want = [n - m for n, m in zip(natural, least, strict=True)]
    return [m + room * w / sum(want) for m, w in zip(least, want, strict=True)]


def head_cells(labels: Sequence[str]) -> list[Paragraph]:
    s = st.styles()
    return [paragraph(esc(label), s.cell_head) for label in labels]


def cell(text: str, style: Any = None) -> Paragraph:
    return paragraph(esc(text), style or st.styles().cell)


def box(
    flowables: Sequence[Flowable], border: Color, fill: Color, width: float = st.FRAME_WIDTH
) -> Table:
    """A framed, tinted box around ``flowables`` (it may split across pages)."""
    return Table(
        [[f] for f in flowables],
        colWidths=[width],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, border),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        ),
        hAlign="LEFT",
        splitInRow=SPLIT_IN_ROW,
    )


class OutlineEntry(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """An invisible outline entry (a bookmark where it lands, nothing drawn)."""

    def __init__(self, title: str, key: str, level: int) -> None:
        super().__init__()
        self.outline_key = key
        self.outline_level = level
        self.outline_title = plain(title, 120)
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass
