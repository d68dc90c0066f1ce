"""benchmark set and loaded references

Revision ID: 0005_bench
Revises: 0004_seminar
Create Date: 2026-12-01 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_bench"
down_revision = "0004_seminar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bench_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.String(length=64), nullable=False),
        sa.Column("checksum", sa.String(length=80), nullable=False),
        sa.Column(
            "received_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("form_version", sa.String(length=20), nullable=False),
        sa.Column("form_hash", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("municipality_type", sa.String(length=20), nullable=False),
        sa.Column("size_class", sa.String(length=20), nullable=False),
        sa.Column("unit_type", sa.String(length=60), nullable=False),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bench_submission")),
        sa.UniqueConstraint("submission_id", name=op.f("uq_bench_submission_submission_id")),
    )
    op.create_table(
        "bench_theme_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_pk", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("climate", sa.Float(), nullable=True),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_pk"],
            ["bench_submission.id"],
            name=op.f("fk_bench_theme_score_submission_pk_bench_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bench_theme_score")),
        sa.UniqueConstraint(
            "submission_pk", "theme_id", name=op.f("uq_bench_theme_score_submission_pk")
        ),
    )
    with op.batch_alter_table("bench_theme_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bench_theme_score_submission_pk"), ["submission_pk"], unique=False
        )
    op.create_table(
        "bench_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checksum", sa.String(length=80), nullable=False),
        sa.Column(
            "loaded_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("form_version", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bench_reference")),
        sa.UniqueConstraint("checksum", name=op.f("uq_bench_reference_checksum")),
    )
    with op.batch_alter_table("bench_reference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bench_reference_form_id"), ["form_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bench_reference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bench_reference_form_id"))
    op.drop_table("bench_reference")
    with op.batch_alter_table("bench_theme_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bench_theme_score_submission_pk"))
    op.drop_table("bench_theme_score")
    op.drop_table("bench_submission")
