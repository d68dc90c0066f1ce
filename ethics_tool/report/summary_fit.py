"""How much the one-page summary shows: variants from generous to terse, and choosing the one
that fits the page (measured by laying the flowables out, not guessed from character counts)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from ethics_tool.report import styles as st


@dataclass(frozen=True)
class SummaryFit:
    """How much the summary shows: list lengths and text lengths (characters)."""

    question_chars: int  # a priority's question text
    advice_chars: int  # a priority's recommendation(s)
    gap_items: int  # compliance gaps listed
    gap_text_chars: int  # a compliance gap's question text (0: the number only)
    law_chars: int  # a compliance gap's law and article
    unknown_items: int  # knowledge gaps listed
    title_chars: int  # a theme title in the table and among the strengths


SUMMARY_FITS = (
    SummaryFit(170, 230, 6, 90, 80, 24, 90),
    SummaryFit(150, 190, 6, 75, 70, 20, 80),
    SummaryFit(130, 160, 5, 70, 60, 18, 70),
    SummaryFit(115, 135, 5, 60, 50, 14, 58),
    SummaryFit(100, 110, 4, 50, 45, 12, 48),
    SummaryFit(85, 90, 4, 0, 40, 10, 40),
    SummaryFit(70, 70, 3, 0, 35, 8, 34),
)
# the fields relaxed one by one, most useful first
RELAX_ORDER = (
    "gap_text_chars",
    "law_chars",
    "question_chars",
    "advice_chars",
    "gap_items",
    "unknown_items",
    "title_chars",
)
SUMMARY_SLACK = 6.0  # points kept free: measured and laid-out heights may differ by rounding


def height(flowables: Sequence[Flowable]) -> float:
    """The height ``flowables`` take in the frame (their spaces before and after included)."""
    total = 0.0
    for flowable in flowables:
        _width, height = flowable.wrap(st.FRAME_WIDTH, st.FRAME_HEIGHT * 10)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def fitted(build: Callable[[SummaryFit], list[Flowable]], room: float) -> list[Flowable]:
    """The most generous body ``build`` makes that fits ``room`` points.

    The first variant of :data:`SUMMARY_FITS` that fits is then relaxed one field at a time
    towards the variant before it (question texts of the gaps first), as long as it still fits:
    the page is used without jumping a whole step.
    """
    chosen: int | None = None
    body: list[Flowable] = []
    for index in range(len(SUMMARY_FITS)):
        body = build(SUMMARY_FITS[index])
        if height(body) <= room:
            chosen = index
            break
    if chosen is None:
        return body  # the tersest variant; KeepInFrame scales it to the page
    if chosen == 0:
        return body
    fit, looser = SUMMARY_FITS[chosen], SUMMARY_FITS[chosen - 1]
    for field in RELAX_ORDER:
        trial = replace(fit, **{field: getattr(looser, field)})
        if trial == fit:
            continue
        trial_body = build(trial)
        if height(trial_body) <= room:
            fit, body = trial, trial_body
    return body
