"""dilemma sessions of the seminar kit

Revision ID: 0004_seminar
Revises: 0001_baseline
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_seminar"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dilemma_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dilemma_id", sa.String(length=64), nullable=False),
        sa.Column("dilemma_title", sa.String(length=200), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("tallies", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("discussion_seconds", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_dilemma_session_assessment_id_assessment"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dilemma_session")),
        sa.UniqueConstraint("uuid", name=op.f("uq_dilemma_session_uuid")),
    )
    op.create_index(
        op.f("ix_dilemma_session_assessment_id"),
        "dilemma_session",
        ["assessment_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dilemma_session_dilemma_id"), "dilemma_session", ["dilemma_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_dilemma_session_dilemma_id"), table_name="dilemma_session")
    op.drop_index(op.f("ix_dilemma_session_assessment_id"), table_name="dilemma_session")
    op.drop_table("dilemma_session")
