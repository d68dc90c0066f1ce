"""A small Markdown subset rendered as flowables, for docs/methodology.md in the appendix.

Supported: ``##``/``###`` headings, paragraphs, ``-``/``*`` and numbered lists (with indented
continuation lines), pipe tables, ``**bold**`` and ``code``. A bilingual file whose second-level
headings name the languages ("## Latviski", "## In English") gives only the part in ``lang``;
the text before the first such heading (a note to editors) is left out.
"""

from __future__ import annotations

import re

from reportlab.platypus import Flowable, Paragraph

from ethics_tool.report import styles as st
from ethics_tool.report.layout import fitted_widths, table
from ethics_tool.report.markup import esc

LANGUAGE_HEADINGS = {
    "lv": ("latviski", "latviešu valodā", "latvian"),
    "en": ("in english", "english", "angliski"),
}

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")
_RULE_ROW = re.compile(r"^\|?\s*:?-{2,}")


def inline(text: str) -> str:
    """Escape ``text`` and turn ``**bold**`` into markup (``code`` loses its back-ticks)."""
    markup = esc(text)
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    return _CODE.sub(r"\1", markup)


def language_part(text: str, lang: str) -> str:
    """The part of a bilingual document written in ``lang`` (the whole text if not bilingual)."""
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip().lower(), []))
        elif sections:
            sections[-1][1].append(line)
    markers = LANGUAGE_HEADINGS.get(lang, ())
    for title, lines in sections:
        if title in markers:
            return "\n".join(lines)
    return text


def markdown(text: str, width: float = st.FRAME_WIDTH) -> list[Flowable]:
    s = st.styles()
    out: list[Flowable] = []
    paragraph: list[str] = []
    item: list[str] = []
    bullet = ""
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal bullet
        if paragraph:
            out.append(Paragraph(inline(" ".join(paragraph)), s.body))
            paragraph.clear()
        if item:
            out.append(Paragraph(inline(" ".join(item)), s.bullet, bulletText=bullet))
            item.clear()
        if rows:
            out.append(_table(rows, width))
            rows.clear()

    for line in text.splitlines():
        stripped = line.strip()
        match = _ITEM.match(line)
        if stripped.startswith("|"):
            if not rows:
                flush()
            if not _RULE_ROW.match(stripped):
                rows.append([c.strip() for c in stripped.strip("|").split("|")])
        elif not stripped or stripped.startswith(("```", "---", "<!--")):
            flush()
        elif stripped.startswith("#"):
            flush()
            depth = len(stripped) - len(stripped.lstrip("#"))
            title = stripped.lstrip("#").strip()
            if depth > 1 and title:  # a level-1 title repeats the report's own heading
                out.append(Paragraph(inline(title), s.h3 if depth > 2 else s.h2))
        elif match:
            flush()
            marker = match.group(2)
            bullet = marker if marker[0].isdigit() else "•"
            item.append(match.group(3))
        elif item and line[:1].isspace():
            item.append(stripped)  # a continuation line of a list item
        else:
            if item or rows:
                flush()
            paragraph.append(stripped)
    flush()
    return out


def _table(rows: list[list[str]], width: float) -> Flowable:
    s = st.styles()
    columns = max(len(row) for row in rows)
    padded = [row + [""] * (columns - len(row)) for row in rows]
    cells: list[list[object]] = [
        [Paragraph(inline(value), s.cell_head if index == 0 else s.cell) for value in row]
        for index, row in enumerate(padded)
    ]
    flowable = table(cells, fitted_widths(padded, width))
    flowable.spaceBefore, flowable.spaceAfter = 2, 6
    return flowable
