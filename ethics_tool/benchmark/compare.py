"""A municipality's scores against a published reference: position per theme and one sentence each.

The comparison uses the group of the municipality's own type (novadi or state cities) when the
reference has it for a statistic, otherwise all municipalities. A reference for another version of
the same questionnaire is used by theme id with a visible note; another questionnaire is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ethics_tool.domain.assessment import AssessmentInfo
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.i18n import format_percent, nt, t
from ethics_tool.scoring import Results

from .format import Reference, Stats, municipality_type_of

AT_MEDIAN = 0.5  # percentage points around the median that count as "at the median"


class Position(StrEnum):
    TOP = "top"
    ABOVE = "above"
    AT = "at"
    BELOW = "below"
    BOTTOM = "bottom"


def position_of(score: float, stats: Stats) -> Position:
    if abs(score - stats.median) < AT_MEDIAN:
        return Position.AT
    if score >= stats.q3:
        return Position.TOP
    if score > stats.median:
        return Position.ABOVE
    if score >= stats.q1:
        return Position.BELOW
    return Position.BOTTOM


@dataclass(frozen=True)
class BenchPoint:
    """One theme (or the overall index) against its group's quartiles."""

    theme_id: str  # "" for the overall index
    score: float | None
    stats: Stats | None
    group_key: str
    position: Position | None

    def group_text(self, lang: str | None = None) -> str:
        n = self.stats.n if self.stats else 0
        if self.group_key == "type:novads":
            return nt("{n} novads", "{n} novadi", n, lang)
        if self.group_key == "type:valstspilseta":
            return nt("{n} state city", "{n} state cities", n, lang)
        return nt("{n} municipality", "{n} municipalities", n, lang)

    def sentence(self, lang: str | None = None) -> str:
        """E.g. "62 %: above the median of 31 novadi (median 55 %, middle half 41–70 %)"."""
        if self.stats is None:
            return t("no reference for this theme (fewer than 5 municipalities)", lang)
        if self.score is None or self.position is None:
            return t("not scored in this assessment", lang)
        group = self.group_text(lang)
        texts = {
            Position.TOP: t("in the top quarter of {group}", lang, group=group),
            Position.ABOVE: t("above the median of {group}", lang, group=group),
            Position.AT: t("at the median of {group}", lang, group=group),
            Position.BELOW: t("below the median of {group}", lang, group=group),
            Position.BOTTOM: t("in the bottom quarter of {group}", lang, group=group),
        }
        return t(
            "{score}: {position} (median {median}, middle half {q1}–{q3})",
            lang,
            score=format_percent(self.score, lang),
            position=texts[self.position],
            median=format_percent(self.stats.median, lang),
            q1=format_percent(self.stats.q1, lang),
            q3=format_percent(self.stats.q3, lang),
        )


@dataclass(frozen=True)
class BenchComparison:
    reference: Reference
    overall: BenchPoint
    themes: dict[str, BenchPoint]  # in the form's theme order
    mapped: bool  # the reference is for another version: themes matched by id

    def note(self, form: Questionnaire, lang: str | None = None) -> str:
        """Where the reference comes from, and the mapping note when versions differ."""
        ref = self.reference
        text = t(
            "Reference: {year}, questionnaire {form} {version}{publisher}.",
            lang,
            year=ref.year,
            form=ref.form_id,
            version=ref.form_version,
            publisher=f", {ref.publisher}" if ref.publisher else "",
        )
        if self.mapped:
            text += " " + t(
                "This assessment uses version {own}: themes are compared by their ID, and themes "
                "missing from the reference have no comparison.",
                lang,
                own=form.version,
            )
        return text


def compare_with(
    reference: Reference,
    form: Questionnaire,
    info: AssessmentInfo,
    results: Results,
) -> BenchComparison | None:
    """The comparison, or None when the reference is for another questionnaire."""
    if reference.form_id != form.id:
        return None
    mapped = reference.form_hash != info.form_hash or reference.form_version != form.version
    kind = municipality_type_of(info.municipality)
    preferred = [f"type:{kind}", "all"] if kind else ["all"]

    def point(theme_id: str, score: float | None) -> BenchPoint:
        for key in preferred:
            group = reference.group(key)
            if group is None:
                continue
            stats = group.overall if not theme_id else group.themes.get(theme_id)
            if stats is not None:
                position = position_of(score, stats) if score is not None else None
                return BenchPoint(theme_id, score, stats, key, position)
        return BenchPoint(theme_id, score, None, "all", None)

    themes = {th.id: point(th.id, results.themes[th.id].score) for th in form.themes}
    return BenchComparison(
        reference=reference,
        overall=point("", results.overall),
        themes=themes,
        mapped=mapped,
    )
