"""Fonts, colours and paragraph styles of the PDF report: one place to change the look.

ReportLab's built-in Helvetica has no glyphs for ā č ē ģ ī ķ ļ ņ ū, so the bundled DejaVu Sans is
registered once and made the default for paragraphs *and* for charts
(``rl_config.defaultGraphicsFontName``; chart labels would otherwise stay in Helvetica).
The palette is Okabe–Ito: it stays distinguishable for the common colour-vision deficiencies, and
the report never relies on colour alone (strands and lines also differ by dash pattern, changes
carry ▲/▼ and a sign).
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.tables import CellStyle

from ethics_tool.paths import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

# Okabe–Ito (Okabe & Ito 2008), the colour-blind-safe qualitative palette.
BLACK = colors.HexColor("#000000")
ORANGE = colors.HexColor("#E69F00")
SKY_BLUE = colors.HexColor("#56B4E9")
BLUISH_GREEN = colors.HexColor("#009E73")
YELLOW = colors.HexColor("#F0E442")
BLUE = colors.HexColor("#0072B2")
VERMILLION = colors.HexColor("#D55E00")
REDDISH_PURPLE = colors.HexColor("#CC79A7")

# Roles, so that the sections speak of meaning, not of hues.
CURRENT = BLUE
CURRENT_FILL = colors.Color(0, 0x72 / 255, 0xB2 / 255, alpha=0.18)
PREVIOUS = ORANGE
TARGET = BLACK
BETTER = BLUISH_GREEN
WORSE = VERMILLION
GAP = VERMILLION
WARNING = ORANGE
TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9A9A9A")
GRID = colors.HexColor("#C8C8C8")
HEADER_FILL = colors.HexColor("#DCE9F2")  # a pale tint of BLUE
ZEBRA_FILL = colors.HexColor("#F4F4F4")
BAND_FILL = colors.Color(0.35, 0.35, 0.35, alpha=0.22)  # a benchmark group's middle half
GAP_FILL = colors.HexColor("#FBE7DC")  # a pale tint of VERMILLION
WARNING_FILL = colors.HexColor("#FCF1D6")  # a pale tint of ORANGE
GOOD_FILL = colors.HexColor("#DDF1EA")  # a pale tint of BLUISH_GREEN


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once and make it the default everywhere."""
    regular = resource("fonts", "DejaVuSans.ttf")
    bold = resource("fonts", "DejaVuSans-Bold.ttf")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    # italic maps to regular: the app ships no oblique face, and <i> must not fall back to Helvetica
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    rl_config.defaultGraphicsFontName = FONT
    rl_config.canvas_basefontname = FONT
    # Defaults ReportLab captured at import time: table cells and paragraph bullets would
    # otherwise ask for Helvetica, which is not embedded and has no ā č ē ģ ī ķ ļ ņ š ū ž.
    CellStyle.fontname = FONT
    ParagraphStyle.defaults["fontName"] = FONT
    ParagraphStyle.defaults["bulletFontName"] = FONT


@cache
def supported_characters() -> frozenset[int]:
    """Code points both DejaVu faces can draw, limited to the Basic Multilingual Plane.

    ReportLab 5 writes a malformed ToUnicode entry for characters above U+FFFF (an odd-length hex
    string), so those are replaced even where DejaVu has a glyph.
    """
    register_fonts()
    regular = pdfmetrics.getFont(FONT)
    bold = pdfmetrics.getFont(FONT_BOLD)
    common = set(regular.face.charToGlyph) & set(bold.face.charToGlyph)
    return frozenset(code for code in common if code <= 0xFFFF)


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": 9.5,
        "leading": 12.5,
        "textColor": TEXT,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "bulletFontName": FONT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The report's paragraph styles (built once, after the fonts are registered)."""

    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", spaceAfter=4)
        self.small = _style("small", fontSize=8, leading=10, textColor=MUTED)
        self.cover_title = _style(
            "cover_title", fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=10
        )
        self.cover_subtitle = _style(
            "cover_subtitle", fontSize=14, leading=19, textColor=MUTED, spaceAfter=24
        )
        self.cover_name = _style(
            "cover_name", fontName=FONT_BOLD, fontSize=18, leading=23, textColor=BLUE
        )
        self.h1 = _style(
            "h1",
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            spaceBefore=4,
            spaceAfter=8,
            textColor=BLUE,
            keepWithNext=1,
        )
        self.h2 = _style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.h3 = _style(
            "h3",
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.big = _style(
            "big",
            fontName=FONT_BOLD,
            fontSize=30,
            leading=34,
            alignment=TA_CENTER,
            textColor=BLUE,
        )
        self.big_label = _style(
            "big_label", fontSize=11, leading=14, alignment=TA_CENTER, textColor=TEXT
        )
        self.cell = _style("cell", fontSize=8.5, leading=10.5)
        self.cell_bold = _style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
        self.cell_head = _style("cell_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
        self.cell_small = _style("cell_small", fontSize=7.5, leading=9.5, textColor=MUTED)
        self.comment = _style(
            "comment", fontSize=8.5, leading=11, leftIndent=14, textColor=MUTED, spaceAfter=2
        )
        self.bullet = _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2)
        # the summary page packs more into one page: a step smaller
        self.sum_body = _style("sum_body", fontSize=8.5, leading=10.8, spaceAfter=1.5)
        self.sum_bullet = _style(
            "sum_bullet", fontSize=8.5, leading=10.8, leftIndent=12, bulletIndent=2, spaceAfter=1
        )
        self.sum_h2 = _style(
            "sum_h2",
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.sum_item = _style("sum_item", fontSize=8.5, leading=10.8, spaceAfter=2.5)
        self.cell_compact = _style("cell_compact", fontSize=8, leading=9.5)
        self.tick = _style("tick", fontSize=12, leading=12)
        self.box_title = _style("box_title", fontName=FONT_BOLD, fontSize=10, leading=13)


@cache
def styles() -> Styles:
    return Styles()
