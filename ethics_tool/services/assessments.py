"""Assessments as a whole: create, list, load, change, delete, a new round and a copy."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import (
    ROUND_LABEL_MAX,
    AssessmentData,
    AssessmentInfo,
    AssessmentSummary,
    Status,
)
from ethics_tool.domain.loader import form_hash, form_to_json
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.i18n import t
from ethics_tool.services.base import ServiceBase, ServiceError
from ethics_tool.storage import listing
from ethics_tool.storage import repository as repo
from ethics_tool.storage.tables import Answer, Assessment, Respondent, new_uuid

log = logging.getLogger(__name__)


# What a finished assessment still lets change besides its action plan: how the report names it.
STILL_EDITABLE = frozenset({"round_label", "prepared_by"})


@dataclasses.dataclass(frozen=True)
class NewRespondent:
    label: str
    role: Role = Role.OTHER
    uuid: str | None = None  # kept from an earlier round: the same person


class AssessmentUseCases(ServiceBase):
    """Create, list, load, change and delete assessments; start a new round; copy one."""

    # -- assessments --------------------------------------------------------------------------
    def create_assessment(
        self,
        *,
        municipality: str,
        form_id: str,
        unit_type: str = "dome",
        unit_name: str = "",
        assessed_on: date | None = None,
        round_label: str = "",
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
        if len(round_label.strip()) > ROUND_LABEL_MAX:
            raise ServiceError(
                t("the round label is longer than {limit} characters", limit=ROUND_LABEL_MAX)
            )
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
                round_label=round_label.strip(),
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
        """All assessments, newest first, with their progress (:mod:`ethics_tool.storage.listing`)."""
        return listing.list_assessments(self.db.engine, include_archived)

    def info(self, assessment_id: int) -> AssessmentInfo:
        with self._session() as session:
            return repo.info_of(self._get(session, assessment_id))

    def load(
        self, assessment_id: int, with_history: bool = False, editing: bool = False
    ) -> AssessmentData:
        """The assessment with its form snapshot, respondents, answers and action plan.

        ``with_history`` adds every answer's merge history (for an export). ``editing``: the
        answers are shown to be changed (the questionnaire); a later save of one that was changed
        elsewhere since is a conflict (services/sharing.py).
        """
        with self._session() as session:
            row = self._get(session, assessment_id)
            if editing:
                self.seen.remember_answers(session, [r.id for r in row.respondents])
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
        """Change metadata: municipality, unit_type, unit_name, assessed_on, round_label, prepared_by.

        Of a finished assessment only the round label and "prepared by" (the report's cover).
        """
        allowed = {
            "municipality",
            "unit_type",
            "unit_name",
            "assessed_on",
            "round_label",
            "prepared_by",
        }
        unknown = set(fields) - allowed
        if unknown:
            raise ServiceError(t("cannot change {fields}", fields=", ".join(sorted(unknown))))
        if "municipality" in fields and not str(fields["municipality"]).strip():
            raise ServiceError(t("the municipality must not be empty"))
        with self._session() as session, session.begin():
            row = self._get(session, assessment_id)
            if set(fields) - STILL_EDITABLE:  # what was assessed, and where and when
                self._refuse_if_finished(row)
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

    def new_round(
        self, assessment_id: int, assessed_on: date | None = None, label: str = ""
    ) -> int:
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
            round_label=label,
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
