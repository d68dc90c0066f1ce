"""Rows turned into plain domain objects, new action rows and this installation's id.

The plain view of an assessment (:func:`info_of`) and the counts the home list shows live in
:mod:`ethics_tool.storage.listing`, which reads with SQLAlchemy's core only.
"""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ethics_tool.domain.answers import AnswerKind, AnswerValue, RespondentAnswers, Role
from ethics_tool.domain.assessment import ActionData, ActionStatus, RespondentInfo
from ethics_tool.storage.listing import info_of as info_of
from ethics_tool.storage.tables import ActionItem, Answer, AppMeta, Respondent

INSTALLATION_KEY = "installation"


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
