"""Undo in the desktop program: a removed respondent or action-plan row read whole and put back.

The GUI's undo steps (``gui/dialogs/respondent_undo.py``, ``gui/plan_undo.py``) keep what they
removed; these use cases read it before the removal and restore it in its place afterwards.
"""

from __future__ import annotations

from ethics_tool.domain.answers import Role
from ethics_tool.domain.assessment import ActionData
from ethics_tool.domain.merge import RespondentRecord
from ethics_tool.i18n import t
from ethics_tool.services.base import NotFoundError, ServiceBase
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import Respondent


class RestoreUseCases(ServiceBase):
    """Read a respondent whole; put a respondent or an action back as the n-th of its list."""

    def respondent_record(self, respondent_id: int) -> tuple[RespondentRecord, int]:
        """A respondent with every answer and its history, and its place in the list."""
        with self._session() as session:
            row = session.get(Respondent, respondent_id)
            if row is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            (records,) = repo.records_by_respondent(session, [row])
            record = RespondentRecord(row.uuid, row.label, Role(row.role), records)
            return record, row.assessment.respondents.index(row)

    def restore_respondent(
        self, assessment_id: int, record: RespondentRecord, position: int
    ) -> int:
        """Put a removed respondent back (same UUID, answers and history) as the ``position``-th."""
        with self._session() as session, session.begin():
            assessment = self._get(session, assessment_id)
            self._refuse_if_finished(assessment)
            row = repo.respondent_row(record, position)
            people = list(assessment.respondents)
            people.insert(min(position, len(people)), row)
            for place, person in enumerate(people):
                person.position = place
            assessment.respondents.append(row)
            session.flush()
            return row.id

    def restore_action(self, assessment_id: int, action: ActionData) -> int:
        """Put a removed action back as the ``action.position``-th row (the later ones move down)."""
        with self._session() as session, session.begin():
            assessment = self._get(session, assessment_id)
            row = repo.action_row(action, action.position)
            rows = list(assessment.actions)
            rows.insert(min(action.position, len(rows)), row)
            for place, item in enumerate(rows):
                item.position = place
            assessment.actions.append(row)
            session.flush()
            return row.id
