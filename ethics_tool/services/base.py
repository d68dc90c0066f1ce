"""What every use case stands on: the database, the form catalogue, the errors and the form cache.

Each public method of a use case is one unit of work in its own session and commits before it returns,
so an answer is on disk the moment it is given. Methods take and return plain domain objects, never
ORM rows.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ethics_tool.domain.assessment import AssessmentInfo, Status, round_text
from ethics_tool.domain.loader import FormCatalog, form_from_json
from ethics_tool.domain.questionnaire import Questionnaire
from ethics_tool.errors import UserError
from ethics_tool.i18n import t, unit_type_label
from ethics_tool.storage.db import Database
from ethics_tool.storage.repository.views import info_of
from ethics_tool.storage.tables import Assessment
from ethics_tool.storage.versions import Seen

if TYPE_CHECKING:
    from ethics_tool.seminar import SeminarService


class ServiceError(UserError):
    """A request that cannot be carried out, with a message for the user."""


class NotFoundError(ServiceError):
    pass


class FinishedError(ServiceError):
    """A change to what a finished assessment assessed (answers, comments, respondents, its unit
    and date): refused until it is reopened. Its action plan, round label and "prepared by" stay
    editable (see docs/gui.md, "Finished assessments")."""


class ConflictError(ServiceError):
    """Someone changed the same thing on another computer since this one showed it: not saved."""


def finished_error(info: AssessmentInfo) -> FinishedError:
    """What a change to the finished assessment ``info`` is refused with, and how to reopen it."""
    unit = info.municipality + " — " + (info.unit_name or unit_type_label(info.unit_type))
    return FinishedError(
        t(
            "{unit}, {round} (ID {id}) is finished: its answers, comments and respondents can no "
            "longer be changed. Reopen it first (“Reopen” in the desktop program, or "
            "ethics-tool reopen {id}).",
            unit=unit,
            round=round_text(info),
            id=info.id,
        )
    )


# Parsed form snapshots by their hash: a snapshot never changes, so one parse serves every later use.
_FORMS: dict[str, Questionnaire] = {}


def parse_snapshot(snapshot_hash: str, snapshot: str) -> Questionnaire:
    form = _FORMS.get(snapshot_hash)
    if form is None:
        form = _FORMS[snapshot_hash] = form_from_json(snapshot)
    return form


class ServiceBase:
    """One database and one form catalogue, shared by every use case (see :class:`Services`)."""

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
    def _refuse_if_finished(row: Assessment) -> None:
        """Raise :class:`FinishedError` when ``row`` is finished (a reopened one is in progress)."""
        if row.status == Status.COMPLETED.value:
            raise finished_error(info_of(row))

    @staticmethod
    def _form_of(row: Assessment) -> Questionnaire:
        # The snapshot column is deferred: it is read from the file only on a cache miss.
        cached = _FORMS.get(row.form_hash)
        return cached if cached is not None else parse_snapshot(row.form_hash, row.form_snapshot)

    @functools.cached_property
    def seen(self) -> Seen:
        """The answer and action versions this program last showed (see services/sharing.py)."""
        return Seen()

    # -- seminar kit --------------------------------------------------------------------------
    @functools.cached_property
    def seminar(self) -> SeminarService:
        """Dilemma cards and the sessions in which they were discussed."""
        from ethics_tool.seminar import SeminarService

        return SeminarService(self.db)
