"""What is still missing before an assessment is finished ("Pabeigt"): a list a person can act on.

Nothing here blocks finishing: the list is shown first, and the user finishes anyway or goes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ethics_tool.domain.answers import Mode
from ethics_tool.domain.assessment import ActionStatus, AssessmentData
from ethics_tool.i18n import format_date, nt, t

SHOWN_NUMBERS = 8  # question numbers listed per respondent before "and N more"


@dataclass(frozen=True)
class Missing:
    """One missing thing: where (a respondent, the action plan, the cover) and what."""

    where: str
    what: str


def question_numbers(data: AssessmentData) -> dict[str, str]:
    """Question id → "theme.question" as in the navigator and the report."""
    return {
        question.id: f"{ti}.{qi}"
        for ti, theme in enumerate(data.form.themes, start=1)
        for qi, question in enumerate(theme.questions, start=1)
    }


def _listed(numbers: list[str]) -> str:
    shown = ", ".join(numbers[:SHOWN_NUMBERS])
    rest = len(numbers) - SHOWN_NUMBERS
    if rest <= 0:
        return shown
    return shown + " " + nt("and {count} more", "and {count} more", rest)


def missing_items(data: AssessmentData, today: date | None = None) -> list[Missing]:
    """Unanswered questions per respondent, incomplete action items, an empty action plan.

    In a consensus assessment the group's agreed answers are the ones scored, so only the group's
    gaps are listed; the members' own answers are optional there.
    """
    today = today or date.today()
    numbers = question_numbers(data)
    order = list(numbers)
    out: list[Missing] = []
    consensus = data.info.mode is Mode.CONSENSUS
    for person, given in zip(data.respondents, data.answers, strict=True):
        if consensus and not given.is_group:
            continue
        open_ids = [qid for qid in order if qid not in given.answers]
        if open_ids:
            out.append(
                Missing(
                    t("Respondent: {label}", label=person.label),
                    nt(
                        "{count} question unanswered: {numbers}",
                        "{count} questions unanswered: {numbers}",
                        len(open_ids),
                        numbers=_listed([numbers[qid] for qid in open_ids]),
                    ),
                )
            )
    plan = t("Action plan")
    if not data.actions:
        out.append(Missing(plan, t("no actions yet")))
    for position, action in enumerate(data.actions, start=1):
        lacks = []
        if not action.responsible.strip():
            lacks.append(t("no one responsible"))
        if action.deadline is None:
            lacks.append(t("no deadline"))
        elif action.deadline < today and action.status is not ActionStatus.DONE:
            lacks.append(t("deadline {date} has passed", date=format_date(action.deadline)))
        if lacks:
            title = action.text if len(action.text) <= 60 else action.text[:59].rstrip() + "…"
            out.append(
                Missing(
                    plan,
                    t(
                        "{number}. {action}: {lacks}",
                        number=position,
                        action=title,
                        lacks=", ".join(lacks),
                    ),
                )
            )
    if not data.info.prepared_by.strip():
        out.append(Missing(t("Report cover"), t("“Prepared by” is empty")))
    return out
