"""Queries, row construction and every write of answers (with their merge history).

Services open the session and decide; this module turns plain domain objects into rows and back.
Every answer written here is stamped with the time, this installation's id and a version vector,
so that copies of an assessment on several computers merge answer by answer
(:mod:`ethics_tool.domain.merge`).
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import (
    ActionData,
    ActionStatus,
    AssessmentInfo,
    RespondentInfo,
    Status,
)
from ethics_tool.domain.loader import form_hash, form_to_json
from ethics_tool.domain.merge import (
    AnswerRecord,
    Clock,
    MergeSummary,
    Outcome,
    RespondentRecord,
    TransferredAssessment,
    merge_answer,
    tick,
    utc_now,
)
from ethics_tool.domain.merge import (
    Conflict as MergeConflict,
)
from ethics_tool.storage.tables import (
    ActionItem,
    Answer,
    AppMeta,
    Assessment,
    Respondent,
    new_uuid,
)

INSTALLATION_KEY = "installation"


def info_of(row: Assessment) -> AssessmentInfo:
    return AssessmentInfo(
        id=row.id,
        uuid=row.uuid,
        municipality=row.municipality,
        unit_type=row.unit_type,
        unit_name=row.unit_name,
        assessed_on=row.assessed_on,
        prepared_by=row.prepared_by,
        form_id=row.form_id,
        form_version=row.form_version,
        form_hash=row.form_hash,
        mode=Mode(row.mode),
        status=Status(row.status),
        is_demo=row.is_demo,
        previous_id=row.previous_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        lineage=row.lineage,
    )


def respondent_of(row: Respondent) -> RespondentInfo:
    return RespondentInfo(id=row.id, uuid=row.uuid, label=row.label, role=Role(row.role))


def action_of(row: ActionItem) -> ActionData:
    return ActionData(
        id=row.id,
        question_id=row.question_id,
        text=row.text,
        responsible=row.responsible,
        deadline=row.deadline,
        status=ActionStatus(row.status),
        position=row.position,
    )


def answers_by_respondent(
    session: Session, respondents: Sequence[Respondent]
) -> list[RespondentAnswers]:
    """Every answer of ``respondents`` in one query, as plain scoring input."""
    ids = [r.id for r in respondents]
    by_id: dict[int, dict[str, AnswerValue]] = {rid: {} for rid in ids}
    notes: dict[int, dict[str, str]] = {rid: {} for rid in ids}
    if ids:
        rows = session.execute(
            select(
                Answer.respondent_id, Answer.question_id, Answer.kind, Answer.value, Answer.comment
            ).where(Answer.respondent_id.in_(ids))
        )
        for rid, qid, kind, value, comment in rows:
            if kind is None:
                if comment:
                    notes[rid][qid] = comment
            else:
                by_id[rid][qid] = AnswerValue(AnswerKind(kind), value, comment or "")
    return [
        RespondentAnswers(
            key=r.uuid,
            label=r.label,
            role=Role(r.role),
            answers=by_id[r.id],
            notes=notes[r.id],
        )
        for r in respondents
    ]


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


def answer_counts(session: Session) -> dict[int, int]:
    """Number of stored answers per assessment (for progress on the home page)."""
    rows = session.execute(
        select(Respondent.assessment_id, func.count(Answer.id))
        .join(Answer, Answer.respondent_id == Respondent.id)
        .where(Answer.kind.is_not(None))
        .group_by(Respondent.assessment_id)
    )
    return {aid: count for aid, count in rows}


def respondent_counts(session: Session) -> dict[int, tuple[int, int]]:
    """(individual respondents, group respondents) per assessment."""
    rows = session.execute(
        select(Respondent.assessment_id, Respondent.role, func.count(Respondent.id)).group_by(
            Respondent.assessment_id, Respondent.role
        )
    )
    out: dict[int, tuple[int, int]] = {}
    for aid, role, count in rows:
        individual, group = out.get(aid, (0, 0))
        if role == Role.GROUP.value:
            group += count
        else:
            individual += count
        out[aid] = (individual, group)
    return out


def action_row(action: ActionData, position: int) -> ActionItem:
    """A new action-plan row."""
    return ActionItem(
        question_id=action.question_id,
        text=action.text,
        responsible=action.responsible,
        deadline=action.deadline,
        status=ActionStatus(action.status).value,
        position=position,
    )


# -- installation -------------------------------------------------------------------------------
def installation_id(session: Session) -> str:
    """This database's installation id (created on first use, in the caller's transaction)."""
    row = session.get(AppMeta, INSTALLATION_KEY)
    if row is None:
        row = AppMeta(key=INSTALLATION_KEY, value=str(uuid_module.uuid4()))
        session.add(row)
        session.flush()
    return row.value


# -- answers ------------------------------------------------------------------------------------
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


def _apply(row: Answer, record: AnswerRecord) -> None:
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
    _apply(row, record)
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
    session: Session, respondent: Respondent, answers: Mapping[str, AnswerValue | None]
) -> int:
    """Store or clear answers of ``respondent``; returns how many rows changed.

    Clearing an answer keeps its comment (and its history); every answer given is stamped, even
    when it repeats the stored one.
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
    changed = 0
    for question_id, answer in answers.items():
        row = existing.get(question_id)
        if answer is None:
            if row is None or row.kind is None:
                continue
            # The row stays (as a comment, or empty) so its history goes on: a later merge then
            # knows the answer was cleared after the other side's version, not before it.
            _apply(row, _edited(row, question_id, None, None, row.comment, installation))
            changed += 1
            continue
        # Giving the same answer again is still the latest word on it (a merge then prefers it
        # over a change made elsewhere in the meantime), so it is stamped like any edit.
        value = answer.value if answer.kind is AnswerKind.LEVEL else None
        record = _edited(row, question_id, answer.kind, value, answer.comment, installation)
        if row is None:
            row = answer_row(record)
            row.respondent_id = respondent.id
            session.add(row)
        else:
            _apply(row, record)
        changed += 1
    return changed


def write_comment(session: Session, respondent: Respondent, question_id: str, text: str) -> bool:
    """Store the comment of one question, with or without an answer; True when it changed."""
    row = session.scalars(
        select(Answer).where(
            Answer.respondent_id == respondent.id, Answer.question_id == question_id
        )
    ).one_or_none()
    if row is None and not text:
        return False
    if row is not None and row.comment == text:
        return False
    installation = installation_id(session)
    kind = AnswerKind(row.kind) if row is not None and row.kind is not None else None
    value = row.value if row is not None else None
    record = _edited(row, question_id, kind, value, text, installation)
    if row is None:
        row = answer_row(record)
        row.respondent_id = respondent.id
        session.add(row)
    else:
        _apply(row, record)
    return True


# -- assessments --------------------------------------------------------------------------------
def copy_assessment(
    source: Assessment, records: Mapping[int, Iterable[Answer]], actions: Sequence[ActionData]
) -> Assessment:
    """A full copy of ``source`` (answers with their history, action plan) in a new lineage.

    Respondents keep their UUIDs (the same people); the copy gets a new UUID and lineage.
    """
    identity = new_uuid()
    row = Assessment(
        uuid=identity,
        lineage=identity,
        municipality=source.municipality,
        unit_type=source.unit_type,
        unit_name=source.unit_name,
        assessed_on=source.assessed_on,
        prepared_by=source.prepared_by,
        form_id=source.form_id,
        form_version=source.form_version,
        form_hash=source.form_hash,
        form_snapshot=source.form_snapshot,
        mode=source.mode,
        status=Status.IN_PROGRESS.value,
        is_demo=source.is_demo,
        previous_id=source.previous_id,
    )
    for position, person in enumerate(source.respondents):
        respondent = Respondent(
            uuid=person.uuid, label=person.label, role=person.role, position=position
        )
        respondent.answers.extend(
            answer_row(record_of(answer)) for answer in records.get(person.id, ())
        )
        row.respondents.append(respondent)
    row.actions.extend(action_row(a, a.position) for a in actions)
    return row


def respondent_row(person: RespondentRecord, position: int) -> Respondent:
    row = Respondent(
        uuid=person.uuid, label=person.label, role=person.role.value, position=position
    )
    row.answers.extend(answer_row(record) for record in person.answers)
    return row


def assessment_from_transfer(transfer: TransferredAssessment) -> Assessment:
    """A new assessment row holding everything an export file carries (UUIDs kept)."""
    snapshot = form_to_json(transfer.form)
    row = Assessment(
        uuid=transfer.uuid,
        lineage=transfer.lineage,
        municipality=transfer.municipality,
        unit_type=transfer.unit_type,
        unit_name=transfer.unit_name,
        assessed_on=transfer.assessed_on,
        prepared_by=transfer.prepared_by,
        form_id=transfer.form.id,
        form_version=transfer.form.version,
        form_hash=form_hash(snapshot),
        form_snapshot=snapshot,
        mode=transfer.mode.value,
        status=transfer.status.value,
        is_demo=transfer.is_demo,
    )
    for position, person in enumerate(transfer.respondents):
        row.respondents.append(respondent_row(person, position))
    row.actions.extend(action_row(a, i) for i, a in enumerate(transfer.actions))
    return row


def merge_transfer(
    session: Session, target: Assessment, transfer: TransferredAssessment
) -> MergeSummary:
    """Merge the file's respondents and answers into ``target`` answer by answer (never deletes)."""
    summary = MergeSummary(assessment_id=target.id)
    by_uuid = {r.uuid: r for r in target.respondents}
    position = max((r.position for r in target.respondents), default=-1) + 1
    for person in transfer.respondents:
        local = by_uuid.get(person.uuid)
        if local is None:
            target.respondents.append(respondent_row(person, position))
            position += 1
            summary.respondents_added.append(person.label)
            summary.added += sum(1 for record in person.answers if not record.is_empty)
            continue
        rows = records_by_question(session, local.id)
        for incoming in person.answers:
            row = rows.get(incoming.question_id)
            outcome, keep, loser = merge_answer(
                record_of(row) if row is not None else None, incoming
            )
            if outcome is Outcome.ADDED and incoming.is_empty:
                outcome = Outcome.UNCHANGED  # a cleared answer the database never had
            summary.count(outcome)
            if outcome is Outcome.CONFLICT and loser is not None:
                summary.conflicts.append(
                    MergeConflict(
                        respondent=local.label,
                        question_id=incoming.question_id,
                        kept=keep,
                        other=loser,
                    )
                )
            if row is None:
                new = answer_row(keep)
                new.respondent_id = local.id
                session.add(new)
            elif record_of(row) != keep:
                _apply(row, keep)
    if Mode(target.mode) is Mode.SINGLE:
        individuals = [r for r in target.respondents if r.role != Role.GROUP.value]
        if len(individuals) > 1:
            target.mode = Mode.INDIVIDUAL.value
    session.flush()
    return summary
