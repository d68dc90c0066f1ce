"""Where a radar chart's scale labels go, the same in the PDF and on screen.

The scale ("25 %", "50 %", …) is written along the bisector of one wedge between two neighbouring
spokes: the wedge where the labels' boxes stay farthest from every line of the strands, so that no
label sits on the shape. Both charts then draw the labels over the strands on a small background
box, which keeps them legible even where the chart is crowded everywhere.

Geometry is in value units: the outer ring has radius 100, spoke ``i`` points ``i`` steps
clockwise from the top, ``y`` grows upwards.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

SAMPLES = 12  # points per strand segment when measuring distances


def spoke_angle(index: float, n: int) -> float:
    """The angle of spoke ``index`` (a half-integer: the bisector after it), ``y`` upwards."""
    return math.pi / 2 - 2 * math.pi * index / n


def _box_distance(x: float, y: float, box: tuple[float, float, float, float]) -> float:
    left, bottom, right, top = box
    dx = max(left - x, 0.0, x - right)
    dy = max(bottom - y, 0.0, y - top)
    return math.hypot(dx, dy)


def scale_wedge(
    strands: Sequence[Sequence[float | None]],
    n: int,
    places: Sequence[float],
    sizes: Sequence[tuple[float, float]],
) -> int:
    """The wedge ``i`` (between spoke ``i`` and spoke ``i + 1``) whose bisector keeps the label
    boxes farthest from the strands: label ``k`` centred at ``places[k]`` on the bisector, of
    ``sizes[k]`` (width, height), all in value units. The first of equally good wedges.

    A strand with one value on every spoke (the target) is a ring like the grid's, which the
    labels are placed clear of already; it is left out.
    """
    shapes = [
        [min(100.0, max(0.0, v or 0.0)) for v in values]
        for values in strands
        if len(values) == n and len(set(values)) > 1
    ]
    points: list[tuple[float, float]] = []
    for values in shapes:
        corners = [
            (v * math.cos(spoke_angle(i, n)), v * math.sin(spoke_angle(i, n)))
            for i, v in enumerate(values)
        ]
        for i, (x0, y0) in enumerate(corners):
            x1, y1 = corners[(i + 1) % n]
            points += [
                (x0 + (x1 - x0) * k / SAMPLES, y0 + (y1 - y0) * k / SAMPLES) for k in range(SAMPLES)
            ]

    def clearance(wedge: int) -> float:
        angle = spoke_angle(wedge + 0.5, n)
        boxes = []
        for place, (width, height) in zip(places, sizes, strict=True):
            x, y = place * math.cos(angle), place * math.sin(angle)
            boxes.append((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
        return min((_box_distance(x, y, box) for box in boxes for x, y in points), default=math.inf)

    return max(range(n), key=lambda i: (clearance(i), -i))


def rings_with_room(
    rings: Sequence[float], n: int, radius: float, text_height: float
) -> list[float]:
    """The rings (values 0..100) to label: all of them when neighbouring labels on a bisector
    are far enough apart for the text (``radius`` and ``text_height`` in the same unit),
    otherwise only the first (a small chart)."""
    gaps = [b - a for a, b in itertools.pairwise(rings)]
    if not gaps or min(gaps) / 100 * math.cos(math.pi / n) * radius >= 1.6 * text_height:
        return list(rings)
    return list(rings[:1])
