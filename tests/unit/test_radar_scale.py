"""The radar's scale labels go where the shape is not (the PDF and the screen share the choice)."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Rect, String

from ethics_tool.domain.radar import rings_with_room, scale_wedge, spoke_angle
from ethics_tool.report import styles as st
from ethics_tool.report.charts import Strand, StrandKind, radar_chart

DEMO = [28.0, 52.0, 50.0, 52.0, 22.0, 51.0, 7.0, 46.0, 51.0, 55.0, 71.0, 27.0]
BEFORE = [35.0, 20.0, 30.0, 40.0, 30.0, 20.0, 10.0, 30.0, 40.0, 45.0, 50.0, 33.0]


def test_the_labels_go_to_the_wedge_the_shape_leaves_empty() -> None:
    # full everywhere but a deep notch on spokes 3 and 4 (the wedge between them is empty)
    values = [90.0, 90.0, 90.0, 5.0, 5.0, 90.0, 90.0, 90.0]
    size = [(14.0, 8.0), (14.0, 8.0)]
    assert scale_wedge([values], 8, [46.0, 69.0], size) == 3
    # the target (one value on every spoke) does not decide anything
    assert scale_wedge([values, [75.0] * 8], 8, [46.0, 69.0], size) == 3


def test_small_charts_label_one_ring_only() -> None:
    assert rings_with_room([50.0, 75.0], 12, radius=150, text_height=17) == [50.0, 75.0]
    assert rings_with_room([50.0, 75.0], 5, radius=75, text_height=17) == [50.0]


def _segments(values: list[float], centre: tuple[float, float], radius: float) -> list:
    n = len(values)
    points = [
        (
            centre[0] + radius * v / 100 * math.cos(spoke_angle(i, n)),
            centre[1] + radius * v / 100 * math.sin(spoke_angle(i, n)),
        )
        for i, v in enumerate(values)
    ]
    return [(points[i], points[(i + 1) % n]) for i in range(n)]


def _crosses(box: Rect, segment: tuple) -> bool:
    (x0, y0), (x1, y1) = segment
    for k in range(201):
        x, y = x0 + (x1 - x0) * k / 200, y0 + (y1 - y0) * k / 200
        if box.x <= x <= box.x + box.width and box.y <= y <= box.y + box.height:
            return True
    return False


def test_pdf_radar_scale_labels_do_not_sit_on_the_shape() -> None:
    st.register_fonts()
    strands = [
        Strand("Šī kārta", DEMO, StrandKind.CURRENT),
        Strand("Iepriekšējā kārta", BEFORE, StrandKind.PREVIOUS),
        Strand("Mērķis", [75.0] * 12, StrandKind.TARGET),
    ]
    width = 160.0
    drawing: Drawing = radar_chart(
        [str(i) for i in range(1, 13)], strands, "{:.0f} %".format, width=width, legend=False
    )
    labels = [s for s in drawing.contents if isinstance(s, String) and s.text.endswith("%")]
    boxes = [r for r in drawing.contents if isinstance(r, Rect)]
    assert [s.text for s in labels] == ["50 %", "75 %"]
    assert len(boxes) == 2
    radius = width / 2 - 16.0
    centre = (width / 2, drawing.height - 16.0 - radius)
    for values in (DEMO, BEFORE):
        for segment in _segments(values, centre, radius):
            assert not any(_crosses(box, segment) for box in boxes)
