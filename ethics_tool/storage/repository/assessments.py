"""Whole assessments as rows: a copy, a new one from an export file, and the merge of a file into
an existing one answer by answer (never deleting)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy.orm import Session

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import ActionData, Status
from ethics_tool.domain.loader import form_hash, form_to_json
from ethics_tool.domain.merge import (
    Conflict as MergeConflict,
)
from ethics_tool.domain.merge import (
    MergeSummary,
    Outcome,
    RespondentRecord,
    TransferredAssessment,
    merge_answer,
)
from ethics_tool.storage.repository.answers import (
    answer_row,
    put_record,
    record_of,
    records_by_question,
)
from ethics_tool.storage.repository.views import action_row
from ethics_tool.storage.tables import Answer, Assessment, Respondent, new_uuid


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
        round_label=source.round_label,
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
        round_label=transfer.round_label,
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
            if row is None or record_of(row) != keep:
                put_record(session, local.id, row, keep)
    if Mode(target.mode) is Mode.SINGLE:
        individuals = [r for r in target.respondents if r.role != Role.GROUP.value]
        if len(individuals) > 1:
            target.mode = Mode.INDIVIDUAL.value
    session.flush()
    return summary
