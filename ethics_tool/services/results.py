"""Scores of an assessment, the previous round, the comparison and every round of one unit."""

from __future__ import annotations

from sqlalchemy import select

from ethics_tool.domain.assessment import AssessmentData, AssessmentInfo
from ethics_tool.scoring import Comparison, Results, compare, score
from ethics_tool.services.assessments import AssessmentUseCases
from ethics_tool.services.base import NotFoundError
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import Assessment


class ResultUseCases(AssessmentUseCases):
    """Scoring, previous round and comparison (over :class:`AssessmentUseCases`)."""

    # -- results --------------------------------------------------------------------------------
    def results(self, assessment_id: int) -> Results:
        data = self.load(assessment_id)
        return score(data.form, data.answers, data.info.mode)

    @staticmethod
    def score(data: AssessmentData) -> Results:
        return score(data.form, data.answers, data.info.mode)

    def previous_round(self, assessment_id: int) -> tuple[AssessmentData, Results] | None:
        info = self.info(assessment_id)
        if info.previous_id is None:
            return None
        try:
            previous = self.load(info.previous_id)
        except NotFoundError:
            return None
        return previous, self.score(previous)

    def comparison(self, assessment_id: int) -> Comparison | None:
        previous = self.previous_round(assessment_id)
        if previous is None:
            return None
        return compare(self.results(assessment_id), previous[1])

    def rounds_of_unit(self, assessment_id: int) -> list[AssessmentInfo]:
        """Every assessment of the same municipality and unit, oldest first."""
        info = self.info(assessment_id)
        with self._session() as session:
            rows = session.scalars(
                select(Assessment)
                .where(
                    Assessment.municipality == info.municipality,
                    Assessment.unit_type == info.unit_type,
                    Assessment.unit_name == info.unit_name,
                )
                .order_by(Assessment.assessed_on, Assessment.id)
            ).all()
            return [repo.info_of(r) for r in rows]
