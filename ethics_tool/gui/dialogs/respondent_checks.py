"""What the set-up dialog says about its respondents: the hint for each mode, and what is wrong."""

from __future__ import annotations

from ethics_tool.domain.answers import Mode
from ethics_tool.i18n import t


def respondent_hint(mode: Mode) -> str:
    """The text above the respondent rows; a group answer lists its participants optionally."""
    if mode is Mode.CONSENSUS:
        return t(
            "The group's agreed answer is recorded for every question. You may also "
            "list the participants to record their individual answers beside it."
        )
    return t("List everyone who answers. Names or pseudonyms such as “Councillor 1” are fine.")


def respondent_problem(mode: Mode, labels: list[str]) -> str:
    """What is wrong with the respondents' ``labels`` (already stripped) in ``mode``; "" if nothing."""
    if mode is Mode.INDIVIDUAL and not any(labels):
        return t("Individual answers need at least one respondent.")
    if any(not label for label in labels) and mode is not Mode.SINGLE:
        return t("Every respondent needs a name or pseudonym (or remove the empty row).")
    if mode is not Mode.SINGLE and len(set(labels)) != len(labels):
        return t("Two respondents have the same name; make them different.")
    return ""
