"""The database tables as SQLAlchemy Core ``Table`` objects: the schema, without the ORM.

:mod:`ethics_tool.storage.tables` maps its classes (``Assessment``, ``Answer``…) onto these tables;
Alembic compares its migrations with :data:`metadata` (tests/unit/storage/test_migrations.py). The
schema is declared here, apart from the mapping, so that reading the list of assessments
(:mod:`ethics_tool.storage.listing`) needs only SQLAlchemy's core: the desktop program fills its
home list before ``sqlalchemy.orm`` (about a tenth of a second) is imported (docs/startup.md).
"""

from __future__ import annotations

import uuid

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy import text as sql_text
from sqlalchemy.sql import functions

from ethics_tool.domain.answers import Mode, Role
from ethics_tool.domain.assessment import ActionStatus, Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def new_uuid() -> str:
    return str(uuid.uuid4())


def _now() -> functions.current_timestamp:
    return func.current_timestamp()


assessment = Table(
    "assessment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True, default=new_uuid),
    # Shared by every copy of this round (on other computers, via export and import); a new round
    # or a duplicate starts a lineage of its own, so a file of another round is never merged in.
    Column("lineage", String(36), nullable=False, index=True, default=new_uuid),
    Column("municipality", String(200), nullable=False),
    Column("unit_type", String(60), nullable=False, default="dome"),
    Column("unit_name", String(200), nullable=False, default=""),
    Column("assessed_on", Date, nullable=False),
    # Tells rounds of one unit apart ("2. kārta", "Pavasaris 2027"); shown beside the date.
    Column("round_label", String(100), nullable=False, default="", server_default=""),
    Column("prepared_by", String(200), nullable=False, default=""),
    Column("form_id", String(64), nullable=False),
    Column("form_version", String(20), nullable=False),
    Column("form_hash", String(64), nullable=False),
    # Large (the whole form as JSON): the mapping loads it only when accessed.
    Column("form_snapshot", Text, nullable=False),
    Column("mode", String(20), nullable=False, default=Mode.SINGLE.value),
    Column("status", String(20), nullable=False, default=Status.IN_PROGRESS.value),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column(
        "previous_id",
        Integer,
        ForeignKey("assessment.id", ondelete="SET NULL"),
        nullable=True,
        default=None,
    ),
    Column("created_at", DateTime, nullable=False, server_default=_now()),
    Column("updated_at", DateTime, nullable=False, server_default=_now(), onupdate=_now()),
    # Counts every change (answers, respondents, plan, details): another computer showing the
    # assessment notices that it grew (storage/versions.py keeps it up to date).
    Column("revision", Integer, nullable=False, default=0, server_default=sql_text("0")),
)

# A person or the group answering; identified by a label and a role, never required by name.
respondent = Table(
    "respondent",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, default=new_uuid),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessment.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("label", String(200), nullable=False),
    Column("role", String(20), nullable=False, default=Role.OTHER.value),
    Column("position", Integer, nullable=False, default=0),
    UniqueConstraint("assessment_id", "uuid"),
)

answer = Table(
    "answer",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "respondent_id",
        Integer,
        ForeignKey("respondent.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("question_id", String(64), nullable=False),
    # None: a comment written before (or without) an answer.
    Column("kind", String(10), nullable=True),
    Column("value", Integer, nullable=True, default=None),
    Column("comment", Text, nullable=False, default=""),
    # When and on which installation the answer last changed, and its version vector (JSON:
    # installation id -> edits made there); set by the repository, compared when merging.
    Column("updated_at", DateTime, nullable=False, server_default=_now()),
    Column("installation", String(36), nullable=False, default="", server_default=""),
    Column("clock", Text, nullable=False, default="{}", server_default="{}"),
    # Optimistic locking on a shared database: an UPDATE of a version someone else already
    # changed fails (StaleDataError), and a client compares it with the version it showed.
    Column("version", Integer, nullable=False, server_default=sql_text("1")),
    UniqueConstraint("respondent_id", "question_id"),
    CheckConstraint("kind IN ('level', 'na', 'unknown')", name="kind_valid"),
    CheckConstraint("(kind = 'level') = (value IS NOT NULL)", name="value_iff_level"),
)

# Small facts about this database, e.g. the id of this installation.
app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# One row of the action plan: what, who ("Atbildīgais"), by when, status.
action_item = Table(
    "action_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessment.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("question_id", String(64), nullable=True, default=None),
    Column("text", Text, nullable=False),
    Column("responsible", String(200), nullable=False, default=""),
    Column("deadline", Date, nullable=True, default=None),
    Column("status", String(20), nullable=False, default=ActionStatus.NOT_STARTED.value),
    Column("position", Integer, nullable=False, default=0),
    Column("version", Integer, nullable=False, server_default=sql_text("1")),
)

# One dilemma card discussed in a seminar: hands per option, notes, the linked assessment.
dilemma_session = Table(
    "dilemma_session",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True, default=new_uuid),
    Column("dilemma_id", String(64), nullable=False, index=True),
    Column("dilemma_title", String(200), nullable=False, default=""),  # the title when held
    Column("held_at", DateTime, nullable=False),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessment.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
        default=None,
    ),
    Column("tallies", Text, nullable=False, default="[]"),  # JSON: hands per option, A first
    Column("notes", Text, nullable=False, default=""),
    Column("discussion_seconds", Integer, nullable=False, default=0),
    Column("is_demo", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False, server_default=_now()),
)

# One anonymous benchmark file received by a collector (the file's payload is kept as sent).
bench_submission = Table(
    "bench_submission",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", String(64), nullable=False, unique=True),
    Column("checksum", String(80), nullable=False),
    Column("received_at", DateTime, nullable=False, server_default=_now()),
    Column("form_id", String(64), nullable=False),
    Column("form_version", String(20), nullable=False),
    Column("form_hash", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("municipality_type", String(20), nullable=False),
    Column("size_class", String(20), nullable=False),
    Column("unit_type", String(60), nullable=False),
    Column("overall", Float, nullable=True, default=None),
    Column("coverage", Float, nullable=False),
    Column("payload", Text, nullable=False),
)

bench_theme_score = Table(
    "bench_theme_score",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "submission_pk",
        Integer,
        ForeignKey("bench_submission.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("theme_id", String(64), nullable=False),
    Column("score", Float, nullable=True, default=None),
    Column("climate", Float, nullable=True, default=None),
    Column("coverage", Float, nullable=False),
    UniqueConstraint("submission_pk", "theme_id"),
)

# A published reference (national quartiles) loaded by a municipality to compare itself.
bench_reference = Table(
    "bench_reference",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("checksum", String(80), nullable=False, unique=True),
    Column("loaded_at", DateTime, nullable=False, server_default=_now()),
    Column("form_id", String(64), nullable=False, index=True),
    Column("form_version", String(20), nullable=False),
    Column("year", Integer, nullable=False),
    Column("payload", Text, nullable=False),
)
