"""SQLAlchemy 2 typed ORM classes over the tables of :mod:`ethics_tool.storage.core_tables`.

The schema (columns, types, defaults, constraints) is declared once, as Core tables, in
``core_tables``; this module maps a class onto each (its relationships, the large form snapshot
loaded only when accessed, the version counters). ``Mapped`` annotations without a value are only
types: the column comes from the table.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, relationship

from ethics_tool.storage import core_tables
from ethics_tool.storage.core_tables import NAMING_CONVENTION as NAMING_CONVENTION
from ethics_tool.storage.core_tables import new_uuid as new_uuid


class Base(DeclarativeBase):
    metadata = core_tables.metadata


class Assessment(Base):
    __table__ = core_tables.assessment

    id: Mapped[int]
    uuid: Mapped[str]
    lineage: Mapped[str]
    municipality: Mapped[str]
    unit_type: Mapped[str]
    unit_name: Mapped[str]
    assessed_on: Mapped[date]
    round_label: Mapped[str]
    prepared_by: Mapped[str]
    form_id: Mapped[str]
    form_version: Mapped[str]
    form_hash: Mapped[str]
    # Large (the whole form as JSON): loaded only when accessed.
    form_snapshot: Mapped[str] = deferred(core_tables.assessment.c.form_snapshot)
    mode: Mapped[str]
    status: Mapped[str]
    is_demo: Mapped[bool]
    previous_id: Mapped[int | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    revision: Mapped[int]

    respondents: Mapped[list[Respondent]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="Respondent.position"
    )
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="ActionItem.position"
    )


class Respondent(Base):
    """A person or the group answering; identified by a label and a role, never required by name."""

    __table__ = core_tables.respondent

    id: Mapped[int]
    uuid: Mapped[str]
    assessment_id: Mapped[int]
    label: Mapped[str]
    role: Mapped[str]
    position: Mapped[int]

    assessment: Mapped[Assessment] = relationship(back_populates="respondents")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="respondent", cascade="all, delete-orphan"
    )


class Answer(Base):
    __table__ = core_tables.answer

    id: Mapped[int]
    respondent_id: Mapped[int]
    question_id: Mapped[str]
    kind: Mapped[str | None]  # None: a comment written before (or without) an answer
    value: Mapped[int | None]
    comment: Mapped[str]
    updated_at: Mapped[datetime]
    installation: Mapped[str]
    clock: Mapped[str]
    # Optimistic locking on a shared database: an UPDATE of a version someone else already
    # changed fails (StaleDataError), and a client compares it with the version it showed.
    version: Mapped[int]

    respondent: Mapped[Respondent] = relationship(back_populates="answers")

    __mapper_args__ = {"version_id_col": core_tables.answer.c.version}  # noqa: RUF012


class AppMeta(Base):
    """Small facts about this database, e.g. the id of this installation."""

    __table__ = core_tables.app_meta

    key: Mapped[str]
    value: Mapped[str]


class ActionItem(Base):
    """One row of the action plan: what, who ("Atbildīgais"), by when, status."""

    __table__ = core_tables.action_item

    id: Mapped[int]
    assessment_id: Mapped[int]
    question_id: Mapped[str | None]
    text: Mapped[str]
    responsible: Mapped[str]
    deadline: Mapped[date | None]
    status: Mapped[str]
    position: Mapped[int]
    version: Mapped[int]

    assessment: Mapped[Assessment] = relationship(back_populates="actions")

    __mapper_args__ = {"version_id_col": core_tables.action_item.c.version}  # noqa: RUF012


class DilemmaSession(Base):
    """One dilemma card discussed in a seminar: hands per option, notes, the linked assessment."""

    __table__ = core_tables.dilemma_session

    id: Mapped[int]
    uuid: Mapped[str]
    dilemma_id: Mapped[str]
    dilemma_title: Mapped[str]
    held_at: Mapped[datetime]
    assessment_id: Mapped[int | None]
    tallies: Mapped[str]
    notes: Mapped[str]
    discussion_seconds: Mapped[int]
    is_demo: Mapped[bool]
    created_at: Mapped[datetime]


class BenchSubmission(Base):
    """One anonymous benchmark file received by a collector (the file's payload is kept as sent)."""

    __table__ = core_tables.bench_submission

    id: Mapped[int]
    submission_id: Mapped[str]
    checksum: Mapped[str]
    received_at: Mapped[datetime]
    form_id: Mapped[str]
    form_version: Mapped[str]
    form_hash: Mapped[str]
    year: Mapped[int]
    municipality_type: Mapped[str]
    size_class: Mapped[str]
    unit_type: Mapped[str]
    overall: Mapped[float | None]
    coverage: Mapped[float]
    payload: Mapped[str]

    themes: Mapped[list[BenchThemeScore]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )


class BenchThemeScore(Base):
    __table__ = core_tables.bench_theme_score

    id: Mapped[int]
    submission_pk: Mapped[int]
    theme_id: Mapped[str]
    score: Mapped[float | None]
    climate: Mapped[float | None]
    coverage: Mapped[float]

    submission: Mapped[BenchSubmission] = relationship(back_populates="themes")


class BenchReference(Base):
    """A published reference (national quartiles) loaded by a municipality to compare itself."""

    __table__ = core_tables.bench_reference

    id: Mapped[int]
    checksum: Mapped[str]
    loaded_at: Mapped[datetime]
    form_id: Mapped[str]
    form_version: Mapped[str]
    year: Mapped[int]
    payload: Mapped[str]
