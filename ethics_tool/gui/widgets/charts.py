"""Small QPainter charts for the results and compare pages: a radar of themes and theme bars.

They only draw the numbers they are given (computed by the core's scoring); the PDF draws its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ethics_tool.domain.radar import rings_with_room, scale_wedge, spoke_angle
from ethics_tool.i18n import format_percent

NAMED_SPOKES = 6  # more themes than this are numbered on the radar (the bars name them)
SCALE_RINGS = (0.5, 0.75)  # the rings whose value the radar writes (as the PDF does)
CURRENT = QColor("#1f5fa8")
PREVIOUS = QColor("#d9822b")
TARGET = QColor("#4a9d5b")
BAND = QColor(90, 90, 90, 60)  # the middle half of a benchmark reference
MEDIAN = QColor("#333333")


@dataclass
class Series:
    name: str
    values: list[float | None]
    colour: QColor
    dashed: bool = False
    filled: bool = True


@dataclass
class ChartData:
    labels: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    # Per label (q1, median, q3) of a benchmark reference: drawn as a band with a median tick.
    bands: list[tuple[float, float, float] | None] = field(default_factory=list)
    band_name: str = ""


def _legend(painter: QPainter, series: list[Series], rect: QRectF, palette: QPalette) -> None:
    metrics = painter.fontMetrics()
    x = rect.left()
    y = rect.bottom() - metrics.height()
    for item in series:
        pen = QPen(item.colour, 2.5)
        if item.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(
            QPointF(x, y + metrics.height() / 2), QPointF(x + 22, y + metrics.height() / 2)
        )
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = QRectF(x + 28, y, metrics.horizontalAdvance(item.name) + 4, metrics.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, item.name)
        x = text_rect.right() + 18


class RadarChart(QWidget):
    """Theme scores (0–100 %) on spokes; one polygon per series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("radarChart")
        self.data = ChartData()
        self.setMinimumSize(320, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # as last painted: the strands' polygons and the scale labels' boxes (tests look at them)
        self.painted_strands: list[QPolygonF] = []
        self.painted_scale: list[QRectF] = []

    def set_data(self, data: ChartData) -> None:
        self.data = data
        parts = []
        for series in data.series:
            values = ", ".join(
                f"{label} {format_percent(value)}"
                for label, value in zip(data.labels, series.values, strict=False)
            )
            parts.append(f"{series.name}: {values}")
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(440, 380)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        metrics = painter.fontMetrics()
        legend_height = metrics.height() + 8
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8 - legend_height)
        labels = self.data.labels
        n = len(labels)
        if n < 3:
            painter.setPen(text_colour)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "")
            painter.end()
            return
        numbered = n > NAMED_SPOKES
        if numbered:
            labels = [str(i) for i in range(1, n + 1)]
        label_width = 28.0 if numbered else min(150.0, area.width() * 0.28)
        radius = max(
            20.0,
            min(area.width() / 2 - label_width - 6, area.height() / 2 - 2.5 * metrics.height()),
        )
        centre = area.center()

        def point(index: int, fraction: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * index / n
            return QPointF(
                centre.x() + radius * fraction * math.cos(angle),
                centre.y() + radius * fraction * math.sin(angle),
            )

        painter.setPen(QPen(grid, 0.8))
        for ring in (0.25, 0.5, 0.75, 1.0):
            painter.drawPolygon(QPolygonF([point(i, ring) for i in range(n)]))
        for i in range(n):
            painter.drawLine(centre, point(i, 1.0))
        self.painted_strands = []
        for series in self.data.series:
            polygon = QPolygonF(
                [
                    point(i, max(0.0, min(1.0, (v or 0.0) / 100)))
                    for i, v in enumerate(series.values)
                ]
            )
            self.painted_strands.append(polygon)
            pen = QPen(series.colour, 2.2)
            if series.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            fill = QColor(series.colour)
            fill.setAlpha(50 if series.filled else 0)
            painter.setBrush(fill)
            painter.drawPolygon(polygon)
            painter.setBrush(series.colour)
            for i, v in enumerate(series.values):
                if v is not None and series.filled:
                    painter.drawEllipse(point(i, v / 100), 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self._scale(painter, centre, radius, n)

        painter.setPen(text_colour)
        for i, label in enumerate(labels):
            anchor = point(i, 1.0)
            angle = -math.pi / 2 + 2 * math.pi * i / n
            cos = math.cos(angle)
            height = 3 * metrics.height()
            if abs(cos) < 0.2:
                rect = QRectF(anchor.x() - label_width, 0, 2 * label_width, height)
                align = Qt.AlignmentFlag.AlignHCenter
            elif cos > 0:
                rect = QRectF(anchor.x() + 8, 0, label_width, height)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                rect = QRectF(anchor.x() - 8 - label_width, 0, label_width, height)
                align = Qt.AlignmentFlag.AlignRight
            sin = math.sin(angle)
            if sin < -0.5:
                rect.moveBottom(anchor.y() - 4)
                valign = Qt.AlignmentFlag.AlignBottom
            elif sin > 0.5:
                rect.moveTop(anchor.y() + 4)
                valign = Qt.AlignmentFlag.AlignTop
            else:
                rect.moveCenter(QPointF(rect.center().x(), anchor.y()))
                valign = Qt.AlignmentFlag.AlignVCenter
            if numbered:
                font = painter.font()
                font.setBold(True)
                painter.setFont(font)
            painter.drawText(rect, int(align | valign | Qt.TextFlag.TextWordWrap), label)
        _legend(painter, self.data.series, QRectF(self.rect()).adjusted(12, 0, -8, -4), palette)
        painter.end()

    def _scale(self, painter: QPainter, centre: QPointF, radius: float, n: int) -> None:
        """The middle rings' values in the wedge farthest from the strands' lines (the same
        choice as the PDF's radar), over the strands on a small box of the base colour."""
        palette = self.palette()
        metrics = painter.fontMetrics()
        height = float(metrics.height())
        rings = rings_with_room([ring * 100 for ring in SCALE_RINGS], n, radius, height)
        texts = [format_percent(ring) for ring in rings]
        widths = [metrics.horizontalAdvance(text) + 4.0 for text in texts]
        # on the ring's line where it crosses the wedge's bisector (the box interrupts the ring)
        places = [ring * math.cos(math.pi / n) for ring in rings]
        sizes = [(w / radius * 100, height / radius * 100) for w in widths]
        strands = [series.values for series in self.data.series]
        angle = spoke_angle(scale_wedge(strands, n, places, sizes) + 0.5, n)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        self.painted_scale = []
        for text, width, place in zip(texts, widths, places, strict=True):
            # spoke_angle has y upwards; the widget's y grows downwards
            centre_x = centre.x() + radius * place / 100 * math.cos(angle)
            centre_y = centre.y() - radius * place / 100 * math.sin(angle)
            box = QRectF(centre_x - width / 2, centre_y - height / 2, width, height)
            background = QColor(palette.color(QPalette.ColorRole.Base))
            background.setAlpha(220)
            painter.fillRect(box, background)
            self.painted_scale.append(box)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)


class ThemeBars(QWidget):
    """One horizontal bar per theme; a second series is drawn as a thin bar below the first."""

    ROW = 34

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("themeBars")
        self.data = ChartData()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        parts = []
        for i, label in enumerate(data.labels):
            values = " / ".join(
                format_percent(s.values[i] if i < len(s.values) else None) for s in data.series
            )
            parts.append(f"{label}: {values}")
        self.setAccessibleDescription("; ".join(parts))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        lines = 2 if len(self.data.series) > 1 else 1
        return max(self.ROW, self.fontMetrics().height() * (lines + 1))

    def _has_legend(self) -> bool:
        return len(self.data.series) > 1 or any(b is not None for b in self.data.bands)

    def sizeHint(self) -> QSize:
        legend = self.fontMetrics().height() + 10 if self._has_legend() else 0
        return QSize(480, len(self.data.labels) * self._row_height() + legend + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        track = palette.color(QPalette.ColorRole.AlternateBase)
        metrics = painter.fontMetrics()
        width = self.width()
        label_width = int(width * 0.42)
        value_width = metrics.horizontalAdvance("100 %") + 14
        bar_left = label_width + 10
        bar_width = max(40, width - bar_left - value_width)
        row = self._row_height()
        for i, label in enumerate(self.data.labels):
            top = i * row
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top, label_width, row),
                int(
                    Qt.AlignmentFlag.AlignRight
                    | Qt.AlignmentFlag.AlignVCenter
                    | Qt.TextFlag.TextWordWrap
                ),
                label,
            )
            n = max(1, len(self.data.series))
            thickness = (row - 12) / n
            for s_index, series in enumerate(self.data.series):
                value = series.values[i] if i < len(series.values) else None
                y = top + 6 + s_index * thickness
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(track)
                painter.drawRoundedRect(QRectF(bar_left, y + 1, bar_width, thickness - 2), 3, 3)
                if value is not None:
                    painter.setBrush(series.colour)
                    painter.drawRoundedRect(
                        QRectF(
                            bar_left,
                            y + 1,
                            bar_width * max(0.0, min(1.0, value / 100)),
                            thickness - 2,
                        ),
                        3,
                        3,
                    )
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(bar_left + bar_width + 6, y, value_width, thickness),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    format_percent(value),
                )
            band = self.data.bands[i] if i < len(self.data.bands) else None
            if band is not None:
                self._draw_band(painter, band, bar_left, bar_width, top + 3, row - 6)
        if self._has_legend():
            rect = QRectF(self.rect()).adjusted(bar_left, 0, 0, -2)
            _legend(painter, self.data.series if len(self.data.series) > 1 else [], rect, palette)
            if any(b is not None for b in self.data.bands):
                self._band_legend(painter, rect, palette)
        painter.end()

    @staticmethod
    def _draw_band(
        painter: QPainter,
        band: tuple[float, float, float],
        left: float,
        width: float,
        top: float,
        height: float,
    ) -> None:
        q1, median, q3 = (max(0.0, min(100.0, v)) / 100 * width + left for v in band)
        painter.setPen(QPen(MEDIAN, 1))
        painter.setBrush(BAND)
        painter.drawRect(QRectF(q1, top, max(2.0, q3 - q1), height))
        painter.setPen(QPen(MEDIAN, 2.5))
        painter.drawLine(QPointF(median, top - 2), QPointF(median, top + height + 2))

    def _band_legend(self, painter: QPainter, rect: QRectF, palette: QPalette) -> None:
        metrics = painter.fontMetrics()
        y = rect.bottom() - metrics.height()
        x = rect.right() - metrics.horizontalAdvance(self.data.band_name) - 40
        painter.setPen(QPen(MEDIAN, 1))
        painter.setBrush(BAND)
        painter.drawRect(QRectF(x, y + 2, 26, metrics.height() - 4))
        painter.setPen(QPen(MEDIAN, 2.5))
        painter.drawLine(QPointF(x + 13, y), QPointF(x + 13, y + metrics.height()))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(x + 32, y, rect.right() - x - 32, metrics.height()),
            int(Qt.AlignmentFlag.AlignVCenter),
            self.data.band_name,
        )
