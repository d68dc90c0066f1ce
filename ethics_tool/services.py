"""Use cases shared by the GUI and the CLI: create, answer, score, compare, export, import, report.

Each public method is one unit of work in its own session and commits before it returns, so an answer
is on disk the moment it is given. Methods take and return plain domain objects, never ORM rows.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
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
from ethics_tool.domain.merge import AnswerRecord, MergeSummary, TransferredAssessment
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
from ethics_tool.storage.tables import (
    ActionItem,
    Answer,
    Assessment,
    DilemmaSession,
    Respondent,
    new_uuid,
)

if TYPE_CHECKING:
    from ethics_tool.seminar import SeminarService

log = logging.getLogger(__name__)


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
    uuid: str | None = None  # kept from an earlier round: the same person


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
            identity = new_uuid()
            row = Assessment(
                uuid=identity,
                lineage=identity,  # a new round or assessment starts its own lineage
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
                respondent = Respondent(
                    label=person.label.strip() or str(i + 1), role=person.role.value, position=i
                )
                if person.uuid:
                    respondent.uuid = person.uuid
                row.respondents.append(respondent)
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
            .where(Answer.kind.is_not(None))
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

    def load(self, assessment_id: int, with_history: bool = False) -> AssessmentData:
        """The assessment with its form snapshot, respondents, answers and action plan.

        ``with_history`` adds every answer's merge history (for an export).
        """
        with self._session() as session:
            row = self._get(session, assessment_id)
            return AssessmentData(
                info=repo.info_of(row),
                form=self._form_of(row),
                respondents=[repo.respondent_of(r) for r in row.respondents],
                answers=repo.answers_by_respondent(session, row.respondents),
                actions=[repo.action_of(a) for a in row.actions],
                records=(
                    repo.records_by_respondent(session, row.respondents) if with_history else None
                ),
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
            row = self._get(session, assessment_id)
            description = (
                f"{row.municipality} / {row.unit_name or row.unit_type} / {row.assessed_on}"
            )
            session.delete(row)
        log.info("deleted assessment %s (%s)", assessment_id, description)

    def delete_demo(self) -> int:
        """Remove every assessment marked as demo data; returns how many."""
        with self._session() as session, session.begin():
            rows = session.scalars(select(Assessment).where(Assessment.is_demo.is_(True))).all()
            for row in rows:
                session.delete(row)
            session.execute(delete(DilemmaSession).where(DilemmaSession.is_demo.is_(True)))
        log.info("deleted %d demo assessments", len(rows))
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
                NewRespondent(r.label, r.role, r.uuid)
                for r in data.respondents
                if r.role is not Role.GROUP
            ],
            prepared_by=data.info.prepared_by,
            previous_id=assessment_id,
            is_demo=data.info.is_demo,
        )

    def duplicate(self, assessment_id: int) -> int:
        """A full copy (answers, comments, action plan) as a new, unlinked assessment."""
        with self._session() as session, session.begin():
            source = self._get(session, assessment_id)
            answers: dict[int, list[Answer]] = {}
            for answer in session.scalars(
                select(Answer)
                .join(Respondent, Answer.respondent_id == Respondent.id)
                .where(Respondent.assessment_id == assessment_id)
            ):
                answers.setdefault(answer.respondent_id, []).append(answer)
            actions = [repo.action_of(a) for a in source.actions]
            row = repo.copy_assessment(source, answers, actions)
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
            if repo.write_answers(session, respondent, answers):
                respondent.assessment.updated_at = func.current_timestamp()

    def record_comment(self, respondent_id: int, question_id: str, text: str) -> None:
        """Store the comment on one question, whether or not it has an answer yet."""
        with self._session() as session, session.begin():
            respondent = session.get(Respondent, respondent_id)
            if respondent is None:
                raise NotFoundError(t("no respondent with ID {id}", id=respondent_id))
            problem = self._form_of(respondent.assessment).answer_problem(question_id, None)
            if problem is not None:
                raise ServiceError(f"{question_id}: {problem}")
            if repo.write_comment(session, respondent, question_id, text):
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

        data = self.load(assessment_id, with_history=True)
        exchange.write_export(data, self.score(data), path)
        log.info("exported assessment %s to %s", assessment_id, path)

    def import_json(self, path: Path, merge_into: int | None = None) -> MergeSummary:
        """Import an export as a new assessment, or merge it answer by answer into ``merge_into``.

        The whole file is validated first; the import is one transaction. A merge never deletes an
        answer; see :mod:`ethics_tool.domain.merge` for how both-sides changes are settled.
        """
        from ethics_tool import exchange

        transfer = exchange.read_transfer(path)
        if merge_into is None:
            summary = self._import_new(path, transfer)
            log.info(
                "imported %s as assessment %s (%d respondents, %d answers)",
                path,
                summary.assessment_id,
                len(summary.respondents_added),
                summary.added,
            )
        else:
            summary = self._merge(path, transfer, merge_into)
            log.info(
                "merged %s into assessment %s: %d respondents added, %d answers added, "
                "%d updated, %d unchanged, %d conflicts",
                path,
                merge_into,
                len(summary.respondents_added),
                summary.added,
                summary.updated,
                summary.unchanged,
                len(summary.conflicts),
            )
            for conflict in summary.conflicts:
                log.info(
                    "conflict %s / %s: kept %s (%s), set aside %s (%s)",
                    conflict.respondent,
                    conflict.question_id,
                    conflict.kept.content,
                    conflict.kept.updated_at,
                    conflict.other.content,
                    conflict.other.updated_at,
                )
        return summary

    def _import_new(self, path: Path, transfer: TransferredAssessment) -> MergeSummary:
        with self._session() as session, session.begin():
            existing = session.scalars(
                select(Assessment).where(Assessment.uuid == transfer.uuid)
            ).one_or_none()
            if existing is not None:
                raise ServiceError(
                    t(
                        "{path}: this assessment is already in the database (ID {id}); "
                        "delete it first or merge the file into it",
                        path=path,
                        id=existing.id,
                    )
                )
            row = repo.assessment_from_transfer(transfer)
            session.add(row)
            session.flush()
            summary = MergeSummary(assessment_id=row.id, created=True)
            summary.respondents_added = [person.label for person in transfer.respondents]
            summary.added = sum(len(person.answers) for person in transfer.respondents)
            return summary

    def _merge(self, path: Path, transfer: TransferredAssessment, merge_into: int) -> MergeSummary:
        snapshot_hash = form_hash(form_to_json(transfer.form))
        self.info(merge_into)  # a missing assessment is reported before anything is written
        self.backup_now("before-merge")
        with self._session() as session, session.begin():
            target = self._get(session, merge_into)
            if target.lineage != transfer.lineage:
                raise ServiceError(
                    t(
                        "{path} belongs to another assessment: {source}. It can only be merged "
                        "into that assessment, not into {target}",
                        path=path,
                        source=transfer.describe(),
                        target=_describe(target),
                    ),
                    details=self._lineage_hint(session, transfer),
                )
            same_edition = (transfer.form.id, transfer.form.version) == (
                target.form_id,
                target.form_version,
            )
            if target.form_hash != snapshot_hash and same_edition:
                raise ServiceError(
                    t(
                        "{path}: the text of questionnaire {form} in the file differs from the "
                        "one assessment {id} was answered with",
                        path=path,
                        form=f"{transfer.form.id} {transfer.form.version}",
                        id=merge_into,
                    ),
                    details=[
                        t(
                            "The questionnaire file was changed on one of the computers without "
                            "a new version number. Merge only files answered with the same "
                            "questionnaire text, or import the file as a new assessment."
                        )
                    ],
                )
            if target.form_hash != snapshot_hash:
                raise ServiceError(
                    t(
                        "{path}: answered with a different questionnaire ({form}) "
                        "than assessment {id} ({target})",
                        path=path,
                        form=f"{transfer.form.id} {transfer.form.version}",
                        id=merge_into,
                        target=f"{target.form_id} {target.form_version}",
                    )
                )
            group = next((r for r in target.respondents if r.role == Role.GROUP.value), None)
            for person in transfer.respondents:
                if person.role is Role.GROUP and group is not None and group.uuid != person.uuid:
                    raise ServiceError(
                        t(
                            "{path}: the assessment already has the group's agreed answers",
                            path=path,
                        )
                    )
            summary = repo.merge_transfer(session, target, transfer)
            if summary.changed:
                target.updated_at = func.current_timestamp()
            return summary

    @staticmethod
    def _lineage_hint(session: Session, transfer: TransferredAssessment) -> list[str]:
        same = session.scalars(
            select(Assessment).where(Assessment.lineage == transfer.lineage)
        ).first()
        if same is not None:
            return [t("In this database that is assessment {id}.", id=same.id)]
        return [
            t(
                "Import the file as a new assessment, or merge only files exported from a copy "
                "of this assessment."
            )
        ]

    def backup_now(self, reason: str = "manual") -> Path | None:
        """A consistent copy of the database file into its backup folder (None for a server)."""
        if self.db.path is None or self.db.read_only:
            return None
        from ethics_tool.storage.backup import create_backup

        return create_backup(self.db.path, reason)

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


def _describe(row: Assessment) -> str:
    unit = row.unit_name or row.unit_type
    return (
        f"{row.municipality} — {unit}, {row.assessed_on.isoformat()} ({row.form_id}, ID {row.id})"
    )


def record_text(record: AnswerRecord) -> str:
    """One side of a merge conflict for the user: the answer, its comment and when it changed."""
    if record.kind is None:
        answer = t("no answer")
    elif record.kind is AnswerKind.NA:
        answer = t("Not applicable")
    elif record.kind is AnswerKind.UNKNOWN:
        answer = t("Don't know")
    else:
        answer = str(record.value)
    if record.comment:
        comment = record.comment if len(record.comment) <= 60 else record.comment[:59] + "…"
        answer += f" “{comment}”"
    if record.updated_at.year > 1970:
        answer += " " + t("(changed {time} UTC)", time=record.updated_at.strftime("%Y-%m-%d %H:%M"))
    return answer


def summary_lines(summary: MergeSummary) -> list[str]:
    """What an import or merge did, one line each (the CLI prints them, the GUI shows them)."""
    lines = []
    if summary.created:
        lines.append(t("Imported as assessment {id}", id=summary.assessment_id))
    else:
        lines.append(t("Merged into assessment {id}", id=summary.assessment_id))
    names = ", ".join(summary.respondents_added) if summary.respondents_added else "—"
    lines.append(
        t(
            "Respondents added: {count} ({names})",
            count=len(summary.respondents_added),
            names=names,
        )
    )
    lines.append(
        t(
            "Answers added: {added}, updated: {updated}, unchanged: {unchanged}, "
            "conflicts: {conflicts}",
            added=summary.added,
            updated=summary.updated,
            unchanged=summary.unchanged,
            conflicts=len(summary.conflicts),
        )
    )
    for conflict in summary.conflicts:
        lines.append(
            t(
                "Conflict {respondent} / {question}: kept {kept}; set aside {other}",
                respondent=conflict.respondent,
                question=conflict.question_id,
                kept=record_text(conflict.kept),
                other=record_text(conflict.other),
            )
        )
    return lines
