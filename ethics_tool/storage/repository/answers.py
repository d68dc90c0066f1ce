"""Every write of an answer or comment, stamped with its merge history, and reading it back.

Each answer written here carries the time, this installation's id and a version vector, so that
copies of an assessment on several computers merge answer by answer (:mod:`ethics_tool.domain.merge`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ethics_tool.domain.answers import AnswerKind, AnswerValue
from ethics_tool.domain.merge import AnswerRecord, Clock, tick, utc_now
from ethics_tool.storage import versions
from ethics_tool.storage.repository.views import installation_id
from ethics_tool.storage.tables import Answer, Respondent


def parse_clock(text: str | None) -> dict[str, int]:
    try:
        data = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0}


def clock_text(clock: Clock) -> str:
    return json.dumps(dict(sorted(clock.items())), separators=(",", ":"))


def record_of(row: Answer) -> AnswerRecord:
    return AnswerRecord(
        question_id=row.question_id,
        kind=AnswerKind(row.kind) if row.kind is not None else None,
        value=row.value if row.kind == AnswerKind.LEVEL.value else None,
        comment=row.comment or "",
        updated_at=row.updated_at,
        installation=row.installation or "",
        clock=parse_clock(row.clock),
    )


def apply_record(row: Answer, record: AnswerRecord) -> None:
    row.question_id = record.question_id
    row.kind = record.kind.value if record.kind is not None else None
    row.value = record.value if record.kind is AnswerKind.LEVEL else None
    row.comment = record.comment
    row.updated_at = record.updated_at
    row.installation = record.installation
    row.clock = clock_text(record.clock)


def answer_row(record: AnswerRecord) -> Answer:
    """A new answer row carrying ``record`` and its history."""
    row = Answer()
    apply_record(row, record)
    return row


def put_record(
    session: Session, respondent_id: int, row: Answer | None, record: AnswerRecord
) -> Answer:
    """Store ``record`` in ``row``, or in a new row of the respondent when there is none yet."""
    if row is None:
        row = answer_row(record)
        row.respondent_id = respondent_id
        session.add(row)
    else:
        apply_record(row, record)
    return row


def records_by_question(session: Session, respondent_id: int) -> dict[str, Answer]:
    return {
        row.question_id: row
        for row in session.scalars(select(Answer).where(Answer.respondent_id == respondent_id))
    }


def _edited(
    row: Answer | None,
    question_id: str,
    kind: AnswerKind | None,
    value: int | None,
    comment: str,
    installation: str,
) -> AnswerRecord:
    clock = parse_clock(row.clock) if row is not None else {}
    return AnswerRecord(
        question_id=question_id,
        kind=kind,
        value=value if kind is AnswerKind.LEVEL else None,
        comment=comment,
        updated_at=utc_now(),
        installation=installation,
        clock=tick(clock, installation),
    )


def write_answers(
    session: Session,
    respondent: Respondent,
    answers: Mapping[str, AnswerValue | None],
    expected: Mapping[str, int] | None = None,
) -> list[Answer]:
    """Store or clear answers of ``respondent``; returns the rows that changed (flushed).

    Clearing an answer keeps its comment (and its history); every answer given is stamped, even
    when it repeats the stored one. ``expected`` holds the row versions the user was shown
    (:class:`~ethics_tool.storage.versions.Seen`): when a row moved on since, nothing is written
    and :class:`~ethics_tool.storage.versions.Stale` names the questions.
    """
    installation = installation_id(session)
    existing = {
        row.question_id: row
        for row in session.scalars(
            select(Answer).where(
                Answer.respondent_id == respondent.id, Answer.question_id.in_(list(answers))
            )
        )
    }
    versions.check_answers(expected, existing, answers)
    changed: list[Answer] = []
    for question_id, answer in answers.items():
        row = existing.get(question_id)
        if answer is None:
            if row is None or row.kind is None:
                continue
            # The row stays (as a comment, or empty) so its history goes on: a later merge then
            # knows the answer was cleared after the other side's version, not before it.
            apply_record(row, _edited(row, question_id, None, None, row.comment, installation))
            changed.append(row)
            continue
        # Giving the same answer again is still the latest word on it (a merge then prefers it
        # over a change made elsewhere in the meantime), so it is stamped like any edit.
        value = answer.value if answer.kind is AnswerKind.LEVEL else None
        record = _edited(row, question_id, answer.kind, value, answer.comment, installation)
        changed.append(put_record(session, respondent.id, row, record))
    session.flush()  # the versions are counted at the flush
    return changed


def write_comment(
    session: Session,
    respondent: Respondent,
    question_id: str,
    text: str,
    expected: Mapping[str, int] | None = None,
) -> Answer | None:
    """Store the comment of one question, with or without an answer; the row when it changed.

    ``expected``: as for :func:`write_answers`.
    """
    row = session.scalars(
        select(Answer).where(
            Answer.respondent_id == respondent.id, Answer.question_id == question_id
        )
    ).one_or_none()
    if row is None and not text:
        return None
    if row is not None and row.comment == text:
        return None
    versions.check_answers(expected, {question_id: row} if row is not None else {}, [question_id])
    installation = installation_id(session)
    kind = AnswerKind(row.kind) if row is not None and row.kind is not None else None
    value = row.value if row is not None else None
    record = _edited(row, question_id, kind, value, text, installation)
    written = put_record(session, respondent.id, row, record)
    session.flush()
    return written


def records_by_respondent(
    session: Session, respondents: Sequence[Respondent]
) -> list[tuple[AnswerRecord, ...]]:
    """Every stored answer (and comment without an answer) with its history, per respondent."""
    ids = [r.id for r in respondents]
    by_id: dict[int, list[AnswerRecord]] = {rid: [] for rid in ids}
    if ids:
        for row in session.scalars(
            select(Answer).where(Answer.respondent_id.in_(ids)).order_by(Answer.id)
        ):
            by_id[row.respondent_id].append(record_of(row))
    return [tuple(by_id[r.id]) for r in respondents]
