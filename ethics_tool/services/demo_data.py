"""The demo story persisted as assessments and seminar sessions, and removed again."""

from __future__ import annotations

import logging

from sqlalchemy import delete, select

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.services.action_plan import ActionPlanUseCases
from ethics_tool.services.answers import AnswerUseCases
from ethics_tool.services.assessments import NewRespondent
from ethics_tool.storage.tables import Assessment, DilemmaSession

log = logging.getLogger(__name__)


class DemoUseCases(AnswerUseCases, ActionPlanUseCases):
    """Create the demo data once, find it, delete it (over answers and the action plan)."""

    def demo_id(self) -> int | None:
        """The newest demo assessment, or None when there is no demo data."""
        with self._session() as session:
            return session.scalar(
                select(Assessment.id)
                .where(Assessment.is_demo.is_(True))
                .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
                .limit(1)
            )

    def create_demo(self) -> int:
        """Persist the demo story (see :mod:`ethics_tool.demo`); returns the assessment to open.

        When demo data is already there, nothing is added and its newest assessment is returned,
        so the demo is never doubled.
        """
        from ethics_tool import demo
        from ethics_tool.seminar import SessionRecord

        existing = self.demo_id()
        if existing is not None:
            return existing
        story = demo.build_story(self.catalog.forms)
        ids: dict[str, int] = {}
        for item in story.assessments:
            assessment_id = self.create_assessment(
                municipality=item.municipality,
                form_id=item.form_id,
                unit_type=item.unit_type,
                unit_name=item.unit_name,
                assessed_on=item.assessed_on,
                round_label=item.round_label,
                mode=item.mode,
                respondents=[NewRespondent(label, role) for label, role in item.respondents],
                prepared_by=item.prepared_by,
                previous_id=ids[item.previous] if item.previous else None,
                is_demo=True,
            )
            ids[item.key] = assessment_id
            data = self.load(assessment_id)
            scoring = [
                r
                for r in data.respondents
                if (r.role is Role.GROUP) == (item.mode is Mode.CONSENSUS)
            ]
            for person, answers in zip(scoring, item.answers, strict=False):
                self.record_answers(person.id, dict(answers))
            for action in item.actions:
                self.save_action(assessment_id, action)
            self.set_status(assessment_id, item.status)
        self.seminar.save_many(
            SessionRecord(
                dilemma_id=s.dilemma_id,
                dilemma_title=s.dilemma_title,
                tallies=s.tallies,
                notes=s.notes,
                discussion_seconds=s.minutes * 60,
                assessment_id=ids[s.assessment],
                held_at=s.held_at,
                is_demo=True,
            )
            for s in story.sessions
        )
        return ids[story.newest]

    def delete_demo(self) -> int:
        """Remove every assessment marked as demo data; returns how many."""
        with self._session() as session, session.begin():
            rows = session.scalars(select(Assessment).where(Assessment.is_demo.is_(True))).all()
            for row in rows:
                session.delete(row)
            session.execute(delete(DilemmaSession).where(DilemmaSession.is_demo.is_(True)))
        log.info("deleted %d demo assessments", len(rows))
        return len(rows)
