"""The consensus panel: the individual answers beside the group's, their distribution and spread."""

from __future__ import annotations

import dataclasses
from collections import Counter
from html import escape

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.domain.questionnaire import Question, Questionnaire
from ethics_tool.gui.state.questionnaire import QuestionnaireSession
from ethics_tool.i18n import current_language, t


def answer_text(answer: AnswerValue | None, form: Questionnaire, question: Question) -> str:
    """An answer in words: "3 – Implemented", "Not applicable", "no answer yet"."""
    lang = current_language()
    if answer is None:
        return t("no answer yet")
    if answer.kind is AnswerKind.NA:
        return t("Not applicable")
    if answer.kind is AnswerKind.UNKNOWN:
        return t("Don't know")
    scale = form.scale
    level = (
        scale.level(answer.value or 0)
        if question.type.value == "maturity"
        else (scale.agreement_level(answer.value or 0))
    )
    return f"{answer.value} – {level.label.get(lang)}" if level else str(answer.value)


def others_html(session: QuestionnaireSession, question: Question) -> str:
    """The panel's rich text for ``question``; empty unless the group's answer is shown."""
    if not session.showing_group():
        return ""
    form = session.data.form
    rows = []
    given: list[AnswerValue] = []
    for person, answer in session.individual_answers(question.id):
        if answer is not None:
            given.append(answer)
        rows.append(
            f"<li>{escape(person.label)}: {escape(answer_text(answer, form, question))}</li>"
        )
    distribution = distribution_html(given, form, question, len(session.individuals))
    extra = ""
    if session.question_result(question.id).discussion_point:
        discuss = t("The answers differ by two levels or more: discuss.")
        extra = f"<p><b>{escape(discuss)}</b></p>"
    title = escape(t("Individual answers"))
    return f"<b>{title}</b><ul>{''.join(rows)}</ul>{distribution}{extra}"


def distribution_html(
    given: list[AnswerValue], form: Questionnaire, question: Question, people: int
) -> str:
    """How many individuals gave each answer, as a small table with bars."""

    def order(answer: AnswerValue) -> tuple[int, int]:
        if answer.kind is AnswerKind.LEVEL:
            return (0, answer.value or 0)
        return (1 if answer.kind is AnswerKind.NA else 2, 0)

    counts = Counter(dataclasses.replace(answer, comment="") for answer in given)
    lines = [
        f"<tr><td>{escape(answer_text(answer, form, question))}</td>"
        f"<td align='right'>&nbsp;{count}&nbsp;</td><td>{'■' * count}</td></tr>"
        for answer, count in sorted(counts.items(), key=lambda item: order(item[0]))
    ]
    missing = people - len(given)
    if missing:
        none_yet = escape(t("no answer yet"))
        lines.append(
            f"<tr><td>{none_yet}</td>"
            f"<td align='right'>&nbsp;{missing}&nbsp;</td><td>{'□' * missing}</td></tr>"
        )
    title = escape(t("Distribution"))
    return f"<p><b>{title}</b></p><table>{''.join(lines)}</table>"
