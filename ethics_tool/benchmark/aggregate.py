"""Aggregates over a benchmark set: quartiles per theme and overall, with small-group suppression.

Groups: all municipalities, each municipality type and each size class. A statistic (the overall
index or one theme) is shown for a group only when at least :data:`MIN_GROUP` municipalities have a
value for it. Suppressing the small groups alone is not enough: if a dimension had one novads-sized
gap (all = 6, novadi = 5), the one state city could be computed from the two published medians. So
within each dimension the suppressed categories must together hold at least ``MIN_GROUP``
municipalities; otherwise the next smallest category is suppressed as well, until they do or nothing
of that dimension is left. Quartiles use the inclusive method (Excel's QUARTILE.INC). No minimum,
maximum or mean is ever published: those would name a single municipality's score.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ethics_tool.domain.questionnaire import Text

from .format import (
    MIN_GROUP,
    MUNICIPALITY_TYPES,
    SIZE_CLASSES,
    Group,
    Reference,
    Stats,
    Submission,
)

DIMENSIONS: dict[str, tuple[str, ...]] = {"type": MUNICIPALITY_TYPES, "size": SIZE_CLASSES}


def quartiles(values: Sequence[float]) -> Stats:
    """n, first quartile, median and third quartile (inclusive method); needs MIN_GROUP values."""
    if len(values) < MIN_GROUP:
        raise ValueError(f"{len(values)} values: at least {MIN_GROUP} are needed")
    q1, median, q3 = statistics.quantiles(sorted(values), n=4, method="inclusive")
    return Stats(n=len(values), q1=q1, median=median, q3=q3)


def _category(submission: Submission, dimension: str) -> str:
    return submission.municipality_type if dimension == "type" else submission.size_class


def _suppressed(counts: dict[str, int]) -> set[str]:
    """Categories of one dimension to withhold so that no small group can be derived by difference."""
    hidden = {key for key, n in counts.items() if 0 < n < MIN_GROUP}
    hidden |= {key for key, n in counts.items() if n == 0}
    shown = sorted((n, key) for key, n in counts.items() if key not in hidden)
    while sum(counts[k] for k in hidden) and sum(counts[k] for k in hidden) < MIN_GROUP and shown:
        hidden.add(shown.pop(0)[1])
    return hidden


def _statistic(
    submissions: Sequence[Submission], value: Callable[[Submission], float | None]
) -> dict[str, Stats]:
    """One statistic for every group it may be shown for (group key -> stats)."""
    present = [(s, v) for s in submissions if (v := value(s)) is not None]
    out: dict[str, Stats] = {}
    if len(present) < MIN_GROUP:
        return out
    out["all"] = quartiles([v for _, v in present])
    for dimension, categories in DIMENSIONS.items():
        counts = {c: sum(1 for s, _ in present if _category(s, dimension) == c) for c in categories}
        hidden = _suppressed(counts)
        for category in categories:
            if category in hidden:
                continue
            values = [v for s, v in present if _category(s, dimension) == category]
            out[f"{dimension}:{category}"] = quartiles(values)
    return out


def _theme_value(theme_id: str) -> Callable[[Submission], float | None]:
    def value(submission: Submission) -> float | None:
        score = submission.themes.get(theme_id)
        return score.score if score is not None else None

    return value


@dataclass(frozen=True)
class SetKey:
    """One comparable part of a benchmark set: the same form version and year."""

    form_id: str
    form_version: str
    form_hash: str
    year: int


def aggregate(
    submissions: Sequence[Submission],
    themes: dict[str, Text],
    key: SetKey,
    publisher: str = "",
) -> Reference:
    """The published reference for the submissions of ``key`` (others are ignored)."""
    chosen = [
        s
        for s in submissions
        if s.form_id == key.form_id and s.form_hash == key.form_hash and s.year == key.year
    ]
    overall = _statistic(chosen, lambda s: s.overall)
    by_theme = {tid: _statistic(chosen, _theme_value(tid)) for tid in themes}
    keys = ["all"] + [f"{d}:{c}" for d, categories in DIMENSIONS.items() for c in categories]
    groups: list[Group] = []
    for group_key in keys:
        group_themes = {
            tid: stats[group_key] for tid, stats in by_theme.items() if group_key in stats
        }
        if group_key in overall or group_themes:
            groups.append(Group(key=group_key, overall=overall.get(group_key), themes=group_themes))
    return Reference(
        kind="reference",
        form_id=key.form_id,
        form_version=key.form_version,
        form_hash=key.form_hash,
        year=key.year,
        publisher=publisher,
        themes=dict(themes),
        groups=groups,
    )
