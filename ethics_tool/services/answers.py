"""Respondents and their answers and comments, each change committed at once."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func

from ethics_tool.domain.answers import AnswerValue, Mode, Role
from ethics_tool.domain.assessment import RespondentInfo
from ethics_tool.i18n import t
from ethics_tool.services.base import NotFoundError, ServiceBase, ServiceError
from ethics_tool.services.sharing import answer_clashes
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import Respondent


class AnswerUseCases(ServiceBase):
    """Add, rename and remove respondents; record answers and comments."""

    # -- respondents ----------------------------------------------------------------------------
    def add_respondent(self, assessment_id: int, label: str, role: Role = Role.OTHER) -> int:
        label = label.strip()
        if not label:
            raise ServiceError(t("a respondent needs a label (e.g. “Deputāts 1”)"))
        if role is Role.GROUP:
            raise ServiceError(t("the group respondent is created with a consensus assessment"))
        with self._session() as session, session.begin():
            row = self._get(session, assessment_id)
            self._refuse_if_finished(row)
            if Mode(row.mode) is Mode.SINGLE and row.respondents:
                row.mode = Mode.INDIVIDUAL.value
            position = max((r.position for r in row.respondents), default=-1) + 1
            respondent = Respondent(label=label, role=role.value, position=position)
            row.respondents.append(respondent)
            session.flush()
            return respondent.id

    def update_respondent(self, respondent_id: int, label: str, role: Role) -> None:
        label = label.strip()
        if not label:
            raise ServiceError(t("a respondent needs a label (e.g. “Deputāts 1”)"))
        with self._session() as session, session.begin():
            row = session.get(Respondent, respondent_id)
            if row is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            self._refuse_if_finished(row.assessment)
            row.label = label
            if row.role != Role.GROUP.value and role is not Role.GROUP:
                row.role = role.value

    def remove_respondent(self, respondent_id: int) -> None:
        """Remove a respondent and their answers (refused for the last or the group respondent)."""
        with self._session() as session, session.begin():
            row = session.get(Respondent, respondent_id)
            if row is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            self._refuse_if_finished(row.assessment)
            if row.role == Role.GROUP.value:
                raise ServiceError(t("the group's agreed answers cannot be removed"))
            others = [
                r
                for r in row.assessment.respondents
                if r.id != row.id and r.role != Role.GROUP.value
            ]
            if not others and Mode(row.assessment.mode) is not Mode.CONSENSUS:
                raise ServiceError(t("an assessment needs at least one respondent"))
            session.delete(row)
        self.seen.forget_respondent(respondent_id)

    def respondents(self, assessment_id: int) -> list[RespondentInfo]:
        with self._session() as session:
            return [repo.respondent_of(r) for r in self._get(session, assessment_id).respondents]

    # -- answers --------------------------------------------------------------------------------
    def record_answer(
        self, respondent_id: int, question_id: str, answer: AnswerValue | None
    ) -> None:
        """Store (or, with ``None``, clear) one answer and commit at once."""
        self.record_answers(respondent_id, {question_id: answer})

    def record_answers(self, respondent_id: int, answers: Mapping[str, AnswerValue | None]) -> None:
        """Store or clear several answers of one respondent in one transaction (all or none).

        When one of them was changed on another computer after this program showed it, nothing is
        saved and :class:`ConflictError` says so (services/sharing.py).
        """
        with answer_clashes(answers), self._session() as session, session.begin():
            respondent = session.get(Respondent, respondent_id)
            if respondent is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            self._refuse_if_finished(respondent.assessment)
            form = self._form_of(respondent.assessment)
            for question_id, answer in answers.items():
                problem = form.answer_problem(question_id, answer)
                if problem is not None:
                    raise ServiceError(f"{question_id}: {problem}")
            written = repo.write_answers(
                session, respondent, answers, self.seen.expected(respondent_id)
            )
            if written:
                respondent.assessment.updated_at = func.current_timestamp()
        self.seen.answers_saved(respondent_id, written)

    def record_comment(self, respondent_id: int, question_id: str, text: str) -> None:
        """Store the comment on one question, whether or not it has an answer yet."""
        with answer_clashes([question_id]), self._session() as session, session.begin():
            respondent = session.get(Respondent, respondent_id)
            if respondent is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            self._refuse_if_finished(respondent.assessment)
            problem = self._form_of(respondent.assessment).answer_problem(question_id, None)
            if problem is not None:
                raise ServiceError(f"{question_id}: {problem}")
            written = repo.write_comment(
                session, respondent, question_id, text, self.seen.expected(respondent_id)
            )
            if written is not None:
                respondent.assessment.updated_at = func.current_timestamp()
        if written is not None:
            self.seen.answers_saved(respondent_id, [written])
