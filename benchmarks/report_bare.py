"""The floor for ``ethics-tool report``: a bare ReportLab process, nothing of the app imported.

It builds a 30-page A4 document with the app's TrueType fonts (DejaVu Sans, embedded and
subset, as the Latvian letters need), and on every page a heading, a paragraph, a bar chart
(reportlab.graphics) and a 12-row table of wrapped paragraphs, then writes it to the given file.
``benchmarks/report.py`` runs it as a whole process beside the real CLI.

With ``--stack`` it first imports what any program on this app's stack imports before it can
read an assessment (SQLAlchemy's ORM and pydantic, with one model defined): the floor for a
report read from the database.

Run: python benchmarks/report_bare.py OUT.pdf [--stack]
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"
PAGES = 30
TEXT = (
    "Vai pašvaldībā ir noteikti pasākumi korupcijas un interešu konflikta risku novēršanai ar "
    "atbildīgajiem un termiņiem, un vai dome reizi gadā saņem pārskatu par to izpildi?"
)


def chart(values: list[float]) -> Drawing:
    drawing = Drawing(160 * mm, 50 * mm)
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = 20 * mm, 5 * mm, 130 * mm, 42 * mm
    bars.data = [values]
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, 100
    bars.categoryAxis.categoryNames = [f"{n}." for n in range(1, len(values) + 1)]
    bars.bars[0].fillColor = colors.HexColor("#1f6fb2")
    drawing.add(bars)
    return drawing


def stack() -> None:
    import pydantic
    import sqlalchemy.orm

    class Row(sqlalchemy.orm.DeclarativeBase):
        pass

    class Model(pydantic.BaseModel):
        name: str

    Model(name="ā")


def main() -> None:
    out = Path(sys.argv[1])
    if "--stack" in sys.argv[2:]:
        stack()
    pdfmetrics.registerFont(TTFont("DejaVu", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=9.5, leading=12.5)
    cell = ParagraphStyle("cell", fontName="DejaVu", fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", fontName="DejaVu-Bold", fontSize=15, leading=19)
    story: list[object] = []
    for page in range(1, PAGES + 1):
        story.append(Paragraph(f"{page}. Joma: ētikas kultūra un godprātība pašvaldībā", head))
        story.append(Paragraph(TEXT * 2, body))
        story.append(chart([(page * 7 + k * 13) % 100 for k in range(7)]))
        rows = [[Paragraph(x, cell) for x in ("Nr.", "Jautājums", "Vidēji", "Vērtējums")]]
        for k in range(1, 13):
            texts = (f"{page}.{k}", TEXT, "Vidēji 2,5", f"{(page + k) % 100} %")
            rows.append([Paragraph(x, cell) for x in texts])
        style = TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey)])
        story.append(Table(rows, colWidths=[12 * mm, 110 * mm, 25 * mm, 20 * mm], style=style))
        story.append(PageBreak())
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


if __name__ == "__main__":
    main()
