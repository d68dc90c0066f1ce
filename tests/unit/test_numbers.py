"""One rounding rule wherever a change is shown: the change is the difference of the shown values."""

from __future__ import annotations

import pytest

from ethics_tool.i18n import format_change, format_score, rounded_change
from ethics_tool.scoring import ThemeChange


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (47.26, 51.84, "+4,5 p.p."),  # shown 47,3 → 51,8; the unrounded difference is 4,58
        (24.04, 30.46, "+6,5 p.p."),  # shown 24,0 → 30,5; the unrounded difference is 6,42
        (52.0, 47.0, "−5,0 p.p."),
        (50.04, 49.96, "0,0 p.p."),  # both shown as 50,0: no change
        (None, 40.0, "–"),
    ],
)
def test_a_change_is_the_difference_of_the_shown_scores(
    before: float | None, after: float | None, shown: str
) -> None:
    change = ThemeChange("t", before, after)
    if before is not None and after is not None:
        parsed = float(format_score(after, "lv")[:-2].replace(",", ".")) - float(
            format_score(before, "lv")[:-2].replace(",", ".")
        )
        assert change.delta == pytest.approx(parsed)
    assert format_change(change.delta, "lv") == shown


def test_english_uses_pp_and_a_decimal_point() -> None:
    assert format_change(rounded_change(10.0, 18.46), "en") == "+8.5 pp"
    assert format_score(18.46, "en") == "18.5 %"
