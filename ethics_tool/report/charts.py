"""Charts of the report: functions that return a ``Drawing`` (a flowable Platypus can place).

Values are percentages 0..100 (``None`` = no score). Labels are passed in already formatted, so a
chart never shows a number the tables do not.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from ethics_tool.domain.radar import rings_with_room, scale_wedge, spoke_angle
from ethics_tool.report import styles as st
from ethics_tool.report.markup import drawn as drawn_text

GRID_STEPS = (25.0, 50.0, 75.0, 100.0)
# the rings with a value on the radar: the innermost is crowded, the outer has the spoke labels
LABELLED_STEPS = (50.0, 75.0)
LABEL_SIZE = 7.5


class StrandKind(Enum):
    CURRENT = "current"
    PREVIOUS = "previous"
    TARGET = "target"
    REFERENCE = "reference"  # the median of a benchmark group


@dataclass(frozen=True)
class Strand:
    """One series of a radar chart: a name for the legend and a value per spoke."""

    name: str
    values: Sequence[float | None]
    kind: StrandKind = StrandKind.CURRENT


# colour, fill, width, dash: distinct in greyscale by dash pattern and width, not only by hue
_STRAND_LOOK: dict[StrandKind, tuple[Color, Color | None, float, list[float] | None]] = {
    StrandKind.CURRENT: (st.CURRENT, st.CURRENT_FILL, 2.0, None),
    StrandKind.PREVIOUS: (st.PREVIOUS, None, 1.6, [5, 2]),
    StrandKind.TARGET: (st.TARGET, None, 0.9, [1.5, 2]),
    StrandKind.REFERENCE: (st.TEXT, None, 1.2, [4, 1.5, 1, 1.5]),
}


def radar_chart(
    spoke_labels: Sequence[str],
    strands: Sequence[Strand],
    grid_label: Callable[[float], str],
    width: float = 250,
    legend: bool = True,
) -> Drawing:
    """A spider chart on a fixed 0..100 scale with grid rings, spoke labels and a legend.

    ``spoke_labels`` should be short (theme numbers); a table beside the chart names the themes.
    Needs at least three spokes. The drawing is as tall as the polygon needs (a triangle is
    flatter than a circle) plus the legend.
    """
    n = len(spoke_labels)
    if n < 3:
        raise ValueError("a radar chart needs at least three spokes")
    label_room = 16.0  # around the outer ring, for the spoke labels
    legend_h = 12.0 * len(strands) + 4 if legend else 0.0
    radius = width / 2 - label_room
    lowest = min(math.sin(math.pi / 2 - 2 * math.pi * i / n) for i in range(n))  # -1..0
    below = radius * -lowest + label_room
    above = radius + label_room
    height = legend_h + below + above
    drawing = Drawing(width, height)
    size = 2 * radius
    cx = width / 2
    cy = legend_h + below

    # grid rings first, so that the strands are drawn over them
    for step in GRID_STEPS:
        points: list[float] = []
        for i in range(n):
            angle = math.pi / 2 - 2 * math.pi * i / n
            points += [
                cx + radius * step / 100 * math.cos(angle),
                cy + radius * step / 100 * math.sin(angle),
            ]
        drawing.add(Polygon(points, strokeColor=st.GRID, strokeWidth=0.5, fillColor=None))

    chart = SpiderChart()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = size
    # a fixed 0..100 scale: SpiderChart normalises by the largest value, so an invisible strand
    # of 100s comes first
    chart.data = [[100.0] * n] + [[v or 0.0 for v in strand.values] for strand in strands]
    chart.labels = [drawn_text(label) for label in spoke_labels]
    chart.strands[0].strokeWidth = 0
    chart.strands[0].strokeColor = None
    chart.strands[0].fillColor = None
    for index, strand in enumerate(strands, start=1):
        colour, fill, line_width, dash = _STRAND_LOOK[strand.kind]
        chart.strands[index].strokeColor = colour
        chart.strands[index].fillColor = fill
        chart.strands[index].strokeWidth = line_width
        chart.strands[index].strokeDashArray = dash
        if strand.kind is StrandKind.CURRENT:
            chart.strands[index].symbol = "FilledCircle"
            chart.strands[index].symbolSize = 4
    chart.spokes.strokeColor = st.GRID
    chart.spokes.strokeWidth = 0.5
    chart.spokes.labelRadius = 1.1
    chart.spokeLabels.fontName = st.FONT_BOLD
    chart.spokeLabels.fontSize = 9
    chart.spokeLabels.fillColor = st.TEXT
    drawing.add(chart)
    _scale_labels(drawing, strands, grid_label, (cx, cy), radius)
    if legend:
        _legend(drawing, strands, y=legend_h - 12)
    return drawing


def _scale_labels(
    drawing: Drawing,
    strands: Sequence[Strand],
    grid_label: Callable[[float], str],
    centre: tuple[float, float],
    radius: float,
) -> None:
    """The values of the middle rings in the wedge farthest from the strands' lines
    (:func:`ethics_tool.domain.radar.scale_wedge`), over the strands on a white box."""
    n = len(strands[0].values) if strands else 0
    if n < 3:
        return
    size = 6.0
    # on the ring's line where it crosses the wedge's bisector (a little inside the ring's
    # value); the white box interrupts the ring there
    on_bisector = math.cos(math.pi / n)
    steps = rings_with_room(LABELLED_STEPS, n, radius, size)
    places = [step * on_bisector for step in steps]
    texts = [grid_label(step) for step in steps]
    widths = [stringWidth(text, st.FONT, size) + 2 for text in texts]
    sizes = [(w / radius * 100, (size + 1.5) / radius * 100) for w in widths]
    wedge = scale_wedge([strand.values for strand in strands], n, places, sizes)
    angle = spoke_angle(wedge + 0.5, n)
    for text, width, place in zip(texts, widths, places, strict=True):
        distance = radius * place / 100
        x = centre[0] + distance * math.cos(angle)
        y = centre[1] + distance * math.sin(angle) - size / 3
        drawing.add(
            Rect(
                x - width / 2,
                y - 2,
                width,
                size + 1.5,
                fillColor=colors.white,
                strokeColor=None,
                strokeWidth=0,
            )
        )
        drawing.add(
            String(
                x, y, text, fontName=st.FONT, fontSize=size, fillColor=st.MUTED, textAnchor="middle"
            )
        )


def radar_legend(strands: Sequence[Strand], width: float) -> Drawing:
    """The radar's legend on one line, for placing under a chart and its table."""
    drawing = Drawing(width, 12)
    x = 0.0
    for strand in strands:
        colour, _fill, line_width, dash = _STRAND_LOOK[strand.kind]
        drawing.add(
            Line(x, 5, x + 20, 5, strokeColor=colour, strokeWidth=line_width, strokeDashArray=dash)
        )
        label = drawn_text(strand.name, 60)
        drawing.add(
            String(x + 25, 2, label, fontName=st.FONT, fontSize=LABEL_SIZE, fillColor=st.TEXT)
        )
        x += 25 + stringWidth(label, st.FONT, LABEL_SIZE) + 18
    return drawing


def _legend(drawing: Drawing, strands: Sequence[Strand], y: float) -> None:
    """One row per strand under the chart (two columns would not fit a narrow chart)."""
    for index, strand in enumerate(strands):
        colour, _fill, line_width, dash = _STRAND_LOOK[strand.kind]
        x = 4.0
        row_y = y - 12 * index
        drawing.add(
            Line(
                x,
                row_y + 3,
                x + 20,
                row_y + 3,
                strokeColor=colour,
                strokeWidth=line_width,
                strokeDashArray=dash,
            )
        )
        drawing.add(
            String(
                x + 25,
                row_y,
                drawn_text(strand.name, 60),
                fontName=st.FONT,
                fontSize=LABEL_SIZE,
                fillColor=st.TEXT,
            )
        )


@dataclass(frozen=True)
class BarSeries:
    name: str
    values: Sequence[float | None]
    labels: Sequence[str]  # the formatted value shown at the end of each bar
    previous: bool = False


def bar_chart(
    categories: Sequence[str],
    series: Sequence[BarSeries],
    width: float,
    target: float | None = None,
    target_label: str = "",
    legend: bool = False,
    bands: Sequence[tuple[float, float, float] | None] = (),
) -> Drawing:
    """Horizontal bars on a 0..100 axis, one group per category (top to bottom in given order).

    A dashed line marks ``target``. ``categories`` should be short (question numbers, theme
    numbers): a table beside or below the chart holds the full texts.
    """
    n = len(categories)
    per_group = 11.0 * len(series) + 5
    legend_h = 14.0 if legend else 0.0
    plot_h = max(per_group * n, 20.0)
    height = plot_h + 26 + legend_h
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 34
    chart.y = 16 + legend_h
    chart.width = width - chart.x - 42
    chart.height = plot_h
    # HorizontalBarChart draws the first category at the bottom; reverse to read top-down
    # ... and within a group the first series at the bottom: reverse the series as well
    drawn = list(reversed(series))
    chart.data = [[_none_or(v) for v in reversed(s.values)] for s in drawn]
    chart.categoryAxis.categoryNames = [drawn_text(c) for c in reversed(categories)]
    chart.categoryAxis.labels.fontName = st.FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = st.RULE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labels.fontName = st.FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fillColor = st.MUTED
    chart.valueAxis.strokeColor = st.RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = st.GRID
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: f"{v:.0f}"
    chart.barWidth = 9
    chart.groupSpacing = 5
    chart.barSpacing = 1.5
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(s.labels)) for s in drawn]
    chart.barLabels.fontName = st.FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.naLabel = NA_Label()
    chart.naLabel.text = "–"
    chart.naLabel.fontName = st.FONT
    chart.naLabel.fontSize = LABEL_SIZE
    chart.naLabel.boxAnchor = "w"
    chart.naLabel.dx = 3
    for index, s in enumerate(drawn):
        chart.bars[index].fillColor = st.PREVIOUS if s.previous else st.CURRENT
        chart.bars[index].strokeColor = None
        chart.bars[index].strokeWidth = 0
    medians: list[Line] = []
    for index, band in enumerate(bands):
        if band is None or index >= n:
            continue
        step = chart.height / n
        y = chart.y + (n - 1 - index) * step + 1.5
        q1, median, q3 = (chart.x + chart.width * max(0.0, min(100.0, v)) / 100 for v in band)
        # the band behind the bars, the median line over them
        drawing.add(
            Rect(
                q1,
                y,
                max(1.5, q3 - q1),
                step - 3,
                fillColor=st.BAND_FILL,
                strokeColor=st.RULE,
                strokeWidth=0.4,
            )
        )
        medians.append(
            Line(median, y - 1, median, y + step - 2, strokeColor=st.TEXT, strokeWidth=1.6)
        )
    drawing.add(chart)
    for line in medians:
        drawing.add(line)
    if target is not None:
        x = chart.x + chart.width * target / 100
        drawing.add(
            Line(
                x,
                chart.y - 2,
                x,
                chart.y + chart.height + 2,
                strokeColor=st.TARGET,
                strokeWidth=0.9,
                strokeDashArray=[1.5, 2],
            )
        )
        if target_label:
            drawing.add(
                String(
                    x,
                    chart.y + chart.height + 4,
                    drawn_text(target_label, 40),
                    fontName=st.FONT,
                    fontSize=6.5,
                    fillColor=st.TEXT,
                    textAnchor="middle",
                )
            )
    if legend:
        x = chart.x
        for s in series:
            colour = st.PREVIOUS if s.previous else st.CURRENT
            drawing.add(Rect(x, 2, 10, 8, fillColor=colour, strokeColor=None, strokeWidth=0))
            label = drawn_text(s.name, 40)
            drawing.add(
                String(x + 14, 3, label, fontName=st.FONT, fontSize=LABEL_SIZE, fillColor=st.TEXT)
            )
            x += 14 + stringWidth(label, st.FONT, LABEL_SIZE) + 16
    return drawing


def _none_or(value: float | None) -> float | None:
    return None if value is None else max(0.0, min(100.0, value))
