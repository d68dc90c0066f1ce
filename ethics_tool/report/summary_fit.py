"""How much the one-page summary shows: variants from generous to terse, and choosing the one
that fits the page (measured by laying the flowables out, not guessed from character counts).

No variant shortens a text with "…": a long priority or theme title wraps, and a terser variant
lists fewer items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from ethics_tool.report import styles as st


@dataclass(frozen=True)
class SummaryFit:
    """How much the summary lists. Texts are never cut: a variant lists fewer items instead, and
    the rest are counted in a "+ 4 more" line that points to the theme sections."""

    priorities: int  # top priorities listed (question and recommendation in full)
    gap_items: int  # compliance gaps listed
    gap_text: bool  # a compliance gap with its question text (otherwise number and law only)
    unknown_items: int  # knowledge gaps listed (numbers only)


SUMMARY_FITS = (
    SummaryFit(5, 6, True, 24),
    SummaryFit(5, 6, False, 20),
    SummaryFit(4, 5, False, 18),
    SummaryFit(4, 4, False, 14),
    SummaryFit(3, 4, False, 12),
    SummaryFit(3, 3, False, 10),
    SummaryFit(2, 3, False, 8),
)
# the fields relaxed one by one, most useful first
RELAX_ORDER = ("gap_text", "priorities", "gap_items", "unknown_items")
SUMMARY_SLACK = 6.0  # points kept free: measured and laid-out heights may differ by rounding


def height(flowables: Sequence[Flowable]) -> float:
    """The height ``flowables`` take in the frame (their spaces before and after included)."""
    total = 0.0
    for flowable in flowables:
        _width, height = flowable.wrap(st.FRAME_WIDTH, st.FRAME_HEIGHT * 10)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


class Measure:
    """:func:`height` that lays each flowable out once: variants that share a part (the same
    flowable objects, see :func:`ethics_tool.report.summary.summary`) do not measure it again."""

    def __init__(self) -> None:
        # by id, the flowable kept alive beside its height so that its id is never reused
        self._heights: dict[int, tuple[Flowable, float]] = {}

    def __call__(self, flowables: Sequence[Flowable]) -> float:
        total = 0.0
        for flowable in flowables:
            known = self._heights.get(id(flowable))
            if known is None:
                known = self._heights[id(flowable)] = (flowable, height([flowable]))
            total += known[1]
        return total


def fitted(
    build: Callable[[SummaryFit], list[Flowable]],
    room: float,
    measure: Callable[[Sequence[Flowable]], float] = height,
) -> list[Flowable]:
    """The most generous body ``build`` makes that fits ``room`` points (measured by ``measure``).

    The first variant of :data:`SUMMARY_FITS` that fits is then relaxed one field at a time
    towards the variant before it (the gaps' question texts first), as long as it still fits:
    the page is used without jumping a whole step.
    """
    chosen: int | None = None
    body: list[Flowable] = []
    for index in range(len(SUMMARY_FITS)):
        body = build(SUMMARY_FITS[index])
        if measure(body) <= room:
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
        if measure(trial_body) <= room:
            fit, body = trial, trial_body
    return body
