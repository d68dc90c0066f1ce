"""Use cases shared by the GUI and the CLI: create, answer, score, compare, export, import, report.

Each public method is one unit of work in its own session and commits before it returns, so an answer
is on disk the moment it is given. Methods take and return plain domain objects, never ORM rows.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session, defer

from ethics_tool.domain.answers import AnswerKind, AnswerValue, Mode, Role
from ethics_tool.domain.assessment import (
    ActionData,
    ActionStatus,
    AssessmentData,
    AssessmentInfo,
    AssessmentSummary,
    RespondentInfo,
    Status,
)
from ethics_tool.domain.loader import FormCatalog, form_from_json, form_hash, form_to_json
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t
from ethics_tool.scoring import Comparison, Results, compare, score
from ethics_tool.spreadsheets import PlanChanges

if TYPE_CHECKING:
    from ethics_tool.benchmark.compare import BenchComparison
    from ethics_tool.benchmark.format import Reference, Submission
    from ethics_tool.benchmark.store import ImportReport, SetInfo
from ethics_tool.storage import repository as repo
from ethics_tool.storage.db import Database
from ethics_tool.storage.tables import ActionItem, Answer, Assessment, DilemmaSession, Respondent

if TYPE_CHECKING:
    from ethics_tool.seminar import SeminarService


class ServiceError(UserError):
    """A request that cannot be carried out, with a message for the user."""


class NotFoundError(ServiceError):
    pass


# Parsed form snapshots by their hash: a snapshot never changes, so one parse serves every later use.
_FORMS: dict[str, Questionnaire] = {}


def _parse_snapshot(snapshot_hash: str, snapshot: str) -> Questionnaire:
    form = _FORMS.get(snapshot_hash)
    if form is None:
        form = _FORMS[snapshot_hash] = form_from_json(snapshot)
    return form


@dataclasses.dataclass(frozen=True)
class NewRespondent:
    label: str
    role: Role = Role.OTHER


class Services:
    """The application's use cases over one database and one form catalogue."""

    def __init__(self, db: Database, catalog: FormCatalog) -> None:
        self.db = db
        self.catalog = catalog

    # -- forms --------------------------------------------------------------------------------
    def forms(self) -> list[Questionnaire]:
        return self.catalog.ordered()

    def form(self, form_id: str) -> Questionnaire:
        try:
            return self.catalog.get(form_id)
        except KeyError:
            known = ", ".join(sorted(self.catalog.forms)) or "none"
            raise NotFoundError(
                t("unknown questionnaire “{form}” (known: {known})", form=form_id, known=known)
            ) from None

    # -- helpers ------------------------------------------------------------------------------
    def _session(self) -> Session:
        return self.db.sessions()

    @staticmethod
    def _get(session: Session, assessment_id: int) -> Assessment:
        row = session.get(Assessment, assessment_id)
        if row is None:
            raise NotFoundError(t("no assessment with ID {id}", id=assessment_id))
        return row

    @staticmethod
    def _form_of(row: Assessment) -> Questionnaire:
        # The snapshot column is deferred: it is read from the file only on a cache miss.
        cached = _FORMS.get(row.form_hash)
        return cached if cached is not None else _parse_snapshot(row.form_hash, row.form_snapshot)

    # -- assessments --------------------------------------------------------------------------
    def create_assessment(
        self,
        *,
        municipality: str,
        form_id: str,
        unit_type: str = "dome",
        unit_name: str = "",
        assessed_on: date | None = None,
        mode: Mode = Mode.SINGLE,
        respondents: Sequence[NewRespondent] = (),
        prepared_by: str = "",
        previous_id: int | None = None,
        is_demo: bool = False,
        form: Questionnaire | None = None,
        core_only: bool = False,
    ) -> int:
        """Create an assessment with a snapshot of its form; returns its ID.

        With ``core_only`` the snapshot holds only the form's core subset (a short session).
        """
        municipality = municipality.strip()
        if not municipality:
            raise ServiceError(t("the municipality must not be empty"))
        form = form or self.form(form_id)
        if core_only:
            if not form.has_core:
                raise ServiceError(t("the questionnaire {form} has no core subset", form=form.id))
            form = form.core_subset()
        snapshot = form_to_json(form)
        people = list(respondents)
        if mode is Mode.SINGLE:
            people = people[:1] or [NewRespondent("1", Role.OTHER)]
        elif mode is Mode.INDIVIDUAL and not people:
            raise ServiceError(t("individual mode needs at least one respondent"))
        with self._session() as session, session.begin():
            if previous_id is not None:
                self._get(session, previous_id)
            row = Assessment(
                municipality=municipality,
                unit_type=unit_type.strip() or "dome",
                unit_name=unit_name.strip(),
                assessed_on=assessed_on or date.today(),
                prepared_by=prepared_by.strip(),
                form_id=form.id,
                form_version=form.version,
                form_hash=form_hash(snapshot),
                form_snapshot=snapshot,
                mode=mode.value,
                status=Status.IN_PROGRESS.value,
                is_demo=is_demo,
                previous_id=previous_id,
            )
            position = 0
            if mode is Mode.CONSENSUS:
                row.respondents.append(Respondent(label="Grupa", role=Role.GROUP.value, position=0))
                position = 1
            for i, person in enumerate(people, start=position):
                row.respondents.append(
                    Respondent(
                        label=person.label.strip() or str(i + 1), role=person.role.value, position=i
                    )
                )
            session.add(row)
            session.flush()
            return row.id

    def list_assessments(self, include_archived: bool = True) -> list[AssessmentSummary]:
        """All assessments, newest first, with their progress."""
        with self._session() as session:
            # The snapshots are large: leave them out and parse one per distinct form hash.
            query = (
                select(Assessment)
                .options(defer(Assessment.form_snapshot))
                .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
            )
            if not include_archived:
                query = query.where(Assessment.status != Status.ARCHIVED.value)
            rows = session.scalars(query).all()
            forms = self._forms_by_hash(session, {row.form_hash for row in rows})
            counts = self._answer_counts(session)
            respondents = repo.respondent_counts(session)
            out = []
            for row in rows:
                form = forms[row.form_hash]
                individual, group = respondents.get(row.id, (0, 0))
                mode = Mode(row.mode)
                scoring_people = group if mode is Mode.CONSENSUS else individual
                individual_answers, group_answers = counts.get(row.id, (0, 0))
                given = group_answers if mode is Mode.CONSENSUS else individual_answers
                expected = form.question_count * max(1, scoring_people)
                out.append(
                    AssessmentSummary(
                        info=repo.info_of(row),
                        form_title_lv=form.title.lv,
                        form_title_en=form.title.en,
                        n_respondents=individual,
                        progress=min(100.0, 100.0 * given / expected) if expected else 0.0,
                    )
                )
            return out

    @staticmethod
    def _forms_by_hash(session: Session, hashes: set[str]) -> dict[str, Questionnaire]:
        out: dict[str, Questionnaire] = {}
        for form_hash_value in hashes:
            snapshot = session.scalar(
                select(Assessment.form_snapshot)
                .where(Assessment.form_hash == form_hash_value)
                .limit(1)
            )
            if snapshot is not None:
                out[form_hash_value] = _parse_snapshot(form_hash_value, snapshot)
        return out

    @staticmethod
    def _answer_counts(session: Session) -> dict[int, tuple[int, int]]:
        is_group = case((Respondent.role == Role.GROUP.value, 1), else_=0)
        rows = session.execute(
            select(Respondent.assessment_id, is_group, func.count(Answer.id))
            .join(Answer, Answer.respondent_id == Respondent.id)
            .group_by(Respondent.assessment_id, is_group)
        )
        out: dict[int, tuple[int, int]] = {}
        for aid, group, count in rows:
            individual, grp = out.get(aid, (0, 0))
            out[aid] = (individual, grp + count) if group else (individual + count, grp)
        return out

    def info(self, assessment_id: int) -> AssessmentInfo:
        with self._session() as session:
            return repo.info_of(self._get(session, assessment_id))

    def load(self, assessment_id: int) -> AssessmentData:
        """The assessment with its form snapshot, respondents, answers and action plan."""
        with self._session() as session:
            row = self._get(session, assessment_id)
            return AssessmentData(
                info=repo.info_of(row),
                form=self._form_of(row),
                respondents=[repo.respondent_of(r) for r in row.respondents],
                answers=repo.answers_by_respondent(session, row.respondents),
                actions=[repo.action_of(a) for a in row.actions],
            )

    def update_info(self, assessment_id: int, **fields: object) -> None:
        """Change metadata: municipality, unit_type, unit_name, assessed_on, prepared_by."""
        allowed = {"municipality", "unit_type", "unit_name", "assessed_on", "prepared_by"}
        unknown = set(fields) - allowed
        if unknown:
            raise ServiceError(t("cannot change {fields}", fields=", ".join(sorted(unknown))))
        if "municipality" in fields and not str(fields["municipality"]).strip():
            raise ServiceError(t("the municipality must not be empty"))
        with self._session() as session, session.begin():
            row = self._get(session, assessment_id)
            for name, value in fields.items():
                setattr(row, name, value.strip() if isinstance(value, str) else value)

    def set_status(self, assessment_id: int, status: Status) -> None:
        with self._session() as session, session.begin():
            self._get(session, assessment_id).status = status.value

    def delete(self, assessment_id: int) -> None:
        with self._session() as session, session.begin():
            session.delete(self._get(session, assessment_id))

    def delete_demo(self) -> int:
        """Remove every assessment marked as demo data; returns how many."""
        with self._session() as session, session.begin():
            rows = session.scalars(select(Assessment).where(Assessment.is_demo.is_(True))).all()
            for row in rows:
                session.delete(row)
            session.execute(delete(DilemmaSession).where(DilemmaSession.is_demo.is_(True)))
            return len(rows)

    def new_round(self, assessment_id: int, assessed_on: date | None = None) -> int:
        """Start the next round for the same unit, linked as ``previous`` for comparison.

        The new round uses the current version of the form when it is still available and keeps the
        same respondents (labels and roles) with no answers.
        """
        data = self.load(assessment_id)
        form = self.catalog.forms.get(data.info.form_id, data.form)
        return self.create_assessment(
            municipality=data.info.municipality,
            form_id=form.id,
            form=form,
            unit_type=data.info.unit_type,
            unit_name=data.info.unit_name,
            assessed_on=assessed_on or date.today(),
            mode=data.info.mode,
            respondents=[
                NewRespondent(r.label, r.role) for r in data.respondents if r.role is not Role.GROUP
            ],
            prepared_by=data.info.prepared_by,
            previous_id=assessment_id,
            is_demo=data.info.is_demo,
        )

    def duplicate(self, assessment_id: int) -> int:
        """A full copy (answers, comments, action plan) as a new, unlinked assessment."""
        data = self.load(assessment_id)
        with self._session() as session, session.begin():
            source = self._get(session, assessment_id)
            row = Assessment(
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
            for position, (person, answers) in enumerate(
                zip(data.respondents, data.answers, strict=True)
            ):
                respondent = Respondent(
                    label=person.label, role=person.role.value, position=position
                )
                respondent.answers.extend(
                    repo.answer_row(qid, answer) for qid, answer in answers.answers.items()
                )
                row.respondents.append(respondent)
            row.actions.extend(repo.action_row(a, a.position) for a in data.actions)
            session.add(row)
            session.flush()
            return row.id

    # -- respondents ----------------------------------------------------------------------------
    def add_respondent(self, assessment_id: int, label: str, role: Role = Role.OTHER) -> int:
        label = label.strip()
        if not label:
            raise ServiceError(t("a respondent needs a label (e.g. “Deputāts 1”)"))
        if role is Role.GROUP:
            raise ServiceError(t("the group respondent is created with a consensus assessment"))
        with self._session() as session, session.begin():
            row = self._get(session, assessment_id)
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
            row.label = label
            if row.role != Role.GROUP.value and role is not Role.GROUP:
                row.role = role.value

    def remove_respondent(self, respondent_id: int) -> None:
        """Remove a respondent and their answers (refused for the last or the group respondent)."""
        with self._session() as session, session.begin():
            row = session.get(Respondent, respondent_id)
            if row is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
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
        """Store or clear several answers of one respondent in one transaction (all or none)."""
        with self._session() as session, session.begin():
            respondent = session.get(Respondent, respondent_id)
            if respondent is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            form = self._form_of(respondent.assessment)
            for question_id, answer in answers.items():
                problem = form.answer_problem(question_id, answer)
                if problem is not None:
                    raise ServiceError(f"{question_id}: {problem}")
            existing = {
                row.question_id: row
                for row in session.scalars(
                    select(Answer).where(
                        Answer.respondent_id == respondent_id,
                        Answer.question_id.in_(list(answers)),
                    )
                )
            }
            for question_id, answer in answers.items():
                row = existing.get(question_id)
                if answer is None:
                    if row is not None:
                        session.delete(row)
                    continue
                if row is None:
                    row = Answer(respondent_id=respondent_id, question_id=question_id)
                    session.add(row)
                row.kind = answer.kind.value
                row.value = answer.value if answer.kind is AnswerKind.LEVEL else None
                row.comment = answer.comment
            respondent.assessment.updated_at = func.current_timestamp()

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

    # -- action plan ----------------------------------------------------------------------------
    def actions(self, assessment_id: int) -> list[ActionData]:
        with self._session() as session:
            return [repo.action_of(a) for a in self._get(session, assessment_id).actions]

    def save_action(self, assessment_id: int, action: ActionData) -> int:
        """Insert (``action.id is None``) or update one action-plan row; returns its ID."""
        if not action.text.strip():
            raise ServiceError(t("an action needs a description"))
        with self._session() as session, session.begin():
            assessment = self._get(session, assessment_id)
            if action.id is None:
                row = ActionItem(
                    position=max((a.position for a in assessment.actions), default=-1) + 1
                )
                assessment.actions.append(row)
            else:
                found = session.get(ActionItem, action.id)
                if found is None or found.assessment_id != assessment_id:
                    raise NotFoundError(t("no action with ID {id}", id=action.id))
                row = found
            row.question_id = action.question_id
            row.text = action.text.strip()
            row.responsible = action.responsible.strip()
            row.deadline = action.deadline
            row.status = ActionStatus(action.status).value
            session.flush()
            return row.id

    def delete_action(self, action_id: int) -> None:
        with self._session() as session, session.begin():
            session.execute(delete(ActionItem).where(ActionItem.id == action_id))

    # -- files ----------------------------------------------------------------------------------
    def build_report(
        self,
        assessment_id: int,
        path: Path,
        lang: str = "lv",
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Write the PDF report (imported lazily: ReportLab is heavy at start-up)."""
        data = self.load(assessment_id)
        from ethics_tool.report import build_report

        results = self.score(data)
        build_report(
            data,
            results,
            path,
            lang=lang,
            previous=self.previous_round(assessment_id),
            progress=progress,
            benchmark=self.benchmark_comparison_of(data, results),
        )

    def export_json(self, assessment_id: int, path: Path) -> None:
        from ethics_tool import exchange

        data = self.load(assessment_id)
        exchange.write_export(data, self.score(data), path)

    def import_json(self, path: Path, merge_into: int | None = None) -> int:
        from ethics_tool import exchange

        return exchange.import_file(self, path, merge_into=merge_into)

    # -- seminar kit --------------------------------------------------------------------------
    @functools.cached_property
    def seminar(self) -> SeminarService:
        """Dilemma cards and the sessions in which they were discussed."""
        from ethics_tool.seminar import SeminarService

        return SeminarService(self.db)

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

    # -- spreadsheets ---------------------------------------------------------------------------
    def export_spreadsheet(self, assessment_id: int, path: Path, lang: str = "lv") -> None:
        """Results and action plan as XLSX or CSV (by the file's extension)."""
        from ethics_tool import spreadsheets

        data = self.load(assessment_id)
        spreadsheets.write_spreadsheet(data, self.score(data), path, lang=lang)

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
        with self._session() as session, session.begin():
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

    # -- benchmark ------------------------------------------------------------------------------
    def benchmark_submission(
        self,
        assessment_id: int,
        *,
        municipality_type: str | None = None,
        size_class: str,
        include_questions: bool = False,
        include_name: bool = False,
    ) -> Submission:
        """The anonymous benchmark submission of an assessment (to preview or to save)."""
        from ethics_tool.benchmark import format as bench

        data = self.load(assessment_id)
        kind = municipality_type or bench.municipality_type_of(data.info.municipality)
        if kind is None:
            raise ServiceError(
                t(
                    "the type of “{name}” is not known: choose state city or novads",
                    name=data.info.municipality,
                )
            )
        return bench.make_submission(
            data,
            self.score(data),
            municipality_type=kind,
            size_class=size_class,
            include_questions=include_questions,
            include_name=include_name,
        )

    def export_benchmark(self, submission: Submission, path: Path, text: str | None = None) -> None:
        """Write a submission (``text``: the exact text the user was shown)."""
        from ethics_tool.benchmark import format as bench

        bench.write_document(submission, path, text)

    def import_benchmark(self, paths: Sequence[Path]) -> ImportReport:
        """Add benchmark files to the collector's set; re-sent files replace, never double.

        Every file is checked on its own: a refused file is listed with its reason and changes
        nothing; the good ones are stored in one transaction.
        """
        from ethics_tool.benchmark import format as bench
        from ethics_tool.benchmark import store

        report = store.ImportReport()
        with self._session() as session, session.begin():
            for path in paths:
                try:
                    document, checksum = bench.read_document(path)
                except bench.BenchmarkError as exc:
                    report.refused.append((path, exc.message))
                    continue
                if not isinstance(document, bench.Submission):
                    report.refused.append(
                        (path, t("{path}: a published reference, not a submission", path=path))
                    )
                    continue
                outcome = store.add_submission(session, document, checksum)
                {"added": report.added, "replaced": report.replaced}.get(
                    outcome, report.duplicates
                ).append(path)
        return report

    def benchmark_sets(self) -> list[SetInfo]:
        from ethics_tool.benchmark import store

        with self._session() as session:
            return store.sets(session)

    def clear_benchmark(self) -> int:
        from ethics_tool.benchmark import store

        with self._session() as session, session.begin():
            return store.clear(session)

    def benchmark_aggregate(
        self, form_id: str | None = None, year: int | None = None, publisher: str = ""
    ) -> Reference:
        """Aggregates (quartiles, suppressed below 5) of one form version and year of the set.

        Without ``form_id``/``year`` the newest year's largest part is used.
        """
        from ethics_tool.benchmark import store
        from ethics_tool.benchmark.aggregate import aggregate

        with self._session() as session:
            parts = store.sets(session)
            chosen = [
                p
                for p in parts
                if (form_id is None or p.key.form_id == form_id)
                and (year is None or p.key.year == year)
            ]
            if not chosen:
                raise ServiceError(
                    t("the benchmark set has no files for this questionnaire and year")
                    if parts
                    else t("the benchmark set is empty: import benchmark files first")
                )
            part = chosen[0]
            submissions = store.submissions(session, part.key)
        form = self.catalog.forms.get(part.key.form_id)
        if form is not None and form.version == part.key.form_version:
            titles = {th.id: th.title for th in form.themes}
        else:
            from ethics_tool.domain.questionnaire import Text

            ids: dict[str, None] = {}
            for submission in submissions:
                ids.update(dict.fromkeys(submission.themes))
            titles = {tid: Text(lv=tid, en=tid) for tid in ids}
        return aggregate(submissions, titles, part.key, publisher=publisher.strip())

    def publish_benchmark(
        self,
        path: Path,
        form_id: str | None = None,
        year: int | None = None,
        publisher: str = "",
    ) -> Reference:
        """Write the reference file (aggregates only) that the association sends back."""
        from ethics_tool.benchmark import format as bench

        reference = self.benchmark_aggregate(form_id, year, publisher)
        if not reference.groups:
            raise ServiceError(
                t(
                    "nothing can be published: fewer than {n} municipalities in every group",
                    n=bench.MIN_GROUP,
                )
            )
        bench.write_document(reference, path)
        return reference

    def load_reference(self, path: Path) -> tuple[Reference, bool]:
        """Keep a published reference for comparisons; (reference, False) if loaded before."""
        from ethics_tool.benchmark import format as bench
        from ethics_tool.benchmark import store

        document, checksum = bench.read_document(path)
        if not isinstance(document, bench.Reference):
            raise ServiceError(
                t(
                    "{path}: this is one municipality's benchmark file; load the reference "
                    "the association published",
                    path=path,
                )
            )
        with self._session() as session, session.begin():
            new = store.save_reference(session, document, checksum)
        return document, new

    def benchmark_comparison(self, assessment_id: int) -> BenchComparison | None:
        """The assessment against the newest loaded reference of its questionnaire, if any."""
        data = self.load(assessment_id)
        return self.benchmark_comparison_of(data, self.score(data))

    def benchmark_comparison_of(
        self, data: AssessmentData, results: Results
    ) -> BenchComparison | None:
        from ethics_tool.benchmark import store
        from ethics_tool.benchmark.compare import compare_with

        with self._session() as session:
            found = store.references(session, data.form.id)
        same = [r for r in found if r.form_hash == data.info.form_hash]
        for reference in same + [r for r in found if r not in same]:
            return compare_with(reference, data.form, data.info, results)
        return None
