"""Translated labels for the core's enumerations (looked up at call time, so they follow the language).

The label tables themselves live in :mod:`ethics_tool.i18n`, shared with the report and the CLI.
"""

from __future__ import annotations

from ethics_tool import i18n
from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import UNIT_TYPES, ActionStatus, Status
from ethics_tool.i18n import t


def unit_type_label(key: str) -> str:
    return i18n.unit_type_label(key)


def unit_types() -> list[tuple[str, str]]:
    return [(key, unit_type_label(key)) for key in UNIT_TYPES]


def mode_label(mode: Mode) -> str:
    return i18n.mode_label(mode)


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
    return i18n.status_label(status)


def action_status_label(status: ActionStatus) -> str:
    return i18n.action_status_label(status)


def role_label(role: Role) -> str:
    return i18n.role_label(role)


def individual_roles() -> list[Role]:
    return [role for role in Role if role is not Role.GROUP]


def language_name(lang: str) -> str:
    # Each language is named in itself, so a user who cannot read the current one still finds theirs.
    return {"lv": "Latviešu", "en": "English"}.get(lang, lang)
