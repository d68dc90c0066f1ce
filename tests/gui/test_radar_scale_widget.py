"""On the results page's radar the scale labels sit where no strand's line runs."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from ethics_tool.gui.widgets.charts import (
    CURRENT,
    PREVIOUS,
    TARGET,
    ChartData,
    RadarChart,
    Series,
)

DEMO = [28.0, 52.0, 50.0, 52.0, 22.0, 51.0, 7.0, 46.0, 51.0, 55.0, 71.0, 27.0]
BEFORE = [23.0, 18.0, 25.0, 33.0, 26.0, 28.0, 4.0, 48.0, 41.0, 51.0, 49.0, 29.0]


def test_scale_labels_are_clear_of_the_strands(qtbot: QtBot) -> None:
    chart = RadarChart()
    qtbot.addWidget(chart)
    labels = [f"{i}. Joma {i}" for i in range(1, 13)]
    chart.set_data(
        ChartData(
            labels,
            [
                Series("Šī kārta", DEMO, CURRENT),
                Series("Iepriekšējā kārta", BEFORE, PREVIOUS, dashed=True),
                Series("Mērķis", [75.0] * 12, TARGET, dashed=True, filled=False),
            ],
        )
    )
    chart.resize(640, 560)
    chart.grab()  # paints
    assert len(chart.painted_scale) == 2  # 50 % and 75 %
    for polygon in chart.painted_strands[:2]:  # the target is a ring, like the grid's
        corners = [polygon.at(i) for i in range(polygon.count())]
        for start, end in zip(corners, corners[1:] + corners[:1], strict=True):
            for k in range(41):
                point = QPointF(
                    start.x() + (end.x() - start.x()) * k / 40,
                    start.y() + (end.y() - start.y()) * k / 40,
                )
                assert not any(box.contains(point) for box in chart.painted_scale)
