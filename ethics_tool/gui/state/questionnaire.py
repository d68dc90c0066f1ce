"""What the questionnaire page edits, as plain Python: tests drive it without Qt.

A :class:`QuestionnaireSession` holds one assessment's answers as the page shows them, the comments
typed before an answer exists, the current position and respondent. It never writes to the database:
the page records an answer through the services first and then tells the session
(:meth:`QuestionnaireSession.answer_recorded`), so the session only ever shows what was saved.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ethics_tool.domain.answers import AnswerValue, Mode, RespondentAnswers, Role
from ethics_tool.domain.assessment import AssessmentData, RespondentInfo
from ethics_tool.domain.questionnaire import Question, Theme
from ethics_tool.scoring import QuestionResult, score_question


@dataclass
class QuestionnaireSession:
    """One assessment being answered: answers per respondent, position, pending comments."""

    data: AssessmentData
    answers: dict[int, dict[str, AnswerValue]]  # respondent id -> question id -> answer
    order: list[tuple[Theme, Question]]  # every question in the form's order
    respondent_id: int | None
    position: int = 0
    pending_comments: dict[tuple[int, str], str] = field(default_factory=dict)

    @classmethod
    def start(cls, data: AssessmentData) -> QuestionnaireSession:
        """A session on the first unanswered question, for the group in a consensus workshop."""
        answers = {
            person.id: dict(given.answers)
            for person, given in zip(data.respondents, data.answers, strict=True)
        }
        group = next((r for r in data.respondents if r.role is Role.GROUP), None)
        if data.info.mode is Mode.CONSENSUS and group is not None:
            respondent_id: int | None = group.id
        else:
            respondent_id = data.respondents[0].id if data.respondents else None
        session = cls(data, answers, list(data.form.iter_questions()), respondent_id)
        # Comments stored without an answer show again when their question comes up.
        for person, given in zip(data.respondents, data.answers, strict=True):
            for question_id, text in given.notes.items():
                session.pending_comments[(person.id, question_id)] = text
        first = session.first_unanswered(0)
        session.position = first if first is not None else 0
        return session

    # -- who ----------------------------------------------------------------------------------------
    @property
    def respondents(self) -> list[RespondentInfo]:
        return self.data.respondents

    @property
    def group(self) -> RespondentInfo | None:
        return next((r for r in self.data.respondents if r.role is Role.GROUP), None)

    @property
    def individuals(self) -> list[RespondentInfo]:
        return [r for r in self.data.respondents if r.role is not Role.GROUP]

    def has_respondent(self, respondent_id: int | None) -> bool:
        return any(person.id == respondent_id for person in self.data.respondents)

    def choose_respondent(self, respondent_id: int) -> None:
        self.respondent_id = respondent_id

    def showing_group(self) -> bool:
        """True when the group's answer is shown and there are individual answers to put beside it."""
        group = self.group
        return group is not None and self.respondent_id == group.id and bool(self.individuals)

    # -- where --------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.order)

    def go_to(self, position: int) -> int:
        """Move to ``position`` (kept inside the questionnaire); returns where the session is."""
        if self.order:
            self.position = max(0, min(position, len(self.order) - 1))
        return self.position

    @property
    def at_first(self) -> bool:
        return self.position <= 0

    @property
    def at_last(self) -> bool:
        return self.position >= len(self.order) - 1

    def current(self) -> tuple[Theme, Question] | None:
        return self.order[self.position] if self.order else None

    def current_question(self) -> Question | None:
        current = self.current()
        return current[1] if current is not None else None

    def first_unanswered(self, start: int) -> int | None:
        """The first position from ``start`` on (wrapping round) without an answer, or None."""
        given = self.answers_of(self.respondent_id)
        count = len(self.order)
        for step in range(count):
            position = (start + step) % count
            if self.order[position][1].id not in given:
                return position
        return None

    def next_unanswered(self) -> int | None:
        return self.first_unanswered(self.position + 1)

    # -- what ---------------------------------------------------------------------------------------
    def answers_of(self, respondent_id: int | None) -> dict[str, AnswerValue]:
        if respondent_id is None:
            return {}
        return self.answers.get(respondent_id, {})

    def current_answer(self) -> AnswerValue | None:
        question = self.current_question()
        if question is None:
            return None
        return self.answers_of(self.respondent_id).get(question.id)

    def current_comment(self) -> str:
        """The comment of the current answer, or the one typed before there was an answer."""
        answer = self.current_answer()
        if answer is not None:
            return answer.comment
        question = self.current_question()
        if question is None or self.respondent_id is None:
            return ""
        return self.pending_comments.get((self.respondent_id, question.id), "")

    def comment_of(self, question_id: str) -> str:
        """The current respondent's comment on ``question_id`` (saved or kept until answered)."""
        if self.respondent_id is None:
            return ""
        answer = self.answers_of(self.respondent_id).get(question_id)
        if answer is not None:
            return answer.comment
        return self.pending_comments.get((self.respondent_id, question_id), "")

    def answered(self, respondent_id: int | None = None) -> int:
        """How many questions ``respondent_id`` (default: the current respondent) has answered."""
        given = self.answers_of(self.respondent_id if respondent_id is None else respondent_id)
        return sum(1 for _, question in self.order if question.id in given)

    def theme_progress(self, theme: Theme) -> tuple[int, int]:
        """(answered, questions) of ``theme`` for the current respondent."""
        given = self.answers_of(self.respondent_id)
        return sum(1 for q in theme.questions if q.id in given), len(theme.questions)

    # -- changes ------------------------------------------------------------------------------------
    def answer_recorded(
        self, question_id: str, answer: AnswerValue | None, comment: str = ""
    ) -> None:
        """The current respondent's answer was saved; ``None`` cleared it, keeping ``comment``."""
        if self.respondent_id is None:
            return
        given = self.answers.setdefault(self.respondent_id, {})
        key = (self.respondent_id, question_id)
        if answer is None:
            given.pop(question_id, None)
            self.pending_comments[key] = comment
        else:
            given[question_id] = answer
            self.pending_comments.pop(key, None)

    def keep_comment(self, text: str) -> None:
        """The comment of the current question was saved (with or without an answer)."""
        question = self.current_question()
        if question is None or self.respondent_id is None:
            return
        given = self.answers.setdefault(self.respondent_id, {})
        answer = given.get(question.id)
        if answer is not None:
            given[question.id] = dataclasses.replace(answer, comment=text)
        elif text:
            self.pending_comments[(self.respondent_id, question.id)] = text
        else:
            self.pending_comments.pop((self.respondent_id, question.id), None)

    # -- consensus -----------------------------------------------------------------------------------
    def individual_answers(
        self, question_id: str
    ) -> list[tuple[RespondentInfo, AnswerValue | None]]:
        """Each individual respondent with their answer to ``question_id`` (None: not yet)."""
        return [
            (person, self.answers_of(person.id).get(question_id)) for person in self.individuals
        ]

    def question_result(self, question_id: str) -> QuestionResult:
        """The scored result of one question with the answers as they are now."""
        respondents = [
            RespondentAnswers(
                key=given.key,
                label=given.label,
                role=given.role,
                answers=self.answers_of(person.id),
            )
            for person, given in zip(self.data.respondents, self.data.answers, strict=True)
        ]
        return score_question(self.data.form, question_id, respondents, self.data.info.mode)
