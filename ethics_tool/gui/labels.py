"""Translated labels for the core's enumerations (looked up at call time, so they follow the language)."""

from __future__ import annotations

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import UNIT_TYPES, ActionStatus, Status
from ethics_tool.i18n import t


def unit_type_label(key: str) -> str:
    labels = {
        "dome": t("Council"),
        "komiteja": t("Committee"),
        "komisija": t("Commission"),
        "vadiba": t("Management"),
        "administracija": t("Administration"),
        "parvalde": t("Department"),
        "iestade": t("Municipal institution"),
        "kapitalsabiedriba": t("Municipal company"),
        "cits": t("Other"),
    }
    return labels.get(key, key)


def unit_types() -> list[tuple[str, str]]:
    return [(key, unit_type_label(key)) for key in UNIT_TYPES]


def mode_label(mode: Mode) -> str:
    return {
        Mode.SINGLE: t("Single respondent"),
        Mode.INDIVIDUAL: t("Individual answers"),
        Mode.CONSENSUS: t("Group consensus"),
    }[mode]


def mode_description(mode: Mode) -> str:
    return {
        Mode.SINGLE: t("One person answers every question."),
        Mode.INDIVIDUAL: t(
            "Several people answer separately; the results show the average and the spread."
        ),
        Mode.CONSENSUS: t(
            "A facilitator records the answer the group agrees on; individual answers are optional."
        ),
    }[mode]


def status_label(status: Status) -> str:
    return {
        Status.IN_PROGRESS: t("In progress"),
        Status.COMPLETED: t("Completed"),
        Status.ARCHIVED: t("Archived"),
    }[status]


def action_status_label(status: ActionStatus) -> str:
    return {
        ActionStatus.NOT_STARTED: t("Not started"),
        ActionStatus.IN_PROGRESS: t("In progress"),
        ActionStatus.DONE: t("Done"),
    }[status]


def role_label(role: Role) -> str:
    return {
        Role.DEPUTY: t("Deputy"),
        Role.CHAIR: t("Council chair"),
        Role.EXECUTIVE: t("Executive director"),
        Role.MANAGER: t("Manager"),
        Role.STAFF: t("Staff member"),
        Role.OTHER: t("Other role"),
        Role.GROUP: t("Group (agreed answer)"),
    }[role]


def individual_roles() -> list[Role]:
    return [role for role in Role if role is not Role.GROUP]


def language_name(lang: str) -> str:
    # Each language is named in itself, so a user who cannot read the current one still finds theirs.
    return {"lv": "Latviešu", "en": "English"}.get(lang, lang)
