"""Rows turned into plain domain objects, the counts the home page shows, new action rows and
this installation's id."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import (
    ActionData,
    ActionStatus,
    AssessmentInfo,
    RespondentInfo,
    Status,
)
from ethics_tool.storage.tables import ActionItem, Answer, AppMeta, Assessment, Respondent

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
        round_label=row.round_label,
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


def answer_counts(session: Session) -> dict[int, tuple[int, int]]:
    """(answers of individual respondents, answers of the group) per assessment, for progress."""
    is_group = case((Respondent.role == Role.GROUP.value, 1), else_=0)
    rows = session.execute(
        select(Respondent.assessment_id, is_group, func.count(Answer.id))
        .join(Answer, Answer.respondent_id == Respondent.id)
        .where(Answer.kind.is_not(None))
        .group_by(Respondent.assessment_id, is_group)
    )
    out: dict[int, tuple[int, int]] = {}
    for aid, group, count in rows:
        individual, grp = out.get(aid, (0, 0))
        out[aid] = (individual, grp + count) if group else (individual + count, grp)
    return out


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
    """This database's installation id (created on first use, in the caller's transaction).

    On a server several computers may write their first answer at once: the id is inserted only
    if none is there (waiting for one being inserted meanwhile), then read, so all of them share
    the one that won instead of failing on its key.
    """
    row = session.get(AppMeta, INSTALLATION_KEY)
    if row is None:
        # the dialects' own INSERTs imported here: the PostgreSQL dialect costs ~25 ms to import,
        # which a report or a list on SQLite never needs
        values = {"key": INSTALLATION_KEY, "value": str(uuid_module.uuid4())}
        if session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            session.execute(
                pg_insert(AppMeta).values(values).on_conflict_do_nothing(index_elements=["key"])
            )
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            session.execute(
                sqlite_insert(AppMeta).values(values).on_conflict_do_nothing(index_elements=["key"])
            )
        row = session.get(AppMeta, INSTALLATION_KEY, populate_existing=True)
        assert row is not None
    return row.value
