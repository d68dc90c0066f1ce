"""The action plan: its rows, one by one or as an edited spreadsheet."""

from __future__ import annotations

from pathlib import Path

from ethics_tool.domain.assessment import ActionData, ActionStatus
from ethics_tool.i18n import t
from ethics_tool.services.assessments import AssessmentUseCases
from ethics_tool.services.base import NotFoundError, ServiceError
from ethics_tool.services.sharing import action_clashes, changed_meanwhile
from ethics_tool.spreadsheets import PlanChanges
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import ActionItem


class ActionPlanUseCases(AssessmentUseCases):
    """Add, change and delete action-plan rows; import an edited plan (over assessments)."""

    # -- action plan ----------------------------------------------------------------------------
    def actions(self, assessment_id: int) -> list[ActionData]:
        """The plan as shown for editing: a later save of a row changed elsewhere is a conflict."""
        with self._session() as session:
            rows = self._get(session, assessment_id).actions
            self.seen.remember_actions(rows)
            return [repo.action_of(a) for a in rows]

    def save_action(self, assessment_id: int, action: ActionData) -> int:
        """Insert (``action.id is None``) or update one action-plan row; returns its ID.

        A row changed or deleted on another computer since :meth:`actions` showed it is not
        overwritten: :class:`ConflictError`.
        """
        if not action.text.strip():
            raise ServiceError(t("an action needs a description"))
        with action_clashes(action.text), self._session() as session, session.begin():
            assessment = self._get(session, assessment_id)
            if action.id is None:
                row = ActionItem(
                    position=max((a.position for a in assessment.actions), default=-1) + 1
                )
                assessment.actions.append(row)
            else:
                found = session.get(ActionItem, action.id)
                if found is not None and found.assessment_id != assessment_id:
                    found = None
                self.seen.check_action(action.id, found, action.text)
                if found is None:
                    raise NotFoundError(t("no action with ID {id}", id=action.id))
                row = found
            row.question_id = action.question_id
            row.text = action.text.strip()
            row.responsible = action.responsible.strip()
            row.deadline = action.deadline
            row.status = ActionStatus(action.status).value
            session.flush()
        self.seen.action_saved(row)
        return row.id

    def delete_action(self, action_id: int) -> None:
        """Delete one row (refused when it was changed elsewhere since it was shown here)."""
        with self._session() as session, session.begin():
            row = session.get(ActionItem, action_id)
            if row is not None:
                with action_clashes(row.text):
                    self.seen.check_action(action_id, row, row.text)
                    session.delete(row)
                    session.flush()
        self.seen.forget_action(action_id)  # gone, here or elsewhere: what the user wanted

    def import_action_plan(self, assessment_id: int, path: Path, apply: bool = True) -> PlanChanges:
        """Read an edited action plan from XLSX; with ``apply`` store it in one transaction.

        The file is validated completely first: a file with any problem changes nothing.
        """
        from ethics_tool import spreadsheets

        data = self.load(assessment_id)
        rows = spreadsheets.read_action_plan(
            path, data.info.uuid, (q.id for _, q in data.form.iter_questions())
        )
        changes = spreadsheets.plan_changes(data.actions, rows, path)
        if not apply or changes.empty:
            return changes
        meanwhile = t("the action plan changed meanwhile; import the file again")
        with changed_meanwhile(meanwhile), self._session() as session, session.begin():
            assessment = self._get(session, assessment_id)
            existing = {a.id: a for a in assessment.actions}
            if set(existing) != {a.id for a in data.actions}:
                raise ServiceError(t("the action plan changed meanwhile; import the file again"))
            removed = {a.id for a in changes.removed}
            for item in list(assessment.actions):
                if item.id in removed:
                    assessment.actions.remove(item)
                    session.delete(item)
            for position, row in enumerate(rows):
                if row.id is None:
                    item = ActionItem()
                    assessment.actions.append(item)
                else:
                    item = existing[row.id]
                item.position = position
                item.question_id = row.question_id
                item.text = row.text
                item.responsible = row.responsible
                item.deadline = row.deadline
                item.status = row.status.value
        return changes
