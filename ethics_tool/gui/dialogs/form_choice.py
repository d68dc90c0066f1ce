"""The questionnaire of the set-up dialog: how it is described, and how it agrees with the unit type.

A council unit (the council itself, a committee, a commission) is answered with the council form,
any other unit with the administration form. A form for any unit (the quick one) and the unit type
"other" keep what the user chose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ethics_tool.domain.questionnaire import Audience
from ethics_tool.i18n import current_language, t

if TYPE_CHECKING:
    from ethics_tool.domain.questionnaire import Questionnaire

COUNCIL_UNITS = frozenset({"dome", "komiteja", "komisija"})  # unit types answered as a council
OTHER_UNIT = "cits"


def form_for_unit_type(
    forms: list[Questionnaire], current: Questionnaire | None, unit_type: object
) -> Questionnaire | None:
    """The form to switch to once ``unit_type`` is chosen, or ``None`` to keep ``current``.

    Only a form written for the other audience is replaced.
    """
    if unit_type is None or unit_type == OTHER_UNIT or current is None:
        return None
    wanted = Audience.COUNCIL if unit_type in COUNCIL_UNITS else Audience.ADMINISTRATION
    if current.audience in (wanted, Audience.ANY):
        return None
    return next((f for f in forms if f.audience is wanted), None)


def unit_type_for_form(form: Questionnaire | None, unit_type: object) -> str | None:
    """The unit type to switch to once ``form`` is chosen, or ``None`` to keep ``unit_type``."""
    if form is None or form.audience is Audience.ANY:
        return None
    council = unit_type in COUNCIL_UNITS
    if form.audience is Audience.COUNCIL and not council:
        return "dome"
    if form.audience is Audience.ADMINISTRATION and council:
        return "administracija"
    return None


def form_summary(form: Questionnaire) -> str:
    """The form's description and its size: questions, themes and (if known) minutes."""
    description = form.description.get(current_language()) if form.description else ""
    counts = t(
        "{questions} questions in {themes} themes",
        questions=form.question_count,
        themes=len(form.themes),
    )
    if form.minutes:
        counts += t(", about {minutes} minutes", minutes=form.minutes)
    return f"{description}\n{counts}" if description else counts


def core_only_label(form: Questionnaire) -> str:
    """The text of the "core questions only" check box for a form that marks core questions."""
    if form.core_minutes:
        return t(
            "Core questions only ({count} questions, about {minutes} minutes)",
            count=form.core_count,
            minutes=form.core_minutes,
        )
    return t("Core questions only ({count} questions)", count=form.core_count)
