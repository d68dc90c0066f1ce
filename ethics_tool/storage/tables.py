"""SQLAlchemy 2 typed models: assessments, respondents, answers and action-plan items."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import ActionStatus, Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> str:
    return str(uuid.uuid4())


class Assessment(Base):
    __tablename__ = "assessment"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    # Shared by every copy of this round (on other computers, via export and import); a new round
    # or a duplicate starts a lineage of its own, so a file of another round is never merged in.
    lineage: Mapped[str] = mapped_column(String(36), index=True, default=new_uuid)
    municipality: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(60), default="dome")
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    assessed_on: Mapped[date] = mapped_column(Date)
    # Tells rounds of one unit apart ("2. kārta", "Pavasaris 2027"); shown beside the date.
    round_label: Mapped[str] = mapped_column(String(100), default="", server_default="")
    prepared_by: Mapped[str] = mapped_column(String(200), default="")
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[str] = mapped_column(String(20))
    form_hash: Mapped[str] = mapped_column(String(64))
    # Large (the whole form as JSON): loaded only when accessed.
    form_snapshot: Mapped[str] = mapped_column(Text, deferred=True)
    mode: Mapped[str] = mapped_column(String(20), default=Mode.SINGLE.value)
    status: Mapped[str] = mapped_column(String(20), default=Status.IN_PROGRESS.value)
    is_demo: Mapped[bool] = mapped_column(default=False)
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    # Counts every change (answers, respondents, plan, details): another computer showing the
    # assessment notices that it grew (storage/versions.py keeps it up to date).
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default=sql_text("0"))

    respondents: Mapped[list[Respondent]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="Respondent.position"
    )
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="ActionItem.position"
    )


class Respondent(Base):
    """A person or the group answering; identified by a label and a role, never required by name."""

    __tablename__ = "respondent"
    __table_args__ = (UniqueConstraint("assessment_id", "uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), default=new_uuid)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default=Role.OTHER.value)
    position: Mapped[int] = mapped_column(Integer, default=0)

    assessment: Mapped[Assessment] = relationship(back_populates="respondents")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="respondent", cascade="all, delete-orphan"
    )


class Answer(Base):
    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("respondent_id", "question_id"),
        CheckConstraint("kind IN ('level', 'na', 'unknown')", name="kind_valid"),
        CheckConstraint("(kind = 'level') = (value IS NOT NULL)", name="value_iff_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(64))
    # None: a comment written before (or without) an answer.
    kind: Mapped[str | None] = mapped_column(String(10))
    value: Mapped[int | None] = mapped_column(default=None)
    comment: Mapped[str] = mapped_column(Text, default="")
    # When and on which installation the answer last changed, and its version vector (JSON:
    # installation id -> edits made there); set by the repository, compared when merging.
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    installation: Mapped[str] = mapped_column(String(36), default="", server_default="")
    clock: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    # Optimistic locking on a shared database: an UPDATE of a version someone else already
    # changed fails (StaleDataError), and a client compares it with the version it showed.
    version: Mapped[int] = mapped_column(Integer, server_default=sql_text("1"))

    respondent: Mapped[Respondent] = relationship(back_populates="answers")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class AppMeta(Base):
    """Small facts about this database, e.g. the id of this installation."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ActionItem(Base):
    """One row of the action plan: what, who ("Atbildīgais"), by when, status."""

    __tablename__ = "action_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str | None] = mapped_column(String(64), default=None)
    text: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    deadline: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.NOT_STARTED.value)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, server_default=sql_text("1"))

    assessment: Mapped[Assessment] = relationship(back_populates="actions")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class DilemmaSession(Base):
    """One dilemma card discussed in a seminar: hands per option, notes, the linked assessment."""

    __tablename__ = "dilemma_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    dilemma_id: Mapped[str] = mapped_column(String(64), index=True)
    dilemma_title: Mapped[str] = mapped_column(String(200), default="")  # the title when held
    held_at: Mapped[datetime] = mapped_column(DateTime)
    assessment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), index=True, default=None
    )
    tallies: Mapped[str] = mapped_column(Text, default="[]")  # JSON: hands per option, A first
    notes: Mapped[str] = mapped_column(Text, default="")
    discussion_seconds: Mapped[int] = mapped_column(Integer, default=0)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class BenchSubmission(Base):
    """One anonymous benchmark file received by a collector (the file's payload is kept as sent)."""

    __tablename__ = "bench_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    checksum: Mapped[str] = mapped_column(String(80))
    received_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[str] = mapped_column(String(20))
    form_hash: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    municipality_type: Mapped[str] = mapped_column(String(20))
    size_class: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(60))
    overall: Mapped[float | None] = mapped_column(Float, default=None)
    coverage: Mapped[float] = mapped_column(Float)
    payload: Mapped[str] = mapped_column(Text)

    themes: Mapped[list[BenchThemeScore]] = relationship(
        back_populates="submission", cascade="all, delete-orphan"
    )


class BenchThemeScore(Base):
    __tablename__ = "bench_theme_score"
    __table_args__ = (UniqueConstraint("submission_pk", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_pk: Mapped[int] = mapped_column(
        ForeignKey("bench_submission.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[float | None] = mapped_column(Float, default=None)
    climate: Mapped[float | None] = mapped_column(Float, default=None)
    coverage: Mapped[float] = mapped_column(Float)

    submission: Mapped[BenchSubmission] = relationship(back_populates="themes")


class BenchReference(Base):
    """A published reference (national quartiles) loaded by a municipality to compare itself."""

    __tablename__ = "bench_reference"

    id: Mapped[int] = mapped_column(primary_key=True)
    checksum: Mapped[str] = mapped_column(String(80), unique=True)
    loaded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    form_id: Mapped[str] = mapped_column(String(64), index=True)
    form_version: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
